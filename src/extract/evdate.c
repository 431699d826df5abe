/* evdate: when an event happened: the date mention of its clause, the lead's date, the
 * context's, or the publication date; history is set aside. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "extract/events_int.h"

/* --- dates ---------------------------------------------------------------------------------- */

int date_usable(const struct ectx *cx, size_t d)
{
	return !(cx->dm[d].flags & (DM_SPEECH | DM_FUTURE | DM_SINCE | DM_RANGE_END));
}

/* Does the date mention name the event at anchor ("the July 2 attack": the noun right after
 * it)? A date that names another event dates nothing else. */
static int names_this(const struct ectx *cx, size_t d, size_t anchor)
{
	size_t words = 0;
	if (!(cx->dm[d].flags & DM_REFERENCE))
		return 0;
	/* "an attack Jan. 7": the event noun right before the date (the trigger may start a word
	 * or two earlier: "a suicide attack Jan. 7"). */
	if (anchor < cx->dm[d].first)
		return cx->dm[d].first - anchor <= 3 &&
		       cx_cue(cx, cx->dm[d].first - 1, CUE_generic_event_noun);
	if (anchor < cx->dm[d].last)
		return 0;
	/* "the July 2 attack", "the Aug. 8 suicide attack", "Tuesday's 'green-on-blue' attack" */
	for (size_t i = cx->dm[d].last; i < anchor; i++) {
		const struct token *t = &cx->t.tok[i];
		if (t->flags & TOK_QUOTE)
			continue;
		if (!(t->flags & TOK_WORD) || ++words > 3 ||
		    (!(t->flags & TOK_HYPHEN) && cx_cue(cx, i, CUE_date_link)))
			return 0;
	}
	return 1;
}

/* The reference date that names the event at anchor, or -1. */
static int naming_date(const struct ectx *cx, size_t anchor)
{
	size_t s = cx->t.tok[anchor].sentence;
	for (size_t d = dm_lower(cx, sentence_first(cx, s)); d < cx->n_dm && cx->dm[d].first < anchor; d++)
		if (names_this(cx, d, anchor))
			return (int)d;
	return -1;
}

/* The date nearest the anchor within [from, to): the stretch of the sentence that belongs
 * to this trigger, so that "seized X on Friday and Y the next day" dates each. A date of the
 * past ("the murder in March") serves only when no other date is there. */
static int nearest_date(const struct ectx *cx, size_t anchor, size_t from, size_t to)
{
	int best = -1, best_background = 1;
	size_t best_dist = (size_t)-1;
	for (size_t d = dm_lower(cx, from); d < cx->n_dm && cx->dm[d].first < to; d++) {
		if (!date_usable(cx, d) ||
		    ((cx->dm[d].flags & DM_REFERENCE) && !names_this(cx, d, anchor)))
			continue;
		int background = (cx->dm[d].flags & DM_BACKGROUND) != 0;
		size_t pos = cx->dm[d].first;
		size_t dist = pos > anchor ? pos - anchor : anchor - pos;
		/* At equal distance the date after the trigger wins: "a bombing June 3 in Kasur,
		 * detaining five in Lahore yesterday". */
		if (background > best_background ||
		    (background == best_background && (dist > best_dist || (dist == best_dist && pos < anchor))))
			continue;
		best_dist = dist;
		best = (int)d;
		best_background = background;
	}
	return best;
}

static const struct event *last_dated_event(const struct ectx *cx, size_t before)
{
	if (cx->last_dated >= 0 && (size_t)cx->last_dated < before)
		return &cx->ev[cx->last_dated];
	return NULL;
}

/* The event a sentence without a date continues: the latest dated one in this or the
 * previous paragraph, preferring one of the same class ("seized two provincial capitals on
 * Friday ... The Taliban first seized Zaranj"). */
static const struct event *context_event(const struct ectx *cx, const struct event *e)
{
	unsigned para = cx->t.sent[e->sentence].para;
	const struct event *any = NULL;
	size_t here = (size_t)(e - cx->ev);
	for (size_t k = here; k-- > 0 && here - k <= 50;) {
		const struct event *p = &cx->ev[k];
		if (cx->t.sent[p->sentence].para + 1 < para)
			break;
		if (!p->event_date.y || p->dropped || p->date < 0)
			continue;
		if (p->cls == e->cls)
			return p;
		if (!any)
			any = p;
	}
	return any;
}

/* Tokens of the sentence that belong to trigger tm: from the end of the previous strong
 * trigger to the start of the next one. */
