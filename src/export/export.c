/* export: sitrep's own tables stream (one row in flight); records of unknown types are
 * buffered per type so that their columns can be the union of their keys. Text formats get a
 * file per table; XLSX and SQLite one file with a sheet or table per record type. */
#include "export/export.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/csvio.h"
#include "io/flatjson.h"
#include "io/json.h"
#include "io/jsonw.h"
#include "export/sqliteout.h"
#include "base/scan.h"
#include "base/strbuf.h"
#include "base/util.h"
#include "export/xlsxout.h"

struct table {
	char *name;
	const struct schema *schema; /* NULL for record types without a schema */
	struct column *cols;         /* the columns written, in order */
	size_t *name_len;            /* of each column's name (schema tables) */
	size_t n_cols;
	int owns_names;              /* column names allocated here (unknown types) */
	FILE *fp;                    /* text formats */
	int opened;
	int handle;                  /* xlsx sheet or sqlite table, -1 before creation */
	unsigned long rows;
	unsigned long no_coords;     /* geojson: rows without coordinates */
	struct strbuf pending;       /* unknown types: buffered JSON lines */
	size_t pending_n;
};

#define MAX_FLAT_FIELDS 128

struct exporter {
	struct export_opts opts;
	struct flat_field flat[MAX_FLAT_FIELDS];
	struct strbuf cell;              /* one decoded string value */
	const struct schema_set *schemas;
	struct table *tables;
	size_t n_tables;
	struct strbuf row;
	char **only;                 /* --columns */
	size_t n_only;
	struct xlsxout *xlsx;
	struct sqliteout *db;
	char *file_path;             /* xlsx/sqlite file */
	int to_stdout_copy;          /* xlsx written to a temporary file, then copied to stdout */
	int failed;
};

static const char *const format_names[] = { "csv", "tsv", "jsonl", "json", "geojson", "xlsx",
	"sqlite" };

const char *export_format_ext(enum export_format f)
{
	return format_names[f];
}

int export_format_from_name(const char *name)
{
	for (int i = 0; i < 7; i++)
		if (!strcmp(name, format_names[i]))
			return i;
	if (!strcmp(name, "ndjson"))
		return EXPORT_JSONL;
	if (!strcmp(name, "sqlite3") || !strcmp(name, "db"))
		return EXPORT_SQLITE;
	return -1;
}

static int is_text_format(enum export_format f)
{
	return f == EXPORT_CSV || f == EXPORT_TSV || f == EXPORT_JSONL || f == EXPORT_JSON;
}

static void split_columns(struct exporter *x, const char *list)
{
	const char *p = list;
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len) {
			x->only = xrealloc(x->only, (x->n_only + 1) * sizeof(*x->only));
			x->only[x->n_only++] = xstrndup(p, len);
		}
		if (!comma)
			break;
		p = comma + 1;
	}
}

static int wanted_column(const struct exporter *x, const char *table, const char *name)
{
	if (!x->n_only || strcmp(table, x->opts.table) != 0)
		return 1;
	for (size_t k = 0; k < x->n_only; k++)
		if (!strcmp(x->only[k], name))
			return 1;
	return 0;
}

static struct table *add_table(struct exporter *x, const char *name, const struct schema *s)
{
	x->tables = xrealloc(x->tables, (x->n_tables + 1) * sizeof(*x->tables));
	struct table *t = &x->tables[x->n_tables++];
	memset(t, 0, sizeof(*t));
	t->name = xstrdup(name);
	t->schema = s;
	t->handle = -1;
	strbuf_init(&t->pending, 0);
	if (s) {
		t->cols = xmalloc((s->n_columns ? s->n_columns : 1) * sizeof(*t->cols));
		t->name_len = xmalloc((s->n_columns ? s->n_columns : 1) * sizeof(*t->name_len));
		for (size_t i = 0; i < s->n_columns; i++)
			if (wanted_column(x, name, s->columns[i].name)) {
				t->name_len[t->n_cols] = strlen(s->columns[i].name);
				t->cols[t->n_cols++] = s->columns[i];
			}
	}
	return t;
}

