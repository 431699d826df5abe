/* schema: sitrep's record schemas (JSON Schema draft 2020-12, embedded from schemas/): table
 * names and column order for export, and validation of records.
 * Ownership: schema_load_all returns a set owned by the caller (schema_free_all); columns and
 * names are borrowed from it. */
#ifndef SITREP_SCHEMA_H
#define SITREP_SCHEMA_H

#include <stddef.h>

#include "base/strbuf.h"

struct jvalue;

enum column_type { COL_STRING, COL_INTEGER, COL_NUMBER, COL_BOOLEAN, COL_ARRAY, COL_OBJECT };

struct column {
	const char *name;
	enum column_type type; /* the non-null type the schema allows */
	const char *format;    /* "date" for YYYY-MM-DD strings, else NULL */
};

struct schema {
	const char *record_type; /* "event" */
	const char *table;       /* "events" */
	struct column *columns;  /* properties in order, without "type" */
	size_t n_columns;
	struct jvalue *json;     /* the parsed schema */
};

struct schema_set {
	struct schema *schemas;
	size_t n;
};

int schema_load_all(struct schema_set *set);
void schema_free_all(struct schema_set *set);
const struct schema *schema_for_type(const struct schema_set *set, const char *record_type);
const struct schema *schema_for_table(const struct schema_set *set, const char *table);
/* Validate rec against s; on failure append "path: reason" messages to why and return the
 * number of problems. */
int schema_validate(const struct schema *s, const struct jvalue *rec, struct strbuf *why);

#endif
