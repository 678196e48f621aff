#!/usr/bin/env bash
# The load test (a benchmark, not a timed test): 8 reviewer processes deciding 500 questions each,
# concurrently, against a SQLite store and against the PostgreSQL database in
# RESPONDER_TEST_POSTGRES_URL (scripts/test.sh starts one). Fails when a decision is missing, the
# audit log does not hold exactly one entry per change, or a process failed (lock errors included).
# Set LOADTEST_CONFIGURATION=release for the figures in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${LOADTEST_CONFIGURATION:-debug}
swift build -c "$configuration" --product responder-loadtest >/dev/null
bin="$(swift build -c "$configuration" --show-bin-path)/responder-loadtest"
if [ -z "${RESPONDER_TEST_POSTGRES_URL:-}" ]; then
    echo "error: RESPONDER_TEST_POSTGRES_URL is not set; run scripts/test.sh, which starts a throw-away cluster" >&2
    exit 1
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$bin" --store "$scratch/load.sqlite" --reviewers 8 --questions 500
"$bin" --store "$RESPONDER_TEST_POSTGRES_URL" --reviewers 8 --questions 500
