/* meta: a small sorted table; publishers' metadata files are far smaller than the corpora. */
#include "parse/meta.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csvio.h"
#include "base/util.h"

struct load_state {
	struct meta_table *t;
	const char *path;
	int col[4]; /* doc_id, published, publisher, url: column index or -1 */
	size_t alloc;
	int failed;
};

static int on_row(void *ctx, char **fields, size_t n, unsigned long row)
{
	static const char *const names[4] = { "doc_id", "published", "publisher", "url" };
	struct load_state *st = ctx;
	if (row == 1) {
		for (int k = 0; k < 4; k++) {
			st->col[k] = -1;
			for (size_t i = 0; i < n; i++)
				if (ascii_casecmp(fields[i], names[k]) == 0 ||
				    (k == 1 && ascii_casecmp(fields[i], "date") == 0) ||
				    (k == 0 && ascii_casecmp(fields[i], "id") == 0))
					st->col[k] = (int)i;
		}
		if (st->col[0] < 0) {
			st->failed = error("%s:1: no doc_id column in the header", st->path);
			return 1;
		}
		return 0;
	}
	if ((size_t)st->col[0] >= n || !*fields[st->col[0]]) {
		warning("%s:%lu: row without doc_id skipped", st->path, row);
		return 0;
	}
	struct meta_table *t = st->t;
	if (t->n == st->alloc) {
		st->alloc = st->alloc ? st->alloc * 2 : 64;
		t->rows = xrealloc(t->rows, st->alloc * sizeof(*t->rows));
	}
	struct meta_row *r = &t->rows[t->n++];
	char **slots[4] = { &r->doc_id, &r->published, &r->publisher, &r->url };
	for (int k = 0; k < 4; k++)
		*slots[k] = st->col[k] >= 0 && (size_t)st->col[k] < n && *fields[st->col[k]]
				    ? xstrdup(fields[st->col[k]]) : NULL;
	return 0;
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct meta_row *)a)->doc_id, ((const struct meta_row *)b)->doc_id);
}

int meta_load(struct meta_table *t, const char *path)
{
	FILE *fp = fopen(path, "rb");
	memset(t, 0, sizeof(*t));
	if (!fp)
		return error("%s: cannot open: %s", path, strerror(errno));
	int rc = meta_load_stream(t, fp, path);
	fclose(fp);
	return rc;
}

int meta_load_stream(struct meta_table *t, FILE *fp, const char *path)
{
	struct load_state st = { t, path, { -1, -1, -1, -1 }, 0, 0 };
	memset(t, 0, sizeof(*t));
	int rc = csvio_read(fp, path, on_row, &st);
	if (rc || st.failed) {
		meta_release(t);
		return -1;
	}
	if (t->n)
		qsort(t->rows, t->n, sizeof(*t->rows), by_id);
	return 0;
}

const struct meta_row *meta_find(const struct meta_table *t, const char *doc_id)
{
	struct meta_row key = { (char *)doc_id, NULL, NULL, NULL };
	if (!t->n || !doc_id)
		return NULL;
	return bsearch(&key, t->rows, t->n, sizeof(*t->rows), by_id);
}

void meta_release(struct meta_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->rows[i].doc_id);
		free(t->rows[i].published);
		free(t->rows[i].publisher);
		free(t->rows[i].url);
	}
	free(t->rows);
	memset(t, 0, sizeof(*t));
}