static char *join_path(const char *dir, const char *name, const char *ext)
{
	struct strbuf p = STRBUF_INIT;
	strbuf_addf(&p, "%s/%s.%s", dir, name, ext);
	return strbuf_detach(&p, NULL);
}

/* XLSX and SQLite write one file: -O FILE, DIR/sitrep.EXT, or (xlsx) a temporary file that is
 * copied to standard output at the end. */
static int open_single_file(struct exporter *x)
{
	const char *ext = x->opts.format == EXPORT_XLSX ? "xlsx" : "sqlite";
	if (x->opts.output) {
		x->file_path = xstrdup(x->opts.output);
	} else if (x->opts.outdir) {
		x->file_path = join_path(x->opts.outdir, "sitrep", ext);
	} else if (x->opts.format == EXPORT_XLSX && !isatty(1)) {
		char tmpl[] = "/tmp/sitrep-xlsx-XXXXXX";
		int fd = mkstemp(tmpl);
		if (fd < 0)
			return error("cannot create a temporary file: %s", strerror(errno));
		close(fd);
		x->file_path = xstrdup(tmpl);
		x->to_stdout_copy = 1;
	} else {
		return error("%s output needs --outdir DIR or --output FILE%s", ext,
			     x->opts.format == EXPORT_XLSX ? " (or a redirected standard output)" : "");
	}
	if (x->opts.format == EXPORT_XLSX)
		x->xlsx = xlsxout_open(x->file_path);
	else
		x->db = sqliteout_open(x->file_path);
	return x->xlsx || x->db ? 0 : -1;
}

static int create_handle(struct exporter *x, struct table *t)
{
	if (t->handle >= 0)
		return 0;
	if (x->xlsx)
		t->handle = xlsxout_table(x->xlsx, t->name, t->cols, t->n_cols);
	else if (x->db)
		t->handle = sqliteout_table(x->db, t->name, t->cols, t->n_cols,
					    t->schema && !strcmp(t->name, "events") ? "event_id" : NULL);
	return t->handle < 0 ? -1 : 0;
}

struct exporter *exporter_new(const struct export_opts *opts, const struct schema_set *schemas)
{
	struct exporter *x = xcalloc(1, sizeof(*x));
	x->opts = *opts;
	if (!x->opts.table)
		x->opts.table = "events";
	if (!x->opts.delimiter)
		x->opts.delimiter = opts->format == EXPORT_TSV ? '\t' : ',';
	x->schemas = schemas;
	strbuf_init(&x->row, 1024);
	strbuf_init(&x->cell, 256);
	if (opts->columns)
		split_columns(x, opts->columns);
	if (opts->outdir) {
		struct stat st;
		if (stat(opts->outdir, &st) != 0 && mkdir(opts->outdir, 0777) != 0) {
			error("cannot create '%s': %s", opts->outdir, strerror(errno));
			goto fail;
		}
	}
	const struct schema *sel = schema_for_table(schemas, x->opts.table);
	for (size_t k = 0; sel && k < x->n_only; k++) {
		size_t c;
		for (c = 0; c < sel->n_columns; c++)
			if (!strcmp(sel->columns[c].name, x->only[k]))
				break;
		if (c == sel->n_columns) {
			error("table '%s' has no column '%s'", x->opts.table, x->only[k]);
			goto fail;
		}
	}
	for (size_t i = 0; i < schemas->n; i++)
		add_table(x, schemas->schemas[i].table, &schemas->schemas[i]);
	if (opts->format == EXPORT_XLSX || opts->format == EXPORT_SQLITE) {
		if (open_single_file(x) < 0)
			goto fail;
		for (size_t i = 0; i < x->n_tables; i++)
			if (create_handle(x, &x->tables[i]) < 0)
				goto fail;
	}
	return x;
fail:
	exporter_free(x);
	return NULL;
}

static void end_line(struct exporter *x)
{
	if (x->opts.crlf && (x->opts.format == EXPORT_CSV || x->opts.format == EXPORT_TSV))
		strbuf_addch(&x->row, '\r');
	strbuf_addch(&x->row, '\n');
}

