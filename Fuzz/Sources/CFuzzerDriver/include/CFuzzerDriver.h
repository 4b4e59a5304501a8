#ifndef NAICXBRL_FUZZ_CFUZZERDRIVER_H
#define NAICXBRL_FUZZ_CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, LLVM 13 and later): runs the fuzzing loop over `callback`
/// with libFuzzer's command-line options, as libFuzzer's own `main` would.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
