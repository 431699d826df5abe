/* evcounts: the casualty counts of a sentence given to its events (killed, injured,
 * detained), and what the sentence's dead say about the victims. */
#include <string.h>

#include "base/util.h"
#include "extract/events_int.h"

/* "..., the latest in a string of attacks that has left 16 dead", "bringing the toll to
 * 40": a count after such words totals several events. */
static int running_total(const struct ectx *cx, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (cx_cue(cx, i, CUE_total_noun) ||
		    (cx_cue(cx, i, CUE_total_verb) && cx_is(cx, i + 1, "the")))
			return 1;
	return 0;
}

/* The event a count of sentence s belongs to: the nearest whose trigger precedes it, else
 * the nearest after it (with standing_only, among those not set aside), else the last
 * standing event of the sentence just before ("More than 60 others were wounded." after the
 * event's sentence), the first of that trigger's events when it has several (the others are
 * its further places: "in Qandala and Bari"). -1 if none, or if the count is a running
 * total. */
static int count_event(const struct ectx *cx, size_t ev0, size_t s, const struct casualty *k,
		       int standing_only)
{
	int best = -1, own = 0;
	size_t best_d = (size_t)-1;
	for (size_t e = ev0; e < cx->n_ev; e++) {
		own = 1;
		if (standing_only && cx->ev[e].dropped)
			continue;
		size_t tpos = cx->tm[cx->ev[e].trigger].first;
		size_t d = tpos <= k->pos ? k->pos - tpos : (tpos - k->pos) * 4;
		if (d < best_d) {
			best_d = d;
			best = (int)e;
		}
	}
	size_t last = ev0;
	while (best < 0 && !own && last > 0 && cx->ev[last - 1].dropped)
		last--;
	if (best < 0 && !own && last > 0) {
		size_t first = last - 1;
		while (first > 0 && cx->ev[first - 1].trigger == cx->ev[last - 1].trigger &&
		       !cx->ev[first - 1].dropped)
			first--;
		const struct event *prev = &cx->ev[first];
		if (s - prev->sentence <= 2 && cx->t.sent[prev->sentence].para == cx->t.sent[s].para)
			best = (int)first;
	}
	if (best >= 0 && running_total(cx, cx->tm[cx->ev[best].trigger].last, k->pos))
		return -1;
	return best;
}

static void add_count(const struct ectx *cx, struct event *e, const struct casualty *k)
{
	long *slot = k->kind == CAS_KILLED ? &e->fatalities
		     : k->kind == CAS_INJURED ? &e->injuries : &e->detained;
	*slot = (*slot < 0 ? 0 : *slot) + k->count.value;
	if (k->kind != CAS_KILLED)
		return;
	e->fat_low = (e->fat_low < 0 ? 0 : e->fat_low) + k->count.low;
	if (k->count.high < 0 || (e->fat_high < 0 && e->fatalities != k->count.value))
		e->fat_high = -1;
	else
		e->fat_high = (e->fat_high < 0 ? 0 : e->fat_high) + k->count.high;
	if (k->victim >= 0 && cx->am[k->victim].name && !e->victims) {
		e->victims = cx->am[k->victim].name;
		e->victim_am = k->victim;
	}
}

void attach_counts(struct ectx *cx, size_t ev0, size_t s)
{
	for (size_t c = cas_lower(cx, s); c < cx->n_cas && cx->t.tok[cx->cas[c].pos].sentence == s; c++) {
		struct casualty *k = &cx->cas[c];
		int best = k->dropped ? -1 : count_event(cx, ev0, s, k, 0);
		if (best < 0)
			continue;
		struct event *e = &cx->ev[best];
		/* Victims told before in the document are counted once, with the first telling
		 * that reaches an event; who they were still says who the event was against. */
		struct casualty *first = k->retells >= 0 ? &cx->cas[k->retells] : k;
		int told = first->counted;
		if (!told) {
			add_count(cx, e, k);
			first->counted = k->counted = 1;
			/* An event already set aside (history) takes its count with it. */
			k->event = e->dropped ? -1 : best;
		} else {
			long *slot = k->kind == CAS_KILLED ? &e->fatalities
				     : k->kind == CAS_INJURED ? &e->injuries : &e->detained;
			if (*slot < 0)
				*slot = 0; /* known, and counted with another mention */
		}
		/* Those killed, hurt or detained are the other side when no other is named. */
		if (k->victim >= 0 && e->actor2 < 0 && cx->am[k->victim].name &&
		    (k->civilians || cx->am[k->victim].inter != INTER_CIVILIANS))
			e->actor2 = k->victim;
		ev_why(cx, e, "; %s %ld%s", k->kind == CAS_KILLED ? "killed" :
			    k->kind == CAS_INJURED ? "injured" : "detained", k->count.value,
		       told ? " (told before, not added)" : "");
	}
}

