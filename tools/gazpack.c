/* gazpack: pack gazetteer tables into the town index image that sitrep embeds (see
 * src/lexicon/townindex.h). Run by make:
 *   gazpack src/data/countries.tsv src/data/cities_world.tsv src/data/gazetteer_ke.tsv \
 *           build/gen/towns.bin
 * The rows of every table go into one image, ordered by country (iso3) as the index needs;
 * within a country, in the order of the tables and their rows. The countries table tells
 * which country has a town named as its capital. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "lexicon/townindex.h"

struct row {
	const char *line;
	size_t len;
	char iso3[4];
	size_t order;
};

static int read_file(const char *path, struct strbuf *text)
{
	FILE *in = fopen(path, "rb");
	if (!in) {
		perror(path);
		return -1;
	}
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		strbuf_add(text, buf, n);
	fclose(in);
	return 0;
}

static int by_country(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int c = memcmp(x->iso3, y->iso3, 3);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: gazpack COUNTRIES.tsv TABLE.tsv... OUT.bin\n");
		return 2;
	}
	struct strbuf *texts = calloc((size_t)argc, sizeof(*texts));
	struct row *rows = NULL;
	size_t n_rows = 0, alloc = 0;
	const char *header = NULL;
	size_t header_len = 0;
	for (int f = 1; f < argc - 1; f++) {
		strbuf_init(&texts[f], 0);
		if (f == 1) {
			if (read_file(argv[f], &texts[f]) < 0)
				return 1;
			continue;
		}
		if (read_file(argv[f], &texts[f]) < 0)
			return 1;
		int seen_header = 0;
		for (char *p = texts[f].buf; p < texts[f].buf + texts[f].len;) {
			char *nl = memchr(p, '\n', (size_t)(texts[f].buf + texts[f].len - p));
			size_t len = nl ? (size_t)(nl - p) : (size_t)(texts[f].buf + texts[f].len - p);
			if (len && p[0] != '#') {
				if (!seen_header) {
					seen_header = 1;
					if (!header) {
						header = p;
						header_len = len;
					}
				} else {
					if (n_rows == alloc) {
						alloc = alloc ? alloc * 2 : 65536;
						rows = realloc(rows, alloc * sizeof(*rows));
					}
					struct row *r = &rows[n_rows];
					r->line = p;
					r->len = len;
					r->order = n_rows++;
					const char *c = p;
					for (int tab = 0; tab < 3 && c; tab++)
						c = memchr(c, '\t', len - (size_t)(c - p)), c = c ? c + 1 : NULL;
					memset(r->iso3, 0, sizeof(r->iso3));
					if (c && (size_t)(c - p) + 3 <= len)
						memcpy(r->iso3, c, 3);
				}
			}
			p += len + 1;
		}
	}
	if (!header) {
		fprintf(stderr, "gazpack: no header in %s\n", argv[2]);
		return 1;
	}
	qsort(rows, n_rows, sizeof(*rows), by_country);
	struct strbuf text = STRBUF_INIT;
	strbuf_add(&text, header, header_len);
	strbuf_addch(&text, '\n');
	for (size_t i = 0; i < n_rows; i++) {
		strbuf_add(&text, rows[i].line, rows[i].len);
		strbuf_addch(&text, '\n');
	}
	size_t len;
	void *img = townix_write(text.buf, text.len, argv[2], texts[1].buf, texts[1].len, &len);
	strbuf_release(&text);
	for (int f = 1; f < argc - 1; f++)
		strbuf_release(&texts[f]);
	free(texts);
	free(rows);
	if (!img)
		return 1;
	FILE *out = fopen(argv[argc - 1], "wb");
	if (!out || fwrite(img, 1, len, out) != len || fclose(out) != 0) {
		perror(argv[argc - 1]);
		free(img);
		return 1;
	}
	free(img);
	return 0;
}
