/* casualties: counts of killed, wounded and detained, with who the victims were.
 * "killed 20 soldiers and five civilians" (active), "20 soldiers were killed" (passive),
 * "left 12 dead", "the death toll rose to 30", "resulted in the death of two". The phrases and
 * where their victims stand come from casualties.tsv (caslex). "killed and wounded dozens" is
 * no count of the dead; numbers of troops, dates, ages, sums and distances are not
 * casualties; one incident told twice in a document is counted once (see reconcile). */
#include <string.h>

#include "extract/ectx.h"
#include "base/util.h"

static size_t passive_kind(const struct ectx *cx, size_t i, enum casualty_kind *kind);
static size_t phrase_kind(const struct ectx *cx, size_t i, unsigned voices, enum casualty_kind *kind);

static const struct count ONE = { 1, 1, 1, 0 };

static int victim_at(const struct ectx *cx, size_t from, size_t to, int *civilian)
{
	size_t k = am_lower(cx, from);
	if (k < cx->n_am && cx->am[k].first < to) {
		/* "people", "others": who they were is not said. */
		*civilian = cx->am[k].inter == 7 && !cx_cue(cx, cx->am[k].first, CUE_unnamed_people);
		return (int)k;
	}
	*civilian = 0;
	return -1;
}

static int in_date(const struct ectx *cx, size_t i)
{
	size_t k = dm_lower(cx, i + 1);
	return k > 0 && cx->dm[k - 1].first <= i && i < cx->dm[k - 1].last;
}

/* After a count: the noun phrase of the victims, up to the next boundary. Returns its end. */
static size_t noun_phrase_end(const struct ectx *cx, size_t i, size_t limit)
{
	size_t n = 0;
	enum casualty_kind k;
	while (i < limit && n < 6 && !(cx->t.tok[i].flags & TOK_PUNCT) && !cx_cue(cx, i, CUE_cas_np_stop) &&
	       !phrase_kind(cx, i, CV_PASSIVE | CV_COUNTED, &k) && !in_date(cx, i)) {
		i++;
		n++;
	}
	return i;
}

/* "5-year-old", "three months old": the tokens of an age right after a number, 0 if none. */
static size_t age_after(const struct ectx *cx, size_t i)
{
	return cx_cue(cx, i, CUE_age_unit) && cx_is(cx, i + 1, "old") ? 2 : 0;
}

/* A number that belongs to a date, a time, an age, a measure, a sum, a percentage, a rank or
 * a name counts no people: "On 28 March, 5 soldiers", "at 10:30", "aged 14", "10 km",
 * "$5 million", "25 percent", "Route 611". Years are told apart by their value. */
static int not_people(const struct ectx *cx, size_t i, size_t n, const struct count *c)
{
	if (in_date(cx, i) || (i > 0 && cx_cue(cx, i - 1, CUE_count_designator)))
		return 1;
	if (cx_cue(cx, i + n, CUE_count_unit) || age_after(cx, i + n))
		return 1;
	/* A time, "10:30": either side of the colon, minutes in two digits. */
	if (cx_is(cx, i + n, ":") && i + n + 1 < cx->t.n && (cx->t.tok[i + n + 1].flags & TOK_NUMBER) &&
	    strlen(cx->t.tok[i + n + 1].norm) == 2)
		return 1;
	if (i > 1 && cx_is(cx, i - 1, ":") && (cx->t.tok[i - 2].flags & TOK_NUMBER) &&
	    strlen(cx->t.tok[i].norm) == 2 && !in_date(cx, i - 2))
		return 1;
	return !c->vague && c->value >= 1900 && c->value <= 2100;
}

/* The head of the noun phrase [from, to): its last word before a qualifier ("villages" in
 * "villages outside the town"). */
static size_t head_of(const struct ectx *cx, size_t from, size_t to)
{
	for (size_t i = from + 1; i < to; i++)
		if (cx_cue(cx, i, CUE_np_tail))
			return i - 1;
	return to - 1;
}

/* The head of a noun phrase is one person: a singular noun, not a group ("police", "people")
 * and not a thing or a place. */
static int singular_head(const struct ectx *cx, size_t head)
{
	const char *w = cx->t.tok[head].norm;
	size_t len = strlen(w);
	if (len < 3 || (w[len - 1] == 's' && w[len - 2] != 's'))
		return 0;
	return !cx_cue(cx, head, CUE_group_noun) && !cx_cue(cx, head, CUE_thing_noun) &&
	       !cx_cue(cx, head, CUE_place_noun);
}

/* "claimed 40 soldiers were killed", "claims that 12 died": a claim verb right before the
 * count (claimed_scope finds "claimed to have"). */
static int claim_before(const struct ectx *cx, size_t pos)
{
	size_t v = pos;
	if (v > 0 && cx_is(cx, v - 1, "that"))
		v--;
	return v > 0 && (cx_is(cx, v - 1, "claimed") || cx_is(cx, v - 1, "claims") ||
			 cx_is(cx, v - 1, "claiming") || cx_is(cx, v - 1, "claim"));
}

/* A word in -ing of more than four letters ("killing", "having"), not "king" or "sing". */
static int gerund(const struct ectx *cx, size_t i)
{
	const struct token *t = i < cx->t.n ? &cx->t.tok[i] : NULL;
	return t && t->len > 4 && !strcmp(t->norm + t->len - 3, "ing");
}

/* After an accusation word and its preposition, what someone did: a relative clause ("an
 * attack that killed four"), a gerund ("of killing two") or a perfect ("to have killed"). */
