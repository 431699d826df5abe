/* tsv: line splitting and header checking for lexicon tables. */
#include "io/tsv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/util.h"

static int header_matches(char **fields, size_t n, const char *header)
{
	size_t i = 0;
	const char *p = header;
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (i >= n || strlen(fields[i]) != len || strncmp(fields[i], p, len) != 0)
			return 0;
		i++;
		p += len + (comma ? 1 : 0);
	}
	return 1;
}

static size_t expected_columns(const char *header)
{
	size_t n = 1;
	for (const char *p = header; *p; p++)
		n += *p == ',';
	return n;
}

/* Cut line at its tabs into fields (at most TSV_MAX_FIELDS kept); the count of fields. */
static size_t split_fields(char *line, char **fields)
{
	size_t n = 0;
	for (char *p = line;;) {
		char *tab = strchr(p, '\t');
		if (n < TSV_MAX_FIELDS)
			fields[n++] = p;
		if (!tab)
			return n;
		*tab = '\0';
		p = tab + 1;
	}
}

int tsv_parse(const char *text, size_t len, const char *name, const char *header, tsv_row_fn fn,
	      void *ctx)
{
	struct strbuf line = STRBUF_INIT;
	char *fields[TSV_MAX_FIELDS];
	size_t want = expected_columns(header), pos = 0;
	unsigned long lineno = 0;
	int seen_header = 0, bad = 0;
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t l = nl ? (size_t)(nl - (text + pos)) : len - pos;
		strbuf_reset(&line);
		strbuf_add(&line, text + pos, l);
		pos += l + 1;
		lineno++;
		if (line.len && line.buf[line.len - 1] == '\r')
			strbuf_setlen(&line, line.len - 1);
		if (line.len == 0 || line.buf[0] == '#')
			continue;
		size_t n = split_fields(line.buf, fields);
		if (!seen_header) {
			seen_header = 1;
			if (!header_matches(fields, n, header)) {
				strbuf_release(&line);
				return error("%s:%lu: header must be the columns '%s' (tab-separated)", name,
					     lineno, header);
			}
			continue;
		}
		if (n < want) {
			error("%s:%lu: %zu columns, %zu expected; row skipped", name, lineno, n, want);
			bad++;
			continue;
		}
		if (fn(ctx, fields, n, lineno))
			bad++;
	}
	strbuf_release(&line);
	if (!seen_header)
		return error("%s: no header row", name);
	return bad;
}

int tsv_parse_file(const char *path, const char *header, tsv_row_fn fn, void *ctx)
{
	FILE *fp = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t got;
	if (!fp)
		return error("%s: cannot open: %s", path, strerror(errno));
	while ((got = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_add(&sb, buf, got);
	int failed = ferror(fp);
	fclose(fp);
	if (failed) {
		strbuf_release(&sb);
		return error("%s: read error", path);
	}
	int rc = tsv_parse(sb.buf, sb.len, path, header, fn, ctx);
	strbuf_release(&sb);
	return rc;
}

int tsv_file_has_header(const char *path, const char *header)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return 0;
	struct strbuf line = STRBUF_INIT;
	char buf[4096];
	int matches = -1; /* not yet seen */
	for (;;) {
		int eof = !fgets(buf, sizeof(buf), fp);
		if (!eof)
			strbuf_addstr(&line, buf);
		if (!eof && (!line.len || line.buf[line.len - 1] != '\n'))
			continue; /* a longer line: read on */
		while (line.len && (line.buf[line.len - 1] == '\n' || line.buf[line.len - 1] == '\r'))
			strbuf_setlen(&line, line.len - 1);
		if (line.len && line.buf[0] != '#') {
			char *fields[TSV_MAX_FIELDS];
			size_t n = split_fields(line.buf, fields);
			matches = header_matches(fields, n, header) && n == expected_columns(header);
		}
		strbuf_reset(&line);
		if (eof || matches >= 0)
			break;
	}
	strbuf_release(&line);
	fclose(fp);
	return matches > 0;
}
