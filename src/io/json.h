/* json: the one module that includes cJSON; parses a JSON text and reads values.
 * Ownership: json_parse returns a tree the caller frees with json_free; every pointer read from
 * a tree (strings, children) is borrowed and lives as long as the tree. */
#ifndef SITREP_JSON_H
#define SITREP_JSON_H

#include <stddef.h>

#include "base/strbuf.h"

struct jvalue;

enum json_kind { JSON_INVALID, JSON_NULL, JSON_FALSE, JSON_TRUE, JSON_NUMBER, JSON_STRING,
		 JSON_ARRAY, JSON_OBJECT };

/* Parse len bytes. On failure returns NULL and sets *err_offset to the byte where it stopped. */
struct jvalue *json_parse(const char *text, size_t len, size_t *err_offset);
void json_free(struct jvalue *v);

enum json_kind json_kind(const struct jvalue *v);
/* Member of an object by exact key, or NULL. */
const struct jvalue *json_get(const struct jvalue *obj, const char *key);
/* Member by a dotted path ("a.b"): a key holding a dot wins over nesting. */
const struct jvalue *json_get_path(const struct jvalue *obj, const char *path);
/* String member, or NULL if absent or not a string. */
const char *json_get_str(const struct jvalue *obj, const char *key);
/* Take a string member's characters out of the tree (it becomes null there) into sb, which
 * must be empty: no copy of a long string. 0, or -1 if absent or not a string. */
int json_take_str(struct jvalue *obj, const char *key, struct strbuf *sb);
/* Number member: 1 and *out set, or 0. */
int json_get_num(const struct jvalue *obj, const char *key, double *out);

const char *json_string(const struct jvalue *v); /* NULL unless a string */
double json_number(const struct jvalue *v);
const struct jvalue *json_child(const struct jvalue *v); /* first element or member */
const struct jvalue *json_next(const struct jvalue *v);
const char *json_key(const struct jvalue *member);       /* key of an object member */
int json_size(const struct jvalue *v);
/* Compact JSON text of v appended to sb. */
void json_print(const struct jvalue *v, struct strbuf *sb);

#endif
