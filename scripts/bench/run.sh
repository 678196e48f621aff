#!/usr/bin/env bash
# Reproduces the figures in BENCHMARKS.md: builds responder in release mode, generates the inputs,
# and times each reader beside its peers in the same run (median of N runs, peak RSS).
#   scripts/bench/run.sh [RUNS]
# BENCH_INPUTS=DIR puts the inputs elsewhere; BENCH_BASELINE=BIN also times another responder binary
# (say, a release build of an older commit) on the reading rows, for before/after figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
inputs=${BENCH_INPUTS:-/tmp/responder-bench}
python3 -c 'import openpyxl, xlsxwriter' 2>/dev/null || pip install -q openpyxl xlsxwriter
command -v xmllint >/dev/null || apt-get install -y -qq libxml2-utils >/dev/null
swift build -c release --product responder >/dev/null
bin=.build/release/responder
python3 scripts/bench/make_inputs.py "$inputs"

source scripts/bench/measure.sh

floor() { # unzip the parts and stream-parse them with xmllint: the least any XLSX reader must do
    local file=$1; shift
    for part in "$@"; do unzip -p "$file" "$part" | xmllint --stream --noout - ; done
}
export -f floor

echo "| measurement | wall s (median of $runs) | CPU s (median) | peak MB |"
echo "|---|---:|---:|---:|"
baseline=${BENCH_BASELINE:-}
measure "responder read, XLSX shared strings" "$bin" bench-read "$inputs/read-50k-shared.xlsx"
[ -n "$baseline" ] && measure "baseline responder read, XLSX shared strings" "$baseline" bench-read "$inputs/read-50k-shared.xlsx"
measure "floor: unzip -p + xmllint --stream, shared strings" bash -c 'floor "$0" xl/sharedStrings.xml xl/worksheets/sheet1.xml' "$inputs/read-50k-shared.xlsx"
measure "openpyxl read-only, shared strings" python3 scripts/bench/peers.py openpyxl "$inputs/read-50k-shared.xlsx"
measure "responder read, XLSX inline strings" "$bin" bench-read "$inputs/read-50k-inline.xlsx"
[ -n "$baseline" ] && measure "baseline responder read, XLSX inline strings" "$baseline" bench-read "$inputs/read-50k-inline.xlsx"
measure "floor: unzip -p + xmllint --stream, inline strings" bash -c 'floor "$0" xl/worksheets/sheet1.xml' "$inputs/read-50k-inline.xlsx"
measure "openpyxl read-only, inline strings" python3 scripts/bench/peers.py openpyxl "$inputs/read-50k-inline.xlsx"
measure "responder read, CSV" "$bin" bench-read "$inputs/read-50k.csv"
[ -n "$baseline" ] && measure "baseline responder read, CSV" "$baseline" bench-read "$inputs/read-50k.csv"
measure "Python csv module, CSV" python3 scripts/bench/peers.py csv "$inputs/read-50k.csv"
if [ -d Samples/org ]; then
    rm -rf "$inputs/draft-out"
    measure "responder inspect, 1,000-question XLSX" "$bin" inspect "$inputs/draft-1000.xlsx" --format json
    measure "responder draft, 1,000-question XLSX (read, match, compose, write json+csv+md)" \
        "$bin" draft "$inputs/draft-1000.xlsx" --kb Samples/org --out "$inputs/draft-out" --as-of 2026-11-23
fi