static int deed_follows(const struct ectx *cx, size_t w, size_t pos)
{
	size_t v = cx_is(cx, w, "behind") ? w + 1 : w + 2;
	if (cx_is(cx, v + 1, "been"))
		return 0; /* "a bomb suspected to have been planted by X killed three" */
	if (cx_is(cx, v, "have") || cx_is(cx, v, "having") || gerund(cx, v))
		return 1;
	for (size_t i = v; i < pos; i++)
		if (cx_cue(cx, i, CUE_relative_pronoun))
			return 1;
	return 0;
}

/* "was lynched for killing his daughter", "jailed for murdering two": a gerund right after
 * "for", with its victims right after it, is the deed someone is punished or blamed for, not
 * this event's toll; after a claim ("claimed responsibility for killing ten") it is the
 * claim, which claims.c weighs. */
static int motive_gerund(const struct ectx *cx, size_t w, size_t pos, size_t first)
{
	if (!cx_is(cx, w, "for") || w + 1 >= pos || pos - w > 3)
		return 0;
	return gerund(cx, w + 1) && !(w > first && cx_cue(cx, w - 1, CUE_claim_noun));
}

/* "linked to an attack that killed four soldiers", "accused of killing two", "suspected to
 * have killed a driver": the count is of someone's past deeds, not news. Looks back from the
 * count within its sentence. */
static int accused(const struct ectx *cx, size_t pos)
{
	size_t first = sentence_first(cx, cx->t.tok[pos].sentence);
	for (size_t k = pos; k > first && pos - k < 16; k--) {
		size_t w = k - 1;
		if (cx_is(cx, w, ";"))
			return 0;
		if (motive_gerund(cx, w, pos, first))
			return 1;
		if ((cx_is(cx, w + 1, "of") || cx_is(cx, w + 1, "to") || cx_is(cx, w + 1, "in") ||
		     cx_is(cx, w + 1, "for") || cx_is(cx, w + 1, "with") || cx_is(cx, w, "behind")) &&
		    cx_cue(cx, w, CUE_deed_word))
			return deed_follows(cx, w, pos);
	}
	return 0;
}

static struct casualty *add(struct ectx *cx, size_t pos, enum casualty_kind kind,
			    const struct count *c, size_t np_end)
{
	static struct casualty ignored;
	if (accused(cx, pos))
		return &ignored;
	struct casualty *k = ECTX_PUSH(cx->cas, cx->n_cas, cx->alloc_cas);
	memset(k, 0, sizeof(*k));
	k->claimed = claimed_scope(cx, pos) != (size_t)-1 || claim_before(cx, pos);
	k->pos = pos;
	k->np_end = np_end;
	k->kind = kind;
	k->count = *c;
	k->victim = victim_at(cx, pos, np_end, &k->civilians);
	k->retells = -1;
	k->event = -1;
	/* Every actor named in the victims' phrase ("three New People's Army guerrillas"). */
	for (size_t a = am_lower(cx, pos); a < cx->n_am && cx->am[a].first < np_end; a++)
		cx->am[a].flags |= AM_VICTIM;
	return k;
}

/* One number of a list, with its noun phrase; 0 when it counts no people. An age without a
 * count before it is one person ("a 5-year-old boy"). */
static size_t list_item(struct ectx *cx, size_t i, size_t limit, struct count *c, size_t *np)
{
	/* "killing all four": all of a figure is the figure. */
	if (cx_is(cx, i, "all") && i + 1 < limit && (cx->t.tok[i + 1].flags & TOK_NUMBER ||
						   number_at(&cx->t, i + 1, limit, c))) {
		size_t n = list_item(cx, i + 1, limit, c, np);
		return n ? n + 1 : 0;
	}
	size_t n = number_at(&cx->t, i, limit, c);
	if (!n)
		return 0;
	size_t age = age_after(cx, i + n);
	if (age) {
		*np = noun_phrase_end(cx, i + n + age, limit);
		if (*np <= i + n + age || !singular_head(cx, head_of(cx, i + n + age, *np)))
			return 0;
		*c = ONE;
		return n;
	}
	if (not_people(cx, i, n, c))
		return 0;
	/* "No one was killed", "none were hurt": a count of nobody; "how many of the dead
	 * were fighters": a question. */
	if (i > 0 && (cx_is(cx, i - 1, "no") || cx_is(cx, i - 1, "none") || cx_is(cx, i - 1, "how")))
		return 0;
	*np = noun_phrase_end(cx, i + n, limit);
	/* "fired 20 rockets", "three vehicles", "two districts": things or places, not people. */
	if (*np > i + n) {
		size_t head = head_of(cx, i + n, *np);
		if (cx_cue(cx, head, CUE_thing_noun) || cx_cue(cx, head, CUE_place_noun))
			return 0;
	}
	return n;
}

static int possessive_det(const struct ectx *cx, size_t i)
{
	return cx_is(cx, i, "his") || cx_is(cx, i, "her") || cx_is(cx, i, "their");
}

/* A list "20 soldiers and five civilians": counts and their phrases, summed into one
 * casualty per phrase. Returns the token after the list. */
static size_t count_list(struct ectx *cx, size_t i, size_t limit, enum casualty_kind kind,
			 int record)
{
	struct count c;
	size_t np;
	while (list_item(cx, i, limit, &c, &np)) {
		if (record)
			add(cx, i, kind, &c, np);
		i = np;
		struct count next;
		size_t next_np;
		/* "... and their three guards": a possessive before the next count. */
		size_t skip = (cx_is(cx, i, ",") || cx_is(cx, i, "and")) ? 1 : 0;
		if (skip && possessive_det(cx, i + 1))
			skip++;
		if (skip && list_item(cx, i + skip, limit, &next, &next_np))
			i += skip;
		else
			break;
	}
	return i;
}

/* A casualty phrase of one of the voices at token i (casualties.tsv): its kind in *kind and
 * the tokens it spans, 0 if none. */
