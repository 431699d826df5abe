/* places: which capitalised words are places and which place each one is: the words around a
 * name (a kind, a locative, a unit holding it, a dateline), the evidence a namesake or a name
 * that is also a word needs, the villages the gazetteer lacks. mentions.c finds the names. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/util.h"
#include "extract/places.h"


static int motion_before(const struct ectx *cx, size_t i, size_t window)
{
	size_t s0 = cx->t.sent[cx->t.tok[i].sentence].first;
	for (size_t k = i; k > s0 && i - k < window; k--)
		if (cx_cue(cx, k - 1, CUE_place_motion))
			return 1;
	return 0;
}

/* The two words (or one, b NULL) before token i. Always in line: place_context asks it some
 * twenty times a place, with literal words whose lengths the compiler then knows. */
static inline __attribute__((always_inline)) int prev_is(const struct ectx *cx, size_t i,
							  const char *a, const char *b)
{
	if (b)
		return i >= 2 && cx_is(cx, i - 2, a) && cx_is(cx, i - 1, b);
	return i >= 1 && cx_is(cx, i - 1, a);
}

/* "KABUL, Afghanistan (Jan. 27)", "KANDAHAR PROVINCE, Afghanistan -": a name in capitals, its
 * country, then a date in brackets or a dash: where the report was filed. */
int place_dateline(const struct ectx *cx, size_t first, size_t last)
{
	for (size_t i = first; i < last; i++)
		if ((cx->t.tok[i].flags & TOK_WORD) && !(cx->t.tok[i].flags & TOK_ALLCAPS))
			return 0;
	size_t j = last;
	while (j < cx->t.n && j < last + 2 && (cx->t.tok[j].flags & TOK_ALLCAPS))
		j++; /* "PAKTIKA PROVINCE" */
	if (!cx_is(cx, j, ","))
		return 0;
	size_t k = ++j;
	while (k < cx->t.n && k < j + 4 && (cx->t.tok[k].flags & TOK_CAP))
		k++;
	return k > j && (cx_is(cx, k, "(") || cx_is(cx, k, "-")); /* dashes fold to "-" */
}

/* Words that say the next name is a place: "in X", "near X", "at X". */

/* "(Qandala, Bari)", "X, Bari." closing a bracket: the last name of a list that ends in the
 * unit holding the first, as reports give a village with its district and region. */
static int unit_tail(const struct ectx *cx, size_t first, size_t last)
{
	if (first < 3 || !cx_is(cx, first - 1, ",") || !cx_is(cx, last, ")"))
		return 0;
	for (size_t i = first - 1; i-- > 0 && first - i < 10;) {
		if (cx_is(cx, i, "("))
			return 1;
		if (cx_is(cx, i, ")") || (cx->t.tok[i].flags & TOK_PARA))
			return 0;
	}
	return 0;
}

