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

# measure LABEL COMMAND...: prints "| LABEL | median wall s | median CPU s | peak MB |". CPU is user +
# system time of the command and its children: on a shared machine it moves less than wall time.
# One untimed warm-up run first, so every command starts with the file in the page cache.
# /usr/bin/time writes to a file (-o): on stderr its figures would be discarded with the command's.
measure() {
    local label=$1; shift
    local walls=() cpus=() peak=0 stats
    stats=$(mktemp)
    "$@" >/dev/null 2>&1
    for _ in $(seq "$runs"); do
        /usr/bin/time -o "$stats" -f "%e %U %S %M" "$@" >/dev/null 2>&1
        local wall user system kb
        read -r wall user system kb < <(tail -1 "$stats")
        walls+=("$wall")
        cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')")
        (( kb > peak )) && peak=$kb
    done
    rm -f "$stats"
    printf '| %s | %s | %s | %d |\n' "$label" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" $((peak / 1024))
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

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
