/* checks: the vetoes a trigger must pass, beyond its lexicon entry: the words around it
 * that show it names no new event (a figure of speech, a habit, background, a tally). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "extract/events_int.h"

/* One of words among the reach tokens before tok, in its clause (no punctuation between). */
int word_before(const struct ectx *cx, size_t tok, size_t s_first, size_t reach,
		enum cue_id words)
{
	for (size_t i = tok; i > s_first && tok - i < reach; i--) {
		if (cx->t.tok[i - 1].flags & TOK_PUNCT)
			break;
		if (cx_cue(cx, i - 1, words))
			return 1;
	}
	return 0;
}

static int date_in_clause(const struct ectx *cx, size_t from, size_t to)
{
	for (size_t d = dm_lower(cx, from); d < cx->n_dm && cx->dm[d].first < to; d++)
		if (date_usable(cx, d)) {
			for (size_t i = from; i < cx->dm[d].first; i++)
				if (cx_is(cx, i, ",") || cx_is(cx, i, ";"))
					return 0;
			return 1;
		}
	return 0;
}

/* A sentence that sums up a period: a "since" date with a perfect verb ("More than 300
 * civilians have been killed in Ituri since May 1"). */
static int month_word(const struct ectx *cx, size_t i)
{
	if (i >= cx->t.n)
		return 0;
	const char *w = cx->t.tok[i].norm;
	size_t len = 0;
	return (month_at(w, &len) && len == strlen(w)) ||
	       ((cx->t.tok[i].flags & TOK_NUMBER) && strlen(w) == 4);
}

/* Totals over a period: "between January and March", "so far this year", "over the past
 * month", "since the start of the war", "in the first half of the year". */
static int period_phrase(const struct ectx *cx, size_t i)
{
	if (cx_is(cx, i, "between") && month_word(cx, i + 1))
		for (size_t j = i + 2; j < i + 5 && j < cx->t.n; j++)
			if (cx_is(cx, j, "and") && month_word(cx, j + 1))
				return 1;
	if (cx_is(cx, i, "so") && cx_is(cx, i + 1, "far") && cx_is(cx, i + 2, "this"))
		return 1;
	/* ... but "over the past 24 hours" is a daily report of single events. */
	if ((cx_is(cx, i, "over") || cx_is(cx, i, "in") || cx_is(cx, i, "during")) &&
	    cx_is(cx, i + 1, "the") && (cx_is(cx, i + 2, "past") || cx_is(cx, i + 2, "last"))) {
		size_t j = i + 3;
		struct count c;
		j += number_at(&cx->t, j, cx->t.n, &c);
		if (cx_cue(cx, j, CUE_long_span))
			return 1;
	}
	if (cx_is(cx, i, "since") && cx_is(cx, i + 1, "the") &&
	    (cx_is(cx, i + 2, "start") || cx_is(cx, i + 2, "beginning") || cx_is(cx, i + 2, "outbreak")))
		return 1;
	if (cx_is(cx, i, "the") && cx_is(cx, i + 1, "first") && cx_is(cx, i + 2, "half"))
		return 1;
	return 0;
}

/* Is tok inside ", who ... ," or ", which ... ,"? */
static int in_relative_aside(const struct ectx *cx, size_t s, size_t tok)
{
	int aside = 0;
	for (size_t i = sentence_first(cx, s); i < tok; i++)
		if (cx_is(cx, i, ","))
			aside = cx_is(cx, i + 1, "who") || cx_is(cx, i + 1, "which");
	return aside;
}

