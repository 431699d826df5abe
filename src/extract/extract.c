/* extract: runs the passes over one document and writes its records. */
#include "extract/extract.h"

#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "io/jsonw.h"
#include "base/util.h"

static void free_arrays(struct ectx *cx);

static void warm_up(struct extractor *ex);

/* The caches and scratch arrays that belong to one extractor (and so to one thread). */
static void new_caches(struct extractor *ex)
{
	ex->names = xcalloc(1, sizeof(*ex->names));
	ex->spare = xcalloc(1, sizeof(*ex->spare));
	ex->capital = xmalloc(ex->gz->n * sizeof(*ex->capital));
	for (size_t i = 0; i < ex->gz->n; i++)
		ex->capital[i] = -2;
	ex->place_count = xcalloc(ex->gz->n, sizeof(*ex->place_count));
	ex->place_json = xcalloc(ex->gz->n, sizeof(*ex->place_json));
}

static void free_caches(struct extractor *ex)
{
	free(ex->capital);
	free(ex->place_count);
	for (size_t i = 0; ex->place_json && i < ex->gz->n; i++)
		strbuf_release(&ex->place_json[i]);
	free(ex->place_json);
	for (size_t i = 0; ex->names && i < ex->names->cap; i++)
		free(ex->names->e[i].name);
	if (ex->names)
		free(ex->names->e);
	free(ex->names);
	if (ex->spare)
		free_arrays(ex->spare);
	free(ex->spare);
}

struct extractor *extractor_new(const struct extract_opts *opts)
{
	struct extractor *ex = xcalloc(1, sizeof(*ex));
	ex->gz = gazetteer_load(opts->gazetteers, opts->n_gazetteers);
	ex->actors = actors_load(opts->actor_files, opts->n_actor_files);
	ex->triggers = triggers_load(opts->trigger_files, opts->n_trigger_files);
	ex->explain = opts->explain;
	ex->types = opts->types ? opts->types
				: EXTRACT_EVENTS | EXTRACT_PLACES | EXTRACT_ACTORS | EXTRACT_QUOTES;
	if (!ex->gz || !ex->actors || !ex->triggers) {
		extractor_free(ex);
		return NULL;
	}
	new_caches(ex);
	warm_up(ex);
	return ex;
}

struct extractor *extractor_new_worker(const struct extractor *ex)
{
	struct extractor *w = xcalloc(1, sizeof(*w));
	w->gz = ex->gz;
	w->actors = ex->actors;
	w->triggers = ex->triggers;
	w->explain = ex->explain;
	w->types = ex->types;
	new_caches(w);
	return w;
}

void extractor_free_worker(struct extractor *w)
{
	if (!w)
		return;
	free_caches(w);
	free(w);
}

void extractor_free(struct extractor *ex)
{
	if (!ex)
		return;
	if (ex->gz)
		free_caches(ex);
	gazetteer_free(ex->gz);
	actors_free(ex->actors);
	triggers_free(ex->triggers);
	free(ex);
}

const struct gazetteer *extractor_gazetteer(const struct extractor *ex)
{
	return ex->gz;
}

/* Move the growable arrays (tokens and mentions) from one context to another: a document's
 * context takes the previous document's arrays and hands them back at its end, so that a run
 * allocates them a few times rather than once per document. */
static void move_arrays(struct ectx *to, struct ectx *from)
{
#define MOVE(arr, alloc)                  \
	do {                              \
		to->arr = from->arr;      \
		to->alloc = from->alloc;  \
		from->arr = NULL;         \
		from->alloc = 0;          \
	} while (0)
	MOVE(t.tok, t.alloc);
	MOVE(t.sent, t.alloc_sent);
	MOVE(t.pool, t.pool_alloc);
	MOVE(pm, alloc_pm);
	MOVE(am, alloc_am);
	MOVE(dm, alloc_dm);
	MOVE(cas, alloc_cas);
	MOVE(tm, alloc_tm);
	MOVE(cl, alloc_cl);
	MOVE(ev, alloc_ev);
	MOVE(pool, alloc_pool);
#undef MOVE
}

static void free_arrays(struct ectx *cx)
{
	tokens_release(&cx->t);
	free(cx->pool);
	free(cx->pm);
	free(cx->am);
	free(cx->dm);
	free(cx->cas);
	free(cx->tm);
	free(cx->cl);
	free(cx->ev);
}

static void ectx_release(struct ectx *cx)
{
	for (size_t i = 0; i < cx->n_ev; i++)
		strbuf_release(&cx->ev[i].why);
	for (size_t i = 0; i < cx->n_pool; i++)
		free(cx->pool[i]);
	move_arrays(cx->ex->spare, cx);
	free(cx->votes);
	strbuf_release(&cx->doc_id_json);
	free(cx->pm_at);
	free(cx->am_at);
	free(cx->dm_at);
	free(cx->cl_at);
	free(cx->cas_at);
}

