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

int trigger_fits(const struct ectx *cx, int k, size_t s_first, size_t s_last, size_t s)
{
	const struct trigger_def *d = tdef(cx, k);
	const struct trigger_mention *m = &cx->tm[k];
	/* "in X hands" / "under X control" need the actor between. */
	if (d->flags & TR_STATIVE) {
		size_t a = m->first;
		while (a > s_first && m->first - a < 5 && !cx_is(cx, a - 1, "in") && !cx_is(cx, a - 1, "under"))
			a--;
		if (a == s_first || m->first - a >= 5 || actor_after(cx, a, m->first) < 0)
			return 0;
	}
	/* "fell to the Taliban", "Kunduz fell": a place falls; "the shells fell on houses" is
	 * no takeover. */
	if (d->flags & TR_FALL) {
		int ok = 0;
		for (size_t i = m->last; i < s_last && i < m->last + 4 && !ok; i++)
			ok = cx_cue(cx, i, CUE_fall_to);
		for (size_t i = m->first; i > s_first && m->first - i < 2 && !ok; i--)
			ok = cx_cue(cx, i - 1, CUE_fallen_place);
		int pb = place_before(cx, (size_t)k, s_first);
		if (!ok && pb >= 0 && cx->pm[pb].last + 6 >= m->first)
			ok = 1;
		if (!ok)
			return 0;
	}
	/* "the besieged capital", "a captured soldier": a participle used as an adjective. */
	if ((d->flags & TR_VERB) && m->last == m->first + 1 && m->first > s_first) {
		const char *w = cx->t.tok[m->first].norm;
		size_t wl = strlen(w);
		if (wl > 3 && !strcmp(w + wl - 2, "ed") && cx_cue(cx, m->first - 1, CUE_article_det))
			return 0;
	}
	/* "fought a running gun battle", "carried out a deadly attack": the verb's object is
	 * the event's own name; the noun carries it. */
	if ((d->flags & TR_VERB) && (size_t)k + 1 < cx->n_tm && violence_rank(d->cls) <= 3) {
		const struct trigger_mention *next = &cx->tm[k + 1];
		const struct trigger_def *nd = tdef(cx, k + 1);
		if ((nd->flags & TR_NOUN) && violence_rank(nd->cls) <= 3 && next->first >= m->last &&
		    next->first - m->last <= 3) {
			int plain = 1;
			for (size_t i = m->last; i < next->first; i++) {
				const struct token *w = &cx->t.tok[i];
				if (!(w->flags & TOK_WORD) || (w->flags & TOK_CAP) || (w->flags & TOK_NUMBER) ||
				    cx_is(cx, i, "and") || cx_is(cx, i, "or") || cx_is(cx, i, "in") ||
				    cx_is(cx, i, "on") || cx_is(cx, i, "with") || cx_is(cx, i, "after") ||
				    cx_is(cx, i, "during") || cx_is(cx, i, "by") || cx_is(cx, i, "to"))
					plain = 0;
			}
			if (plain)
				return 0;
		}
	}
	/* "the earthquake that struck near Mandalay, killing 3,700": nature, not conflict. */
	for (size_t i = m->first; i > s_first && m->first - i < 5; i--)
		if (cx_cue(cx, i - 1, CUE_disaster))
			return 0;
	/* "rights groups say security operations have fuelled support": plural events with no
	 * date or place, in the present or perfect, are talk about a conflict, not news. */
	if ((d->flags & TR_NOUN) && !has_date(cx, s)) {
		const char *w = cx->t.tok[m->last - 1].norm;
		size_t wl = strlen(w);
		int plural = wl > 3 && w[wl - 1] == 's' && w[wl - 2] != 's';
		int placed = 0, present = 0;
		for (size_t p = pm_lower(cx, s_first); p < cx->n_pm && cx->pm[p].first < s_last; p++)
			placed |= usable_place(cx, p);
		for (size_t i = s_first; i < s_last; i++)
			present |= cx_cue(cx, i, CUE_present_talk);
		if (plural && !placed && present)
			return 0;
	}
	/* "The fighting has driven thousands out": the war as a subject, not an event. */
	if ((d->flags & TR_NOUN) && (cx_is(cx, m->last, "has") || cx_is(cx, m->last, "have")) &&
	    !has_date(cx, s))
		return 0;
	/* "accused the RSF and allied militias of ethnically targeted killings": an accusation
	 * across the clause. */
	for (size_t i = m->first; i > s_first && m->first - i < 16; i--) {
		if (cx_is(cx, i - 1, ";") || cx_is(cx, i - 1, ".") || cx_is(cx, i - 1, ":"))
			break;
		if (cx_is(cx, i - 1, "accused") || cx_is(cx, i - 1, "accusing") ||
		    cx_is(cx, i - 1, "accuses") || cx_is(cx, i - 1, "accusations"))
			return 0;
	}
	/* "launched more than 800 glide bombs this week": a tally over a period. */
	if (d->flags & TR_NOUN) {
		struct count c;
		int many = 0, period = 0;
		for (size_t i = m->first; i > s_first && m->first - i <= 4 && !many; i--) {
			size_t n = number_at(&cx->t, i - 1, m->first, &c);
			if (n && i - 1 + n + 1 >= m->first && !verb_form(cx, m, d) &&
			    (c.value >= 50 || (c.vague && c.value >= 12)))
				many = 1;
		}
		for (size_t i = s_first; i < s_last && many && !period; i++)
			period = cx_is(cx, i, "week") || cx_is(cx, i, "weeks") || cx_is(cx, i, "month") ||
				 cx_is(cx, i, "months") || cx_is(cx, i, "year") || cx_is(cx, i, "years");
		if (many && period)
			return 0;
	}
	/* "with JNIM fighters regularly blockading roads and attacking army posts": habits. */
	if (!has_date(cx, s)) {
		if (word_before(cx, m->first, s_first, 7, CUE_habit))
			return 0;
	}
	/* "The protest followed a violent weekend", "The attack came days after": the event
	 * already reported, named again as a subject. */
	if ((d->flags & TR_NOUN) && m->first == s_first + 1 && cx_is(cx, s_first, "the") &&
	    !has_date(cx, s)) {
		if (cx_cue(cx, m->last, CUE_repeat_verb))
			return 0;
	}
	/* "released 12 hostages": the end of an abduction, not a new one. */
	if (d->cls == EC_ABDUCTION)
		for (size_t i = m->first; i > s_first && m->first - i <= 4; i--)
			if (cx_is(cx, i - 1, "released") || cx_is(cx, i - 1, "freed") ||
			    cx_is(cx, i - 1, "rescued") || cx_is(cx, i - 1, "release") ||
			    cx_is(cx, i - 1, "freeing") || cx_is(cx, i - 1, "releasing"))
				return 0;
	/* "blew himself up at a political rally": the rally is where the attack happened. */
	if (is_protest(d->cls) && (d->flags & TR_NOUN) && k > 0 &&
	    cx->t.tok[cx->tm[k - 1].first].sentence == s && violence_rank(tdef(cx, k - 1)->cls) <= 3) {
		size_t i = m->first, words = 0;
		while (i > s_first && words < 3 && !(cx->t.tok[i - 1].flags & TOK_PUNCT) &&
		       !cx_is(cx, i - 1, "at") && !cx_is(cx, i - 1, "on") && !cx_is(cx, i - 1, "targeting") &&
		       !cx_is(cx, i - 1, "near") && !cx_is(cx, i - 1, "into"))
			i--, words++;
		if (i > s_first && (cx_is(cx, i - 1, "at") || cx_is(cx, i - 1, "on") ||
				    cx_is(cx, i - 1, "targeting") || cx_is(cx, i - 1, "near") ||
				    cx_is(cx, i - 1, "into")))
			return 0;
	}
	/* "as fighting raged", "while clashes continued": the backdrop of another event. */
	if ((d->flags & TR_NOUN) && m->first > s_first &&
	    (cx_is(cx, m->first - 1, "as") || cx_is(cx, m->first - 1, "while"))) {
		if (cx_cue(cx, m->last, CUE_going_on))
			return 0;
	}
	/* "who remained actively involved in numerous terrorist activities ... as well as target
	 * killing of civilians": a record of past deeds, however long the list. */
	if (d->flags & TR_NOUN)
		for (size_t i = m->first; i > s_first && m->first - i < 24; i--) {
			if (cx_is(cx, i - 1, ";") || cx_is(cx, i - 1, ":"))
				break;
			if ((cx_is(cx, i - 1, "involved") || cx_is(cx, i - 1, "responsible")) &&
			    (cx_is(cx, i, "in") || cx_is(cx, i, "for")))
				return 0;
		}
	/* "captured", "took": territory only when a place is what was taken. */
	if (d->cls == EC_CAPTURE_PLACE) {
		int place_next = 0;
		for (size_t p = pm_lower(cx, m->last); p < cx->n_pm && cx->pm[p].first <= m->last + 3; p++)
			if (
			    cx->pm[p].place >= 0 && cx->ex->gz->places[cx->pm[p].place].kind != PK_COUNTRY)
				place_next = 1;
		int passive = m->first > s_first && (cx_is(cx, m->first - 1, "was") ||
						     cx_is(cx, m->first - 1, "were") ||
						     cx_is(cx, m->first - 1, "been")) &&
			      place_before(cx, (size_t)k, s_first) >= 0;
		/* ... or a word for a place: "seized two provincial capitals", "took the town". */
		for (size_t i = m->last; !place_next && i < m->last + 5 && i < s_last; i++)
			if (cx_cue(cx, i, CUE_place_noun))
				place_next = 1;
		if (!place_next && !passive && !people_taken_at(cx, k, s_first, s_last))
			return 0;
	}
	/* Perfect aspect after the lead, with no date: background, not news. */
	for (size_t i = m->first; i > s_first && m->first - i < 5; i--) {
		if (cx->t.tok[i - 1].flags & TOK_PUNCT)
			break;
		if (cx_cue(cx, i - 1, CUE_perfect_aux) && s > 1 && !has_date(cx, s))
			return 0;
	}
	/* Habitual present: "groups that recruit", "they attack convoys" describe what someone
	 * does, not an event. A base-form verb after a relative pronoun or a plural subject. */
	if (m->last == m->first + 1 && is_base_form(cx, m->first) && m->first > s_first) {
		const struct token *p = &cx->t.tok[m->first - 1];
		size_t pl = strlen(p->norm);
		if (cx_cue(cx, m->first - 1, CUE_habit_subject) ||
		    ((p->flags & TOK_WORD) && !(p->flags & TOK_CAP) && pl > 3 && p->norm[pl - 1] == 's' &&
		     p->norm[pl - 2] != 's' && !(p->flags & TOK_POSS)))
			return 0;
	}
	/* A noun modifying another ("combat forces", "attack helicopters", "riot gear"). */
	if ((d->flags & TR_NOUN) && cx_cue(cx, m->last, CUE_modified_head) && !verb_form(cx, m, d))
		return 0;
	/* A weak trigger alone makes an event only where a place is named. */
	if ((d->flags & TR_WEAK) && d->cls != EC_KILL) {
		int named = 0;
		for (size_t p = pm_lower(cx, s_first); p < cx->n_pm && cx->pm[p].first < s_last; p++)
			if (usable_place(cx, p))
				named = 1;
		/* ... or referred to: "in the city", "near the town". */
		for (size_t i = s_first; i + 2 < s_last && !named; i++)
			named = (cx_is(cx, i, "in") || cx_is(cx, i, "near") || cx_is(cx, i, "outside")) &&
				cx_is(cx, i + 1, "the") &&
				(cx_is(cx, i + 2, "city") || cx_is(cx, i + 2, "town") || cx_is(cx, i + 2, "village"));
		if (!named)
			return 0;
	}
	/* "Ten years after Boko Haram fighters abducted...", "the anniversary of the attack":
	 * remembrance of an old event. */
	for (size_t i = m->first; i > s_first && m->first - i < 10; i--) {
		if (cx_is(cx, i - 1, "anniversary") || cx_is(cx, i - 1, "commemorate") ||
		    cx_is(cx, i - 1, "commemorating") || cx_is(cx, i - 1, "remembrance"))
			return 0;
		if ((cx_is(cx, i - 1, "after") || cx_is(cx, i - 1, "since")) && i >= 3 + s_first &&
		    (cx_is(cx, i - 2, "years") || cx_is(cx, i - 2, "decades")))
			return 0;
	}
	/* "JNIM claimed to have killed 40 soldiers and seized weapons": a claim. */
	if (claimed_scope(cx, m->first) != (size_t)-1)
		return 0;
	/* "dispersing peacefully", "dispersed in the evening without incident": the crowd went
	 * home; "the protesters dispersed" did so themselves. */
	if (d->cls == EC_PROTEST_INTERVENTION) {
		for (size_t i = m->last; i < s_last && i < m->last + 6; i++)
			if (cx_is(cx, i, "peacefully") || cx_is(cx, i, "quietly") ||
			    (cx_is(cx, i, "without") && cx_is(cx, i + 1, "incident")) ||
			    (cx_is(cx, i, "on") && cx_is(cx, i + 1, "their")))
				return 0;
		int subj = actor_before(cx, m->first, s_first);
		if (subj >= 0 && cx->am[subj].inter == 6 && cx->am[subj].last == m->first)
			return 0;
	}
	/* "gunmen blocked the highway": armed men are not protesters. */
	if (is_protest(d->cls) && d->cls != EC_PROTEST_INTERVENTION && d->cls != EC_PROTEST_FORCE) {
		int subj = actor_before(cx, m->first, s_first);
		if (subj >= 0 && ((cx->am[subj].inter >= 1 && cx->am[subj].inter <= 4) ||
				  cx->am[subj].inter == 8) && m->first - cx->am[subj].last <= 2)
			return 0;
	}
	/* "years of sporadic fighting", "decades of conflict": a period, not an event. */
	for (size_t i = m->first; i > s_first && m->first - i < 4; i--)
		if ((cx_is(cx, i - 1, "of") && i >= 2 + s_first &&
		     (cx_is(cx, i - 2, "years") || cx_is(cx, i - 2, "decades") ||
		      cx_is(cx, i - 2, "months") || cx_is(cx, i - 2, "history") ||
		      cx_is(cx, i - 2, "wave") || cx_is(cx, i - 2, "cycle") ||
		      cx_is(cx, i - 2, "string") || cx_is(cx, i - 2, "series") ||
		      cx_is(cx, i - 2, "spate") || cx_is(cx, i - 2, "spree") ||
		      cx_is(cx, i - 2, "rash"))))
			return 0;
	/* "since they withdrew", "since gunmen stormed the school and killed...": the start of
	 * a period, background; the clause runs to the previous comma. */
	for (size_t i = m->first; i > s_first && m->first - i < 15; i--) {
		if (cx->t.tok[i - 1].flags & TOK_PUNCT)
			break;
		if ((cx_is(cx, i - 1, "since") || cx_is(cx, i - 1, "until")) &&
		    !date_in_clause(cx, m->last, s_last))
			return 0;
	}
	/* A relative clause describing someone ("factions that toppled Assad") without a date of
	 * its own is background. */
	if (m->first > s_first && cx_cue(cx, m->first - 1, CUE_relative_pronoun) &&
	    !date_in_clause(cx, m->last, s_last))
		return 0;
	/* Nouns wished for or feared, not done: "wants a ceasefire", "threats, including
	 * rockets and car bombs", "to prevent attacks". */
	if (d->flags & TR_NOUN || d->cls == EC_AGREEMENT) {
		/* A truce is wished for across a whole clause: "called for a three-month truce
		 * followed by a permanent ceasefire". */
		size_t reach = d->cls == EC_AGREEMENT ? 16 : 8;
		for (size_t i = m->first; i > s_first && m->first - i < reach; i--)
			if (cx_cue(cx, i - 1, CUE_desire) || cx_cue(cx, i - 1, CUE_feared))
				return 0;
	}
	(void)s_last;
	return 1;
}