int aggregate_sentence(const struct ectx *cx, size_t s)
{
	int since = 0, perfect = 0;
	for (size_t d = dm_lower(cx, sentence_first(cx, s)); d < cx->n_dm &&
	     cx->dm[d].first < sentence_last(cx, s); d++)
		if ((cx->dm[d].flags & DM_SINCE) && !in_relative_aside(cx, s, cx->dm[d].first))
			since = 1;
	/* "More than 900 people have been killed since the feud turned violent": a running
	 * total, whatever the since-clause names. */
	long dead = 0;
	for (size_t c = cas_lower(cx, s); c < cx->n_cas && cx->t.tok[cx->cas[c].pos].sentence == s; c++)
		if (cx->cas[c].kind == CAS_KILLED && cx->cas[c].count.value > dead)
			dead = cx->cas[c].count.value;
	int aside = 0; /* inside ", who have been deployed since July 2021," */
	for (size_t i = sentence_first(cx, s); i < sentence_last(cx, s); i++) {
		if (cx_is(cx, i, ",") && (cx_is(cx, i + 1, "who") || cx_is(cx, i + 1, "which")))
			aside = 1;
		else if (cx_is(cx, i, ","))
			aside = 0;
		if (aside)
			continue;
		if (cx_is(cx, i, "since") && ((cx->t.tok[i + 1].flags & TOK_NUMBER) || dead >= 50))
			since = 1;
		if (cx_is(cx, i, "has") || cx_is(cx, i, "have"))
			perfect = 1;
		if (period_phrase(cx, i))
			return 1;
	}
	return since && perfect;
}

int has_date(const struct ectx *cx, size_t s)
{
	for (size_t d = dm_lower(cx, sentence_first(cx, s)); d < cx->n_dm &&
	     cx->dm[d].first < sentence_last(cx, s); d++)
		if (date_usable(cx, d))
			return 1;
	return 0;
}

/* --- named checks ------------------------------------------------------------------------- */

/* What a check sees: the trigger mention k, its lexicon entry and its sentence. */
struct site {
	const struct ectx *cx;
	int k;
	const struct trigger_def *d;
	const struct trigger_mention *m;
	size_t s_first, s_last, s;
};

/* "in X hands" / "under X control" need the actor between. */
static int stative_without_holder(const struct site *t)
{
	const struct ectx *cx = t->cx;
	if (!(t->d->flags & TR_STATIVE))
		return 0;
	size_t a = t->m->first;
	while (a > t->s_first && t->m->first - a < 5 && !cx_is(cx, a - 1, "in") && !cx_is(cx, a - 1, "under"))
		a--;
	return a == t->s_first || t->m->first - a >= 5 || actor_after(cx, a, t->m->first) < 0;
}

/* "fell to the Taliban", "Kunduz fell": a place falls; "the shells fell on houses" is no
 * takeover. */
static int fall_without_place(const struct site *t)
{
	const struct ectx *cx = t->cx;
	const struct trigger_mention *m = t->m;
	if (!(t->d->flags & TR_FALL))
		return 0;
	int ok = 0;
	for (size_t i = m->last; i < t->s_last && i < m->last + 4 && !ok; i++)
		ok = cx_cue(cx, i, CUE_fall_to);
	for (size_t i = m->first; i > t->s_first && m->first - i < 2 && !ok; i--)
		ok = cx_cue(cx, i - 1, CUE_fallen_place);
	int pb = place_before(cx, (size_t)t->k, t->s_first);
	if (!ok && pb >= 0 && cx->pm[pb].last + 6 >= m->first)
		ok = 1;
	return !ok;
}

/* "the besieged capital", "a captured soldier": a participle used as an adjective. */
static int participle_adjective(const struct site *t)
{
	const struct ectx *cx = t->cx;
	const struct trigger_mention *m = t->m;
	if (!(t->d->flags & TR_VERB) || m->last != m->first + 1 || m->first <= t->s_first)
		return 0;
	const char *w = cx->t.tok[m->first].norm;
	size_t wl = strlen(w);
	return wl > 3 && !strcmp(w + wl - 2, "ed") && cx_cue(cx, m->first - 1, CUE_article_det);
}

/* "fought a running gun battle", "carried out a deadly attack": the verb's object is the
 * event's own name; the noun carries it. */
