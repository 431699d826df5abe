/* dedup: reading, the sweep over sorted keys, and groups of reports ("clusters").
 *
 * A report joins a cluster only if it matches every report already in it (so two different
 * events are never chained together through a third report), choosing the best-scoring
 * cluster when several would take it. Keys are visited in a fixed order that does not
 * depend on the input's order, so neither do the clusters. */
#include "dedup/dedup.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/util.h"
#include "dedup/buckets.h"
#include "dedup/keysort.h"
#include "dedup/match.h"
#include "dedup/merge.h"
#include "dedup/spill.h"
#include "io/flatjson.h"
#include "io/json.h"

#define NONE UINT32_MAX
#define INDEX_KEYS 65536 /* keys in the index before the first sweep for empty ones */

/* A report in the window: its key and its place in a cluster's list of reports. */
struct entry {
	struct dkey key;
	uint32_t cluster;
	uint32_t next;  /* next report of the cluster, or NONE; next free entry when free */
	uint32_t gen;   /* bumped when the entry is reused, so stale bucket items are known */
	uint32_t seen;  /* the report being placed that last compared with it */
	uint8_t in_window;
};

struct cluster {
	uint32_t first, last; /* its reports (entries) */
	uint32_t size;        /* reports */
	uint32_t alive;       /* reports still in the window */
	uint32_t stamp;       /* the report being placed that last touched it */
	uint32_t matched;     /* reports of it that this report matches */
	int best;             /* best pair score with this report */
	int open;             /* not yet written */
	uint64_t seq;         /* creation order: the tie-break between equal candidates */
	uint32_t next_free;
};

/* Entry indexes in the order they entered the window (by last day), of every country: one
 * queue per time precision, so that within a queue the first day grows too. */
struct queue {
	uint32_t *idx;
	size_t head, len, cap;
};

struct deduper {
	struct dedup_opts opts;
	struct dedup_rules rules;
	dedup_sink sink;
	void *sink_ctx;
	struct dedup_stats st;
	struct spill *lines;   /* every matchable event's line */
	struct keysort *keys;
	struct flat_field flat[MERGE_MAX_FIELDS];
	struct entry *entries;
	uint32_t n_entries, cap_entries, free_entry;
	struct cluster *clusters;
	uint32_t n_clusters, cap_clusters, free_cluster;
	struct queue window[3];
	struct buckets index;  /* the window by place, province, district and map cell */
	size_t index_limit;    /* keys in it before a sweep */
	uint32_t stamp;
	uint64_t seq;
	uint32_t *touched;     /* clusters matched by the report being placed */
	size_t n_touched, cap_touched;
	struct member *members;/* the reports of the cluster being written */
	size_t cap_members;
	struct strbuf text;    /* their lines */
	struct strbuf out;     /* records being written */
	struct strbuf id;
	struct strbuf why;     /* --explain */
	int failed;
};

static int emit(struct deduper *d, const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len;
	while (p < end && !d->failed) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (d->sink(d->sink_ctx, p, l) < 0)
			d->failed = 1;
		p += l + 1;
	}
	return d->failed ? -1 : 0;
}

/* A bucket item: an entry and its generation. */
static uint64_t item_of(const struct deduper *d, uint32_t e)
{
	return (uint64_t)d->entries[e].gen << 32 | e;
}

/* Is a bucket item's entry still the same report, in the window? */
static int entry_alive(void *ctx, uint64_t item)
{
	const struct deduper *d = ctx;
	uint32_t e = (uint32_t)item;
	return d->entries[e].gen == (uint32_t)(item >> 32) && d->entries[e].in_window;
}

