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
		if (cx_is(cx, i, "latest") || cx_is(cx, i, "string") || cx_is(cx, i, "spate") ||
		    cx_is(cx, i, "series") || ((cx_is(cx, i, "bringing") || cx_is(cx, i, "taking") ||
						cx_is(cx, i, "raising") || cx_is(cx, i, "pushing")) &&
					       cx_is(cx, i + 1, "the")))
			return 1;
	return 0;
}

void attach_counts(struct ectx *cx, size_t ev0, size_t s)
{
	for (size_t c = cas_lower(cx, s); c < cx->n_cas && cx->t.tok[cx->cas[c].pos].sentence == s; c++) {
		const struct casualty *k = &cx->cas[c];
		/* The nearest event whose trigger precedes the count, else the nearest after. */
		int best = -1;
		size_t best_d = (size_t)-1;
		for (size_t e = ev0; e < cx->n_ev; e++) {
			size_t tpos = cx->tm[cx->ev[e].trigger].first;
			size_t d = tpos <= k->pos ? k->pos - tpos : (tpos - k->pos) * 4;
			if (d < best_d) {
				best_d = d;
				best = (int)e;
			}
		}
		if (best < 0 && ev0 > 0 && ev0 == cx->n_ev) {
			/* "More than 60 others were wounded." after the event's sentence. */
			const struct event *prev = &cx->ev[ev0 - 1];
			if (s - prev->sentence <= 2 && cx->t.sent[prev->sentence].para == cx->t.sent[s].para)
				best = (int)(ev0 - 1);
		}
		if (best < 0 || running_total(cx, cx->tm[cx->ev[best].trigger].last, k->pos))
			continue;
		struct event *e = &cx->ev[best];
		long *slot = k->kind == CAS_KILLED ? &e->fatalities
			     : k->kind == CAS_INJURED ? &e->injuries : &e->detained;
		*slot = (*slot < 0 ? 0 : *slot) + k->count.value;
		if (k->kind == CAS_KILLED) {
			e->fat_low = (e->fat_low < 0 ? 0 : e->fat_low) + k->count.low;
			if (k->count.high < 0 || (e->fat_high < 0 && e->fatalities != k->count.value))
				e->fat_high = -1;
			else
				e->fat_high = (e->fat_high < 0 ? 0 : e->fat_high) + k->count.high;
			if (k->victim >= 0 && cx->am[k->victim].name && !e->victims) {
				e->victims = cx->am[k->victim].name;
				e->victim_am = k->victim;
			}
			if (k->victim >= 0 && e->actor2 < 0 && cx->am[k->victim].name &&
			    (k->civilians || cx->am[k->victim].inter != INTER_CIVILIANS))
				e->actor2 = k->victim;
		}
		ev_why(cx, e, "; %s %ld", k->kind == CAS_KILLED ? "killed" :
			    k->kind == CAS_INJURED ? "injured" : "detained", k->count.value);
	}
}

void sentence_counts(const struct ectx *cx, size_t s, int *civilians_only, int *killed)
{
	int any = 0, all_civ = 1;
	for (size_t c = cas_lower(cx, s); c < cx->n_cas && cx->t.tok[cx->cas[c].pos].sentence == s; c++) {
		const struct casualty *k = &cx->cas[c];
		if (k->kind != CAS_KILLED)
			continue;
		any = 1;
		if (!k->civilians)
			all_civ = 0;
	}
	*killed = any;
	*civilians_only = any && all_civ;
}