unsigned place_context(const struct ectx *cx, size_t first, size_t last)
{
	unsigned f = 0;
	size_t i = first;
	/* "the capital of X", "Yemen's rebel-held capital" */
	if (prev_is(cx, i, "capital", "of"))
		f |= PM_CAPITAL_OF;
	if (last > first && (cx->t.tok[last - 1].flags & TOK_POSS))
		for (size_t j = last; j < last + 4 && j < cx->t.n; j++) {
			if (cx_is(cx, j, "capital")) {
				f |= PM_CAPITAL_OF;
				break;
			}
			if (!(cx->t.tok[j].flags & TOK_WORD) || (cx->t.tok[j].flags & TOK_CAP))
				break;
		}
	if (prev_is(cx, i, "border", "with") || prev_is(cx, i, "border", "of") ||
	    prev_is(cx, i, "bordering", NULL) || prev_is(cx, i, "border", "into") ||
	    prev_is(cx, i, "borders", "with") || (i >= 1 && cx_is(cx, i - 1, "into") && i >= 3 &&
						 cx_is(cx, i - 2, "border")))
		f |= PM_BORDER;
	/* "the Afghan-Pakistan border", "X border crossing" */
	if (cx_is(cx, last, "border") || (cx_is(cx, last, "-") && cx_is(cx, last + 2, "border")))
		f |= PM_BORDER;
	if (prev_is(cx, i, "outskirts", "of") || prev_is(cx, i, "near", NULL) ||
	    prev_is(cx, i, "outside", NULL) || prev_is(cx, i, "around", NULL) ||
	    prev_is(cx, i, "close", "to") || prev_is(cx, i, "vicinity", "of") ||
	    prev_is(cx, i, "nearby", NULL) || prev_is(cx, i, "west", "of") ||
	    prev_is(cx, i, "east", "of") || prev_is(cx, i, "north", "of") ||
	    prev_is(cx, i, "south", "of") ||
	    prev_is(cx, i, "surrounding", NULL) || prev_is(cx, i, "suburbs", "of"))
		f |= PM_NEAR;
	if (prev_is(cx, i, "from", NULL) && motion_before(cx, i, 10))
		f |= PM_MOTION;
	if ((prev_is(cx, i, "to", NULL) || prev_is(cx, i, "for", NULL) ||
	     prev_is(cx, i, "towards", NULL) || prev_is(cx, i, "toward", NULL) ||
	     prev_is(cx, i, "via", NULL) || prev_is(cx, i, "reach", NULL) ||
	     prev_is(cx, i, "reaching", NULL)) &&
	    motion_before(cx, i, 8))
		f |= PM_MOTION;
	/* Distance phrases: "120 kilometers west of Kunduz" locate something else. */
	if (i >= 3 && (cx_is(cx, i - 1, "of") || cx_is(cx, i - 1, "from")) &&
	    (cx_is(cx, i - 2, "kilometers") || cx_is(cx, i - 2, "kilometres") ||
	     cx_is(cx, i - 2, "miles") || cx_is(cx, i - 2, "km") || cx_is(cx, i - 3, "kilometers") ||
	     cx_is(cx, i - 3, "kilometres") || cx_is(cx, i - 3, "miles") || cx_is(cx, i - 3, "km")))
		f |= PM_NEAR;
	if (cx_cue(cx, last, CUE_place_modifier))
		f |= PM_MODIFIER;
	if (place_dateline(cx, first, last))
		f |= PM_DATELINE;
	if (i >= 1 && cx_cue(cx, i - 1, CUE_place_locative))
		f |= PM_LOCATIVE;
	if (unit_tail(cx, first, last))
		f |= PM_UNIT_TAIL;
	/* "a statement issued in Abuja", "told reporters in Kabul": where it was said. */
	size_t s0 = cx->t.sent[cx->t.tok[i].sentence].first;
	if (i >= 2 && i - 1 > s0 && cx_is(cx, i - 1, "in"))
		for (size_t k = i - 1; k > s0 && i - k < 5; k--)
			if (cx_cue(cx, k - 1, CUE_place_speech)) {
				f |= PM_MODIFIER;
				break;
			}
	/* "the Dnipro River", "the Nuba Mountains": a feature named after a place. */
	if (cx_cue(cx, last, CUE_place_feature) && !cx_is(cx, last, "airport"))
		f |= PM_MODIFIER;
	/* "the governor of Nangarhar province", "the mayor of Kyiv": an office, not a scene. */
	if (i >= 2 && cx_is(cx, i - 1, "of") && cx_cue(cx, i - 2, CUE_place_office))
		f |= PM_MODIFIER;
	if (i >= 3 && cx_is(cx, i - 1, "of") && cx_is(cx, i - 2, "the") == 0 && cx_cue(cx, i - 3, CUE_place_office) &&
	    (cx_is(cx, i - 2, "provincial") || cx_is(cx, i - 2, "regional") || cx_is(cx, i - 2, "city")))
		f |= PM_MODIFIER;
	/* "supported by Ankara", "backed by Tehran": a capital standing for its government. */
	if (i >= 2 && cx_is(cx, i - 1, "by") &&
	    (cx_is(cx, i - 2, "supported") || cx_is(cx, i - 2, "backed") || cx_is(cx, i - 2, "funded") ||
	     cx_is(cx, i - 2, "armed") || cx_is(cx, i - 2, "sponsored") || cx_is(cx, i - 2, "brokered") ||
	     cx_is(cx, i - 2, "condemned") || cx_is(cx, i - 2, "recognised") || cx_is(cx, i - 2, "recognized")))
		f |= PM_MODIFIER;
	return f;
}

/* Kind named next to the place: 0 none, else the enum place_kind wanted (PK_PPL for towns). */
static int kind_hint(const struct ectx *cx, size_t first, size_t last, int *strong)
{
	*strong = 1;
	/* The word may be inside the matched alias ("Kunduz Province") or right after it. */
	if (cx_cue(cx, last, CUE_place_adm1_word) || (last - first > 1 && cx_cue(cx, last - 1, CUE_place_adm1_word)))
		return PK_ADM1;
	if (cx_is(cx, last, "district") || cx_is(cx, last, "districts") ||
	    (last - first > 1 && cx_is(cx, last - 1, "district")))
		return PK_ADM2;
	if (cx_cue(cx, last, CUE_place_town_word))
		return PK_PPL;
	if (first >= 2 && cx_is(cx, first - 1, "of")) {
		if (cx_cue(cx, first - 2, CUE_place_adm1_word))
			return PK_ADM1;
		if (cx_is(cx, first - 2, "district"))
			return PK_ADM2;
		if (cx_cue(cx, first - 2, CUE_place_town_word) && !cx_is(cx, first - 2, "capital"))
			return PK_PPL;
	}
	*strong = 0;
	return -1;
}


static double kind_score(enum place_kind k, int hint)
{
	if (hint == PK_PPL) /* "Embu town": of the towns so named, the seat of government first */
		return k == PK_PPLC ? 3.3 : k == PK_PPLA ? 3.2 : k == PK_PPLA2 ? 3.1 : k == PK_PPL ? 3 : 0;
	if (hint >= 0)
		return (int)k == hint ? 3 : 0;
	switch (k) {
	case PK_PPLC: case PK_PPLA: return 2.5;
	case PK_PPLA2: return 2.2;
	case PK_PPL: return 2.0;
	case PK_ADM2: return 1.5;
	case PK_ADM1: return 1.8;
	case PK_COUNTRY: return 2.6;
	}
	return 0;
}