struct deduper *deduper_new(const struct dedup_opts *opts, dedup_sink sink, void *ctx)
{
	struct deduper *d = xcalloc(1, sizeof(*d));
	d->opts = *opts;
	if (!d->opts.run_keys)
		d->opts.run_keys = DEDUP_RUN_KEYS;
	d->sink = sink;
	d->sink_ctx = ctx;
	d->free_entry = d->free_cluster = NONE;
	buckets_init(&d->index, entry_alive, d);
	d->index_limit = INDEX_KEYS;
	strbuf_init(&d->text, 0);
	strbuf_init(&d->out, 0);
	strbuf_init(&d->id, 0);
	strbuf_init(&d->why, 0);
	if (dedup_rules_load(&d->rules, opts->days, opts->km) < 0 || !(d->lines = spill_new())) {
		deduper_free(d);
		return NULL;
	}
	d->keys = keysort_new(sizeof(struct dkey), d->opts.run_keys, dkey_compare);
	return d;
}

void deduper_free(struct deduper *d)
{
	if (!d)
		return;
	dedup_rules_release(&d->rules);
	spill_free(d->lines);
	keysort_free(d->keys);
	free(d->entries);
	free(d->clusters);
	for (int q = 0; q < 3; q++)
		free(d->window[q].idx);
	buckets_release(&d->index);
	free(d->touched);
	free(d->members);
	strbuf_release(&d->text);
	strbuf_release(&d->out);
	strbuf_release(&d->id);
	strbuf_release(&d->why);
	free(d);
}

const struct dedup_stats *deduper_stats(const struct deduper *d)
{
	return &d->st;
}

static struct member *members_room(struct deduper *d, size_t n)
{
	if (n > d->cap_members) {
		d->cap_members = n > 2 * d->cap_members ? n : 2 * d->cap_members;
		d->members = xrealloc(d->members, d->cap_members * sizeof(*d->members));
	}
	return d->members;
}

/* An event that cannot be matched is written at once, alone, with its mention. */
static int write_alone(struct deduper *d, const char *line, size_t len, const struct dkey *k)
{
	struct member *m = members_room(d, 1);
	m->key = *k;
	m->line = line;
	m->len = len;
	m->n = flatjson_parse(line, len, m->f, MERGE_MAX_FIELDS);
	strbuf_reset(&d->out);
	merge_write(&d->rules, m, 1, &d->out, &d->id);
	d->st.events_out++;
	return emit(d, d->out.buf, d->out.len);
}

/* A line flatjson cannot read: a JSON object of another shape passes through, anything else
 * is reported. Returns 0 or 1 as deduper_add. */
static int odd_line(struct deduper *d, const char *line, size_t len, const char *where)
{
	size_t erroff = 0;
	struct jvalue *v = json_parse(line, len, &erroff);
	int rc = 1;
	if (!v)
		error("%s: invalid JSON at byte %zu; passed through unmerged", where, erroff + 1);
	else if (json_kind(v) != JSON_OBJECT)
		error("%s: record is not a JSON object; passed through unmerged", where);
	else if (json_get_str(v, "type") && !strcmp(json_get_str(v, "type"), "event")) {
		error("%s: event with escaped keys or over %d fields; passed through unmerged", where,
		      MERGE_MAX_FIELDS);
		d->st.events_in++;
		d->st.events_rejected++;
	} else {
		rc = 0;
	}
	json_free(v);
	d->st.rejected += rc;
	return emit(d, line, len) < 0 ? -1 : rc;
}

int deduper_add(struct deduper *d, const char *line, size_t len, const char *where)
{
	d->st.records++;
	if (!where)
		where = "extracted records";
	int n = flatjson_parse(line, len, d->flat, MERGE_MAX_FIELDS);
	if (n < 0)
		return odd_line(d, line, len, where);
	const struct flat_field *type = flatjson_get(d->flat, n, "type", 0);
	if (!type || type->kind != FLAT_STRING || type->val_len != 5 || memcmp(type->val, "event", 5))
		return emit(d, line, len);
	d->st.events_in++;
	struct dkey k;
	const char *why;
	memset(&k, 0, sizeof(k));
	enum dkey_verdict v = dkey_build(&d->rules, d->flat, n, &k, &why);
	if (v != DKEY_OK) {
		if (v == DKEY_NO_ID) {
			error("%s: event without doc_id or event_id; passed through unmerged", where);
			d->st.rejected++;
			d->st.events_rejected++;
			return emit(d, line, len) < 0 ? -1 : 1;
		}
		const struct flat_field *id = flatjson_get(d->flat, n, "event_id", 2);
		warning("%s: event %.*s not merged: %s", where, (int)id->val_len, id->val, why);
		d->st.unmatched++;
		return write_alone(d, line, len, &k);
	}
	k.line_hash = dedup_hash_exact(line, len);
	k.spill_len = (uint32_t)len;
	if (len > UINT32_MAX || spill_append(d->lines, line, len, &k.spill_off) < 0 ||
	    keysort_add(d->keys, &k) < 0)
		return d->failed = 1, -1;
	return 0;
}

