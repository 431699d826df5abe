/* mentions: finds place and actor mentions, decides the document's country, and resolves each
 * place name to one gazetteer entry using the words around it. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "extract/ectx.h"
#include "base/util.h"

static const char *const motion_verbs[] = { "drove", "drive", "driving", "travelled", "traveled",
	"travel", "travelling", "fled", "flee", "fleeing", "flees", "leave", "leaving", "left",
	"headed", "heading", "moved", "returned", "returning", "flew", "went", "go", "going",
	"evacuated", "relocated", "arrive", "arrived", "arriving", "retreated", "retreat",
	"withdrew", "escaped", "escape", "transferred", "taken", "deported", "sent", "fly",
	"journey", "trip", "visit", "visited", "visiting", "road", "highway", "route", "flight",
	"flights", "pushed", "driven", "cross", "crossed", "crossing", "brief", "back", "bound",
	"destined", NULL };

static int motion_before(const struct ectx *cx, size_t i, size_t window)
{
	size_t s0 = cx->t.sent[cx->t.tok[i].sentence].first;
	for (size_t k = i; k > s0 && i - k < window; k--)
		if (cx_is_any(cx, k - 1, motion_verbs))
			return 1;
	return 0;
}

static inline int prev_is(const struct ectx *cx, size_t i, const char *a, const char *b)
{
	if (b)
		return i >= 2 && cx_is(cx, i - 2, a) && cx_is(cx, i - 1, b);
	return i >= 1 && cx_is(cx, i - 1, a);
}

static unsigned place_context(const struct ectx *cx, size_t first, size_t last)
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
	static const char *const modifiers[] = { "government", "governments", "authorities",
		"officials", "official", "police", "governor", "spokesman", "spokeswoman",
		"spokesperson", "council", "administration", "ministry", "embassy", "envoy",
		"team", "delegation", "leaders", "talks", "process", "agreement", "accord", "deal",
		"conference", "summit", "mission", "office", NULL };
	if (cx_is_any(cx, last, modifiers))
		f |= PM_MODIFIER;
	/* "a statement issued in Abuja", "told reporters in Kabul": where it was said. */
	static const char *const speech[] = { "statement", "issued", "said", "told", "conference",
		"briefing", "speaking", "interview", "announced", "reporters", "journalists", NULL };
	size_t s0 = cx->t.sent[cx->t.tok[i].sentence].first;
	if (i >= 2 && i - 1 > s0 && cx_is(cx, i - 1, "in"))
		for (size_t k = i - 1; k > s0 && i - k < 5; k--)
			if (cx_is_any(cx, k - 1, speech)) {
				f |= PM_MODIFIER;
				break;
			}
	/* "the Dnipro River", "the Nuba Mountains": a feature named after a place. */
	static const char *const features[] = { "river", "mountains", "mountain", "valley", "sea",
		"lake", "dam", "gulf", "bay", "desert", "hills", "corridor", "canal", "basin", "strait",
		"peninsula", "plain", "plains", "forest", "airport", "highway", "road", NULL };
	if (cx_is_any(cx, last, features) && !cx_is(cx, last, "airport"))
		f |= PM_MODIFIER;
	/* "the governor of Nangarhar province", "the mayor of Kyiv": an office, not a scene. */
	static const char *const offices[] = { "governor", "mayor", "chief", "commander",
		"president", "minister", "ministry", "people", "parliament", "council", "governors",
		NULL };
	if (i >= 2 && cx_is(cx, i - 1, "of") && cx_is_any(cx, i - 2, offices))
		f |= PM_MODIFIER;
	if (i >= 3 && cx_is(cx, i - 1, "of") && cx_is(cx, i - 2, "the") == 0 && cx_is_any(cx, i - 3, offices) &&
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
	static const char *const adm1_words[] = { "province", "provinces", "state", "governorate",
		"region", "oblast", "department", "prefecture", "county", NULL };
	static const char *const town_words[] = { "city", "town", "village", "township", "capital",
		NULL };
	*strong = 1;
	/* The word may be inside the matched alias ("Kunduz Province") or right after it. */
	if (cx_is_any(cx, last, adm1_words) || (last - first > 1 && cx_is_any(cx, last - 1, adm1_words)))
		return PK_ADM1;
	if (cx_is(cx, last, "district") || cx_is(cx, last, "districts") ||
	    (last - first > 1 && cx_is(cx, last - 1, "district")))
		return PK_ADM2;
	if (cx_is_any(cx, last, town_words))
		return PK_PPL;
	if (first >= 2 && cx_is(cx, first - 1, "of")) {
		if (cx_is_any(cx, first - 2, adm1_words))
			return PK_ADM1;
		if (cx_is(cx, first - 2, "district"))
			return PK_ADM2;
		if (cx_is_any(cx, first - 2, town_words) && !cx_is(cx, first - 2, "capital"))
			return PK_PPL;
	}
	*strong = 0;
	return -1;
}

