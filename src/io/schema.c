/* schema: a small JSON Schema interpreter for the keywords sitrep's schemas use: type, const,
 * enum, minimum, maximum, minLength, pattern, properties, required, additionalProperties,
 * items. */
#include "io/schema.h"

#include <math.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon/embedded.h"
#include "io/json.h"
#include "base/util.h"

static const char *const schema_files[] = { "schemas/document.schema.json",
	"schemas/event.schema.json", "schemas/place.schema.json", "schemas/actor.schema.json",
	"schemas/quote.schema.json", "schemas/mention.schema.json", NULL };

static int type_allows(const struct jvalue *type, const char *name)
{
	if (json_kind(type) == JSON_STRING)
		return strcmp(json_string(type), name) == 0;
	for (const struct jvalue *t = json_child(type); t; t = json_next(t))
		if (json_kind(t) == JSON_STRING && strcmp(json_string(t), name) == 0)
			return 1;
	return 0;
}

static enum column_type column_type_of(const struct jvalue *prop)
{
	const struct jvalue *type = json_get(prop, "type");
	if (type_allows(type, "integer"))
		return COL_INTEGER;
	if (type_allows(type, "number"))
		return COL_NUMBER;
	if (type_allows(type, "boolean"))
		return COL_BOOLEAN;
	if (type_allows(type, "array"))
		return COL_ARRAY;
	if (type_allows(type, "object"))
		return COL_OBJECT;
	return COL_STRING;
}

int schema_load_all(struct schema_set *set)
{
	memset(set, 0, sizeof(*set));
	for (size_t i = 0; schema_files[i]; i++) {
		const struct embedded_file *ef = embedded_find(schema_files[i]);
		size_t erroff;
		struct jvalue *js = ef ? json_parse(ef->data, ef->len, &erroff) : NULL;
		if (!js) {
			schema_free_all(set);
			return error("embedded schema '%s' is not valid JSON", schema_files[i]);
		}
		set->schemas = xrealloc(set->schemas, (set->n + 1) * sizeof(*set->schemas));
		struct schema *s = &set->schemas[set->n++];
		memset(s, 0, sizeof(*s));
		s->json = js;
		s->table = json_get_str(js, "x-table");
		const struct jvalue *props = json_get(js, "properties");
		s->record_type = json_get_str(json_get(props, "type"), "const");
		for (const struct jvalue *p = json_child(props); p; p = json_next(p)) {
			if (strcmp(json_key(p), "type") == 0)
				continue;
			s->columns = xrealloc(s->columns, (s->n_columns + 1) * sizeof(*s->columns));
			struct column *c = &s->columns[s->n_columns++];
			c->name = json_key(p);
			c->type = column_type_of(p);
			const char *pattern = json_get_str(p, "pattern");
			c->format = pattern && strstr(pattern, "[0-9]{4}-[0-9]{2}-[0-9]{2}") ? "date" : NULL;
		}
	}
	return 0;
}

void schema_free_all(struct schema_set *set)
{
	for (size_t i = 0; i < set->n; i++) {
		free(set->schemas[i].columns);
		json_free(set->schemas[i].json);
	}
	free(set->schemas);
	memset(set, 0, sizeof(*set));
}

const struct schema *schema_for_type(const struct schema_set *set, const char *record_type)
{
	for (size_t i = 0; record_type && i < set->n; i++)
		if (set->schemas[i].record_type && !strcmp(set->schemas[i].record_type, record_type))
			return &set->schemas[i];
	return NULL;
}

const struct schema *schema_for_table(const struct schema_set *set, const char *table)
{
	for (size_t i = 0; i < set->n; i++)
		if (set->schemas[i].table && !strcmp(set->schemas[i].table, table))
			return &set->schemas[i];
	return NULL;
}

static const char *kind_name(enum json_kind k)
{
	static const char *const names[] = { "invalid", "null", "boolean", "boolean", "number",
		"string", "array", "object" };
	return names[k];
}

static int matches_type(const struct jvalue *type, const struct jvalue *v)
{
	enum json_kind k = json_kind(v);
	if (!type)
		return 1;
	if (k == JSON_NUMBER) {
		double d = json_number(v);
		if (type_allows(type, "number"))
			return 1;
		return type_allows(type, "integer") && d == floor(d) && fabs(d) < 9.007199254740992e15;
	}
	return type_allows(type, kind_name(k));
}

