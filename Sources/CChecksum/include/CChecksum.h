#ifndef NAICXBRL_CCHECKSUM_H
#define NAICXBRL_CCHECKSUM_H

#include <stddef.h>
#include <stdint.h>

// CRC-32 (the zip's: IEEE 802.3 polynomial, reflected) by carry-less multiplication, for the
// report packages the tool writes and reads: whether this processor can (x86-64 with PCLMULQDQ
// and SSE4.1; 0 elsewhere), and the running CRC `state` (not inverted) carried over `length`
// bytes at `bytes`, `length` a multiple of 16 and at least 64. The rest is the caller's (a table).
int naicxbrl_crc32_folding_available(void);
uint32_t naicxbrl_crc32_fold(uint32_t state, const uint8_t *bytes, size_t length);

#endif