/* After the events of sentence s are judged: a count given to an event that was set aside
 * goes to the nearest one that stands; with none, it was not counted, and a later telling
 * of the same victims may be. */
void settle_counts(struct ectx *cx, size_t ev0, size_t s)
{
	for (size_t c = cas_lower(cx, s); c < cx->n_cas && cx->t.tok[cx->cas[c].pos].sentence == s; c++) {
		struct casualty *k = &cx->cas[c];
		if (k->event < 0 || !cx->ev[k->event].dropped)
			continue;
		int best = count_event(cx, ev0, s, k, 1);
		if (best >= 0) {
			add_count(cx, &cx->ev[best], k);
			k->event = best;
			ev_why(cx, &cx->ev[best], "; %s %ld (from an event set aside)",
			       k->kind == CAS_KILLED ? "killed" : k->kind == CAS_INJURED ? "injured"
									 : "detained",
			       k->count.value);
			continue;
		}
		k->event = -1;
		k->counted = 0;
		if (k->retells >= 0)
			cx->cas[k->retells].counted = 0;
	}
}

long detained_by(const struct ectx *cx, int tm)
{
	const struct trigger_mention *m = &cx->tm[tm];
	size_t s = cx->t.tok[m->first].sentence;
	long n = 0;
	for (size_t c = cas_lower(cx, s); c < cx->n_cas && cx->t.tok[cx->cas[c].pos].sentence == s; c++) {
		const struct casualty *k = &cx->cas[c];
		if (k->kind != CAS_DETAINED || k->dropped)
			continue;
		/* "captured a Taliban leader", "two soldiers were captured" */
		if ((k->pos >= m->last && k->pos <= m->last + 1) ||
		    (k->pos < m->first && k->np_end + 3 >= m->first))
			n += k->count.value;
	}
	return n;
}

void sentence_counts(const struct ectx *cx, size_t s, int *civilians_only, int *killed)
{
	int any = 0, all_civ = 1;
	for (size_t c = cas_lower(cx, s); c < cx->n_cas && cx->t.tok[cx->cas[c].pos].sentence == s; c++) {
		const struct casualty *k = &cx->cas[c];
		/* A claim, or dead told before, makes no new killing. */
		if (k->kind != CAS_KILLED || k->claimed || k->retells >= 0)
			continue;
		any = 1;
		if (!k->civilians)
			all_civ = 0;
	}
	*killed = any;
	*civilians_only = any && all_civ;
}

/* "two girls were wounded by army fire": people hurt, none killed, with an armed side named in
 * the sentence. A wounding word alone ("injured in the match") speaks only then. */
int armed_wounding(const struct ectx *cx, size_t s)
{
	int hurt = 0;
	for (size_t c = cas_lower(cx, s); c < cx->n_cas && cx->t.tok[cx->cas[c].pos].sentence == s; c++)
		if (cx->cas[c].kind == CAS_INJURED && !cx->cas[c].claimed && cx->cas[c].retells < 0 &&
		    cx->cas[c].count.value > 0)
			hurt = 1;
	if (!hurt)
		return 0;
	size_t s_first = sentence_first(cx, s), s_last = sentence_last(cx, s);
	for (size_t k = am_lower(cx, s_first); k < cx->n_am && cx->am[k].first < s_last; k++)
		if (cx->am[k].name && inter_is_armed(cx->am[k].inter) && !(cx->am[k].flags & AM_VICTIM))
			return 1; /* an armed side that did it: "two soldiers were wounded" is not one */
	return 0;
}

/* --- figures a coder states ------------------------------------------------------------- */

