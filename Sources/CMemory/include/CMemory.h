#ifndef NAICXBRL_CMEMORY_H
#define NAICXBRL_CMEMORY_H

#if defined(__linux__)
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <sys/mman.h>
#endif

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

// A file that lives in memory only (Linux's memfd): a helper program that cannot read standard
// input opens it as /proc/PID/fd/FD. Nothing is written to disk, and it is gone when closed.
// -1 where there is no such thing.
#if defined(__linux__)
static inline int naicxbrl_memoryFile(void) { return memfd_create("naicxbrl", MFD_CLOEXEC); }
#else
static inline int naicxbrl_memoryFile(void) { return -1; }
#endif

#endif
