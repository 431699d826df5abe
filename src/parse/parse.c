/* parse: format sniffing, per-format readers, and the metadata precedence rules. */
#include "parse/parse.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "parse/article.h"
#include "parse/feedkeys.h"
#include "parse/html.h"
#include "parse/nontext.h"
#include "io/json.h"
#include "io/linereader.h"
#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/util.h"

int parse_format_from_name(const char *name)
{
	static const char *const names[] = { "auto", "text", "html", "jsonl" };
	for (int i = 0; i < 4; i++)
		if (strcmp(name, names[i]) == 0)
			return i;
	if (strcmp(name, "txt") == 0)
		return FORMAT_TEXT;
	if (strcmp(name, "json") == 0 || strcmp(name, "ndjson") == 0)
		return FORMAT_JSONL;
	return -1;
}

static const char *display_name(const char *path)
{
	return strcmp(path, "-") ? path : "<stdin>";
}

/* doc_id from a path: the base name without its last extension. */
static char *id_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	return xstrndup(base, len);
}

static enum input_format by_extension(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (!dot || strchr(dot, '/'))
		return FORMAT_AUTO;
	if (!ascii_casecmp(dot, ".html") || !ascii_casecmp(dot, ".htm") || !ascii_casecmp(dot, ".xhtml"))
		return FORMAT_HTML;
	if (!ascii_casecmp(dot, ".jsonl") || !ascii_casecmp(dot, ".ndjson") || !ascii_casecmp(dot, ".json"))
		return FORMAT_JSONL;
	if (!ascii_casecmp(dot, ".txt") || !ascii_casecmp(dot, ".text"))
		return FORMAT_TEXT;
	return FORMAT_AUTO;
}

static enum input_format sniff(const char *head, size_t len)
{
	size_t i = 0;
	if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t'))
		i++;
	if (i < len && head[i] == '{')
		return FORMAT_JSONL;
	if (i < len && head[i] == '<') {
		const char *rest = head + i;
		size_t n = len - i;
		if (n >= 5 && (starts_with_ci(rest, "<html") || starts_with_ci(rest, "<!doctype") ||
			       starts_with_ci(rest, "<head") || starts_with_ci(rest, "<body") ||
			       starts_with_ci(rest, "<?xml") || starts_with_ci(rest, "<!--") ||
			       starts_with_ci(rest, "<div") || starts_with_ci(rest, "<p")))
			return FORMAT_HTML;
	}
	return FORMAT_TEXT;
}

/* Metadata precedence: --date > --meta > the input's own > dateline (set by article). */
static void apply_outer_metadata(struct doc *d, const struct parse_opts *opts)
{
	const struct meta_row *row = opts->meta ? meta_find(opts->meta, d->doc_id) : NULL;
	if (row) {
		if (row->published)
			doc_set_published(d, row->published, DATE_META);
		if (row->publisher)
			doc_set(&d->publisher, row->publisher);
		if (row->url)
			doc_set(&d->url, row->url);
	}
	if (opts->date)
		doc_set_published(d, opts->date, DATE_OPTION);
	if (!d->published)
		doc_warn(d, "no publication date: relative dates cannot be resolved");
}

/* "not text" with what it looks like and a converter, for a file or (lineno > 0) a feed line. */
static void report_nontext(const char *name, unsigned long lineno, const struct nontext *nt)
{
	char line[24] = "";
	if (lineno)
		snprintf(line, sizeof(line), ":%lu", lineno);
	error("%s%s: not text (looks like %s); convert it first, for example with %s", name, line,
	      nt->looks_like, nt->convert_with);
}

static int read_all(FILE *fp, size_t max, struct strbuf *sb, int *too_big)
{
	char buf[65536];
	size_t got;
	*too_big = 0;
	while ((got = fread(buf, 1, sizeof(buf), fp)) > 0) {
		if (sb->len + got > max) {
			*too_big = 1;
			return 0;
		}
		strbuf_add(sb, buf, got);
	}
	return ferror(fp) ? -1 : 0;
}

static void emit(struct doc *d, const struct parse_opts *opts, doc_sink_fn sink, void *ctx,
		 struct parse_stats *stats)
{
	apply_outer_metadata(d, opts);
	sink(ctx, d);
	stats->docs_out++;
}

