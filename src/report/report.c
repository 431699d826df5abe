/* report: the page skeleton: head with the embedded CSS, header with the summary, then the
 * map, timeline, counts and tables (each from its own module), the embedded script last. */
#include "report/report.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "base/util.h"
#include "io/json.h"
#include "lexicon/embedded.h"
#include "report/charts.h"
#include "report/dataset.h"
#include "report/hout.h"
#include "report/htmlesc.h"
#include "report/map.h"
#include "report/palette.h"
#include "report/table.h"

#define DEFAULT_TITLE "sitrep report"

struct report {
	struct dataset ds;
	const char *title, *generator;
	const struct embedded_file *css, *js;
};

struct report *report_new(const struct report_opts *opts)
{
	const struct embedded_file *css = embedded_find("src/report/report.css");
	const struct embedded_file *js = embedded_find("src/report/report.js");
	if (!css || !js || !embedded_find("src/data/world.tsv")) {
		error("the report's style, script or map outlines are not compiled in");
		return NULL;
	}
	struct report *r = xcalloc(1, sizeof(*r));
	if (dataset_init(&r->ds) < 0) {
		free(r);
		return NULL;
	}
	r->title = opts->title && *opts->title ? opts->title : DEFAULT_TITLE;
	r->generator = opts->generator ? opts->generator : "sitrep";
	r->css = css;
	r->js = js;
	return r;
}

void report_free(struct report *r)
{
	if (!r)
		return;
	dataset_release(&r->ds);
	free(r);
}

int report_add(struct report *r, const struct jvalue *rec, const char *where)
{
	return dataset_add(&r->ds, rec, where);
}

/* Whether a line names a record type the page does not show (sitrep writes "type" first),
 * so places, actors and quotes pass without being parsed. */