static int within_unit(const struct ectx *cx, int unit_mention, const struct place *p)
{
	const struct place_mention *u = &cx->pm[unit_mention];
	for (size_t k = 0; k < u->n_cand; k++) {
		const struct place *q = gz_place(cx->ex->gz, u->cand[k]);
		if (q->kind == PK_COUNTRY && q->country == p->country)
			return 1;
		if (q->kind == PK_ADM1 && q->country == p->country && !ascii_casecmp(q->name, p->admin1))
			return 1;
		if (q->kind == PK_ADM2 && q->country == p->country && !ascii_casecmp(q->name, p->admin2))
			return 1;
	}
	return 0;
}

/* The votes of each name, summed over its mentions: every mention of a name is the same
 * namesake, so "Bulo" twice is no support for Bulo. */
struct name_votes {
	size_t *group;           /* mention -> its name's row in vote */
	int (*vote)[MAX_CAND];   /* per name: votes given to each candidate's country */
};

/* Mentions of one name have the same candidates: the count and the first stand for them. */
static uint64_t name_key(const struct place_mention *m)
{
	return (uint64_t)m->n_cand << 32 | (uint32_t)(m->n_cand ? m->cand[0] : 0);
}

/* Each mention's name gets a row (found through a table keyed by name_key), and each row the
 * votes of all its mentions. */
static void name_votes_init(const struct ectx *cx, struct name_votes *nv)
{
	size_t n = cx->n_pm ? cx->n_pm : 1, cap = 16, rows = 0;
	while (cap < 2 * n)
		cap *= 2;
	uint64_t *keys = xmalloc(cap * sizeof(*keys));
	size_t *row = xmalloc(cap * sizeof(*row));
	for (size_t i = 0; i < cap; i++)
		row[i] = SIZE_MAX;
	nv->group = xmalloc(n * sizeof(*nv->group));
	nv->vote = xcalloc(n, sizeof(*nv->vote));
	for (size_t k = 0; k < cx->n_pm; k++) {
		const struct place_mention *m = &cx->pm[k];
		uint64_t key = name_key(m);
		size_t h = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 32) & (cap - 1);
		while (row[h] != SIZE_MAX && keys[h] != key)
			h = (h + 1) & (cap - 1);
		if (row[h] == SIZE_MAX) {
			keys[h] = key;
			row[h] = rows++;
		}
		nv->group[k] = row[h];
		for (size_t c = 0; c < m->n_cand; c++)
			nv->vote[row[h]][c] += m->vote[c];
	}
	free(keys);
	free(row);
}

static void name_votes_release(struct name_votes *nv)
{
	free(nv->group);
	free(nv->vote);
}

/* Votes for a country from the rest of the text: the name's own do not count, so that a
 * namesake cannot vouch for itself. */
static int others_votes(const struct ectx *cx, const struct name_votes *nv, size_t mk,
			int country)
{
	if (country < 0)
		return 0;
	const struct place_mention *m = &cx->pm[mk];
	int own = 0;
	for (size_t k = 0; k < m->n_cand; k++)
		if (gz_place(cx->ex->gz, m->cand[k])->country == country)
			own += nv->vote[nv->group[mk]][k];
	return cx->votes[country] - own;
}

/* The unit named next to a place holds it ("Rafah, in the southern Gaza Strip"), or the place
 * holds the one named just before it ("Charbolak district, Balkh"). */
static int unit_evidence(const struct ectx *cx, size_t k, const struct place *p)
{
	const struct place_mention *m = &cx->pm[k];
	if (m->within >= 0 && within_unit(cx, m->within, p))
		return 1;
	if (k == 0 || cx->pm[k - 1].within != (int)k || p->kind > PK_ADM2)
		return 0;
	const struct place_mention *inner = &cx->pm[k - 1];
	for (size_t j = 0; j < inner->n_cand; j++) {
		const struct place *q = gz_place(cx->ex->gz, inner->cand[j]);
		if (q->country == p->country && (p->kind == PK_COUNTRY ||
		    (p->kind == PK_ADM1 && !ascii_casecmp(q->admin1, p->name)) ||
		    (p->kind == PK_ADM2 && !ascii_casecmp(q->admin2, p->name))))
			return 1;
	}
	return 0;
}

/* The unit named right after a place says where it is not: "Tagab district, Kapisa" is no
 * Tagab of Badakhshan, "Ceel Baraf (Jowhar, Middle Shabelle)" no Ceel of Nugaal. Only a name
 * that is surely a unit counts (a kind word, the end of a bracket, or no town of that name):
 * "Jalalabad, Kabul" may be a list of towns. */
