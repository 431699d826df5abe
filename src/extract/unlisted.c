/* unlisted: villages and quarters the gazetteer lacks, named as the text writes them and
 * located at the unit the text names with them ("Balade village (Bosaso, Bari)", "the village
 * of Ogossagou in Mali's Mopti region"). places.c resolves the names first. */
#include <stdlib.h>
#include <string.h>

#include "extract/places.h"

/* The first token of a name ending before token end: capitalised words, and the short pieces
 * hyphens join into them ("Takht-e-Pol"); at most five tokens. end if there is none. */
static size_t name_start(const struct ectx *cx, size_t end)
{
	size_t start = end;
	while (start > 0 && end - start < 5) {
		const struct token *t = &cx->t.tok[start - 1];
		int cap = (t->flags & TOK_CAP) && !(t->flags & TOK_ALLCAPS) && !cx_cue(cx, start - 1, CUE_place_name_stop);
		int joined = start < end && (t->flags & TOK_HYPHEN) && (cx->t.tok[start].flags & TOK_HYPHEN);
		if (!(t->flags & TOK_WORD) || (t->flags & TOK_NUMBER) || (!cap && !joined) ||
		    t->sentence != cx->t.tok[end - 1].sentence)
			break;
		start--;
	}
	while (start < end && !(cx->t.tok[start].flags & TOK_CAP))
		start++; /* a name begins with a capital */
	return start;
}

/* The unit mention u holds the place p: the province or district it names, or, for a town,
 * the same province ("the X area of Tarinkot city"). */
static int unit_holds(const struct ectx *cx, int u, int p_idx)
{
	const struct place *q = gz_place(cx->ex->gz, cx->pm[u].place), *p = gz_place(cx->ex->gz, p_idx);
	if (cx->pm[u].place == p_idx)
		return 1;
	if (q->country != p->country)
		return 0;
	if (q->kind == PK_COUNTRY)
		return 1;
	if (q->kind == PK_ADM1)
		return !ascii_casecmp(q->name, p->kind == PK_ADM1 ? p->name : p->admin1);
	if (q->kind == PK_ADM2)
		return !ascii_casecmp(q->name, p->kind == PK_ADM2 ? p->name : p->admin2);
	return *q->admin1 && !ascii_casecmp(q->admin1, p->kind == PK_ADM1 ? p->name : p->admin1);
}

/* May the words [first, last) be named a village of the unit `region`? Not when they are an
 * actor, the unit itself, a place the unit holds, or a known place named in full (unless
 * called a village, an area or a neighbourhood of a unit that does not hold it: "the Odweyne
 * neighbourhood in Mogadishu"). A known place elsewhere that is only a piece of the longer
 * name ("Qom" in "the Qom Qishlaq area of Dashti Qala district") is withdrawn: the longer name
 * takes its place. A town claims no city, nor anything abroad ("the Nairobi
 * area of Moi" is no Moi in Australia). town: the mention of
 * a town the name begins with ("Mogadishu - Hodan"), withdrawn whatever it is. */
static int claim_name(struct ectx *cx, size_t first, size_t last, int region, int small_kind,
		      int town)
{
	if (region < 0)
		return 0;
	const struct place *r = gz_place(cx->ex->gz, cx->pm[region].place);
	if (is_town(r->kind) && cx->country >= 0 && r->country != cx->country)
		return 0;
	for (size_t k = 0; k < cx->n_am; k++)
		if (cx->am[k].first < last && cx->am[k].last > first)
			return 0;
	int strangers = 0;
	for (size_t k = 0; k < cx->n_pm; k++) {
		const struct place_mention *m = &cx->pm[k];
		if (m->first >= last || m->last <= first || m->place < 0)
			continue;
		strangers++;
		if ((int)k == town)
			continue;
		const struct place *p = gz_place(cx->ex->gz, m->place);
		if ((int)k == region || (m->flags & PM_UNLISTED) || p->kind <= PK_ADM1)
			return 0;
		if (is_town(r->kind) && (p->kind == PK_PPLC || p->kind == PK_PPLA || p->population >= 100000))
			return 0; /* a town claims no capital or city */
		if (unit_holds(cx, region, m->place))
			return 0; /* "the Konduga Local Government Area of Borno" */
		if (m->first == first && m->last == last && !small_kind)
			return 0;
	}
	for (size_t k = 0; strangers && k < cx->n_pm; k++)
		if (cx->pm[k].first < last && cx->pm[k].last > first)
			cx->pm[k].place = -1;
	return 1;
}