static int verb_of_event_noun(const struct site *t)
{
	const struct ectx *cx = t->cx;
	const struct trigger_mention *m = t->m;
	if (!(t->d->flags & TR_VERB) || (size_t)t->k + 1 >= cx->n_tm || violence_rank(t->d->cls) > 3)
		return 0;
	const struct trigger_mention *next = &cx->tm[t->k + 1];
	const struct trigger_def *nd = tdef(cx, t->k + 1);
	if (!(nd->flags & TR_NOUN) || violence_rank(nd->cls) > 3 || next->first < m->last ||
	    next->first - m->last > 3)
		return 0;
	/* "Two rockets struck": a counted word is a noun, and a past verb after it is no event
	 * noun; the rockets are the event. */
	struct count c;
	if (m->first > t->s_first && (number_at(&cx->t, m->first - 1, m->first, &c) ||
				      cx_cue(cx, m->first - 1, CUE_nominal_det)))
		return 0;
	if (verb_form(cx, next, nd) ||
	    (next->last == next->first + 1 && cx_cue(cx, next->first, CUE_irregular_past)))
		return 0;
	for (size_t i = m->last; i < next->first; i++) {
		const struct token *w = &cx->t.tok[i];
		if (!(w->flags & TOK_WORD) || (w->flags & TOK_CAP) || (w->flags & TOK_NUMBER) ||
		    cx_is(cx, i, "and") || cx_is(cx, i, "or") || cx_is(cx, i, "in") ||
		    cx_is(cx, i, "on") || cx_is(cx, i, "with") || cx_is(cx, i, "after") ||
		    cx_is(cx, i, "during") || cx_is(cx, i, "by") || cx_is(cx, i, "to"))
			return 0;
	}
	return 1;
}

/* "rights groups say security operations have fuelled support": plural events with no date
 * or place, in the present or perfect, are talk about a conflict, not news. */
static int talk_about_conflict(const struct site *t)
{
	const struct ectx *cx = t->cx;
	if (!(t->d->flags & TR_NOUN) || has_date(cx, t->s))
		return 0;
	const char *w = cx->t.tok[t->m->last - 1].norm;
	size_t wl = strlen(w);
	int plural = wl > 3 && w[wl - 1] == 's' && w[wl - 2] != 's';
	int placed = 0, present = 0;
	for (size_t p = pm_lower(cx, t->s_first); p < cx->n_pm && cx->pm[p].first < t->s_last; p++)
		placed |= usable_place(cx, p);
	for (size_t i = t->s_first; i < t->s_last; i++)
		present |= cx_cue(cx, i, CUE_present_talk);
	return plural && !placed && present;
}

/* "The fighting has driven thousands out": the war as a subject, not an event. */
static int war_as_subject(const struct site *t)
{
	const struct ectx *cx = t->cx;
	return (t->d->flags & TR_NOUN) && (cx_is(cx, t->m->last, "has") || cx_is(cx, t->m->last, "have")) &&
	       !has_date(cx, t->s);
}

/* "launched more than 800 glide bombs this week", "dozens of drones over the month": a tally
 * over a period. A count of ten or more strikes, or a vague plural, with a week, month or
 * year named in the sentence. */
static int tally_over_period(const struct site *t)
{
	const struct ectx *cx = t->cx;
	const struct trigger_mention *m = t->m;
	if (!(t->d->flags & TR_NOUN))
		return 0;
	struct count c;
	int many = 0, period = 0;
	for (size_t i = m->first; i > t->s_first && m->first - i <= 4 && !many; i--) {
		size_t n = number_at(&cx->t, i - 1, m->first, &c);
		if (n && i - 1 + n + 1 >= m->first && !verb_form(cx, m, t->d) &&
		    (c.value >= 10 || c.vague))
			many = 1;
	}
	for (size_t i = t->s_first; i < t->s_last && many && !period; i++)
		period = cx_cue(cx, i, CUE_period_unit);
	return many && period;
}

