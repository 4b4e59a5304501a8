// CRC-32 by folding: the message is taken 64 bytes at a time in four 128-bit lanes, each lane
// carried forward over the next 64 bytes by multiplying its two halves (carry-less) by
// x^(512+64) and x^512 modulo the polynomial; the lanes are then folded into one, the one
// reduced to 64 bits and then, by Barrett reduction, to the 32-bit CRC. The constants are those
// powers of x, bit-reflected, as the method's description (Intel, "Fast CRC Computation for
// Generic Polynomials Using PCLMULQDQ Instruction", 2009) gives them for this polynomial.
#include "CChecksum.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

int naicxbrl_crc32_folding_available(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    return (c & bit_PCLMUL) != 0 && (c & bit_SSE4_1) != 0;
}

// Low and high halves of a lane multiplied by the low and high constants of `k`, summed, plus `next`.
__attribute__((target("pclmul,sse4.1")))
static inline __m128i fold(__m128i lane, __m128i k, __m128i next) {
    __m128i low = _mm_clmulepi64_si128(lane, k, 0x00);
    __m128i high = _mm_clmulepi64_si128(lane, k, 0x11);
    return _mm_xor_si128(_mm_xor_si128(low, high), next);
}

__attribute__((target("pclmul,sse4.1")))
uint32_t naicxbrl_crc32_fold(uint32_t state, const uint8_t *bytes, size_t length) {
    // (low, high) pairs of powers of x modulo P, bit-reflected: those that carry a lane's halves
    // over 64 bytes, over 16 bytes, the one that reduces 64 bits to 32; and P with its Barrett
    // constant (x^64 divided by P).
    const __m128i by64 = _mm_set_epi64x(0x01c6e41596, 0x0154442bd4);
    const __m128i by16 = _mm_set_epi64x(0x00ccaa009e, 0x01751997d0);
    const __m128i by4 = _mm_set_epi64x(0, 0x0163cd6124);
    const __m128i barrett = _mm_set_epi64x(0x01f7011641, 0x01db710641);
    const __m128i low32 = _mm_setr_epi32(-1, 0, -1, 0);

    __m128i lane0 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)bytes), _mm_cvtsi32_si128((int)state));
    __m128i lane1 = _mm_loadu_si128((const __m128i *)(bytes + 16));
    __m128i lane2 = _mm_loadu_si128((const __m128i *)(bytes + 32));
    __m128i lane3 = _mm_loadu_si128((const __m128i *)(bytes + 48));
    size_t at = 64;
    for (; at + 64 <= length; at += 64) {
        lane0 = fold(lane0, by64, _mm_loadu_si128((const __m128i *)(bytes + at)));
        lane1 = fold(lane1, by64, _mm_loadu_si128((const __m128i *)(bytes + at + 16)));
        lane2 = fold(lane2, by64, _mm_loadu_si128((const __m128i *)(bytes + at + 32)));
        lane3 = fold(lane3, by64, _mm_loadu_si128((const __m128i *)(bytes + at + 48)));
    }
    // Four lanes into one, then any further 16 bytes.
    __m128i x = fold(lane0, by16, lane1);
    x = fold(x, by16, lane2);
    x = fold(x, by16, lane3);
    for (; at + 16 <= length; at += 16) x = fold(x, by16, _mm_loadu_si128((const __m128i *)(bytes + at)));

    // 128 bits to 64: the low half times x^64 mod P (the constant's high half), added to the high half.
    x = _mm_xor_si128(_mm_srli_si128(x, 8), _mm_clmulepi64_si128(x, by16, 0x10));
    // 64 bits to 32 (plus the 32 above them).
    x = _mm_xor_si128(_mm_srli_si128(x, 4), _mm_clmulepi64_si128(_mm_and_si128(x, low32), by4, 0x00));
    // Barrett reduction: the quotient's estimate from the low 32 bits, times P, taken off.
    __m128i t = _mm_clmulepi64_si128(_mm_and_si128(x, low32), barrett, 0x10);
    t = _mm_clmulepi64_si128(_mm_and_si128(t, low32), barrett, 0x00);
    x = _mm_xor_si128(x, t);
    return (uint32_t)_mm_extract_epi32(x, 1);
}

#else

int naicxbrl_crc32_folding_available(void) { return 0; }
uint32_t naicxbrl_crc32_fold(uint32_t state, const uint8_t *bytes, size_t length) {
    (void)bytes; (void)length;
    return state;
}

#endif