static int unit_contradicts(const struct ectx *cx, size_t k, const struct place *p)
{
	const struct place_mention *m = &cx->pm[k];
	if (m->within < 0 || !(is_town(p->kind) || p->kind == PK_ADM2))
		return 0;
	const struct place_mention *u = &cx->pm[m->within];
	for (size_t i = m->last; i < u->first; i++) /* "X, near the border with Y" says nothing */
		if (!cx_is(cx, i, ",") && !cx_is(cx, i, "in") && !cx_is(cx, i, "of") && !cx_is(cx, i, "the") &&
		    !cx_cue(cx, i, CUE_place_longer_kind) && !cx_cue(cx, i, CUE_place_adm1_word))
			return 0;
	/* A unit of another country says so as surely: "Liter village, Baringo county" is no
	 * Liter of Hungary. */
	int strong, hint = kind_hint(cx, u->first, u->last, &strong), unit_here = 0, towns = 0;
	for (size_t j = 0; j < u->n_cand; j++) {
		const struct place *q = gz_place(cx->ex->gz, u->cand[j]);
		towns |= is_town(q->kind);
		unit_here |= q->kind == PK_ADM1 || q->kind == PK_ADM2 ||
			     (q->kind == PK_COUNTRY && q->country != p->country);
	}
	if (!unit_here || (towns && !(u->flags & PM_UNIT_TAIL) && hint != PK_ADM1 && hint != PK_ADM2))
		return 0;
	return !within_unit(cx, m->within, p);
}

/* "X village", "the village of X": no city of a hundred thousand. */
static int village_word(const struct ectx *cx, const struct place_mention *m)
{
	return cx_is(cx, m->last, "village") || cx_is(cx, m->last, "hamlet") ||
	       (m->first >= 2 && cx_is(cx, m->first - 1, "of") &&
		(cx_is(cx, m->first - 2, "village") || cx_is(cx, m->first - 2, "hamlet")));
}

/* Words around the name that say which place it is: a kind ("X district", "the town of X"),
 * a unit holding it or held by it, the last name of a bracketed list ("(Qandala, Bari)").
 * 2 for a unit (it also says which country), 1 for a kind word, else 0. */
static int evidence(const struct ectx *cx, size_t k, const struct place *p, int hint, int strong)
{
	const struct place_mention *m = &cx->pm[k];
	if ((m->flags & PM_UNIT_TAIL) && (p->kind == PK_ADM1 || p->kind == PK_ADM2))
		return 2;
	if (unit_evidence(cx, k, p))
		return 2;
	if (strong && hint >= 0 && (hint == PK_PPL ? is_town(p->kind) : (int)p->kind == hint))
		return 1;
	return 0;
}

/* Do the words [first, last) spell the place's own name (ASCII letters and digits compared
 * without case, any run of other characters as one space), rather than one of its alternate
 * names? "Borno" is the name of Nigeria's Borno and only an alternate name of Borna. */
static inline int name_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int place_own_name(const struct ectx *cx, size_t first, size_t last,
			  const struct place *p)
{
	const char *n = p->name;
	for (size_t i = first; i < last; i++) {
		const struct token *t = &cx->t.tok[i];
		if (!(t->flags & TOK_WORD))
			continue;
		while (*n && !name_char((unsigned char)*n))
			n++;
		for (const char *w = t->norm; *w; w++, n++)
			if (ascii_lower((unsigned char)*n) != (unsigned char)*w)
				return 0;
		if (name_char((unsigned char)*n))
			return 0;
	}
	while (*n && !name_char((unsigned char)*n))
		n++;
	return *n == '\0';
}

static int resolve_place(struct ectx *cx, const struct name_votes *nv, size_t mk)
{
	const struct gazetteer *gz = cx->ex->gz;
	struct place_mention *m = &cx->pm[mk];
	int strong;
	int hint = kind_hint(cx, m->first, m->last, &strong), village = village_word(cx, m);
	int local = village || cx_is(cx, m->last, "area");
	double best = -1;
	int best_idx = -1;
	for (size_t k = 0; k < m->n_cand; k++) {
		const struct place *p = gz_place(gz, m->cand[k]);
		double s = kind_score(p->kind, hint);
		int others = others_votes(cx, nv, mk, p->country);
		int ev = evidence(cx, mk, p, hint, strong);
		if ((village && p->population > 100000) || unit_contradicts(cx, mk, p))
			continue;
		/* "March", "Union", "David": a place only when the words around say so, or after
		 * "in" when the rest of the text is in that country or the place is a city or a
		 * province of its own ("in Nyala", "in Mobile"). */
		int notable = p->population >= 100000 || p->kind == PK_PPLC || p->kind == PK_PPLA ||
			      p->kind == PK_ADM1;
		if (m->name_class != NAME_PLAIN && !ev &&
		    (m->name_class == NAME_DATE || !(m->flags & PM_LOCATIVE) || (others <= 0 && !notable)))
			continue;
		if ((m->flags & PM_COMPOUND) && !ev && others <= 0)
			continue;
		if (cx->country >= 0 && p->country == cx->country)
			s += 4;
		else if (cx->country >= 0 && is_town(p->kind) &&
			 ((p->kind != PK_PPLC && p->kind != PK_PPLA && p->population < 200000) || local) &&
			 others <= 0 && ev < 2)
			continue; /* a small town abroad, in a country the text never names; or a
				   * village or "the X area" that the text places nowhere there */
		else if (p->country >= 0 && cx->votes[p->country] > 0)
			s += 1 + (cx->votes[p->country] > 2); /* its own votes count here: the
								* likeliest reading leads */
		/* a unit named beside it ("Tagab district, Kapisa") outranks a kind word alone,
		 * which every namesake district has */
		if (ev)
			s += 6 + (ev > 1);
		if (p->population > 0)
			s += log10((double)p->population) / 10.0;
		/* A place's own name says more than an alternate name: the gazetteer's alternates
		 * include old, foreign and misspelt forms that are other places' names. */
		if (m->own_mask >> k & 1)
			s += 1;
		if (s > best) {
			best = s;
			best_idx = m->cand[k];
		}
	}
	return best_idx;
}