static void tsv_escape(struct strbuf *sb, const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	for (;;) {
		const char *q = scan_any4(p, end, '\t', '\n', '\r', '\\');
		strbuf_add(sb, p, (size_t)(q - p));
		if (q == end)
			return;
		switch (*q) {
		case '\t': strbuf_add(sb, "\\t", 2); break;
		case '\n': strbuf_add(sb, "\\n", 2); break;
		case '\r': strbuf_add(sb, "\\r", 2); break;
		default: strbuf_add(sb, "\\\\", 2);
		}
		p = q + 1;
	}
}

/* OWASP formula injection: a leading = + - @ tab or CR makes a spreadsheet evaluate a cell. */
static int formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

static void add_text_cell(struct exporter *x, const char *s, size_t len, int is_text)
{
	if (is_text && !x->opts.raw && len && formula_start(s[0])) {
		struct strbuf tmp = STRBUF_INIT;
		strbuf_addch(&tmp, '\'');
		strbuf_add(&tmp, s, len);
		add_text_cell(x, tmp.buf, tmp.len, 0);
		strbuf_release(&tmp);
		return;
	}
	if (x->opts.format == EXPORT_TSV)
		tsv_escape(&x->row, s, len);
	else
		csvio_field(&x->row, s, len, x->opts.delimiter);
}

static void add_value_cell(struct exporter *x, const struct jvalue *v, enum column_type type)
{
	struct strbuf tmp = STRBUF_INIT;
	switch (json_kind(v)) {
	case JSON_INVALID: case JSON_NULL:
		break;
	case JSON_STRING:
		add_text_cell(x, json_string(v), strlen(json_string(v)), 1);
		break;
	case JSON_NUMBER: {
		double d = json_number(v);
		if (d == floor(d) && fabs(d) < 1e15)
			strbuf_addf(&x->row, "%.0f", d);
		else
			strbuf_addf(&x->row, "%.15g", d);
		break;
	}
	case JSON_TRUE: strbuf_addstr(&x->row, "true"); break;
	case JSON_FALSE: strbuf_addstr(&x->row, "false"); break;
	default:
		json_print(v, &tmp);
		add_text_cell(x, tmp.buf, tmp.len, type == COL_STRING);
	}
	strbuf_release(&tmp);
}

static int is_geo_table(const struct table *t)
{
	return !strcmp(t->name, "events") || !strcmp(t->name, "places");
}

static int open_text_table(struct exporter *x, struct table *t)
{
	if (t->opened)
		return t->fp ? 0 : -1;
	t->opened = 1;
	if (x->opts.outdir) {
		char *path = join_path(x->opts.outdir, t->name, export_format_ext(x->opts.format));
		t->fp = fopen(path, "wb");
		if (!t->fp)
			error("cannot write '%s': %s", path, strerror(errno));
		free(path);
		if (!t->fp)
			return -1;
	} else {
		t->fp = stdout;
	}
	strbuf_reset(&x->row);
	switch (x->opts.format) {
	case EXPORT_CSV: case EXPORT_TSV:
		if (x->opts.bom)
			strbuf_add(&x->row, "\xEF\xBB\xBF", 3);
		for (size_t c = 0; c < t->n_cols; c++) {
			if (c)
				strbuf_addch(&x->row, x->opts.delimiter);
			add_text_cell(x, t->cols[c].name, strlen(t->cols[c].name), 0);
		}
		end_line(x);
		break;
	case EXPORT_JSON:
		strbuf_addch(&x->row, '[');
		break;
	case EXPORT_GEOJSON:
		strbuf_addstr(&x->row, "{\"type\":\"FeatureCollection\",\"features\":[");
		break;
	default:
		break;
	}
	fwrite(x->row.buf, 1, x->row.len, t->fp);
	return 0;
}