/* "The protest followed a violent weekend", "The attack came days after": the event already
 * reported, named again as a subject. */
static int named_again(const struct site *t)
{
	const struct ectx *cx = t->cx;
	return (t->d->flags & TR_NOUN) && t->m->first == t->s_first + 1 && cx_is(cx, t->s_first, "the") &&
	       !has_date(cx, t->s) && cx_cue(cx, t->m->last, CUE_repeat_verb);
}

/* "blew himself up at a political rally": the rally is where the attack happened. */
static int protest_as_venue(const struct site *t)
{
	const struct ectx *cx = t->cx;
	const struct trigger_mention *m = t->m;
	if (!is_protest(t->d->cls) || !(t->d->flags & TR_NOUN) || t->k == 0 ||
	    cx->t.tok[cx->tm[t->k - 1].first].sentence != t->s || violence_rank(tdef(cx, t->k - 1)->cls) > 3)
		return 0;
	size_t i = m->first, words = 0;
	while (i > t->s_first && words < 3 && !(cx->t.tok[i - 1].flags & TOK_PUNCT) &&
	       !cx_cue(cx, i - 1, CUE_venue_prep))
		i--, words++;
	return i > t->s_first && cx_cue(cx, i - 1, CUE_venue_prep);
}

/* "as fighting raged", "while clashes continued": the backdrop of another event. */
static int backdrop(const struct site *t)
{
	const struct ectx *cx = t->cx;
	const struct trigger_mention *m = t->m;
	return (t->d->flags & TR_NOUN) && m->first > t->s_first &&
	       (cx_is(cx, m->first - 1, "as") || cx_is(cx, m->first - 1, "while")) &&
	       cx_cue(cx, m->last, CUE_going_on);
}

/* "who remained actively involved in numerous terrorist activities ... as well as target
 * killing of civilians": a record of past deeds, however long the list (to the clause). */
static int record_of_deeds(const struct site *t)
{
	const struct ectx *cx = t->cx;
	const struct trigger_mention *m = t->m;
	if (!(t->d->flags & TR_NOUN))
		return 0;
	for (size_t i = m->first; i > t->s_first; i--) { /* to the clause's start, however far */
		if (cx_is(cx, i - 1, ";") || cx_is(cx, i - 1, ":"))
			break;
		/* "a gangster, who was involved in robberies, was killed by a mob": the main
		 * clause goes on after the relative one. */
		if (cx_is(cx, i - 1, ",") && cx_cue(cx, i, CUE_cas_aux))
			break;
		if (cx_cue(cx, i - 1, CUE_record_of) && (cx_is(cx, i, "in") || cx_is(cx, i, "for")))
			return 1;
	}
	return 0;
}

/* "captured", "took": territory only when a place is what was taken, or people. */
static int capture_without_place(const struct site *t)
{
	const struct ectx *cx = t->cx;
	const struct trigger_mention *m = t->m;
	if (t->d->cls != EC_CAPTURE_PLACE)
		return 0;
	int place_next = 0;
	for (size_t p = pm_lower(cx, m->last); p < cx->n_pm && cx->pm[p].first <= m->last + 3; p++)
		if (cx->pm[p].place >= 0 && gz_place(cx->ex->gz, cx->pm[p].place)->kind != PK_COUNTRY)
			place_next = 1;
	int passive = m->first > t->s_first && (cx_is(cx, m->first - 1, "was") ||
					       cx_is(cx, m->first - 1, "were") ||
					       cx_is(cx, m->first - 1, "been")) &&
		      place_before(cx, (size_t)t->k, t->s_first) >= 0;
	/* ... or a word for a place: "seized two provincial capitals", "took the town". */
	for (size_t i = m->last; !place_next && i < m->last + 5 && i < t->s_last; i++)
		if (cx_cue(cx, i, CUE_place_noun))
			place_next = 1;
	return !place_next && !passive && !people_taken_at(cx, t->k, t->s_first, t->s_last);
}

