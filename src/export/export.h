/* export: routes records to tables and writes them as CSV, TSV, JSON Lines, JSON arrays,
 * GeoJSON, an XLSX workbook or an SQLite database.
 * Ownership: the exporter owns its output files and buffers; records passed in are borrowed. */
#ifndef SITREP_EXPORT_H
#define SITREP_EXPORT_H

#include <stddef.h>

#include "io/schema.h"

enum export_format { EXPORT_CSV, EXPORT_TSV, EXPORT_JSONL, EXPORT_JSON, EXPORT_GEOJSON,
		     EXPORT_XLSX, EXPORT_SQLITE };

struct export_opts {
	enum export_format format;
	const char *outdir;  /* one file per table (xlsx/sqlite: one file in it), or NULL */
	const char *output;  /* xlsx/sqlite file; NULL: DIR/sitrep.xlsx or standard output */
	const char *table;   /* table for stdout (default "events") */
	const char *columns; /* comma-separated column subset, or NULL */
	int bom;             /* UTF-8 byte-order mark before CSV/TSV (Excel) */
	int crlf;            /* CRLF line ends in CSV/TSV */
	int raw;             /* do not neutralise spreadsheet formulas */
	char delimiter;      /* CSV delimiter (',') */
	int no_datapackage;  /* no datapackage.json beside CSV/TSV tables */
};

struct exporter;
struct jvalue;

/* NULL after an error message (bad column list, unwritable directory or file). */
struct exporter *exporter_new(const struct export_opts *opts, const struct schema_set *schemas);
/* One record: the parsed value and its original JSON line. Returns 0, or -1 on write error. */
int exporter_add(struct exporter *x, const struct jvalue *rec, const char *line, size_t len);
/* One record as a JSON line, parsed here: sitrep's flat records take a path without trees.
 * Returns 0, 1 when the line is not a JSON object (reported with where), -1 on write error. */
int exporter_add_line(struct exporter *x, const char *line, size_t len, const char *where);
/* One record of sitrep's own type (a schema's) as fields, the shape flatjson_parse gives,
 * strings with escaped 0 taken as they are: for CSV and TSV tables, whose rows need no JSON
 * line (run writes each document's row from the document this way). Returns as
 * exporter_add_line; 2, writing nothing, when the format needs the JSON line or the type has
 * no schema. */
struct flat_field;
int exporter_add_fields(struct exporter *x, const char *type, const struct flat_field *fields,
			int n);
/* Write buffered tables and closing syntax, close files. Returns 0, or -1 on a write error. */
int exporter_finish(struct exporter *x);
void exporter_free(struct exporter *x);
/* Counts by table for summaries: the i-th table's name and rows, NULL name past the end. */
const char *exporter_table(const struct exporter *x, size_t i, unsigned long *rows);
const char *export_format_ext(enum export_format f);
int export_format_from_name(const char *name);

#endif
