/* export: sitrep's own tables stream (one row in flight); records of unknown types are
 * buffered per type so that their columns can be the union of their keys. */
#include "export.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csvio.h"
#include "json.h"
#include "jsonw.h"
#include "strbuf.h"
#include "util.h"

struct table {
	char *name;
	const struct schema *schema; /* NULL for unknown record types */
	char **columns;              /* column names (borrowed from schema, or owned) */
	enum column_type *types;
	size_t n_columns;
	int owns_columns;
	FILE *fp;
	int opened;
	unsigned long rows;
	struct strbuf pending;       /* unknown types: buffered JSON lines */
	size_t pending_n;
};

struct exporter {
	struct export_opts opts;
	const struct schema_set *schemas;
	struct table *tables;
	size_t n_tables;
	struct strbuf row;
	char **only;                 /* --columns */
	size_t n_only;
	int failed;
};

const char *export_format_ext(enum export_format f)
{
	static const char *const ext[] = { "csv", "tsv", "jsonl", "json" };
	return ext[f];
}

int export_format_from_name(const char *name)
{
	static const char *const names[] = { "csv", "tsv", "jsonl", "json" };
	for (int i = 0; i < 4; i++)
		if (!strcmp(name, names[i]))
			return i;
	if (!strcmp(name, "ndjson"))
		return EXPORT_JSONL;
	return -1;
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

static struct table *add_table(struct exporter *x, const char *name, const struct schema *s)
{
	x->tables = xrealloc(x->tables, (x->n_tables + 1) * sizeof(*x->tables));
	struct table *t = &x->tables[x->n_tables++];
	memset(t, 0, sizeof(*t));
	t->name = xstrdup(name);
	t->schema = s;
	strbuf_init(&t->pending, 0);
	if (s) {
		t->columns = xmalloc(s->n_columns * sizeof(*t->columns));
		t->types = xmalloc(s->n_columns * sizeof(*t->types));
		for (size_t i = 0; i < s->n_columns; i++) {
			t->columns[i] = (char *)s->columns[i].name;
			t->types[i] = s->columns[i].type;
		}
		t->n_columns = s->n_columns;
	}
	return t;
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
	if (opts->columns)
		split_columns(x, opts->columns);
	for (size_t i = 0; i < schemas->n; i++)
		add_table(x, schemas->schemas[i].table, &schemas->schemas[i]);
	if (opts->outdir) {
		struct stat st;
		if (stat(opts->outdir, &st) != 0 && mkdir(opts->outdir, 0777) != 0) {
			error("cannot create '%s': %s", opts->outdir, strerror(errno));
			exporter_free(x);
			return NULL;
		}
	}
	if (x->n_only) {
		const struct schema *s = schema_for_table(schemas, x->opts.table);
		for (size_t k = 0; s && k < x->n_only; k++) {
			size_t c;
			for (c = 0; c < s->n_columns; c++)
				if (!strcmp(s->columns[c].name, x->only[k]))
					break;
			if (c == s->n_columns) {
				error("table '%s' has no column '%s'", x->opts.table, x->only[k]);
				exporter_free(x);
				return NULL;
			}
		}
	}
	return x;
}

static int wanted_column(const struct exporter *x, const struct table *t, const char *name)
{
	if (!x->n_only || (x->opts.outdir && strcmp(t->name, x->opts.table) != 0))
		return 1;
	for (size_t k = 0; k < x->n_only; k++)
		if (!strcmp(x->only[k], name))
			return 1;
	return 0;
}

static void end_line(struct exporter *x)
{
	if (x->opts.crlf && (x->opts.format == EXPORT_CSV || x->opts.format == EXPORT_TSV))
		strbuf_addch(&x->row, '\r');
	strbuf_addch(&x->row, '\n');
}

static void tsv_escape(struct strbuf *sb, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		switch (s[i]) {
		case '\t': strbuf_add(sb, "\\t", 2); break;
		case '\n': strbuf_add(sb, "\\n", 2); break;
		case '\r': strbuf_add(sb, "\\r", 2); break;
		case '\\': strbuf_add(sb, "\\\\", 2); break;
		default: strbuf_addch(sb, s[i]);
		}
	}
}

