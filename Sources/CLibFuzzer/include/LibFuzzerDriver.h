#ifndef LEDE_LIBFUZZER_DRIVER_H
#define LEDE_LIBFUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt's FuzzerDriver.cpp), linked by `-sanitize=fuzzer`.
///
/// Only declared here: the fuzz executables call it when built with `-DLEDE_FUZZING`, because
/// SwiftPM gives every executable its own `main` (a renamed Swift entry point) and libFuzzer's
/// `main` can never be the one that runs.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