/* The seat of an adm1 unit: the town of that unit at its coordinates. */
static int admin1_capital(const struct ectx *cx, int adm1_idx)
{
	const struct gazetteer *gz = cx->ex->gz;
	if (cx->ex->capital[adm1_idx])
		return cx->ex->capital[adm1_idx] - 2;
	const struct place *a = gz_place(gz, adm1_idx);
	int best = gazetteer_nearest_town(gz, a->country, a->lat, a->lon, 0.1);
	cx->ex->capital[adm1_idx] = best + 2;
	return best;
}

static void finish_place(struct ectx *cx, const struct name_votes *nv, size_t mk)
{
	const struct gazetteer *gz = cx->ex->gz;
	struct place_mention *m = &cx->pm[mk];
	m->place = resolve_place(cx, nv, mk);
	if (m->place < 0)
		return;
	enum place_kind k = gz_place(gz, m->place)->kind;
	if ((m->flags & PM_CAPITAL_OF) && (k == PK_ADM1 || k == PK_COUNTRY)) {
		int cap = k == PK_ADM1 ? admin1_capital(cx, m->place) : -1;
		if (k == PK_COUNTRY) {
			int c = gz_place(gz, m->place)->country;
			int cand[MAX_CAND];
			size_t n = c >= 0 ? gazetteer_lookup(gz, gz->countries[c].capital, cand, MAX_CAND) : 0;
			for (size_t j = 0; j < n; j++)
				if (is_town(gz_place(gz, cand[j])->kind) && gz_place(gz, cand[j])->country == c)
					cap = cand[j];
		}
		if (cap >= 0) {
			m->place = cap;
			k = gz_place(gz, cap)->kind;
		}
	}
	/* "Odesa" alone is the city, not the oblast named after it. */
	int strong_hint;
	if (k == PK_ADM1 && kind_hint(cx, m->first, m->last, &strong_hint) < 0 &&
	    !(m->flags & PM_UNIT_TAIL) && !unit_evidence(cx, mk, gz_place(gz, m->place))) {
		int cap = admin1_capital(cx, m->place);
		int cand[MAX_CAND];
		size_t n = cap >= 0 ? gazetteer_lookup(gz, gz_place(gz, cap)->name, cand, MAX_CAND) : 0;
		for (size_t j = 0; j < n; j++)
			if (cand[j] == m->place) {
				m->place = cap;
				k = gz_place(gz, cap)->kind;
				break;
			}
	}
	if (is_town(k))
		m->precision = (m->flags & PM_NEAR) ? 2 : 1;
	else if (k == PK_ADM2)
		m->precision = 2;
	else
		m->precision = 3;
}

static int compound_name(const struct ectx *cx, size_t first, size_t last, const int *cand,
			 size_t n);

void place_mention_add(struct ectx *cx, size_t first, size_t last, const int *cand,
		       size_t n_cand)
{
	struct place_mention *m = ECTX_PUSH(cx->pm, cx->n_pm, cx->alloc_pm);
	m->first = first;
	m->last = last;
	memcpy(m->cand, cand, n_cand * sizeof(*cand));
	m->n_cand = n_cand;
	m->own_mask = 0;
	for (size_t k = 0; n_cand > 1 && k < n_cand; k++)
		if (place_own_name(cx, first, last, gz_place(cx->ex->gz, cand[k])))
			m->own_mask |= (uint16_t)(1u << k);
	m->place = -1;
	m->precision = 3;
	m->name = m->admin2 = NULL;
	m->flags = place_context(cx, first, last);
	if (compound_name(cx, first, last, cand, n_cand))
		m->flags |= PM_COMPOUND;
	enum name_class nc = gazetteer_name_class(cx->ex->gz, &cx->t, first, last);
	m->name_class = (unsigned char)(nc >= NAME_GIVEN ? NAME_PLAIN : nc);
	memset(m->vote, 0, sizeof(m->vote));
	/* "UN", "SANA" in capitals among ordinary words: an acronym, whatever town shares it. */
	const struct token *t0 = &cx->t.tok[first];
	if (last == first + 1 && (t0->flags & TOK_ALLCAPS) && t0->len <= 4 &&
	    !(first > 0 && (cx->t.tok[first - 1].flags & TOK_ALLCAPS)) &&
	    !(last < cx->t.n && (cx->t.tok[last].flags & TOK_ALLCAPS)) && !(m->flags & PM_DATELINE))
		m->name_class = NAME_WORD;
}

/* A place name that begins a longer proper name ending in a facility noun names the
 * facility after someone, not the place: "Aden Adde International Airport", "Jomo Kenyatta
 * Airport". "Kabul International Airport" (no other capitalised word) stays Kabul. */

size_t place_facility_end(const struct ectx *cx, size_t j)
{
	while (j < cx->t.n && (cx->t.tok[j].flags & TOK_CAP) && !cx_cue(cx, j, CUE_place_facility))
		j++;
	return j < cx->t.n && cx_cue(cx, j, CUE_place_facility) ? j + 1 : j;
}

