/* extract: runs the passes over one document in order, window by window, and hands its
 * records to the writer (records.c). */
#include "extract/extract.h"

#include <stdlib.h>
#include <string.h>

#include "extract/ectx.h"
#include "extract/events_int.h"
#include "extract/records.h"
#include "io/jsonw.h"
#include "base/util.h"

static void free_arrays(struct ectx *cx);
static void warm_up(struct extractor *ex);

/* The caches and scratch arrays that belong to one extractor (and so to one thread). */
static void new_caches(struct extractor *ex)
{
	ex->names = xcalloc(1, sizeof(*ex->names));
	ex->spare = xcalloc(1, sizeof(*ex->spare));
	/* Zeroed and touched only where used: the gazetteer has hundreds of thousands of
	 * places, a run writes a few thousand, and start-up should not pay for the rest. */
	ex->capital = xcalloc(ex->gz->n, sizeof(*ex->capital));
	ex->place_count = xcalloc(ex->gz->n, sizeof(*ex->place_count));
	ex->place_json = xcalloc(ex->gz->n, sizeof(*ex->place_json));
	ex->place_json_made = xcalloc(1, sizeof(*ex->place_json_made));
}

static void free_caches(struct extractor *ex)
{
	free(ex->capital);
	free(ex->place_count);
	for (size_t i = 0; ex->place_json_made && i < ex->place_json_made->n; i++)
		strbuf_release(&ex->place_json[ex->place_json_made->at[i]]);
	free(ex->place_json);
	if (ex->place_json_made)
		free(ex->place_json_made->at);
	free(ex->place_json_made);
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
	ex->triggers = triggers_load(opts->trigger_files, opts->n_trigger_files, opts->casualty_files,
				     opts->n_casualty_files);
	ex->casualties = caslex_load(opts->casualty_files, opts->n_casualty_files);
	ex->cues = cues_load(opts->cue_files, opts->n_cue_files);
	ex->rules = ex->cues ? rules_load(opts->rule_files, opts->n_rule_files, ex->cues) : NULL;
	ex->frames = frames_load(opts->frame_files, opts->n_frame_files);
	ex->min_confidence = opts->min_confidence;
	ex->explain = opts->explain;
	ex->types = opts->types ? opts->types
				: EXTRACT_EVENTS | EXTRACT_PLACES | EXTRACT_ACTORS | EXTRACT_QUOTES;
	if (!ex->gz || !ex->actors || !ex->triggers || !ex->casualties || !ex->cues || !ex->rules ||
	    !ex->frames || acled_load() < 0) {
		extractor_free(ex);
		return NULL;
	}
	new_caches(ex);
	warm_up(ex);
	return ex;
}

struct extractor *extractor_new_worker(const struct extractor *ex)
{
	/* A copy of every setting and lexicon pointer (so a lexicon added later is shared
	 * without a line here), then caches and the flush hook of its own. */
	struct extractor *w = xmalloc(sizeof(*w));
	*w = *ex;
	w->flush = NULL;
	w->flush_ctx = NULL;
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
	caslex_free(ex->casualties);
	rules_free(ex->rules);
	frames_free(ex->frames);
	cues_free(ex->cues);
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
	MOVE(cue_row, alloc_cue_row);
	MOVE(pm, alloc_pm);
	MOVE(am, alloc_am);
	MOVE(dm, alloc_dm);
	MOVE(cas, alloc_cas);
	MOVE(tm, alloc_tm);
	MOVE(cl, alloc_cl);
	MOVE(ev, alloc_ev);
	to->strings = from->strings;
	from->strings = (struct arena)ARENA_INIT;
#undef MOVE
}

static void free_arrays(struct ectx *cx)
{
	tokens_release(&cx->t);
	free(cx->cue_row);
	arena_release(&cx->strings);
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
	arena_reset(&cx->strings);
	move_arrays(cx->ex->spare, cx);
	free(cx->votes);
	strbuf_release(&cx->doc_id_json);
	strbuf_release(&cx->dropped);
	free(cx->pm_at);
	free(cx->am_at);
	free(cx->dm_at);
	free(cx->cl_at);
	free(cx->cas_at);
}

/* Each token's cues, looked up once: the passes ask a cue of a token many times over. */
static void find_cue_rows(struct ectx *cx)
{
	if (cx->alloc_cue_row < cx->t.n) {
		cx->alloc_cue_row = cx->t.n + cx->t.n / 4 + 16;
		free(cx->cue_row);
		cx->cue_row = xmalloc(cx->alloc_cue_row * sizeof(*cx->cue_row));
	}
	for (size_t i = 0; i < cx->t.n; i++)
		cx->cue_row[i] = cues_row(cx->ex->cues, &cx->t.tok[i]);
}

/* Set up the context for one stretch of d's text (base: its byte offset in the whole text)
 * and run every pass over it, in order. */