/* A GeoJSON Feature: Point [longitude, latitude] and every other column as a property. */
static void geojson_feature(struct exporter *x, struct table *t, const struct jvalue *rec)
{
	double lat, lon;
	struct strbuf tmp = STRBUF_INIT;
	json_get_num(rec, "latitude", &lat);
	json_get_num(rec, "longitude", &lon);
	strbuf_addstr(&x->row, t->rows ? ",\n" : "\n");
	strbuf_addstr(&x->row, "{\"type\":\"Feature\",\"geometry\":");
	strbuf_addf(&x->row, "{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]},", lon, lat);
	strbuf_addstr(&x->row, "\"properties\":{");
	for (size_t c = 0; c < t->n_cols; c++) {
		const struct jvalue *v = json_get(rec, t->cols[c].name);
		jsonw_key(&x->row, t->cols[c].name);
		if (v) {
			strbuf_reset(&tmp);
			json_print(v, &tmp);
			strbuf_add(&x->row, tmp.buf, tmp.len);
		} else {
			strbuf_addstr(&x->row, "null");
		}
	}
	strbuf_addstr(&x->row, "}}");
	strbuf_release(&tmp);
}

static int write_row(struct exporter *x, struct table *t, const struct jvalue *rec,
		     const char *line, size_t len)
{
	if (x->xlsx)
		return create_handle(x, t) < 0 ? -1 : (t->rows++, xlsxout_row(x->xlsx, t->handle, rec));
	if (x->db)
		return create_handle(x, t) < 0 ? -1 : (t->rows++, sqliteout_row(x->db, t->handle, rec));
	if (x->opts.format == EXPORT_GEOJSON) {
		double lat, lon;
		if (!json_get_num(rec, "latitude", &lat) || !json_get_num(rec, "longitude", &lon)) {
			t->no_coords++;
			return 0;
		}
	}
	if (open_text_table(x, t) < 0)
		return -1;
	strbuf_reset(&x->row);
	switch (x->opts.format) {
	case EXPORT_JSONL:
		strbuf_add(&x->row, line, len);
		strbuf_addch(&x->row, '\n');
		break;
	case EXPORT_JSON:
		strbuf_addstr(&x->row, t->rows ? ",\n" : "\n");
		strbuf_add(&x->row, line, len);
		break;
	case EXPORT_GEOJSON:
		geojson_feature(x, t, rec);
		break;
	default:
		for (size_t c = 0; c < t->n_cols; c++) {
			if (c)
				strbuf_addch(&x->row, x->opts.delimiter);
			add_value_cell(x, json_get_path(rec, t->cols[c].name), t->cols[c].type);
		}
		end_line(x);
	}
	t->rows++;
	if (fwrite(x->row.buf, 1, x->row.len, t->fp) != x->row.len)
		return -1;
	return 0;
}

static struct table *find_table(struct exporter *x, const char *name)
{
	for (size_t i = 0; i < x->n_tables; i++)
		if (!strcmp(x->tables[i].name, name))
			return &x->tables[i];
	return NULL;
}

/* Table of an unknown record type: its type + "s" when that is a plain word, else "records".
 * Names come from a restricted alphabet so that --outdir never writes outside the directory. */
