/* jsonw: a small streaming JSON writer; commas are inferred from the last byte written. */
#include "io/jsonw.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/scan.h"

/* Decimal digits of u at out (room for 20); returns how many. */
static size_t put_digits(char *out, unsigned long long u)
{
	if (u < 10) { /* counts and precisions: most numbers written are one digit */
		out[0] = (char)('0' + u);
		return 1;
	}
	char digits[24];
	size_t n = sizeof(digits);
	do {
		digits[--n] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	memcpy(out, digits + n, sizeof(digits) - n);
	return sizeof(digits) - n;
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

void jsonw_escape(struct strbuf *sb, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const char *p = s, *end = s + len;
	strbuf_grow(sb, len + 2);
	for (;;) {
		/* Eight bytes at a time to the next byte that needs escaping: most sentences and
		 * names extract writes have none. */
		const char *q = scan_json_special(p, end);
		strbuf_add(sb, p, (size_t)(q - p));
		if (q == end)
			return;
		unsigned char c = (unsigned char)*q;
		p = q + 1;
		switch (c) {
		case '"': strbuf_add(sb, "\\\"", 2); break;
		case '\\': strbuf_add(sb, "\\\\", 2); break;
		case '\n': strbuf_add(sb, "\\n", 2); break;
		case '\r': strbuf_add(sb, "\\r", 2); break;
		case '\t': strbuf_add(sb, "\\t", 2); break;
		case '\b': strbuf_add(sb, "\\b", 2); break;
		case '\f': strbuf_add(sb, "\\f", 2); break;
		default: {
			char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
			strbuf_add(sb, u, 6);
		}
		}
	}
}

void jsonw_strn_value(struct strbuf *sb, const char *val, size_t len)
{
	if (!val) {
		strbuf_add(sb, "null", 4);
		return;
	}
	strbuf_addch(sb, '"');
	jsonw_escape(sb, val, len);
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