/* ---- the window ---- */

static uint32_t entry_new(struct deduper *d, const struct dkey *k)
{
	uint32_t e = d->free_entry;
	if (e != NONE) {
		d->free_entry = d->entries[e].next;
	} else {
		if (d->n_entries == d->cap_entries) {
			d->cap_entries = d->cap_entries ? 2 * d->cap_entries : 256;
			d->entries = xrealloc(d->entries, d->cap_entries * sizeof(*d->entries));
		}
		e = d->n_entries++;
		d->entries[e].gen = 0;
		d->entries[e].seen = 0;
	}
	d->entries[e].key = *k;
	d->entries[e].next = NONE;
	d->entries[e].gen++;
	d->entries[e].in_window = 1;
	return e;
}

static uint32_t cluster_new(struct deduper *d)
{
	uint32_t c = d->free_cluster;
	if (c != NONE) {
		d->free_cluster = d->clusters[c].next_free;
	} else {
		if (d->n_clusters == d->cap_clusters) {
			d->cap_clusters = d->cap_clusters ? 2 * d->cap_clusters : 256;
			d->clusters = xrealloc(d->clusters, d->cap_clusters * sizeof(*d->clusters));
		}
		c = d->n_clusters++;
	}
	memset(&d->clusters[c], 0, sizeof(d->clusters[c]));
	d->clusters[c].first = d->clusters[c].last = NONE;
	d->clusters[c].open = 1;
	return c;
}

static void queue_push(struct queue *q, uint32_t e)
{
	if (q->head + q->len == q->cap) {
		if (q->head > q->cap / 2) {
			memmove(q->idx, q->idx + q->head, q->len * sizeof(*q->idx));
			q->head = 0;
		} else {
			q->cap = q->cap ? 2 * q->cap : 256;
			q->idx = xrealloc(q->idx, q->cap * sizeof(*q->idx));
		}
	}
	q->idx[q->head + q->len++] = e;
}

static int cmp_member(const void *va, const void *vb)
{
	const struct member *a = va, *b = vb;
	if (a->key.order != b->key.order)
		return a->key.order < b->key.order ? -1 : 1;
	if (a->key.line_hash != b->key.line_hash)
		return a->key.line_hash < b->key.line_hash ? -1 : 1;
	return (a->key.spill_off > b->key.spill_off) - (a->key.spill_off < b->key.spill_off);
}

/* The event id a report had, for --explain. */
static void report_id(struct deduper *d, const struct dkey *k, struct strbuf *sb)
{
	struct strbuf line = STRBUF_INIT;
	struct flat_field f[MERGE_MAX_FIELDS];
	if (spill_read(d->lines, k->spill_off, k->spill_len, &line) == 0) {
		int n = flatjson_parse(line.buf, line.len, f, MERGE_MAX_FIELDS);
		const struct flat_field *id = n > 0 ? flatjson_get(f, n, "event_id", 2) : NULL;
		if (id)
			strbuf_add(sb, id->val, id->val_len);
	}
	strbuf_release(&line);
}

/* Write a cluster's merged event and mentions; its entries still in the window are freed
 * when they leave it. */
