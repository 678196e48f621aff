#!/usr/bin/env bash
# `responder draft` on a questionnaire whose one question holds a single word of 100 to 1,000,000
# letters (make_long_token.py), for BENCHMARKS.md: time and memory must stay flat in the length.
#   scripts/bench/long_token.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
swift build -c release --product responder >/dev/null
bin=$PWD/.build/release/responder
work=/tmp/responder-bench-long-token
rm -rf "$work" && mkdir -p "$work"
source scripts/bench/measure.sh
echo "| longest token (letters) | wall s (median of $runs) | CPU s (median) | peak MB |"
echo "|---:|---:|---:|---:|"
for length in 100 1000 10000 100000 1000000; do
    python3 scripts/bench/make_long_token.py "$length" "$work/q-$length.csv"
    # A fresh store per run keeps the knowledge-base load the same in every row.
    measure "$length" bash -c "rm -rf '$work/out-$length' && '$bin' draft '$work/q-$length.csv' --kb Samples/org \
        --mappings Mappings --as-of 2026-11-23 --out '$work/out-$length' --db '$work/out-$length.sqlite' && rm -f '$work/out-$length.sqlite'"
done
