/* scan: find the first byte of interest in a long buffer, eight bytes at a time, so that the
 * readers and writers of long strings (a document record can be megabytes) make one pass.
 * Ownership: nothing is allocated; the functions return pointers into the caller's buffer. */
#ifndef SITREP_SCAN_H
#define SITREP_SCAN_H

#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define SCAN_ONES 0x0101010101010101ull
#define SCAN_HIGHS 0x8080808080808080ull

/* High bit set in each byte of x equal to c. Bit tricks from "Bit Twiddling Hacks": a byte
 * that is zero borrows in the subtraction. A borrow can also flag a byte above a true match,
 * never one below it, so the lowest flag is exact. */
static inline uint64_t scan_eq(uint64_t x, unsigned char c)
{
	uint64_t y = x ^ (SCAN_ONES * c);
	return (y - SCAN_ONES) & ~y & SCAN_HIGHS;
}

/* High bit set in each byte of x below n (n <= 128); the lowest flag is exact, as above. */
static inline uint64_t scan_lt(uint64_t x, unsigned char n)
{
	return (x - SCAN_ONES * n) & ~x & SCAN_HIGHS;
}

static inline uint64_t scan_load(const char *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
	return x;
}

/* Where the lowest flag of mask (not 0) points: exact on little-endian machines; elsewhere
 * the byte loops that follow the word loops find the byte. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SCAN_FOUND(p, mask) return (p) + (__builtin_ctzll(mask) >> 3)
#else
#define SCAN_FOUND(p, mask) break
#endif

/* The first quote, backslash or control byte (below 0x20) in [p, end), or end: the bytes a
 * JSON string cannot hold as they are. Sixteen bytes at a time where the processor has SSE2
 * (every x86-64), then eight, then one. */
static inline const char *scan_json_special(const char *p, const char *end)
{
#if defined(__SSE2__)
	const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
	const __m128i below = _mm_set1_epi8(0x1F);
	for (; end - p >= 16; p += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i control = _mm_cmpeq_epi8(_mm_min_epu8(x, below), x); /* x <= 0x1F */
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote),
						      _mm_cmpeq_epi8(x, backslash)), control);
		int bits = _mm_movemask_epi8(m);
		if (bits)
			return p + __builtin_ctz((unsigned)bits);
	}
#endif
	for (; end - p >= 8; p += 8) {
		uint64_t x = scan_load(p);
		uint64_t m = scan_lt(x, 0x20) | scan_eq(x, '"') | scan_eq(x, '\\');
		if (m)
			SCAN_FOUND(p, m);
	}
	for (; p < end; p++)
		if ((unsigned char)*p < 0x20 || *p == '"' || *p == '\\')
			return p;
	return end;
}

/* The first byte in [p, end) equal to a, b, c or d, or end. */
static inline const char *scan_any4(const char *p, const char *end, char a, char b, char c, char d)
{
#if defined(__SSE2__)
	const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c),
		      vd = _mm_set1_epi8(d);
	for (; end - p >= 16; p += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
					 _mm_or_si128(_mm_cmpeq_epi8(x, vc), _mm_cmpeq_epi8(x, vd)));
		int bits = _mm_movemask_epi8(m);
		if (bits)
			return p + __builtin_ctz((unsigned)bits);
	}
#endif
	for (; end - p >= 8; p += 8) {
		uint64_t x = scan_load(p);
		uint64_t m = scan_eq(x, (unsigned char)a) | scan_eq(x, (unsigned char)b) |
			     scan_eq(x, (unsigned char)c) | scan_eq(x, (unsigned char)d);
		if (m)
			SCAN_FOUND(p, m);
	}
	for (; p < end; p++)
		if (*p == a || *p == b || *p == c || *p == d)
			return p;
	return end;
}

#endif