/* Habitual present: "groups that recruit", "they attack convoys" describe what someone does,
 * not an event. A base-form verb after a relative pronoun or a plural subject, after the
 * lead: a headline and a lead tell news in the present ("Raiders attack a village"). */
static int habitual_present(const struct site *t)
{
	const struct ectx *cx = t->cx;
	const struct trigger_mention *m = t->m;
	if (m->last != m->first + 1 || !is_base_form(cx, m->first) || m->first <= t->s_first ||
	    t->s <= 1)
		return 0;
	const struct token *p = &cx->t.tok[m->first - 1];
	size_t pl = strlen(p->norm);
	return cx_cue(cx, m->first - 1, CUE_habit_subject) ||
	       ((p->flags & TOK_WORD) && !(p->flags & TOK_CAP) && pl > 3 && p->norm[pl - 1] == 's' &&
		p->norm[pl - 2] != 's' && !(p->flags & TOK_POSS));
}

/* "a herder is killed every week", "raids each night": with no date in the sentence, a
 * frequency says what keeps happening, not what happened ("every guard" is no frequency). */
static int recurring(const struct site *t)
{
	const struct ectx *cx = t->cx;
	if (has_date(cx, t->s))
		return 0;
	for (size_t i = t->s_first; i + 1 < t->s_last; i++) {
		if (!cx_is(cx, i, "every") && !cx_is(cx, i, "each"))
			continue;
		size_t unit = i + 1;
		if (cx_is(cx, unit, "few") || cx_is(cx, unit, "other") ||
		    (cx->t.tok[unit].flags & TOK_NUMBER))
			unit++;
		if (cx_cue(cx, unit, CUE_recurring_unit))
			return 1;
	}
	return 0;
}

/* A weak trigger alone makes an event only where a place is named, or referred to ("in the
 * city", "near the town"), or in the first sentence, which tells the news whether or not it places it;
 * its frame still asks for evidence. */
static int weak_without_place(const struct site *t)
{
	const struct ectx *cx = t->cx;
	if (!(t->d->flags & TR_WEAK) || t->d->cls == EC_KILL || t->s == 0)
		return 0;
	for (size_t p = pm_lower(cx, t->s_first); p < cx->n_pm && cx->pm[p].first < t->s_last; p++)
		if (usable_place(cx, p))
			return 0;
	for (size_t i = t->s_first; i + 2 < t->s_last; i++)
		if ((cx_is(cx, i, "in") || cx_is(cx, i, "near") || cx_is(cx, i, "outside")) &&
		    cx_is(cx, i + 1, "the") && cx_cue(cx, i + 2, CUE_town_noun))
			return 0;
	return 1;
}

/* "Ten years after Boko Haram fighters abducted...": remembrance of an old event. */
static int years_after(const struct site *t)
{
	const struct ectx *cx = t->cx;
	const struct trigger_mention *m = t->m;
	for (size_t i = m->first; i > t->s_first && m->first - i < 10; i--)
		if ((cx_is(cx, i - 1, "after") || cx_is(cx, i - 1, "since")) && i >= 3 + t->s_first &&
		    (cx_is(cx, i - 2, "years") || cx_is(cx, i - 2, "decades")))
			return 1;
	return 0;
}

/* "JNIM claimed to have killed 40 soldiers and seized weapons": a claim. */
static int claimed_only(const struct site *t)
{
	return claimed_scope(t->cx, t->m->first) != (size_t)-1;
}

/* "dispersed in the evening without incident", "the protesters dispersed" on their own: the
 * crowd went home. */
