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

/* The date nearest the anchor within [from, to): the stretch of the sentence that belongs
 * to this trigger, so that "seized X on Friday and Y the next day" dates each. */
static int nearest_date(const struct ectx *cx, size_t anchor, size_t from, size_t to)
{
	int best = -1;
	size_t best_dist = (size_t)-1;
	for (size_t d = dm_lower(cx, from); d < cx->n_dm && cx->dm[d].first < to; d++) {
		if (!date_usable(cx, d))
			continue;
		size_t pos = cx->dm[d].first;
		size_t dist = pos > anchor ? pos - anchor : anchor - pos;
		if (dist < best_dist) {
			best_dist = dist;
			best = (int)d;
		}
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
	for (int k = tm - 1; k >= 0 && cx->t.tok[cx->tm[k].first].sentence == s; k--)
		if (!(tdef(cx, k)->flags & (TR_WEAK | TR_BLOCK))) {
			*from = cx->tm[k].last;
			break;
		}
	for (size_t k = (size_t)tm + 1; k < cx->n_tm && cx->t.tok[cx->tm[k].first].sentence == s; k++)
		if (!(tdef(cx, (int)k)->flags & (TR_WEAK | TR_BLOCK)) &&
		    !manner_trigger(cx, k, cx->tm[tm].last)) {
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
	/* After an earlier trigger, dates before this one belong to that one. */
	int d = -1;
	if (from > sentence_first(cx, e->sentence))
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
		return;
	}
	/* No date in the sentence: the last event of the paragraph, the lead's date, or the
	 * publication date at week precision. */
	const struct event *prev = context_event(cx, e);
	if (prev) {
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
		if (date_usable(cx, d) && !(cx->dm[d].flags & DM_BACKGROUND) && cx->dm[d].date.y &&
		    !cx->dm[d].relative)
			return (int)d;
	}
	return -1;
}

/* Events dated more than two years before publication are history, not news. */
#define HISTORY_DAYS 730

void drop_history(struct ectx *cx, struct event *e)
{
	if (!e->event_date.y || !cx->pub.y)
		return;
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