static size_t phrase_kind(const struct ectx *cx, size_t i, unsigned voices, enum casualty_kind *kind)
{
	size_t len;
	const struct cas_def *d = caslex_at(cx->ex->casualties, &cx->t, i, cx->t.n, voices, &len);
	if (!d)
		return 0;
	*kind = d->kind;
	return len;
}

/* "killed 20 soldiers", "shot dead a farmer": the victims follow. */
static size_t active_kind(const struct ectx *cx, size_t i, enum casualty_kind *kind)
{
	return phrase_kind(cx, i, CV_ACTIVE, kind);
}

/* "were killed", "dead", "lost their lives": the victims came before. */
static size_t passive_kind(const struct ectx *cx, size_t i, enum casualty_kind *kind)
{
	return phrase_kind(cx, i, CV_PASSIVE, kind);
}

/* After the victims: auxiliaries and adverbs, then a passive phrase, possibly after one other
 * verb and "and" ("was engaged and killed"). Without an auxiliary, a verb that is also active
 * and has its own victims after it is active: "two gunmen killed a farmer". Returns the
 * passive phrase's token, 0 if none. */
static size_t passive_after(const struct ectx *cx, size_t v, size_t last, enum casualty_kind *kind)
{
	size_t v0 = v;
	while (v < last && cx_cue(cx, v, CUE_cas_aux))
		v++;
	size_t len = v < last ? passive_kind(cx, v, kind) : 0;
	if (len && v == v0) {
		enum casualty_kind k;
		size_t o = v + len;
		struct count c;
		if (active_kind(cx, v, &k) && o < last &&
		    (number_at(&cx->t, o, last, &c) || cx_cue(cx, o, CUE_article_det) ||
		     cx_is(cx, o, "him") || cx_is(cx, o, "them") || cx_is(cx, o, "one")))
			return 0;
	}
	if (len)
		return v;
	if (v + 2 < last && (cx->t.tok[v].flags & TOK_WORD) && !(cx->t.tok[v].flags & TOK_CAP) &&
	    cx_is(cx, v + 1, "and") && passive_kind(cx, v + 2, kind))
		return v + 2;
	return 0;
}

/* "beat a classmate to death", "hacked three farmers to death": the victims stand between
 * the verb and "to death". */
static void to_death(struct ectx *cx, size_t first, size_t last)
{
	for (size_t i = first; i + 1 < last; i++) {
		if (!cx_is(cx, i, "to") || !cx_is(cx, i + 1, "death"))
			continue;
		for (size_t v = i; v > first && i - v < 7; v--) {
			enum casualty_kind k;
			if (!phrase_kind(cx, v - 1, CV_TO_DEATH, &k))
				continue;
			struct count c;
			size_t np = v;
			if (number_at(&cx->t, np, i, &c) == 0) {
				if (!(cx_is(cx, np, "a") || cx_is(cx, np, "an") || cx_is(cx, np, "one") ||
				      cx_is(cx, np, "his") || cx_is(cx, np, "her") || cx_is(cx, np, "him")))
					break;
				c = ONE;
			}
			add(cx, np, CAS_KILLED, &c, i);
			break;
		}
	}
}

/* A person's name: capitalised words ending in one that is no place and no group ("Fayez
 * Jan"; "Malawi Sahib", whose first word alone would be a country). */
static int personal_name(const struct ectx *cx, size_t from, size_t to)
{
	if (to <= from || to - from > 4)
		return 0;
	for (size_t i = from; i < to; i++)
		if (!(cx->t.tok[i].flags & TOK_CAP) || in_date(cx, i))
			return 0;
	size_t last = to - 1, p = pm_lower(cx, from), a = am_lower(cx, from);
	for (; p < cx->n_pm && cx->pm[p].first < to; p++) /* a name the place rules turned down is none */
		if (cx->pm[p].place >= 0 && (cx->pm[p].last > last || to - from == 1))
			return 0;
	for (; a < cx->n_am && cx->am[a].first < to; a++)
		if (cx->am[a].last > last || to - from == 1)
			return 0;
	return 1;
}

/* "Haqqani leader Shabeer", "Mullah Abdul Nafi": the end of a run of capitalised words and
 * person nouns from i, as a victim named without a determiner. */
static size_t name_run(const struct ectx *cx, size_t i, size_t limit)
{
	size_t e = i;
	while (e < limit && e - i < 6 && (cx->t.tok[e].flags & TOK_WORD) &&
	       ((cx->t.tok[e].flags & TOK_CAP) || cx_cue(cx, e, CUE_person_noun)) && !in_date(cx, e))
		e++;
	return e;
}

/* Does the phrase [from, to) name one person? Its last word is a person's name or a singular
 * person noun ("Taliban leader Saifullah", "the Taliban commander", "the individual"). */
static int one_person(const struct ectx *cx, size_t from, size_t to)
{
	if (to <= from)
		return 0;
	/* "the driver", "the driver of a senator": the head, before what qualifies it */
	if (cx_cue(cx, to - 1, CUE_person_noun) || cx_cue(cx, head_of(cx, from, to), CUE_person_noun))
		return 1;
	for (size_t k = from; k < to; k++)
		if (cx_cue(cx, k, CUE_person_noun) && singular_head(cx, k) && personal_name(cx, k + 1, to))
			return 1;
	return personal_name(cx, from, to);
}

/* "killed a 74-year-old woman", "killing the driver", "arrested one suspect", "killing him",
 * "killed Taliban leader Saifullah": a single victim named without a figure. "a"/"an"/"one"
 * say one by themselves, before anything but a thing or a place; "the", "his" and "her" only
 * before a person in the singular. Returns the end of the phrase, or i if none. */
