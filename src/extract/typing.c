/* typing: a trigger class to ACLED's event type and sub-type, with the evidence of the
 * sentence (weapons recovered, people taken, bombs from the air, crude weapons). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "extract/events_int.h"

int is_protest(enum ev_class c)
{
	return c == EC_PROTEST || c == EC_PROTEST_INTERVENTION || c == EC_PROTEST_FORCE;
}

int protest_rank(enum ev_class c)
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
int protest_context(struct ectx *cx)
{
	if (cx->protest_ctx < 0) {
		cx->protest_ctx = 0;
		for (size_t k = 0; k < cx->n_am && !cx->protest_ctx; k++)
			cx->protest_ctx = cx->am[k].inter == INTER_PROTESTERS;
		for (size_t k = 0; k < cx->n_tm && !cx->protest_ctx; k++)
			cx->protest_ctx = tdef(cx, (int)k)->cls == EC_PROTEST;
	}
	return cx->protest_ctx;
}

/* "captured three ELN members": people taken, not a place. */
/* "captured three ELN members" or "three soldiers were captured": people, counted, were
 * taken. Returns how many (0 when what was taken is not people). */
long people_taken_at(const struct ectx *cx, int tm, size_t s_first, size_t s_last)
{
	const struct trigger_mention *m = &cx->tm[tm];
	long held = detained_by(cx, tm);
	if (held > 0)
		return held;
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
	if (e->actor1 >= 0 && inter_is_armed(cx->am[e->actor1].inter))
		return 0;
	if (e->actor1 >= 0 && cx->am[e->actor1].inter == INTER_EXTERNAL)
		return 0;
	int has_crude = 0;
	for (size_t i = sentence_first(cx, e->sentence); i < sentence_last(cx, e->sentence); i++) {
		if (cx_cue(cx, i, CUE_firearm_word))
			return 0;
		if (cx_cue(cx, i, CUE_crude_weapon))
			has_crude = 1;
	}
	return has_crude;
}

/* "bombs dropped by a helicopter": bombing from the air is an air strike (a bomb with an
 * aircraft just before it is a rule of rules.tsv). */
static int dropped_by_aircraft(const struct ectx *cx, const struct event *e)
{
	const struct trigger_mention *m = &cx->tm[e->trigger];
	size_t s_last = sentence_last(cx, e->sentence);
	for (size_t i = m->last; i < s_last && i < m->last + 5; i++)
		if ((cx_is(cx, i, "by") || cx_is(cx, i, "from")) && i + 3 < s_last)
			for (size_t j = i + 1; j < i + 4; j++)
				if (cx_cue(cx, j, CUE_aircraft))
					return 1;
	return 0;
}

/* The retyping rules of rules.tsv, in the table's order, each seeing the class the ones
 * before it left ("grenades were recovered": Disrupted weapons use; "a jet bombed": Air
 * strike). */
static void apply_retype_rules(struct ectx *cx, struct event *e)
{
	const struct rule_lex *rules = cx->ex->rules;
	for (size_t i = 0; i < rules->n; i++) {
		const struct rule *r = &rules->r[i];
		if (r->then != RULE_RETYPE || !rule_fires(cx, r, e->trigger, e->cls, e->sentence))
			continue;
		e->cls = r->retype;
		if (r->cameo[0])
			e->cameo = r->cameo;
		ev_why(cx, e, "; retyped %s by rule '%s'", ev_class_name(r->retype), r->name);
	}
}

/* A word of the cue within six tokens after the trigger, in its clause: what was attacked. */
static int target_is(const struct ectx *cx, const struct event *e, enum cue_id cue)
{
	size_t s_last = sentence_last(cx, e->sentence);
	for (size_t i = cx->tm[e->trigger].last; i < s_last && i < cx->tm[e->trigger].last + 6; i++) {
		if (cx_is(cx, i, ";") || cx_is(cx, i, ":") || cx_is(cx, i, ","))
			break;
		if (cx_cue(cx, i, cue))
			return 1;
	}
	return 0;
}

