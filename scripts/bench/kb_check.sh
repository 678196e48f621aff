#!/usr/bin/env bash
# `responder kb check` on knowledge bases whose library holds 1,000, 10,000 and 100,000 answers
# (generated under /tmp by make_kb.py), for BENCHMARKS.md.
#   scripts/bench/kb_check.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
swift build -c release --product responder >/dev/null
bin=$PWD/.build/release/responder
source scripts/bench/measure.sh
echo "| library answers | wall s (median of $runs) | CPU s (median) | peak MB |"
echo "|---:|---:|---:|---:|"
for count in 1000 10000 100000; do
    folder=/tmp/responder-bench-kb-$count
    python3 scripts/bench/make_kb.py "$count" "$folder"
    measure "$count" "$bin" kb check --kb "$folder/org" --mappings Mappings --as-of 2026-11-23
done