static void trigger_segment(const struct ectx *cx, int tm, size_t *from, size_t *to)
{
	size_t s = cx->t.tok[cx->tm[tm].first].sentence;
	*from = sentence_first(cx, s);
	*to = sentence_last(cx, s);
	/* A trigger named by a date ("the July 2 attack") is told before; it splits nothing. */
	for (int k = tm - 1; k >= 0 && cx->t.tok[cx->tm[k].first].sentence == s; k--)
		if (!(tdef(cx, k)->flags & (TR_WEAK | TR_BLOCK)) && naming_date(cx, cx->tm[k].first) < 0) {
			*from = cx->tm[k].last;
			break;
		}
	for (size_t k = (size_t)tm + 1; k < cx->n_tm && cx->t.tok[cx->tm[k].first].sentence == s; k++)
		if (!(tdef(cx, (int)k)->flags & (TR_WEAK | TR_BLOCK)) &&
		    !manner_trigger(cx, k, cx->tm[tm].last) && naming_date(cx, cx->tm[k].first) < 0) {
			*to = cx->tm[k].first;
			break;
		}
}

/* "curfew on Tuesday, a day after police fired tear gas": the event is N days before the
 * date named. Returns N, 0 if the words are not there. */
/* Date the event by mention d, resolved to date. */
static void take_date(struct ectx *cx, struct event *e, int d, struct ymd date)
{
	const struct date_mention *m = &cx->dm[d];
	size_t a = cx->t.tok[m->first].start, b = cx->t.tok[m->last - 1].end;
	e->date = d;
	e->event_date = date;
	e->time_precision = m->precision;
	e->date_text = ectx_strdup(cx, cx->d->text.buf + a, b - a);
}

static long days_after(const struct ectx *cx, size_t from, size_t to)
{
	for (size_t i = from; i + 2 < to && i < from + 4; i++) {
		long n = 0;
		size_t j = i;
		struct count c;
		size_t k;
		if (cx_is(cx, j, "a") || cx_is(cx, j, "the") || cx_is(cx, j, "one"))
			n = 1, j++;
		else if ((k = number_at(&cx->t, j, to, &c)) && !c.vague)
			n = c.value, j += k;
		else
			continue;
		long unit = cx_is(cx, j, "day") || cx_is(cx, j, "days") ? 1
			    : cx_is(cx, j, "week") || cx_is(cx, j, "weeks") ? 7 : 0;
		if (unit && cx_is(cx, j + 1, "after") && n > 0 && n < 60)
			return n * unit;
	}
	return 0;
}

/* How many sentences back a date still frames the story of its paragraph. */
#define FRAME_SENTENCES 3

/* Does an event before e take its date from mention d? Such a date is that event's (the
 * ambush "last week" in a report of today's raid) and frames nothing else. */
static int dates_an_event(const struct ectx *cx, const struct event *e, size_t d)
{
	for (const struct event *p = cx->ev; p < e; p++)
		if (p->date == (int)d)
			return 1;
	return 0;
}

/* The latest date of the sentences before e's in its paragraph that sets the time of the
 * story told there: not when it was said, a plan, background, a date counted from another or
 * the date of an event of its own. -1 if none. */
static int frame_date(const struct ectx *cx, const struct event *e)
{
	size_t s = e->sentence;
	unsigned para = cx->t.sent[s].para;
	size_t first = s;
	while (first > 0 && s - first < FRAME_SENTENCES && cx->t.sent[first - 1].para == para)
		first--;
	if (first == s)
		return -1;
	int best = -1;
	for (size_t d = dm_lower(cx, sentence_first(cx, first));
	     d < cx->n_dm && cx->dm[d].first < sentence_first(cx, s); d++)
		if (date_usable(cx, d) && !(cx->dm[d].flags & (DM_BACKGROUND | DM_REFERENCE)) &&
		    cx->dm[d].date.y && !cx->dm[d].relative && !dates_an_event(cx, e, d))
			best = (int)d;
	return best;
}

static long day_number(struct ymd d)
{
	return days_from_civil(d.y, d.m, d.d);
}

/* "detained the leader behind the July 2 attack today", "... today. He was behind the July 2
 * attack": an event named by its date, in a sentence that tells of something later or after
 * a lead that does, was news in an earlier report. ("Monday's bombing killed 30, officials
 * said" is the lead itself.) */