/* A crowd does it: a crowd word in the trigger's subject, back to the clause's punctuation
 * ("villagers and a mob beat him"), or after "by" just after it ("beaten to death by a
 * crowd"). A crowd elsewhere in the sentence may be only where it happened. */
static int crowd_agent(const struct ectx *cx, const struct event *e)
{
	const struct trigger_mention *m = &cx->tm[e->trigger];
	size_t s_first = sentence_first(cx, e->sentence), s_last = sentence_last(cx, e->sentence);
	for (size_t i = m->first; i > s_first && m->first - i < 10; i--) {
		if (cx->t.tok[i - 1].flags & TOK_PUNCT)
			break;
		if (cx_cue(cx, i - 1, CUE_crowd))
			return 1;
	}
	for (size_t i = m->last; i + 1 < s_last && i < m->last + 2; i++)
		if (cx_is(cx, i, "by"))
			for (size_t j = i + 1; j < s_last && j < i + 4; j++)
				if (cx_cue(cx, j, CUE_crowd))
					return 1;
	return 0;
}

/* The trigger names a fight of two sides ("clash", "running battles"), not one side's fire. */
static int two_sided_word(const struct ectx *cx, const struct event *e)
{
	const struct trigger_mention *m = &cx->tm[e->trigger];
	return cx_cue(cx, m->first, CUE_two_sided) || cx_cue(cx, m->last - 1, CUE_two_sided);
}

/* "confrontation between rioters and police", "residents engaged police in running
 * battles": a crowd on one side, state forces on the other and no rebel or militia in the
 * sentence is a riot, not a battle (ACLED's Riots). */
static int crowd_against_police(const struct ectx *cx, const struct event *e)
{
	size_t s_first = sentence_first(cx, e->sentence), s_last = sentence_last(cx, e->sentence);
	int state = 0;
	for (size_t k = am_lower(cx, s_first); k < cx->n_am && cx->am[k].first < s_last; k++) {
		const struct actor_mention *a = &cx->am[k];
		if (!a->name)
			continue;
		if (inter_is_nonstate_armed(a->inter) || a->inter == INTER_EXTERNAL || a->kind == AK_ANAPHOR)
			return 0;
		if (a->inter == INTER_STATE)
			state = 1;
	}
	return state;
}