int place_named_facility(const struct ectx *cx, size_t j)
{
	int other = 0;
	size_t k = j;
	while (k < cx->t.n && k < j + 4 && (cx->t.tok[k].flags & TOK_CAP) &&
	       !(cx->t.tok[k].flags & TOK_PARA) && !cx_cue(cx, k, CUE_place_facility)) {
		if (!cx_cue(cx, k, CUE_place_facility_generic))
			other = 1;
		k++;
	}
	return other && k < cx->t.n && (cx->t.tok[k].flags & TOK_CAP) && cx_cue(cx, k, CUE_place_facility);
}

/* A town name with capitalised words on both sides, inside a sentence, is part of a longer
 * proper name. Only for towns: "North Kivu" or "Kabul" keep their weight. */
static int inside_person_name(const struct ectx *cx, size_t i, size_t plen, const int *cand,
			      size_t n)
{
	if (i == 0 || i + plen >= cx->t.n)
		return 0;
	const struct token *before = &cx->t.tok[i - 1], *after = &cx->t.tok[i + plen];
	if (!(before->flags & TOK_CAP) || (before->flags & (TOK_PARA | TOK_ALLCAPS)) ||
	    !(after->flags & TOK_CAP) || (after->flags & TOK_ALLCAPS) ||
	    before->sentence != cx->t.tok[i].sentence || (cx->t.tok[i].flags & TOK_HYPHEN) ||
	    cx->t.sent[before->sentence].first == i - 1)
		return 0;
	for (size_t k = 0; k < n; k++) {
		enum place_kind kind = gz_place(cx->ex->gz, cand[k])->kind;
		if (kind != PK_PPL && kind != PK_PPLA2 && kind != PK_PPLA)
			return 0;
	}
	return 1;
}

/* "Moro Gabey village", "Bula Gedi village", "Cali Yabaal village": a town name with other
 * capitalised words that no gazetteer knows, the whole followed by a kind word, is part of a
 * longer name (a village the gazetteer lacks), not the town of that name abroad. */
static int part_of_longer_name(const struct ectx *cx, size_t i, size_t plen, const int *cand,
			       size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!is_town(gz_place(cx->ex->gz, cand[k])->kind))
			return 0;
	size_t a = i, b = i + plen, s0 = cx->t.sent[cx->t.tok[i].sentence].first;
	/* Words before it were scanned already: no place began there. */
	int after_place = cx->n_pm && cx->pm[cx->n_pm - 1].last == i;
	/* A possessive before it is its holder, not a piece of it: "Kashmir's Pulwama district". */
	while (!after_place && a > s0 + 1 && a + 3 > i && (cx->t.tok[a - 1].flags & TOK_CAP) &&
	       !(cx->t.tok[a - 1].flags & (TOK_ALLCAPS | TOK_PARA | TOK_POSS)) &&
	       !cx_cue(cx, a - 1, CUE_place_qualifier))
		a--;
	while (b < cx->t.n && b < i + plen + 3 && !cx_cue(cx, b, CUE_place_longer_kind) &&
	       !cx_cue(cx, b, CUE_place_qualifier) &&
	       !(cx->t.tok[b - 1].flags & TOK_POSS) &&
	       ((cx->t.tok[b].flags & TOK_CAP) || (cx_is(cx, b, "-") && b + 1 < cx->t.n &&
						   (cx->t.tok[b + 1].flags & TOK_CAP))))
		b++;
	return (a < i || b > i + plen) && cx_cue(cx, b, CUE_place_longer_kind);
}

/* A capitalised word or a hyphenated piece right next to a town name that is itself no place
 * name, kind word or facility ("Masjid Cali Gaduud", "Dasht-e-Abdan", "Toyota Probox"): the
 * town name may be only a piece of a longer name. */
static int compound_name(const struct ectx *cx, size_t first, size_t last, const int *cand,
			 size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!is_town(gz_place(cx->ex->gz, cand[k])->kind))
			return 0;
	const struct gazetteer *gz = cx->ex->gz;
	const struct token *t = cx->t.tok;
	size_t s0 = cx->t.sent[t[first].sentence].first;
	/* a hyphenated compound: "Dasht-e-Abdan", "Moori-Eri" */
	if (last < cx->t.n && (t[last].flags & TOK_HYPHEN) && (cx_cue(cx, last, CUE_place_joiner) ||
	    ((t[last].flags & TOK_CAP) && !gazetteer_may_start(gz, &t[last]))))
		return 1;
	if ((t[first].flags & TOK_HYPHEN) && first > s0 && (cx_cue(cx, first - 1, CUE_place_joiner) ||
	    ((t[first - 1].flags & TOK_CAP) && !gazetteer_may_start(gz, &t[first - 1]))))
		return 1;
	/* "Cali Gaduud", "Bulo Burto": a capitalised stranger after it ("Tripoli's Tajoura":
	 * the possessive ends the name) */
	if (last < cx->t.n && !(t[last - 1].flags & TOK_POSS) && (t[last].flags & TOK_CAP) && !(t[last].flags & (TOK_ALLCAPS | TOK_PARA)) &&
	    t[last].sentence == t[first].sentence && !cx_cue(cx, last, CUE_place_name_tail) &&
	    !gazetteer_may_start(gz, &t[last]) && !cx_cue(cx, last, CUE_place_facility))
		return 1;
	/* "Masjid Cali": one before it, not opening the sentence, that began no place (the words
	 * before were scanned already), and no possessive ("Kashmir's Pulwama": its holder) */
	return first > s0 + 1 && (t[first - 1].flags & TOK_CAP) &&
	       !(t[first - 1].flags & (TOK_ALLCAPS | TOK_PARA | TOK_POSS)) &&
	       !cx_cue(cx, first - 1, CUE_place_name_tail) &&
	       !(cx->n_pm && cx->pm[cx->n_pm - 1].last == first) &&
	       gazetteer_name_class(gz, &cx->t, first - 1, first) < NAME_GIVEN;
}

