/* merge: mentions of one event within a document folded into one: same type, day and place,
 * a reference back, or one scene seen twice (arrests at a protest, a raid and its arrests). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "extract/events_int.h"

/* "the attack", "Thursday's bombing": a definite generic noun refers back to the latest event
 * already coded, unless the sentence names another place for it. */
void find_coreference(struct ectx *cx, struct event *e, int own_place)
{
	const struct trigger_mention *m = &cx->tm[e->trigger];
	if (m->last != m->first + 1 || !cx_cue(cx, m->first, CUE_generic_event_noun) || m->first == 0)
		return;
	/* The determiner may stand before up to two adjectives: "the heaviest attack". */
	int definite = 0;
	for (size_t p = m->first; p > 0 && m->first - p < 3; p--) {
		const struct token *t = &cx->t.tok[p - 1];
		if (cx_cue(cx, p - 1, CUE_ref_det) || (t->flags & TOK_POSS)) {
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
		    gz_place(cx->ex->gz, cx->pm[own_place].place)->kind != PK_COUNTRY &&
		    gz_place(cx->ex->gz, cx->pm[own_place].place)->kind != PK_ADM1)
			return;
		e->coref = (int)k;
		ev_why(cx, e, "; refers back to the event of sentence %zu", prev->sentence + 1);
		return;
	}
}

/* Families of sub-types that one incident can be told as: a raid told as an air strike, as
 * shelling and as an attack; a protest that turned into a riot. 0: a family of its own. An
 * armed clash is not told as the bombs thrown in it: ACLED codes the fight. */
static int incident_family(enum acled_sub sub)
{
	switch (sub) {
	case SUB_air_strike: case SUB_shelling: case SUB_remote_explosive:
	case SUB_suicide_bomb: case SUB_grenade: case SUB_chemical_weapon: case SUB_attack:
		return 1;
	case SUB_peaceful_protest: case SUB_protest_intervention: case SUB_excessive_force:
	case SUB_violent_demonstration: case SUB_mob_violence:
		return 2;
	default:
		return 0;
	}
}

/* Of two tellings of one incident, the more specific kind: the weapon over the fight, the
 * fight over the attack; force and rioting over a peaceful protest. */
static enum acled_sub more_specific(enum acled_sub a, enum acled_sub b)
{
	static const enum acled_sub order[] = { SUB_chemical_weapon, SUB_suicide_bomb, SUB_air_strike,
		SUB_remote_explosive, SUB_shelling, SUB_grenade, SUB_attack,
		SUB_violent_demonstration, SUB_excessive_force, SUB_mob_violence,
		SUB_protest_intervention, SUB_peaceful_protest };
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (order[i] == a || order[i] == b)
			return order[i];
	return a;
}

/* Does b's sentence say it is another incident ("in a separate attack", "elsewhere")? */
static int says_separate(const struct ectx *cx, const struct event *b)
{
	for (size_t i = sentence_first(cx, b->sentence); i < sentence_last(cx, b->sentence); i++)
		if (cx_cue(cx, i, CUE_separate_event))
			return 1;
	return 0;
}

static int same_event(const struct ectx *cx, const struct event *a, const struct event *b)
{
	int family = incident_family(a->sub);
	if (a->sub != b->sub && (!family || family != incident_family(b->sub) ||
				 a->sentence == b->sentence || says_separate(cx, b)))
		return 0;
	/* A mention whose place only came from context is the same incident wherever the other
	 * was placed; told as another kind, it must have the same place or none. */
	if (a->sub == b->sub ? a->place_idx != b->place_idx && !b->place_inherited
			     : a->place_idx != b->place_idx && a->place_idx >= 0 && b->place_idx >= 0)
		return 0;
	return (a->event_date.y == b->event_date.y && a->event_date.m == b->event_date.m &&
		a->event_date.d == b->event_date.d) ||
	       (a->sub != b->sub && (!a->event_date.y || !b->event_date.y));
}

static void merge_gaps(struct event *a, const struct event *b)
{
	if (!a->actor1_name && b->actor1_name)
		a->actor1_name = b->actor1_name, a->inter1 = b->inter1;
	if (!a->actor2_name && b->actor2_name)
		a->actor2_name = b->actor2_name, a->inter2 = b->inter2;
	if (a->fatalities <= 0 && b->fatalities > 0) {
		a->fatalities = b->fatalities;
		a->fat_low = b->fat_low;
		a->fat_high = b->fat_high;
	}
	if (a->injuries < 0)
		a->injuries = b->injuries;
	if (a->detained < 0)
		a->detained = b->detained;
	if (a->claim < 0)
		a->claim = b->claim;
	a->civilian_targeting |= b->civilian_targeting;
}