static int equal_values(const struct jvalue *a, const struct jvalue *b)
{
	if (json_kind(a) != json_kind(b))
		return 0;
	switch (json_kind(a)) {
	case JSON_STRING: return strcmp(json_string(a), json_string(b)) == 0;
	case JSON_NUMBER: return json_number(a) == json_number(b);
	default: return 1;
	}
}

static int check(const struct jvalue *sch, const struct jvalue *v, const char *path,
		 struct strbuf *why);

static int check_object(const struct jvalue *sch, const struct jvalue *v, const char *path,
			struct strbuf *why)
{
	int bad = 0;
	const struct jvalue *props = json_get(sch, "properties");
	const struct jvalue *extra = json_get(sch, "additionalProperties");
	for (const struct jvalue *r = json_child(json_get(sch, "required")); r; r = json_next(r))
		if (!json_get(v, json_string(r))) {
			strbuf_addf(why, "%s%s: required key missing; ", path, json_string(r));
			bad++;
		}
	for (const struct jvalue *m = json_child(v); m; m = json_next(m)) {
		const struct jvalue *ps = json_get(props, json_key(m));
		if (ps) {
			struct strbuf sub = STRBUF_INIT;
			strbuf_addf(&sub, "%s%s", path, json_key(m));
			bad += check(ps, m, sub.buf, why);
			strbuf_release(&sub);
		} else if (json_kind(extra) == JSON_FALSE) {
			strbuf_addf(why, "%s%s: key not in the schema; ", path, json_key(m));
			bad++;
		}
	}
	return bad;
}

static int check(const struct jvalue *sch, const struct jvalue *v, const char *path,
		 struct strbuf *why)
{
	const struct jvalue *type = json_get(sch, "type");
	const struct jvalue *cnst = json_get(sch, "const");
	const struct jvalue *en = json_get(sch, "enum");
	double num;
	if (!matches_type(type, v)) {
		strbuf_addf(why, "%s: %s where the schema wants another type; ", path,
			    kind_name(json_kind(v)));
		return 1;
	}
	if (cnst && !equal_values(cnst, v)) {
		strbuf_addf(why, "%s: must be the constant value; ", path);
		return 1;
	}
	if (en && json_kind(v) != JSON_NULL) {
		int found = 0;
		for (const struct jvalue *e = json_child(en); e; e = json_next(e))
			found |= equal_values(e, v);
		if (!found) {
			strbuf_addf(why, "%s: '%s' is not an allowed value; ", path,
				    json_string(v) ? json_string(v) : "value");
			return 1;
		}
	}
	if (json_kind(v) == JSON_NUMBER) {
		if (json_get_num(sch, "minimum", &num) && json_number(v) < num) {
			strbuf_addf(why, "%s: below the minimum %g; ", path, num);
			return 1;
		}
		if (json_get_num(sch, "maximum", &num) && json_number(v) > num) {
			strbuf_addf(why, "%s: above the maximum %g; ", path, num);
			return 1;
		}
	}
	if (json_kind(v) == JSON_STRING) {
		const char *pattern = json_get_str(sch, "pattern");
		if (json_get_num(sch, "minLength", &num) && strlen(json_string(v)) < (size_t)num) {
			strbuf_addf(why, "%s: shorter than %g characters; ", path, num);
			return 1;
		}
		if (pattern) {
			regex_t re;
			if (regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB) == 0) {
				int rc = regexec(&re, json_string(v), 0, NULL, 0);
				regfree(&re);
				if (rc != 0) {
					strbuf_addf(why, "%s: '%s' does not match %s; ", path, json_string(v),
						    pattern);
					return 1;
				}
			}
		}
	}
	if (json_kind(v) == JSON_OBJECT) {
		struct strbuf sub = STRBUF_INIT;
		strbuf_addf(&sub, "%s%s", path, *path ? "." : "");
		int bad = check_object(sch, v, sub.buf, why);
		strbuf_release(&sub);
		return bad;
	}
	if (json_kind(v) == JSON_ARRAY && json_get(sch, "items")) {
		int bad = 0, i = 0;
		for (const struct jvalue *e = json_child(v); e; e = json_next(e), i++) {
			struct strbuf sub = STRBUF_INIT;
			strbuf_addf(&sub, "%s[%d]", path, i);
			bad += check(json_get(sch, "items"), e, sub.buf, why);
			strbuf_release(&sub);
		}
		return bad;
	}
	return 0;
}

int schema_validate(const struct schema *s, const struct jvalue *rec, struct strbuf *why)
{
	return check(s->json, rec, "", why);
}