static void parse_whole(const char *path, FILE *fp, enum input_format fmt, struct strbuf *raw,
			const struct parse_opts *opts, doc_sink_fn sink, void *ctx,
			struct parse_stats *stats)
{
	struct doc d;
	doc_init(&d);
	d.doc_id = opts->id ? xstrdup(opts->id) : id_from_path(strcmp(path, "-") ? path : "stdin");
	d.source = xstrdup(path);
	int too_big;
	struct nontext nt;
	stats->docs_in++;
	if (read_all(fp, opts->max_doc, raw, &too_big) < 0) {
		error("%s: read error: %s", display_name(path), strerror(errno));
		stats->io_errors++;
		stats->rejected++;
	} else if (too_big) {
		error("%s: document larger than %zu bytes rejected (see --max-doc)",
		      display_name(path), opts->max_doc);
		stats->rejected++;
	} else if (nontext_check(raw->buf, raw->len, &nt)) {
		report_nontext(display_name(path), 0, &nt);
		stats->rejected++;
	} else if (fmt == FORMAT_HTML) {
		if (html_to_doc(&d, raw->buf, raw->len) < 0) {
			error("%s: cannot parse as HTML", display_name(path));
			stats->rejected++;
		} else {
			emit(&d, opts, sink, ctx, stats);
		}
	} else {
		article_from_buffer(&d, raw, ARTICLE_FIND_TITLE | ARTICLE_HEADER_BLOCK);
		if (d.text.len == 0 && !d.title) {
			error("%s: empty document (no text); skipped", display_name(path));
			stats->rejected++;
		} else {
			emit(&d, opts, sink, ctx, stats);
		}
	}
	doc_release(&d);
}

/* A feed value as text: strings as they are; numbers printed where numbers are usual (ids). */
static char *feed_value(const struct jvalue *obj, const char *const *keys, int numbers)
{
	for (size_t i = 0; keys[i]; i++) {
		const struct jvalue *v = json_get(obj, keys[i]);
		if (json_kind(v) == JSON_STRING && *json_string(v))
			return xstrdup(json_string(v));
		if (numbers && json_kind(v) == JSON_NUMBER && isfinite(json_number(v))) {
			struct strbuf sb = STRBUF_INIT;
			json_print(v, &sb);
			return strbuf_detach(&sb, NULL);
		}
	}
	return NULL;
}

/* Returns 0, -1 with *why set, or -2 when the body is not text (*nt says why). The body is
 * taken out of obj. */
static int feed_record(struct doc *d, struct jvalue *obj, const char **why, struct nontext *nt)
{
	if (feedkeys_load() < 0) {
		*why = "the table of feed fields (feed_fields.tsv) cannot be read";
		return -1;
	}
	const char *const *body_keys = feedkeys(FF_TEXT);
	if (json_kind(obj) != JSON_OBJECT) {
		*why = "feed line is not a JSON object";
		return -1;
	}
	/* The body is read from the tree in place, then taken out of it: it can be megabytes. */
	const char *body = NULL, *body_key = NULL;
	for (size_t i = 0; body_keys[i] && !body; i++) {
		const char *v = json_get_str(obj, body_keys[i]);
		if (v && *v) {
			body = v;
			body_key = body_keys[i];
		}
	}
	if (!body) {
		*why = "no article body in \"text\", \"content\" or \"body\"";
		return -1;
	}
	size_t body_len = strlen(body);
	if (nontext_check(body, body_len, nt))
		return -2;
	d->doc_id = feed_value(obj, feedkeys(FF_ID), 1);
	d->title = feed_value(obj, feedkeys(FF_TITLE), 0);
	d->url = feed_value(obj, feedkeys(FF_URL), 0);
	d->author = feed_value(obj, feedkeys(FF_AUTHOR), 0);
	/* "source" may be an object ({"name": ...}) in news APIs. */
	d->publisher = feed_value(obj, feedkeys(FF_PUBLISHER), 0);
	if (!d->publisher) {
		const struct jvalue *src = json_get(obj, "source");
		const char *name = json_get_str(src, "name");
		if (name)
			d->publisher = xstrdup(name);
	}
	char *date = feed_value(obj, feedkeys(FF_PUBLISHED), 0);
	if (date)
		doc_set_published(d, date, DATE_INPUT);
	free(date);
	struct strbuf text = STRBUF_INIT;
	json_take_str(obj, body_key, &text);
	article_from_buffer(d, &text, 0);
	return 0;
}