/* Some feeds are all lower case: there a place name may start with a small letter. */
int places_lower_case(const struct ectx *cx)
{
	size_t words = 0, caps = 0;
	for (size_t i = 0; i < cx->t.n; i++) {
		const struct token *tok = &cx->t.tok[i];
		if (!(tok->flags & TOK_WORD) || (tok->flags & TOK_NUMBER) ||
		    cx->t.sent[tok->sentence].first == i)
			continue;
		words++;
		caps += (tok->flags & (TOK_CAP | TOK_ALLCAPS)) != 0;
		if (caps * 50 >= cx->t.n)
			return 0; /* capitals enough already, whatever follows */
	}
	return words >= 12 && caps * 50 < words;
}


/* Surnames of the text: the capitalised word after a first name or a title ("Frederick
 * Forsyth", "Ms Boynton", "President Ruto") names a person wherever the text uses it. */
static int is_surname(const struct ectx *cx, const struct surnames *sn, size_t i)
{
	for (size_t k = 0; k < sn->n; k++)
		if (cx->t.tok[sn->tok[k]].hash == cx->t.tok[i].hash &&
		    strcmp(cx->t.tok[sn->tok[k]].norm, cx->t.tok[i].norm) == 0)
			return 1;
	return 0;
}

void places_surnames(const struct ectx *cx, struct surnames *sn)
{
	const struct gazetteer *gz = cx->ex->gz;
	sn->tok = NULL;
	sn->n = 0;
	size_t alloc = 0;
	for (size_t i = 0; i + 1 < cx->t.n; i++) {
		const struct token *t = &cx->t.tok[i];
		if (!(t->flags & TOK_CAP) || (t->flags & TOK_ALLCAPS && t->len > 3))
			continue;
		enum name_class c = gazetteer_name_class(gz, &cx->t, i, i + 1);
		if (c != NAME_GIVEN && c != NAME_TITLE && c != NAME_PERSON)
			continue;
		size_t j = i + 1;
		if (c == NAME_TITLE && cx_is(cx, j, ".")) /* "Mr. Ellison" */
			j++;
		if (j >= cx->t.n || !(cx->t.tok[j].flags & TOK_CAP) ||
		    (cx->t.tok[j].flags & (TOK_ALLCAPS | TOK_HYPHEN | TOK_PARA)) ||
		    cx->t.tok[j].sentence != t->sentence || is_surname(cx, sn, j) ||
		    gazetteer_name_class(gz, &cx->t, j, j + 1) == NAME_TITLE)
			continue;
		if (sn->n == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			sn->tok = xrealloc(sn->tok, alloc * sizeof(*sn->tok));
		}
		sn->tok[sn->n++] = j;
	}
}

/* A name whose unit is named beside it ("(Baydhaba, Bay)") votes only for the countries of
 * the readings that unit holds: the Bay region of Somalia, not the town of Bay in the
 * Philippines. */
static void withdraw_unplaced_votes(struct ectx *cx, size_t k, int *votes)
{
	struct place_mention *m = &cx->pm[k];
	int placed = 0;
	for (size_t j = 0; j < m->n_cand && !placed; j++)
		placed = evidence(cx, k, gz_place(cx->ex->gz, m->cand[j]), -1, 0) == 2;
	for (size_t j = 0; placed && j < m->n_cand; j++) {
		const struct place *p = gz_place(cx->ex->gz, m->cand[j]);
		if (m->vote[j] && evidence(cx, k, p, -1, 0) != 2) {
			votes[p->country] -= m->vote[j];
			m->vote[j] = 0;
		}
	}
}

/* A date word, English word or person's name that nothing around it calls a place does not
 * vote for the document's country ("On 8 March" is no vote for England). */
static void withdraw_weak_votes(struct ectx *cx, int *votes)
{
	const struct gazetteer *gz = cx->ex->gz;
	for (size_t k = 0; k < cx->n_pm; k++) {
		struct place_mention *m = &cx->pm[k];
		withdraw_unplaced_votes(cx, k, votes);
		if (m->name_class == NAME_PLAIN && !(m->flags & PM_COMPOUND))
			continue;
		int strong, hint = kind_hint(cx, m->first, m->last, &strong), ev = 0;
		for (size_t j = 0; j < m->n_cand && !ev; j++)
			ev = evidence(cx, k, gz_place(gz, m->cand[j]), hint, strong);
		for (size_t j = 0; j < m->n_cand && !ev; j++) {
			int c = gz_place(gz, m->cand[j])->country;
			if (c >= 0)
				votes[c] -= m->vote[j];
			m->vote[j] = 0;
		}
	}
}

