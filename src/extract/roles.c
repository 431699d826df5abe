/* roles: who did what to whom: the agent and target of a trigger, by voice and clause,
 * and the default actors when the text names none. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "extract/events_int.h"

/* --- actors --------------------------------------------------------------------------------- */

static inline int clause_stop(const struct ectx *cx, size_t i)
{
	return cx_cue(cx, i, CUE_clause_break) ||
	       (cx_is(cx, i, "that") && i > 0 && !(cx->t.tok[i - 1].flags & TOK_PUNCT));
}

size_t clause_end(const struct ectx *cx, size_t tm, size_t s_last)
{
	size_t end = s_last;
	for (size_t i = cx->tm[tm].last; i < s_last; i++)
		if (clause_stop(cx, i)) {
			end = i;
			break;
		}
	/* The next strong trigger that is an event of its own ends the clause. */
	/* ... unless it says how this one happened: "detained 14 in raids across Hebron". */
	if (tm + 1 < cx->n_tm && cx->tm[tm + 1].first < end && !manner_trigger(cx, tm + 1, cx->tm[tm].last) &&
	    !(cx->ex->triggers->defs[cx->tm[tm + 1].def].flags & (TR_BLOCK | TR_WEAK))) {
		size_t s = cx->t.tok[cx->tm[tm].first].sentence;
		const char *reason;
		if (!hypothetical(cx, cx->tm[tm + 1].first, &reason) &&
		    trigger_fits(cx, (int)tm + 1, sentence_first(cx, s), s_last, s))
			end = cx->tm[tm + 1].first;
	}
	return end;
}

int actor_usable(const struct ectx *cx, size_t k)
{
	const struct actor_mention *a = &cx->am[k];
	return a->name && !in_claim_span(cx, a->first) && a->kind != AK_ANAPHOR &&
	       !(a->flags & AM_MODIFIER);
}

/* "Dozens of X", "a group of X" opening its clause: a quantity of X, the subject; "killed
 * dozens of X" is an object all the same. */
static int quantity_subject(const struct ectx *cx, size_t q, size_t stop)
{
	if (!cx_cue(cx, q, CUE_quantity_head) && !(cx->t.tok[q].flags & TOK_NUMBER))
		return 0;
	size_t b = q;
	if (b > stop && cx_cue(cx, b - 1, CUE_nominal_det))
		b--;
	return b == stop || (cx->t.tok[b - 1].flags & TOK_PUNCT);
}

/* Where the clause of tok begins: after the last clause break before it. */
static size_t clause_start(const struct ectx *cx, size_t tok, size_t s_first)
{
	for (size_t i = tok; i > s_first; i--)
		if (clause_stop(cx, i - 1))
			return i;
	return s_first;
}

/* Can actor k, before tok in the clause from stop, be its subject? Not an object of a
 * preposition ("dozens of Afghan forces"), nor a victim. */
static int subject_candidate(const struct ectx *cx, size_t k, size_t tok, size_t stop)
{
	const struct actor_mention *a = &cx->am[k];
	if (a->last > tok || !actor_usable(cx, k) || (a->flags & AM_VICTIM))
		return 0;
	size_t p = a->first;
	for (;;) {
		if (p > stop && (cx_is(cx, p - 1, "the") || cx_is(cx, p - 1, "its") ||
				 cx_is(cx, p - 1, "their") || cx_is(cx, p - 1, "a") ||
				 cx_is(cx, p - 1, "an") || cx_is(cx, p - 1, "local") ||
				 (cx->t.tok[p - 1].flags & TOK_QUOTE)))
			p--;
		else if (p > stop + 1 && (cx->t.tok[p - 1].flags & TOK_HYPHEN))
			p -= 2; /* "by the Kenyan-led mission" */
		else
			break;
	}
	/* ... except the group its members belong to: "members of the Viv Ansanm coalition
	 * seized", "fighters of the group attacked". */
	return !(p > stop && cx_cue(cx, p - 1, CUE_object_prep) &&
		 !(cx_is(cx, p - 1, "of") && p - 1 > stop &&
		   (cx_cue(cx, p - 2, CUE_member_noun) || quantity_subject(cx, p - 2, stop))));
}

/* Latest usable actor ending before tok in the clause. */
int actor_before(const struct ectx *cx, size_t tok, size_t s_first)
{
	size_t stop = clause_start(cx, tok, s_first);
	int best = -1;
	for (size_t k = am_lower(cx, stop); k < cx->n_am && cx->am[k].first < tok; k++)
		if (subject_candidate(cx, k, tok, stop))
			best = (int)k;
	return best;
}