static int crowd_went_home(const struct site *t)
{
	const struct ectx *cx = t->cx;
	const struct trigger_mention *m = t->m;
	if (t->d->cls != EC_PROTEST_INTERVENTION)
		return 0;
	for (size_t i = m->last; i < t->s_last && i < m->last + 6; i++)
		if ((cx_is(cx, i, "without") && cx_is(cx, i + 1, "incident")) ||
		    (cx_is(cx, i, "on") && cx_is(cx, i + 1, "their")))
			return 1;
	int subj = actor_before(cx, m->first, t->s_first);
	return subj >= 0 && cx->am[subj].inter == INTER_PROTESTERS && cx->am[subj].last == m->first;
}

/* "gunmen blocked the highway": armed men are not protesters; but police officers who
 * protest in so many words ("officers protested over unpaid allowances") are. */
static int armed_protester(const struct site *t)
{
	const struct ectx *cx = t->cx;
	const struct trigger_def *d = t->d;
	if (!is_protest(d->cls) || d->cls == EC_PROTEST_INTERVENTION || d->cls == EC_PROTEST_FORCE ||
	    cx_cue(cx, t->m->first, CUE_protest_word))
		return 0;
	int subj = actor_before(cx, t->m->first, t->s_first);
	return subj >= 0 && (inter_is_armed(cx->am[subj].inter) || cx->am[subj].inter == INTER_EXTERNAL) &&
	       t->m->first - cx->am[subj].last <= 2;
}

/* "years of sporadic fighting", "decades of conflict": a period, not an event. */
static int span_of_fighting(const struct site *t)
{
	const struct ectx *cx = t->cx;
	const struct trigger_mention *m = t->m;
	for (size_t i = m->first; i > t->s_first && m->first - i < 4; i--)
		if (cx_is(cx, i - 1, "of") && i >= 2 + t->s_first && cx_cue(cx, i - 2, CUE_span_of))
			return 1;
	return 0;
}

/* "A day after the raid, ...", "following the attack": the event named again as a time
 * reference; it was reported where it happened. */
static int reference_in_time(const struct site *t)
{
	const struct ectx *cx = t->cx;
	size_t f = t->m->first;
	return (t->d->flags & TR_NOUN) && f >= t->s_first + 2 && cx_is(cx, f - 1, "the") &&
	       cx_cue(cx, f - 2, CUE_time_reference);
}

/* "Merrill Lynch", "Colin McRae Rally", "Assault on Precinct 13": a trigger written with capitals
 * inside a sentence that is not itself in title case is part of a name. */
static int part_of_name(const struct site *t)
{
	const struct ectx *cx = t->cx;
	const struct trigger_mention *m = t->m;
	if (m->first == t->s_first || !(cx->t.tok[m->first].flags & TOK_CAP) ||
	    (t->d->phrase[0] >= 'A' && t->d->phrase[0] <= 'Z') || /* "Shahed drones", "Grad rockets" */
	    (cx->t.tok[m->first].flags & TOK_ALLCAPS) || (cx->t.tok[m->first - 1].flags & TOK_QUOTE) ||
	    cx_is(cx, m->first - 1, ":"))
		return 0;
	size_t words = 0, caps = 0;
	for (size_t i = t->s_first + 1; i < t->s_last; i++)
		if (cx->t.tok[i].flags & TOK_WORD) {
			words++;
			caps += (cx->t.tok[i].flags & TOK_CAP) != 0;
		}
	return caps * 3 < words * 2; /* a headline in title case keeps its capitals */
}

/* "electro-clash", "pre-match attack": a trigger joined by a hyphen to the word before it
 * is the tail of a compound of another sense; not after a name ("Taliban-planted mine",
 * "Houthi-launched drones"), which says who did it. */
static int compound_tail(const struct site *t)
{
	const struct ectx *cx = t->cx;
	const struct token *before = t->m->first > t->s_first ? &cx->t.tok[t->m->first - 1] : NULL;
	return before && (cx->t.tok[t->m->first].flags & TOK_HYPHEN) && (before->flags & TOK_WORD) &&
	       !(before->flags & (TOK_NUMBER | TOK_CAP));
}

