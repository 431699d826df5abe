/* flatjson: a zero-allocation reader for flat JSON objects, the shape of sitrep's records, so
 * export can stream millions of them without building trees. Anything it does not fully
 * understand is left to the json module (cJSON), which also reports errors.
 * Ownership: fields point into the caller's line and live as long as it does. */
#ifndef SITREP_FLATJSON_H
#define SITREP_FLATJSON_H

#include <stddef.h>

#include "base/strbuf.h"

enum flat_kind { FLAT_STRING, FLAT_NUMBER, FLAT_TRUE, FLAT_FALSE, FLAT_NULL, FLAT_NESTED };

struct flat_field {
	const char *key;  /* the key's characters (between the quotes) */
	size_t key_len;
	const char *val;  /* strings: between the quotes, still escaped; others: the JSON text */
	size_t val_len;
	enum flat_kind kind;
	int escaped;      /* the string value holds backslash escapes */
};

/* Read one JSON object. Returns the number of fields (up to max), or -1 if the text is not
 * a single well-formed object that this reader handles (then use the json module). Keys with
 * escapes and more than max fields also return -1. */
int flatjson_parse(const char *line, size_t len, struct flat_field *fields, int max);
/* Append a string value's characters to sb with escapes decoded (UTF-8 for \uXXXX,
 * surrogate pairs joined, lone surrogates as U+FFFD). */
void flatjson_unescape(const char *s, size_t len, struct strbuf *sb);
/* The same for about the first max bytes of s (never cutting an escape): returns the bytes
 * of s read, so that a long string can be decoded piece by piece. */
size_t flatjson_unescape_some(const char *s, size_t len, size_t max, struct strbuf *sb);
/* Decode a string value exactly as the json module (cJSON) decodes it, appending to sb (NULL:
 * only check). -1, with part of it appended, for an escape that module refuses or reads
 * another way (an unknown escape, \u0000, a bad hex digit, a lone surrogate). */
int flatjson_unescape_exact(const char *s, size_t len, struct strbuf *sb);
/* 0 if the json module reads every field as flatjson_parse returned it (so that the line is
 * valid JSON to it too): numbers strtod reads whole, string escapes it accepts, and nested
 * values only when empty ([] or {}, which is all this needs). -1 otherwise. */
int flatjson_check_exact(const struct flat_field *fields, int n);
/* The field with this key, or NULL; hint is where it is expected (sitrep writes in order). */
const struct flat_field *flatjson_get(const struct flat_field *fields, int n, const char *key,
				      int hint);
/* The same with the key's length known (export asks for every column of every record). */
const struct flat_field *flatjson_getn(const struct flat_field *fields, int n, const char *key,
				       size_t key_len, int hint);

#endif