void write_doc_id(const struct ectx *cx, struct strbuf *out)
{
	jsonw_key(out, "doc_id");
	strbuf_addch(out, '"');
	strbuf_add(out, cx->doc_id_json.buf, cx->doc_id_json.len);
	strbuf_addch(out, '"');
}

void write_record_id(const struct ectx *cx, struct strbuf *out, const char *key, char tag, size_t n)
{
	jsonw_key(out, key);
	strbuf_addch(out, '"');
	strbuf_add(out, cx->doc_id_json.buf, cx->doc_id_json.len);
	strbuf_addch(out, '-');
	strbuf_addch(out, tag);
	jsonw_int_value(out, (long long)n);
	strbuf_addch(out, '"');
}

/* The fields of a place from "country" to "longitude", the same every time the place is
 * written: formatted once per run and copied after that. */
static const struct strbuf *place_fields(const struct extractor *ex, int place_idx)
{
	struct strbuf *sb = &ex->place_json[place_idx];
	if (sb->len)
		return sb;
	const struct gazetteer *gz = ex->gz;
	const struct place *p = &gz->places[place_idx];
	const struct country *ct = p->country >= 0 ? &gz->countries[p->country] : NULL;
	const char *admin1 = p->kind == PK_ADM1 ? p->name : p->admin1;
	const char *admin2 = p->kind == PK_ADM2 ? p->name : p->admin2;
	strbuf_addch(sb, '{'); /* so that no comma comes first; not copied */
	jsonw_str(sb, "country", ct ? ct->name : NULL);
	jsonw_str(sb, "iso3", ct ? ct->iso3 : NULL);
	jsonw_str(sb, "admin1", admin1 && *admin1 ? admin1 : NULL);
	jsonw_str(sb, "admin2", admin2 && *admin2 ? admin2 : NULL);
	jsonw_str(sb, "location", p->name);
	jsonw_double(sb, "latitude", p->lat, 4);
	jsonw_double(sb, "longitude", p->lon, 4);
	return sb;
}

static void write_location(struct ectx *cx, struct strbuf *out, int place_idx, int precision)
{
	if (place_idx >= 0) {
		const struct strbuf *f = place_fields(cx->ex, place_idx);
		jsonw_key(out, NULL); /* the comma before the first field */
		strbuf_add(out, f->buf + 1, f->len - 1);
		jsonw_int(out, "geo_precision", precision);
		return;
	}
	const struct gazetteer *gz = cx->ex->gz;
	const struct country *ct = cx->country >= 0 ? &gz->countries[cx->country] : NULL;
	jsonw_str(out, "country", ct ? ct->name : NULL);
	jsonw_str(out, "iso3", ct ? ct->iso3 : NULL);
	jsonw_null(out, "admin1");
	jsonw_null(out, "admin2");
	jsonw_null(out, "location");
	jsonw_null(out, "latitude");
	jsonw_null(out, "longitude");
	jsonw_null(out, "geo_precision");
}

static void write_event(struct ectx *cx, const struct event *e, size_t n, struct strbuf *out)
{
	const struct sentence *s = &cx->t.sent[e->sentence];
	char date[16];
	jsonw_begin(out);
	jsonw_str(out, "type", "event");
	write_doc_id(cx, out);
	write_record_id(cx, out, "event_id", 'e', n);
	if (e->event_date.y) {
		ymd_format(e->event_date, date, sizeof(date));
		jsonw_str(out, "event_date", date);
		jsonw_int(out, "time_precision", e->time_precision);
	} else {
		jsonw_null(out, "event_date");
		jsonw_null(out, "time_precision");
	}
	jsonw_str(out, "date_text", e->date_text);
	jsonw_str(out, "event_type", e->event_type);
	jsonw_str(out, "sub_event_type", e->sub_event_type);
	jsonw_str(out, "actor1", e->actor1_name);
	jsonw_null(out, "assoc_actor_1");
	jsonw_count(out, "inter1", e->actor1_name ? e->inter1 : -1);
	jsonw_str(out, "actor2", e->actor2_name);
	jsonw_null(out, "assoc_actor_2");
	jsonw_count(out, "inter2", e->actor2_name ? e->inter2 : -1);
	jsonw_str(out, "civilian_targeting", e->civilian_targeting ? "Civilian targeting" : NULL);
	write_location(cx, out, e->place_idx, e->precision);
	jsonw_count(out, "fatalities", e->fatalities < 0 ? 0 : e->fatalities);
	jsonw_count(out, "fatalities_low", e->fat_low);
	jsonw_count(out, "fatalities_high", e->fat_high);
	jsonw_count(out, "injuries", e->injuries);
	jsonw_count(out, "detained", e->detained);
	jsonw_str(out, "claimed_by", e->claim >= 0 ? cx->cl[e->claim].speaker : NULL);
	jsonw_str(out, "source", cx->d->publisher);
	jsonw_strn(out, "notes", cx->d->text.buf + s->start, s->end - s->start);
	jsonw_int(out, "char_start", (long long)(cx->base + s->start));
	jsonw_int(out, "char_end", (long long)(cx->base + s->end));
	jsonw_str(out, "cameo_code", e->cameo);
	jsonw_end(out);
	strbuf_addch(out, '\n');
}