static size_t one_victim(struct ectx *cx, size_t i, size_t limit, enum casualty_kind kind)
{
	if (cx_is(cx, i, "him") ||
	    (cx_is(cx, i, "her") && (i + 1 >= limit || !(cx->t.tok[i + 1].flags & TOK_WORD) ||
				     cx_cue(cx, i + 1, CUE_cas_np_stop)))) {
		add(cx, i, kind, &ONE, i + 1)->definite = 1;
		return i + 1;
	}
	int is_single = cx_is(cx, i, "a") || cx_is(cx, i, "an") || cx_is(cx, i, "one");
	int definite = cx_is(cx, i, "the") || cx_is(cx, i, "his") || cx_is(cx, i, "her");
	if (!is_single && !definite && !(i < limit && (cx->t.tok[i].flags & TOK_CAP)))
		return i; /* without a determiner, only a name: "killed Taliban leader Saifullah" */
	size_t from = is_single || definite ? i + 1 : i;
	size_t np = from == i ? name_run(cx, i, limit) : noun_phrase_end(cx, from, limit);
	if (np <= from || np - i > 6)
		return i;
	int kin_one = (cx_is(cx, i, "his") || cx_is(cx, i, "her")) && np == i + 2 &&
		      cx_cue(cx, i + 1, CUE_kin_noun);
	int ok;
	if (is_single) {
		size_t head = head_of(cx, from, np);
		ok = !cx_cue(cx, head, CUE_thing_noun) && !cx_cue(cx, head, CUE_place_noun);
		/* "a total of 91 foxes", "a group of 20 herders": the figure after "of" counts */
		struct count c;
		for (size_t j = from; ok && j + 1 < np; j++)
			if (cx_is(cx, j, "of") && number_at(&cx->t, j + 1, np, &c)) {
				size_t e = count_list(cx, j + 1, limit, kind, 1);
				return e > j + 1 ? e : i;
			}
	} else if (kin_one) {
		ok = 1;
	} else {
		int civilian;
		int v = victim_at(cx, from, np, &civilian);
		ok = singular_head(cx, head_of(cx, from, np)) &&
		     ((definite && v >= 0 && cx->am[v].last == np) || one_person(cx, from, np));
	}
	if (!ok)
		return i;
	struct casualty *k = add(cx, i, kind, &ONE, np);
	k->definite = definite && !kin_one;
	/* "an avocado producer and his son", "a commander along with two fighters": more. */
	size_t next = np;
	if (cx_is(cx, next, ","))
		next++;
	size_t join = cx_is(cx, next, "and") ? 1
		      : (cx_is(cx, next, "along") || cx_is(cx, next, "together")) && cx_is(cx, next + 1, "with") ? 2
		      : cx_is(cx, next, "as") && cx_is(cx, next + 1, "well") && cx_is(cx, next + 2, "as") ? 3 : 0;
	if (join) {
		size_t at = next + join;
		size_t more = count_list(cx, at, limit, kind, 1);
		if (more == at)
			more = one_victim(cx, at, limit, kind);
		if (more > at)
			return more;
	}
	return np;
}

/* "resulted in the death of two fighters", "confirmed the arrest of a commander": a noun of
 * the table (voice n) after a verb of outcome, its victims after "of". */
static size_t nominal(struct ectx *cx, const struct cas_def *d, size_t len, size_t i, size_t first,
		      size_t last)
{
	enum casualty_kind kind = d->kind;
	if (!(d->voice & CV_NOMINAL) || !cx_is(cx, i + len, "of"))
		return 0;
	int outcome = 0;
	for (size_t k = i; k > first && i - k < 5 && !outcome; k--) {
		if (cx->t.tok[k - 1].flags & TOK_PUNCT)
			break;
		outcome = cx_cue(cx, k - 1, CUE_result_verb);
	}
	if (!outcome)
		return 0;
	size_t j = i + len + 1;
	size_t e = count_list(cx, j, last, kind, 1);
	if (e == j)
		e = one_victim(cx, j, last, kind);
	return e > j ? e : j;
}

/* "Ahmed Ali was shot dead", "Ahmed Ali, a local chief, was killed": a person's name, with an
 * appositive between commas, before "was". Returns the token of "was", 0 if none. */
static size_t named_subject(const struct ectx *cx, size_t i, size_t last)
{
	size_t e = i;
	while (e < last && e - i < 4 && (cx->t.tok[e].flags & TOK_CAP) && !(cx->t.tok[e].flags & TOK_PUNCT))
		e++;
	if (e == i || !personal_name(cx, i, e))
		return 0;
	if (cx_is(cx, e, ",")) {
		size_t close = e + 1;
		while (close < last && close - e < 14 && !cx_is(cx, close, ","))
			close++;
		if (!cx_is(cx, close, ","))
			return 0;
		e = close + 1;
	}
	return cx_is(cx, e, "was") ? e : 0;
}

/* "a soldier was injured", "the girl was shot dead", "he was engaged and killed", "a body was
 * found": one victim, when a passive casualty phrase follows. Returns the token after the
 * phrase, 0 if none. */
