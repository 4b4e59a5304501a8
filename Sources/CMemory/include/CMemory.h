#ifndef NAICXBRL_CMEMORY_H
#define NAICXBRL_CMEMORY_H

// Keeps memory freed by the process for its next allocations instead of handing it back to the
// kernel at once (glibc trims and unmaps freed blocks of about a megabyte by default, and the
// next statement of a batch faults every page in again). No-op without glibc.
#if defined(__GLIBC__)
#include <malloc.h>
static inline void naicxbrl_keepFreedMemory(void) {
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
}
#else
static inline void naicxbrl_keepFreedMemory(void) {}
#endif

#endif
