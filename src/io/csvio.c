/* csvio: libcsv wrapped for reading metadata tables; the field writer for the tables out. */
#include "io/csvio.h"

#include <csv.h>
#include <string.h>

#include "base/scan.h"
#include "base/util.h"

struct reader_state {
	csv_row_fn fn;
	void *ctx;
	char **fields;
	size_t n, alloc;
	unsigned long row;
	int stop;
};

static void on_field(void *data, size_t len, void *vst)
{
	struct reader_state *st = vst;
	if (st->n == st->alloc) {
		st->alloc = st->alloc ? st->alloc * 2 : 16;
		st->fields = xrealloc(st->fields, st->alloc * sizeof(*st->fields));
	}
	st->fields[st->n++] = xstrndup(data ? data : "", len);
}

static void on_row(int term, void *vst)
{
	struct reader_state *st = vst;
	(void)term;
	st->row++;
	if (!st->stop && st->fn(st->ctx, st->fields, st->n, st->row))
		st->stop = 1;
	for (size_t i = 0; i < st->n; i++)
		free(st->fields[i]);
	st->n = 0;
}

int csvio_read(FILE *fp, const char *name, csv_row_fn fn, void *ctx)
{
	struct csv_parser p;
	struct reader_state st = { fn, ctx, NULL, 0, 0, 0, 0 };
	char buf[65536];
	size_t got;
	int rc = 0;
	if (csv_init(&p, CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0)
		return error("%s: cannot start the CSV reader", name);
	while (!st.stop && (got = fread(buf, 1, sizeof(buf), fp)) > 0) {
		if (csv_parse(&p, buf, got, on_field, on_row, &st) != got) {
			rc = error("%s:%lu: %s", name, st.row + 1, csv_strerror(csv_error(&p)));
			break;
		}
	}
	if (rc == 0 && ferror(fp))
		rc = error("%s: read error", name);
	if (rc == 0 && csv_fini(&p, on_field, on_row, &st) != 0)
		rc = error("%s:%lu: %s", name, st.row + 1, csv_strerror(csv_error(&p)));
	for (size_t i = 0; i < st.n; i++)
		free(st.fields[i]);
	free(st.fields);
	csv_free(&p);
	return rc;
}

void csvio_quoted_part(struct strbuf *sb, const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	for (;;) {
		const char *q = memchr(p, '"', (size_t)(end - p));
		if (!q)
			break;
		strbuf_add(sb, p, (size_t)(q + 1 - p));
		strbuf_addch(sb, '"');
		p = q + 1;
	}
	strbuf_add(sb, p, (size_t)(end - p));
}

int csvio_needs_quotes(const char *s, size_t len, char delim)
{
	return scan_any4(s, s + len, delim, '"', '\n', '\r') != s + len;
}

void csvio_field(struct strbuf *sb, const char *s, size_t len, char delim)
{
	if (!csvio_needs_quotes(s, len, delim)) {
		strbuf_add(sb, s, len);
		return;
	}
	strbuf_grow(sb, len + 2);
	strbuf_addch(sb, '"');
	csvio_quoted_part(sb, s, len);
	strbuf_addch(sb, '"');
}
