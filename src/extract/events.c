/* events: from trigger words to ACLED events. For each sentence: usable triggers (not
 * hypothetical, negated or weaker than another), the place each happened at, agent and target,
 * date, counts and source; then events that describe the same thing are merged. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "base/util.h"

/* Append to an event's explanation, only when --explain asked for one. */
static void why(const struct ectx *cx, struct event *e, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void why(const struct ectx *cx, struct event *e, const char *fmt, ...)
{
	va_list ap;
	if (!cx->ex->explain)
		return;
	va_start(ap, fmt);
	strbuf_vaddf(&e->why, fmt, ap);
	va_end(ap);
}

/* --- triggers ------------------------------------------------------------------------------ */

static const struct trigger_def *tdef(const struct ectx *cx, int tm)
{
	return &cx->ex->triggers->defs[cx->tm[tm].def];
}

static void find_triggers(struct ectx *cx)
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
		static const char *const generic_tail[] = { "attack", "attacks", "strike", "strikes",
			"raid", "raids", "assault", "incident", NULL };
		if (cx->n_tm && cx->tm[cx->n_tm - 1].last == i && len == 1 &&
		    cx_is_any(cx, i, generic_tail)) {
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
		i += len;
	}
}

/* Verbs whose "to" introduces something that has not happened. */
static const char *const irrealis_before_to[] = { "plans", "planned", "planning", "plan",
	"threatened", "threatening", "threatens", "threaten", "vowed", "vowing", "vows", "vow",
	"want", "wants", "wanted", "tried", "trying", "tries", "try", "attempt", "attempted",
	"attempting", "failed", "fail", "fails", "aims", "aim", "aiming", "seeks", "seeking",
	"sought", "expected", "likely", "able", "unable", "ready", "intend", "intends",
	"intended", "prepare", "preparing", "prepared", "going", "hope", "hoping", "hopes",
	"ordered", "urged", "decided", "order", "set", "poised", "sought", "pledged", "pledging",
	"promised", "calls", "called", "call", "agreed", "refused", "need", "needs", "continue",
	"continues", "help", "helped", "allowed", "claimed", "claims", "claiming", NULL };
static const char *const modals[] = { "will", "would", "could", "may", "might", "should", "can",
	"must", "shall", "cannot", NULL };
static const char *const negations[] = { "not", "never", "no", "without", "nt", "neither",
	"nor", "failed", "deny", "denied", "denies", "denying", NULL };

