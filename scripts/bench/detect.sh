#!/usr/bin/env bash
# Question detection against reading alone (BENCHMARKS.md, "Finding the questions"): on the 50,000-row
# questionnaires, `responder inspect --format json` (read + detect + stream the JSON out) beside
# `responder bench-read` (read only) and openpyxl reading the same file, in one run.
#   scripts/bench/detect.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
inputs=${BENCH_INPUTS:-/tmp/responder-bench}
python3 -c 'import openpyxl, xlsxwriter' 2>/dev/null || pip install -q openpyxl xlsxwriter
swift build -c release --product responder >/dev/null
bin=.build/release/responder
python3 scripts/bench/make_inputs.py "$inputs"
source scripts/bench/measure.sh

echo "| measurement | wall s (median of $runs) | CPU s (median) | peak MB |"
echo "|---|---:|---:|---:|"
for kind in shared inline; do
    file="$inputs/read-50k-$kind.xlsx"
    measure "responder read ($kind strings)" "$bin" bench-read "$file"
    measure "responder inspect --format json ($kind strings)" "$bin" inspect --format json "$file"
    measure "openpyxl read-only ($kind strings)" python3 scripts/bench/peers.py openpyxl "$file"
done
measure "responder read (CSV)" "$bin" bench-read "$inputs/read-50k.csv"
measure "responder inspect --format json (CSV)" "$bin" inspect --format json "$inputs/read-50k.csv"