static int cluster_write(struct deduper *d, uint32_t ci)
{
	struct cluster *c = &d->clusters[ci];
	struct member *m = members_room(d, c->size);
	size_t n = 0;
	c->open = 0;
	for (uint32_t e = c->first; e != NONE; e = d->entries[e].next)
		m[n++].key = d->entries[e].key;
	qsort(m, n, sizeof(*m), cmp_member);
	strbuf_reset(&d->text);
	for (size_t i = 0; i < n; i++)
		if (spill_read(d->lines, m[i].key.spill_off, m[i].key.spill_len, &d->text) < 0)
			return d->failed = 1, -1;
	size_t off = 0;
	for (size_t i = 0; i < n; i++) {
		m[i].line = d->text.buf + off;
		m[i].len = m[i].key.spill_len;
		m[i].n = flatjson_parse(m[i].line, m[i].len, m[i].f, MERGE_MAX_FIELDS);
		off += m[i].len;
	}
	strbuf_reset(&d->out);
	merge_write(&d->rules, m, n, &d->out, &d->id);
	d->st.events_out++;
	d->st.merged += n - 1;
	if (d->opts.explain && n > 1) {
		fprintf(d->opts.explain, "explain: %s: %zu reports:", d->id.buf, n);
		for (size_t i = 0; i < n; i++) {
			const struct flat_field *id = flatjson_get(m[i].f, m[i].n, "event_id", 2);
			fprintf(d->opts.explain, " %.*s", id ? (int)id->val_len : 0, id ? id->val : "");
		}
		fputc('\n', d->opts.explain);
	}
	return emit(d, d->out.buf, d->out.len);
}

/* A report leaves the window: its cluster can take no one else, so it is written; once its
 * last report has left, its entries are free for others. */
static int entry_leave(struct deduper *d, uint32_t e)
{
	uint32_t ci = d->entries[e].cluster;
	d->entries[e].in_window = 0;
	if (d->clusters[ci].open && cluster_write(d, ci) < 0)
		return -1;
	struct cluster *c = &d->clusters[ci];
	if (--c->alive)
		return 0;
	for (uint32_t x = c->first, next; x != NONE; x = next) {
		next = d->entries[x].next;
		d->entries[x].next = d->free_entry;
		d->free_entry = x;
	}
	c->next_free = d->free_cluster;
	d->free_cluster = ci;
	return 0;
}

/* Let go of the reports that nothing from a report whose last day is hi on can match: its
 * first day is at least hi - DKEY_MAX_SPAN (all of them when hi is INT64_MAX). */
static int window_prune(struct deduper *d, int64_t hi)
{
	for (int qi = 0; qi < 3; qi++) {
		struct queue *q = &d->window[qi];
		while (q->len && (int64_t)d->entries[q->idx[q->head]].key.hi + d->rules.days <
					 hi - DKEY_MAX_SPAN) {
			uint32_t e = q->idx[q->head];
			q->head++;
			q->len--;
			if (entry_leave(d, e) < 0)
				return -1;
		}
		if (!q->len)
			q->head = 0;
	}
	return 0;
}

/* ---- --explain ---- */

/* A report's fields for messages. */
struct shown {
	struct strbuf line;
	struct flat_field f[MERGE_MAX_FIELDS];
	int n;
};

static void show_load(struct deduper *d, const struct dkey *k, struct shown *s)
{
	strbuf_init(&s->line, 0);
	s->n = spill_read(d->lines, k->spill_off, k->spill_len, &s->line) == 0
		       ? flatjson_parse(s->line.buf, s->line.len, s->f, MERGE_MAX_FIELDS) : -1;
}

static void show(struct strbuf *sb, const struct shown *s, const char *key)
{
	const struct flat_field *f = s->n > 0 ? flatjson_get(s->f, s->n, key, -1) : NULL;
	if (f && f->kind == FLAT_STRING)
		strbuf_add(sb, f->val, f->val_len);
	else
		strbuf_add(sb, "-", 1);
}