static size_t one_passive(struct ectx *cx, size_t i, size_t first, size_t last)
{
	enum casualty_kind kind;
	if (!(cx->t.tok[i].flags & TOK_CAP) && !cx_is(cx, i, "he") && !cx_is(cx, i, "she") &&
	    !cx_is(cx, i, "a") && !cx_is(cx, i, "an") && !cx_is(cx, i, "the"))
		return 0; /* the usual token: no subject starts here */
	int clause_start = i == first || !(cx->t.tok[i - 1].flags & TOK_WORD) || cx_is(cx, i - 1, "and") ||
			   cx_is(cx, i - 1, "when") || cx_is(cx, i - 1, "after") ||
			   cx_is(cx, i - 1, "that") || cx_cue(cx, i - 1, CUE_speech_verb);
	if (!clause_start)
		return 0;
	size_t np, v;
	size_t name = (cx->t.tok[i].flags & TOK_CAP) ? named_subject(cx, i, last) : 0;
	if (name) {
		np = name;
	} else if (cx_is(cx, i, "he") || cx_is(cx, i, "she")) {
		np = i + 1;
	} else if (cx_is(cx, i, "a") || cx_is(cx, i, "an") || cx_is(cx, i, "the")) {
		struct count c;
		if (number_at(&cx->t, i, last, &c))
			return 0; /* "a number of", "a dozen": a count, read below */
		if (phrase_kind(cx, i + 1, CV_COUNTED, &kind) && cx_is(cx, i, "a")) {
			/* "a body was found" */
			add(cx, i, kind, &ONE, i + 2);
			return i + 2;
		}
		size_t from = i + 1;
		size_t n = number_at(&cx->t, from, last, &c);
		if (n && age_after(cx, from + n))
			from += n + 2; /* "a 5-year-old boy" */
		np = noun_phrase_end(cx, from, last);
		if (np <= from || np - from > 3 || !singular_head(cx, head_of(cx, from, np)))
			return 0;
		if (cx_is(cx, i, "the") && !one_person(cx, from, np))
			return 0;
	} else {
		return 0;
	}
	/* "a woman and her two sons were killed": the one and the counted after "and". */
	size_t more = np;
	if (!name && cx_is(cx, np, "and") && (cx_is(cx, i, "a") || cx_is(cx, i, "an"))) {
		size_t at = np + 1 + (possessive_det(cx, np + 1) ? 1 : 0);
		more = count_list(cx, at, last, CAS_KILLED, 0);
		if (more == at)
			more = np;
	}
	if (!(v = passive_after(cx, more, last, &kind)) && (more == np || !(v = passive_after(cx, np, last, &kind))))
		return 0;
	if (v < more)
		more = np;
	struct casualty *k = add(cx, i, kind, &ONE, np);
	k->definite = !cx_is(cx, i, "a") && !cx_is(cx, i, "an");
	if (more > np) {
		size_t start = cx->n_cas;
		count_list(cx, np + 1 + (possessive_det(cx, np + 1) ? 1 : 0), last, kind, 1);
		for (size_t q = start; q < cx->n_cas; q++)
			cx->cas[q].kind = kind;
	}
	return v + 1;
}

/* "Eight people, including three children, were killed", "two civilians, a farmer and his
 * son, were killed": the token after the aside, or v. An aside that opens with no word of
 * the cue is an apposition (a noun phrase, so not opened by an adverb in -ly), taken only when an auxiliary and a passive casualty phrase follow
 * it ("two soldiers, the army said, killed ..." is no aside of victims). */
static size_t past_aside(const struct ectx *cx, size_t v, size_t last)
{
	if (!cx_is(cx, v, ","))
		return v;
	size_t close = v + 1;
	while (close < last && close < v + 12 && !cx_is(cx, close, ","))
		close++;
	if (!cx_is(cx, close, ",") || close == v + 1)
		return v;
	if (cx_cue(cx, v + 1, CUE_cas_aside))
		return close + 1;
	const char *w = cx->t.tok[v + 1].norm;
	size_t wn = strlen(w);
	if (wn > 3 && !strcmp(w + wn - 2, "ly"))
		return v; /* "mainly", "largely": a share told as a manner, not a noun phrase */
	size_t verb = close + 1;
	while (verb < last && cx_cue(cx, verb, CUE_cas_aux))
		verb++;
	enum casualty_kind kind;
	return verb > close + 1 && verb < last && passive_kind(cx, verb, &kind) ? close + 1 : v;
}

/* Active: "killed 20 soldiers", "killing the driver", but not "killed and wounded dozens"
 * nor "vowed to kill two". d is the phrase at i (len tokens). Returns the token after. */
static size_t active_at(struct ectx *cx, const struct cas_def *d, size_t len, size_t i,
			size_t first, size_t last)
{
	enum casualty_kind kind = d->kind, k2;
	size_t j = i + len;
	if (i > first && (cx_is(cx, i - 1, "to") || cx_cue(cx, i - 1, CUE_modal)))
		return j;
	if (cx_is(cx, j, "and") && active_kind(cx, j + 1, &k2) && k2 != kind) {
		size_t e = count_list(cx, j + 2, last, kind, 0);
		return e > j + 2 ? e : j + 2;
	}
	size_t e = count_list(cx, j, last, kind, 1);
	if (e == j)
		e = one_victim(cx, j, last, kind);
	return e > j ? e : j;
}

/* "death toll rose to 30", "toll of 30". Returns the token after the figure, 0 if none. */
static size_t toll_at(struct ectx *cx, size_t i, size_t last)
{
	if (!cx_is(cx, i, "toll"))
		return 0;
	size_t j = i + 1;
	while (j < last && j - i <= 4 && !(cx->t.tok[j].flags & TOK_NUMBER) &&
	       !number_at(&cx->t, j, last, &(struct count){ 0, 0, 0, 0 }))
		j++;
	struct count c;
	size_t n = j < last ? number_at(&cx->t, j, last, &c) : 0;
	if (!n || not_people(cx, j, n, &c))
		return 0;
	add(cx, j, CAS_KILLED, &c, j + n);
	return j + n;
}

/* Passive: "20 soldiers and five civilians were killed", "12 dead", "11 bodies". n is the
 * figure's length at i. Returns the token after. */
/* How many tokens may qualify the victims between their noun and the passive verb. */
#define POSTMOD_REACH 8

/* "Five soldiers [from a border camp] were killed", "four gunmen [linked to the two raids]
 * were shot dead": a phrase opened by a word of victim_postmod after the victims' noun (at
 * e), with no punctuation, clause or other verb in it, up to an auxiliary: that token, or e
 * when there is no such phrase. A count inside it is not of the victims. */