static void drop_reference(struct ectx *cx, struct event *e, const struct date_mention *m,
			   int doc_lead_date)
{
	if (!(m->flags & DM_REFERENCE) || !e->event_date.y)
		return;
	long when = day_number(e->event_date);
	int later = doc_lead_date >= 0 && e->sentence > 0 &&
		    when < day_number(cx->dm[doc_lead_date].date);
	size_t s = e->sentence;
	for (size_t d = dm_lower(cx, sentence_first(cx, s));
	     !later && d < cx->n_dm && cx->dm[d].first < sentence_last(cx, s); d++)
		later = date_usable(cx, d) && !(cx->dm[d].flags & (DM_REFERENCE | DM_BACKGROUND)) &&
			cx->dm[d].date.y && day_number(cx->dm[d].date) > when;
	if (!later)
		return;
	e->dropped = 1;
	ev_why(cx, e, "; dropped: an event told before, named by its date");
}

void set_date(struct ectx *cx, struct event *e, size_t anchor, int doc_lead_date)
{
	size_t from, to;
	trigger_segment(cx, e->trigger, &from, &to);
	/* A trigger dated only in the future ("due to meet on July 12") is a plan. */
	for (size_t k = dm_lower(cx, from); k < cx->n_dm && cx->dm[k].first < to; k++)
		if ((cx->dm[k].flags & DM_FUTURE) && nearest_date(cx, anchor, from, to) < 0) {
			e->dropped = 1;
			ev_why(cx, e, "; dropped: dated in the future");
			return;
		}
	/* "the July 2 attack": the date that names the event; else, after an earlier trigger,
	 * dates before this one belong to that one. */
	int d = naming_date(cx, anchor);
	if (d < 0 && from > sentence_first(cx, e->sentence))
		d = nearest_date(cx, anchor, cx->tm[e->trigger].first, to);
	if (d < 0)
		d = nearest_date(cx, anchor, from, to);
	/* "said Sunday that the previous day's fighting killed 56, while a suicide bombing killed
	 * 20": an event with no date of its own shares that of an earlier event of its sentence
	 * dated by what is told, rather than taking the day it was said. */
	for (size_t k = (size_t)(e - cx->ev); d < 0 && k-- > 0 && cx->ev[k].sentence == e->sentence;) {
		const struct event *sib = &cx->ev[k];
		if (sib->date < 0 || sib->dropped || (cx->dm[sib->date].flags & DM_SPEECH))
			continue;
		e->date = sib->date;
		e->event_date = sib->event_date;
		e->time_precision = sib->time_precision;
		e->date_text = sib->date_text;
		ev_why(cx, e, "; date '%s' of the earlier event in the sentence", e->date_text);
		return;
	}
	/* "announced on Wednesday that ...": with no other date, when it was said dates it. */
	for (size_t k = dm_lower(cx, sentence_first(cx, e->sentence));
	     d < 0 && k < cx->n_dm && cx->dm[k].first < sentence_last(cx, e->sentence); k++)
		if (cx->t.tok[cx->dm[k].first].sentence == e->sentence &&
		    (cx->dm[k].flags & (DM_SPEECH | DM_FUTURE | DM_SINCE | DM_RANGE_END)) == DM_SPEECH)
			d = (int)k;
	if (d < 0)
		d = nearest_date(cx, anchor, sentence_first(cx, e->sentence), from);
	const struct date_mention *m = d >= 0 ? &cx->dm[d] : NULL;
	if (m) {
		struct ymd date = m->date;
		if (m->relative) {
			const struct event *prev = context_event(cx, e);
			if (!prev)
				prev = last_dated_event(cx, (size_t)(e - cx->ev));
			if (prev)
				date = civil_from_days(days_from_civil(prev->event_date.y, prev->event_date.m,
								       prev->event_date.d) + m->rel_days);
		}
		long back = m->last <= cx->tm[e->trigger].first && date.y
			    ? days_after(cx, m->last, cx->tm[e->trigger].first) : 0;
		if (back > 0)
			date = civil_from_days(days_from_civil(date.y, date.m, date.d) - back);
		take_date(cx, e, d, date);
		ev_why(cx, e, "; date '%s' (%s)%s", e->date_text, m->rule,
		    back > 0 ? ", minus the days in 'N days after'" : "");
		drop_reference(cx, e, m, doc_lead_date);
		return;
	}
	/* No date in the sentence: the date an earlier sentence of the paragraph set ("In Kunduz
	 * last night, a force searched a compound. It detained one man."), the last event of the
	 * paragraph, the lead's date, or the publication date at week precision. */
	const struct event *prev = context_event(cx, e);
	int frame = frame_date(cx, e);
	if (frame >= 0 && (!prev || prev->trigger < 0 ||
			   cx->dm[frame].first > cx->tm[prev->trigger].first)) {
		take_date(cx, e, frame, cx->dm[frame].date);
		ev_why(cx, e, "; date '%s' set by sentence %u of the paragraph", e->date_text,
		       cx->t.tok[cx->dm[frame].first].sentence + 1);
	} else if (prev) {
		e->event_date = prev->event_date;
		e->time_precision = prev->time_precision;
		e->date_text = prev->date_text;
		ev_why(cx, e, "; date from the event the sentence continues (sentence %zu)",
			    prev->sentence + 1);
	} else if (doc_lead_date >= 0) {
		const struct date_mention *lead = &cx->dm[doc_lead_date];
		e->event_date = lead->date;
		e->time_precision = lead->precision;
		size_t a = cx->t.tok[lead->first].start, b = cx->t.tok[lead->last - 1].end;
		e->date_text = ectx_strdup(cx, cx->d->text.buf + a, b - a);
		ev_why(cx, e, "; date of the article's lead");
	} else if (cx->pub.y) {
		e->event_date = cx->pub;
		e->time_precision = 2;
		e->date_text = NULL;
		ev_why(cx, e, "; date: publication date (no date in the text)");
	}
}

