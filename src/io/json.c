/* json: thin wrapper over cJSON (case-sensitive lookups, no global error pointer). */
#include "io/json.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#define CJ(v) ((const cJSON *)(const void *)(v))

struct jvalue *json_parse(const char *text, size_t len, size_t *err_offset)
{
	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	if (!root) {
		if (err_offset)
			*err_offset = end && end >= text ? (size_t)(end - text) : 0;
		return NULL;
	}
	/* Trailing garbage after the value is an error too. */
	while (end && (size_t)(end - text) < len &&
	       (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n'))
		end++;
	if (end && (size_t)(end - text) < len && *end != '\0') {
		if (err_offset)
			*err_offset = (size_t)(end - text);
		cJSON_Delete(root);
		return NULL;
	}
	return (struct jvalue *)(void *)root;
}

void json_free(struct jvalue *v)
{
	cJSON_Delete((cJSON *)(void *)v);
}

enum json_kind json_kind(const struct jvalue *v)
{
	const cJSON *c = CJ(v);
	if (!c)
		return JSON_INVALID;
	switch (c->type & 0xff) {
	case cJSON_NULL: return JSON_NULL;
	case cJSON_False: return JSON_FALSE;
	case cJSON_True: return JSON_TRUE;
	case cJSON_Number: return JSON_NUMBER;
	case cJSON_String: return JSON_STRING;
	case cJSON_Array: return JSON_ARRAY;
	case cJSON_Object: return JSON_OBJECT;
	default: return JSON_INVALID;
	}
}

const struct jvalue *json_get(const struct jvalue *obj, const char *key)
{
	if (!obj || !cJSON_IsObject(CJ(obj)))
		return NULL;
	return (const struct jvalue *)(const void *)cJSON_GetObjectItemCaseSensitive(CJ(obj), key);
}

const struct jvalue *json_get_path(const struct jvalue *obj, const char *path)
{
	const struct jvalue *direct = json_get(obj, path);
	const char *dot;
	if (direct || !(dot = strchr(path, '.')))
		return direct;
	char *head = malloc((size_t)(dot - path) + 1);
	if (!head)
		return NULL;
	memcpy(head, path, (size_t)(dot - path));
	head[dot - path] = '\0';
	const struct jvalue *sub = json_get(obj, head);
	free(head);
	return sub ? json_get_path(sub, dot + 1) : NULL;
}

int json_take_str(struct jvalue *obj, const char *key, struct strbuf *sb)
{
	cJSON *v = (cJSON *)(void *)json_get(obj, key);
	if (!v || !cJSON_IsString(v) || !v->valuestring)
		return -1;
	/* cJSON allocates with malloc (sitrep never installs other hooks), so the characters can
	 * become a strbuf's, freed with free. */
	size_t len = strlen(v->valuestring);
	strbuf_release(sb);
	sb->buf = v->valuestring;
	sb->len = len;
	sb->alloc = len + 1;
	v->valuestring = NULL;
	v->type = cJSON_NULL;
	return 0;
}

const char *json_get_str(const struct jvalue *obj, const char *key)
{
	return json_string(json_get(obj, key));
}

int json_get_num(const struct jvalue *obj, const char *key, double *out)
{
	const cJSON *c = CJ(json_get(obj, key));
	if (!c || !cJSON_IsNumber(c))
		return 0;
	*out = c->valuedouble;
	return 1;
}

const char *json_string(const struct jvalue *v)
{
	const cJSON *c = CJ(v);
	return c && cJSON_IsString(c) ? c->valuestring : NULL;
}

double json_number(const struct jvalue *v)
{
	const cJSON *c = CJ(v);
	return c && cJSON_IsNumber(c) ? c->valuedouble : 0.0;
}

const struct jvalue *json_child(const struct jvalue *v)
{
	const cJSON *c = CJ(v);
	return c ? (const struct jvalue *)(const void *)c->child : NULL;
}

const struct jvalue *json_next(const struct jvalue *v)
{
	const cJSON *c = CJ(v);
	return c ? (const struct jvalue *)(const void *)c->next : NULL;
}

const char *json_key(const struct jvalue *member)
{
	const cJSON *c = CJ(member);
	return c ? c->string : NULL;
}

int json_size(const struct jvalue *v)
{
	return cJSON_GetArraySize(CJ(v));
}

void json_print(const struct jvalue *v, struct strbuf *sb)
{
	char *text = cJSON_PrintUnformatted(CJ(v));
	if (text) {
		strbuf_addstr(sb, text);
		free(text);
	}
}
