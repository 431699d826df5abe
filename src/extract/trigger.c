/* trigger: trigger words found in the text, the weaker ones set aside, and the irrealis
 * (modal, negated, conditional, denied, intended) told apart from what happened. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "extract/events_int.h"

/* --- triggers ------------------------------------------------------------------------------ */

void find_triggers(struct ectx *cx)
{
	int out[8];
	size_t n;
	for (size_t i = 0; i < cx->t.n;) {
		size_t len = (cx->t.tok[i].flags & TOK_WORD) &&
				     phrase_may_start(cx->ex->triggers->ix, &cx->t.tok[i])
				     ? triggers_match(cx->ex->triggers, &cx->t, i, cx->t.n, out, 8, &n) : 0;
		if (!len) {
			i++;
			continue;
		}
		/* "chlorine gas attack", "mortar strike": a generic noun right after a trigger
		 * belongs to it. */
		if (cx->n_tm && cx->tm[cx->n_tm - 1].last == i && len == 1 &&
		    cx_cue(cx, i, CUE_generic_tail)) {
			cx->tm[cx->n_tm - 1].last = i + 1;
			i += 1;
			continue;
		}
		/* "fought a gun battle", "clashed in heavy fighting": two words for one event. */
		if (cx->n_tm && i - cx->tm[cx->n_tm - 1].last <= 2 &&
		    cx->ex->triggers->defs[cx->tm[cx->n_tm - 1].def].cls ==
			    cx->ex->triggers->defs[out[n - 1]].cls &&
		    cx->t.tok[cx->tm[cx->n_tm - 1].first].sentence == cx->t.tok[i].sentence) {
			int joinable = 1;
			for (size_t g = cx->tm[cx->n_tm - 1].last; g < i; g++)
				if (!cx_is(cx, g, "a") && !cx_is(cx, g, "an") && !cx_is(cx, g, "the") &&
				    !cx_is(cx, g, "in") && !cx_is(cx, g, "with") && !cx_is(cx, g, "heavy") &&
				    !cx_is(cx, g, "fierce"))
					joinable = 0;
			if (joinable) {
				/* "a mob lynches": the word that names the deed outranks a weak one */
				if ((cx->ex->triggers->defs[cx->tm[cx->n_tm - 1].def].flags & TR_WEAK) &&
				    !(cx->ex->triggers->defs[out[n - 1]].flags & TR_WEAK))
					cx->tm[cx->n_tm - 1].def = out[n - 1];
				cx->tm[cx->n_tm - 1].last = i + len;
				i += len;
				continue;
			}
		}
		/* Several rows for one phrase: a user row (added last) wins. */
		struct trigger_mention *m = ECTX_PUSH(cx->tm, cx->n_tm, cx->alloc_tm);
		m->first = i;
		m->last = i + len;
		m->def = out[n - 1];
		m->veto_known = 0;
		i += len;
	}
}

/* Verbs whose "to" introduces something that has not happened. */



int hypothetical(const struct ectx *cx, size_t i, const char **why)
{
	size_t s0 = cx->t.sent[cx->t.tok[i].sentence].first;
	for (size_t k = i; k > s0 && i - k < 3; k--) {
		size_t p = k - 1;
		if (cx_cue(cx, p, CUE_negation) && (cx_is(cx, p, "deny") || cx_is(cx, p, "denied") ||
						     cx_is(cx, p, "denies") || cx_is(cx, p, "denying"))) {
			*why = "denied";
			return 1;
		}
		if (cx_cue(cx, p, CUE_modal)) {
			*why = "modal verb before the trigger";
			return 1;
		}
		if (cx_cue(cx, p, CUE_negation)) {
			*why = "negated";
			return 1;
		}
		if (cx_is(cx, p, "to") && p > s0 && cx_cue(cx, p - 1, CUE_irrealis_verb)) {
			*why = "intention or attempt, not an event";
			return 1;
		}
		if (cx->t.tok[p].flags & TOK_PUNCT)
			break;
	}
	/* "fighters will be disarmed and either integrated into the army": the future runs on
	 * through the coordination. */
	for (size_t k = i; k > s0 + 1 && i - k < 8; k--) {
		if (cx->t.tok[k - 1].flags & TOK_PUNCT)
			break;
		if (cx_is(cx, k - 1, "be") && cx_cue(cx, k - 2, CUE_modal)) {
			*why = "modal verb before the trigger";
			return 1;
		}
	}
	for (size_t k = i; k > s0 && i - k < 6; k--)
		if (cx_is(cx, k - 1, "deny") || cx_is(cx, k - 1, "denied") || cx_is(cx, k - 1, "denies")) {
			*why = "denied";
			return 1;
		}
	for (size_t k = i; k > s0 && i - k < 6; k--)
		if (cx_is(cx, k - 1, "if") || cx_is(cx, k - 1, "unless") || cx_is(cx, k - 1, "whether")) {
			*why = "conditional";
			return 1;
		}
	return 0;
}

