/* build: events sentence by sentence: which triggers of a sentence make events, then each
 * event's place, roles, date, counts and type; events_build runs the whole stage. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "extract/events_int.h"

/* Append to an event's explanation, only when --explain asked for one. */
void ev_why(const struct ectx *cx, struct event *e, const char *fmt, ...)
{
	va_list ap;
	if (!cx->ex->explain)
		return;
	va_start(ap, fmt);
	strbuf_vaddf(&e->why, fmt, ap);
	va_end(ap);
}

/* --- building --------------------------------------------------------------------------- */

static struct event *new_event(struct ectx *cx, int tm, size_t s)
{
	struct event *e = ECTX_PUSH(cx->ev, cx->n_ev, cx->alloc_ev);
	memset(e, 0, sizeof(*e));
	const struct trigger_def *d = tdef(cx, tm);
	e->cls = d->cls;
	e->cameo = d->cameo;
	e->trigger = tm;
	e->sentence = s;
	e->place = e->place_idx = -1;
	e->actor1 = e->actor2 = e->assoc1 = -1;
	e->date = -1;
	e->fatalities = e->fat_low = e->fat_high = e->injuries = e->detained = -1;
	e->claim = -1;
	e->merged_into = -1;
	e->coref = -1;
	e->victim_am = -1;
	strbuf_init(&e->why, 0);
	ev_why(cx, e, "trigger '%s' (%s, cameo %s)", d->phrase, ev_class_name(d->cls),
		    d->cameo);
	return e;
}

static int claim_in_sentence(const struct ectx *cx, size_t s)
{
	size_t k = cl_lower(cx, s);
	return k < cx->n_cl && cx->t.tok[cx->cl[k].verb].sentence == s ? (int)k : -1;
}

/* For --explain: which check set a trigger aside. */
static void note_dropped(struct ectx *cx, int k, const char *kind, const char *name)
{
	if (!cx->ex->explain)
		return;
	const struct trigger_mention *m = &cx->tm[k];
	strbuf_addf(&cx->dropped, "%s: trigger '%.*s' (%s) at char %zu dropped by %s '%s'\n",
		    cx->d->doc_id ? cx->d->doc_id : "",
		    (int)(cx->t.tok[m->last - 1].end - cx->t.tok[m->first].start),
		    cx->d->text.buf + cx->t.tok[m->first].start, ev_class_name(tdef(cx, k)->cls),
		    cx->base + cx->t.tok[m->first].start, kind, name);
}