/* "X, in Y" / "X in the northern province of Y" / "X, Y province" / "(X, Y)": the mention of
 * the unit named right after each place. */
static void link_units(struct ectx *cx)
{
	for (size_t k = 0; k < cx->n_pm; k++) {
		cx->pm[k].within = -1;
		/* "X, in Y" / "X in the northern province of Y" / "X, Y province" */
		if (k + 1 < cx->n_pm && cx->pm[k + 1].first - cx->pm[k].last <= 7 &&
		    cx->t.tok[cx->pm[k + 1].first].sentence == cx->t.tok[cx->pm[k].first].sentence) {
			int ok = 1;
			for (size_t i = cx->pm[k].last; i < cx->pm[k + 1].first; i++)
				if (!(cx_is(cx, i, ",") || cx_is(cx, i, "in") || cx_is(cx, i, "the") ||
				      cx_is(cx, i, "of") || cx_is(cx, i, "province") || cx_is(cx, i, "region") ||
				      cx_is(cx, i, "state") || cx_is(cx, i, "district") ||
				      (cx->t.tok[i].flags & TOK_WORD && !(cx->t.tok[i].flags & TOK_CAP))))
					ok = 0;
			if (ok)
				cx->pm[k].within = (int)k + 1;
		}
	}
}

void places_link(struct ectx *cx, int *votes)
{
	link_units(cx);
	withdraw_weak_votes(cx, votes);
}

/* Words of s, folded and lower-cased, one space between: "Pul-e Alam" and "Pul-e-Alam" agree,
 * "Ceel Dheer" and "Ceeldheer" do not. */
static void squash(const char *s, size_t len, struct strbuf *out)
{
	struct strbuf folded = STRBUF_INIT;
	utf8_fold_lower(s, len, &folded);
	for (size_t i = 0; i < folded.len; i++) {
		char c = folded.buf[i];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			strbuf_addch(out, c);
		else if (out->len && out->buf[out->len - 1] != ' ')
			strbuf_addch(out, ' ');
	}
	while (out->len && out->buf[out->len - 1] == ' ')
		out->buf[--out->len] = '\0';
	strbuf_release(&folded);
}

/* A town or district the text spells its own way ("Charbolak district" for the gazetteer's
 * Chahar Bolak, "Belet Weyne" for Beledweyne): the location keeps the text's spelling, as a
 * coder writing from this report would. Not for a short form ("Mazar" for Mazar-i-Sharif),
 * a name in capitals (a dateline) or lower-case text, where the gazetteer's form is better. */
static void written_name(struct ectx *cx, size_t mk)
{
	struct place_mention *m = &cx->pm[mk];
	const struct place *p = gz_place(cx->ex->gz, m->place);
	if ((m->flags & PM_UNLISTED) || !(is_town(p->kind) || p->kind == PK_ADM2))
		return;
	int own = 0;
	for (size_t k = 0; k < m->n_cand && !own; k++)
		own = m->cand[k] == m->place; /* not the capital a province's name led to */
	size_t last = m->last;
	while (last > m->first + 1 && cx_cue(cx, last - 1, CUE_place_longer_kind))
		last--; /* "Farah city", "Sangin district" */
	for (size_t i = m->first; i < last && own; i++) {
		const struct token *t = &cx->t.tok[i];
		if ((t->flags & TOK_ALLCAPS) && t->len > 1)
			own = 0;
		/* a phrase, not a name: "Kabul's international airport" */
		if ((i + 1 < last && (t->flags & TOK_POSS)) ||
		    ((t->flags & TOK_WORD) && !(t->flags & TOK_CAP) && t->len > 3))
			own = 0;
	}
	if (!own || !(cx->t.tok[m->first].flags & TOK_CAP))
		return;
	const char *text = cx->t.text + cx->t.tok[m->first].start;
	size_t len = cx->t.tok[last - 1].end - cx->t.tok[m->first].start;
	if (strlen(p->name) == len && memcmp(p->name, text, len) == 0)
		return; /* the gazetteer's own spelling: the common case */
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	squash(text, len, &a);
	squash(p->name, strlen(p->name), &b);
	if (a.len && !strstr(b.buf, a.buf) && !strstr(a.buf, b.buf))
		m->name = ectx_strdup(cx, text, len);
	strbuf_release(&a);
	strbuf_release(&b);
}

void places_resolve(struct ectx *cx)
{
	struct name_votes nv;
	name_votes_init(cx, &nv);
	for (size_t k = 0; k < cx->n_pm; k++) {
		finish_place(cx, &nv, k);
		if (cx->pm[k].place >= 0)
			written_name(cx, k); /* lower-case text: no capital, no own spelling */
	}
	name_votes_release(&nv);
	places_find_unlisted(cx);
}

int place_inside_other_name(const struct ectx *cx, size_t i, size_t plen, const int *cand,
			    size_t n, const struct surnames *sn)
{
	return inside_person_name(cx, i, plen, cand, n) || part_of_longer_name(cx, i, plen, cand, n) ||
	       (gz_place(cx->ex->gz, cand[0])->kind != PK_COUNTRY && is_surname(cx, sn, i));
}