/* "'A' and 'B'" for one field of two reports, or "'A'" when they say the same. */
static void show_two(struct strbuf *sb, const struct shown *a, const struct shown *b,
		     const char *key)
{
	size_t start = sb->len;
	strbuf_addch(sb, '\'');
	show(sb, a, key);
	strbuf_addch(sb, '\'');
	size_t mid = sb->len;
	show(sb, b, key);
	if (sb->len - mid == mid - start - 2 && !memcmp(sb->buf + start + 1, sb->buf + mid, sb->len - mid)) {
		strbuf_setlen(sb, mid);
		return;
	}
	strbuf_setlen(sb, mid);
	strbuf_addstr(sb, " and '");
	show(sb, b, key);
	strbuf_addch(sb, '\'');
}

static void explain_reason(struct deduper *d, const struct dedup_pair *pr,
			   const struct shown *a, const struct shown *b, double km)
{
	struct strbuf *w = &d->why;
	switch (pr->verdict) {
	case DV_MATCH:
		strbuf_addstr(w, "can merge: ");
		strbuf_addstr(w, pr->place == PA_SAME ? "same place " : pr->place == PA_INSIDE
			      ? "one place inside the other, " : "places ");
		show_two(w, a, b, "location");
		if (pr->place == PA_NEAR)
			strbuf_addf(w, " %.1f km apart", pr->km);
		strbuf_addf(w, "; %d day%s apart; types ", pr->days_apart, pr->days_apart == 1 ? "" : "s");
		show_two(w, a, b, "sub_event_type");
		strbuf_addstr(w, pr->swapped ? "; actors agree once swapped" : "; actors agree");
		break;
	case DV_DATE:
		strbuf_addstr(w, "apart: dates ");
		show_two(w, a, b, "event_date");
		if (pr->slack)
			strbuf_addf(w, " more than %d day%s apart beyond their precision", pr->slack,
				    pr->slack == 1 ? "" : "s");
		else
			strbuf_addstr(w, " are different calendar days written in the text");
		break;
	case DV_TYPE:
		strbuf_addstr(w, "apart: types ");
		show_two(w, a, b, "sub_event_type");
		strbuf_addstr(w, " are not compatible");
		break;
	case DV_PLACE:
		strbuf_addstr(w, "apart: places ");
		show_two(w, a, b, "location");
		if (km >= 0)
			strbuf_addf(w, " %.1f km apart (more than %g)", km, d->rules.km);
		else
			strbuf_addstr(w, " neither the same nor one inside the other");
		break;
	case DV_ACTORS:
		strbuf_addstr(w, "apart: actors contradict: '");
		show(w, a, "actor1");
		strbuf_addstr(w, "' / '");
		show(w, a, "actor2");
		strbuf_addstr(w, "' against '");
		show(w, b, "actor1");
		strbuf_addstr(w, "' / '");
		show(w, b, "actor2");
		strbuf_addch(w, '\'');
		break;
	default:
		strbuf_addstr(w, "apart: ");
		strbuf_addstr(w, dedup_verdict_name(pr->verdict));
	}
}

static void explain_pair(struct deduper *d, const struct dkey *ka, const struct dkey *kb,
			 const struct dedup_pair *pr)
{
	struct shown a, b;
	show_load(d, ka, &a);
	show_load(d, kb, &b);
	strbuf_reset(&d->why);
	strbuf_addstr(&d->why, "explain: ");
	show(&d->why, &b, "event_id");
	strbuf_addstr(&d->why, " ~ ");
	show(&d->why, &a, "event_id");
	strbuf_addstr(&d->why, ": ");
	explain_reason(d, pr, &b, &a, dkey_km(kb, ka));
	fprintf(d->opts.explain, "%s\n", d->why.buf);
	strbuf_release(&a.line);
	strbuf_release(&b.line);
}