/* Is there a death-toll noun in the few words before i, within its clause? */
static int figure_noun_before(const struct ectx *cx, size_t i, size_t s_first)
{
	for (size_t back = 1; back <= 8 && i >= s_first + back; back++) {
		size_t j = i - back;
		if (cx_cue(cx, j, CUE_clause_break) || cx_is(cx, j, ")") || cx_is(cx, j, "("))
			return 0;
		if (cx_cue(cx, j, CUE_figure_noun))
			return 1;
	}
	return 0;
}

/* The figure starting at token at when it stands alone ("coded as 3." or "coded as 3 for
 * this event", not "coded as 3 separate events"). */
static int lone_figure(const struct ectx *cx, size_t at, size_t last, long *figure)
{
	struct count c;
	size_t n = number_at(&cx->t, at, last, &c);
	if (!n || c.vague)
		return 0;
	size_t next = at + n;
	if (next < last && (cx->t.tok[next].flags & TOK_WORD) &&
	    !cx_cue(cx, next, CUE_object_prep) && !cx_is(cx, next, "and"))
		return 0;
	*figure = c.value;
	return 1;
}

/* Notes written by coders (ACLED's among them) state the figure they kept for an event:
 * "Fatalities coded as 0 (the group claimed 4).", "20 fatalities split across 2 events and
 * coded as 10 for this event", "Fatalities are split across 3 events (4)". The figure is
 * the number after "coded as", or the one in brackets right after "split across N
 * events", with a death-toll noun shortly before in the clause. i is a coding or sharing
 * verb of sentence s; 1 and the figure, or 0. */
static int coded_figure(const struct ectx *cx, size_t i, size_t s, long *figure)
{
	size_t first = sentence_first(cx, s), last = sentence_last(cx, s), at = 0;
	if (i + 2 >= last)
		return 0;
	if (cx_cue(cx, i, CUE_coding_verb) && cx_is(cx, i + 1, "as")) {
		at = i + 2;
	} else if (cx_cue(cx, i, CUE_share_verb) &&
		   (cx_is(cx, i + 1, "across") || cx_is(cx, i + 1, "between"))) {
		struct count c;
		size_t n = number_at(&cx->t, i + 2, last, &c);
		size_t open = i + 2 + n + 1; /* after "N events" */
		if (n && cx_is(cx, open, "(") && cx_is(cx, open + 2, ")"))
			at = open + 1;
	}
	return at && figure_noun_before(cx, i, first) && lone_figure(cx, at, last, figure);
}

/* The event a coder's figure in sentence s is for: the nearest standing event told before
 * it in its paragraph (the first of that sentence's events), or -1. */
static int coded_event(const struct ectx *cx, size_t s)
{
	int best = -1;
	for (size_t e = 0; e < cx->n_ev; e++) {
		const struct event *ev = &cx->ev[e];
		if (ev->dropped || ev->merged_into >= 0 || ev->sentence > s ||
		    cx->t.sent[ev->sentence].para != cx->t.sent[s].para)
			continue;
		if (best < 0 || cx->ev[best].sentence < ev->sentence)
			best = (int)e;
	}
	return best;
}

void apply_coded_figures(struct ectx *cx)
{
	if (cx->n_ev == 0)
		return;
	/* One pass over the tokens from the first event's sentence (a figure is for an event told
	 * before it): few are coding or sharing verbs. The two cues are adjacent, so one word of
	 * a token's cue row nearly always holds both bits. */
	const size_t wa = CUE_coding_verb >> 6, wb = CUE_share_verb >> 6;
	const uint64_t ma = 1ull << (CUE_coding_verb & 63), mb = 1ull << (CUE_share_verb & 63);
	const uint64_t *const *rows = cx->cue_row;
	const size_t n = cx->t.n;
	for (size_t i = sentence_first(cx, cx->ev[0].sentence); i < n; i++) {
		const uint64_t *row = rows[i];
		if (wa == wb ? !(row[wa] & (ma | mb)) : !(row[wa] & ma) && !(row[wb] & mb))
			continue;
		size_t s = cx->t.tok[i].sentence;
		long figure;
		int target;
		if (!coded_figure(cx, i, s, &figure) || (target = coded_event(cx, s)) < 0)
			continue;
		struct event *e = &cx->ev[target];
		e->fatalities = e->fat_low = e->fat_high = figure;
		ev_why(cx, e, "; fatalities %ld as the text codes them (coded_figure)", figure);
	}
}