static int skippable(const char *line, size_t len)
{
	static const char prefix[] = "{\"type\":\"";
	static const char *const kept[] = { "event\"", "document\"", "mention\"" };
	size_t n = sizeof(prefix) - 1;
	if (len <= n || memcmp(line, prefix, n))
		return 0;
	for (size_t i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		if (len - n > strlen(kept[i]) && !memcmp(line + n, kept[i], strlen(kept[i])))
			return 0;
	return memchr(line + n, '"', len - n) != NULL; /* a complete, other type name */
}

int report_add_line(struct report *r, const char *line, size_t len, const char *where)
{
	if (skippable(line, len))
		return 0;
	size_t off = 0;
	struct jvalue *rec = json_parse(line, len, &off);
	if (!rec || json_kind(rec) != JSON_OBJECT) {
		if (rec)
			error("%s: record is not a JSON object; skipped", where);
		else
			error("%s: invalid JSON at byte %zu; skipped", where, off + 1);
		json_free(rec);
		return 1;
	}
	int rc = dataset_add(&r->ds, rec, where);
	json_free(rec);
	return rc;
}

size_t report_events(const struct report *r)
{
	return r->ds.n_events;
}

/* Distinct non-empty values of one pool-id field across events. */
static size_t distinct(const struct dataset *ds, size_t field_offset)
{
	uint32_t n_ids = strpool_count(&ds->pool);
	unsigned char *seen = xcalloc(n_ids, 1);
	size_t n = 0;
	for (size_t i = 0; i < ds->n_events; i++) {
		uint32_t id;
		memcpy(&id, (const char *)&ds->events[i] + field_offset, sizeof(id));
		if (id && !seen[id]++)
			n++;
	}
	free(seen);
	return n;
}

static void count_of(struct strbuf *sb, size_t n, const char *one, const char *many)
{
	strbuf_addf(sb, "%zu %s", n, n == 1 ? one : many);
}

static void summary(struct strbuf *sb, const struct dataset *ds)
{
	size_t located = 0;
	unsigned long long fatalities = 0;
	int32_t first = INT32_MAX, last = INT32_MIN;
	for (size_t i = 0; i < ds->n_events; i++) {
		const struct ds_event *e = &ds->events[i];
		located += e->has_geo;
		fatalities += e->fatalities;
		if (e->day != DATASET_NO_DAY) {
			first = e->day < first ? e->day : first;
			last = e->day > last ? e->day : last;
		}
	}
	strbuf_addstr(sb, "<p class=\"summary\">");
	count_of(sb, ds->n_events, "event", "events");
	strbuf_addstr(sb, " from ");
	count_of(sb, distinct(ds, offsetof(struct ds_event, doc_id)), "document", "documents");
	if (first <= last) {
		char a[16], b[16];
		ymd_format(civil_from_days(first), a, sizeof(a));
		ymd_format(civil_from_days(last), b, sizeof(b));
		strbuf_addf(sb, ", %s to %s", a, b);
	}
	strbuf_addf(sb, " · %llu fatalities · ", fatalities);
	count_of(sb, distinct(ds, offsetof(struct ds_event, country)), "country", "countries");
	strbuf_addf(sb, " · %zu on the map</p>\n", located);
}

/* Types present, with counts, as the map's legend (HTML, so it prints and reflows). */
static void legend(struct strbuf *sb, const struct dataset *ds, const size_t *per_type)
{
	strbuf_addstr(sb, "<ul class=\"legend\">");
	for (size_t t = 0; t <= ds->n_types; t++) {
		if (!per_type[t])
			continue;
		char cls[PALETTE_CLASS_SIZE];
		palette_class(cls, (unsigned)t, ds->n_types);
		strbuf_addf(sb, "<li><span class=\"sw %s\"></span>", cls);
		html_text_str(sb, t < ds->n_types ? ds_str(ds, ds->types[t]) : "other types");
		strbuf_addf(sb, " <span class=\"count\">%zu</span>", per_type[t]);
	}
	strbuf_addstr(sb, "</ul>\n");
}

/* Data for the script (it builds the filters): escaped for a <script> element. */
static void script_meta(struct strbuf *sb, const struct report *r, const size_t *per_type)
{
	const struct dataset *ds = &r->ds;
	strbuf_addstr(sb, "<script type=\"application/json\" id=\"report-meta\">{\"title\":\"");
	html_script_str(sb, r->title, strlen(r->title));
	strbuf_addf(sb, "\",\"events\":%zu,\"types\":[", ds->n_events);
	const char *sep = "";
	for (size_t t = 0; t <= ds->n_types; t++) {
		if (!per_type[t])
			continue;
		char cls[PALETTE_CLASS_SIZE];
		palette_class(cls, (unsigned)t, ds->n_types);
		const char *name = t < ds->n_types ? ds_str(ds, ds->types[t]) : "other types";
		strbuf_addf(sb, "%s{\"class\":\"%s\",\"name\":\"", sep, cls);
		html_script_str(sb, name, strlen(name));
		strbuf_addf(sb, "\",\"events\":%zu}", per_type[t]);
		sep = ",";
	}
	strbuf_addstr(sb, "]}</script>\n");
}

static void head(struct strbuf *sb, const struct report *r)
{
	strbuf_addstr(sb, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
			  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			  /* the page may load nothing: no image, font, frame or connection */
			  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
			  "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
			  "<meta name=\"generator\" content=\"");
	html_attr_str(sb, r->generator);
	strbuf_addstr(sb, "\">\n<title>");
	html_text_str(sb, r->title);
	strbuf_addstr(sb, "</title>\n<style>\n");
	strbuf_add(sb, r->css->data, r->css->len);
	palette_css(sb, r->ds.n_types);
	strbuf_addstr(sb, "</style>\n</head>\n<body>\n<header>\n<h1>");
	html_text_str(sb, r->title);
	strbuf_addstr(sb, "</h1>\n");
	summary(sb, &r->ds);
	strbuf_addstr(sb, "<nav><a href=\"#map-section\">Map</a> <a href=\"#time-section\">Over time</a> "
			  "<a href=\"#counts\">Counts</a> <a href=\"#events-section\">Events</a>");
	if (r->ds.n_docs)
		strbuf_addstr(sb, " <a href=\"#documents\">Documents</a>");
	strbuf_addstr(sb, "</nav>\n</header>\n<main>\n");
}

static int body(struct hout *o, struct report *r, const size_t *per_type)
{
	struct strbuf *sb = &o->sb;
	strbuf_addstr(sb, "<section id=\"map-section\">\n<h2>Map</h2>\n");
	legend(sb, &r->ds, per_type);
	if (map_write(o, &r->ds) < 0)
		return -1;
	strbuf_addstr(sb, "</section>\n<section id=\"time-section\">\n<h2>Over time</h2>\n");
	chart_timeline(o, &r->ds);
	strbuf_addstr(sb, "</section>\n<section id=\"counts\">\n<h2>Counts</h2>\n");
	chart_counts(o, &r->ds);
	hout_maybe_flush(o);
	strbuf_addstr(sb, "</section>\n<section id=\"events-section\">\n<h2>Events</h2>\n"
			  "<form id=\"filters\" hidden></form>\n<p id=\"shown\" class=\"note\"></p>\n");
	table_events(o, &r->ds);
	strbuf_addstr(sb, "</section>\n");
	table_documents(o, &r->ds);
	strbuf_addstr(sb, "</main>\n<footer>Written by ");
	html_text_str(sb, r->generator);
	strbuf_addstr(sb, ". Country outlines: Natural Earth (public domain), 1:50m, via world-atlas "
			  "(ISC licence).</footer>\n<div id=\"tip\" hidden></div>\n");
	script_meta(sb, r, per_type);
	strbuf_addstr(sb, "<script>\n");
	strbuf_add(sb, r->js->data, r->js->len);
	strbuf_addstr(sb, "</script>\n</body>\n</html>\n");
	return 0;
}

int report_write(struct report *r, FILE *fp)
{
	struct hout o;
	size_t per_type[DATASET_MAX_TYPES + 1] = { 0 };
	dataset_sort_events(&r->ds);
	for (size_t i = 0; i < r->ds.n_events; i++)
		per_type[r->ds.events[i].type]++;
	hout_init(&o, fp);
	head(&o.sb, r);
	int rc = body(&o, r, per_type);
	if (hout_finish(&o) < 0)
		return -1; /* errno tells the failed write */
	return rc;
}

int report_write_file(struct report *r, const char *path)
{
	FILE *fp = fopen(path, "w");
	if (!fp)
		return error("cannot write '%s': %s", path, strerror(errno));
	int rc = report_write(r, fp);
	int write_errno = rc < 0 && ferror(fp) ? errno : 0;
	if (fclose(fp) != 0 && !write_errno)
		write_errno = errno;
	if (write_errno)
		return error("%s: write error: %s", path, strerror(write_errno));
	return rc;
}