/* What became of a report: which event it joined, and which candidates it could not. */
static void explain_choice(struct deduper *d, const struct dkey *k, uint32_t chosen)
{
	strbuf_reset(&d->why);
	strbuf_addstr(&d->why, "explain: ");
	report_id(d, k, &d->why);
	for (size_t i = 0; i < d->n_touched; i++) {
		const struct cluster *c = &d->clusters[d->touched[i]];
		if (d->touched[i] == chosen || c->matched == c->size)
			continue;
		strbuf_addstr(&d->why, ": not with the event of ");
		report_id(d, &d->entries[c->first].key, &d->why);
		strbuf_addf(&d->why, " (matches %u of its %u reports)", c->matched, c->size);
	}
	if (chosen == NONE) {
		strbuf_addstr(&d->why, ": starts an event");
	} else {
		strbuf_addstr(&d->why, ": joins the event of ");
		report_id(d, &d->entries[d->clusters[chosen].first].key, &d->why);
	}
	fprintf(d->opts.explain, "%s\n", d->why.buf);
}

/* ---- the sweep ---- */

/* Note that the report being placed matches a report of cluster ci. */
static void touch(struct deduper *d, uint32_t ci, int score)
{
	struct cluster *c = &d->clusters[ci];
	if (c->stamp != d->stamp) {
		c->stamp = d->stamp;
		c->matched = 0;
		c->best = score;
		if (d->n_touched == d->cap_touched) {
			d->cap_touched = d->cap_touched ? 2 * d->cap_touched : 64;
			d->touched = xrealloc(d->touched, d->cap_touched * sizeof(*d->touched));
		}
		d->touched[d->n_touched++] = ci;
	}
	c->matched++;
	if (score > c->best)
		c->best = score;
}

/* The cluster a report joins: one whose every report it matches, the best score first, the
 * oldest on a tie; NONE when there is none. */
static uint32_t choose_cluster(struct deduper *d)
{
	uint32_t best = NONE;
	for (size_t i = 0; i < d->n_touched; i++) {
		uint32_t ci = d->touched[i];
		const struct cluster *c = &d->clusters[ci];
		if (c->matched != c->size)
			continue;
		if (best == NONE || c->best > d->clusters[best].best ||
		    (c->best == d->clusters[best].best && c->seq < d->clusters[best].seq))
			best = ci;
	}
	return best;
}

#define MAX_CELLS 63      /* map cells looked at around a point */

enum { TAG_PLACE = 1, TAG_ADMIN1, TAG_ADMIN2, TAG_CELL };

static uint64_t index_key(uint64_t country, uint64_t what, uint64_t tag)
{
	uint64_t h = (country ^ tag * 0xC2B2AE3D27D4EB4Full) * 0x9E3779B97F4A7C15ull;
	h = (h ^ what ^ (h >> 31)) * 0xBF58476D1CE4E5B9ull;
	h ^= h >> 29;
	return h ? h : 1;
}

/* The index keys of a report: every report that can match it shares one. Its place name,
 * its province and district (a report inside one of them, or naming it, is found there),
 * and for a point the map cell it lies in; with around set, the cells within --km of it
 * instead (to look for points near it). Returns how many. */
static size_t index_keys(const struct deduper *d, const struct dkey *k, uint64_t *keys, int around)
{
	size_t n = 0;
	if (k->place)
		keys[n++] = index_key(k->country, k->place, TAG_PLACE);
	if (k->admin1)
		keys[n++] = index_key(k->country, k->admin1, TAG_ADMIN1);
	if (k->admin2)
		keys[n++] = index_key(k->country, k->admin2, TAG_ADMIN2);
	if (k->level != LEVEL_POINT || isnan(k->lat) || isnan(k->lon))
		return n;
	/* Cells as tall as --km: a point's neighbours lie in the rows above and below, and in
	 * as many columns either side as the parallels' narrowing needs. */
	double cell = (d->rules.km > 0.1 ? d->rules.km : 0.1) / 111.0;
	int64_t row = (int64_t)floor(k->lat / cell), col = (int64_t)floor(k->lon / cell);
	double cosine = cos(k->lat * M_PI / 180.0);
	int wide = cosine > 0.1 ? (int)ceil(1.0 / cosine) : 10;
	if (wide > 10)
		wide = 10;
	for (int64_t dr = around ? -1 : 0; dr <= (around ? 1 : 0); dr++)
		for (int64_t dc = around ? -wide : 0; dc <= (around ? wide : 0); dc++)
			keys[n++] = index_key(k->country, (uint64_t)(row + dr) << 32 ^ (uint64_t)(col + dc),
					      TAG_CELL);
	return n;
}