/* The resolved mention starting at token i (a town, district or province), or -1. */
static int unit_at(const struct ectx *cx, size_t i)
{
	for (size_t k = 0; k < cx->n_pm; k++)
		if (cx->pm[k].first == i && cx->pm[k].place >= 0 &&
		    gz_place(cx->ex->gz, cx->pm[k].place)->kind != PK_COUNTRY &&
		    !(cx->pm[k].flags & (PM_MOTION | PM_BORDER | PM_MODIFIER)))
			return (int)k;
	return -1;
}

/* The unit holding a village named before a comma: the place mention starting at token i,
 * or -1. A town there may be only the next of a list ("Kapkoiwo village, Marigat and
 * Kabarnet"): it holds the village only when no other place follows it. */
static int unit_after_comma(const struct ectx *cx, size_t i)
{
	int u = unit_at(cx, i);
	if (u < 0 || !is_town(gz_place(cx->ex->gz, cx->pm[u].place)->kind))
		return u;
	size_t after = cx->pm[u].last;
	if (cx_is(cx, after, "and") || cx_is(cx, after, "or") ||
	    (cx_is(cx, after, ",") && unit_at(cx, after + 1) >= 0))
		return -1;
	return u;
}

/* The resolved mention ending at token end (exclusive), or -1. */
static int place_ending_at(const struct ectx *cx, size_t end)
{
	for (size_t k = 0; k < cx->n_pm; k++)
		if (cx->pm[k].last == end && cx->pm[k].place >= 0)
			return (int)k;
	return -1;
}

static int by_first(const void *a, const void *b)
{
	const struct place_mention *x = a, *y = b;
	return x->first < y->first ? -1 : x->first > y->first;
}

static void push_unlisted(struct ectx *cx, size_t start, size_t end, int place, int precision,
			  const char *admin2)
{
	struct place_mention *m = ECTX_PUSH(cx->pm, cx->n_pm, cx->alloc_pm);
	memset(m, 0, sizeof(*m));
	m->first = start;
	m->last = end;
	m->cand[0] = -1;
	m->place = place;
	m->precision = precision;
	m->flags = place_context(cx, start, end) | PM_UNLISTED;
	m->within = -1;
	m->name = ectx_strdup(cx, cx->t.text + cx->t.tok[start].start,
			      cx->t.tok[end - 1].end - cx->t.tok[start].start);
	m->admin2 = admin2;
}

/* "the village of Ogossagou in central Mali's Mopti region", "the town of Kapkoiwo, Baringo
 * county": a name the gazetteer lacks after "the village of" (not "the Shidai area of X",
 * where X holds the name before), held by the unit named after
 * "in" or a comma (a few words of description may come between). The name starts at token
 * i; 1 if it was taken. */
static int village_of_then_unit(struct ectx *cx, size_t i)
{
	if (i >= cx->t.n || !(cx->t.tok[i].flags & TOK_CAP) || unit_at(cx, i) >= 0)
		return 0;
	size_t end = i;
	while (end < cx->t.n && end - i < 4 && (cx->t.tok[end].flags & TOK_CAP) &&
	       (cx->t.tok[end].flags & TOK_WORD) && !cx_cue(cx, end, CUE_place_name_stop)) {
		end++;
		if (cx->t.tok[end - 1].flags & TOK_POSS)
			return 0; /* "the town of Beni's mayor" */
	}
	if (end == i || (!cx_is(cx, end, "in") && !cx_is(cx, end, ",")))
		return 0;
	int unit = -1;
	for (size_t j = end + 1; j < cx->t.n && j < end + 5 && unit < 0; j++) {
		unit = unit_at(cx, j);
		if (unit >= 0 && cx->pm[unit].first == j && (cx->t.tok[cx->pm[unit].last - 1].flags & TOK_POSS))
			unit = -1; /* "Mali's": a country-like holder, read on */
		else if (unit < 0 && !(cx->t.tok[j].flags & TOK_POSS) && !cx_is(cx, j, "the") &&
			 ((cx->t.tok[j].flags & TOK_CAP) || !(cx->t.tok[j].flags & TOK_WORD)))
			return 0; /* only a few words of description, a possessive or "the" between */
	}
	if (unit < 0 || !claim_name(cx, i, end, unit, 1, -1))
		return 0;
	push_unlisted(cx, i, end, cx->pm[unit].place, 2, NULL);
	return 1;
}

