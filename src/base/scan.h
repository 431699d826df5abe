/* scan: find the first byte of interest in a long buffer, eight bytes at a time, so that the
 * readers and writers of long strings (a document record can be megabytes) make one pass.
 * Ownership: nothing is allocated; the functions return pointers into the caller's buffer. */
#ifndef SITREP_SCAN_H
#define SITREP_SCAN_H

#include <stdint.h>
#include <string.h>

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
 * JSON string cannot hold as they are. */
static inline const char *scan_json_special(const char *p, const char *end)
{
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
