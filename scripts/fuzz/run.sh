#!/usr/bin/env bash
# Fuzzes one reader for a given time: scripts/fuzz/run.sh TARGET SECONDS
#   TARGET: csv | sheet-xml | xlsx
# Builds the libFuzzer binary (build.sh), seeds .fuzz/seeds from the fixtures (make_seeds.py), and
# runs libFuzzer in fork mode so a crash is saved and fuzzing goes on. Everything it writes is under
# .fuzz/ (ignored by git):
#   .fuzz/corpus/TARGET     the inputs that found new coverage (kept between runs)
#   .fuzz/artifacts/TARGET  crash-*, timeout-*, oom-* inputs: fix each, then copy it to
#                           Tests/SpreadsheetTests/Fuzz/Regressions/TARGET/ so swift test replays it
#   .fuzz/logs/TARGET-<time>.log   libFuzzer's output, with its final statistics
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:?usage: run.sh csv|sheet-xml|xlsx SECONDS}
seconds=${2:?usage: run.sh csv|sheet-xml|xlsx SECONDS}
case "$target" in
    csv) max_len=65536; flags=() ;;
    sheet-xml) max_len=65536; flags=(-dict=scripts/fuzz/spreadsheetml.dict) ;;
    xlsx) max_len=262144; flags=(-dict=scripts/fuzz/spreadsheetml.dict) ;;
    *) echo "unknown target '$target': csv, sheet-xml or xlsx" >&2; exit 64 ;;
esac

binary=$(scripts/fuzz/build.sh)
mkdir -p Tests/SpreadsheetTests/Fuzz/Regressions/"$target" .fuzz/seeds .fuzz/corpus/"$target" .fuzz/artifacts/"$target" .fuzz/logs .fuzz/scratch/"$target"
python3 scripts/fuzz/make_seeds.py .fuzz/seeds >/dev/null
log=.fuzz/logs/"$target"-$(date -u +%Y%m%dT%H%M%SZ).log
echo "fuzzing $target for $seconds s; log: $log" >&2

# -timeout: an input that takes 10 s is a hang; -rss_limit_mb: 2 GiB is far above any cap.
# Regression inputs are part of the corpus, so they are re-run first.
FUZZ_TARGET="$target" FUZZ_SCRATCH_DIR="$PWD/.fuzz/scratch/$target" "$binary" \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    "${flags[@]}" -print_final_stats=1 \
    -artifact_prefix=.fuzz/artifacts/"$target"/ \
    .fuzz/corpus/"$target" .fuzz/seeds/"$target" Tests/SpreadsheetTests/Fuzz/Regressions/"$target" \
    >"$log" 2>&1 || true
tail -n 20 "$log" >&2
ls .fuzz/artifacts/"$target"
