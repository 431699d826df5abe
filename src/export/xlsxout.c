/* xlsxout: libxlsxwriter in constant-memory mode; rows are written in order per sheet. */
#include "export/xlsxout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "io/json.h"
#include "base/strbuf.h"
#include "base/util.h"

#define TRUNCATION_MARK " [truncated by sitrep]"

struct sheet {
	char *name;
	const struct column *cols;
	size_t n_cols;
	lxw_worksheet *ws;
	unsigned long rows;  /* rows in the current sheet, header included */
	int part;            /* 1 for the first sheet, 2 for "NAME (2)"... */
};

struct xlsxout {
	lxw_workbook *wb;
	lxw_format *header, *date;
	struct sheet *sheets;
	size_t n;
	unsigned long truncated;
	struct strbuf cell;
};

struct xlsxout *xlsxout_open(const char *path)
{
	lxw_workbook_options opts = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE };
	struct xlsxout *x = xcalloc(1, sizeof(*x));
	x->wb = workbook_new_opt(path, &opts);
	if (!x->wb) {
		free(x);
		error("cannot create workbook '%s'", path);
		return NULL;
	}
	x->header = workbook_add_format(x->wb);
	format_set_bold(x->header);
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, "yyyy-mm-dd");
	strbuf_init(&x->cell, 256);
	return x;
}

/* A sensible width per column from its type and name. */
static double width_of(const struct column *c)
{
	if (c->format)
		return 11;
	if (c->type == COL_INTEGER || c->type == COL_NUMBER)
		return strlen(c->name) > 10 ? (double)strlen(c->name) + 1 : 11;
	if (!strcmp(c->name, "notes") || !strcmp(c->name, "text"))
		return 80;
	if (strstr(c->name, "actor") || !strcmp(c->name, "claimed_by") || !strcmp(c->name, "title"))
		return 36;
	return 18;
}

static int start_sheet(struct xlsxout *x, struct sheet *s)
{
	char name[32];
	/* Sheet names: at most 31 characters. */
	if (s->part == 1)
		snprintf(name, sizeof(name), "%.31s", s->name);
	else
		snprintf(name, sizeof(name), "%.24s (%d)", s->name, s->part);
	s->ws = workbook_add_worksheet(x->wb, name);
	if (!s->ws)
		return error("cannot add sheet '%s'", name);
	for (size_t c = 0; c < s->n_cols; c++) {
		worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, width_of(&s->cols[c]),
				     s->cols[c].format ? x->date : NULL);
		worksheet_write_string(s->ws, 0, (lxw_col_t)c, s->cols[c].name, x->header);
	}
	worksheet_freeze_panes(s->ws, 1, 0);
	s->rows = 1;
	return 0;
}

int xlsxout_table(struct xlsxout *x, const char *name, const struct column *cols, size_t n)
{
	x->sheets = xrealloc(x->sheets, (x->n + 1) * sizeof(*x->sheets));
	struct sheet *s = &x->sheets[x->n];
	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->cols = cols;
	s->n_cols = n;
	s->part = 1;
	if (start_sheet(x, s) < 0)
		return -1;
	return (int)x->n++;
}

static void finish_sheet(struct sheet *s)
{
	if (s->n_cols)
		worksheet_autofilter(s->ws, 0, 0, (lxw_row_t)(s->rows - 1), (lxw_col_t)(s->n_cols - 1));
}

/* Cut text to Excel's cell limit on a UTF-8 boundary, with a visible marker. */
static const char *fit(struct xlsxout *x, const char *text)
{
	size_t len = strlen(text);
	if (len <= XLSX_MAX_CELL) /* bytes >= characters */
		return text;
	size_t chars = 0, i = 0, keep = XLSX_MAX_CELL - strlen(TRUNCATION_MARK);
	while (text[i] && chars < keep) {
		i++;
		while (((unsigned char)text[i] & 0xC0) == 0x80)
			i++;
		chars++;
	}
	if (!text[i])
		return text;
	x->truncated++;
	strbuf_reset(&x->cell);
	strbuf_add(&x->cell, text, i);
	strbuf_addstr(&x->cell, TRUNCATION_MARK);
	return x->cell.buf;
}

static void write_cell(struct xlsxout *x, struct sheet *s, lxw_row_t r, lxw_col_t c,
		       const struct column *col, const struct jvalue *v)
{
	struct strbuf tmp = STRBUF_INIT;
	switch (json_kind(v)) {
	case JSON_INVALID: case JSON_NULL:
		break;
	case JSON_NUMBER:
		worksheet_write_number(s->ws, r, c, json_number(v), NULL);
		break;
	case JSON_TRUE: case JSON_FALSE:
		worksheet_write_boolean(s->ws, r, c, json_kind(v) == JSON_TRUE, NULL);
		break;
	case JSON_STRING: {
		const char *str = json_string(v);
		int y, m, d;
		/* Dates as dates, where the schema says so; everything else stays a string cell,
		 * which Excel never evaluates ("=cmd()", "1-2", "004" keep their text). */
		if (col->format && sscanf(str, "%4d-%2d-%2d", &y, &m, &d) == 3 && strlen(str) == 10) {
			lxw_datetime dt = { y, m, d, 0, 0, 0 };
			worksheet_write_datetime(s->ws, r, c, &dt, x->date);
		} else if (*str) {
			worksheet_write_string(s->ws, r, c, fit(x, str), NULL);
		}
		break;
	}
	default:
		json_print(v, &tmp);
		worksheet_write_string(s->ws, r, c, fit(x, tmp.buf), NULL);
	}
	strbuf_release(&tmp);
}

int xlsxout_row(struct xlsxout *x, int table, const struct jvalue *rec)
{
	struct sheet *s = &x->sheets[table];
	if (s->rows >= XLSX_MAX_ROWS) {
		finish_sheet(s);
		s->part++;
		warning("table '%s' is longer than a sheet: continuing on sheet %d", s->name, s->part);
		if (start_sheet(x, s) < 0)
			return -1;
	}
	for (size_t c = 0; c < s->n_cols; c++)
		write_cell(x, s, (lxw_row_t)s->rows, (lxw_col_t)c, &s->cols[c], json_get_path(rec, s->cols[c].name));
	s->rows++;
	return 0;
}

int xlsxout_close(struct xlsxout *x)
{
	for (size_t i = 0; i < x->n; i++)
		finish_sheet(&x->sheets[i]);
	lxw_error err = workbook_close(x->wb);
	int rc = 0;
	if (err != LXW_NO_ERROR)
		rc = error("cannot write workbook: %s", lxw_strerror(err));
	for (size_t i = 0; i < x->n; i++)
		free(x->sheets[i].name);
	free(x->sheets);
	strbuf_release(&x->cell);
	free(x);
	return rc;
}

unsigned long xlsxout_truncated(const struct xlsxout *x)
{
	return x->truncated;
}