static int hypothetical(const struct ectx *cx, size_t i, const char **why)
{
	size_t s0 = cx->t.sent[cx->t.tok[i].sentence].first;
	for (size_t k = i; k > s0 && i - k < 3; k--) {
		size_t p = k - 1;
		if (cx_is_any(cx, p, negations) && (cx_is(cx, p, "deny") || cx_is(cx, p, "denied") ||
						     cx_is(cx, p, "denies") || cx_is(cx, p, "denying"))) {
			*why = "denied";
			return 1;
		}
		if (cx_is_any(cx, p, modals)) {
			*why = "modal verb before the trigger";
			return 1;
		}
		if (cx_is_any(cx, p, negations)) {
			*why = "negated";
			return 1;
		}
		if (cx_is(cx, p, "to") && p > s0 && cx_is_any(cx, p - 1, irrealis_before_to)) {
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
		if (cx_is(cx, k - 1, "be") && cx_is_any(cx, k - 2, modals)) {
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

/* --- places --------------------------------------------------------------------------------- */

static int in_claim_span(const struct ectx *cx, size_t tok)
{
	size_t s = cx->t.tok[tok].sentence;
	for (size_t k = cl_lower(cx, s); k < cx->n_cl && cx->t.tok[cx->cl[k].verb].sentence == s; k++)
		if (tok >= cx->cl[k].first && tok < cx->cl[k].last)
			return 1;
	return 0;
}

static int usable_place(const struct ectx *cx, size_t k)
{
	static const char *const locative[] = { "in", "across", "throughout", "inside", "into",
		"within", "all", "over", NULL };
	const struct place_mention *m = &cx->pm[k];
	if (m->place < 0 || (m->flags & (PM_MOTION | PM_BORDER | PM_MODIFIER)) ||
	    in_claim_span(cx, m->first))
		return 0;
	/* A country name is mostly a subject, an owner or an adjective ("Afghanistan's army",
	 * "the US withdrawal"); it locates an event only after a locative preposition. */
	if (cx->ex->gz->places[m->place].kind == PK_COUNTRY)
		return m->first > 0 && cx_is_any(cx, m->first - 1, locative) &&
		       !(cx->t.tok[m->last - 1].flags & TOK_POSS);
	return 1;
}

static int is_town_place(const struct ectx *cx, size_t k)
{
	enum place_kind kind = cx->ex->gz->places[cx->pm[k].place].kind;
	return kind == PK_PPLC || kind == PK_PPLA || kind == PK_PPLA2 || kind == PK_PPL;
}

/* A place that only contains one already chosen ("Zaranj in the province of Nimroz"). */
static int contains(const struct ectx *cx, size_t outer, size_t inner)
{
	const struct place *o = &cx->ex->gz->places[cx->pm[outer].place];
	const struct place *in = &cx->ex->gz->places[cx->pm[inner].place];
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
	static const char *const ok[] = { ",", "and", "or", "the", "then", "province", "district",
		"city", "town", "provinces", "districts", "cities", "on", "in", "of", NULL };
	int saw_and = 0;
	if (to < from || to - from > 8)
		return 0;
	for (size_t i = from; i < to; i++) {
		int dated = 0;
		for (size_t d = dm_lower(cx, from > 3 ? from - 3 : 0); d < cx->n_dm && cx->dm[d].first <= i; d++)
			if (i >= cx->dm[d].first && i < cx->dm[d].last)
				dated = 1;
		if (!dated && !cx_is_any(cx, i, ok))
			return 0;
		saw_and |= cx_is(cx, i, "and") || cx_is(cx, i, ",");
	}
	return saw_and;
}

/* Places after the trigger in its clause: the first (or a place inside it named right after:
 * "northern Afghanistan's Kunduz province"), plus any joined to it by "and". */
static size_t object_places(const struct ectx *cx, size_t tm, size_t limit, int *out, size_t max)
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

/* A trigger in an adjunct of another event's clause, saying how it happened: "in raids",
 * "during an operation". after: the end of the other trigger. */
static int manner_trigger(const struct ectx *cx, size_t k, size_t after)
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

/* End of the trigger's clause: a clause boundary or the next trigger. */
static size_t clause_end(const struct ectx *cx, size_t tm, size_t s_last);

/* Closest place before the trigger in the sentence; when it only contains a place named
 * just before it ("Doshi district in Baghlan province"), the inner place. */
static int place_before(const struct ectx *cx, size_t tm, size_t s_first)
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
static int main_place(struct ectx *cx)
{
	if (cx->main_place != -2)
		return cx->main_place;
	int *count = cx->ex->place_count;
	int best = -1, best_count = 0;
	for (size_t k = 0; k < cx->n_pm; k++)
		if (usable_place(cx, k))
			count[cx->pm[k].place]++;
	for (size_t k = 0; k < cx->n_pm; k++) {
		if (!usable_place(cx, k) || cx->ex->gz->places[cx->pm[k].place].kind == PK_COUNTRY)
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

/* --- actors --------------------------------------------------------------------------------- */

static int clause_stop(const struct ectx *cx, size_t i)
{
	return cx_is(cx, i, ";") || cx_is(cx, i, ":") || cx_is(cx, i, "while") ||
	       cx_is(cx, i, "whereas") || cx_is(cx, i, "but") || cx_is(cx, i, "although") ||
	       (cx_is(cx, i, "that") && i > 0 && !(cx->t.tok[i - 1].flags & TOK_PUNCT));
}

static int trigger_fits(const struct ectx *cx, int k, size_t s_first, size_t s_last, size_t s);

static size_t clause_end(const struct ectx *cx, size_t tm, size_t s_last)
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

static int actor_usable(const struct ectx *cx, size_t k)
{
	const struct actor_mention *a = &cx->am[k];
	return a->name && !in_claim_span(cx, a->first) && a->kind != AK_ANAPHOR &&
	       !(a->flags & AM_MODIFIER);
}

/* Latest usable actor ending before tok in the clause. */
static int actor_before(const struct ectx *cx, size_t tok, size_t s_first)
{
	size_t stop = s_first;
	for (size_t i = tok; i > s_first; i--)
		if (clause_stop(cx, i - 1)) {
			stop = i;
			break;
		}
	static const char *const preps[] = { "of", "on", "against", "with", "to", "from", "at",
		"for", "by", "into", "toward", "towards", "among", NULL };
	int best = -1;
	for (size_t k = am_lower(cx, stop); k < cx->n_am && cx->am[k].first < tok; k++) {
		const struct actor_mention *a = &cx->am[k];
		if (a->last > tok || !actor_usable(cx, k) || (a->flags & AM_VICTIM))
			continue;
		/* An object of a preposition is not the subject: "dozens of Afghan forces". */
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
		/* ... except the group its members belong to: "members of the Viv Ansanm
		 * coalition seized", "fighters of the group attacked". */
		static const char *const members[] = { "members", "fighters", "militants", "elements",
			"units", "cadres", "operatives", "supporters", "loyalists", "commanders",
			"gunmen", "men", "soldiers", "troops", "officers", "agents", "wing", "faction",
			"factions", "remnants", NULL };
		if (p > stop && cx_is_any(cx, p - 1, preps) &&
		    !(cx_is(cx, p - 1, "of") && p - 1 > stop && cx_is_any(cx, p - 2, members)))
			continue;
		best = (int)k;
	}
	return best;
}

/* First usable actor starting in [from, to). */
static int actor_after(const struct ectx *cx, size_t from, size_t to)
{
	for (size_t k = am_lower(cx, from); k < cx->n_am && cx->am[k].first < to; k++)
		if (actor_usable(cx, k))
			return (int)k;
	return -1;
}

static int is_state(const struct ectx *cx, int am)
{
	return am >= 0 && cx->am[am].inter == 1;
}

static int is_nonstate_armed(const struct ectx *cx, int am)
{
	return am >= 0 && cx->am[am].inter >= 2 && cx->am[am].inter <= 4;
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
	static const char *const pron[] = { "it", "they", "we", NULL };
	size_t s = cx->t.tok[tok].sentence;
	for (size_t k = cl_lower(cx, s); k < cx->n_cl && cx->t.tok[cx->cl[k].verb].sentence == s; k++) {
		const struct claim *c = &cx->cl[k];
		if (c->verb >= tok || c->last > c->verb || c->verb + 20 < tok)
			continue;
		size_t p = c->verb + 1;
		if (cx_is(cx, p, "that"))
			p++;
		if (!cx_is_any(cx, p, pron))
			continue;
		for (size_t a = am_lower(cx, c->first > s_first ? c->first : s_first);
		     a < cx->n_am && cx->am[a].first < c->last; a++)
			if (cx->am[a].name && cx->am[a].kind != AK_ANAPHOR && cx->am[a].inter != 7)
				return (int)a;
	}
	return -1;
}

static void assign_roles(struct ectx *cx, struct event *e, size_t s_first, size_t s_last)
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
	int passive = (b > s_first &&
		       (cx_is(cx, b - 1, "was") || cx_is(cx, b - 1, "were") || cx_is(cx, b - 1, "been") ||
			cx_is(cx, b - 1, "being") || cx_is(cx, b - 1, "is") || cx_is(cx, b - 1, "are"))) ||
		      cx_is(cx, m->last, "by");
	if (flags & TR_STATIVE) {
		/* "in Taliban hands", "under the group's control" */
		size_t a = m->first;
		while (a > s_first && !cx_is(cx, a - 1, "in") && !cx_is(cx, a - 1, "under") &&
		       m->first - a < 5)
			a--;
		e->actor1 = actor_after(cx, a, m->first);
		why(cx, e, "; roles: controller named in 'in/under X %s'",
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
		why(cx, e, "; roles: agent after 'to' (fell to X)");
		return;
	}
	if (passive) {
		size_t by = m->last;
		while (by < end && !cx_is(cx, by, "by") && by - m->last < 8)
			by++;
		if (cx_is(cx, by, "by"))
			e->actor1 = actor_after(cx, by + 1, by + 8);
		e->actor2 = actor_before(cx, m->first, s_first);
		why(cx, e, "; roles: passive voice, agent after 'by'");
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
		why(cx, e, "; roles: between A and B");
		return;
	}
	e->actor1 = actor_before(cx, m->first, s_first);
	if (e->actor1 < 0)
		e->actor1 = speaker_as_subject(cx, m->first, s_first);
	/* "Turkish jets struck": the trigger is the head of its own actor's phrase. */
	for (size_t a = am_lower(cx, m->first > 4 ? m->first - 4 : 0);
	     e->actor1 < 0 && a < cx->n_am && cx->am[a].first < m->first; a++)
		if (cx->am[a].last > m->first && actor_usable(cx, a))
			e->actor1 = (int)a;
	/* "shells fired by the RSF", "a bomb planted by militants": the noun's agent follows. */
	static const char *const made_by[] = { "fired", "launched", "dropped", "planted", "carried",
		"conducted", "flown", "sent", "thrown", "hurled", "detonated", "set", "laid", NULL };
	if ((flags & TR_NOUN) && e->actor1 < 0 && cx_is(cx, m->last, "by"))
		e->actor1 = actor_after(cx, m->last + 1, end);
	else if ((flags & TR_NOUN) && cx_is_any(cx, m->last, made_by)) {
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
	static const char *const nominal[] = { "a", "an", "the", "this", "that", "its", "their",
		"his", "her", "separate", "another", "new", "fresh", "deadly", "latest", "second",
		"coordinated", "overnight", NULL };
	size_t target_end = end;
	int as_noun = (flags & TR_NOUN) && (!(flags & TR_VERB) || (m->first > s_first &&
			(cx_is_any(cx, m->first - 1, nominal) || (cx->t.tok[m->first - 1].flags & TOK_POSS))));
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
	why(cx, e, "; roles: subject before the trigger, object after");
}

/* --- dates ---------------------------------------------------------------------------------- */

static int date_usable(const struct ectx *cx, size_t d)
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

/* --- typing ------------------------------------------------------------------------------- */

static const char *sub_type(enum ev_class cls)
{
	switch (cls) {
	case EC_CLASH: case EC_KILL: return "Armed clash";
	case EC_AIRSTRIKE: return "Air/drone strike";
	case EC_SUICIDE: return "Suicide bomb";
	case EC_SHELLING: return "Shelling/artillery/missile attack";
	case EC_IED: return "Remote explosive/landmine/IED";
	case EC_GRENADE: return "Grenade";
	case EC_CHEMICAL: return "Chemical weapon";
	case EC_SEXUAL: return "Sexual violence";
	case EC_ATTACK: return "Attack";
	case EC_ABDUCTION: return "Abduction/forced disappearance";
	case EC_PROTEST: return "Peaceful protest";
	case EC_PROTEST_INTERVENTION: return "Protest with intervention";
	case EC_PROTEST_FORCE: return "Excessive force against protesters";
	case EC_RIOT: return "Violent demonstration";
	case EC_MOB: return "Mob violence";
	case EC_AGREEMENT: return "Agreement";
	case EC_ARREST: return "Arrests";
	case EC_CHANGE_GROUP: return "Change to group/activity";
	case EC_DISRUPTED: return "Disrupted weapons use";
	case EC_BASE: return "Headquarters or base established";
	case EC_LOOTING: return "Looting/property destruction";
	case EC_TRANSFER: return "Non-violent transfer of territory";
	case EC_TERRITORY: case EC_CAPTURE_PLACE: return "Non-state actor overtakes territory";
	default: return "Other";
	}
}

static int is_protest(enum ev_class c)
{
	return c == EC_PROTEST || c == EC_PROTEST_INTERVENTION || c == EC_PROTEST_FORCE;
}

static int protest_rank(enum ev_class c)
{
	return c == EC_PROTEST_FORCE ? 3 : c == EC_PROTEST_INTERVENTION ? 2 : c == EC_PROTEST ? 1 : 0;
}

static int regain_word(const struct ectx *cx, const struct event *e)
{
	const char *w = cx->t.tok[cx->tm[e->trigger].first].norm;
	return !strncmp(w, "re", 2) || !strncmp(w, "liberat", 7) || !strcmp(w, "regain") ||
	       !strcmp(w, "regained");
}

/* Protesters or a protest named anywhere in the document (counted once). */
static int protest_context(struct ectx *cx)
{
	if (cx->protest_ctx < 0) {
		cx->protest_ctx = 0;
		for (size_t k = 0; k < cx->n_am && !cx->protest_ctx; k++)
			cx->protest_ctx = cx->am[k].inter == 6;
		for (size_t k = 0; k < cx->n_tm && !cx->protest_ctx; k++)
			cx->protest_ctx = tdef(cx, (int)k)->cls == EC_PROTEST;
	}
	return cx->protest_ctx;
}

static int armed_counterpart(const struct ectx *cx, const struct event *e, size_t s);
static int riot_context(struct ectx *cx);

/* "grenades were recovered", "weapons ... seized": the weapon was taken, not used. */
static int weapon_recovered(const struct ectx *cx, const struct event *e)
{
	static const char *const taken[] = { "recovered", "seized", "found", "confiscated",
		"defused", "discovered", "impounded", "captured", NULL };
	const struct trigger_mention *m = &cx->tm[e->trigger];
	for (size_t i = m->last; i < m->last + 7 && i < sentence_last(cx, e->sentence); i++) {
		if (cx_is_any(cx, i, taken))
			return 1;
		if (cx_is(cx, i, ",") || cx_is(cx, i, ";"))
			break;
	}
	/* "recovered 20 kg of explosives and two rocket launchers": through the list. */
	for (size_t i = m->first; i > sentence_first(cx, e->sentence) && m->first - i < 12; i--) {
		if (cx_is(cx, i - 1, ";") || cx_is(cx, i - 1, ":") || cx_is(cx, i - 1, "when") ||
		    cx_is(cx, i - 1, "after") || cx_is(cx, i - 1, "killing"))
			break;
		if (cx_is_any(cx, i - 1, taken))
			return 1;
	}
	return 0;
}

/* "captured three ELN members": people taken, not a place. */
/* "captured three ELN members" or "three soldiers were captured": people, counted, were
 * taken. Returns how many (0 when what was taken is not people). */
static long people_taken_at(const struct ectx *cx, int tm, size_t s_first, size_t s_last)
{
	const struct trigger_mention *m = &cx->tm[tm];
	struct count c;
	size_t n = number_at(&cx->t, m->last, s_last, &c);
	size_t k = am_lower(cx, m->last);
	if (n && k < cx->n_am && cx->am[k].first <= m->last + n + 3)
		return c.value > 0 ? c.value : 1;
	if (m->first < s_first + 2 || !(cx_is(cx, m->first - 1, "were") || cx_is(cx, m->first - 1, "was")))
		return 0;
	k = am_lower(cx, m->first - 1);
	if (k == 0 || cx->am[k - 1].last != m->first - 1 || cx->am[k - 1].first < s_first)
		return 0;
	const struct actor_mention *a = &cx->am[k - 1];
	for (size_t i = a->first > 3 + s_first ? a->first - 3 : s_first; i < a->first; i++)
		if (number_at(&cx->t, i, a->first, &c) && c.value > 0)
			return c.value;
	return 0;
}

static long people_taken(const struct ectx *cx, const struct event *e)
{
	return people_taken_at(cx, e->trigger, sentence_first(cx, e->sentence),
			       sentence_last(cx, e->sentence));
}

/* "supporters of two parties fought with sticks and bricks": a brawl with crude weapons and
 * no armed side is mob violence (ACLED Riots), not an armed clash. */
static int crude_brawl(const struct ectx *cx, const struct event *e)
{
	static const char *const crude[] = { "sticks", "stick", "bricks", "brickbats", "stones",
		"rocks", "machetes", "clubs", "batons", "rods", "cudgels", "knives", "bamboo",
		"fists", "bottles", "sharp", "lathis", NULL };
	static const char *const arms[] = { "gun", "guns", "gunfire", "gunshots", "gunshot",
		"firearms", "rifles", "rifle", "shot", "shooting", "fire", "fired", "grenade",
		"grenades", "bomb", "bombs", "rockets", "mortar", "mortars", "artillery", NULL };
	if (e->actor1 >= 0 && cx->am[e->actor1].inter >= 1 && cx->am[e->actor1].inter <= 4)
		return 0;
	if (e->actor1 >= 0 && cx->am[e->actor1].inter == 8)
		return 0;
	int has_crude = 0;
	for (size_t i = sentence_first(cx, e->sentence); i < sentence_last(cx, e->sentence); i++) {
		if (cx_is_any(cx, i, arms))
			return 0;
		if (cx_is_any(cx, i, crude))
			has_crude = 1;
	}
	return has_crude;
}

/* One of words among the reach tokens before tok, in its clause (no punctuation between). */
static int word_before(const struct ectx *cx, size_t tok, size_t s_first, size_t reach,
		       const char *const *words)
{
	for (size_t i = tok; i > s_first && tok - i < reach; i--) {
		if (cx->t.tok[i - 1].flags & TOK_PUNCT)
			break;
		if (cx_is_any(cx, i - 1, words))
			return 1;
	}
	return 0;
}

/* "a military jet bombed the market", "bombs dropped by a helicopter": bombing from the
 * air is an air strike. */
static int dropped_from_air(const struct ectx *cx, const struct event *e)
{
	static const char *const aircraft[] = { "jet", "jets", "warplane", "warplanes", "aircraft",
		"helicopter", "helicopters", "gunship", "gunships", "plane", "planes", "drone",
		"drones", "air", NULL }; /* not "bomber": suicide bombers drive */
	const struct trigger_mention *m = &cx->tm[e->trigger];
	size_t s_first = sentence_first(cx, e->sentence), s_last = sentence_last(cx, e->sentence);
	if (word_before(cx, m->first, s_first, 4, aircraft))
		return 1;
	for (size_t i = m->last; i < s_last && i < m->last + 5; i++)
		if ((cx_is(cx, i, "by") || cx_is(cx, i, "from")) && i + 3 < s_last)
			for (size_t j = i + 1; j < i + 4; j++)
				if (cx_is_any(cx, j, aircraft))
					return 1;
	return 0;
}

static void type_event(struct ectx *cx, struct event *e, int civilians_only, int any_killed)
{
	if ((e->cls == EC_GRENADE || e->cls == EC_IED || e->cls == EC_SHELLING ||
	     e->cls == EC_AIRSTRIKE || e->cls == EC_SUICIDE) && weapon_recovered(cx, e))
		e->cls = EC_DISRUPTED;
	if (e->cls == EC_IED && dropped_from_air(cx, e)) {
		e->cls = EC_AIRSTRIKE;
		e->cameo = "195"; /* employ aerial weapons */
	}
	long taken = e->cls == EC_CAPTURE_PLACE ? people_taken(cx, e) : 0;
	if (taken) {
		e->cls = is_state(cx, e->actor1) ? EC_ARREST : EC_ABDUCTION;
		if (e->detained < 0)
			e->detained = taken;
	}
	/* Burning and stoning with no crowd anywhere in the story is an armed group's doing. */
	if ((e->cls == EC_RIOT || e->cls == EC_MOB) && !protest_context(cx) && !riot_context(cx) &&
	    e->actor1 < 0)
		e->cls = EC_LOOTING;
	/* Force against a crowd is a protest event only where there is a protest; rioting by an
	 * armed group (burning houses in a raid) is property destruction. */
	if ((e->cls == EC_PROTEST_FORCE || e->cls == EC_PROTEST_INTERVENTION) && !protest_context(cx)) {
		if (e->cls == EC_PROTEST_INTERVENTION) {
			e->dropped = 1;
			why(cx, e, "; dropped: crowd control without a protest");
		}
		e->cls = EC_ATTACK;
	}
	if ((e->cls == EC_RIOT || e->cls == EC_MOB) && e->actor1 >= 0 && cx->am[e->actor1].inter >= 1 &&
	    cx->am[e->actor1].inter <= 4)
		e->cls = EC_LOOTING;
	if (e->cls == EC_CLASH && crude_brawl(cx, e)) {
		e->cls = EC_MOB;
		e->cameo = "145"; /* riot */
		why(cx, e, "; crude weapons, no armed side: mob violence");
	}
	e->event_type = ev_class_event_type(e->cls);
	e->sub_event_type = sub_type(e->cls);
	if (e->cls == EC_TERRITORY || e->cls == EC_CAPTURE_PLACE) {
		/* A foreign army taking ground is coded as ACLED codes non-state takeovers. */
		int foreign = 0;
		if (is_state(cx, e->actor1) && e->place_idx >= 0 && cx->am[e->actor1].iso3[0]) {
			int c = cx->ex->gz->places[e->place_idx].country;
			foreign = c >= 0 && strcmp(cx->ex->gz->countries[c].iso3, cx->am[e->actor1].iso3) != 0;
		}
		if ((is_state(cx, e->actor1) && !foreign) || (e->actor1 < 0 && regain_word(cx, e)))
			e->sub_event_type = "Government regains territory";
	} else if (e->cls == EC_ATTACK && e->actor2 >= 0 && cx->am[e->actor2].inter >= 1 &&
		   cx->am[e->actor2].inter <= 4) {
		/* Shooting at soldiers or police is a fight, not violence against civilians. */
		e->event_type = "Battles";
		e->sub_event_type = "Armed clash";
	} else if (e->cls == EC_CLASH || e->cls == EC_KILL) {
		/* Civilians as the direct object of an attack verb, or the only dead. */
		int target_civ = e->actor2 >= 0 && cx->am[e->actor2].inter == 7 &&
				 cx->am[e->actor2].first <= cx->tm[e->trigger].last + 3;
		/* "bandits killed eight people in an attack": one armed side, unarmed dead. Words
		 * like "clash" or "battle" always have two sides. */
		static const char *const two_sided[] = { "clash", "clashes", "clashed", "clashing",
			"fighting", "fought", "fight", "battle", "battles", "battled", "gunfight",
			"firefight", "skirmish", "skirmishes", "encounter", "exchange", NULL };
		int one_sided = any_killed && e->actor2 < 0 &&
				!cx_is_any(cx, cx->tm[e->trigger].first, two_sided) &&
				!cx_is_any(cx, cx->tm[e->trigger].last - 1, two_sided) &&
				(e->cls == EC_KILL || e->actor1 >= 0) &&
				!armed_counterpart(cx, e, e->sentence);
		if (target_civ || (civilians_only && any_killed) || one_sided) {
			e->event_type = "Violence against civilians";
			e->sub_event_type = "Attack";
		}
	}
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
	why(cx, e, "trigger '%s' (%s, cameo %s)", d->phrase, ev_class_name(d->cls),
		    d->cameo);
	return e;
}

static void set_place(struct ectx *cx, struct event *e, int pm, const char *rule)
{
	e->place = pm;
	e->place_idx = cx->pm[pm].place;
	e->precision = cx->pm[pm].precision;
	why(cx, e, "; place '%s' (%s, %s)", cx->ex->gz->places[e->place_idx].name,
		    place_kind_name(cx->ex->gz->places[e->place_idx].kind), rule);
}

static int last_event_place(const struct ectx *cx, unsigned para, int same_para)
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

static void set_date(struct ectx *cx, struct event *e, size_t anchor, int doc_lead_date)
{
	size_t from, to;
	trigger_segment(cx, e->trigger, &from, &to);
	/* A trigger dated only in the future ("due to meet on July 12") is a plan. */
	for (size_t k = dm_lower(cx, from); k < cx->n_dm && cx->dm[k].first < to; k++)
		if ((cx->dm[k].flags & DM_FUTURE) && nearest_date(cx, anchor, from, to) < 0) {
			e->dropped = 1;
			why(cx, e, "; dropped: dated in the future");
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
		why(cx, e, "; date '%s' of the earlier event in the sentence", e->date_text);
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
		why(cx, e, "; date '%s' (%s)%s", e->date_text, m->rule,
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
		why(cx, e, "; date from the event the sentence continues (sentence %zu)",
			    prev->sentence + 1);
	} else if (doc_lead_date >= 0) {
		const struct date_mention *lead = &cx->dm[doc_lead_date];
		e->event_date = lead->date;
		e->time_precision = lead->precision;
		size_t a = cx->t.tok[lead->first].start, b = cx->t.tok[lead->last - 1].end;
		e->date_text = ectx_strdup(cx, cx->d->text.buf + a, b - a);
		why(cx, e, "; date of the article's lead");
	} else if (cx->pub.y) {
		e->event_date = cx->pub;
		e->time_precision = 2;
		e->date_text = NULL;
		why(cx, e, "; date: publication date (no date in the text)");
	}
}

/* First usable date of the first two paragraphs: what the lead says happened when. */
static int lead_date(const struct ectx *cx)
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

static int violence_rank(enum ev_class c)
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
	static const char *const long_spans[] = { "week", "weeks", "month", "months", "year",
		"years", "decade", "decades", NULL };
	if ((cx_is(cx, i, "over") || cx_is(cx, i, "in") || cx_is(cx, i, "during")) &&
	    cx_is(cx, i + 1, "the") && (cx_is(cx, i + 2, "past") || cx_is(cx, i + 2, "last"))) {
		size_t j = i + 3;
		struct count c;
		j += number_at(&cx->t, j, cx->t.n, &c);
		if (cx_is_any(cx, j, long_spans))
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

static int aggregate_sentence(const struct ectx *cx, size_t s)
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

static int has_date(const struct ectx *cx, size_t s)
{
	for (size_t d = dm_lower(cx, sentence_first(cx, s)); d < cx->n_dm &&
	     cx->dm[d].first < sentence_last(cx, s); d++)
		if (date_usable(cx, d))
			return 1;
	return 0;
}

/* Not a past, participle, -ing or -s form: "recruit", "attack", "seize". */
static int is_base_form(const char *w)
{
	static const char *const irregular[] = { "fought", "took", "taken", "overran", "overrun",
		"fell", "fallen", "shot", "hit", "struck", "blew", "blown", "led", "held", "stole",
		"stolen", "broke", "broken", "set", "began", "begun", "beat", "beaten", "won", "lost",
		"drove", "driven", "threw", "thrown", "ran", "slew", "slain", "swept", "caught",
		"burnt", "laid", "hid", "hidden", "withdrew", "withdrawn", "retook", "retaken",
		"overtook", "overtaken", "put", "cut", "spread", "rose", "risen", "sent", "kept",
		"left", "met", "tore", "torn", "shook", "froze", "frozen", "sank", "sunk", "bled",
		"fled", "dead", NULL };
	size_t n = strlen(w);
	if (n < 3 || (n > 2 && !strcmp(w + n - 2, "ed")) || (n > 3 && !strcmp(w + n - 3, "ing")) ||
	    w[n - 1] == 's')
		return 0;
	for (size_t i = 0; irregular[i]; i++)
		if (!strcmp(w, irregular[i]))
			return 0;
	return 1;
}

/* Checks that depend on the words around a trigger, beyond the lexicon entry itself. */
/* "attacked police", "shelling forces": an inflected verb, not a noun modifying the next. */
static int verb_form(const struct ectx *cx, const struct trigger_mention *m, const struct trigger_def *d)
{
	if (!(d->flags & TR_VERB) || m->last != m->first + 1)
		return 0;
	const char *w = cx->t.tok[m->first].norm;
	size_t n = strlen(w);
	return (n > 4 && !strcmp(w + n - 2, "ed")) ||
	       (n > 5 && !strcmp(w + n - 3, "ing") && m->first > 0 &&
		!cx_is(cx, m->first - 1, "the") && !cx_is(cx, m->first - 1, "a"));
}

static int trigger_fits(const struct ectx *cx, int k, size_t s_first, size_t s_last, size_t s)
{
	static const char *const desire[] = { "wants", "want", "wanted", "demands", "demanded",
		"demand", "demanding", "seeking", "seeks", "sought", "urged", "urging", "pressing",
		"proposed", "proposal", "offer", "offered", "offering", "guarantees", "negotiate",
		"negotiating", "calling", "prospects", "hopes", "hope", "called", "calls", "call",
		"secure", "securing", "efforts", "effort", "broker", "brokering", "reach", "reaching",
		"push", "pushing", "pushed", "bid", "mediators", "mediating", "appeal", "appeals",
		"appealed", "request", "requested", "requests", "asked", "asking", "permission",
		"supply", "supplies", "deliveries", "delivery", NULL };
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
		static const char *const to_words[] = { "to", "into", "under", NULL };
		static const char *const fallen[] = { "city", "town", "capital", "district", "base",
			"province", "village", "headquarters", "centre", "center", "garrison", "post",
			"outpost", "stronghold", "airport", "port", "crossing", NULL };
		int ok = 0;
		for (size_t i = m->last; i < s_last && i < m->last + 4 && !ok; i++)
			ok = cx_is_any(cx, i, to_words);
		for (size_t i = m->first; i > s_first && m->first - i < 2 && !ok; i--)
			ok = cx_is_any(cx, i - 1, fallen);
		int pb = place_before(cx, (size_t)k, s_first);
		if (!ok && pb >= 0 && cx->pm[pb].last + 6 >= m->first)
			ok = 1;
		if (!ok)
			return 0;
	}
	/* "the besieged capital", "a captured soldier": a participle used as an adjective. */
	if ((d->flags & TR_VERB) && m->last == m->first + 1 && m->first > s_first) {
		static const char *const det[] = { "the", "a", "an", "its", "their", "his", "her", NULL };
		const char *w = cx->t.tok[m->first].norm;
		size_t wl = strlen(w);
		if (wl > 3 && !strcmp(w + wl - 2, "ed") && cx_is_any(cx, m->first - 1, det))
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
	static const char *const disasters[] = { "earthquake", "quake", "flood", "floods",
		"flooding", "cyclone", "hurricane", "typhoon", "landslide", "landslides", "storm",
		"tsunami", "wildfire", "wildfires", "mudslide", "avalanche", "tremor", "epidemic",
		"outbreak", NULL };
	for (size_t i = m->first; i > s_first && m->first - i < 5; i--)
		if (cx_is_any(cx, i - 1, disasters))
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
		static const char *const now[] = { "say", "says", "have", "has", "are", "is",
			"continue", "continues", "often", "frequently", "routinely", "still", "carries",
			"carry", "stages", "launches", "regularly", NULL };
		for (size_t i = s_first; i < s_last; i++)
			present |= cx_is_any(cx, i, now);
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
		static const char *const habit[] = { "regularly", "routinely", "frequently", "often",
			"usually", "repeatedly", "typically", "sometimes", "occasionally", NULL };
		if (word_before(cx, m->first, s_first, 7, habit))
			return 0;
	}
	/* "The protest followed a violent weekend", "The attack came days after": the event
	 * already reported, named again as a subject. */
	if ((d->flags & TR_NOUN) && m->first == s_first + 1 && cx_is(cx, s_first, "the") &&
	    !has_date(cx, s)) {
		static const char *const again[] = { "followed", "follows", "came", "comes", "was",
			"is", "marked", "happened", "occurred", "took", "drew", "sparked", "prompted",
			"triggered", NULL };
		if (cx_is_any(cx, m->last, again))
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
		static const char *const going_on[] = { "raged", "rages", "continued", "continues",
			"intensified", "escalated", "spread", "persisted", "dragged", NULL };
		if (cx_is_any(cx, m->last, going_on))
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
		static const char *const place_nouns[] = { "city", "cities", "town", "towns", "capital",
			"capitals", "district", "districts", "province", "provinces", "village",
			"villages", "base", "bases", "territory", "territories", "area", "areas",
			"positions", "position", "checkpoint", "checkpoints", "posts", "outpost",
			"outposts", "headquarters", "compound", "airport", "airbase", "crossing",
			"highway", "road", "hill", "hills", "region", "port", "centre", "center",
			"neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods", "prison",
			"county", "locality", "localities", "settlement", "settlements", NULL };
		for (size_t i = m->last; !place_next && i < m->last + 5 && i < s_last; i++)
			if (cx_is_any(cx, i, place_nouns))
				place_next = 1;
		if (!place_next && !passive && !people_taken_at(cx, k, s_first, s_last))
			return 0;
	}
	/* Perfect aspect after the lead, with no date: background, not news. */
	static const char *const perfect[] = { "has", "have", "had", NULL };
	for (size_t i = m->first; i > s_first && m->first - i < 5; i--) {
		if (cx->t.tok[i - 1].flags & TOK_PUNCT)
			break;
		if (cx_is_any(cx, i - 1, perfect) && s > 1 && !has_date(cx, s))
			return 0;
	}
	/* Habitual present: "groups that recruit", "they attack convoys" describe what someone
	 * does, not an event. A base-form verb after a relative pronoun or a plural subject. */
	if (m->last == m->first + 1 && is_base_form(cx->t.tok[m->first].norm) && m->first > s_first) {
		static const char *const subj[] = { "that", "who", "which", "they", "we", "often",
			"usually", "regularly", "routinely", "frequently", "sometimes", NULL };
		const struct token *p = &cx->t.tok[m->first - 1];
		size_t pl = strlen(p->norm);
		if (cx_is_any(cx, m->first - 1, subj) ||
		    ((p->flags & TOK_WORD) && !(p->flags & TOK_CAP) && pl > 3 && p->norm[pl - 1] == 's' &&
		     p->norm[pl - 2] != 's' && !(p->flags & TOK_POSS)))
			return 0;
	}
	/* A noun modifying another ("combat forces", "attack helicopters", "riot gear"). */
	static const char *const heads[] = { "forces", "troops", "units", "unit", "helicopter",
		"helicopters", "aircraft", "jets", "planes", "rifles", "rifle", "weapons", "mission",
		"missions", "operations", "role", "roles", "leaders", "leader", "police", "gear",
		"vehicles", "vehicle", "tanks", "squad", "zone", "zones", "experience", "training",
		"capability", "capabilities", "readiness", "brigade", "battalion", "organisers",
		"organizers", "movement", "site", "sites", "dogs", "boats", "ships", "drills",
		"exercises", "talks", "negotiations", "proposal", "proposals", "plan", "plans",
		"efforts", "bid", "calls", "envoy", "monitors", NULL };
	if ((d->flags & TR_NOUN) && cx_is_any(cx, m->last, heads) && !verb_form(cx, m, d))
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
	static const char *const relatives[] = { "that", "who", "which", NULL };
	if (m->first > s_first && cx_is_any(cx, m->first - 1, relatives) &&
	    !date_in_clause(cx, m->last, s_last))
		return 0;
	/* Nouns wished for or feared, not done: "wants a ceasefire", "threats, including
	 * rockets and car bombs", "to prevent attacks". */
	static const char *const feared[] = { "threat", "threats", "fears", "fear", "feared",
		"risk", "risks", "warned", "warning", "warnings", "watching", "possible", "potential",
		"planned", "plot", "plots", "plotting", "future", "prevent", "preventing", "deter",
		"threatening", "threatened", "avert", "averting", "capable", "capability", "displaced",
		"fled", "fleeing", "amid", "responsible", "accused", "blamed", "blame", "involved",
		"role", "planning", "mastermind", "masterminded", "orchestrating", "condemned",
		"condemning", "condemns", "condemn", "denounced", "deplored", "mourned", "mourning",
		"discusses", "discuss", "rarely", "acknowledges", "comment", "comments", "similar",
		"faces", "facing", NULL };
	if (d->flags & TR_NOUN || d->cls == EC_AGREEMENT) {
		/* A truce is wished for across a whole clause: "called for a three-month truce
		 * followed by a permanent ceasefire". */
		size_t reach = d->cls == EC_AGREEMENT ? 16 : 8;
		for (size_t i = m->first; i > s_first && m->first - i < reach; i--)
			if (cx_is_any(cx, i - 1, desire) || cx_is_any(cx, i - 1, feared))
				return 0;
	}
	(void)s_last;
	return 1;
}

static int sentence_blocked(const struct ectx *cx, size_t t0, size_t t1)
{
	for (size_t k = t0; k < t1; k++)
		if (tdef(cx, (int)k)->flags & TR_BLOCK)
			return 1;
	return 0;
}

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

static void attach_counts(struct ectx *cx, size_t ev0, size_t s)
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
			    (k->civilians || cx->am[k->victim].inter != 7))
				e->actor2 = k->victim;
		}
		why(cx, e, "; %s %ld", k->kind == CAS_KILLED ? "killed" :
			    k->kind == CAS_INJURED ? "injured" : "detained", k->count.value);
	}
}

static void sentence_counts(const struct ectx *cx, size_t s, int *civilians_only, int *killed)
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

static int claim_in_sentence(const struct ectx *cx, size_t s)
{
	size_t k = cl_lower(cx, s);
	return k < cx->n_cl && cx->t.tok[cx->cl[k].verb].sentence == s ? (int)k : -1;
}

static int riot_context(struct ectx *cx)
{
	if (cx->riot_ctx < 0) {
		cx->riot_ctx = 0;
		for (size_t k = 0; k < cx->n_am && !cx->riot_ctx; k++)
			cx->riot_ctx = cx->am[k].inter == 5;
		/* Only words for crowds make a riot: "set ablaze" is burning, whoever did it. */
		for (size_t k = 0; k < cx->n_tm && !cx->riot_ctx; k++) {
			const struct trigger_def *d = tdef(cx, (int)k);
			cx->riot_ctx = d->cls == EC_RIOT &&
				       (strstr(d->phrase, "riot") || strstr(d->phrase, "protest") ||
					strstr(d->phrase, "demonstrat") || strstr(d->phrase, "police") ||
					strstr(d->phrase, "mob") || strstr(d->phrase, "crowd") ||
					strstr(d->phrase, "violent") || strstr(d->phrase, "stone"));
		}
	}
	return cx->riot_ctx;
}

static const char *local_name(struct ectx *cx, const char *name, int ctry)
{
	static const char *const bases[] = { "Unidentified Armed Group", "Civilians", "Protesters",
		"Rioters", NULL };
	if (!name || ctry < 0)
		return name;
	for (size_t i = 0; bases[i]; i++) {
		size_t n = strlen(bases[i]);
		if (!strncmp(name, bases[i], n) && !strncmp(name + n, " (", 2))
			return ectx_actor_name(cx, bases[i], ctry);
	}
	return name;
}

static void default_actors(struct ectx *cx, struct event *e, int ctry)
{
	if (e->actor1 >= 0 && e->actor1 == e->actor2)
		e->actor2 = -1;
	/* Civilians suffer violence; they are never its first actor. */
	if (e->actor1 >= 0 && cx->am[e->actor1].inter == 7 && strcmp(e->event_type, "Protests") &&
	    strcmp(e->event_type, "Strategic developments")) {
		if (e->actor2 < 0)
			e->actor2 = e->actor1;
		e->actor1 = -1;
	}
	if (e->actor1 < 0 && is_protest(e->cls))
		e->actor1_name = ectx_actor_name(cx, "Protesters", ctry), e->inter1 = 6;
	else if (e->actor1 < 0 && (e->cls == EC_RIOT || e->cls == EC_MOB))
		e->actor1_name = ectx_actor_name(cx, "Rioters", ctry), e->inter1 = 5;
	else if (e->actor1 < 0 && (e->cls == EC_ARREST || e->cls == EC_PROTEST_INTERVENTION ||
				   e->cls == EC_PROTEST_FORCE))
		e->actor1_name = state_force_name(cx, ctry, 1), e->inter1 = 1;
	else if (e->actor1 < 0 && e->cls == EC_AIRSTRIKE && cx->responsible < 0 && cx->blamed < 0)
		e->actor1_name = state_force_name(cx, ctry, 0), e->inter1 = 1; /* who else flies */
	else if (e->actor1 < 0 && e->cls == EC_LOOTING && (protest_context(cx) || riot_context(cx)))
		e->actor1_name = ectx_actor_name(cx, "Rioters", ctry), e->inter1 = 5;
	else if (e->actor1 < 0 && e->cls == EC_CLASH && e->victim_am >= 0 &&
		 is_nonstate_armed(cx, e->victim_am) && is_state(cx, e->actor2) &&
		 (cx_is(cx, cx->tm[e->trigger].last, "with") ||
		  cx_is(cx, cx->tm[e->trigger].last, "between"))) {
		/* "Two LeT militants were killed in a gunfight with security forces". */
		e->actor1 = e->actor2;
		e->actor2 = e->victim_am;
		why(cx, e, "; roles: the state fought the group whose dead are counted");
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
			why(cx, e, "; actor1: claimed by or blamed on");
		} else if (same) {
			e->actor1_name = same->actor1_name;
			e->inter1 = same->inter1;
			why(cx, e, "; actor1 from the previous event of the same kind");
		} else if ((p = protagonist(cx)) >= 0) {
			e->actor1 = p;
			why(cx, e, "; actor1 from context: the group the article is about");
		} else if (violence_rank(e->cls) <= 3 && e->cls != EC_AIRSTRIKE && e->cls != EC_SHELLING &&
			   e->cls != EC_TERRITORY && e->cls != EC_CAPTURE_PLACE) {
			/* A bomb or a killing by no one named: ACLED's unidentified armed group. */
			e->actor1_name = ectx_actor_name(cx, "Unidentified Armed Group", ctry);
			e->inter1 = 3;
			why(cx, e, "; actor1: nobody named, an unidentified armed group");
		}
	}
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
	if (!strcmp(e->event_type, "Protests") && (e->inter1 == 7 || !e->actor1_name)) {
		e->actor1_name = ectx_actor_name(cx, "Protesters", ctry);
		e->inter1 = 6;
	}
	/* In protest events the protesters come first and the state, if it steps in, second. */
	if (!strcmp(e->event_type, "Protests") && e->inter1 == 1) {
		e->actor2_name = e->actor1_name;
		e->inter2 = 1;
		e->actor1_name = ectx_actor_name(cx, "Protesters", ctry);
		e->inter1 = 6;
	}
	/* Protests have a second actor only when the state steps in; rioters riot. */
	if (!strcmp(e->event_type, "Protests") && e->inter2 != 1) {
		e->actor2_name = NULL;
		e->inter2 = 0;
	}
	if (!strcmp(e->event_type, "Riots") && (e->inter1 == 6 || e->inter1 == 7 || !e->actor1_name)) {
		e->actor1_name = ectx_actor_name(cx, "Rioters", ctry);
		e->inter1 = 5;
	}
	/* Territory taken by a non-state group is taken from the state. */
	if (e->actor2 < 0 && (e->cls == EC_TERRITORY || e->cls == EC_CAPTURE_PLACE) &&
	    e->inter1 >= 2 && e->inter1 <= 4 && ctry >= 0) {
		e->actor2_name = state_force_name(cx, ctry, 0);
		e->inter2 = 1;
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
			    cx->am[k].inter != 7) {
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
						 (e->inter1 == 1 && e->inter2 == 1 &&
						  strstr(e->actor1_name, " of ") && strstr(e->actor2_name, " of ") &&
						  !strcmp(strstr(e->actor1_name, " of "), strstr(e->actor2_name, " of "))))) {
		/* Two branches of one state are one side. */
		e->actor2_name = NULL;
		e->inter2 = 0;
	}
	/* Violence against civilians has civilians on the other side, named or not. */
	if (!strcmp(e->event_type, "Violence against civilians") && !e->actor2_name) {
		e->actor2_name = ectx_actor_name(cx, "Civilians", ctry);
		e->inter2 = 7;
	}
	/* A mob that killed someone killed a civilian. */
	if (e->cls == EC_MOB && !e->actor2_name && e->fatalities > 0) {
		e->actor2_name = ectx_actor_name(cx, "Civilians", ctry);
		e->inter2 = 7;
	}
	if (e->inter2 == 7)
		e->civilian_targeting = 1;
}

/* An event placed only at a country ("across Afghanistan") takes the place the article has
 * been following inside that country, if any. */
static void refine_country(struct ectx *cx, struct event *e)
{
	if (e->place_idx < 0 || cx->ex->gz->places[e->place_idx].kind != PK_COUNTRY)
		return;
	int c = cx->ex->gz->places[e->place_idx].country;
	int cand[2] = { last_event_place(cx, cx->t.sent[e->sentence].para, 0), main_place(cx) };
	for (int i = 0; i < 2; i++)
		if (cand[i] >= 0 && place_country(cx, cx->pm[cand[i]].place) == c &&
		    cx->ex->gz->places[cx->pm[cand[i]].place].kind != PK_COUNTRY) {
			set_place(cx, e, cand[i], "country refined by the article's place");
			return;
		}
}

/* Events dated more than two years before publication are history, not news. */
#define HISTORY_DAYS 730

static void drop_history(struct ectx *cx, struct event *e)
{
	if (!e->event_date.y || !cx->pub.y)
		return;
	long age = days_from_civil(cx->pub.y, cx->pub.m, cx->pub.d) -
		   days_from_civil(e->event_date.y, e->event_date.m, e->event_date.d);
	if (age > HISTORY_DAYS) {
		e->dropped = 1;
		why(cx, e, "; dropped: %ld days before publication", age);
	}
}

/* "the attack", "Thursday's bombing": a definite generic noun refers back to the latest event
 * already coded, unless the sentence names another place for it. */
static void find_coreference(struct ectx *cx, struct event *e, int own_place)
{
	static const char *const generic[] = { "attack", "attacks", "assault", "bombing",
		"bombings", "blast", "explosion", "violence", "fighting", "incident", "raid", "strike",
		"strikes", "ambush", "offensive", "assaults", "clashes", "killings", "massacre",
		"protest", "protests", "demonstration", "demonstrations", "rally", "unrest",
		"shelling", "airstrike", "airstrikes", "bombardment", NULL };
	static const char *const determiners[] = { "the", "this", "that", "these", "those", "its",
		"their", "his", "her", "same", NULL };
	const struct trigger_mention *m = &cx->tm[e->trigger];
	if (m->last != m->first + 1 || !cx_is_any(cx, m->first, generic) || m->first == 0)
		return;
	/* The determiner may stand before up to two adjectives: "the heaviest attack". */
	int definite = 0;
	for (size_t p = m->first; p > 0 && m->first - p < 3; p--) {
		const struct token *t = &cx->t.tok[p - 1];
		if (cx_is_any(cx, p - 1, determiners) || (t->flags & TOK_POSS)) {
			definite = 1;
			break;
		}
		if (!(t->flags & TOK_WORD) || (t->flags & TOK_CAP) || (t->flags & TOK_NUMBER))
			break;
	}
	if (!definite)
		return;
	for (size_t k = (size_t)(e - cx->ev); k-- > 0;) {
		const struct event *prev = &cx->ev[k];
		if (prev->dropped || prev->sentence >= e->sentence)
			continue;
		if (own_place >= 0 && prev->place_idx >= 0 && prev->place_idx != cx->pm[own_place].place &&
		    cx->ex->gz->places[cx->pm[own_place].place].kind != PK_COUNTRY &&
		    cx->ex->gz->places[cx->pm[own_place].place].kind != PK_ADM1)
			return;
		e->coref = (int)k;
		why(cx, e, "; refers back to the event of sentence %zu", prev->sentence + 1);
		return;
	}
}

/* A state or armed actor in the sentence other than the event's own agent. */
static int armed_counterpart(const struct ectx *cx, const struct event *e, size_t s)
{
	for (size_t k = am_lower(cx, sentence_first(cx, s)); k < cx->n_am &&
	     cx->am[k].first < sentence_last(cx, s); k++) {
		const struct actor_mention *a = &cx->am[k];
		if ((int)k == e->actor1 || !actor_usable(cx, k))
			continue;
		if (a->inter >= 1 && a->inter <= 4 && a->inter != 0 &&
		    (e->actor1 < 0 || !cx->am[e->actor1].name || strcmp(a->name, cx->am[e->actor1].name)))
			return 1;
	}
	return 0;
}

/* "hit a fuel station in the city on Sunday": the town named last, in this sentence or the
 * one before. */
/* Last resort: a place named anywhere, even by a speaker ("Villagers in Ituri said"). */
static int any_place(const struct ectx *cx)
{
	for (size_t k = 0; k < cx->n_pm; k++)
		if (cx->pm[k].place >= 0 && !(cx->pm[k].flags & (PM_MOTION | PM_BORDER)) &&
		    cx->ex->gz->places[cx->pm[k].place].kind != PK_COUNTRY)
			return (int)k;
	return -1;
}

static int the_town(const struct ectx *cx, size_t k, size_t s, size_t s_last)
{
	static const char *const towns[] = { "city", "town", "village", "camp", NULL };
	size_t end = clause_end(cx, k, s_last);
	int said = 0;
	for (size_t i = cx->tm[k].last; i + 1 < end && !said; i++)
		said = (cx_is(cx, i, "the") || cx_is(cx, i, "that")) && cx_is_any(cx, i + 1, towns) &&
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

static void build_sentence(struct ectx *cx, size_t s, size_t t0, size_t t1, int lead)
{
	size_t s_first = sentence_first(cx, s), s_last = sentence_last(cx, s);
	int blocked = sentence_blocked(cx, t0, t1), has_strong = 0, civ_only, killed;
	const char *reason;
	if (aggregate_sentence(cx, s))
		return;
	sentence_counts(cx, s, &civ_only, &killed);
	for (size_t k = t0; k < t1; k++) {
		unsigned f = tdef(cx, (int)k)->flags;
		if (!(f & (TR_WEAK | TR_BLOCK)) && !hypothetical(cx, cx->tm[k].first, &reason) &&
		    trigger_fits(cx, (int)k, s_first, s_last, s))
			has_strong = 1;
	}
	/* Among weak triggers alone, the most violent kind speaks for the sentence
	 * ("strikes ... destroying the home": an air strike, not property destruction). */
	int best_weak = 9;
	for (size_t k = t0; k < t1; k++)
		if ((tdef(cx, (int)k)->flags & TR_WEAK) && !(tdef(cx, (int)k)->flags & TR_BLOCK) &&
		    tdef(cx, (int)k)->cls != EC_KILL && violence_rank(tdef(cx, (int)k)->cls) < best_weak)
			best_weak = violence_rank(tdef(cx, (int)k)->cls);
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
			continue;
		if ((d->flags & TR_WEAK) && (has_strong || blocked ||
					     (d->cls == EC_KILL ? !kill_only : violence_rank(d->cls) > best_weak)))
			continue;
		if (d->cls == EC_KILL && !killed)
			continue;
		if (hypothetical(cx, cx->tm[k].first, &reason))
			continue;
		if (!trigger_fits(cx, (int)k, s_first, s_last, s))
			continue;
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
			if ((int)k == ev->actor1 || !actor_usable(cx, k) || a->inter < 1 || a->inter > 4)
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
				why(cx, ev, "; dropped: one-sided, part of another event");
				break;
			}
	}
	for (size_t e = ev0; e < cx->n_ev; e++) {
		struct event *ev = &cx->ev[e];
		int ctry = ev->place_idx >= 0 ? place_country(cx, ev->place_idx) : cx->country;
		if (ctry < 0)
			ctry = cx->country;
		ev->claim = claim;
		type_event(cx, ev, civ_only, killed);
		default_actors(cx, ev, ctry);
		if (ev->actor2 < 0 && ev->civilian_targeting == 0 && civ_only && killed)
			ev->civilian_targeting = 1;
	}
}

static int same_event(const struct ectx *cx, const struct event *a, const struct event *b)
{
	if (strcmp(a->event_type, b->event_type) != 0 ||
	    strcmp(a->sub_event_type, b->sub_event_type) != 0)
		return 0;
	/* A later mention whose place only came from context is the same event wherever the
	 * first one was placed. */
	if (a->place_idx != b->place_idx && !b->place_inherited)
		return 0;
	(void)cx;
	return a->event_date.y == b->event_date.y && a->event_date.m == b->event_date.m &&
	       a->event_date.d == b->event_date.d;
}

static void merge_events(struct ectx *cx)
{
	/* Mentions of one event are compared with the 200 events before them: enough for any
	 * article, and linear on a pathological 10 MB one. */
	for (size_t i = 0; i < cx->n_ev; i++) {
		struct event *b = &cx->ev[i];
		for (size_t j = i > 200 ? i - 200 : 0; j < i; j++) {
			struct event *a = &cx->ev[j];
			int target = b->coref;
			while (target >= 0 && cx->ev[target].merged_into >= 0)
				target = cx->ev[target].merged_into;
			if (a->merged_into >= 0 || a->dropped || b->dropped ||
			    !((target >= 0 && (size_t)target == j) || (target < 0 && same_event(cx, a, b))))
				continue;
			b->merged_into = (int)j;
			if (!a->actor1_name && b->actor1_name)
				a->actor1_name = b->actor1_name, a->inter1 = b->inter1;
			if (!a->actor2_name && b->actor2_name)
				a->actor2_name = b->actor2_name, a->inter2 = b->inter2;
			/* Counts of different dead add up ("killing six soldiers ... killed 11 of the
			 * attackers"); mentions that disagree about the same dead keep the most
			 * conservative count, as ACLED does. */
			if (a->fatalities > 0 && b->fatalities > 0 && a->victims && b->victims &&
			    strcmp(a->victims, b->victims) != 0) {
				a->fatalities += b->fatalities;
				a->fat_low = (a->fat_low < 0 ? 0 : a->fat_low) + (b->fat_low < 0 ? 0 : b->fat_low);
				a->fat_high = a->fat_high >= 0 && b->fat_high >= 0 ? a->fat_high + b->fat_high : -1;
				b->victims = NULL;
			} else if (a->fatalities <= 0 && b->fatalities > 0) {
				a->fatalities = b->fatalities;
				a->fat_low = b->fat_low;
				a->fat_high = b->fat_high;
			} else if (b->fatalities > 0 && b->fatalities != a->fatalities) {
				long hi = a->fatalities > b->fatalities ? a->fatalities : b->fatalities;
				if (b->fatalities < a->fatalities) {
					a->fatalities = b->fatalities;
					a->fat_low = b->fat_low;
				}
				if (a->fat_high >= 0 && a->fat_high < hi)
					a->fat_high = hi;
			}
			if (b->injuries > a->injuries)
				a->injuries = b->injuries;
			if (b->detained > a->detained)
				a->detained = b->detained;
			if (a->claim < 0)
				a->claim = b->claim;
			a->civilian_targeting |= b->civilian_targeting;
			why(cx, a, "; merged with the mention in sentence %zu", b->sentence + 1);
			break;
		}
	}
}

static int same_day(const struct event *a, const struct event *b)
{
	return a->event_date.y == b->event_date.y && a->event_date.m == b->event_date.m &&
	       a->event_date.d == b->event_date.d;
}

static int same_scene(const struct event *a, const struct event *b)
{
	return same_day(a, b) && (a->place_idx == b->place_idx || a->place_inherited ||
				  b->place_inherited);
}

/* Tokens between two events' triggers, whichever comes first. */
static size_t trigger_gap(const struct ectx *cx, const struct event *a, const struct event *b)
{
	if (a->trigger < 0 || b->trigger < 0)
		return (size_t)-1;
	const struct trigger_mention *x = &cx->tm[a->trigger], *y = &cx->tm[b->trigger];
	if (x->first > y->first) {
		const struct trigger_mention *t = x;
		x = y;
		y = t;
	}
	return y->first >= x->last ? y->first - x->last : 0;
}

static void fold_into(struct ectx *cx, struct event *into, struct event *from, const char *reason)
{
	if (from->detained > into->detained)
		into->detained = from->detained;
	if (from->fatalities > into->fatalities) {
		into->fatalities = from->fatalities;
		into->fat_low = from->fat_low;
		into->fat_high = from->fat_high;
	}
	if (from->injuries > into->injuries)
		into->injuries = from->injuries;
	why(cx, into, "; %s (sentence %zu)", reason, from->sentence + 1);
}

/* One scene, one event: arrests at a protest are part of it; a riot outranks the protest it
 * grew from; a withdrawal is the other face of a takeover, and a takeover "without a fight"
 * is a non-violent transfer. */
static void reconcile_kinds(struct ectx *cx)
{
	for (size_t i = 0; i < cx->n_ev; i++) {
		struct event *a = &cx->ev[i];
		if (a->dropped || a->merged_into >= 0)
			continue;
		for (size_t j = i > 30 ? i - 30 : 0; j < cx->n_ev && j <= i + 30; j++) {
			struct event *b = &cx->ev[j];
			if (i == j || b->dropped || b->merged_into >= 0 || !same_scene(a, b))
				continue;
			int fold = 0;
			if (a->cls == EC_ARREST && (is_protest(b->cls) || b->cls == EC_RIOT))
				fold = 1; /* a into b */
			else if (is_protest(a->cls) && b->cls == EC_RIOT)
				fold = 1;
			else if (a->cls == EC_LOOTING && (b->cls == EC_RIOT || violence_rank(b->cls) <= 3))
				fold = 1; /* looting by rioters, houses burned in a raid */
			else if ((a->cls == EC_IED || a->cls == EC_GRENADE) && a->place_inherited &&
				 a->fatalities <= 0 && !strcmp(b->event_type, "Battles"))
				fold = 1; /* "threw explosive devices" during the gunfight */
			else if ((a->cls == EC_IED || a->cls == EC_GRENADE) && a->sentence == b->sentence &&
				 (b->cls == EC_SUICIDE || (b->cls == EC_AIRSTRIKE && trigger_gap(cx, a, b) <= 3) ||
				  (b->cls == EC_DISRUPTED && trigger_gap(cx, a, b) <= 6)))
				fold = 1; /* the suicide bomber's car bomb; explosives dropped from drones;
					   * "recovered suicide vests, hand grenades and rifles" */
			else if (a->cls == EC_CLASH && b->cls == EC_ARREST && a->sentence == b->sentence &&
				 a->fatalities <= 0 && a->injuries <= 0 && a->trigger >= 0 &&
				 (cx_is(cx, cx->tm[a->trigger].first, "raid") ||
				  cx_is(cx, cx->tm[a->trigger].first, "raids")))
				fold = 1; /* "arrested four in a raid": the raid is the arrest */
			else if (a->cls == EC_CLASH && a->sentence == b->sentence &&
				 (b->cls == EC_TERRITORY || b->cls == EC_CAPTURE_PLACE) &&
				 a->place_idx == b->place_idx)
				fold = 1; /* "overran the town, killing four soldiers in a gunfight" */
			else if (a->cls == EC_TRANSFER && (b->cls == EC_TERRITORY || b->cls == EC_CAPTURE_PLACE)) {
				if (a->trigger >= 0 && tdef(cx, a->trigger)->flags & TR_WEAK) {
					fold = 1; /* "withdrew": part of the takeover */
				} else {
					b->cls = EC_TRANSFER; /* "without a fight": the takeover was peaceful */
					b->event_type = a->event_type;
					b->sub_event_type = a->sub_event_type;
					if (b->place_inherited && !a->place_inherited) {
						b->place_idx = a->place_idx;
						b->place = a->place;
						b->precision = a->precision;
					}
					fold = 1;
				}
			}
			if (fold) {
				fold_into(cx, b, a, "folded in");
				a->merged_into = (int)j;
				if (!b->actor2_name && a->actor2_name && strcmp(a->actor2_name, b->actor1_name ? b->actor1_name : "")) {
					b->actor2_name = a->actor2_name;
					b->inter2 = a->inter2;
				}
				break;
			}
		}
	}
}

/* "Turkish troops have set up a base, officials said on Wednesday. The base ... was
 * established on Monday": a later sentence naming the event again gives its own date, better
 * than when it was said. */
static void redate_from_reference(struct ectx *cx)
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
			why(cx, e, "; redated '%s' by 'the %s' in sentence %zu", e->date_text, head, s + 1);
			break;
		}
	}
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
	redate_from_reference(cx);
	reconcile_kinds(cx);
}