/* "burned 20 shops", "the homes of 12 families were burned": burning is an event only with
 * property burned, after an active verb or before a passive one; "burned fuel", "burned two
 * defenders" are not. */
static int burning_without_property(const struct site *t)
{
	const struct ectx *cx = t->cx;
	const struct trigger_mention *m = t->m;
	if (!cx_cue(cx, m->first, CUE_burn_verb))
		return 0;
	for (size_t i = m->first + 1; i < m->last; i++)
		if (!cx_is(cx, i, "down") && !cx_is(cx, i, "out"))
			return 0; /* a phrase that says what burned: "burned tyres" */
	for (size_t i = m->last; i < t->s_last && i < m->last + 6; i++) {
		if (cx->t.tok[i].flags & TOK_PUNCT)
			break;
		if (cx_cue(cx, i, CUE_property_noun))
			return 0;
	}
	int passive = m->first > t->s_first && (cx_is(cx, m->first - 1, "was") ||
		      cx_is(cx, m->first - 1, "were") || cx_is(cx, m->first - 1, "been"));
	for (size_t i = m->first; passive && i > t->s_first && m->first - i < 10; i--) {
		if (cx_cue(cx, i - 1, CUE_clause_break))
			break;
		if (cx_cue(cx, i - 1, CUE_property_noun))
			return 0;
	}
	return 1;
}

/* A result in the sentence ("beat Wales 6-0", "won 7-5 6-3") and no one killed or hurt: a
 * game, where sides attack, clash and beat each other. */
static int sports_result(const struct site *t)
{
	const struct ectx *cx = t->cx;
	for (size_t i = t->s_first; i + 1 < t->s_last; i++) {
		const struct token *a = &cx->t.tok[i], *b = &cx->t.tok[i + 1];
		if ((a->flags & TOK_NUMBER) && (b->flags & TOK_NUMBER) && (b->flags & TOK_HYPHEN) &&
		    a->len <= 2 && b->len <= 2) {
			for (size_t c = cas_lower(cx, t->s); c < cx->n_cas &&
			     cx->t.tok[cx->cas[c].pos].sentence == t->s; c++)
				if (cx->cas[c].kind != CAS_DETAINED)
					return 0;
			return 1;
		}
	}
	return 0;
}

struct check {
	const char *name;
	int (*vetoes)(const struct site *t);
};

/* The checks rules.tsv cannot say, in the order they are tried. */
static const struct check structural[] = {
	{ "stative_without_holder", stative_without_holder },
	{ "fall_without_place", fall_without_place },
	{ "participle_adjective", participle_adjective },
	{ "verb_of_event_noun", verb_of_event_noun },
	{ "talk_about_conflict", talk_about_conflict },
	{ "war_as_subject", war_as_subject },
	{ "tally_over_period", tally_over_period },
	{ "named_again", named_again },
	{ "protest_as_venue", protest_as_venue },
	{ "backdrop", backdrop },
	{ "record_of_deeds", record_of_deeds },
	{ "capture_without_place", capture_without_place },
	{ "habitual_present", habitual_present },
	{ "recurring", recurring },
	{ "weak_without_place", weak_without_place },
	{ "years_after", years_after },
	{ "claimed_only", claimed_only },
	{ "crowd_went_home", crowd_went_home },
	{ "armed_protester", armed_protester },
	{ "span_of_fighting", span_of_fighting },
	{ "reference_in_time", reference_in_time },
	{ "part_of_name", part_of_name },
	{ "compound_tail", compound_tail },
	{ "sports_result", sports_result },
	{ "burning_without_property", burning_without_property },
};

/* --- rules from rules.tsv --------------------------------------------------------------------- */

static int stops_at(const struct ectx *cx, const struct rule *r, size_t i)
{
	switch (r->stop) {
	case RULE_STOP_PUNCT: return (cx->t.tok[i].flags & TOK_PUNCT) != 0;
	case RULE_STOP_CLAUSE: return cx_is(cx, i, ";") || cx_is(cx, i, ":") || cx_is(cx, i, ".");
	case RULE_STOP_COMMA: return cx_is(cx, i, ",") || cx_is(cx, i, ";");
	case RULE_STOP_CUE: return cue_in_row(cx->cue_row[i], (size_t)r->stop_cue);
	default: return 0;
	}
}