/* ", killing four", ", seizing the town": a participle after a comma whose agent is the
 * subject of the clause it hangs on, not the name nearest it ("troops engaged the
 * insurgents, killing several"). The subject is the first actor that can be one after the
 * clause's start or a speech verb ("police said gunmen stormed the village, killing
 * three"); -1 if the trigger is no such participle or none is found. */
static int participle_agent(const struct ectx *cx, const struct trigger_mention *m, size_t s_first)
{
	const struct token *t = &cx->t.tok[m->first];
	if (m->first <= s_first + 1 || !cx_is(cx, m->first - 1, ",") || t->len < 5 ||
	    strcmp(t->norm + strlen(t->norm) - 3, "ing"))
		return -1;
	size_t stop = clause_start(cx, m->first, s_first);
	for (size_t i = m->first - 1; i > stop; i--)
		if (cx_cue(cx, i - 1, CUE_speech_verb)) {
			stop = i;
			break;
		}
	for (size_t k = am_lower(cx, stop); k < cx->n_am && cx->am[k].first < m->first; k++)
		if (subject_candidate(cx, k, m->first, stop))
			return (int)k;
	return -1;
}

/* "Somali troops (SNA) and clan militia clashed with X": ACLED's first actor is the side
 * named first; the others joined to it by "and" or a comma fight alongside it. Returns the
 * first conjunct of actor k's subject, or k. */
static int first_conjunct(const struct ectx *cx, int k, size_t s_first)
{
	while (k > 0) {
		size_t p = cx->am[k].first;
		while (p > s_first && cx_cue(cx, p - 1, CUE_article_det))
			p--;
		if (p <= s_first + 1 || !(cx_is(cx, p - 1, "and") || cx_is(cx, p - 1, ",")))
			break;
		size_t q = p - 1;
		if (cx_is(cx, q, "and") && q > s_first + 1 && cx_is(cx, q - 1, ","))
			q--; /* "A, B, and C" */
		/* an aside in brackets after the first side: "security forces (SNA) and" */
		if (cx_is(cx, q - 1, ")")) {
			size_t o = q - 1;
			while (o > s_first && q - o < 8 && !cx_is(cx, o, "("))
				o--;
			if (!cx_is(cx, o, "("))
				break;
			q = o;
		}
		int j = k - 1;
		while (j >= 0 && cx->am[j].last > q)
			j--;
		if (j < 0 || cx->am[j].last != q || !actor_usable(cx, (size_t)j) ||
		    (cx->am[j].flags & AM_VICTIM) || cx->am[j].inter == INTER_CIVILIANS ||
		    cx->am[j].first < s_first)
			break;
		size_t b = cx->am[j].first;
		while (b > s_first && cx_cue(cx, b - 1, CUE_article_det))
			b--;
		if (b > s_first && cx_cue(cx, b - 1, CUE_object_prep))
			break; /* "with the police and militia": not a subject */
		k = j;
	}
	return k;
}

/* First usable actor starting in [from, to). */
int actor_after(const struct ectx *cx, size_t from, size_t to)
{
	for (size_t k = am_lower(cx, from); k < cx->n_am && cx->am[k].first < to; k++)
		if (actor_usable(cx, k))
			return (int)k;
	return -1;
}

int is_state(const struct ectx *cx, int am)
{
	return am >= 0 && cx->am[am].inter == INTER_STATE;
}

static int is_nonstate_armed(const struct ectx *cx, int am)
{
	return am >= 0 && inter_is_nonstate_armed(cx->am[am].inter);
}

/* The non-state group named most often: who "the attackers" usually are. Groups are few in
 * any article, so a short table of distinct names is counted in one pass. */
