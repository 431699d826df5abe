/* casualties: counts of killed, wounded and detained, with who the victims were.
 * "killed 20 soldiers and five civilians" (active), "20 soldiers were killed" (passive),
 * "left 12 dead", "the death toll rose to 30". "killed and wounded dozens" is no count of the
 * dead, and numbers of troops or prisoners that nobody killed are not casualties. */
#include <string.h>

#include "extract/ectx.h"
#include "base/util.h"

static const char *const kill_active[] = { "killed", "killing", "kills", "kill", "slew",
	"massacred", "massacring", "executed", "executing", "murdered", "slaughtered",
	"beheaded", "lynched", "neutralised", "neutralized", "neutralising", "neutralizing",
	"eliminated", "eliminating", NULL };
static const char *const injure_active[] = { "wounded", "wounding", "wounds", "injured",
	"injuring", "injures", "injure", "wound", NULL };
static const char *const detain_active[] = { "arrested", "arresting", "detained", "detaining",
	"apprehended", "apprehending", "nabbed", NULL };
static const char *const kill_passive[] = { "killed", "dead", "died", "slain", "perished",
	"executed", "massacred", "murdered", "slaughtered", "beheaded", "lynched", "martyred",
	"neutralised", "neutralized", "eliminated", NULL };
static const char *const injure_passive[] = { "wounded", "injured", "hurt", NULL };
static const char *const detain_passive[] = { "arrested", "detained", "apprehended", "held",
	NULL };
static const char *const aux[] = { "were", "was", "have", "has", "had", "been", "are", "is",
	"reportedly", "also", "later", "allegedly", "being", "confirmed", "lightly", "slightly",
	"seriously", "critically", "badly", "fatally", "mortally", "gravely", "severely",
	"reported", "believed", "feared", "initially", NULL };

static int passive_kind(const struct ectx *cx, size_t i, enum casualty_kind *kind);

static int victim_at(const struct ectx *cx, size_t from, size_t to, int *civilian)
{
	for (size_t k = am_lower(cx, from); k < cx->n_am && cx->am[k].first < to; k++) {
		const struct actor_mention *a = &cx->am[k];
		{
			/* "people", "others": who they were is not said. */
			*civilian = a->inter == 7 && !cx_is(cx, a->first, "people") &&
				    !cx_is(cx, a->first, "persons") && !cx_is(cx, a->first, "others") &&
				    !cx_is(cx, a->first, "individuals");
			return (int)k;
		}
	}
	*civilian = 0;
	return -1;
}

/* After a count: the noun phrase of the victims, up to the next boundary. Returns its end. */
static size_t noun_phrase_end(const struct ectx *cx, size_t i, size_t limit)
{
	static const char *const stops[] = { "and", "or", "in", "on", "at", "during", "when",
		"while", "after", "before", "as", "were", "was", "had", "have", "has", "including",
		"near", "across", "since", "by", "with", "from", "who", "which", "that", NULL };
	size_t n = 0;
	enum casualty_kind k;
	while (i < limit && n < 6 && !(cx->t.tok[i].flags & TOK_PUNCT) && !cx_is_any(cx, i, stops) &&
	       !passive_kind(cx, i, &k) && !cx_is(cx, i, "shot")) {
		i++;
		n++;
	}
	return i;
}

static struct casualty *add(struct ectx *cx, size_t pos, enum casualty_kind kind,
			    const struct count *c, size_t np_end)
{
	static struct casualty ignored;
	if (claimed_scope(cx, pos) != (size_t)-1)
		return &ignored; /* a side's own claim of what it killed is not a count */
	struct casualty *k = ECTX_PUSH(cx->cas, cx->n_cas, cx->alloc_cas);
	k->pos = pos;
	k->kind = kind;
	k->count = *c;
	k->victim = victim_at(cx, pos, np_end, &k->civilians);
	/* Every actor named in the victims' phrase ("three New People's Army guerrillas"). */
	for (size_t a = am_lower(cx, pos); a < cx->n_am && cx->am[a].first < np_end; a++)
		cx->am[a].flags |= AM_VICTIM;
	return k;
}

