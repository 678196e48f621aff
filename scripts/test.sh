#!/usr/bin/env bash
# The test command: installs what the tests need (scripts/install-deps.sh: the C libraries and
# PostgreSQL), starts a throw-away PostgreSQL cluster on a free loopback port, runs every test
# (the run-store suite against SQLite and that cluster), then the load test against both stores,
# then the review desk's end-to-end test in a real headless Chromium (scripts/browser/review_desk_e2e.py,
# with Debian's python3, which has selenium), and stops the cluster on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
. scripts/postgres-throwaway.sh
trap postgres_throwaway_stop EXIT
postgres_throwaway_start
swift test --disable-xctest
scripts/loadtest.sh
swift build --product responder
/usr/bin/python3 scripts/browser/review_desk_e2e.py "$(swift build --show-bin-path)/responder"
