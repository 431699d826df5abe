/* jsonw: a small streaming JSON writer; commas are inferred from the last byte written. */
#include "io/jsonw.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Two decimal digits for each number below 100, so that a number is written two digits per
 * division. */
static const char digit_pairs[] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* Decimal digits of u at out (room for 20); returns how many. */
static size_t put_digits(char *out, unsigned long long u)
{
	if (u < 10) { /* counts and precisions: most numbers written are one digit */
		out[0] = (char)('0' + u);
		return 1;
	}
	size_t n = 2;
	for (unsigned long long bound = 100; n < 20 && u >= bound; bound *= 10)
		n++;
	char *p = out + n;
	while (u >= 100) {
		unsigned r = (unsigned)(u % 100);
		u /= 100;
		p -= 2;
		memcpy(p, digit_pairs + 2 * r, 2);
	}
	if (u >= 10)
		memcpy(p - 2, digit_pairs + 2 * u, 2);
	else
		p[-1] = (char)('0' + u);
	return n;
}

void jsonw_begin(struct strbuf *sb)
{
	jsonw_comma(sb);
	strbuf_addch(sb, '{');
}

void jsonw_end(struct strbuf *sb)
{
	strbuf_addch(sb, '}');
}

/* 1 for the bytes a JSON string cannot hold as they are. */
static const unsigned char needs_escape[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
	[0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1,
	[0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
	[0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1,
	[0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, ['"'] = 1, ['\\'] = 1
};

void jsonw_key_escaped(struct strbuf *sb, const char *key)
{
	if (!key) {
		jsonw_comma(sb);
		return;
	}
	size_t n = 0;
	int plain = 1;
	for (; key[n]; n++)
		plain &= !needs_escape[(unsigned char)key[n]];
	if (plain) {
		jsonw_key_plain(sb, key, n);
		return;
	}
	jsonw_comma(sb);
	strbuf_addch(sb, '"');
	jsonw_escape(sb, key, n);
	strbuf_add(sb, "\":", 2);
}

void jsonw_array_end(struct strbuf *sb)
{
	strbuf_addch(sb, ']');
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define JSONW_WORDS 1 /* the word scans below find a byte's index from the lowest flag */
#endif

#ifdef JSONW_WORDS
/* High bit set in each byte of x that JSON must escape; the lowest flag is exact. */
static inline uint64_t special_bytes(uint64_t x)
{
	return scan_lt(x, 0x20) | scan_eq(x, '"') | scan_eq(x, '\\');
}

/* copy_plain for len >= 8: words of eight, the last one overlapping the one before. */
static inline size_t copy_plain_words(char *dst, const char *src, size_t len)
{
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t x = scan_load(src + i), m = special_bytes(x);
		memcpy(dst + i, &x, 8);
		if (m)
			return i + (size_t)(__builtin_ctzll(m) >> 3);
	}
	if (i < len) {
		/* Bytes before i were clean, so none of them can set a false flag above. */
		size_t j = len - 8;
		uint64_t x = scan_load(src + j), m = special_bytes(x) >> (8 * (i - j));
		memcpy(dst + j, &x, 8);
		if (m)
			return i + (size_t)(__builtin_ctzll(m) >> 3);
	}
	return len;
}
#endif

/* Copy src to dst up to the first byte JSON must escape and return how many bytes that is
 * (len when none). Blocks are copied whole as they are scanned, so bytes after that one may be
 * written too, never past dst + len: the caller writes over them. One pass, a block at a time,
 * inlined: extract writes hundreds of thousands of short strings. */
static inline __attribute__((always_inline)) size_t copy_plain(char *dst, const char *src,
								      size_t len)
{
#if defined(__SSE2__) && defined(JSONW_WORDS)
	if (len >= 16) {
		const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
		const __m128i below = _mm_set1_epi8(0x1F);
		size_t i = 0, j;
		for (;;) {
			j = i + 16 <= len ? i : len - 16; /* the last block overlaps the one before */
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(src + j));
			__m128i control = _mm_cmpeq_epi8(_mm_min_epu8(x, below), x);
			__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote),
							      _mm_cmpeq_epi8(x, backslash)), control);
			_mm_storeu_si128((__m128i *)(void *)(dst + j), x);
			unsigned bits = (unsigned)_mm_movemask_epi8(m) >> (i - j);
			if (bits)
				return i + (size_t)__builtin_ctz(bits);
			if (j + 16 == len)
				return len;
			i += 16;
		}
	}
#endif
#ifdef JSONW_WORDS
	if (len >= 8)
		return copy_plain_words(dst, src, len);
	if (len >= 4) { /* two overlapping halves make one word of real bytes */
		uint32_t a, b;
		memcpy(&a, src, 4);
		memcpy(&b, src + len - 4, 4);
		memcpy(dst, &a, 4);
		memcpy(dst + len - 4, &b, 4);
		if (!special_bytes(a | (uint64_t)b << 32))
			return len;
	}
#endif
	size_t i = 0;
	while (i < len && !needs_escape[(unsigned char)src[i]]) {
		dst[i] = src[i];
		i++;
	}
	return i;
}