static const char *place_role(unsigned flags)
{
	if (flags & PM_MOTION)
		return "movement";
	if (flags & PM_BORDER)
		return "border";
	if (flags & PM_MODIFIER)
		return "modifier";
	return "mention";
}

/* Hand the records written so far to the caller's flush once they pass
 * EXTRACT_FLUSH_BYTES, so that a dense window's records do not pile up in out. */
static void maybe_flush(const struct extractor *ex, struct strbuf *out)
{
	if (ex->flush && out->len >= EXTRACT_FLUSH_BYTES)
		ex->flush(ex->flush_ctx, out);
}

static void write_places(struct ectx *cx, struct strbuf *out)
{
	for (size_t k = 0; k < cx->n_pm; k++) {
		const struct place_mention *m = &cx->pm[k];
		if (m->place < 0)
			continue;
		size_t a = cx->t.tok[m->first].start, b = cx->t.tok[m->last - 1].end;
		jsonw_begin(out);
		jsonw_str(out, "type", "place");
		write_doc_id(cx, out);
		jsonw_strn(out, "text", cx->d->text.buf + a, b - a);
		jsonw_str(out, "kind", place_kind_name(cx->ex->gz->places[m->place].kind));
		jsonw_str(out, "role", place_role(m->flags));
		write_location(cx, out, m->place, m->precision);
		jsonw_int(out, "char_start", (long long)(cx->base + a));
		jsonw_int(out, "char_end", (long long)(cx->base + b));
		jsonw_end(out);
		strbuf_addch(out, '\n');
		maybe_flush(cx->ex, out);
	}
}

static void write_actors(struct ectx *cx, struct strbuf *out)
{
	static const char *const kinds[] = { "group", "state force", "generic", "anaphor" };
	for (size_t k = 0; k < cx->n_am; k++) {
		const struct actor_mention *m = &cx->am[k];
		if (!m->name)
			continue;
		size_t a = cx->t.tok[m->first].start, b = cx->t.tok[m->last - 1].end;
		jsonw_begin(out);
		jsonw_str(out, "type", "actor");
		write_doc_id(cx, out);
		jsonw_strn(out, "text", cx->d->text.buf + a, b - a);
		jsonw_str(out, "actor", m->name);
		jsonw_count(out, "inter", m->inter ? m->inter : -1);
		jsonw_str(out, "iso3", *m->iso3 ? m->iso3 : NULL);
		jsonw_str(out, "kind", kinds[m->kind]);
		jsonw_int(out, "char_start", (long long)(cx->base + a));
		jsonw_int(out, "char_end", (long long)(cx->base + b));
		jsonw_end(out);
		strbuf_addch(out, '\n');
		maybe_flush(cx->ex, out);
	}
}

/* One stretch of a document's text: base is its byte offset in the whole text, and the ids of
 * its events and quotes continue from *n_events and *n_quotes. Returns events written. */