/* A list "20 soldiers and five civilians": counts and their phrases, summed into one
 * casualty per phrase. Returns the token after the list. */
static size_t count_list(struct ectx *cx, size_t i, size_t limit, enum casualty_kind kind,
			 int record)
{
	struct count c;
	size_t n;
	while ((n = number_at(&cx->t, i, limit, &c))) {
		/* Years and percentages are not counts of people. */
		if (cx_is(cx, i + n, "percent") || cx_is(cx, i + n, "%") ||
		    (c.value >= 1900 && c.value <= 2100 && !c.vague))
			return i;
		/* "No one was killed", "none were hurt": a count of nobody. */
		if (i > 0 && (cx_is(cx, i - 1, "no") || cx_is(cx, i - 1, "none")))
			return i;
		/* "how many of the dead were fighters": a question, not a count. */
		if (i > 0 && cx_is(cx, i - 1, "how"))
			return i;
		size_t np = noun_phrase_end(cx, i + n, limit);
		if (record)
			add(cx, i, kind, &c, np);
		i = np;
		if (cx_is(cx, i, ",") && number_at(&cx->t, i + 1, limit, &c))
			i++;
		else if (cx_is(cx, i, "and") && number_at(&cx->t, i + 1, limit, &c))
			i++;
		else
			break;
	}
	return i;
}

/* Two-word killing verbs: "shot dead", "gunned down", "beat ... to death" is left to the
 * lexicon. Returns the tokens used, 0 if none. */
/* The first words of the phrases kill_phrase knows: keep the two together. */
static const char *const kill_phrase_heads[] = { "shot", "shooting", "gunned", "mowed", "cut",
	"sent", "embraced", NULL };

static size_t kill_phrase(const struct ectx *cx, size_t i)
{
	if ((cx_is(cx, i, "shot") || cx_is(cx, i, "shooting")) && cx_is(cx, i + 1, "dead"))
		return 2;
	if ((cx_is(cx, i, "gunned") || cx_is(cx, i, "mowed") || cx_is(cx, i, "cut")) &&
	    cx_is(cx, i + 1, "down"))
		return 2;
	/* Press-release idioms: "sent to hell", "embraced shahadat/martyrdom". */
	if (cx_is(cx, i, "sent") && cx_is(cx, i + 1, "to") && cx_is(cx, i + 2, "hell"))
		return 3;
	if (cx_is(cx, i, "embraced") && (cx_is(cx, i + 1, "shahadat") || cx_is(cx, i + 1, "martyrdom")))
		return 2;
	return 0;
}

/* Every word active_kind can start with, merged once from its lists, so that the usual token
 * (none of them) costs one lookup instead of three and a phrase test. */
static const char *const *active_heads(void)
{
	static const char *heads[64];
	static int made;
	if (!made) {
		const char *const *lists[] = { kill_active, injure_active, detain_active,
			kill_phrase_heads };
		size_t n = 0;
		for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]); l++)
			for (size_t k = 0; lists[l][k]; k++)
				if (n + 1 < sizeof(heads) / sizeof(heads[0]))
					heads[n++] = lists[l][k];
				else
					made = -1; /* too many for the array: no shortcut */
		if (!made)
			made = 1;
	}
	return made == 1 ? heads : NULL;
}

static int active_kind(const struct ectx *cx, size_t i, enum casualty_kind *kind)
{
	const char *const *heads = active_heads();
	if (heads && !cx_is_any(cx, i, heads))
		return 0;
	if (kill_phrase(cx, i)) {
		*kind = CAS_KILLED;
		return 1;
	}
	if (cx_is_any(cx, i, kill_active))
		*kind = CAS_KILLED;
	else if (cx_is_any(cx, i, injure_active))
		*kind = CAS_INJURED;
	else if (cx_is_any(cx, i, detain_active))
		*kind = CAS_DETAINED;
	else
		return 0;
	return 1;
}