static struct table *table_for_unknown(struct exporter *x, const char *type)
{
	struct strbuf name = STRBUF_INIT;
	int ok = type && *type && strlen(type) < 40;
	for (const char *p = type; ok && *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			ok = 0;
	strbuf_addstr(&name, ok ? type : "record");
	strbuf_addch(&name, 's');
	struct table *t = find_table(x, name.buf);
	if (!t)
		t = add_table(x, name.buf, NULL);
	strbuf_release(&name);
	return t;
}

static int selected(const struct exporter *x, const struct table *t)
{
	if (x->xlsx || x->db)
		return 1;
	if (x->opts.format == EXPORT_GEOJSON && !is_geo_table(t))
		return 0;
	return x->opts.outdir || !strcmp(t->name, x->opts.table);
}

#define LONG_CELL (64 * 1024) /* string cells longer than this are written piece by piece */

/* The next decoded piece of a long string field into x->cell; 0 at its end. */
static int next_piece(struct exporter *x, const struct flat_field *f, size_t *done)
{
	if (*done >= f->val_len)
		return 0;
	strbuf_reset(&x->cell);
	if (f->escaped) {
		*done += flatjson_unescape_some(f->val + *done, f->val_len - *done, LONG_CELL, &x->cell);
	} else {
		size_t n = f->val_len - *done < LONG_CELL ? f->val_len - *done : LONG_CELL;
		strbuf_add(&x->cell, f->val + *done, n);
		*done += n;
	}
	return 1;
}

/* A long string cell (a document's text can be megabytes) as add_text_cell would write it,
 * but straight to the table, a piece at a time, so that neither the decoded text nor the row
 * is ever whole in memory. A first pass over the pieces tells whether CSV needs quotes. */
static int write_long_cell(struct exporter *x, struct table *t, const struct flat_field *f)
{
	int tsv = x->opts.format == EXPORT_TSV, quote = 0, first = 1;
	size_t done = 0;
	while (!tsv && !quote && next_piece(x, f, &done))
		quote = csvio_needs_quotes(x->cell.buf, x->cell.len, x->opts.delimiter);
	if (fwrite(x->row.buf, 1, x->row.len, t->fp) != x->row.len)
		return -1;
	strbuf_reset(&x->row);
	if (quote)
		strbuf_addch(&x->row, '"');
	for (done = 0; next_piece(x, f, &done); first = 0) {
		const char *s = x->cell.buf;
		if (first && !x->opts.raw && formula_start(s[0]))
			strbuf_addch(&x->row, '\'');
		if (tsv)
			tsv_escape(&x->row, s, x->cell.len);
		else
			csvio_quoted_part(&x->row, s, x->cell.len);
		if (fwrite(x->row.buf, 1, x->row.len, t->fp) != x->row.len)
			return -1;
		strbuf_reset(&x->row);
	}
	if (quote)
		strbuf_addch(&x->row, '"');
	return 0;
}

/* A CSV/TSV row straight from flat fields: strings decoded once, numbers as written. */
static int write_flat_row(struct exporter *x, struct table *t, const struct flat_field *fields,
			  int n)
{
	if (open_text_table(x, t) < 0)
		return -1;
	strbuf_reset(&x->row);
	for (size_t c = 0; c < t->n_cols; c++) {
		if (c)
			strbuf_addch(&x->row, x->opts.delimiter);
		const struct flat_field *f = flatjson_getn(fields, n, t->cols[c].name, t->name_len[c],
							   t->schema ? (int)c + 1 : -1);
		if (!f)
			continue;
		switch (f->kind) {
		case FLAT_STRING:
			if (f->val_len > LONG_CELL) {
				if (write_long_cell(x, t, f) < 0)
					return -1;
			} else if (f->escaped) {
				strbuf_reset(&x->cell);
				flatjson_unescape(f->val, f->val_len, &x->cell);
				add_text_cell(x, x->cell.buf, x->cell.len, 1);
			} else {
				add_text_cell(x, f->val, f->val_len, 1);
			}
			break;
		case FLAT_NUMBER:
			if (memchr(f->val, 'e', f->val_len) || memchr(f->val, 'E', f->val_len)) {
				char num[64];
				snprintf(num, sizeof(num), "%.*s", (int)f->val_len, f->val);
				double d = strtod(num, NULL);
				if (isfinite(d))
					strbuf_addf(&x->row, "%.15g", d);
				else
					strbuf_add(&x->row, f->val, f->val_len); /* 1e999: keep as written */
			} else {
				strbuf_add(&x->row, f->val, f->val_len);
			}
			break;
		case FLAT_TRUE: strbuf_addstr(&x->row, "true"); break;
		case FLAT_FALSE: strbuf_addstr(&x->row, "false"); break;
		case FLAT_NESTED:
			add_text_cell(x, f->val, f->val_len, t->cols[c].type == COL_STRING);
			break;
		case FLAT_NULL:
			break;
		}
	}
	end_line(x);
	t->rows++;
	if (fwrite(x->row.buf, 1, x->row.len, t->fp) != x->row.len)
		return -1;
	return 0;
}

int exporter_add_line(struct exporter *x, const char *line, size_t len, const char *where)
{
	int n = flatjson_parse(line, len, x->flat, MAX_FLAT_FIELDS);
	const struct flat_field *type = n >= 0 ? flatjson_get(x->flat, n, "type", 0) : NULL;
	if (n >= 0 && (!type || (type->kind == FLAT_STRING && !type->escaped))) {
		char name[64] = "";
		if (type) { /* a copy cut to the buffer, without printf's cost on every record */
			size_t l = type->val_len < sizeof(name) - 1 ? type->val_len : sizeof(name) - 1;
			memcpy(name, type->val, l);
			name[l] = '\0';
		}
		const struct schema *s = schema_for_type(x->schemas, type ? name : NULL);
		struct table *t = s ? find_table(x, s->table) : NULL;
		/* Streaming text tables: no tree needed. */
		if (t && selected(x, t) && (x->opts.format == EXPORT_JSONL || x->opts.format == EXPORT_JSON ||
					   x->opts.format == EXPORT_CSV || x->opts.format == EXPORT_TSV)) {
			int rc = x->opts.format == EXPORT_CSV || x->opts.format == EXPORT_TSV
					 ? write_flat_row(x, t, x->flat, n) : write_row(x, t, NULL, line, len);
			if (rc < 0)
				x->failed = 1;
			return rc < 0 ? -1 : 0;
		}
		if (t && !selected(x, t))
			return 0;
	}
	size_t erroff = 0;
	struct jvalue *rec = json_parse(line, len, &erroff);
	if (!rec || json_kind(rec) != JSON_OBJECT) {
		if (rec)
			error("%s: record is not a JSON object; skipped", where);
		else
			error("%s: invalid JSON at byte %zu; skipped", where, erroff + 1);
		json_free(rec);
		return 1;
	}
	int rc = exporter_add(x, rec, line, len);
	json_free(rec);
	return rc;
}

int exporter_add_fields(struct exporter *x, const char *type, const struct flat_field *fields,
			int n)
{
	const struct schema *s = schema_for_type(x->schemas, type);
	struct table *t = s ? find_table(x, s->table) : NULL;
	if (!t || (x->opts.format != EXPORT_CSV && x->opts.format != EXPORT_TSV))
		return 2;
	if (!selected(x, t))
		return 0;
	if (write_flat_row(x, t, fields, n) < 0) {
		x->failed = 1;
		return -1;
	}
	return 0;
}

int exporter_add(struct exporter *x, const struct jvalue *rec, const char *line, size_t len)
{
	const char *type = json_get_str(rec, "type");
	const struct schema *s = schema_for_type(x->schemas, type);
	struct table *t = s ? find_table(x, s->table) : table_for_unknown(x, type);
	if (!selected(x, t))
		return 0;
	if (t->schema) {
		if (write_row(x, t, rec, line, len) < 0) {
			x->failed = 1;
			return -1;
		}
		return 0;
	}
	strbuf_add(&t->pending, line, len);
	strbuf_addch(&t->pending, '\n');
	t->pending_n++;
	return 0;
}

/* Union of keys in first-seen order; nested objects flattened as a.b. */
static void collect_keys(struct table *t, const struct jvalue *v, const char *prefix)
{
	for (const struct jvalue *m = json_child(v); m; m = json_next(m)) {
		struct strbuf key = STRBUF_INIT;
		strbuf_addf(&key, "%s%s%s", prefix, *prefix ? "." : "", json_key(m));
		if (json_kind(m) == JSON_OBJECT && json_child(m)) {
			collect_keys(t, m, key.buf);
			strbuf_release(&key);
			continue;
		}
		size_t c;
		for (c = 0; c < t->n_cols; c++)
			if (!strcmp(t->cols[c].name, key.buf))
				break;
		if (c == t->n_cols) {
			t->cols = xrealloc(t->cols, (t->n_cols + 1) * sizeof(*t->cols));
			t->cols[t->n_cols++] = (struct column){ strbuf_detach(&key, NULL), COL_STRING, NULL };
		}
		strbuf_release(&key);
	}
}

/* Unknown types: pass 1 collects the columns, pass 2 writes the buffered rows. */
static int flush_unknown(struct exporter *x, struct table *t)
{
	t->owns_names = 1;
	for (int pass = 0; pass < 2; pass++) {
		const char *p = t->pending.buf, *end = p + t->pending.len;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t len = (size_t)(nl - p), erroff;
			struct jvalue *rec = json_parse(p, len, &erroff);
			int rc = 0;
			if (rec && pass == 0)
				collect_keys(t, rec, "");
			else if (rec)
				rc = write_row(x, t, rec, p, len);
			json_free(rec);
			if (rc < 0)
				return -1;
			p = nl + 1;
		}
	}
	return 0;
}