void merge_events(struct ectx *cx)
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
			if (a->sub != b->sub && target < 0) { /* a reference back keeps the first kind */
				enum acled_sub kind = more_specific(a->sub, b->sub);
				ev_why(cx, a, "; one incident told as %s and %s: %s",
				       acled_sub(a->sub)->sub_event_type, acled_sub(b->sub)->sub_event_type,
				       acled_sub(kind)->sub_event_type);
				a->sub = kind;
				/* Told as two kinds, the first telling's figures stand; the other fills gaps. */
				merge_gaps(a, b);
				ev_why(cx, a, "; merged with the mention in sentence %zu", b->sentence + 1);
				break;
			}
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
			/* A retold count is dropped before it reaches an event (casualties.c), so the
			 * hurt and detained of mentions in two sentences are different people: they add
			 * up. Two triggers of one sentence may carry the same people ("arrested a few
			 * suspects and seized rifles"): the larger count stands. */
			int apart = a->sentence != b->sentence;
			if (b->injuries > 0)
				a->injuries = apart && a->injuries > 0 ? a->injuries + b->injuries
					    : b->injuries > a->injuries ? b->injuries : a->injuries;
			if (b->detained > 0)
				a->detained = apart && a->detained > 0 ? a->detained + b->detained
					    : b->detained > a->detained ? b->detained : a->detained;
			if (a->claim < 0)
				a->claim = b->claim;
			a->civilian_targeting |= b->civilian_targeting;
			ev_why(cx, a, "; merged with the mention in sentence %zu", b->sentence + 1);
			break;
		}
	}
}

static int same_day(const struct event *a, const struct event *b)
{
	return a->event_date.y == b->event_date.y && a->event_date.m == b->event_date.m &&
	       a->event_date.d == b->event_date.d;
}

/* One place, though the gazetteer may hold it twice ("Ramadi" the town and "the capital of
 * Anbar" the province seat come from different tables). */
static int same_place(const struct ectx *cx, int a, int b)
{
	if (a == b)
		return 1;
	if (a < 0 || b < 0)
		return 0;
	const struct place *x = gz_place(cx->ex->gz, a), *y = gz_place(cx->ex->gz, b);
	return x->country == y->country && !strcmp(x->name, y->name) && !strcmp(x->admin1, y->admin1);
}

static int same_scene(const struct ectx *cx, const struct event *a, const struct event *b)
{
	return same_day(a, b) && (same_place(cx, a->place_idx, b->place_idx) || a->place_inherited ||
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
	ev_why(cx, into, "; %s (sentence %zu)", reason, from->sentence + 1);
}

/* One scene, one event: arrests at a protest are part of it; a riot outranks the protest it
 * grew from; a withdrawal is the other face of a takeover, and a takeover "without a fight"
 * is a non-violent transfer. */
void reconcile_kinds(struct ectx *cx)
{
	for (size_t i = 0; i < cx->n_ev; i++) {
		struct event *a = &cx->ev[i];
		if (a->dropped || a->merged_into >= 0)
			continue;
		for (size_t j = i > 30 ? i - 30 : 0; j < cx->n_ev && j <= i + 30; j++) {
			struct event *b = &cx->ev[j];
			if (i == j || b->dropped || b->merged_into >= 0 || !same_scene(cx, a, b))
				continue;
			int fold = 0;
			if (a->cls == EC_ARREST && (is_protest(b->cls) || b->cls == EC_RIOT)) {
				fold = 1; /* a into b */
				/* Protesters arrested: ACLED's protest with intervention. */
				if (b->cls == EC_PROTEST) {
					b->cls = EC_PROTEST_INTERVENTION;
					b->sub = SUB_protest_intervention;
					ev_why(cx, b, "; arrests at the protest: intervention");
				}
			}
			else if (is_protest(a->cls) && b->cls == EC_RIOT)
				fold = 1;
			else if (a->cls == EC_LOOTING && (b->cls == EC_RIOT || violence_rank(b->cls) <= 3))
				fold = 1; /* looting by rioters, houses burned in a raid */
			else if ((a->cls == EC_IED || a->cls == EC_GRENADE) && a->place_inherited &&
				 a->fatalities <= 0 && acled_type_of(b->sub) == TYPE_BATTLES)
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
				 same_place(cx, a->place_idx, b->place_idx))
				fold = 1; /* "overran the town, killing four soldiers in a gunfight" */
			else if (a->cls == EC_TRANSFER && (b->cls == EC_TERRITORY || b->cls == EC_CAPTURE_PLACE)) {
				if (a->trigger >= 0 && tdef(cx, a->trigger)->flags & TR_WEAK) {
					fold = 1; /* "withdrew": part of the takeover */
				} else {
					b->cls = EC_TRANSFER; /* "without a fight": the takeover was peaceful */
					b->sub = a->sub;
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