static int protagonist(struct ectx *cx)
{
	enum { MAX_GROUPS = 64 };
	const char *names[MAX_GROUPS];
	int first[MAX_GROUPS], count[MAX_GROUPS];
	size_t n = 0;
	if (cx->responsible >= 0)
		return cx->responsible; /* who claimed it outranks who is named most */
	if (cx->protagonist != -2)
		return cx->protagonist;
	for (size_t k = 0; k < cx->n_am; k++) {
		if (!is_nonstate_armed(cx, (int)k) || (cx->am[k].flags & AM_MODIFIER) || !cx->am[k].name)
			continue;
		size_t j;
		for (j = 0; j < n; j++)
			if (names[j] == cx->am[k].name || !strcmp(names[j], cx->am[k].name))
				break;
		if (j == n && n < MAX_GROUPS) {
			names[n] = cx->am[k].name;
			first[n] = (int)k;
			count[n++] = 0;
		}
		if (j < n)
			count[j]++;
	}
	int best = -1, best_n = 0;
	for (size_t j = 0; j < n; j++)
		if (count[j] > best_n) {
			best = first[j];
			best_n = count[j];
		}
	cx->protagonist = best;
	return best;
}

/* "The army said it killed 20 militants", "Africa Command said it had conducted an air
 * strike": a pronoun after the speech verb is the speaker. */
static int speaker_as_subject(const struct ectx *cx, size_t tok, size_t s_first)
{
	size_t s = cx->t.tok[tok].sentence;
	for (size_t k = cl_lower(cx, s); k < cx->n_cl && cx->t.tok[cx->cl[k].verb].sentence == s; k++) {
		const struct claim *c = &cx->cl[k];
		if (c->verb >= tok || c->last > c->verb || c->verb + 20 < tok)
			continue;
		size_t p = c->verb + 1;
		if (cx_is(cx, p, "that"))
			p++;
		if (!cx_cue(cx, p, CUE_speech_pronoun))
			continue;
		for (size_t a = am_lower(cx, c->first > s_first ? c->first : s_first);
		     a < cx->n_am && cx->am[a].first < c->last; a++)
			if (cx->am[a].name && cx->am[a].kind != AK_ANAPHOR && cx->am[a].inter != INTER_CIVILIANS)
				return (int)a;
	}
	return -1;
}

/* Is the trigger a verb of repelling an attack ("repelled", "fought off"), or the attack
 * a verb of repelling has as its object ("repulsed their attack")? */
static int repelled(const struct ectx *cx, const struct trigger_mention *m, size_t s_first)
{
	if (cx_cue(cx, m->first, CUE_repel_verb))
		return 1;
	for (size_t i = m->first; i > s_first && m->first - i < 4; i--)
		if (cx_cue(cx, i - 1, CUE_repel_verb))
			return 1;
		else if (!cx_cue(cx, i - 1, CUE_article_det) && !(cx->t.tok[i - 1].flags & TOK_CAP))
			return 0;
	return 0;
}

/* "a Taliban-planted mine", "an IS-laid bomb": the actor joined by a hyphen to the
 * participle before the weapon made it. */
static int weapon_maker(const struct ectx *cx, const struct trigger_mention *m)
{
	size_t p = m->first;
	if (!cx_cue(cx, p, CUE_made_by) || !(cx->t.tok[p].flags & TOK_HYPHEN)) {
		if (p == 0 || !cx_cue(cx, p - 1, CUE_made_by) || !(cx->t.tok[p - 1].flags & TOK_HYPHEN))
			return -1;
		p--;
	}
	for (size_t k = am_lower(cx, p > 6 ? p - 6 : 0); k < cx->n_am && cx->am[k].first < p; k++)
		if (cx->am[k].last == p && actor_usable(cx, k))
			return (int)k;
	return -1;
}

