/* flatjson: one pass over the line, no allocation; strict enough to refuse what it cannot
 * read (the caller then parses with cJSON and gets a proper error message). */
#include "io/flatjson.h"

#include <stdlib.h>
#include <string.h>

#include "base/scan.h"

static inline const char *skip_ws(const char *p, const char *end)
{
	if (p < end && (unsigned char)*p > ' ')
		return p; /* sitrep writes no whitespace between tokens */
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/* A string starting after its opening quote: the position of the closing quote, or NULL.
 * One pass: each escape moves the scan on past itself, never back. */
static const char *string_end(const char *p, const char *end, int *escaped)
{
	*escaped = 0;
	for (;;) {
		p = scan_json_special(p, end);
		if (p == end)
			return NULL;
		if (*p == '"')
			return p;
		if (*p != '\\')
			return NULL; /* a raw control character: let cJSON judge */
		*escaped = 1;
		if (end - p < 2)
			return NULL;
		p += 2;
	}
}

/* Skip a nested array or object (balanced brackets, strings respected). */
static const char *skip_nested(const char *p, const char *end)
{
	int depth = 0, escaped;
	while (p < end) {
		if (*p == '"') {
			p = string_end(p + 1, end, &escaped);
			if (!p)
				return NULL;
		} else if (*p == '[' || *p == '{') {
			if (++depth > 64)
				return NULL;
		} else if (*p == ']' || *p == '}') {
			if (--depth == 0)
				return p + 1;
		}
		p++;
	}
	return NULL;
}

/* The bytes that end a number, true, false or null. */
static const unsigned char ends_scalar[256] = { [','] = 1, ['}'] = 1, [' '] = 1, ['\t'] = 1,
	['\r'] = 1, ['\n'] = 1 };

static const char *scalar_end(const char *p, const char *end)
{
	while (p < end && !ends_scalar[(unsigned char)*p])
		p++;
	return p;
}

static int number_ok(const char *p, size_t n)
{
	size_t i = 0;
	if (i < n && p[i] == '-')
		i++;
	if (i >= n || p[i] < '0' || p[i] > '9')
		return 0;
	for (; i < n; i++) {
		char c = p[i];
		if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'))
			return 0;
	}
	return 1;
}

int flatjson_parse(const char *line, size_t len, struct flat_field *fields, int max)
{
	const char *p = line, *end = line + len;
	int n = 0, escaped;
	p = skip_ws(p, end);
	if (p >= end || *p++ != '{')
		return -1;
	p = skip_ws(p, end);
	if (p < end && *p == '}')
		return skip_ws(p + 1, end) == end ? 0 : -1;
	for (;;) {
		if (n >= max || p >= end || *p != '"')
			return -1;
		const char *k = p + 1, *ke = string_end(k, end, &escaped);
		if (!ke || escaped)
			return -1;
		p = skip_ws(ke + 1, end);
		if (p >= end || *p++ != ':')
			return -1;
		p = skip_ws(p, end);
		if (p >= end)
			return -1;
		struct flat_field *f = &fields[n++];
		f->key = k;
		f->key_len = (size_t)(ke - k);
		f->escaped = 0;
		if (*p == '"') {
			const char *ve = string_end(p + 1, end, &f->escaped);
			if (!ve)
				return -1;
			f->kind = FLAT_STRING;
			f->val = p + 1;
			f->val_len = (size_t)(ve - p - 1);
			p = ve + 1;
		} else if (*p == '{' || *p == '[') {
			const char *ve = skip_nested(p, end);
			if (!ve)
				return -1;
			f->kind = FLAT_NESTED;
			f->val = p;
			f->val_len = (size_t)(ve - p);
			p = ve;
		} else {
			const char *ve = scalar_end(p, end);
			size_t vl = (size_t)(ve - p);
			if (vl == 4 && !memcmp(p, "null", 4))
				f->kind = FLAT_NULL;
			else if (vl == 4 && !memcmp(p, "true", 4))
				f->kind = FLAT_TRUE;
			else if (vl == 5 && !memcmp(p, "false", 5))
				f->kind = FLAT_FALSE;
			else if (number_ok(p, vl))
				f->kind = FLAT_NUMBER;
			else
				return -1;
			f->val = p;
			f->val_len = vl;
			p = ve;
		}
		p = skip_ws(p, end);
		if (p < end && *p == ',') {
			p = skip_ws(p + 1, end);
			continue;
		}
		if (p < end && *p == '}')
			return skip_ws(p + 1, end) == end ? n : -1;
		return -1;
	}
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static long hex4(const char *s, const char *end)
{
	long v = 0;
	if (end - s < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		int h = hexval(s[i]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

static void put_utf8(struct strbuf *sb, unsigned long cp)
{
	char b[4];
	if (cp < 0x80) {
		strbuf_addch(sb, (int)cp);
		return;
	}
	if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(sb, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(sb, b, 3);
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(sb, b, 4);
	}
}

size_t flatjson_unescape_some(const char *s, size_t len, size_t max, struct strbuf *sb)
{
	const char *p = s, *end = s + len, *stop = s + (max < len ? max : len);
	while (p < stop) {
		const char *b = memchr(p, '\\', (size_t)(end - p));
		if (!b || b >= stop) {
			strbuf_add(sb, p, (size_t)(stop - p));
			return (size_t)(stop - s);
		}
		strbuf_add(sb, p, (size_t)(b - p));
		if (b + 1 >= end)
			return len;
		p = b + 2;
		switch (b[1]) {
		case 'n': strbuf_addch(sb, '\n'); break;
		case 't': strbuf_addch(sb, '\t'); break;
		case 'r': strbuf_addch(sb, '\r'); break;
		case 'b': strbuf_addch(sb, '\b'); break;
		case 'f': strbuf_addch(sb, '\f'); break;
		case 'u': {
			long cp = hex4(p, end);
			if (cp < 0) {
				put_utf8(sb, 0xFFFD);
				break;
			}
			p += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
				long lo = hex4(p + 2, end);
				if (lo >= 0xDC00 && lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					p += 6;
				}
			}
			put_utf8(sb, cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : (unsigned long)cp);
			break;
		}
		default: strbuf_addch(sb, b[1]); /* \" \\ \/ */
		}
	}
	return (size_t)(p - s);
}

/* The byte a one-letter escape (the letter after the backslash) stands for, as cJSON reads
 * it, or -1. */
static int simple_escape(char c)
{
	switch (c) {
	case '"': case '\\': case '/': return c;
	case 'b': return '\b';
	case 'f': return '\f';
	case 'n': return '\n';
	case 'r': return '\r';
	case 't': return '\t';
	default: return -1;
	}
}

int flatjson_unescape_exact(const char *s, size_t len, struct strbuf *sb)
{
	const char *p = s, *end = s + len;
	if (sb)
		strbuf_grow(sb, len); /* decoding never lengthens */
	while (p < end) {
		const char *b = memchr(p, '\\', (size_t)(end - p));
		if (!b)
			b = end;
		if (sb)
			strbuf_add(sb, p, (size_t)(b - p));
		if (b == end)
			return 0;
		if (end - b < 2)
			return -1;
		p = b + 2;
		if (b[1] != 'u') {
			int c = simple_escape(b[1]);
			if (c < 0)
				return -1;
			if (sb)
				strbuf_addch(sb, c);
			continue;
		}
		/* cJSON reads a bad hex digit as a code of 0 and keeps a NUL: refused here, as
		 * are \u0000 itself and surrogates not in a high-low pair. */
		long cp = hex4(p, end);
		if (cp <= 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
			return -1;
		p += 4;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
				return -1;
			long lo = hex4(p + 2, end);
			if (lo < 0xDC00 || lo > 0xDFFF)
				return -1;
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			p += 6;
		}
		if (sb)
			put_utf8(sb, (unsigned long)cp);
	}
	return 0;
}

/* cJSON copies at most 63 bytes of a number for strtod and goes on after what it read. */
static int number_exact(const char *p, size_t n)
{
	char *after;
	if (n >= 64)
		return 0;
	size_t i = p[0] == '-';
	while (i < n && p[i] >= '0' && p[i] <= '9')
		i++;
	if (i == n)
		return 1; /* digits alone (flatjson_parse saw one at least): strtod reads them all */
	(void)strtod(p, &after); /* the byte after the number (',', '}', a space) stops it */
	return after == p + n;
}

int flatjson_check_exact(const struct flat_field *fields, int n)
{
	for (int i = 0; i < n; i++) {
		const struct flat_field *f = &fields[i];
		if (f->kind == FLAT_NUMBER && !number_exact(f->val, f->val_len))
			return -1;
		if (f->kind == FLAT_NESTED && !(f->val_len == 2 && (!memcmp(f->val, "[]", 2) ||
								   !memcmp(f->val, "{}", 2))))
			return -1;
		if (f->kind == FLAT_STRING && f->escaped &&
		    flatjson_unescape_exact(f->val, f->val_len, NULL) < 0)
			return -1;
	}
	return 0;
}

void flatjson_unescape(const char *s, size_t len, struct strbuf *sb)
{
	flatjson_unescape_some(s, len, len, sb);
}

const struct flat_field *flatjson_getn(const struct flat_field *fields, int n, const char *key,
				       size_t key_len, int hint)
{
	if (hint >= 0 && hint < n && fields[hint].key_len == key_len &&
	    !memcmp(fields[hint].key, key, key_len))
		return &fields[hint];
	for (int i = 0; i < n; i++)
		if (fields[i].key_len == key_len && !memcmp(fields[i].key, key, key_len))
			return &fields[i];
	return NULL;
}

const struct flat_field *flatjson_get(const struct flat_field *fields, int n, const char *key,
				      int hint)
{
	return flatjson_getn(fields, n, key, strlen(key), hint);
}
