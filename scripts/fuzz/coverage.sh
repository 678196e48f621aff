#!/usr/bin/env bash
# Line coverage of the reader code by the fuzzing corpus: scripts/fuzz/coverage.sh
# Builds the replay driver (responder-fuzz, no sanitizers) with coverage instrumentation in
# .build-cov, replays every input of .fuzz/corpus/<target>, the seeds and the regression inputs, and
# prints llvm-cov's report for the code on the read path: the readers (not Writing/), the ZIP
# reader, the two C shims and question detection.
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=.build-cov
swift build --scratch-path "$scratch" --product responder-fuzz \
    -Xswiftc -profile-generate -Xswiftc -profile-coverage-mapping \
    -Xcc -fprofile-instr-generate -Xcc -fcoverage-mapping >&2
binary="$(swift build --scratch-path "$scratch" --show-bin-path)/responder-fuzz"
profiles=.fuzz/coverage
rm -rf "$profiles" && mkdir -p "$profiles"
for target in csv sheet-xml xlsx; do
    # xargs batches the inputs; each batch writes its own profile (%p: the process id).
    find .fuzz/corpus/"$target" .fuzz/seeds/"$target" Tests/SpreadsheetTests/Fuzz/Regressions/"$target" -type f 2>/dev/null |
        LLVM_PROFILE_FILE="$PWD/$profiles/$target-%p.profraw" xargs -r -n 200 "$binary" "$target" >/dev/null || true
done
tools="$(dirname "$(readlink -f "$(command -v swift)")")"  # the toolchain's LLVM, which matches swiftc's profile format
"$tools"/llvm-profdata merge -sparse "$profiles"/*.profraw -o "$profiles/corpus.profdata"
"$tools"/llvm-cov report "$binary" -instr-profile="$profiles/corpus.profdata" \
    Sources/Spreadsheet/*.swift Sources/Spreadsheet/Zip Sources/C/CXMLReader Sources/C/CZipInflate Sources/Questionnaire