/* A trigger in an adjunct of another event's clause, saying how it happened: "in raids",
 * "during an operation". after: the end of the other trigger. */
int manner_trigger(const struct ectx *cx, size_t k, size_t after)
{
	size_t nf = cx->tm[k].first, words = 0;
	/* "in a lightning counteroffensive", "during an overnight raid" */
	while (nf > after && words < 3 && !cx_is(cx, nf - 1, "in") && !cx_is(cx, nf - 1, "during") &&
	       (cx->t.tok[nf - 1].flags & TOK_WORD) && !(cx->t.tok[nf - 1].flags & (TOK_CAP | TOK_NUMBER))) {
		nf--;
		words++;
	}
	return nf > after && (cx_is(cx, nf - 1, "in") || cx_is(cx, nf - 1, "during"));
}

int violence_rank(enum ev_class c)
{
	switch (c) {
	case EC_AIRSTRIKE: case EC_SHELLING: case EC_IED: case EC_SUICIDE: case EC_GRENADE:
	case EC_CHEMICAL:
		return 1;
	case EC_CLASH: case EC_TERRITORY: case EC_CAPTURE_PLACE: case EC_KILL:
		return 2;
	case EC_ATTACK: case EC_ABDUCTION: case EC_SEXUAL:
		return 3;
	case EC_PROTEST: case EC_PROTEST_INTERVENTION: case EC_PROTEST_FORCE: case EC_RIOT: case EC_MOB:
		return 4;
	default:
		return 5;
	}
}

/* Not a past, participle, -ing or -s form: "recruit", "attack", "seize". */
int is_base_form(const struct ectx *cx, size_t tok)
{
	const char *w = cx->t.tok[tok].norm;
	size_t n = strlen(w);
	if (n < 3 || (n > 2 && !strcmp(w + n - 2, "ed")) || (n > 3 && !strcmp(w + n - 3, "ing")) ||
	    w[n - 1] == 's')
		return 0;
	return !cx_cue(cx, tok, CUE_irregular_past);
}

/* Does a plural subject end just before token i: an actor other than state forces named
 * there ("gunmen", "Al Shabaab") or a plural common noun ("wardens")? */
static int subject_ends_at(const struct ectx *cx, size_t i)
{
	for (size_t k = am_lower(cx, i > 6 ? i - 6 : 0); k < cx->n_am && cx->am[k].first < i; k++)
		if (cx->am[k].last == i && cx->am[k].inter != INTER_STATE)
			return 1; /* not "police attack dogs" */
	const struct token *t = &cx->t.tok[i - 1];
	return (t->flags & TOK_WORD) && !(t->flags & (TOK_CAP | TOK_NUMBER)) && t->len > 3 &&
	       t->norm[t->len - 1] == 's' && t->norm[t->len - 2] != 's' && t->norm[t->len - 2] != 'u';
}

/* Checks that depend on the words around a trigger, beyond the lexicon entry itself. */
/* "attacked police", "shelling forces": an inflected verb, not a noun modifying the next. */
int verb_form(const struct ectx *cx, const struct trigger_mention *m, const struct trigger_def *d)
{
	/* "clashed with police forces": a phrase that opens with its verb and a preposition is
	 * a verb too, and the noun after it is its object's head. */
	if ((d->flags & TR_VERB) && m->last > m->first + 1 && cx_cue(cx, m->first + 1, CUE_object_prep)) {
		const char *v = cx->t.tok[m->first].norm;
		size_t vn = strlen(v);
		return vn > 4 && !strcmp(v + vn - 2, "ed");
	}
	if (!(d->flags & TR_VERB) || m->last != m->first + 1)
		return 0;
	const char *w = cx->t.tok[m->first].norm;
	size_t n = strlen(w);
	/* "prison wardens ambush police", "gunmen attack a bus": a base form right after its
	 * plural subject is a headline's present tense. */
	if (m->first > 0 && is_base_form(cx, m->first) && subject_ends_at(cx, m->first))
		return 1;
	return (n > 4 && !strcmp(w + n - 2, "ed")) ||
	       (n > 5 && !strcmp(w + n - 3, "ing") && m->first > 0 &&
		!cx_is(cx, m->first - 1, "the") && !cx_is(cx, m->first - 1, "a"));
}

int sentence_blocked(const struct ectx *cx, size_t t0, size_t t1)
{
	for (size_t k = t0; k < t1; k++)
		if (tdef(cx, (int)k)->flags & TR_BLOCK)
			return 1;
	return 0;
}