static void add_text_cell(struct exporter *x, const char *s, size_t len, int is_text)
{
	/* OWASP formula injection: a leading = + - @ tab or CR makes a spreadsheet evaluate it. */
	struct strbuf tmp = STRBUF_INIT;
	if (is_text && !x->opts.raw && len && strchr("=+-@\t\r", s[0])) {
		strbuf_addch(&tmp, '\'');
		strbuf_add(&tmp, s, len);
		s = tmp.buf;
		len = tmp.len;
	}
	if (x->opts.format == EXPORT_TSV)
		tsv_escape(&x->row, s, len);
	else
		csvio_field(&x->row, s, len, x->opts.delimiter);
	strbuf_release(&tmp);
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

static int open_table(struct exporter *x, struct table *t)
{
	if (t->opened)
		return t->fp ? 0 : -1;
	t->opened = 1;
	if (x->opts.outdir) {
		struct strbuf path = STRBUF_INIT;
		strbuf_addf(&path, "%s/%s.%s", x->opts.outdir, t->name, export_format_ext(x->opts.format));
		t->fp = fopen(path.buf, "wb");
		if (!t->fp)
			error("cannot write '%s': %s", path.buf, strerror(errno));
		strbuf_release(&path);
		if (!t->fp)
			return -1;
	} else {
		t->fp = stdout;
	}
	strbuf_reset(&x->row);
	if (x->opts.format == EXPORT_CSV || x->opts.format == EXPORT_TSV) {
		if (x->opts.bom)
			strbuf_add(&x->row, "\xEF\xBB\xBF", 3);
		int first = 1;
		for (size_t c = 0; c < t->n_columns; c++) {
			if (!wanted_column(x, t, t->columns[c]))
				continue;
			if (!first)
				strbuf_addch(&x->row, x->opts.delimiter);
			first = 0;
			add_text_cell(x, t->columns[c], strlen(t->columns[c]), 0);
		}
		end_line(x);
	} else if (x->opts.format == EXPORT_JSON) {
		strbuf_addch(&x->row, '[');
	}
	fwrite(x->row.buf, 1, x->row.len, t->fp);
	return 0;
}

static int write_row(struct exporter *x, struct table *t, const struct jvalue *rec,
		     const char *line, size_t len)
{
	if (open_table(x, t) < 0)
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
	default: {
		int first = 1;
		for (size_t c = 0; c < t->n_columns; c++) {
			if (!wanted_column(x, t, t->columns[c]))
				continue;
			if (!first)
				strbuf_addch(&x->row, x->opts.delimiter);
			first = 0;
			add_value_cell(x, json_get(rec, t->columns[c]), t->types ? t->types[c] : COL_STRING);
		}
		end_line(x);
	}
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

/* Table of an unknown record type: "type" + "s" when it is a word, else "records". */
static struct table *table_for_unknown(struct exporter *x, const char *type)
{
	struct strbuf name = STRBUF_INIT;
	int ok = type && *type;
	for (const char *p = type; ok && *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			ok = 0;
	/* Names are made from a restricted alphabet so --outdir can never escape the dir. */
	strbuf_addstr(&name, ok && strlen(type) < 40 ? type : "record");
	strbuf_addch(&name, 's');
	struct table *t = find_table(x, name.buf);
	if (!t)
		t = add_table(x, name.buf, NULL);
	strbuf_release(&name);
	return t;
}

int exporter_add(struct exporter *x, const struct jvalue *rec, const char *line, size_t len)
{
	const char *type = json_get_str(rec, "type");
	const struct schema *s = schema_for_type(x->schemas, type);
	struct table *t = s ? find_table(x, s->table) : table_for_unknown(x, type);
	if (!x->opts.outdir && strcmp(t->name, x->opts.table) != 0)
		return 0;
	if (t->schema)
		return write_row(x, t, rec, line, len) < 0 ? (x->failed = 1, -1) : 0;
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
		for (c = 0; c < t->n_columns; c++)
			if (!strcmp(t->columns[c], key.buf))
				break;
		if (c == t->n_columns) {
			t->columns = xrealloc(t->columns, (t->n_columns + 1) * sizeof(*t->columns));
			t->columns[t->n_columns++] = strbuf_detach(&key, NULL);
		}
		strbuf_release(&key);
	}
}

static const struct jvalue *get_path(const struct jvalue *v, const char *path)
{
	const struct jvalue *direct = json_get(v, path);
	if (direct)
		return direct;
	const char *dot = strchr(path, '.');
	if (!dot)
		return NULL;
	char *head = xstrndup(path, (size_t)(dot - path));
	const struct jvalue *sub = json_get(v, head);
	free(head);
	return sub ? get_path(sub, dot + 1) : NULL;
}

static int flush_unknown(struct exporter *x, struct table *t)
{
	t->owns_columns = 1;
	/* Pass 1: columns. Pass 2: rows. Both over the buffered lines. */
	for (int pass = 0; pass < 2; pass++) {
		const char *p = t->pending.buf, *end = p + t->pending.len;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t len = (size_t)(nl - p);
			size_t erroff;
			struct jvalue *rec = json_parse(p, len, &erroff);
			if (rec && pass == 0) {
				collect_keys(t, rec, "");
			} else if (rec) {
				if (open_table(x, t) < 0) {
					json_free(rec);
					return -1;
				}
				strbuf_reset(&x->row);
				if (x->opts.format == EXPORT_JSONL || x->opts.format == EXPORT_JSON) {
					if (x->opts.format == EXPORT_JSON)
						strbuf_addstr(&x->row, t->rows ? ",\n" : "\n");
					strbuf_add(&x->row, p, len);
					if (x->opts.format == EXPORT_JSONL)
						strbuf_addch(&x->row, '\n');
				} else {
					for (size_t c = 0; c < t->n_columns; c++) {
						if (c)
							strbuf_addch(&x->row, x->opts.delimiter);
						add_value_cell(x, get_path(rec, t->columns[c]), COL_STRING);
					}
					end_line(x);
				}
				fwrite(x->row.buf, 1, x->row.len, t->fp);
				t->rows++;
			}
			json_free(rec);
			p = nl + 1;
		}
	}
	return 0;
}

int exporter_finish(struct exporter *x)
{
	int rc = x->failed ? -1 : 0;
	for (size_t i = 0; i < x->n_tables; i++) {
		struct table *t = &x->tables[i];
		int selected = x->opts.outdir || !strcmp(t->name, x->opts.table);
		if (!t->schema && t->pending_n && selected && flush_unknown(x, t) < 0)
			rc = -1;
		/* Every schema table gets its header even when empty. */
		if (selected && t->schema && !t->opened && open_table(x, t) < 0)
			rc = -1;
		if (t->fp && x->opts.format == EXPORT_JSON)
			fputs(t->rows ? "\n]\n" : "]\n", t->fp);
		if (t->fp && t->fp != stdout) {
			if (ferror(t->fp) | fclose(t->fp)) {
				error("write error on table '%s': %s", t->name, strerror(errno));
				rc = -1;
			}
			t->fp = NULL;
		}
	}
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
		if (t->owns_columns)
			for (size_t c = 0; c < t->n_columns; c++)
				free(t->columns[c]);
		free(t->columns);
		free(t->types);
		free(t->name);
		strbuf_release(&t->pending);
	}
	free(x->tables);
	for (size_t k = 0; k < x->n_only; k++)
		free(x->only[k]);
	free(x->only);
	strbuf_release(&x->row);
	free(x);
}

const char *exporter_table(const struct exporter *x, size_t i, unsigned long *rows)
{
	if (i >= x->n_tables)
		return NULL;
	*rows = x->tables[i].rows;
	return x->tables[i].name;
}