static int is_town(enum place_kind k)
{
	return k == PK_PPLC || k == PK_PPLA || k == PK_PPLA2 || k == PK_PPL;
}

static double kind_score(enum place_kind k, int hint)
{
	if (hint == PK_PPL)
		return is_town(k) ? 3 : 0;
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
		const struct place *q = &cx->ex->gz->places[u->cand[k]];
		if (q->kind == PK_COUNTRY && q->country == p->country)
			return 1;
		if (q->kind == PK_ADM1 && q->country == p->country && !ascii_casecmp(q->name, p->admin1))
			return 1;
		if (q->kind == PK_ADM2 && q->country == p->country && !ascii_casecmp(q->name, p->admin2))
			return 1;
	}
	return 0;
}

static int resolve_place(struct ectx *cx, struct place_mention *m)
{
	const struct gazetteer *gz = cx->ex->gz;
	int strong;
	int hint = kind_hint(cx, m->first, m->last, &strong);
	double best = -1;
	int best_idx = -1;
	for (size_t k = 0; k < m->n_cand; k++) {
		const struct place *p = &gz->places[m->cand[k]];
		double s = kind_score(p->kind, hint);
		if (cx->country >= 0 && p->country == cx->country)
			s += 4;
		else if (cx->country >= 0 && p->kind == PK_PPL && p->population < 200000 &&
			 (p->country < 0 || cx->votes[p->country] == 0))
			continue; /* a small town abroad, in a country the text never names */
		else if (p->country >= 0 && cx->votes[p->country] > 0)
			s += 1 + (cx->votes[p->country] > 2);
		/* "Rafah, in the southern Gaza Strip": the unit named next contains it. */
		if (m->within >= 0 && within_unit(cx, m->within, p))
			s += 6;
		if (p->population > 0)
			s += log10((double)p->population) / 10.0;
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
	if (cx->ex->capital[adm1_idx] != -2)
		return cx->ex->capital[adm1_idx];
	const struct place *a = &gz->places[adm1_idx];
	int best = -1;
	double best_d = 0.1;
	for (size_t i = 0; i < gz->n; i++) {
		const struct place *p = &gz->places[i];
		if (!is_town(p->kind) || p->country != a->country)
			continue;
		double d = fabs(p->lat - a->lat) + fabs(p->lon - a->lon);
		if (d < best_d) {
			best_d = d;
			best = (int)i;
		}
	}
	cx->ex->capital[adm1_idx] = best;
	return best;
}

static void finish_place(struct ectx *cx, struct place_mention *m)
{
	const struct gazetteer *gz = cx->ex->gz;
	m->place = resolve_place(cx, m);
	if (m->place < 0)
		return;
	enum place_kind k = gz->places[m->place].kind;
	if ((m->flags & PM_CAPITAL_OF) && (k == PK_ADM1 || k == PK_COUNTRY)) {
		int cap = k == PK_ADM1 ? admin1_capital(cx, m->place) : -1;
		if (k == PK_COUNTRY) {
			int c = gz->places[m->place].country;
			int cand[MAX_CAND];
			size_t n = c >= 0 ? gazetteer_lookup(gz, gz->countries[c].capital, cand, MAX_CAND) : 0;
			for (size_t j = 0; j < n; j++)
				if (is_town(gz->places[cand[j]].kind) && gz->places[cand[j]].country == c)
					cap = cand[j];
		}
		if (cap >= 0) {
			m->place = cap;
			k = gz->places[cap].kind;
		}
	}
	/* "Odesa" alone is the city, not the oblast named after it. */
	int strong_hint;
	if (k == PK_ADM1 && kind_hint(cx, m->first, m->last, &strong_hint) < 0) {
		int cap = admin1_capital(cx, m->place);
		int cand[MAX_CAND];
		size_t n = cap >= 0 ? gazetteer_lookup(gz, gz->places[cap].name, cand, MAX_CAND) : 0;
		for (size_t j = 0; j < n; j++)
			if (cand[j] == m->place) {
				m->place = cap;
				k = gz->places[cap].kind;
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

/* --- actors ----------------------------------------------------------------------------- */

static struct actor_mention *add_actor(struct ectx *cx, size_t first, size_t last,
				       const char *name, int inter, const char *iso3,
				       enum actor_kind kind, const char *rule)
{
	struct actor_mention *a = ECTX_PUSH(cx->am, cx->n_am, cx->alloc_am);
	a->first = first;
	a->last = last;
	a->name = name;
	a->inter = inter;
	iso3_copy(a->iso3, iso3 ? iso3 : "");
	a->kind = kind;
	a->flags = 0;
	a->rule = rule;
	return a;
}

static int is_police(const struct actor_def *d)
{
	return strstr(d->name, "Police") != NULL;
}

/* A force noun right after token i (skipping "government"), or -1. */
static int force_after(const struct ectx *cx, size_t i, size_t *end)
{
	int out[8];
	size_t n;
	size_t len = actors_match(cx->ex->actors, &cx->t, i, cx->t.n, out, 8, &n);
	for (size_t k = 0; len && k < n; k++)
		if (cx->ex->actors->defs[out[k]].kind == AK_FORCE) {
			*end = i + len;
			return out[k];
		}
	return -1;
}

static void add_force(struct ectx *cx, size_t first, size_t end, int def, int country,
		      const char *rule)
{
	const struct actor_def *d = &cx->ex->actors->defs[def];
	const char *iso3 = country >= 0 ? cx->ex->gz->countries[country].iso3 : "";
	const char *name = country >= 0 ? state_force_name(cx, country, is_police(d)) : NULL;
	add_actor(cx, first, end, name, d->inter ? d->inter : 1, iso3, AK_FORCE, rule);
}

static void add_place_mention(struct ectx *cx, size_t first, size_t last, const int *cand,
			      size_t n_cand)
{
	struct place_mention *m = ECTX_PUSH(cx->pm, cx->n_pm, cx->alloc_pm);
	m->first = first;
	m->last = last;
	memcpy(m->cand, cand, n_cand * sizeof(*cand));
	m->n_cand = n_cand;
	m->place = -1;
	m->precision = 3;
	m->flags = place_context(cx, first, last);
}

/* Proper names only: a place name must start with a capital letter in the text. */
static int capitalised(const struct ectx *cx, size_t i)
{
	return (cx->t.tok[i].flags & (TOK_CAP | TOK_ALLCAPS)) != 0;
}

/* "-linked", "-backed", "-led" after a name: the name qualifies something else. */
static int modifier_suffix(const struct ectx *cx, size_t i)
{
	static const char *const suffixes[] = { "linked", "affiliated", "allied", "backed", "aligned",
		"led", "inspired", "supported", "sponsored", "run", "held", "controlled", "funded",
		"armed", "trained", "leaning", "friendly", "style", NULL };
	return i < cx->t.n && (cx->t.tok[i].flags & TOK_HYPHEN) && cx_is_any(cx, i, suffixes);
}

/* Weapon words that name the state firing them when a nationality precedes: "Russian
 * artillery", "Israeli airstrikes". */
static int weapon_after(const struct ectx *cx, size_t i)
{
	int out[8];
	size_t n;
	size_t len = triggers_match(cx->ex->triggers, &cx->t, i, cx->t.n, out, 8, &n);
	for (size_t k = 0; len && k < n; k++) {
		enum ev_class c = cx->ex->triggers->defs[out[k]].cls;
		if (c == EC_AIRSTRIKE || c == EC_SHELLING || c == EC_CHEMICAL)
			return 1;
	}
	return 0;
}

/* A place name that begins a longer proper name ending in a facility noun names the
 * facility after someone, not the place: "Aden Adde International Airport", "Jomo Kenyatta
 * Airport". "Kabul International Airport" (no other capitalised word) stays Kabul. */
static const char *const facilities[] = { "airport", "stadium", "university", "hospital",
	"street", "road", "avenue", "bridge", "square", "mosque", "hotel", "school", "college",
	"academy", "barracks", "prison", "base", NULL };

static size_t facility_end(const struct ectx *cx, size_t j)
{
	while (j < cx->t.n && (cx->t.tok[j].flags & TOK_CAP) && !cx_is_any(cx, j, facilities))
		j++;
	return j < cx->t.n && cx_is_any(cx, j, facilities) ? j + 1 : j;
}

static int named_facility(const struct ectx *cx, size_t j)
{
	static const char *const generic[] = { "international", "national", "general", "central",
		"main", "military", "air", "memorial", "teaching", "regional", "district", "city",
		"provincial", NULL };
	int other = 0;
	size_t k = j;
	while (k < cx->t.n && k < j + 4 && (cx->t.tok[k].flags & TOK_CAP) &&
	       !(cx->t.tok[k].flags & TOK_PARA) && !cx_is_any(cx, k, facilities)) {
		if (!cx_is_any(cx, k, generic))
			other = 1;
		k++;
	}
	return other && k < cx->t.n && (cx->t.tok[k].flags & TOK_CAP) && cx_is_any(cx, k, facilities);
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
		enum place_kind kind = cx->ex->gz->places[cand[k]].kind;
		if (kind != PK_PPL && kind != PK_PPLA2)
			return 0;
	}
	return 1;
}

static size_t scan_at(struct ectx *cx, size_t i, int *votes)
{
	const struct gazetteer *gz = cx->ex->gz;
	int acand[8], pcand[MAX_CAND];
	size_t na = 0, np = 0, dlen = 0, end;
	/* Nationality + force noun: "Afghan security forces", "Nigerian troops". */
	const struct token *tok = &cx->t.tok[i];
	int dem = capitalised(cx, i) && phrase_may_start(gz->demonyms, tok)
			  ? gazetteer_demonym(gz, &cx->t, i, &dlen) : -1;
	if (dem >= 0) {
		votes[dem] += 1;
		size_t j = i + dlen;
		if (cx_is(cx, j, "government") && force_after(cx, j + 1, &end) < 0)
			return dlen; /* "the Afghan government": a source, not a fighting force */
		int f = force_after(cx, j, &end);
		if (f >= 0) {
			add_force(cx, i, end, f, dem, "nationality + force noun");
			return end - i;
		}
		/* "Iran-backed", "Saudi-led": names a sponsor, unless the lexicon knows the whole
		 * phrase ("Saudi-led coalition"). */
		if (modifier_suffix(cx, j) &&
		    actors_match(cx->ex->actors, &cx->t, i, cx->t.n, acand, 8, &na) <= dlen + 1)
			return dlen + 1;
		if (weapon_after(cx, j)) {
			if (cx->ex->actors->military >= 0)
				add_force(cx, i, j, cx->ex->actors->military, dem, "nationality + weapon");
			return dlen;
		}
	}
	size_t alen = phrase_may_start(cx->ex->actors->ix, tok)
			      ? actors_match(cx->ex->actors, &cx->t, i, cx->t.n, acand, 8, &na) : 0;
	/* "local People's Defence Force": a longer name starting inside this match wins. */
	int generic = alen && cx->ex->actors->defs[acand[na - 1]].kind == AK_GENERIC;
	for (size_t j = i + 1; generic && alen > 1 && j < i + alen; j++) {
		int other[8];
		size_t no;
		size_t olen = actors_match(cx->ex->actors, &cx->t, j, cx->t.n, other, 8, &no);
		if (olen && j + olen > i + alen)
			return j - i;
	}
	size_t plen = capitalised(cx, i) && phrase_may_start(gz->names, tok)
			      ? gazetteer_match(gz, &cx->t, i, cx->t.n, pcand, MAX_CAND, &np) : 0;
	if (plen && plen > alen && inside_person_name(cx, i, plen, pcand, np))
		return plen; /* "Andres Manuel Lopez Obrador" is no town in the Philippines */
	if (plen && plen > alen && named_facility(cx, i + plen)) {
		return facility_end(cx, i + plen) - i; /* "Aden Adde International Airport" */
	}
	if (plen && plen > alen) {
		/* Country possessive + force: "Afghanistan's army". */
		const struct place *p0 = &gz->places[pcand[0]];
		if (p0->kind == PK_COUNTRY && (cx->t.tok[i + plen - 1].flags & TOK_POSS)) {
			int f = force_after(cx, i + plen, &end);
			if (f >= 0) {
				add_force(cx, i, end, f, p0->country, "country's + force noun");
				return end - i;
			}
		}
		add_place_mention(cx, i, i + plen, pcand, np);
		/* One vote per country the name may be in, two for the country itself or the only
		 * reading: five Lebanons in the United States do not outvote Lebanon. */
		size_t lead = 0; /* the likeliest reading: a country, a capital, the most people */
		for (size_t k = 1; k < np; k++) {
			const struct place *a = &gz->places[pcand[k]], *b = &gz->places[pcand[lead]];
			int ra = a->kind == PK_COUNTRY ? 2 : a->kind == PK_PPLC;
			int rb = b->kind == PK_COUNTRY ? 2 : b->kind == PK_PPLC;
			if (ra > rb || (ra == rb && a->population > b->population))
				lead = k;
		}
		int lead_country = gz->places[pcand[lead]].country;
		for (size_t k = 0; k < np; k++) {
			int c = gz->places[pcand[k]].country, dup = 0;
			for (size_t j = 0; j < k && !dup; j++)
				dup = gz->places[pcand[j]].country == c;
			if (c >= 0 && !dup && !(cx->pm[cx->n_pm - 1].flags & PM_BORDER))
				votes[c] += np == 1 ? 2 : c == lead_country ? 3 : 1;
		}
		/* "Kunduz police": the place names whose police. */
		int f = force_after(cx, i + plen, &end);
		if (f >= 0) {
			add_force(cx, i + plen, end, f, gz->places[pcand[0]].country, "place + force noun");
			cx->pm[cx->n_pm - 1].flags |= PM_MODIFIER;
			return end - i;
		}
		return plen;
	}
	if (alen && modifier_suffix(cx, i + alen)) {
		/* "Islamic State-linked insurgents" are the group's own fighters (its local
		 * affiliate, as ACLED codes them); "Iran-backed militias" are someone else. */
		const struct actor_def *d = &cx->ex->actors->defs[acand[na - 1]];
		size_t g = i + alen + 1, ng = 0;
		int gc[8];
		size_t glen = d->kind == AK_GROUP && (cx_is(cx, i + alen, "linked") ||
						      cx_is(cx, i + alen, "affiliated") ||
						      cx_is(cx, i + alen, "aligned"))
				      ? actors_match(cx->ex->actors, &cx->t, g, cx->t.n, gc, 8, &ng) : 0;
		if (glen) {
			const struct actor_def *gd = &cx->ex->actors->defs[gc[ng - 1]];
			if (gd->kind == AK_ANAPHOR || (gd->kind == AK_GENERIC && gd->inter >= 2 && gd->inter <= 4)) {
				add_actor(cx, i, g + glen, d->name, d->inter, d->iso3, d->kind,
					  "group-linked fighters");
				return g + glen - i;
			}
		}
		return alen + 1; /* "al Qaeda-linked", "Houthi-run": describes another actor */
	}
	if (alen) {
		const struct actor_def *d = &cx->ex->actors->defs[acand[na - 1]];
		if (d->kind == AK_FORCE) {
			add_force(cx, i, i + alen, acand[na - 1], -1, "force noun");
		} else {
			int c = *d->iso3 ? gazetteer_country_by_iso3(gz, d->iso3) : -1;
			/* A state's forces, or an armed group at home ("Hamas" for Rafah in Gaza,
			 * not Rafah in Egypt). */
			if (c >= 0 && d->kind == AK_GROUP && d->inter >= 1 && d->inter <= 4)
				votes[c] += 1;
			add_actor(cx, i, i + alen, d->name, d->inter, d->iso3, d->kind,
				  d->kind == AK_GROUP ? "actor lexicon" : d->kind == AK_GENERIC
				  ? "generic actor" : "anaphor");
		}
		return alen;
	}
	return 1;
}

/* "linked to al Qaeda", "al Qaeda's affiliate": the group qualifies another. */
static void mark_modifiers(struct ectx *cx)
{
	static const char *const before2[][2] = { { "linked", "to" }, { "affiliated", "with" },
		{ "affiliated", "to" }, { "allied", "with" }, { "allied", "to" }, { "loyal", "to" },
		{ "inspired", "by" }, { "backed", "by" }, { "aligned", "with" }, { "affiliate", "of" },
		{ "offshoot", "of" }, { "faction", "of" }, { "splinter", "of" }, { "branch", "of" },
		{ "allegiance", "to" }, { "ties", "to" }, { "links", "to" }, { "close", "to" } };
	static const char *const after_poss[] = { "affiliate", "affiliates", "branch", "offshoot",
		"wing", "ally", "allies", "franchise", "proxy", "proxies", NULL };
	for (size_t k = 0; k < cx->n_am; k++) {
		struct actor_mention *a = &cx->am[k];
		size_t i = a->first;
		while (i > 0 && (cx_is(cx, i - 1, "the") || cx_is(cx, i - 1, "an")))
			i--;
		for (size_t j = 0; i >= 2 && j < sizeof(before2) / sizeof(before2[0]); j++)
			if (cx_is(cx, i - 2, before2[j][0]) && cx_is(cx, i - 1, before2[j][1]))
				a->flags |= AM_MODIFIER;
		if ((cx->t.tok[a->last - 1].flags & TOK_POSS) && cx_is_any(cx, a->last, after_poss))
			a->flags |= AM_MODIFIER;
	}
}

/* The group that claimed the attack: "JNIM claimed responsibility", "IS said it carried out". */
static void find_responsible(struct ectx *cx)
{
	cx->responsible = -1;
	for (size_t k = 0; k < cx->n_am; k++) {
		const struct actor_mention *a = &cx->am[k];
		if (a->kind != AK_GROUP || a->inter < 2 || a->inter > 4 || (a->flags & AM_MODIFIER))
			continue;
		for (size_t i = a->last; i < a->last + 14 && i < cx->t.n; i++) {
			if (cx->t.tok[i].sentence != cx->t.tok[a->first].sentence)
				break;
			if ((cx_is(cx, i, "claimed") || cx_is(cx, i, "claims") || cx_is(cx, i, "took") ||
			     cx_is(cx, i, "claiming")) &&
			    (cx_is(cx, i + 1, "responsibility") || cx_is(cx, i + 1, "credit") ||
			     cx_is(cx, i + 1, "the") || cx_is(cx, i + 1, "a"))) {
				cx->responsible = (int)k;
				return;
			}
			if (cx->t.tok[i].flags & TOK_PUNCT && cx->t.tok[i].norm[0] != ',' &&
			    cx->t.tok[i].norm[0] != '(' && cx->t.tok[i].norm[0] != ')')
				break;
		}
	}
}

/* A named group right after an anaphor or generic armed actor that it qualifies. */
static const struct actor_mention *affiliation(const struct ectx *cx, size_t k)
{
	static const char *const links[][2] = { { "linked", "to" }, { "led", "by" },
		{ "loyal", "to" }, { "affiliated", "with" }, { "allied", "to" }, { "allied", "with" },
		{ "belonging", "to" }, { "aligned", "with" }, { "backed", "by" } };
	const struct actor_mention *a = &cx->am[k];
	if (k + 1 >= cx->n_am)
		return NULL;
	const struct actor_mention *b = &cx->am[k + 1];
	if (b->kind != AK_GROUP || b->inter < 2 || b->inter > 4)
		return NULL;
	static const char *const between[] = { "from", "of", "the", "a", "rival", "factions",
		"faction", "members", "units", "unit", "elements", "fighters", "wing", "cells", "cell",
		NULL };
	size_t i = a->last;
	int prep = 0;
	while (i < b->first && cx_is_any(cx, i, between)) {
		prep |= cx_is(cx, i, "from") || cx_is(cx, i, "of");
		i++;
	}
	if (prep) {
		/* "gunmen from rival factions of the Sinaloa Cartel" */
	} else {
		i = a->last;
		size_t j;
		for (j = 0; j < sizeof(links) / sizeof(links[0]); j++)
			if (cx_is(cx, i, links[j][0]) && cx_is(cx, i + 1, links[j][1]))
				break;
		if (j == sizeof(links) / sizeof(links[0]))
			return NULL;
		i += 2;
	}
	while (i < b->first && (cx_is(cx, i, "the") || cx_is(cx, i, "a")))
		i++;
	return i == b->first ? b : NULL;
}

/* Who is blamed: "blamed Syrian government forces for the attack", "accused X of". */
static int blamed_actor(const struct ectx *cx)
{
	for (size_t k = 0; k < cx->n_am; k++) {
		const struct actor_mention *a = &cx->am[k];
		size_t i = a->first;
		while (i > 0 && (cx_is(cx, i - 1, "the") || cx_is(cx, i - 1, "on")))
			i--;
		if (i > 0 && (cx_is(cx, i - 1, "blamed") || cx_is(cx, i - 1, "blames") ||
			      cx_is(cx, i - 1, "accused") || cx_is(cx, i - 1, "accuses")) &&
		    a->inter >= 1 && a->inter <= 4 && !(a->flags & AM_MODIFIER))
			return (int)k;
	}
	return -1;
}

/* Generic and anaphoric actors get their final names once the country is known. */
/* Great-circle distance between two countries' capitals, in km. */
static double capitals_km(const struct country *a, const struct country *b)
{
	const double rad = 3.14159265358979 / 180.0;
	double dlat = (b->lat - a->lat) * rad, dlon = (b->lon - a->lon) * rad;
	double h = sin(dlat / 2) * sin(dlat / 2) +
		   cos(a->lat * rad) * cos(b->lat * rad) * sin(dlon / 2) * sin(dlon / 2);
	return 2 * 6371.0 * asin(sqrt(h));
}

/* "Download PDF" in an Afghan story: a short acronym of a group whose home is far from the
 * document's country (capitals more than 2,500 km apart, further than neighbours and their
 * neighbours) is a word written the same, not that group. A group named in full stays. */
static void drop_foreign_acronyms(struct ectx *cx)
{
	if (cx->country < 0)
		return;
	const struct gazetteer *gz = cx->ex->gz;
	const struct country *home = &gz->countries[cx->country];
	for (size_t i = 0; i < cx->n_am; i++) {
		struct actor_mention *a = &cx->am[i];
		const struct token *t = &cx->t.tok[a->first];
		int c = a->iso3[0] ? gazetteer_country_by_iso3(gz, a->iso3) : -1;
		if (a->kind == AK_GROUP && c >= 0 && c != cx->country && a->last == a->first + 1 &&
		    (t->flags & TOK_ALLCAPS) && t->len <= 4 && capitals_km(home, &gz->countries[c]) > 2500) {
			a->name = NULL;
			a->inter = INTER_UNKNOWN;
			a->rule = "acronym of a group from another country: not that group";
		}
	}
}

static void name_actors(struct ectx *cx)
{
	const struct gazetteer *gz = cx->ex->gz;
	const char *cname = cx->country >= 0 ? gz->countries[cx->country].name : NULL;
	const char *ciso = cx->country >= 0 ? gz->countries[cx->country].iso3 : "";
	int last_group = -1; /* latest named non-state group before mention i */
	int force_country = -1; /* country of the latest state force named with its nation */
	for (size_t i = 0; i < cx->n_am; i++) {
		struct actor_mention *a = &cx->am[i];
		if (i > 0 && cx->am[i - 1].kind == AK_GROUP && cx->am[i - 1].inter >= 2 &&
		    cx->am[i - 1].inter <= 4 && !(cx->am[i - 1].flags & AM_MODIFIER))
			last_group = (int)i - 1;
		if (a->kind == AK_FORCE && a->name && a->iso3[0])
			force_country = gazetteer_country_by_iso3(gz, a->iso3);
		if (a->kind == AK_FORCE && !a->name) {
			/* "Israeli troops ... Troops detained 11": the nation named last. */
			int c = force_country >= 0 ? force_country : cx->country;
			int is_pol = 0;
			int out[8];
			size_t n;
			if (actors_match(cx->ex->actors, &cx->t, a->first, a->last, out, 8, &n))
				is_pol = out[n - 1] == cx->ex->actors->police;
			a->name = state_force_name(cx, c, is_pol);
			iso3_copy(a->iso3, c >= 0 ? gz->countries[c].iso3 : ciso);
			if (force_country < 0)
				a->flags |= AM_NO_NATION;
		} else if (a->kind == AK_ANAPHOR) {
			/* "the insurgents", "the group": the latest non-state group named before. */
			const struct actor_mention *ante = last_group >= 0 ? &cx->am[last_group] : NULL;
			/* "insurgents linked to Islamic State", "gunmen from the Sinaloa Cartel":
			 * the group named right after. */
			const struct actor_mention *aff = affiliation(cx, i);
			if (cx->responsible >= 0 && (!ante || aff))
				ante = &cx->am[cx->responsible];
			else if (aff)
				ante = aff;
			if (ante) {
				a->name = ante->name;
				a->inter = ante->inter;
				iso3_copy(a->iso3, ante->iso3);
				a->rule = "anaphor resolved to the latest named group";
			} else {
				a->name = ectx_actor_name(cx, "Unidentified Armed Group", cx->country);
				a->inter = 3;
				a->rule = "anaphor without antecedent";
			}
			a->kind = AK_GROUP;
		} else if (a->kind == AK_GENERIC && a->inter >= 2 && a->inter <= 4 && affiliation(cx, i)) {
			const struct actor_mention *aff = affiliation(cx, i);
			a->name = aff->name;
			a->inter = aff->inter;
			iso3_copy(a->iso3, aff->iso3);
			a->kind = AK_GROUP;
			a->rule = "armed men named by their group";
		} else if (a->kind == AK_GENERIC && cname && !strchr(a->name, '(')) {
			a->name = ectx_actor_name(cx, a->name, cx->country);
			if (!*a->iso3)
				iso3_copy(a->iso3, ciso);
		}
	}
}

static void choose_country(struct ectx *cx, int *votes)
{
	const struct gazetteer *gz = cx->ex->gz;
	if (cx->d->dateline) {
		int cand[MAX_CAND];
		size_t n = gazetteer_lookup(gz, cx->d->dateline, cand, MAX_CAND);
		/* "KABUL, Afghanistan": try the part after the last comma too. */
		const char *comma = strrchr(cx->d->dateline, ',');
		if (!n && comma)
			n = gazetteer_lookup(gz, comma + 1, cand, MAX_CAND);
		/* Datelines are often the reporter's base (Beirut, Nairobi), not the scene. */
		for (size_t k = 0; k < n; k++)
			if (gz->places[cand[k]].country >= 0)
				votes[gz->places[cand[k]].country] += 1;
	}
	int best = -1;
	for (size_t c = 0; c < gz->n_countries; c++)
		if (votes[c] > 0 && (best < 0 || votes[c] > votes[best]))
			best = (int)c;
	cx->country = best;
}

void mentions_find(struct ectx *cx)
{
	int *votes = xcalloc(cx->ex->gz->n_countries + 1, sizeof(*votes));
	for (size_t i = 0; i < cx->t.n;) {
		if (cx->t.tok[i].flags & TOK_PUNCT) {
			i++;
			continue;
		}
		i += scan_at(cx, i, votes);
	}
	choose_country(cx, votes);
	cx->votes = votes;
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
	for (size_t k = 0; k < cx->n_pm; k++)
		finish_place(cx, &cx->pm[k]);
	mark_modifiers(cx);
	find_responsible(cx);
	drop_foreign_acronyms(cx);
	name_actors(cx);
	cx->blamed = blamed_actor(cx);
}