static size_t run_window(struct extractor *ex, const struct doc *d, size_t base, size_t *n_events,
			 size_t *n_quotes, struct strbuf *out, struct strbuf *explain)
{
	struct ectx cx;
	memset(&cx, 0, sizeof(cx));
	cx.ex = ex;
	cx.d = d;
	cx.base = base;
	cx.n_quotes = *n_quotes;
	cx.country = -1;
	cx.main_place = cx.protagonist = -2;
	cx.protest_ctx = cx.riot_ctx = -1;
	cx.last_dated = -1;
	if (d->published)
		date_parse(d->published, &cx.pub);
	const char *doc_id = d->doc_id ? d->doc_id : ""; /* read_json requires one */
	jsonw_escape(&cx.doc_id_json, doc_id, strlen(doc_id));
	move_arrays(&cx, ex->spare);
	tokens_rebuild(&cx.t, d->text.buf, d->text.len);
	mentions_find(&cx);
	index_mentions(&cx);
	dates_find(&cx);
	index_dates(&cx);
	claims_find(&cx);
	index_claims(&cx);
	casualties_find(&cx);
	index_casualties(&cx);
	events_build(&cx);
	size_t written = 0;
	if (ex->types & EXTRACT_EVENTS) {
		for (size_t i = 0; i < cx.n_ev; i++) {
			if (cx.ev[i].merged_into >= 0 || cx.ev[i].dropped)
				continue;
			size_t n = ++*n_events;
			written++;
			write_event(&cx, &cx.ev[i], n, out);
			maybe_flush(ex, out);
			if (ex->explain && explain)
				strbuf_addf(explain, "%s-e%zu: %s %s / %s: %s\n", d->doc_id, n,
					    cx.ev[i].event_date.y ? "" : "(undated)", cx.ev[i].event_type,
					    cx.ev[i].sub_event_type, cx.ev[i].why.buf);
		}
	}
	if (ex->types & EXTRACT_PLACES)
		write_places(&cx, out);
	if (ex->types & EXTRACT_ACTORS)
		write_actors(&cx, out);
	if (ex->types & EXTRACT_QUOTES)
		quotes_write(&cx, out);
	maybe_flush(ex, out);
	*n_quotes = cx.n_quotes;
	ectx_release(&cx);
	return written;
}

/* Where the window that starts at start should end: at most EXTRACT_WINDOW bytes on, and in
 * its second half at the last paragraph break, else line break, else sentence end, else
 * space; failing all, at a UTF-8 character boundary. */
static size_t window_end(const char *text, size_t len, size_t start)
{
	if (len - start <= EXTRACT_WINDOW)
		return len;
	size_t hi = start + EXTRACT_WINDOW, lo = start + EXTRACT_WINDOW / 2;
	for (size_t i = hi; i > lo; i--)
		if (text[i - 1] == '\n' && text[i - 2] == '\n')
			return i;
	for (size_t i = hi; i > lo; i--)
		if (text[i - 1] == '\n')
			return i;
	for (size_t i = hi; i > lo; i--)
		if (text[i - 1] == ' ' && strchr(".!?", text[i - 2]))
			return i;
	for (size_t i = hi; i > lo; i--)
		if (text[i - 1] == ' ')
			return i;
	size_t i = hi;
	while (i > lo && ((unsigned char)text[i] & 0xC0) == 0x80)
		i--;
	return i;
}

size_t extractor_run(struct extractor *ex, const struct doc *d, struct strbuf *out,
		     struct strbuf *explain)
{
	size_t n_events = 0, n_quotes = 0;
	if (d->text.len <= EXTRACT_WINDOW)
		return run_window(ex, d, 0, &n_events, &n_quotes, out, explain);
	/* A long text (a book, a dump of many articles) goes window by window, so memory stays
	 * bounded: each window is read as a document of its own (with the same metadata), and
	 * its records are handed to the caller's flush before the next one. */
	size_t events = 0;
	for (size_t start = 0; start < d->text.len;) {
		size_t end = window_end(d->text.buf, d->text.len, start);
		struct doc view = *d;
		view.text.buf = d->text.buf + start;
		view.text.len = end - start;
		view.text.alloc = 0; /* borrowed */
		events += run_window(ex, &view, start, &n_events, &n_quotes, out, explain);
		if (ex->flush)
			ex->flush(ex->flush_ctx, out);
		start = end;
	}
	return events;
}

/* Some rules build tables on first use (word sets, lists merged from others) and keep them
 * in static storage. One short document run in the thread that makes the extractor builds
 * them, so that extractors for other threads (extractor_new_worker) only ever read them. */
static void warm_up(struct extractor *ex)
{
	static const char text[] =
		"Gunmen killed two soldiers and wounded three others near a checkpoint on Monday, "
		"police said on Tuesday. \"We will respond,\" the army said. About 40 protesters "
		"were arrested after clashes in the capital last week.";
	struct doc d;
	struct strbuf out = STRBUF_INIT;
	doc_init(&d);
	d.doc_id = (char *)"warm-up";
	d.published = (char *)"2020-01-08";
	d.text.buf = (char *)text; /* borrowed: alloc stays 0 and nothing is released */
	d.text.len = sizeof(text) - 1;
	extractor_run(ex, &d, &out, NULL);
	strbuf_release(&out);
}

void extractor_set_flush(struct extractor *ex, void (*flush)(void *ctx, struct strbuf *out),
			 void *ctx)
{
	ex->flush = flush;
	ex->flush_ctx = ctx;
}
