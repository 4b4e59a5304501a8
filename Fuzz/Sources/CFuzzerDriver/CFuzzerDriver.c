// Declarations only (include/CFuzzerDriver.h): the definitions are in libFuzzer, which
// `-sanitize=fuzzer` links. SwiftPM needs a source file to make this a C target.
#include "CFuzzerDriver.h"