static int passive_kind(const struct ectx *cx, size_t i, enum casualty_kind *kind)
{
	if (kill_phrase(cx, i) || cx_is_any(cx, i, kill_passive) || (cx_is(cx, i, "lost") && cx_is(cx, i + 1, "their") &&
					       cx_is(cx, i + 2, "lives")))
		*kind = CAS_KILLED;
	else if (cx_is_any(cx, i, injure_passive))
		*kind = CAS_INJURED;
	else if (cx_is_any(cx, i, detain_passive))
		*kind = CAS_DETAINED;
	else
		return 0;
	return 1;
}

/* "beat a classmate to death", "hacked three farmers to death": the victims stand between
 * the verb and "to death". */
static void to_death(struct ectx *cx, size_t first, size_t last)
{
	static const char *const verbs[] = { "beat", "beaten", "stabbed", "hacked", "burned",
		"burnt", "stoned", "clubbed", "bludgeoned", "crushed", "tortured", "starved", "shot",
		"kicked", "trampled", "lynched", NULL };
	for (size_t i = first; i + 1 < last; i++) {
		if (!cx_is(cx, i, "to") || !cx_is(cx, i + 1, "death"))
			continue;
		for (size_t v = i; v > first && i - v < 7; v--) {
			if (!cx_is_any(cx, v - 1, verbs))
				continue;
			struct count c;
			size_t np = v;
			if (number_at(&cx->t, np, i, &c) == 0) {
				if (!(cx_is(cx, np, "a") || cx_is(cx, np, "an") || cx_is(cx, np, "one") ||
				      cx_is(cx, np, "his") || cx_is(cx, np, "her") || cx_is(cx, np, "their")))
					break;
				c = (struct count){ 1, 1, 1, 0 };
				if (cx_is(cx, np, "their"))
					break; /* "their parents": how many is not said */
			}
			add(cx, np, CAS_KILLED, &c, i);
			break;
		}
	}
}

/* "killed a 74-year-old woman", "killing the driver", "arrested one suspect": a single
 * victim named without a figure. "a"/"an"/"one" say one by themselves; "the", "his" and "her"
 * only before a person in the singular. Returns the end of the phrase, or i if none. */
static size_t one_victim(struct ectx *cx, size_t i, size_t limit, enum casualty_kind kind)
{
	static const char *const single[] = { "a", "an", "one", NULL };
	static const char *const definite[] = { "the", "his", "her", NULL };
	int is_single = cx_is_any(cx, i, single);
	if (!is_single && !cx_is_any(cx, i, definite))
		return i;
	size_t np = noun_phrase_end(cx, i + 1, limit);
	if (np <= i + 1 || np - i > 6)
		return i;
	static const char *const kin[] = { "son", "daughter", "wife", "husband", "brother",
		"sister", "father", "mother", "nephew", "niece", "cousin", "uncle", "grandson",
		"granddaughter", "grandfather", "grandmother", "bodyguard", "driver", "child", NULL };
	int kin_one = (cx_is(cx, i, "his") || cx_is(cx, i, "her")) && np == i + 2 &&
		      cx_is_any(cx, i + 1, kin);
	if (!is_single && !kin_one) {
		int civilian;
		int v = victim_at(cx, i + 1, np, &civilian);
		if (v < 0 || cx->am[v].last != np)
			return i;
		const char *head = cx->t.tok[np - 1].norm;
		size_t hl = strlen(head);
		if (hl < 3 || (head[hl - 1] == 's' && head[hl - 2] != 's') || !strcmp(head, "police") ||
		    !strcmp(head, "people") || !strcmp(head, "children") || !strcmp(head, "women") ||
		    !strcmp(head, "men") || !strcmp(head, "family"))
			return i;
	}
	struct count one = { 1, 1, 1, 0 };
	add(cx, i, kind, &one, np);
	/* "an avocado producer and his son": one more. */
	if (cx_is(cx, np, "and")) {
		size_t more = one_victim(cx, np + 1, limit, kind);
		if (more > np + 1)
			return more;
	}
	return np;
}