void assign_roles(struct ectx *cx, struct event *e, size_t s_first, size_t s_last)
{
	const struct trigger_mention *m = &cx->tm[e->trigger];
	unsigned flags = tdef(cx, e->trigger)->flags;
	size_t end = s_last;
	for (size_t i = m->last; i < s_last; i++)
		if (clause_stop(cx, i)) {
			end = i;
			break;
		}
	size_t b = m->first;
	while (b > s_first && (cx->t.tok[b - 1].flags & TOK_QUOTE))
		b--;
	/* "was attacked by X" (a verbal passive, its victim the subject) or "an attack by X". */
	int verbal_passive = b > s_first &&
		       (cx_is(cx, b - 1, "was") || cx_is(cx, b - 1, "were") || cx_is(cx, b - 1, "been") ||
			cx_is(cx, b - 1, "being") || cx_is(cx, b - 1, "is") || cx_is(cx, b - 1, "are"));
	int passive = verbal_passive || cx_is(cx, m->last, "by");
	if (flags & TR_STATIVE) {
		/* "in Taliban hands", "under the group's control" */
		size_t a = m->first;
		while (a > s_first && !cx_is(cx, a - 1, "in") && !cx_is(cx, a - 1, "under") &&
		       m->first - a < 5)
			a--;
		e->actor1 = actor_after(cx, a, m->first);
		ev_why(cx, e, "; roles: controller named in 'in/under X %s'",
			    cx->t.tok[m->first].norm);
		return;
	}
	if (flags & TR_FALL) {
		size_t to = m->last;
		while (to < end && !cx_is(cx, to, "to") && to - m->last < 4)
			to++;
		if (cx_is(cx, to, "to"))
			e->actor1 = actor_after(cx, to + 1, to + 6);
		e->actor2 = actor_before(cx, m->first, s_first);
		ev_why(cx, e, "; roles: agent after 'to' (fell to X)");
		return;
	}
	if (passive) {
		size_t by = m->last;
		while (by < end && !cx_is(cx, by, "by") && by - m->last < 8)
			by++;
		if (cx_is(cx, by, "by"))
			e->actor1 = actor_after(cx, by + 1, by + 8);
		e->actor2 = actor_before(cx, m->first, s_first);
		e->passive = verbal_passive;
		ev_why(cx, e, "; roles: passive voice, agent after 'by'");
		return;
	}
	/* "clashes between A and B" */
	if (cx_is(cx, m->last, "between") || (cx_is(cx, m->last + 1, "between"))) {
		size_t bw = cx_is(cx, m->last, "between") ? m->last : m->last + 1;
		e->actor1 = actor_after(cx, bw + 1, end);
		if (e->actor1 >= 0)
			e->actor2 = actor_after(cx, cx->am[e->actor1].last, end);
		/* The order of "between A and B" says nothing of who attacked: when one side is the
		 * group the article follows, it is taken as the initiator. */
		int p = protagonist(cx);
		if (e->actor2 >= 0 && p >= 0 && cx->am[e->actor2].name &&
		    !strcmp(cx->am[e->actor2].name, cx->am[p].name)) {
			int tmp = e->actor1;
			e->actor1 = e->actor2;
			e->actor2 = tmp;
		}
		ev_why(cx, e, "; roles: between A and B");
		return;
	}
	int maker = (flags & TR_NOUN) ? weapon_maker(cx, m) : -1;
	if (maker >= 0) {
		e->actor1 = maker;
		e->actor2 = actor_before(cx, m->first, s_first);
		if (e->actor2 < 0 || e->actor2 == maker)
			e->actor2 = actor_after(cx, m->last, end);
		if (e->actor2 == maker)
			e->actor2 = -1;
		ev_why(cx, e, "; roles: the group that planted the weapon ('X-planted')");
		return;
	}
	int subject = participle_agent(cx, m, s_first);
	e->actor1 = subject >= 0 ? subject : actor_before(cx, m->first, s_first);
	if (subject >= 0)
		ev_why(cx, e, "; roles: a participle's agent is its clause's subject");
	int last_conjunct = e->actor1;
	if (e->actor1 >= 0)
		e->actor1 = first_conjunct(cx, e->actor1, s_first);
	if (e->actor1 < 0)
		e->actor1 = speaker_as_subject(cx, m->first, s_first);
	/* "Turkish jets struck": the trigger is the head of its own actor's phrase. */
	for (size_t a = am_lower(cx, m->first > 4 ? m->first - 4 : 0);
	     e->actor1 < 0 && a < cx->n_am && cx->am[a].first < m->first; a++)
		if (cx->am[a].last > m->first && actor_usable(cx, a))
			e->actor1 = (int)a;
	/* "shells fired by the RSF", "a bomb planted by militants": the noun's agent follows. */
	if ((flags & TR_NOUN) && e->actor1 < 0 && cx_is(cx, m->last, "by"))
		e->actor1 = actor_after(cx, m->last + 1, end);
	else if ((flags & TR_NOUN) && cx_cue(cx, m->last, CUE_made_by)) {
		size_t by = m->last + 1;
		if (cx_is(cx, by, "out") || cx_is(cx, by, "off"))
			by++;
		if (cx_is(cx, by, "by")) {
			int agent = actor_after(cx, by + 1, by + 8 < end ? by + 8 : end);
			if (agent >= 0)
				e->actor1 = agent;
		}
	}
	/* Target: after "on", "against", "with", or the direct object. A noun's target stays
	 * in its phrase: "an attack on a police post", not the next clause's subject. */
	size_t target_end = end;
	int as_noun = (flags & TR_NOUN) && (!(flags & TR_VERB) || (m->first > s_first &&
			(cx_cue(cx, m->first - 1, CUE_nominal_det) || (cx->t.tok[m->first - 1].flags & TOK_POSS))));
	if (as_noun) {
		for (size_t i = m->last; i < target_end; i++)
			if (cx_is(cx, i, ",")) {
				target_end = i;
				break;
			}
		if (target_end > m->last + 8)
			target_end = m->last + 8;
	}
	e->actor2 = actor_after(cx, m->last, target_end);
	if (e->actor2 >= 0 && e->actor2 == e->actor1)
		e->actor2 = -1;
	/* "Troops repelled an attack on the base", "police repulsed their attack": the side that
	 * attacked comes first (ACLED's initiator), the defenders second. */
	if (e->actor1 >= 0 && repelled(cx, m, s_first)) {
		int t = e->actor1;
		e->actor1 = e->actor2; /* none named: the attackers from context */
		e->actor2 = t;
		ev_why(cx, e, "; roles: the attack repelled is the other side's");
		return;
	}
	/* "Soldiers and rebels exchanged fire": when a fight names no one it was "with" or
	 * "against", or nobody else is named, the sides of the subject fought each other. */
	if (last_conjunct != e->actor1 &&
	    (e->actor2 < 0 || (cx_cue(cx, m->first, CUE_two_sided) && !cx_is(cx, m->last, "with") &&
			       !cx_is(cx, m->last, "against"))))
		e->actor2 = last_conjunct;
	ev_why(cx, e, "; roles: subject before the trigger, object after");
}