/* Compare k with a report of the window, once. */
static void compare(struct deduper *d, const struct dkey *k, struct entry *en)
{
	if (en->seen == d->stamp)
		return;
	en->seen = d->stamp;
	struct dedup_pair pr;
	dedup_pair(&d->rules, &en->key, k, &pr);
	if (d->opts.explain)
		explain_pair(d, &en->key, k, &pr);
	if (pr.verdict == DV_MATCH)
		touch(d, en->cluster, pr.score);
}

/* Compare k with the reports of a bucket whose dates can reach its own (they are at the
 * end: a bucket is in order of last day). */
static void compare_bucket(struct deduper *d, const struct dkey *k, struct bucket *bk)
{
	if (!bk)
		return;
	int dead = 0;
	for (uint32_t i = bk->n; i-- > 0;) {
		if (!entry_alive(d, bk->items[i])) {
			dead = 1;
			continue;
		}
		struct entry *en = &d->entries[(uint32_t)bk->items[i]];
		if ((int64_t)en->key.hi + d->rules.days < k->lo)
			break;
		compare(d, k, en);
	}
	if (dead && bk->n > 64)
		bucket_compact(&d->index, bk);
}

/* --explain compares k with every report of the window, to tell why each pair of one
 * country and time did not merge too; the buckets find the same matches. */
static void compare_window(struct deduper *d, const struct dkey *k)
{
	for (int qi = 0; qi < 3; qi++) {
		const struct queue *q = &d->window[qi];
		for (size_t i = q->head + q->len; i-- > q->head;) {
			struct entry *en = &d->entries[q->idx[i]];
			if ((int64_t)en->key.hi + d->rules.days < k->lo)
				break;
			if (en->key.country == k->country)
				compare(d, k, en);
		}
	}
}

static int place_report(struct deduper *d, const struct dkey *k)
{
	if (d->index.used > d->index_limit) {
		buckets_sweep(&d->index);
		d->index_limit = 2 * d->index.used > INDEX_KEYS ? 2 * d->index.used : INDEX_KEYS;
	}
	if (window_prune(d, k->hi) < 0)
		return -1;
	d->stamp++;
	d->n_touched = 0;
	uint64_t keys[4 + MAX_CELLS];
	size_t n_keys = index_keys(d, k, keys, 1);
	if (d->opts.explain)
		compare_window(d, k);
	for (size_t i = 0; i < n_keys && !d->opts.explain; i++)
		compare_bucket(d, k, buckets_find(&d->index, keys[i]));
	uint32_t chosen = choose_cluster(d);
	if (d->opts.explain)
		explain_choice(d, k, chosen);
	uint32_t e = entry_new(d, k);
	uint32_t ci = chosen != NONE ? chosen : cluster_new(d);
	struct cluster *c = &d->clusters[ci];
	if (chosen == NONE) {
		c->seq = d->seq++;
		c->first = e;
	} else {
		d->entries[c->last].next = e;
	}
	c->last = e;
	c->size++;
	c->alive++;
	d->entries[e].cluster = ci;
	queue_push(&d->window[k->precision - 1], e);
	n_keys = index_keys(d, k, keys, 0);
	for (size_t i = 0; i < n_keys; i++)
		buckets_add(&d->index, keys[i], item_of(d, e));
	return 0;
}

int deduper_finish(struct deduper *d)
{
	struct dkey k;
	int got;
	if (d->failed)
		return -1;
	while ((got = keysort_next(d->keys, &k)) == 1)
		if (place_report(d, &k) < 0)
			return -1;
	if (got < 0 || window_prune(d, INT64_MAX) < 0)
		return -1;
	return d->failed ? -1 : 0;
}