static void sentence_casualties(struct ectx *cx, size_t first, size_t last)
{
	enum casualty_kind kind;
	size_t i = first;
	to_death(cx, first, last);
	while (i < last) {
		/* Active: "killed 20 soldiers", but not "killed and wounded dozens". */
		if (active_kind(cx, i, &kind)) {
			size_t j = i + (kill_phrase(cx, i) ? kill_phrase(cx, i) : 1);
			enum casualty_kind k2;
			if (cx_is(cx, j, "and") && active_kind(cx, j + 1, &k2) && k2 != kind) {
				i = count_list(cx, j + 2, last, kind, 0);
				if (i <= j + 2)
					i = j + 2;
				continue;
			}
			size_t e = count_list(cx, j, last, kind, 1);
			if (e == j)
				e = one_victim(cx, j, last, kind);
			i = e > j ? e : j;
			continue;
		}
		/* "death toll rose to 30", "toll of 30" */
		if (cx_is(cx, i, "toll")) {
			size_t j = i + 1;
			while (j < last && j - i <= 4 && !(cx->t.tok[j].flags & TOK_NUMBER) &&
			       !number_at(&cx->t, j, last, &(struct count){ 0, 0, 0, 0 }))
				j++;
			struct count c;
			size_t n = j < last ? number_at(&cx->t, j, last, &c) : 0;
			if (n && !(c.value >= 1900 && c.value <= 2100)) {
				add(cx, j, CAS_KILLED, &c, j + n);
				i = j + n;
				continue;
			}
		}
		/* Passive: "20 soldiers and five civilians were killed", "12 dead". */
		struct count c;
		size_t n = number_at(&cx->t, i, last, &c);
		/* "a soldier was injured": one, when a passive verb follows the phrase. */
		if (!n && (cx_is(cx, i, "a") || cx_is(cx, i, "an")) && (i == first || !(cx->t.tok[i - 1].flags & TOK_WORD) ||
								     cx_is(cx, i - 1, "and"))) {
			size_t np = noun_phrase_end(cx, i + 1, last), v = np;
			while (v < last && cx_is_any(cx, v, aux))
				v++;
			if (np > i + 1 && np - i <= 4 && v > np && passive_kind(cx, v, &kind)) {
				struct count one = { 1, 1, 1, 0 };
				add(cx, i, kind, &one, np);
				i = v + 1;
				continue;
			}
		}
		if (n) {
			size_t start = cx->n_cas;
			size_t e = count_list(cx, i, last, CAS_KILLED, 1);
			size_t v = e;
			/* "Eight people, including three children, were killed": past the aside. */
			if (e > i && cx_is(cx, v, ",") && (cx_is(cx, v + 1, "including") ||
							   cx_is(cx, v + 1, "among") || cx_is(cx, v + 1, "mostly") ||
							   cx_is(cx, v + 1, "most") || cx_is(cx, v + 1, "many") ||
							   cx_is(cx, v + 1, "having") || cx_is(cx, v + 1, "all"))) {
				size_t close = v + 1;
				while (close < last && close < v + 12 && !cx_is(cx, close, ","))
					close++;
				if (cx_is(cx, close, ","))
					v = close + 1;
			}
			while (v < last && cx_is_any(cx, v, aux))
				v++;
			if (e > i && passive_kind(cx, v, &kind)) {
				for (size_t k = start; k < cx->n_cas; k++)
					cx->cas[k].kind = kind;
				i = v + 1;
			} else {
				cx->n_cas = start; /* a count of something else */
				for (size_t k = am_lower(cx, i); k < cx->n_am && cx->am[k].first < e; k++)
					cx->am[k].flags &= ~AM_VICTIM;
				i = e > i ? e : i + n;
			}
			continue;
		}
		i++;
	}
}

void casualties_find(struct ectx *cx)
{
	for (size_t s = 0; s < cx->t.n_sent; s++)
		sentence_casualties(cx, sentence_first(cx, s), sentence_last(cx, s));
}