static const char *frictionless_type(const struct column *c)
{
	if (c->format)
		return "date";
	switch (c->type) {
	case COL_INTEGER: return "integer";
	case COL_NUMBER: return "number";
	case COL_BOOLEAN: return "boolean";
	default: return "string";
	}
}

/* Frictionless Data Package describing the CSV/TSV tables written to --outdir. */
static int write_datapackage(struct exporter *x)
{
	char *path = join_path(x->opts.outdir, "datapackage", "json");
	FILE *fp = fopen(path, "wb");
	struct strbuf sb = STRBUF_INIT;
	if (!fp) {
		error("cannot write '%s': %s", path, strerror(errno));
		free(path);
		return -1;
	}
	jsonw_begin(&sb);
	jsonw_str(&sb, "profile", "tabular-data-package");
	jsonw_str(&sb, "name", "sitrep-export");
	jsonw_array_begin(&sb, "resources");
	for (size_t i = 0; i < x->n_tables; i++) {
		const struct table *t = &x->tables[i];
		if (!t->opened)
			continue;
		char file[128];
		snprintf(file, sizeof(file), "%s.%s", t->name, export_format_ext(x->opts.format));
		jsonw_begin(&sb);
		jsonw_str(&sb, "name", t->name);
		jsonw_str(&sb, "path", file);
		jsonw_str(&sb, "profile", "tabular-data-resource");
		jsonw_str(&sb, "format", export_format_ext(x->opts.format));
		jsonw_str(&sb, "encoding", "utf-8");
		jsonw_key(&sb, "dialect");
		jsonw_begin(&sb);
		strbuf_addf(&sb, "\"delimiter\":\"%s\"", x->opts.delimiter == '\t' ? "\\t" :
			    x->opts.delimiter == '"' ? "\\\"" : (char[]){ x->opts.delimiter, 0 });
		jsonw_str(&sb, "lineTerminator", x->opts.crlf ? "\r\n" : "\n");
		jsonw_bool(&sb, "header", 1);
		if (x->opts.format == EXPORT_TSV)
			jsonw_str(&sb, "escapeChar", "\\");
		jsonw_end(&sb);
		jsonw_key(&sb, "schema");
		jsonw_begin(&sb);
		jsonw_array_begin(&sb, "fields");
		for (size_t c = 0; c < t->n_cols; c++) {
			jsonw_begin(&sb);
			jsonw_str(&sb, "name", t->cols[c].name);
			jsonw_str(&sb, "type", frictionless_type(&t->cols[c]));
			if (t->cols[c].format)
				jsonw_str(&sb, "format", "%Y-%m-%d");
			jsonw_end(&sb);
		}
		jsonw_array_end(&sb);
		if (!strcmp(t->name, "events"))
			jsonw_str(&sb, "primaryKey", "event_id");
		jsonw_array_begin(&sb, "missingValues");
		jsonw_str(&sb, NULL, "");
		jsonw_array_end(&sb);
		jsonw_end(&sb);
		jsonw_end(&sb);
	}
	jsonw_array_end(&sb);
	jsonw_end(&sb);
	strbuf_addch(&sb, '\n');
	fwrite(sb.buf, 1, sb.len, fp);
	int rc = (ferror(fp) | fclose(fp)) ? error("write error on '%s'", path) : 0;
	strbuf_release(&sb);
	free(path);
	return rc;
}