/* A word of the rule's cue within its reach of the trigger, before a stop, with no word of its
 * unless cue there. */
static int rule_window(const struct ectx *cx, const struct rule *r, const struct trigger_mention *m,
		       size_t s_first, size_t s_last)
{
	int found = 0;
	for (size_t n = 0; n < r->reach; n++) {
		size_t i;
		if (r->dir == RULE_BEFORE) {
			if (m->first <= s_first + n)
				break;
			i = m->first - 1 - n;
		} else {
			i = m->last + n;
			if (i >= s_last)
				break;
		}
		if (stops_at(cx, r, i))
			break;
		if (r->unless >= 0 && cue_in_row(cx->cue_row[i], (size_t)r->unless))
			return 0;
		found |= cue_in_row(cx->cue_row[i], (size_t)r->cue);
	}
	return found;
}

int rule_fires(const struct ectx *cx, const struct rule *r, int k, enum ev_class cls, size_t s)
{
	const struct trigger_def *d = tdef(cx, k);
	const struct trigger_mention *m = &cx->tm[k];
	size_t s_first = sentence_first(cx, s), s_last = sentence_last(cx, s);
	if (!(r->classes & (1u << cls)))
		return 0;
	if (((r->when & RULE_WHEN_NOUN) && !(d->flags & TR_NOUN)) ||
	    ((r->when & RULE_WHEN_VERB) && !(d->flags & TR_VERB)) ||
	    ((r->when & RULE_WHEN_AFTER_LEAD) && s <= 1) ||
	    ((r->when & RULE_WHEN_NOT_VERB_FORM) && verb_form(cx, m, d)))
		return 0;
	if (!rule_window(cx, r, m, s_first, s_last))
		return 0;
	return !((r->when & RULE_WHEN_UNDATED) && has_date(cx, s)) &&
	       !((r->when & RULE_WHEN_UNDATED_CLAUSE) && date_in_clause(cx, m->last, s_last));
}

static const char *first_veto(const struct ectx *cx, int k, size_t s_first, size_t s_last, size_t s,
			      const char **kind)
{
	const struct site t = { cx, k, tdef(cx, k), &cx->tm[k], s_first, s_last, s };
	const struct rule_lex *rules = cx->ex->rules;
	*kind = NULL;
	for (size_t i = 0; i < sizeof(structural) / sizeof(structural[0]); i++)
		if (structural[i].vetoes(&t)) {
			*kind = "check";
			return structural[i].name;
		}
	for (size_t i = 0; i < rules->n; i++)
		if (rules->r[i].then == RULE_DROP && (rules->r[i].classes & (1u << t.d->cls)) &&
		    rule_fires(cx, &rules->r[i], k, t.d->cls, s)) {
			*kind = "rule";
			return rules->r[i].name;
		}
	return NULL;
}

/* The trigger's sentence bounds are always the same for one trigger, so the answer is worked
 * out once (the cache is the mention's own; the extraction context is otherwise read-only
 * here). */
const char *trigger_veto(const struct ectx *cx, int k, size_t s_first, size_t s_last, size_t s,
			 const char **kind)
{
	struct trigger_mention *m = &cx->tm[k];
	if (!m->veto_known) {
		m->veto = first_veto(cx, k, s_first, s_last, s, &m->veto_kind);
		m->veto_known = 1;
	}
	*kind = m->veto_kind;
	return m->veto;
}

int trigger_fits(const struct ectx *cx, int k, size_t s_first, size_t s_last, size_t s)
{
	const char *kind;
	return trigger_veto(cx, k, s_first, s_last, s, &kind) == NULL;
}