/* The escape of a byte JSON cannot hold as it is, at out (room for 6); returns its length. */
static size_t escape_byte(char *out, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char letter = c == '"' ? '"' : c == '\\' ? '\\' : c == '\n' ? 'n' : c == '\r' ? 'r'
		    : c == '\t' ? 't' : c == '\b' ? 'b' : c == '\f' ? 'f' : 0;
	out[0] = '\\';
	if (letter) {
		out[1] = letter;
		return 2;
	}
	memcpy(out + 1, "u00", 3);
	out[4] = hex[c >> 4];
	out[5] = hex[c & 15];
	return 6;
}

void jsonw_escape(struct strbuf *sb, const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	for (;;) {
		size_t rest = (size_t)(end - p);
		strbuf_grow(sb, rest + 6); /* the plain run, then one escape */
		size_t n = copy_plain(sb->buf + sb->len, p, rest);
		sb->len += n;
		p += n;
		if (p == end)
			break;
		sb->len += escape_byte(sb->buf + sb->len, (unsigned char)*p++);
	}
	sb->buf[sb->len] = '\0';
}

void jsonw_strn_value(struct strbuf *sb, const char *val, size_t len)
{
	if (!val) {
		strbuf_add(sb, "null", 4);
		return;
	}
	/* Most strings need no escape: quotes and characters in one go. */
	strbuf_grow(sb, len + 2);
	char *d = sb->buf + sb->len;
	*d = '"';
	size_t n = copy_plain(d + 1, val, len);
	if (n == len) {
		d[len + 1] = '"';
		d[len + 2] = '\0';
		sb->len += len + 2;
		return;
	}
	sb->len += n + 1;
	jsonw_escape(sb, val + n, len - n);
	strbuf_addch(sb, '"');
}

void jsonw_int_value(struct strbuf *sb, long long val)
{
	unsigned long long u = val < 0 ? 0ULL - (unsigned long long)val : (unsigned long long)val;
	strbuf_grow(sb, 24);
	if (val < 0)
		sb->buf[sb->len++] = '-';
	sb->len += put_digits(sb->buf + sb->len, u);
	sb->buf[sb->len] = '\0';
}

void jsonw_double_value(struct strbuf *sb, double val, int decimals)
{
	if (!isfinite(val)) {
		strbuf_add(sb, "null", 4);
		return;
	}
	/* Fixed point without printf for the common case (coordinates: |v| < 1e9, <= 9 places). */
	if (decimals >= 0 && decimals <= 9 && fabs(val) < 1e9) {
		static const double scale[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9 };
		double r = round(fabs(val) * scale[decimals]);
		unsigned long long whole = (unsigned long long)(r / scale[decimals]);
		unsigned long long frac = (unsigned long long)(r - (double)whole * scale[decimals]);
		char buf[48];
		int n = 0;
		if (val < 0 && r > 0)
			buf[n++] = '-';
		n += (int)put_digits(buf + n, whole);
		if (decimals) {
			buf[n++] = '.';
			for (int d = decimals - 1; d >= 0; d--, frac /= 10)
				buf[n + d] = (char)('0' + frac % 10);
			n += decimals;
		}
		strbuf_add(sb, buf, (size_t)n);
		return;
	}
	strbuf_addf(sb, "%.*f", decimals, val);
}