/* A generic actor's name made for the document's country ("Civilians (Sudan)") made again
 * for the event's: the generic rows of actors.tsv take the country in brackets. */
static const char *local_name(struct ectx *cx, const char *name, int ctry)
{
	const struct actor_lex *lex = cx->ex->actors;
	if (!name || ctry < 0 || !strstr(name, " ("))
		return name; /* most names: no country in brackets, so no generic row's */
	for (size_t g = 0; g < lex->n_generic; g++) {
		const struct actor_def *d = &lex->defs[lex->generic[g]];
		size_t n = strlen(d->name);
		if (!strncmp(name, d->name, n) && !strncmp(name + n, " (", 2))
			return ectx_actor_name(cx, d->name, ctry);
	}
	/* A militia named by its people for the document's country: "Pokot Ethnic Militia
	 * (Kenya)" where the event is in Kenya, whatever the text mostly names. */
	if (cx->country >= 0 && ctry != cx->country) {
		const char *doc = cx->ex->gz->countries[cx->country].name;
		size_t n = strlen(name), dn = strlen(doc);
		if (n > dn + 3 && !strncmp(name + n - dn - 3, " (", 2) &&
		    !strncmp(name + n - dn - 1, doc, dn) && name[n - 1] == ')') {
			struct strbuf sb = STRBUF_INIT;
			strbuf_addf(&sb, "%.*s (%s)", (int)(n - dn - 3), name,
				    cx->ex->gz->countries[ctry].name);
			const char *local = ectx_strdup(cx, sb.buf, sb.len);
			strbuf_release(&sb);
			return local;
		}
	}
	return name;
}

/* A name made from a generic row of actors.tsv ("Unidentified Armed Group (Kenya)"). */
static int generic_name(const struct ectx *cx, const char *name)
{
	const struct actor_lex *lex = cx->ex->actors;
	for (size_t g = 0; name && g < lex->n_generic; g++) {
		const char *base = lex->defs[lex->generic[g]].name;
		size_t n = strlen(base);
		if (!strncmp(name, base, n) && (name[n] == 0 || name[n] == ' '))
			return 1;
	}
	return 0;
}

/* A named rebel group or militia (not "insurgents", not "gunmen"). */
static int named_group(const struct ectx *cx, int am)
{
	return am >= 0 && cx->am[am].name && cx->am[am].kind == AK_GROUP &&
	       inter_is_nonstate_armed(cx->am[am].inter) && !generic_name(cx, cx->am[am].name);
}