static size_t past_postmod(const struct ectx *cx, size_t e, size_t last)
{
	/* The noun phrase may have taken the opening word in ("gunmen linked | to the raids"). */
	if (!cx_cue(cx, e, CUE_victim_postmod) && !(e > 0 && cx_cue(cx, e - 1, CUE_victim_postmod)))
		return e;
	enum casualty_kind kind;
	for (size_t j = e + 1; j < last && j <= e + POSTMOD_REACH; j++) {
		const struct token *t = &cx->t.tok[j];
		if ((t->flags & TOK_PUNCT) || cx_cue(cx, j, CUE_relative_pronoun) ||
		    cx_cue(cx, j, CUE_speech_verb) || cx_cue(cx, j, CUE_clause_break) ||
		    cx_is(cx, j, "and") || phrase_kind(cx, j, CV_ACTIVE | CV_PASSIVE, &kind))
			return e;
		if (cx_cue(cx, j, CUE_cas_aux))
			return j;
	}
	return e;
}

static size_t passive_at(struct ectx *cx, size_t i, size_t n, size_t last)
{
	enum casualty_kind kind;
	size_t start = cx->n_cas;
	size_t e = count_list(cx, i, last, CAS_KILLED, 1);
	size_t v = e > i ? passive_after(cx, past_aside(cx, e, last), last, &kind) : 0;
	size_t post = !v && e > i ? past_postmod(cx, e, last) : e;
	if (post != e)
		v = passive_after(cx, post, last, &kind);
	/* "11 bodies": the noun of the count says who. */
	if (!v && e == i + n && phrase_kind(cx, e, CV_COUNTED, &kind))
		v = e;
	/* "the bodies of four farmers were found": the same noun before "of" and the count, as
	 * the subject of a passive ("received the bodies of five" retells a toll). */
	if (!v && e > i && i >= 2 && cx_is(cx, i - 1, "of") && phrase_kind(cx, i - 2, CV_COUNTED, &kind) &&
	    cx_cue(cx, e, CUE_cas_aux))
		v = e - 1;
	if (v) {
		for (size_t k = start; k < cx->n_cas; k++)
			cx->cas[k].kind = kind;
		return v + 1;
	}
	cx->n_cas = start; /* a count of something else */
	for (size_t k = am_lower(cx, i); k < cx->n_am && cx->am[k].first < e; k++)
		cx->am[k].flags &= ~AM_VICTIM;
	return e > i ? e : i + n;
}

/* How far ahead of a subject its passive verb may stand ("Five soldiers on patrol near the
 * border town were killed"): a token with no casualty phrase that far ahead starts none. */
#define PASSIVE_REACH 24

/* What phrase_ahead learnt: no token in [from, next) may start a casualty phrase, and next
 * may (or is the sentence's end). */
struct ahead {
	size_t from, next;
};

/* The first token after i that may start a casualty phrase (last if none): the victims
 * before a passive verb are looked at only when one may follow. The sentence is read left to
 * right, so one scan serves every token up to the phrase it finds. */
static size_t phrase_ahead(const struct ectx *cx, size_t i, size_t last, struct ahead *seen)
{
	const struct cas_lex *lex = cx->ex->casualties;
	if (seen->from <= i + 1 && i + 1 <= seen->next)
		return seen->next;
	size_t k = i + 1;
	while (k < last && !phrase_may_start(lex->ix, &cx->t.tok[k]))
		k++;
	seen->from = i + 1;
	seen->next = k;
	return k;
}

/* Does the sentence hold a phrase of the table, or a toll? Most sentences do not, and are
 * done with one bit test per token. */
static int may_count(const struct ectx *cx, size_t first, size_t last)
{
	const struct cas_lex *lex = cx->ex->casualties;
	size_t len;
	for (size_t i = first; i < last; i++)
		if ((phrase_may_start(lex->ix, &cx->t.tok[i]) &&
		     caslex_at(lex, &cx->t, i, cx->t.n, ~0u, &len)) || cx_is(cx, i, "toll"))
			return 1;
	return 0;
}

static void sentence_casualties(struct ectx *cx, size_t first, size_t last)
{
	size_t i = first;
	struct ahead seen = { last + 1, 0 };
	if (!may_count(cx, first, last))
		return;
	to_death(cx, first, last);
	while (i < last) {
		/* One lookup of the table per token: most tokens are in no phrase. */
		size_t len, e, n, ahead;
		struct count c;
		const struct cas_def *d = caslex_at(cx->ex->casualties, &cx->t, i, cx->t.n, ~0u, &len);
		if (d && (e = nominal(cx, d, len, i, first, last)))
			i = e;
		else if (d && (d->voice & CV_ACTIVE))
			i = active_at(cx, d, len, i, first, last);
		else if ((e = toll_at(cx, i, last)))
			i = e;
		else if ((ahead = phrase_ahead(cx, i, last, &seen)) >= last || ahead > i + PASSIVE_REACH)
			i++;
		else if ((e = one_passive(cx, i, first, last)))
			i = e;
		else if ((n = number_at(&cx->t, i, last, &c)))
			i = passive_at(cx, i, n, last);
		else
			i++;
	}
}

/* --- one incident told twice ----------------------------------------------------------- */

static size_t sentence_of(const struct ectx *cx, const struct casualty *k)
{
	return cx->t.tok[k->pos].sentence;
}

/* "in separate operations", "in several attacks": the sentence totals events told after it. */
static int summary_sentence(const struct ectx *cx, size_t s)
{
	size_t first = sentence_first(cx, s), last = sentence_last(cx, s);
	for (size_t i = first; i + 1 < last; i++)
		if (cx_cue(cx, i, CUE_summary_word) &&
		    (cx_cue(cx, i + 1, CUE_summary_noun) || cx_cue(cx, i + 2, CUE_summary_noun)))
			return 1;
	return 0;
}

/* "two other insurgents", "were also killed", "another soldier": victims added to those
 * told before. */
