/* jsonw: append JSON text to a strbuf, one object at a time, without building a tree.
 * Ownership: writes into the caller's strbuf; keys and values are copied. */
#ifndef SITREP_JSONW_H
#define SITREP_JSONW_H

#include <stddef.h>
#include <string.h>

#include "base/strbuf.h"

void jsonw_begin(struct strbuf *sb);              /* "{" */
void jsonw_end(struct strbuf *sb);                /* "}" */
void jsonw_array_end(struct strbuf *sb);          /* "]" */
/* Append s as the inside of a JSON string (no quotes), escaping as RFC 8259 requires. */
void jsonw_escape(struct strbuf *sb, const char *s, size_t len);

/* Values alone, after a key (or inside an array). */
void jsonw_strn_value(struct strbuf *sb, const char *val, size_t len); /* NULL: null */
void jsonw_int_value(struct strbuf *sb, long long val);
void jsonw_double_value(struct strbuf *sb, double val, int decimals); /* not finite: null */
void jsonw_key_escaped(struct strbuf *sb, const char *key);

/* A comma unless the last byte written opens an object or array, ends a key, or a line. */
static inline void jsonw_comma(struct strbuf *sb)
{
	if (sb->len) {
		char last = sb->buf[sb->len - 1];
		if (last != '{' && last != '[' && last != ':' && last != '\n')
			strbuf_addch(sb, ',');
	}
}

/* "key": for a key that needs no escaping; inline so a literal key is copied in a few moves. */
static inline void jsonw_key_plain(struct strbuf *sb, const char *key, size_t len)
{
	jsonw_comma(sb);
	strbuf_grow(sb, len + 3);
	char *p = sb->buf + sb->len;
	*p++ = '"';
	memcpy(p, key, len);
	p += len;
	*p++ = '"';
	*p++ = ':';
	*p = '\0';
	sb->len = (size_t)(p - sb->buf);
}

/* A separating comma if needed, then "key": (nothing more when key is NULL, inside arrays).
 * A key spelled as a string literal in sitrep's code is a plain identifier (no quote,
 * backslash or control byte): its length is then known when compiling and it is copied
 * without an escaping scan, which matters because extract writes about fifteen keys per
 * record.
 * Keys that come from data are escaped. */
static inline void jsonw_key(struct strbuf *sb, const char *key)
{
	if (key && __builtin_constant_p(strlen(key)))
		jsonw_key_plain(sb, key, strlen(key));
	else
		jsonw_key_escaped(sb, key);
}

/* "key":[ (key NULL inside arrays) */
static inline void jsonw_array_begin(struct strbuf *sb, const char *key)
{
	jsonw_key(sb, key);
	strbuf_addch(sb, '[');
}

/* String value; NULL writes null. */
static inline void jsonw_strn(struct strbuf *sb, const char *key, const char *val, size_t len)
{
	jsonw_key(sb, key);
	jsonw_strn_value(sb, val, len);
}

static inline void jsonw_str(struct strbuf *sb, const char *key, const char *val)
{
	jsonw_key(sb, key);
	jsonw_strn_value(sb, val, val ? strlen(val) : 0);
}

static inline void jsonw_int(struct strbuf *sb, const char *key, long long val)
{
	jsonw_key(sb, key);
	jsonw_int_value(sb, val);
}

static inline void jsonw_null(struct strbuf *sb, const char *key)
{
	jsonw_key(sb, key);
	strbuf_add(sb, "null", 4);
}

/* Integer, or null when val < 0 (sitrep's "unknown" for counts and offsets). */
static inline void jsonw_count(struct strbuf *sb, const char *key, long long val)
{
	jsonw_key(sb, key);
	if (val < 0)
		strbuf_add(sb, "null", 4);
	else
		jsonw_int_value(sb, val);
}

static inline void jsonw_double(struct strbuf *sb, const char *key, double val, int decimals)
{
	jsonw_key(sb, key);
	jsonw_double_value(sb, val, decimals);
}

static inline void jsonw_bool(struct strbuf *sb, const char *key, int val)
{
	jsonw_key(sb, key);
	if (val)
		strbuf_add(sb, "true", 4);
	else
		strbuf_add(sb, "false", 5);
}

/* Write raw JSON text as a value (it must already be valid JSON). */
static inline void jsonw_raw(struct strbuf *sb, const char *key, const char *json)
{
	jsonw_key(sb, key);
	strbuf_addstr(sb, json);
}

#endif
