/* jsonw: append JSON text to a strbuf, one object at a time, without building a tree.
 * Ownership: writes into the caller's strbuf; keys and values are copied. */
#ifndef SITREP_JSONW_H
#define SITREP_JSONW_H

#include <stddef.h>

#include "strbuf.h"

void jsonw_begin(struct strbuf *sb);              /* "{" */
void jsonw_end(struct strbuf *sb);                /* "}" */
void jsonw_array_begin(struct strbuf *sb, const char *key); /* "key":[ (key NULL inside arrays) */
void jsonw_array_end(struct strbuf *sb);          /* "]" */
void jsonw_key(struct strbuf *sb, const char *key);
/* String value; NULL writes null. */
void jsonw_str(struct strbuf *sb, const char *key, const char *val);
void jsonw_strn(struct strbuf *sb, const char *key, const char *val, size_t len);
void jsonw_int(struct strbuf *sb, const char *key, long long val);
/* Integer, or null when val < 0 (sitrep's "unknown" for counts and offsets). */
void jsonw_count(struct strbuf *sb, const char *key, long long val);
void jsonw_double(struct strbuf *sb, const char *key, double val, int decimals);
void jsonw_bool(struct strbuf *sb, const char *key, int val);
void jsonw_null(struct strbuf *sb, const char *key);
/* Write raw JSON text as a value (it must already be valid JSON). */
void jsonw_raw(struct strbuf *sb, const char *key, const char *json);
/* Append s as the inside of a JSON string (no quotes), escaping as RFC 8259 requires. */
void jsonw_escape(struct strbuf *sb, const char *s, size_t len);

#endif