static int more_victims(const struct ectx *cx, const struct casualty *k)
{
	size_t first = sentence_first(cx, sentence_of(cx, k));
	size_t from = k->pos > first + 2 ? k->pos - 2 : first;
	for (size_t i = from; i < k->np_end + 3 && i < cx->t.n; i++)
		if (cx_cue(cx, i, CUE_more_victims))
			return 1;
	return 0;
}

/* What reconcile compares, worked out once per count: where its figure ends, the noun of
 * its victims (none after a pronoun or a lone figure: "killing him", "killing two"), and
 * whether its sentence totals several operations. */
static void describe(const struct ectx *cx, struct casualty *k)
{
	struct count c;
	size_t n = number_at(&cx->t, k->pos, k->np_end, &c);
	k->count_end = k->pos + n;
	if (!n && (cx_is(cx, k->pos, "a") || cx_is(cx, k->pos, "an") || cx_is(cx, k->pos, "the")))
		n = 1;
	size_t from = k->pos + n;
	int pronoun = cx_is(cx, k->pos, "him") || cx_is(cx, k->pos, "her") || cx_is(cx, k->pos, "he") ||
		      cx_is(cx, k->pos, "she");
	k->head = !pronoun && from < k->np_end ? (int)head_of(cx, from, k->np_end) : -1;
	k->summary = summary_sentence(cx, sentence_of(cx, k));
}

static const char *head_word(const struct ectx *cx, const struct casualty *k)
{
	return k->head >= 0 ? cx->t.tok[k->head].norm : NULL;
}

/* Could p and k be the same people? The same noun ("two insurgents ... two insurgents"), k
 * naming none ("killed two insurgents ... killing two"), or else the same group named. */
static int same_victims(const struct ectx *cx, const struct casualty *p, const struct casualty *k)
{
	const char *hp = head_word(cx, p), *hk = head_word(cx, k);
	if (!hk)
		return 1;
	if (hp)
		return !strcmp(hp, hk);
	const char *a = p->victim >= 0 ? cx->am[p->victim].name : NULL;
	const char *b = k->victim >= 0 ? cx->am[k->victim].name : NULL;
	return a && b && !strcmp(a, b);
}

/* Are p and k surely different people: other nouns for two groups named apart ("dozens of
 * soldiers ... 30 militants")? */
static int other_victims(const struct ectx *cx, const struct casualty *p, const struct casualty *k)
{
	const char *hp = head_word(cx, p), *hk = head_word(cx, k);
	const char *a = p->victim >= 0 ? cx->am[p->victim].name : NULL;
	const char *b = k->victim >= 0 ? cx->am[k->victim].name : NULL;
	return hp && hk && strcmp(hp, hk) && a && b && strcmp(a, b);
}

/* "one of the insurgents", "two of them": part of victims already counted. */
static int partitive(const struct ectx *cx, const struct casualty *p, const struct casualty *k)
{
	size_t n = k->count_end - k->pos;
	if (!n || !cx_is(cx, k->pos + n, "of") || k->count.value > p->count.value)
		return 0;
	size_t g = k->pos + n + 1;
	/* "them" points at the last group named: one in k's own sentence is another group. */
	if (cx_is(cx, g, "them") || cx_is(cx, g, "those") || cx_is(cx, g, "whom")) {
		size_t first = sentence_first(cx, sentence_of(cx, k));
		size_t a = am_lower(cx, first);
		return !(a < cx->n_am && cx->am[a].first < k->pos);
	}
	const char *hp = head_word(cx, p);
	return cx_is(cx, g, "the") && hp && k->np_end > g + 1 &&
	       !strcmp(cx->t.tok[head_of(cx, g + 1, k->np_end)].norm, hp);
}

/* Is k the victims of an earlier casualty p, told again? */
static int retells(const struct ectx *cx, const struct casualty *p, const struct casualty *k)
{
	if (p->kind != k->kind || sentence_of(cx, p) == sentence_of(cx, k))
		return 0;
	/* "killing him", "the insurgent", "one of them": someone already counted. */
	if (k->definite) {
		const char *hk = head_word(cx, k), *hp = head_word(cx, p);
		if (!hk || cx_cue(cx, (size_t)k->head, CUE_anaphor_noun) ||
		    (hp && !strcmp(hp, hk)))
			return 1;
	}
	if (partitive(cx, p, k))
		return 1;
	if (more_victims(cx, k) || !same_victims(cx, p, k))
		return 0;
	/* The same figure for the same victims ("killed two insurgents ... killing two"); two
	 * vague words for one group, the larger standing ("numerous ... several others"). */
	return p->count.value == k->count.value ||
	       (p->count.vague && k->count.vague && head_word(cx, k));
}

/* Where a count was told: the last place named up to the end of its sentence (no country,
 * and no dateline: "KABUL, Afghanistan -" is where the report was filed), as a gazetteer
 * index; -1 if none. */
static int count_area(const struct ectx *cx, const struct casualty *k)
{
	size_t end = sentence_last(cx, sentence_of(cx, k));
	for (size_t m = pm_lower(cx, end); m-- > 0;) {
		int p = cx->pm[m].place;
		size_t at = cx->pm[m].first;
		int dateline = (cx->t.tok[at].flags & (TOK_PARA | TOK_ALLCAPS)) &&
			       cx_is(cx, cx->pm[m].last, ",");
		if (p >= 0 && !dateline && gz_place(cx->ex->gz, p)->kind != PK_COUNTRY)
			return p;
	}
	return -1;
}

/* Were p and k told of places in different provinces ("dozens wounded in El Fasher ...
 * wounding seven in El Obeid")? */