/* The named armed group of sentence s, else the one the document names most; -1 if none. */
static int target_group(const struct ectx *cx, size_t s)
{
	for (size_t k = am_lower(cx, sentence_first(cx, s)); k < cx->n_am &&
	     cx->am[k].first < sentence_last(cx, s); k++)
		if (named_group(cx, (int)k))
			return (int)k;
	int best = -1, best_n = 0;
	for (size_t k = 0; k < cx->n_am; k++) {
		if (!named_group(cx, (int)k))
			continue;
		int n = 0;
		for (size_t j = 0; j < cx->n_am; j++)
			n += named_group(cx, (int)j) && cx->am[j].name == cx->am[k].name;
		if (n > best_n)
			best = (int)k, best_n = n;
		if (k > 400)
			break; /* enough to know who the article is about */
	}
	return best;
}

/* "A security force killed several insurgents while pursuing a Taliban commander": against a
 * state force, fighters left unnamed are the armed group the sentence, or else the document,
 * names; ACLED codes the group when the report makes it known. */
static void name_the_fighters(struct ectx *cx, struct event *e)
{
	static const unsigned fights = 1u << EC_CLASH | 1u << EC_KILL | 1u << EC_ARREST |
		1u << EC_AIRSTRIKE | 1u << EC_SHELLING | 1u << EC_DISRUPTED;
	if (!(fights & (1u << e->cls)) || !is_state(cx, e->actor1))
		return;
	if (e->actor2 >= 0 && !(cx->am[e->actor2].kind == AK_ANAPHOR ||
				(generic_name(cx, cx->am[e->actor2].name) &&
				 inter_is_nonstate_armed(cx->am[e->actor2].inter))))
		return;
	int g = target_group(cx, e->sentence);
	if (g >= 0 && (e->actor2 < 0 || strcmp(cx->am[g].name, cx->am[e->actor2].name ? cx->am[e->actor2].name : "") != 0)) {
		e->actor2 = g;
		ev_why(cx, e, "; actor2: the armed group the report names (%s)", cx->am[g].name);
	}
}

