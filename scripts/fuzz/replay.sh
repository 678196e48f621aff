#!/usr/bin/env bash
# Replays the seed corpus and every saved regression input through the three fuzz harnesses under
# AddressSanitizer, once each, without mutating anything: a deterministic check, run by CI, that no
# known input crashes, leaks or trips a memory error. Exit status 1 on the first failing harness.
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=$(scripts/fuzz/build.sh)
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
python3 scripts/fuzz/make_seeds.py "$seeds" >/dev/null
mkdir -p "$seeds/scratch"
for target in csv sheet-xml xlsx; do
    mkdir -p "$seeds/$target" Tests/SpreadsheetTests/Fuzz/Regressions/"$target"
    # -runs=0: read and run every input once, then stop.
    if ! FUZZ_TARGET="$target" FUZZ_SCRATCH_DIR="$seeds/scratch" "$binary" -runs=0 -timeout=10 \
            "$seeds/$target" Tests/SpreadsheetTests/Fuzz/Regressions/"$target" >"$seeds/$target.log" 2>&1; then
        tail -n 40 "$seeds/$target.log" >&2
        echo "fuzz replay: $target failed" >&2
        exit 1
    fi
    echo "fuzz replay: $target: $(grep -o 'DONE .*' "$seeds/$target.log" | head -1)"
done