static int other_area(const struct ectx *cx, const struct casualty *p, const struct casualty *k)
{
	int a = count_area(cx, p), b = count_area(cx, k);
	if (a < 0 || b < 0 || a == b)
		return 0;
	const struct place *x = gz_place(cx->ex->gz, a), *y = gz_place(cx->ex->gz, b);
	return x->admin1[0] && y->admin1[0] && strcmp(x->admin1, y->admin1) != 0;
}

/* Is k the exact count for a vague or summary count p told before ("several insurgents were
 * detained ... two suspects were detained", "numerous insurgents were killed in separate
 * operations ... killing two")? An exact count ten times the vague word's is another
 * incident: "dozens" is not told again as "200". */
static int makes_exact(const struct ectx *cx, const struct casualty *p, const struct casualty *k)
{
	if (p->kind != k->kind || p->replaced || k->count.vague ||
	    sentence_of(cx, p) == sentence_of(cx, k) || k->summary)
		return 0;
	if (p->count.vague)
		return k->count.value < 10 * p->count.value && !other_victims(cx, p, k) &&
		       !other_area(cx, p, k);
	return p->summary;
}

/* A side's own claim of what it killed or took counts only where the document reports no
 * count of the same kind from anyone else: the more conservative, independent figure wins
 * ("claimed to have killed 40 soldiers" beside "six soldiers were killed"). */
static void drop_claims(struct ectx *cx)
{
	int reported[3] = { 0, 0, 0 };
	for (size_t i = 0; i < cx->n_cas; i++)
		if (!cx->cas[i].claimed)
			reported[cx->cas[i].kind] = 1;
	for (size_t i = 0; i < cx->n_cas; i++)
		if (cx->cas[i].claimed && reported[cx->cas[i].kind])
			cx->cas[i].dropped = 1;
}

/* "have killed two", "80 civilians have been killed": the count in the perfect. */
static int perfect(const struct ectx *cx, const struct casualty *k)
{
	size_t first = sentence_first(cx, sentence_of(cx, k));
	for (size_t i = k->pos; i > first && k->pos - i < 8; i--) {
		if (cx->t.tok[i - 1].flags & TOK_PUNCT)
			break;
		if (cx_cue(cx, i - 1, CUE_perfect_aux))
			return 1;
	}
	for (size_t i = k->np_end; i < k->np_end + 3 && i < cx->t.n; i++)
		if (cx_cue(cx, i, CUE_perfect_aux))
			return 1;
	return 0;
}

/* "have detained more than 30 since December 1", "have killed 300 so far this year", "have
 * killed 80 over the past three months": in the perfect, a tally of many events over a
 * period, not the count of one. "since Monday's attack" is the toll of one. */
static int tally(const struct ectx *cx, const struct casualty *k)
{
	if (!perfect(cx, k))
		return 0;
	size_t s = sentence_of(cx, k);
	size_t first = sentence_first(cx, s), last = sentence_last(cx, s);
	for (size_t i = first; i + 1 < last; i++) {
		if ((cx_is(cx, i, "so") && cx_is(cx, i + 1, "far")) ||
		    (cx_is(cx, i, "to") && cx_is(cx, i + 1, "date")) ||
		    (cx_is(cx, i, "this") && (cx_is(cx, i + 1, "month") || cx_is(cx, i + 1, "year"))))
			return 1;
		if ((cx_is(cx, i, "past") || cx_is(cx, i, "last")) && i + 2 < last &&
		    (cx->t.tok[i + 1].flags & TOK_WORD) && cx_cue(cx, i + 2, CUE_long_span) &&
		    !cx_is(cx, i + 2, "week") && !cx_is(cx, i + 2, "weeks"))
			return 1; /* "over the past three months" */
		if (!cx_is(cx, i, "since"))
			continue;
		size_t d = dm_lower(cx, i + 1);
		if (d < cx->n_dm && cx->dm[d].first <= i + 2) {
			size_t end = cx->dm[d].last;
			if (!(cx->t.tok[end - 1].flags & TOK_POSS) && !cx_cue(cx, end, CUE_generic_event_noun))
				return 1;
		}
	}
	return 0;
}

/* Counts of one incident told twice in a document (a headline, a lead, then the details; a
 * summary of several operations, then each) are counted once. A later count that retells an
 * earlier one points at the first telling, and the first of them that reaches an event is
 * counted (attach_counts). The larger of two vague counts stands; an exact count replaces a
 * vague or summary one told before it. Different victims still add up. */
static void reconcile(struct ectx *cx)
{
	for (size_t j = 0; j < cx->n_cas; j++)
		describe(cx, &cx->cas[j]);
	/* A count is compared with the RECONCILE_REACH counts before it: a document's lead and
	 * its details are close; a long text stays linear. */
	enum { RECONCILE_REACH = 64 };
	for (size_t j = 0; j < cx->n_cas; j++) {
		struct casualty *k = &cx->cas[j];
		for (size_t i = j > RECONCILE_REACH ? j - RECONCILE_REACH : 0; i < j && k->retells < 0 &&
		     !k->claimed; i++) {
			struct casualty *p = &cx->cas[i];
			if (p->retells >= 0 || p->claimed)
				continue;
			if (retells(cx, p, k)) {
				k->retells = (int)i;
				if (p->count.vague && k->count.vague && k->count.value > p->count.value)
					p->count = k->count;
			} else if (makes_exact(cx, p, k)) {
				k->retells = (int)i;
				p->count = k->count;
				p->replaced = 1;
			}
		}
	}
	drop_claims(cx);
	for (size_t i = 0; i < cx->n_cas; i++)
		if (tally(cx, &cx->cas[i]))
			cx->cas[i].dropped = 1;
}

void casualties_find(struct ectx *cx)
{
	for (size_t s = 0; s < cx->t.n_sent; s++)
		sentence_casualties(cx, sentence_first(cx, s), sentence_last(cx, s));
	reconcile(cx);
}
