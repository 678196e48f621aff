#ifndef CFUZZERDRIVER_H
#define CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, FuzzerDriver.cpp), linked only when the executable is built with
/// -sanitize=fuzzer. responder-fuzz calls it from its own `main`, because SwiftPM renames an
/// executable's entry point on Linux, so libFuzzer's `main` cannot be the one that runs.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
