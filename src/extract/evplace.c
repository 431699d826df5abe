/* evplace: where an event happened: the place mentions a trigger can use, its object
 * places, the place named before it, and the document's fallbacks. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "extract/events_int.h"

/* --- places --------------------------------------------------------------------------------- */

int in_claim_span(const struct ectx *cx, size_t tok)
{
	size_t s = cx->t.tok[tok].sentence;
	for (size_t k = cl_lower(cx, s); k < cx->n_cl && cx->t.tok[cx->cl[k].verb].sentence == s; k++)
		if (tok >= cx->cl[k].first && tok < cx->cl[k].last)
			return 1;
	return 0;
}

int usable_place(const struct ectx *cx, size_t k)
{
	const struct place_mention *m = &cx->pm[k];
	if (m->place < 0 || (m->flags & (PM_MOTION | PM_BORDER | PM_MODIFIER | PM_DATELINE)) ||
	    in_claim_span(cx, m->first))
		return 0;
	/* A country name is mostly a subject, an owner or an adjective ("Afghanistan's army",
	 * "the US withdrawal"); it locates an event only after a locative preposition. */
	if (gz_place(cx->ex->gz, m->place)->kind == PK_COUNTRY)
		return m->first > 0 && cx_cue(cx, m->first - 1, CUE_place_locative_country) &&
		       !(cx->t.tok[m->last - 1].flags & TOK_POSS);
	return 1;
}

static int is_town_place(const struct ectx *cx, size_t k)
{
	enum place_kind kind = gz_place(cx->ex->gz, cx->pm[k].place)->kind;
	return kind == PK_PPLC || kind == PK_PPLA || kind == PK_PPLA2 || kind == PK_PPL;
}

/* A place that only contains one already chosen ("Zaranj in the province of Nimroz"). */
static int contains(const struct ectx *cx, size_t outer, size_t inner)
{
	const struct place *o = gz_place(cx->ex->gz, cx->pm[outer].place);
	const struct place *in = gz_place(cx->ex->gz, cx->pm[inner].place);
	if (cx->pm[outer].place == cx->pm[inner].place)
		return 1;
	if (o->kind == PK_COUNTRY)
		return o->country == in->country;
	if (o->kind == PK_ADM1)
		return o->country == in->country && ascii_casecmp(o->name, in->admin1) == 0;
	if (o->kind == PK_ADM2)
		return o->country == in->country && ascii_casecmp(o->name, in->admin2) == 0;
	return 0;
}

static int gap_is_conjunction(const struct ectx *cx, size_t from, size_t to)
{
	int saw_and = 0;
	if (to < from || to - from > 8)
		return 0;
	for (size_t i = from; i < to; i++) {
		int dated = 0;
		for (size_t d = dm_lower(cx, from > 3 ? from - 3 : 0); d < cx->n_dm && cx->dm[d].first <= i; d++)
			if (i >= cx->dm[d].first && i < cx->dm[d].last)
				dated = 1;
		if (!dated && !cx_cue(cx, i, CUE_place_list_gap))
			return 0;
		saw_and |= cx_is(cx, i, "and") || cx_is(cx, i, ",");
	}
	return saw_and;
}

/* Places after the trigger in its clause: the first (or a place inside it named right after:
 * "northern Afghanistan's Kunduz province"), plus any joined to it by "and". */
size_t object_places(const struct ectx *cx, size_t tm, size_t limit, int *out, size_t max)
{
	size_t n = 0, after = cx->tm[tm].last;
	for (size_t k = pm_lower(cx, after); k < cx->n_pm && n < max && cx->pm[k].first < limit; k++) {
		const struct place_mention *m = &cx->pm[k];
		if (!usable_place(cx, k))
			continue;
		if (n == 0) {
			if (m->first - after > 20)
				break;
			out[n++] = (int)k;
			continue;
		}
		int dup = 0;
		for (size_t j = 0; j < n; j++)
			if (contains(cx, k, (size_t)out[j]))
				dup = 1;
		if (dup)
			continue;
		if (n == 1 && contains(cx, (size_t)out[0], k) && m->first - cx->pm[out[0]].last <= 6) {
			out[0] = (int)k; /* refine to the more specific place */
			continue;
		}
		if (!gap_is_conjunction(cx, cx->pm[out[n - 1]].last, m->first))
			break;
		out[n++] = (int)k;
	}
	return n;
}

/* Closest place before the trigger in the sentence; when it only contains a place named
 * just before it ("Doshi district in Baghlan province"), the inner place. */
