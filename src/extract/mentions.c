/* mentions: finds place and actor mentions in one scan of the tokens, decides the document's
 * country, and names the actors; places.c decides which place each name is. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "extract/ectx.h"
#include "extract/places.h"
#include "base/util.h"

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

/* Proper names only: a place name must start with a capital letter in the text. */
static int capitalised(const struct ectx *cx, size_t i)
{
	return (cx->t.tok[i].flags & (TOK_CAP | TOK_ALLCAPS)) != 0;
}

/* "-linked", "-backed", "-led" after a name: the name qualifies something else. */
static int modifier_suffix(const struct ectx *cx, size_t i)
{
	return i < cx->t.n && (cx->t.tok[i].flags & TOK_HYPHEN) && cx_cue(cx, i, CUE_group_suffix);
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


static size_t scan_at(struct ectx *cx, size_t i, int *votes, int lower,
		      const struct surnames *sn)
{
	const struct gazetteer *gz = cx->ex->gz;
	int acand[8], pcand[MAX_CAND];
	size_t na = 0, np = 0, dlen = 0, end;
	/* Nationality + force noun: "Afghan security forces", "Nigerian troops". */
	const struct token *tok = &cx->t.tok[i];
	/* "Pokot raiders", "a Marehan militia": a people votes for the country it lives in, and
	 * the words go on to be read as whatever else they are. */
	size_t people_len;
	int people = capitalised(cx, i) && phrase_may_start(gz->peoples, tok)
			     ? gazetteer_people(gz, &cx->t, i, &people_len) : -1;
	if (people >= 0)
		votes[people] += 1;
	int dem = capitalised(cx, i) && phrase_may_start(gz->demonyms, tok)
			  ? gazetteer_demonym(gz, &cx->t, i, &dlen) : -1;
	if (dem >= 0) {
		votes[dem] += 1;
		size_t j = i + dlen;
		/* "a remote Kenyan village", "the Afghan capital": a nationality that says where a
		 * town is names the country of the scene, more than a passing place name does */
		if (cx_cue(cx, j, CUE_place_town_word))
			votes[dem] += 2;
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
	size_t plen = (capitalised(cx, i) || lower) && gazetteer_may_start(gz, tok)
			      ? gazetteer_match(gz, &cx->t, i, cx->t.n, pcand, MAX_CAND, &np) : 0;
	/* "Ceel Dheer" for Ceeldheer: a joined name is weak evidence, as a compound is (a place
	 * only where the rest of the text is in its country), and gives no vote. */
	int joined = 0;
	if (plen < 2 && (tok->flags & TOK_CAP) && i + 1 < cx->t.n && (cx->t.tok[i + 1].flags & TOK_CAP)) {
		size_t nj;
		int jcand[MAX_CAND];
		if (gazetteer_match_joined(gz, &cx->t, i, cx->t.n, jcand, MAX_CAND, &nj)) {
			memcpy(pcand, jcand, nj * sizeof(*jcand));
			np = nj;
			plen = 2;
			joined = 1;
		}
	}
	/* In lower-case text only a name that is nothing else ("kabul", not "march"). */
	if (plen && !capitalised(cx, i) &&
	    (tok->len < 4 || gazetteer_name_class(gz, &cx->t, i, i + plen) != NAME_PLAIN))
		plen = 0;
	/* "Afghan", "English": a nationality word, not a town of that name. */
	if (plen && dlen >= plen)
		plen = 0;
	/* "AU troops", "UN envoy": an acronym among ordinary words names no town (a country's
	 * own letters, "US", are a country row's alias and stay). */
	if (plen == 1 && (tok->flags & TOK_ALLCAPS) && tok->len <= 4 &&
	    gz_place(gz, pcand[0])->kind != PK_COUNTRY && gz_place(gz, pcand[0])->kind != PK_ADM1 &&
	    !(i > 0 && (cx->t.tok[i - 1].flags & TOK_ALLCAPS)) &&
	    !(i + 1 < cx->t.n && (cx->t.tok[i + 1].flags & TOK_ALLCAPS)) && !place_dateline(cx, i, i + 1))
		return 1;
	if (plen && plen > alen && place_inside_other_name(cx, i, plen, pcand, np, sn))
		return plen; /* "Andres Manuel Lopez Obrador" is no town in the Philippines */
	if (plen && plen > alen && place_named_facility(cx, i + plen)) {
		return place_facility_end(cx, i + plen) - i; /* "Aden Adde International Airport" */
	}
	if (plen && plen > alen) {
		/* Country possessive + force: "Afghanistan's army". */
		const struct place *p0 = gz_place(gz, pcand[0]);
		if (p0->kind == PK_COUNTRY && (cx->t.tok[i + plen - 1].flags & TOK_POSS)) {
			int f = force_after(cx, i + plen, &end);
			if (f >= 0) {
				add_force(cx, i, end, f, p0->country, "country's + force noun");
				return end - i;
			}
		}
		place_mention_add(cx, i, i + plen, pcand, np);
		if (joined) {
			cx->pm[cx->n_pm - 1].flags |= PM_COMPOUND;
			return plen;
		}
		/* One vote per country the name may be in, two for the country itself or the only
		 * reading: five Lebanons in the United States do not outvote Lebanon. */
		/* The likeliest reading: a country, a capital; then a country where the name is
		 * both a unit and a town (a province and its seat: "Embu" in Kenya, not the one
		 * town of Brazil; towns alone, however many, do not count), then the most people. */
		size_t lead = 0;
		int readings[MAX_CAND], unit_of[MAX_CAND], town_of[MAX_CAND];
		for (size_t k = 0; k < np; k++) {
			enum place_kind kk = gz_place(gz, pcand[k])->kind;
			unit_of[k] = kk == PK_ADM1 || kk == PK_ADM2;
			town_of[k] = kk >= PK_PPLC;
		}
		for (size_t k = 0; k < np; k++) {
			int unit = 0, town = 0;
			for (size_t j = 0; j < np; j++)
				if (gz_place(gz, pcand[j])->country == gz_place(gz, pcand[k])->country) {
					unit |= unit_of[j];
					town |= town_of[j];
				}
			readings[k] = unit && town;
		}
		/* After a country or a capital: a place whose own name this is ("Borno" is
		 * Nigeria's state, only an alternate name of a German town), then the reading
		 * above, then a province or a city before a small town, or the kind of place the
		 * word after the name says ("Bay town", "Bay region"), then the most people. */
		unsigned own = cx->pm[cx->n_pm - 1].own_mask; /* bit k: cand k's own name */
		int notable[MAX_CAND];
		int town_said = cx_cue(cx, i + plen, CUE_place_town_word),
		    unit_said = cx_cue(cx, i + plen, CUE_place_adm1_word) || cx_is(cx, i + plen, "district");
		for (size_t k = 0; k < np; k++) {
			const struct place *p = gz_place(gz, pcand[k]);
			int unit = p->kind == PK_ADM1 || p->kind == PK_ADM2;
			notable[k] = town_said ? !unit : unit_said ? unit
				     : p->kind == PK_ADM1 || p->population >= 100000;
		}
		for (size_t k = 1; k < np; k++) {
			const struct place *a = gz_place(gz, pcand[k]), *b = gz_place(gz, pcand[lead]);
			int ra = a->kind == PK_COUNTRY ? 2 : a->kind == PK_PPLC;
			int rb = b->kind == PK_COUNTRY ? 2 : b->kind == PK_PPLC;
			if (ra != rb) {
				lead = ra > rb ? k : lead;
				continue;
			}
			int own_k = own >> k & 1, own_lead = own >> lead & 1;
			int by = own_k != own_lead ? own_k - own_lead
				 : readings[k] != readings[lead] ? readings[k] - readings[lead]
				 : notable[k] != notable[lead] ? notable[k] - notable[lead]
				 : a->population > b->population;
			if (by > 0)
				lead = k;
		}
		int lead_country = gz_place(gz, pcand[lead])->country;
		struct place_mention *m = &cx->pm[cx->n_pm - 1];
		for (size_t k = 0; k < np; k++) {
			int c = gz_place(gz, pcand[k])->country, dup = 0;
			for (size_t j = 0; j < k && !dup; j++)
				dup = gz_place(gz, pcand[j])->country == c;
			if (c >= 0 && !dup && !(m->flags & PM_BORDER)) {
				m->vote[k] = np == 1 ? 2 : c == lead_country ? 3 : 1;
				votes[c] += m->vote[k];
			}
		}
		/* "Kunduz police": the place names whose police. */
		int f = force_after(cx, i + plen, &end);
		if (f >= 0) {
			add_force(cx, i + plen, end, f, gz_place(gz, pcand[0])->country, "place + force noun");
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
			if (c >= 0 && d->kind == AK_GROUP && d->inter >= 1 && d->inter <= 4 && !d->home_only)
				votes[c] += 1;
			struct actor_mention *am = add_actor(cx, i, i + alen, d->name, d->inter, d->iso3, d->kind,
				  d->kind == AK_GROUP ? "actor lexicon" : d->kind == AK_GENERIC
				  ? "generic actor" : "anaphor");
			if (d->home_only)
				am->flags |= AM_HOME_ONLY;
		}
		return alen;
	}
	return 1;
}

/* "linked to al Qaeda", "al Qaeda's affiliate": the group qualifies another. */
static void mark_modifiers(struct ectx *cx)
{
	for (size_t k = 0; k < cx->n_am; k++) {
		struct actor_mention *a = &cx->am[k];
		size_t i = a->first;
		while (i > 0 && (cx_is(cx, i - 1, "the") || cx_is(cx, i - 1, "an")))
			i--;
		if (i >= 2 && cx_cue(cx, i - 2, CUE_affiliation_word) &&
		    cx_cue(cx, i - 1, CUE_affiliation_prep))
			a->flags |= AM_MODIFIER;
		if ((cx->t.tok[a->last - 1].flags & TOK_POSS) && cx_cue(cx, a->last, CUE_group_part))
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

/* "gunmen (likely Al Shabaab)", "attackers, believed to be members of the ADF": the group
 * the report takes them for, hedged (cue affiliation_hedge). */
static int hedged_link(const struct ectx *cx, size_t i, size_t to)
{
	if (cx_is(cx, i, "(") || cx_is(cx, i, ","))
		i++;
	if (!cx_cue(cx, i, CUE_affiliation_hedge))
		return 0;
	i++;
	if (cx_is(cx, i, "to") && cx_is(cx, i + 1, "be"))
		i += 2;
	if ((cx_is(cx, i, "members") || cx_is(cx, i, "fighters")) && cx_is(cx, i + 1, "of"))
		i += 2;
	while (i < to && (cx_is(cx, i, "the") || cx_is(cx, i, "a") || cx_is(cx, i, "an")))
		i++;
	return i == to;
}

/* A named group right after an anaphor or generic armed actor that it qualifies. */
static const struct actor_mention *affiliation(const struct ectx *cx, size_t k)
{
	const struct actor_mention *a = &cx->am[k];
	if (k + 1 >= cx->n_am)
		return NULL;
	const struct actor_mention *b = &cx->am[k + 1];
	if (b->kind != AK_GROUP || b->inter < 2 || b->inter > 4)
		return NULL;
	size_t i = a->last;
	int prep = 0;
	while (i < b->first && cx_cue(cx, i, CUE_group_between)) {
		prep |= cx_is(cx, i, "from") || cx_is(cx, i, "of");
		i++;
	}
	if (prep) {
		/* "gunmen from rival factions of the Sinaloa Cartel" */
	} else if (hedged_link(cx, a->last, b->first)) {
		return b; /* "an unknown armed group (likely Al Shabaab)" */
	} else {
		i = a->last;
		if (!cx_cue(cx, i, CUE_affiliation_link) || !cx_cue(cx, i + 1, CUE_affiliation_prep))
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

/* --- identity militias named by their group ---------------------------------------------- */

/* "Marehan sub-clan militia", "Pokot raiders": a militia named by the clan or people it
 * comes from. The capitalised words right before the militia noun name the group, unless
 * they qualify it ("Armed", "Rival": cue militia_name_stop), are a nationality, a country,
 * a number or another actor. Returns the first token of the name, or m->first if none. */
static size_t identity_name_start(const struct ectx *cx, const struct actor_mention *m,
				  size_t prev_end)
{
	size_t s_first = sentence_first(cx, cx->t.tok[m->first].sentence);
	size_t j = m->first;
	while (j > s_first && j > prev_end && m->first - j < 5) {
		const struct token *t = &cx->t.tok[j - 1];
		if (!(t->flags & TOK_WORD) || (t->flags & TOK_NUMBER) ||
		    !(t->flags & (TOK_CAP | TOK_ALLCAPS)) || cx_cue(cx, j - 1, CUE_militia_name_stop))
			break;
		size_t dlen;
		if (gazetteer_demonym(cx->ex->gz, &cx->t, j - 1, &dlen) >= 0)
			break;
		size_t k = pm_lower(cx, j - 1);
		if (k < cx->n_pm && cx->pm[k].first <= j - 1 && cx->pm[k].n_cand &&
		    gz_place(cx->ex->gz, cx->pm[k].cand[0])->kind == PK_COUNTRY)
			break;
		j--;
	}
	/* A hyphenated name is whole or not at all: "Hawiye-Abgal", not "Abgal". */
	while (j < m->first && (cx->t.tok[j].flags & TOK_HYPHEN))
		j++;
	return j;
}

static int militia_head(const struct ectx *cx, const struct actor_mention *m)
{
	if (m->kind == AK_GENERIC && m->inter == INTER_IDENTITY_MILITIA)
		return 1;
	return (m->kind == AK_GENERIC || m->kind == AK_ANAPHOR) && cx_cue(cx, m->last - 1, CUE_militia_noun);
}

/* Mark the militias named by their group: the mention takes in the name, and a place of
 * the same name there is not where anything happened ("Garre" the clan, not the town). */
static void find_identity_militias(struct ectx *cx)
{
	for (size_t i = 0; i < cx->n_am; i++) {
		struct actor_mention *a = &cx->am[i];
		if (!militia_head(cx, a))
			continue;
		size_t j = identity_name_start(cx, a, i > 0 ? cx->am[i - 1].last : 0);
		if (j == a->first)
			continue;
		/* Its vote for the country stays: clans and peoples often share names with
		 * places of their own country. */
		for (size_t k = pm_lower(cx, j); k < cx->n_pm && cx->pm[k].first < a->first; k++)
			cx->pm[k].flags |= PM_MODIFIER;
		a->flags |= AM_GROUP_NAMED;
		a->name_first = j;
		/* "Garre and Degodia militias": the first people is a militia of its own. */
		struct actor_mention head = *a;
		head.first = j - 1;
		size_t j2;
		if (j > 1 && cx_is(cx, j - 1, "and") &&
		    (j2 = identity_name_start(cx, &head, i > 0 ? cx->am[i - 1].last : 0)) < j - 1) {
			for (size_t k = pm_lower(cx, j2); k < cx->n_pm && cx->pm[k].first < j - 1; k++)
				cx->pm[k].flags |= PM_MODIFIER;
			ECTX_PUSH(cx->am, cx->n_am, cx->alloc_am);
			memmove(&cx->am[i + 1], &cx->am[i], (cx->n_am - 1 - i) * sizeof(*cx->am));
			struct actor_mention *c = &cx->am[i];
			c->flags = AM_GROUP_NAMED | AM_KIND_NEXT;
			c->name_first = j2;
			c->first = c->last = j - 1; /* named, and spanning its words, in name_actors */
			i++;
		}
	}
}

/* ACLED's name for it: the group's words as written, the kind of militia the text says
 * ("sub-clan", "clan", "ethnic", "communal"; raiders and tribesmen are an ethnic militia)
 * and the country. */
static void name_identity_militia(struct ectx *cx, struct actor_mention *a)
{
	/* A first conjunct takes the kind of militia from the mention after it. */
	const struct actor_mention *words = (a->flags & AM_KIND_NEXT) ? a + 1 : a;
	static const struct { const char *word, *kind; } kinds[] = {
		{ "subclan", "Sub-Clan Militia" }, { "clan", "Clan Militia" },
		{ "ethnic", "Ethnic Militia" }, { "tribal", "Ethnic Militia" },
		{ "communal", "Communal Militia" }, { "community", "Communal Militia" } };
	const char *kind = words->inter == INTER_IDENTITY_MILITIA ? "Ethnic Militia" : "Militia";
	for (size_t i = words->first; i < words->last; i++) {
		size_t k;
		for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
			if (cx_is(cx, i, kinds[k].word))
				break;
		if (k < sizeof(kinds) / sizeof(kinds[0])) {
			kind = kinds[k].kind;
			if (k == 1 && i > words->first && cx_is(cx, i - 1, "sub"))
				kind = kinds[0].kind;
			break;
		}
	}
	const struct token *t0 = &cx->t.tok[a->name_first], *t1 = &cx->t.tok[a->first - 1];
	struct strbuf sb = STRBUF_INIT;
	strbuf_add(&sb, cx->t.text + t0->start, t1->end - t0->start);
	strbuf_addf(&sb, " %s", kind);
	if (cx->country >= 0)
		strbuf_addf(&sb, " (%s)", cx->ex->gz->countries[cx->country].name);
	a->name = ectx_strdup(cx, sb.buf, sb.len);
	strbuf_release(&sb);
	a->inter = strcmp(kind, "Militia") ? INTER_IDENTITY_MILITIA : INTER_POLITICAL_MILITIA;
	iso3_copy(a->iso3, cx->country >= 0 ? cx->ex->gz->countries[cx->country].iso3 : "");
	a->kind = AK_GROUP;
	a->first = a->name_first;
	a->rule = (a->flags & AM_KIND_NEXT) ? "militia named by its people, before 'and'"
					    : "militia named by its clan or people";
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
		if (a->flags & AM_GROUP_NAMED)
			name_identity_militia(cx, a);
		/* "bandits" outside the country whose bandits the lexicon names */
		if ((a->flags & AM_HOME_ONLY) && (!cname || strcmp(a->iso3, ciso) != 0)) {
			a->name = ectx_actor_name(cx, "Unidentified Armed Group", cx->country);
			a->inter = INTER_POLITICAL_MILITIA;
			a->kind = AK_GENERIC;
			iso3_copy(a->iso3, ciso);
			a->rule = "a home country's group word elsewhere: an unidentified armed group";
		}
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
			if (gz_place(gz, cand[k])->country >= 0)
				votes[gz_place(gz, cand[k])->country] += 1;
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
	int lower = places_lower_case(cx);
	struct surnames sn;
	places_surnames(cx, &sn);
	for (size_t i = 0; i < cx->t.n;) {
		if (cx->t.tok[i].flags & TOK_PUNCT) {
			i++;
			continue;
		}
		i += scan_at(cx, i, votes, lower, &sn);
	}
	free(sn.tok);
	find_identity_militias(cx);
	cx->votes = votes;
	places_link(cx, votes);
	choose_country(cx, votes);
	places_resolve(cx);
	mark_modifiers(cx);
	find_responsible(cx);
	drop_foreign_acronyms(cx);
	name_actors(cx);
	cx->blamed = blamed_actor(cx);
}