static void run_passes(struct ectx *cx, struct extractor *ex, const struct doc *d, size_t base)
{
	memset(cx, 0, sizeof(*cx));
	cx->ex = ex;
	cx->d = d;
	cx->base = base;
	cx->country = -1;
	cx->main_place = cx->protagonist = -2;
	cx->protest_ctx = cx->riot_ctx = -1;
	cx->last_dated = -1;
	cx->relevance = -1;
	strbuf_init(&cx->dropped, 0);
	if (d->published)
		date_parse(d->published, &cx->pub);
	const char *doc_id = d->doc_id ? d->doc_id : ""; /* read_json requires one */
	jsonw_escape(&cx->doc_id_json, doc_id, strlen(doc_id));
	move_arrays(cx, ex->spare);
	tokens_rebuild(&cx->t, d->text.buf, d->text.len);
	find_cue_rows(cx);
	mentions_find(cx);
	index_mentions(cx);
	dates_find(cx);
	index_dates(cx);
	claims_find(cx);
	index_claims(cx);
	casualties_find(cx);
	index_casualties(cx);
	events_build(cx);
}

/* Hand the records written so far to the caller's flush once they pass
 * EXTRACT_FLUSH_BYTES, so that a dense window's records do not pile up in out. */
static void maybe_flush(const struct extractor *ex, struct strbuf *out)
{
	if (ex->flush && out->len >= EXTRACT_FLUSH_BYTES)
		ex->flush(ex->flush_ctx, out);
}

/* One stretch of a document's text: base is its byte offset in the whole text, and the ids of
 * its events and quotes continue from *n_events and *n_quotes. Returns events written. */
static size_t run_window(struct extractor *ex, const struct doc *d, size_t base, size_t *n_events,
			 size_t *n_quotes, struct strbuf *out, struct strbuf *explain)
{
	struct ectx cx;
	run_passes(&cx, ex, d, base);
	cx.n_quotes = *n_quotes;
	size_t written = 0;
	if (ex->types & EXTRACT_EVENTS) {
		for (size_t i = 0; i < cx.n_ev; i++) {
			if (cx.ev[i].dropped && ex->explain && explain)
				strbuf_addf(explain, "%s: event set aside: %s\n", d->doc_id, cx.ev[i].why.buf);
			if (cx.ev[i].merged_into >= 0 || cx.ev[i].dropped)
				continue;
			size_t n = ++*n_events;
			written++;
			records_event(&cx, &cx.ev[i], n, out);
			maybe_flush(ex, out);
			if (ex->explain && explain)
				strbuf_addf(explain, "%s-e%zu: %s %s / %s: %s\n", d->doc_id, n,
					    cx.ev[i].event_date.y ? "" : "(undated)",
					    acled_sub(cx.ev[i].sub)->event_type,
					    acled_sub(cx.ev[i].sub)->sub_event_type, cx.ev[i].why.buf);
		}
	}
	if (ex->explain && explain)
		strbuf_add(explain, cx.dropped.buf, cx.dropped.len);
	if (ex->types & EXTRACT_PLACES)
		records_places(&cx, out);
	maybe_flush(ex, out);
	if (ex->types & EXTRACT_ACTORS)
		records_actors(&cx, out);
	maybe_flush(ex, out);
	if (ex->types & EXTRACT_QUOTES)
		records_quotes(&cx, out);
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

/* Some rules build tables on first use and keep them in static storage. One short document
 * run in the thread that makes the extractor builds them, so that extractors for other threads
 * (extractor_new_worker) only ever read them. */
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

/* One example of a rule: how many triggers the rule fires on, and how many events come out. */
static void try_example(struct extractor *ex, const struct rule *r, const char *text,
			size_t *hits, size_t *events)
{
	struct doc d;
	struct ectx cx;
	doc_init(&d);
	doc_set(&d.doc_id, "example");
	doc_set(&d.published, "2024-06-10");
	strbuf_addstr(&d.text, text);
	run_passes(&cx, ex, &d, 0);
	*hits = *events = 0;
	for (size_t k = 0; k < cx.n_tm; k++)
		*hits += rule_fires(&cx, r, (int)k, cx.ex->triggers->defs[cx.tm[k].def].cls,
				    cx.t.tok[cx.tm[k].first].sentence) != 0;
	for (size_t i = 0; i < cx.n_ev; i++)
		*events += cx.ev[i].merged_into < 0 && !cx.ev[i].dropped;
	ectx_release(&cx);
	doc_release(&d);
}

size_t extractor_check_rules(struct extractor *ex, struct strbuf *report, size_t *n_rules)
{
	size_t failed = 0;
	*n_rules = ex->rules->n;
	for (size_t i = 0; i < ex->rules->n; i++) {
		const struct rule *r = &ex->rules->r[i];
		size_t hits, events;
		try_example(ex, r, r->fires, &hits, &events);
		if (!hits) {
			strbuf_addf(report, "rule '%s' does not fire on its example: %s\n", r->name, r->fires);
			failed++;
		}
		try_example(ex, r, r->spares, &hits, &events);
		if (hits) {
			strbuf_addf(report, "rule '%s' fires on its counter-example: %s\n", r->name, r->spares);
			failed++;
		} else if (!events) {
			strbuf_addf(report, "rule '%s': its counter-example gives no event: %s\n", r->name,
				    r->spares);
			failed++;
		}
	}
	return failed;
}