int place_before(const struct ectx *cx, size_t tm, size_t s_first)
{
	int best = -1;
	for (size_t k = pm_lower(cx, s_first); k < cx->n_pm && cx->pm[k].first < cx->tm[tm].first; k++) {
		const struct place_mention *m = &cx->pm[k];
		if (m->last > cx->tm[tm].first || !usable_place(cx, k))
			continue;
		best = (int)k;
	}
	for (int k = best - 1; best >= 0 && k >= 0; k--) {
		if (cx->pm[k].first < s_first || !usable_place(cx, (size_t)k))
			continue;
		if (cx->pm[best].place != cx->pm[k].place && contains(cx, (size_t)best, (size_t)k))
			best = k;
		else
			break;
	}
	return best;
}

/* The place the document is mostly about: the most mentioned usable town, else unit.
 * Counted once per document in the extractor's scratch array. */
int main_place(struct ectx *cx)
{
	if (cx->main_place != -2)
		return cx->main_place;
	int *count = cx->ex->place_count;
	int best = -1, best_count = 0;
	for (size_t k = 0; k < cx->n_pm; k++)
		if (usable_place(cx, k))
			count[cx->pm[k].place]++;
	for (size_t k = 0; k < cx->n_pm; k++) {
		if (!usable_place(cx, k) || gz_place(cx->ex->gz, cx->pm[k].place)->kind == PK_COUNTRY)
			continue;
		int c = count[cx->pm[k].place] * 2 + (is_town_place(cx, k) ? 1 : 0);
		if (c > best_count) {
			best = (int)k;
			best_count = c;
		}
	}
	for (size_t k = 0; k < cx->n_pm; k++)
		if (cx->pm[k].place >= 0)
			count[cx->pm[k].place] = 0;
	cx->main_place = best;
	return best;
}

void set_place(struct ectx *cx, struct event *e, int pm, const char *rule)
{
	e->place = pm;
	e->place_idx = cx->pm[pm].place;
	e->precision = cx->pm[pm].precision;
	ev_why(cx, e, "; place '%s' (%s, %s)", gz_place(cx->ex->gz, e->place_idx)->name,
		    place_kind_name(gz_place(cx->ex->gz, e->place_idx)->kind), rule);
}

int last_event_place(const struct ectx *cx, unsigned para, int same_para)
{
	for (size_t k = cx->n_ev; k-- > 0;) {
		const struct event *e = &cx->ev[k];
		if (e->place < 0)
			continue;
		if (same_para && cx->t.sent[e->sentence].para != para)
			return -1;
		return e->place;
	}
	return -1;
}

/* An event placed only at a country ("across Afghanistan") takes the place the article has
 * been following inside that country, if any. */
void refine_country(struct ectx *cx, struct event *e)
{
	if (e->place_idx < 0 || gz_place(cx->ex->gz, e->place_idx)->kind != PK_COUNTRY)
		return;
	int c = gz_place(cx->ex->gz, e->place_idx)->country;
	int cand[2] = { last_event_place(cx, cx->t.sent[e->sentence].para, 0), main_place(cx) };
	for (int i = 0; i < 2; i++)
		if (cand[i] >= 0 && place_country(cx, cx->pm[cand[i]].place) == c &&
		    gz_place(cx->ex->gz, cx->pm[cand[i]].place)->kind != PK_COUNTRY) {
			set_place(cx, e, cand[i], "country refined by the article's place");
			return;
		}
}

/* "hit a fuel station in the city on Sunday": the town named last, in this sentence or the
 * one before. */
/* Last resort: a place named anywhere, even by a speaker ("Villagers in Ituri said"); the
 * dateline's place (where the report was filed) only when the text names no other. */
int any_place(const struct ectx *cx)
{
	int dateline = -1;
	for (size_t k = 0; k < cx->n_pm; k++)
		if (cx->pm[k].place >= 0 && !(cx->pm[k].flags & (PM_MOTION | PM_BORDER)) &&
		    gz_place(cx->ex->gz, cx->pm[k].place)->kind != PK_COUNTRY) {
			if (!(cx->pm[k].flags & PM_DATELINE))
				return (int)k;
			if (dateline < 0)
				dateline = (int)k;
		}
	return dateline;
}

int the_town(const struct ectx *cx, size_t k, size_t s, size_t s_last)
{
	size_t end = clause_end(cx, k, s_last);
	int said = 0;
	for (size_t i = cx->tm[k].last; i + 1 < end && !said; i++)
		said = (cx_is(cx, i, "the") || cx_is(cx, i, "that")) && cx_cue(cx, i + 1, CUE_place_the_town) &&
		       (i + 2 >= cx->t.n || !(cx->t.tok[i + 2].flags & TOK_CAP)) && !cx_is(cx, i + 2, "of");
	if (!said)
		return -1;
	size_t from = sentence_first(cx, s > 0 ? s - 1 : s);
	int best = -1;
	for (size_t p = pm_lower(cx, from); p < cx->n_pm && cx->pm[p].first < cx->tm[k].first; p++)
		if (usable_place(cx, p) && is_town_place(cx, p))
			best = (int)p;
	return best;
}