void type_event(struct ectx *cx, struct event *e, int civilians_only, int any_killed)
{
	apply_retype_rules(cx, e);
	if (e->cls == EC_IED && dropped_by_aircraft(cx, e)) {
		e->cls = EC_AIRSTRIKE;
		e->cameo = "195"; /* employ aerial weapons */
		ev_why(cx, e, "; retyped AIRSTRIKE by check 'dropped_by_aircraft'");
	}
	long taken = e->cls == EC_CAPTURE_PLACE ? people_taken(cx, e) : 0;
	if (taken) {
		e->cls = is_state(cx, e->actor1) ? EC_ARREST : EC_ABDUCTION;
		if (e->detained < 0)
			e->detained = taken;
	}
	/* Burning and stoning with no crowd anywhere in the story is an armed group's doing (a
	 * lynching or a vigilante attack names its crowd itself). */
	if (e->cls == EC_RIOT && !protest_context(cx) && !riot_context(cx) && e->actor1 < 0)
		e->cls = EC_LOOTING;
	/* Force against a crowd is a protest event only where there is a protest; rioting by an
	 * armed group (burning houses in a raid) is property destruction. */
	if ((e->cls == EC_PROTEST_FORCE || e->cls == EC_PROTEST_INTERVENTION) && !protest_context(cx)) {
		if (e->cls == EC_PROTEST_INTERVENTION) {
			e->dropped = 1;
			ev_why(cx, e, "; dropped: crowd control without a protest");
		}
		e->cls = EC_ATTACK;
	}
	/* An armed side that "clashed with police" fought: an armed clash; an armed side
	 * burning or stoning destroys property. */
	if ((e->cls == EC_RIOT || e->cls == EC_MOB) && e->actor1 >= 0 && inter_is_armed(cx->am[e->actor1].inter))
		e->cls = cx_cue(cx, cx->tm[e->trigger].first, CUE_two_sided) ? EC_CLASH : EC_LOOTING;
	/* "Rival supporters clashed": crowds without an armed side fight as a mob (ACLED Riots). */
	/* A beating or stabbing done by a crowd is mob violence, whoever reports it ("police
	 * said"). */
	int crowd_did_it = e->cls == EC_ATTACK &&
			   (e->actor1 < 0 || !inter_is_armed(cx->am[e->actor1].inter)) && crowd_agent(cx, e);
	if (e->cls == EC_CLASH && (e->evidence & (1u << EV_crowd)) && two_sided_word(cx, e) &&
	    crowd_against_police(cx, e)) {
		e->cls = protest_context(cx) ? EC_RIOT : EC_MOB;
		e->cameo = "145"; /* riot */
		ev_why(cx, e, "; a crowd against the police, no armed group: %s",
		       e->cls == EC_RIOT ? "a violent demonstration" : "mob violence");
	} else if (crowd_did_it ||
	    ((e->cls == EC_CLASH || e->cls == EC_KILL) && !(e->evidence & (1u << EV_armed)) &&
	     (e->evidence & (1u << EV_crowd)) && !(e->evidence & (1u << EV_specific)))) {
		e->cls = EC_MOB;
		ev_why(cx, e, "; crowds and no armed side: mob violence");
	} else if (e->cls == EC_CLASH && crude_brawl(cx, e)) {
		e->cls = EC_MOB;
		e->cameo = "145"; /* riot */
		ev_why(cx, e, "; crude weapons, no armed side: mob violence");
	}
	/* "The rioters burned down the market" after a protest: the protest turned violent. */
	if (e->cls == EC_LOOTING && !(e->evidence & (1u << EV_armed)) && (e->evidence & (1u << EV_crowd)) &&
	    protest_context(cx)) {
		e->cls = EC_RIOT;
		ev_why(cx, e, "; a crowd destroying property where there is a protest: a riot");
	}
	e->sub = acled_default_sub(e->cls);
	if (e->cls == EC_TERRITORY || e->cls == EC_CAPTURE_PLACE) {
		/* A foreign army taking ground is coded as ACLED codes non-state takeovers. */
		int foreign = 0;
		if (is_state(cx, e->actor1) && e->place_idx >= 0 && cx->am[e->actor1].iso3[0]) {
			int c = gz_place(cx->ex->gz, e->place_idx)->country;
			foreign = c >= 0 && strcmp(cx->ex->gz->countries[c].iso3, cx->am[e->actor1].iso3) != 0;
		}
		if ((is_state(cx, e->actor1) && !foreign) || (e->actor1 < 0 && regain_word(cx, e)))
			e->sub = SUB_government_regains;
	} else if (e->cls == EC_ATTACK && e->actor2 >= 0 && inter_is_armed(cx->am[e->actor2].inter)) {
		/* Shooting at soldiers or police is a fight, not violence against civilians. */
		e->sub = SUB_armed_clash;
	} else if (e->cls == EC_CLASH || e->cls == EC_KILL) {
		/* Civilians as the direct object of an attack verb, or the only dead. */
		int target_civ = e->actor2 >= 0 && cx->am[e->actor2].inter == INTER_CIVILIANS &&
				 cx->am[e->actor2].first <= cx->tm[e->trigger].last + 3;
		/* "bandits killed eight people in an attack": one armed side, unarmed dead. Words
		 * like "clash" or "battle" always have two sides. */
		int one_sided = any_killed && e->actor2 < 0 &&
				!cx_cue(cx, cx->tm[e->trigger].first, CUE_two_sided) &&
				!cx_cue(cx, cx->tm[e->trigger].last - 1, CUE_two_sided) &&
				(e->cls == EC_KILL || e->actor1 >= 0) &&
				!armed_counterpart(cx, e, e->sentence);
		/* "attacked a checkpoint", "ambushed a convoy": the target was armed; "raided a
		 * village", "attacked a bus": it was not. */
		int armed_target = target_is(cx, e, CUE_armed_target);
		int civilian_target = !armed_target && e->actor2 < 0 && target_is(cx, e, CUE_civilian_target) &&
				      !cx_cue(cx, cx->tm[e->trigger].first, CUE_two_sided) &&
				      !armed_counterpart(cx, e, e->sentence);
		if (target_civ || (!armed_target && ((civilians_only && any_killed) || one_sided)) ||
		    civilian_target) {
			e->sub = SUB_attack;
			ev_why(cx, e, "; one-sided: %s", target_civ ? "civilians attacked" : civilian_target ?
			       "a civilian target" : "unarmed dead and no second armed side");
		}
	}
}