static int copy_to_stdout(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char buf[65536];
	size_t got;
	if (!fp)
		return error("cannot read '%s': %s", path, strerror(errno));
	while ((got = fread(buf, 1, sizeof(buf), fp)) > 0)
		if (fwrite(buf, 1, got, stdout) != got)
			break;
	fclose(fp);
	return ferror(stdout) ? -1 : 0;
}

static int close_text_table(struct exporter *x, struct table *t)
{
	int rc = 0;
	if (t->fp && x->opts.format == EXPORT_JSON)
		fputs(t->rows ? "\n]\n" : "]\n", t->fp);
	if (t->fp && x->opts.format == EXPORT_GEOJSON)
		fputs(t->rows ? "\n]}\n" : "]}\n", t->fp);
	if (t->no_coords)
		fprintf(stderr, "sitrep export: %lu %s without coordinates left out of the GeoJSON\n",
			t->no_coords, t->name);
	if (t->fp && t->fp != stdout) {
		if (ferror(t->fp) | fclose(t->fp))
			rc = error("write error on table '%s': %s", t->name, strerror(errno));
		t->fp = NULL;
	}
	return rc;
}

int exporter_finish(struct exporter *x)
{
	int rc = x->failed ? -1 : 0;
	for (size_t i = 0; i < x->n_tables; i++) {
		struct table *t = &x->tables[i];
		if (!selected(x, t))
			continue;
		if (!t->schema && t->pending_n && flush_unknown(x, t) < 0)
			rc = -1;
		/* Every schema table gets its header (or sheet) even when empty. */
		if (t->schema && is_text_format(x->opts.format) && open_text_table(x, t) < 0)
			rc = -1;
		if (t->schema && x->opts.format == EXPORT_GEOJSON && open_text_table(x, t) < 0)
			rc = -1;
		if (close_text_table(x, t) < 0)
			rc = -1;
	}
	if (x->xlsx) {
		unsigned long cut = xlsxout_truncated(x->xlsx);
		if (cut)
			warning("%lu cells longer than %d characters were cut (marked '[truncated by sitrep]')",
				cut, XLSX_MAX_CELL);
		if (xlsxout_close(x->xlsx) < 0)
			rc = -1;
		x->xlsx = NULL;
		if (x->to_stdout_copy && rc == 0 && copy_to_stdout(x->file_path) < 0)
			rc = -1;
	}
	if (x->db) {
		if (sqliteout_close(x->db) < 0)
			rc = -1;
		x->db = NULL;
	}
	if (x->opts.outdir && (x->opts.format == EXPORT_CSV || x->opts.format == EXPORT_TSV) &&
	    !x->opts.no_datapackage && write_datapackage(x) < 0)
		rc = -1;
	return rc;
}

void exporter_free(struct exporter *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->n_tables; i++) {
		struct table *t = &x->tables[i];
		if (t->fp && t->fp != stdout)
			fclose(t->fp);
		if (t->owns_names)
			for (size_t c = 0; c < t->n_cols; c++)
				free((char *)t->cols[c].name);
		free(t->cols);
		free(t->name_len);
		free(t->name);
		strbuf_release(&t->pending);
	}
	free(x->tables);
	if (x->xlsx)
		xlsxout_close(x->xlsx);
	if (x->db)
		sqliteout_close(x->db);
	if (x->to_stdout_copy)
		unlink(x->file_path);
	free(x->file_path);
	for (size_t k = 0; k < x->n_only; k++)
		free(x->only[k]);
	free(x->only);
	strbuf_release(&x->row);
	strbuf_release(&x->cell);
	free(x);
}

const char *exporter_table(const struct exporter *x, size_t i, unsigned long *rows)
{
	if (i >= x->n_tables)
		return NULL;
	*rows = x->tables[i].rows;
	return x->tables[i].name;
}