static void build_sentence(struct ectx *cx, size_t s, size_t t0, size_t t1, int lead)
{
	size_t s_first = sentence_first(cx, s), s_last = sentence_last(cx, s);
	int blocked = sentence_blocked(cx, t0, t1), has_strong = 0, civ_only, killed;
	const char *reason;
	if (aggregate_sentence(cx, s)) {
		for (size_t k = t0; k < t1; k++)
			note_dropped(cx, (int)k, "check", "aggregate_sentence");
		return;
	}
	sentence_counts(cx, s, &civ_only, &killed);
	/* Wounded with an armed side named are an event of their own, unless they go on from the
	 * event just told ("Two soldiers were wounded" after the ambush). */
	int wounding = !killed && armed_wounding(cx, s) &&
		       !(cx->n_ev > 0 && cx->ev[cx->n_ev - 1].sentence + 2 >= s &&
			 cx->t.sent[cx->ev[cx->n_ev - 1].sentence].para == cx->t.sent[s].para);
	for (size_t k = t0; k < t1; k++) {
		unsigned f = tdef(cx, (int)k)->flags;
		if (!(f & (TR_WEAK | TR_BLOCK)) && !hypothetical(cx, cx->tm[k].first, &reason) &&
		    trigger_fits(cx, (int)k, s_first, s_last, s))
			has_strong = 1;
	}
	/* Among weak triggers alone, the most violent kind speaks for the sentence
	 * ("strikes ... destroying the home": an air strike, not property destruction). */
	int best_weak = 9;
	for (size_t k = t0; k < t1; k++) {
		const struct trigger_def *d = tdef(cx, (int)k);
		/* A weak word that a check sets aside speaks for nothing ("armed with heavy weapons"
		 * is no shelling, and does not hide "were seen gathering"). Beside a strong word, or
		 * in a blocked sentence, no weak word is an event: the checks need not be asked. */
		if ((d->flags & TR_WEAK) && !(d->flags & TR_BLOCK) && d->cls != EC_KILL &&
		    violence_rank(d->cls) < best_weak &&
		    (has_strong || blocked || (!hypothetical(cx, cx->tm[k].first, &reason) &&
					       trigger_fits(cx, (int)k, s_first, s_last, s))))
			best_weak = violence_rank(d->cls);
	}
	/* A bare "killed" speaks only when no other word says what happened; right after an event
	 * in the same paragraph it adds to that event ("Two attackers were also killed"). */
	int kill_only = best_weak == 9;
	if (kill_only && !has_strong && cx->n_ev > 0 && !has_date(cx, s) &&
	    place_before(cx, t1 - 1, s_first) < 0) {
		const struct event *prev = &cx->ev[cx->n_ev - 1];
		if (prev->sentence + 1 == s && cx->t.sent[prev->sentence].para == cx->t.sent[s].para)
			kill_only = 0;
	}
	size_t ev0 = cx->n_ev;
	for (size_t k = t0; k < t1; k++) {
		const struct trigger_def *d = tdef(cx, (int)k);
		if (d->flags & TR_BLOCK)
			continue; /* a blocker: it makes no event of its own */
		if ((d->flags & TR_WEAK) && (has_strong || blocked ||
					     (d->cls == EC_KILL ? !kill_only : violence_rank(d->cls) > best_weak))) {
			note_dropped(cx, (int)k, "check", has_strong ? "weak_beside_strong"
					 : blocked ? "weak_in_blocked_sentence"
					 : d->cls == EC_KILL && best_weak == 9 ? "kill_word_adds_to_previous_event"
					 : "weak_beside_more_violent");
			continue;
		}
		if (d->cls == EC_KILL && !killed && !wounding) {
			note_dropped(cx, (int)k, "check", "kill_word_without_victims");
			continue;
		}
		if (hypothetical(cx, cx->tm[k].first, &reason)) {
			note_dropped(cx, (int)k, "hypothetical", reason);
			continue;
		}
		const char *kind, *veto = trigger_veto(cx, (int)k, s_first, s_last, s, &kind);
		if (veto) {
			note_dropped(cx, (int)k, kind, veto);
			continue;
		}
		/* One protest or riot per sentence: its strongest sub-type. */
		int merged = 0;
		for (size_t e = ev0; e < cx->n_ev; e++)
			if ((is_protest(cx->ev[e].cls) && is_protest(d->cls)) ||
			    (cx->ev[e].cls == d->cls && (d->cls == EC_RIOT || d->cls == EC_MOB))) {
				if (protest_rank(d->cls) > protest_rank(cx->ev[e].cls))
					cx->ev[e].cls = d->cls;
				merged = 1;
			}
		if (merged)
			continue;
		int places[8];
		size_t n_places = object_places(cx, k, clause_end(cx, k, s_last), places, 8);
		size_t make = n_places ? n_places : 1;
		for (size_t p = 0; p < make; p++) {
			struct event *e = new_event(cx, (int)k, s);
			size_t anchor = cx->tm[k].first;
			if (n_places) {
				set_place(cx, e, places[p], p ? "joined object of the trigger"
							      : "object of the trigger");
				if (p)
					anchor = cx->pm[places[p]].first;
			} else {
				int before = place_before(cx, k, s_first);
				int ctx_place = last_event_place(cx, cx->t.sent[s].para, 1);
				int main = main_place(cx);
				int town = before < 0 ? the_town(cx, k, s, s_last) : -1;
				if (before >= 0)
					set_place(cx, e, before, "named before the trigger");
				else if (town >= 0)
					set_place(cx, e, town, "'the city' after the trigger: the town named last");
				else if (ctx_place >= 0)
					set_place(cx, e, ctx_place, "place of the previous event in the paragraph");
				else if (main >= 0)
					set_place(cx, e, main, "the place the article is mostly about");
				else if ((main = any_place(cx)) >= 0)
					set_place(cx, e, main, "the only place the article names");
				e->place_inherited = before < 0 && town < 0;
			}
			refine_country(cx, e);
			find_coreference(cx, e, n_places ? places[p] : place_before(cx, k, s_first));
			assign_roles(cx, e, s_first, s_last);
			set_date(cx, e, anchor, lead);
			drop_history(cx, e);
			if (e->event_date.y && !e->dropped)
				cx->last_dated = (int)(e - cx->ev);
		}
	}
	attach_counts(cx, ev0, s);
	int claim = claim_in_sentence(cx, s);
	/* Armed clash needs two armed sides: "gunmen stormed a church and abducted 14" is the
	 * abduction, not a clash. */
	for (size_t e = ev0; e < cx->n_ev; e++) {
		struct event *ev = &cx->ev[e];
		if (ev->cls != EC_CLASH || ev->actor2 >= 0)
			continue;
		/* The other event's own agent ("gunmen abducted 20") is not a second side. */
		int counterpart = 0;
		for (size_t k = am_lower(cx, s_first); k < cx->n_am && cx->am[k].first < s_last; k++) {
			const struct actor_mention *a = &cx->am[k];
			if ((int)k == ev->actor1 || !actor_usable(cx, k) || !inter_is_armed(a->inter))
				continue;
			int agent_of_other = 0;
			for (size_t o = ev0; o < cx->n_ev; o++)
				if (o != e && cx->ev[o].actor1 == (int)k)
					agent_of_other = 1;
			if (!agent_of_other && (ev->actor1 < 0 || strcmp(a->name, cx->am[ev->actor1].name)))
				counterpart = 1;
		}
		if (counterpart)
			continue;
		for (size_t o = ev0; o < cx->n_ev; o++)
			if (o != e && violence_rank(cx->ev[o].cls) <= 3 && cx->ev[o].cls != EC_CLASH &&
			    cx->ev[o].cls != EC_KILL) {
				ev->dropped = 1;
				ev_why(cx, ev, "; dropped: one-sided, part of another event");
				break;
			}
	}
	for (size_t e = ev0; e < cx->n_ev; e++) {
		struct event *ev = &cx->ev[e];
		int ctry = ev->place_idx >= 0 ? place_country(cx, ev->place_idx) : cx->country;
		if (ctry < 0)
			ctry = cx->country;
		ev->claim = claim;
		gather_evidence(cx, ev);
		type_event(cx, ev, civ_only, killed);
		default_actors(cx, ev, ctry);
		one_sided_by_actors(cx, ev);
		force_on_protesters(cx, ev);
		if (!ev->dropped)
			judge_event(cx, ev);
		if (ev->actor2 < 0 && ev->civilian_targeting == 0 && civ_only && killed)
			ev->civilian_targeting = 1;
	}
	settle_counts(cx, ev0, s);
}

void events_build(struct ectx *cx)
{
	find_triggers(cx);
	int lead = lead_date(cx);
	size_t k = 0;
	for (size_t s = 0; s < cx->t.n_sent; s++) {
		size_t t0 = k;
		while (k < cx->n_tm && cx->t.tok[cx->tm[k].first].sentence == s)
			k++;
		if (k > t0)
			build_sentence(cx, s, t0, k, lead);
	}
	merge_events(cx);
	apply_coded_figures(cx);
	redate_from_reference(cx);
	reconcile_kinds(cx);
}