/* Once the actors are known: a fight whose other side is civilians, or whose victim, named as
 * the subject of "was killed by" or "were attacked by" an armed group, bears no arms, is
 * one-sided violence against civilians (ACLED's Attack). */
void one_sided_by_actors(struct ectx *cx, struct event *e)
{
	const struct trigger_mention *m = &cx->tm[e->trigger];
	if (e->sub != SUB_armed_clash || !inter_is_armed(e->inter1) || !e->actor1_name ||
	    cx_cue(cx, m->first, CUE_two_sided) || cx_cue(cx, m->last - 1, CUE_two_sided))
		return; /* "clashes", "running battles" have two sides */
	if (armed_counterpart(cx, e, e->sentence) ||
	    (e->victim_am >= 0 && inter_is_armed(cx->am[e->victim_am].inter)))
		return; /* "a soldier was wounded in an attack by X": a fight */
	int civilians = e->actor2_name && e->inter2 == INTER_CIVILIANS;
	int unarmed_victim = e->passive && (e->actor2 < 0 || !inter_is_armed(cx->am[e->actor2].inter)) &&
			     e->inter2 != INTER_STATE;
	if (!civilians && !unarmed_victim)
		return;
	e->sub = SUB_attack;
	if (!e->actor2_name || !civilians) {
		int ctry = e->place_idx >= 0 ? place_country(cx, e->place_idx) : cx->country;
		e->actor2_name = ectx_actor_name(cx, "Civilians", ctry >= 0 ? ctry : cx->country);
		e->inter2 = INTER_CIVILIANS;
	}
	e->civilian_targeting = 1;
	ev_why(cx, e, "; one-sided: %s", civilians ? "civilians on the other side" :
	       "an unarmed victim of an armed group");
}

int riot_context(struct ectx *cx)
{
	if (cx->riot_ctx < 0) {
		cx->riot_ctx = 0;
		for (size_t k = 0; k < cx->n_am && !cx->riot_ctx; k++)
			cx->riot_ctx = cx->am[k].inter == INTER_RIOTERS;
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

/* Once the toll is known: the state's force on protesters that kills is ACLED's excessive
 * force against protesters, coded with the protesters as the first side. That is a protest
 * whose protesters died facing state forces ("two died when police fired tear gas at the
 * protesters"), or a fight of state forces with protesters ("police fired on protesters,
 * killing two"). */
void force_on_protesters(struct ectx *cx, struct event *e)
{
	if (e->fatalities <= 0 || !protest_context(cx))
		return;
	int protest = (e->sub == SUB_peaceful_protest || e->sub == SUB_protest_intervention) &&
		      e->inter2 == INTER_STATE;
	int fight = (e->sub == SUB_armed_clash || e->sub == SUB_attack) && e->inter1 == INTER_STATE &&
		    e->inter2 == INTER_PROTESTERS;
	if (!protest && !fight)
		return;
	if (fight) {
		int a = e->actor1, inter = e->inter1;
		const char *name = e->actor1_name;
		e->actor1 = e->actor2, e->actor1_name = e->actor2_name, e->inter1 = e->inter2;
		e->actor2 = a, e->actor2_name = name, e->inter2 = inter;
		e->assoc1 = -1;
	}
	e->cls = EC_PROTEST_FORCE;
	e->sub = SUB_excessive_force;
	e->cameo = "175";
	ev_why(cx, e, "; protesters killed facing state forces: excessive force");
}