/* "Balade village (Bosaso, Bari)", "in Buuraha Cali Miskat (Qandala, Bari)", "the Yakhchal
 * area of Nahri Saraj district": a name the gazetteer lacks, called a village, town or area
 * or followed by a bracket, with the unit holding it named right after. ACLED names the village; sitrep keeps the name as written, located at the unit
 * (precision 2). A quarter written after its town ("Mogadishu - Hodan (Banadir)") is named
 * so and located at the town. */
void places_find_unlisted(struct ectx *cx)
{
	size_t n_known = cx->n_pm;
	for (size_t i = 1; i + 1 < cx->t.n; i++) {
		int kind = cx_cue(cx, i, CUE_place_unlisted_kind), unit = -1, region = -1;
		int small_kind = kind && !cx_is(cx, i, "town");
		size_t open = kind ? i + 1 : i;
		const char *admin2 = NULL;
		if (cx_is(cx, open, "(")) {
			/* the first unit the bracket names: "(Bosaso, Bari)", "(Bulo Burto, Hiraan)";
			 * the last says which region */
			for (size_t j = open + 1; j < cx->t.n && j < open + 10; j++) {
				if (cx_is(cx, j, ")"))
					break;
				int u = unit_at(cx, j);
				if (u >= 0 && unit < 0)
					unit = u;
				if (u >= 0)
					region = u;
			}
			/* the district is the first of the two, known or not */
			size_t comma = open + 1;
			while (comma < cx->t.n && comma < open + 6 && (cx->t.tok[comma].flags & TOK_WORD))
				comma++;
			if (comma > open + 1 && cx_is(cx, comma, ",") &&
			    (unit < 0 || cx->pm[unit].first != open + 1 ||
			     is_town(gz_place(cx->ex->gz, cx->pm[unit].place)->kind)))
				admin2 = ectx_strdup(cx, cx->t.text + cx->t.tok[open + 1].start,
						     cx->t.tok[comma - 1].end - cx->t.tok[open + 1].start);
		} else if (kind && cx_is(cx, i + 1, ",") && unit_after_comma(cx, i + 2) >= 0) {
			/* "Kapkoiwo village, Baringo county": the district or province after the
			 * comma holds it */
			unit = region = unit_after_comma(cx, i + 2);
		} else if (kind && cx_is(cx, i - 1, "the") && cx_is(cx, i + 1, "of") &&
			   village_of_then_unit(cx, i + 2)) {
			continue; /* "the village of Ogossagou in central Mali's Mopti region" */
		} else if (kind && (cx_is(cx, i + 1, "of") || cx_is(cx, i + 1, "in"))) {
			/* "the X village of Y district"; in a town ("the X neighborhood in Baidoa"),
			 * the town is where it happened, and a namesake elsewhere is not */
			unit = region = unit_at(cx, i + 2);
			if (unit >= 0 && is_town(gz_place(cx->ex->gz, cx->pm[unit].place)->kind)) {
				size_t start = name_start(cx, i);
				if (start < i)
					claim_name(cx, start, i, region, small_kind, -1);
				unit = -1;
			}
		}
		if (unit < 0)
			continue;
		size_t start = name_start(cx, i);
		int town = -1, place = cx->pm[unit].place, precision = 2;
		/* "Mogadishu - Hodan (Banadir)": the town, a dash, the quarter */
		if (start < i && start >= 2 && cx_is(cx, start - 1, "-") &&
		    (town = place_ending_at(cx, start - 1)) >= 0 && is_town(gz_place(cx->ex->gz, cx->pm[town].place)->kind) &&
		    unit_holds(cx, region, cx->pm[town].place)) {
			place = cx->pm[town].place;
			precision = 1;
			start = cx->pm[town].first;
		}
		if (start == i || !claim_name(cx, start, i, region, small_kind, town))
			continue;
		push_unlisted(cx, start, i, place, precision, admin2);
	}
	if (cx->n_pm > n_known) /* back into text order, which the index needs */
		qsort(cx->pm, cx->n_pm, sizeof(*cx->pm), by_first);
}