static void parse_feed(const char *path, FILE *fp, const struct strbuf *head,
		       const struct parse_opts *opts, doc_sink_fn sink, void *ctx,
		       struct parse_stats *stats)
{
	struct linereader lr;
	linereader_init(&lr, fp, path, opts->max_doc);
	linereader_prime(&lr, head->buf, head->len);
	int r;
	char *base = id_from_path(strcmp(path, "-") ? path : "stdin");
	while ((opts->strict ? !stats->rejected : 1) && (r = linereader_next(&lr)) == 1) {
		const char *why = NULL;
		size_t erroff = 0;
		size_t i = 0;
		while (i < lr.line.len && (lr.line.buf[i] == ' ' || lr.line.buf[i] == '\t'))
			i++;
		if (i == lr.line.len)
			continue; /* blank line: not a document */
		stats->docs_in++;
		struct jvalue *obj = json_parse(lr.line.buf, lr.line.len, &erroff);
		linereader_shrink(&lr); /* the tree has copies of what the line holds */
		if (!obj) {
			error("%s:%lu: invalid JSON at byte %zu; line skipped", lr.name, lr.lineno, erroff + 1);
			stats->rejected++;
			continue;
		}
		struct doc d;
		struct nontext nt;
		doc_init(&d);
		int rc = feed_record(&d, obj, &why, &nt);
		json_free(obj); /* the doc has copies of what it needs */
		if (rc == -2) {
			report_nontext(lr.name, lr.lineno, &nt);
			stats->rejected++;
		} else if (rc < 0) {
			error("%s:%lu: %s; line skipped", lr.name, lr.lineno, why);
			stats->rejected++;
		} else {
			if (!d.doc_id) {
				struct strbuf id = STRBUF_INIT;
				strbuf_addf(&id, "%s-%lu", base, lr.lineno);
				d.doc_id = strbuf_detach(&id, NULL);
			}
			struct strbuf src = STRBUF_INIT;
			strbuf_addf(&src, "%s:%lu", path, lr.lineno);
			d.source = strbuf_detach(&src, NULL);
			emit(&d, opts, sink, ctx, stats);
		}
		doc_release(&d);
	}
	stats->docs_in += lr.n_overlong;
	stats->rejected += lr.n_overlong;
	if (r < 0)
		stats->io_errors++;
	free(base);
	linereader_release(&lr);
}

void parse_stream(FILE *fp, const char *path, const struct parse_opts *opts, doc_sink_fn sink,
		  void *ctx, struct parse_stats *stats)
{
	enum input_format fmt = opts->format;
	struct strbuf raw = STRBUF_INIT;
	/* The first block: for the format sniffer and the not-text check of a feed. It stays in
	 * raw, as stdin cannot be rewound. */
	char head[4096];
	size_t got = fread(head, 1, sizeof(head), fp);
	strbuf_add(&raw, head, got);
	if (fmt == FORMAT_AUTO)
		fmt = by_extension(path);
	if (fmt == FORMAT_AUTO)
		fmt = sniff(head, got);
	struct nontext nt;
	if (fmt == FORMAT_JSONL && nontext_check(head, got, &nt)) {
		/* A compressed or binary feed: nothing in it can be read line by line. */
		report_nontext(display_name(path), 0, &nt);
		stats->docs_in++;
		stats->rejected++;
	} else if (fmt == FORMAT_JSONL) {
		parse_feed(path, fp, &raw, opts, sink, ctx, stats);
	} else {
		parse_whole(path, fp, fmt, &raw, opts, sink, ctx, stats);
	}
	strbuf_release(&raw);
}

void parse_input(const char *path, const struct parse_opts *opts, doc_sink_fn sink, void *ctx,
		 struct parse_stats *stats)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	struct stat st;
	if (!fp) {
		error("%s: cannot open: %s", path, strerror(errno));
		stats->io_errors++;
		return;
	}
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		error("%s: is a directory", path);
		stats->io_errors++;
		fclose(fp);
		return;
	}
	parse_stream(fp, path, opts, sink, ctx, stats);
	if (fp != stdin)
		fclose(fp);
}
