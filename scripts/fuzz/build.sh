#!/usr/bin/env bash
# Builds the libFuzzer driver (responder-fuzz) with AddressSanitizer, in its own build folder so the
# ordinary build is untouched. Swift code gets -sanitize=fuzzer,address; the C shim gets the same
# instrumentation through -Xcc. libxml2 and zlib are the system's and are not instrumented.
# Prints the path of the built binary.
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=.build-fuzz
swift build -c release --scratch-path "$scratch" --product responder-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
    -Xcc -fsanitize=fuzzer-no-link,address -Xswiftc -use-ld=lld >&2
echo "$(swift build -c release --scratch-path "$scratch" --show-bin-path)/responder-fuzz"