void default_actors(struct ectx *cx, struct event *e, int ctry)
{
	if (e->actor1 >= 0 && e->actor1 == e->actor2)
		e->actor2 = -1;
	/* "Unidentified gunmen attacked a bus ... The next day X claimed responsibility": the
	 * attackers are whoever claimed the attack told just before the claim. */
	size_t claim_s = cx->responsible >= 0 ? cx->t.tok[cx->am[cx->responsible].first].sentence : 0;
	if (e->actor1 >= 0 && cx->responsible >= 0 && cx->am[e->actor1].kind == AK_GENERIC &&
	    cx->am[e->actor1].inter == INTER_POLITICAL_MILITIA && e->actor2 != cx->responsible &&
	    claim_s >= e->sentence && claim_s <= e->sentence + 2) {
		e->actor1 = cx->responsible;
		ev_why(cx, e, "; actor1: the unnamed attackers are who claimed it");
	}
	/* Civilians suffer violence; they are never its first actor. */
	if (e->actor1 >= 0 && cx->am[e->actor1].inter == INTER_CIVILIANS && acled_type_of(e->sub) != TYPE_PROTESTS &&
	    acled_type_of(e->sub) != TYPE_STRATEGIC) {
		if (e->actor2 < 0)
			e->actor2 = e->actor1;
		e->actor1 = -1;
	}
	if (e->actor1 < 0 && is_protest(e->cls))
		e->actor1_name = ectx_actor_name(cx, "Protesters", ctry), e->inter1 = INTER_PROTESTERS;
	else if (e->actor1 < 0 && (e->cls == EC_RIOT || e->cls == EC_MOB))
		e->actor1_name = ectx_actor_name(cx, "Rioters", ctry), e->inter1 = INTER_RIOTERS;
	else if (e->actor1 < 0 && (e->cls == EC_ARREST || e->cls == EC_PROTEST_INTERVENTION ||
				   e->cls == EC_PROTEST_FORCE))
		e->actor1_name = state_force_name(cx, ctry, 1), e->inter1 = INTER_STATE;
	else if (e->actor1 < 0 && e->cls == EC_AIRSTRIKE && cx->responsible < 0 && cx->blamed < 0)
		e->actor1_name = state_force_name(cx, ctry, 0), e->inter1 = INTER_STATE; /* who else flies */
	else if (e->actor1 < 0 && e->cls == EC_LOOTING && (protest_context(cx) || riot_context(cx)))
		e->actor1_name = ectx_actor_name(cx, "Rioters", ctry), e->inter1 = INTER_RIOTERS;
	else if (e->actor1 < 0 && e->cls == EC_CLASH && e->victim_am >= 0 &&
		 is_nonstate_armed(cx, e->victim_am) && is_state(cx, e->actor2) &&
		 (cx_is(cx, cx->tm[e->trigger].last, "with") ||
		  cx_is(cx, cx->tm[e->trigger].last, "between"))) {
		/* "Two LeT militants were killed in a gunfight with security forces". */
		e->actor1 = e->actor2;
		e->actor2 = e->victim_am;
		ev_why(cx, e, "; roles: the state fought the group whose dead are counted");
	} else if (e->actor1 < 0 && e->cls != EC_AGREEMENT) {
		/* Who claimed it, who is blamed for it, the previous event of the same kind, or the
		 * group the article is about. */
		const struct event *same = NULL;
		for (const struct event *p = e; p-- > cx->ev && e - p <= 50;)
			if (p->actor1_name && p->cls == e->cls && !p->dropped) {
				same = p;
				break;
			}
		int p = cx->responsible >= 0 ? cx->responsible : cx->blamed;
		if (p >= 0) {
			e->actor1 = p;
			ev_why(cx, e, "; actor1: claimed by or blamed on");
		} else if (same) {
			e->actor1_name = same->actor1_name;
			e->inter1 = same->inter1;
			ev_why(cx, e, "; actor1 from the previous event of the same kind");
		} else if ((p = protagonist(cx)) >= 0) {
			e->actor1 = p;
			ev_why(cx, e, "; actor1 from context: the group the article is about");
		} else if (violence_rank(e->cls) <= 3 && e->cls != EC_AIRSTRIKE && e->cls != EC_SHELLING &&
			   e->cls != EC_TERRITORY && e->cls != EC_CAPTURE_PLACE) {
			/* A bomb or a killing by no one named: ACLED's unidentified armed group. */
			e->actor1_name = ectx_actor_name(cx, "Unidentified Armed Group", ctry);
			e->inter1 = INTER_POLITICAL_MILITIA;
			ev_why(cx, e, "; actor1: nobody named, an unidentified armed group");
		}
	}
	name_the_fighters(cx, e);
	if (e->actor1 >= 0) {
		e->actor1_name = cx->am[e->actor1].name;
		e->inter1 = cx->am[e->actor1].inter;
	}
	if (e->actor2 >= 0) {
		e->actor2_name = cx->am[e->actor2].name;
		e->inter2 = cx->am[e->actor2].inter;
	}
	/* Bare "security forces" belong to the country where the event happened. */
	if (e->actor1 >= 0 && (cx->am[e->actor1].flags & AM_NO_NATION) && ctry >= 0)
		e->actor1_name = state_force_name(cx, ctry, !strncmp(e->actor1_name, "Police", 6));
	if (e->actor2 >= 0 && (cx->am[e->actor2].flags & AM_NO_NATION) && ctry >= 0)
		e->actor2_name = state_force_name(cx, ctry, !strncmp(e->actor2_name, "Police", 6));
	/* Names made for the document's country ("Civilians (Sudan)") follow the event's. */
	e->actor1_name = local_name(cx, e->actor1_name, ctry);
	e->actor2_name = local_name(cx, e->actor2_name, ctry);
	/* Civilians who march are protesters. */
	if (acled_type_of(e->sub) == TYPE_PROTESTS && (e->inter1 == INTER_CIVILIANS || !e->actor1_name)) {
		e->actor1_name = ectx_actor_name(cx, "Protesters", ctry);
		e->inter1 = INTER_PROTESTERS;
	}
	/* In protest events the protesters come first and the state, if it steps in, second. */
	if (acled_type_of(e->sub) == TYPE_PROTESTS && e->inter1 == INTER_STATE) {
		/* ... unless the state's own men protest: "police officers protested over pay". */
		int own = e->cls == EC_PROTEST && !e->passive && e->trigger >= 0 &&
			  cx_cue(cx, cx->tm[e->trigger].first, CUE_protest_word);
		e->actor2_name = own ? NULL : e->actor1_name;
		e->inter2 = own ? INTER_UNKNOWN : INTER_STATE;
		e->actor1_name = ectx_actor_name(cx, "Protesters", ctry);
		e->inter1 = INTER_PROTESTERS;
		if (own)
			ev_why(cx, e, "; the state's own men protesting are the protesters");
	}
	/* Protests have a second actor only when the state steps in; rioters riot. */
	if (acled_type_of(e->sub) == TYPE_PROTESTS && e->inter2 != INTER_STATE) {
		e->actor2_name = NULL;
		e->inter2 = INTER_UNKNOWN;
	}
	if (acled_type_of(e->sub) == TYPE_RIOTS && (e->inter1 == INTER_PROTESTERS || e->inter1 == INTER_CIVILIANS || !e->actor1_name)) {
		e->actor1_name = ectx_actor_name(cx, "Rioters", ctry);
		e->inter1 = INTER_RIOTERS;
	}
	/* Territory taken by a non-state group is taken from the state. */
	if (e->actor2 < 0 && (e->cls == EC_TERRITORY || e->cls == EC_CAPTURE_PLACE) &&
	    inter_is_nonstate_armed(e->inter1) && ctry >= 0) {
		e->actor2_name = state_force_name(cx, ctry, 0);
		e->inter2 = INTER_STATE;
	}
	/* "rival factions of the Sinaloa Cartel fought": the group on both sides. */
	int rivals = 0;
	if (e->actor1 >= 0 && !e->actor2_name && e->cls == EC_CLASH) {
		const struct actor_mention *a1 = &cx->am[e->actor1];
		size_t from = a1->first > 5 ? a1->first - 5 : 0, to = a1->last + 4;
		for (size_t i = from; i < to && i < cx->t.n; i++)
			if ((cx_is(cx, i, "rival") || cx_is(cx, i, "feuding")) &&
			    cx->t.tok[i].sentence == cx->t.tok[a1->first].sentence) {
				e->actor2_name = e->actor1_name;
				e->inter2 = e->inter1;
				rivals = 1;
				break;
			}
	}
	if (e->actor1_name && e->actor2_name && !rivals &&
	    !strcmp(e->actor1_name, e->actor2_name)) {
		/* The object named first was on actor1's side: take the next one in the sentence. */
		size_t s_last = sentence_last(cx, e->sentence);
		int next = -1;
		for (size_t k = am_lower(cx, cx->tm[e->trigger].last); k < cx->n_am && cx->am[k].first < s_last; k++)
			if (actor_usable(cx, k) && strcmp(cx->am[k].name, e->actor1_name) != 0 &&
			    cx->am[k].inter != INTER_CIVILIANS) {
				next = (int)k;
				break;
			}
		if (next >= 0) {
			e->actor2 = next;
			e->actor2_name = cx->am[next].name;
			e->inter2 = cx->am[next].inter;
		}
	}
	if (e->actor1_name && e->actor2_name && !rivals &&
	    (strcmp(e->actor1_name, e->actor2_name) == 0 ||
						 (e->inter1 == INTER_STATE && e->inter2 == INTER_STATE &&
						  strstr(e->actor1_name, " of ") && strstr(e->actor2_name, " of ") &&
						  !strcmp(strstr(e->actor1_name, " of "), strstr(e->actor2_name, " of "))))) {
		/* Two branches of one state are one side. */
		e->actor2_name = NULL;
		e->inter2 = INTER_UNKNOWN;
	}
	/* Violence against civilians has civilians on the other side, named or not. */
	if (acled_type_of(e->sub) == TYPE_VIOLENCE_CIVILIANS && !e->actor2_name) {
		e->actor2_name = ectx_actor_name(cx, "Civilians", ctry);
		e->inter2 = INTER_CIVILIANS;
	}
	/* A mob that killed someone killed a civilian. */
	if (e->cls == EC_MOB && !e->actor2_name && e->fatalities > 0) {
		e->actor2_name = ectx_actor_name(cx, "Civilians", ctry);
		e->inter2 = INTER_CIVILIANS;
	}
	if (e->inter2 == INTER_CIVILIANS)
		e->civilian_targeting = 1;
}

/* A state or armed actor in the sentence other than the event's own agent. */
int armed_counterpart(const struct ectx *cx, const struct event *e, size_t s)
{
	for (size_t k = am_lower(cx, sentence_first(cx, s)); k < cx->n_am &&
	     cx->am[k].first < sentence_last(cx, s); k++) {
		const struct actor_mention *a = &cx->am[k];
		if ((int)k == e->actor1 || !actor_usable(cx, k))
			continue;
		if (inter_is_armed(a->inter) && a->inter != INTER_UNKNOWN &&
		    (e->actor1 < 0 || !cx->am[e->actor1].name || strcmp(a->name, cx->am[e->actor1].name)))
			return 1;
	}
	return 0;
}