/* First usable date of the first two paragraphs: what the lead says happened when. */
int lead_date(const struct ectx *cx)
{
	for (size_t d = 0; d < cx->n_dm; d++) {
		unsigned para = cx->t.sent[cx->t.tok[cx->dm[d].first].sentence].para;
		if (para > 2)
			break;
		if (date_usable(cx, d) && !(cx->dm[d].flags & (DM_BACKGROUND | DM_REFERENCE)) &&
		    cx->dm[d].date.y && !cx->dm[d].relative)
			return (int)d;
	}
	return -1;
}

/* Events dated more than two months before publication are history, not news: the
 * reports of their time told them (the same span makes a calendar date background). */
#define HISTORY_DAYS 60

/* The latest year the report names, for a report without a publication date. */
static int latest_year(const struct ectx *cx)
{
	int y = 0;
	for (size_t d = 0; d < cx->n_dm; d++)
		if (cx->dm[d].date.y > y)
			y = cx->dm[d].date.y;
	return y;
}

void drop_history(struct ectx *cx, struct event *e)
{
	if (!e->event_date.y)
		return;
	/* Undated report: an event dated by its month or year alone ("the 1993 blasts", "in
	 * 1948") is background when the report names a later year; news of the day has a day. */
	if (!cx->pub.y) {
		int latest = e->time_precision == 3 ? latest_year(cx) : 0;
		if (latest > e->event_date.y) {
			e->dropped = 1;
			ev_why(cx, e, "; dropped: dated by its month or year only, before %d named in the report",
			       latest);
		}
		return;
	}
	long age = days_from_civil(cx->pub.y, cx->pub.m, cx->pub.d) -
		   days_from_civil(e->event_date.y, e->event_date.m, e->event_date.d);
	if (age > HISTORY_DAYS) {
		e->dropped = 1;
		ev_why(cx, e, "; dropped: %ld days before publication", age);
	}
}

/* "Turkish troops have set up a base, officials said on Wednesday. The base ... was
 * established on Monday": a later sentence naming the event again gives its own date, better
 * than when it was said. */
void redate_from_reference(struct ectx *cx)
{
	for (size_t i = 0; i < cx->n_ev; i++) {
		struct event *e = &cx->ev[i];
		if (e->dropped || e->merged_into >= 0 || e->trigger < 0 ||
		    (e->date >= 0 && !(cx->dm[e->date].flags & DM_SPEECH)))
			continue;
		const char *head = cx->t.tok[cx->tm[e->trigger].last - 1].norm;
		for (size_t s = e->sentence + 1; s <= e->sentence + 2 && s < cx->t.n_sent; s++) {
			if (cx->t.sent[s].para != cx->t.sent[e->sentence].para)
				break;
			size_t f = sentence_first(cx, s);
			if (!cx_is(cx, f, "the") || !cx_is(cx, f + 1, head))
				continue;
			int d = nearest_date(cx, f, f, sentence_last(cx, s));
			if (d < 0 || cx->dm[d].relative || !cx->dm[d].date.y)
				continue;
			take_date(cx, e, d, cx->dm[d].date);
			ev_why(cx, e, "; redated '%s' by 'the %s' in sentence %zu", e->date_text, head, s + 1);
			break;
		}
	}
}
