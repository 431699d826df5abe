/* evidence: what supports an event beyond its trigger word. A candidate becomes an event only
 * when its class's frame (frames.tsv) is met: a fight needs an armed side, a takeover a place,
 * an arrest a political target. Its confidence grows with each kind of evidence it has
 * (evidence.tsv), and --min-confidence drops the ones below the user's bar. */
#include <string.h>

#include "base/util.h"
#include "extract/events_int.h"

static int is_police_name(const char *name)
{
	return name && !strncmp(name, "Police", 6);
}

/* How much the document is about armed conflict or unrest, in half points: rebels, militias
 * and soldiers named, weapons, triggers that name violence, people killed. Police count for
 * less, and there must be an armed side besides them, so that a crime story with a knife and
 * the police in it is not a war story. Counted once per document. */
static int conflict_document(struct ectx *cx)
{
	if (cx->relevance >= 0)
		return cx->relevance >= 6;
	int half_points = 0, armed = 0;
	for (size_t k = 0; k < cx->n_am; k++) {
		const struct actor_mention *a = &cx->am[k];
		if (!a->name)
			continue;
		if (is_police_name(a->name))
			half_points += 1;
		else if (a->kind == AK_ANAPHOR || inter_is_armed(a->inter) || a->inter == INTER_EXTERNAL)
			half_points += 2, armed++;
	}
	for (size_t k = 0; k < cx->n_tm; k++)
		if (tdef(cx, (int)k)->flags & TR_SPECIFIC)
			half_points += 4, armed++;
	for (size_t i = 0; i < cx->t.n; i++)
		half_points += 2 * cx_cue(cx, i, CUE_weapon);
	for (size_t c = 0; c < cx->n_cas; c++)
		half_points += 2 * (cx->cas[c].kind == CAS_KILLED);
	cx->relevance = armed ? half_points : 0;
	for (size_t i = 0; i < cx->t.n; i++)
		cx->other_topic += cx_cue(cx, i, CUE_sport_word) || cx_cue(cx, i, CUE_business_word) ||
				   cx_cue(cx, i, CUE_culture_word) || cx_cue(cx, i, CUE_tech_word);
	if (cx->ex->explain)
		strbuf_addf(&cx->dropped, "%s: document: conflict relevance %d, other-topic words %d of %zu\n",
			    cx->d->doc_id ? cx->d->doc_id : "", cx->relevance, cx->other_topic, cx->t.n);
	return cx->relevance >= 6;
}

/* A document about sport, business, culture or technology: at least one word in 33 is of
 * those, and it is no war story (conflict relevance of a dozen half points or more). */
static int off_topic_document(struct ectx *cx)
{
	conflict_document(cx);
	return cx->other_topic >= 6 && (size_t)cx->other_topic * 33 >= cx->t.n && cx->relevance < 12;
}

static int armed_mention(const struct ectx *cx, int am)
{
	return am >= 0 && cx->am[am].name &&
	       (cx->am[am].kind == AK_ANAPHOR || inter_is_armed(cx->am[am].inter) ||
		cx->am[am].inter == INTER_EXTERNAL);
}

/* The event's actor mention am when its own sentence names it; -1 when the actor came from
 * context (the group the article is about), which is no evidence for this sentence. */
static int named_here(const struct ectx *cx, int am, size_t s_first, size_t s_last)
{
	return am >= 0 && cx->am[am].first >= s_first && cx->am[am].first < s_last ? am : -1;
}

/* An armed actor of the event, or one named in its sentence. */
static int armed_side(const struct ectx *cx, const struct event *e, size_t s_first, size_t s_last)
{
	if (armed_mention(cx, named_here(cx, e->actor1, s_first, s_last)) ||
	    armed_mention(cx, named_here(cx, e->actor2, s_first, s_last)) ||
	    armed_mention(cx, named_here(cx, e->victim_am, s_first, s_last)))
		return 1;
	/* ... even as a modifier or a speaker: "an insurgent attack", "the army said". */
	for (size_t k = am_lower(cx, s_first); k < cx->n_am && cx->am[k].first < s_last; k++)
		if (armed_mention(cx, (int)k))
			return 1;
	return 0;
}

static int sentence_has_cue(const struct ectx *cx, size_t s_first, size_t s_last, enum cue_id cue)
{
	for (size_t i = s_first; i < s_last; i++)
		if (cx_cue(cx, i, cue))
			return 1;
	return 0;
}

static int counted_casualties(const struct ectx *cx, size_t s)
{
	for (size_t c = cas_lower(cx, s); c < cx->n_cas && cx->t.tok[cx->cas[c].pos].sentence == s; c++)
		if (cx->cas[c].kind != CAS_DETAINED && cx->cas[c].count.value > 0)
			return 1;
	return 0;
}

static int crowd_named(const struct ectx *cx, size_t s_first, size_t s_last)
{
	for (size_t k = am_lower(cx, s_first); k < cx->n_am && cx->am[k].first < s_last; k++)
		if (cx->am[k].inter == INTER_PROTESTERS || cx->am[k].inter == INTER_RIOTERS)
			return 1;
	return sentence_has_cue(cx, s_first, s_last, CUE_crowd);
}

/* Those arrested or targeted are political: militants, protesters, or words for them. */
static int political_target(const struct ectx *cx, const struct event *e, size_t s_first, size_t s_last)
{
	int targets[] = { named_here(cx, e->actor2, s_first, s_last),
			  named_here(cx, e->victim_am, s_first, s_last) };
	for (size_t i = 0; i < sizeof(targets) / sizeof(targets[0]); i++) {
		int am = targets[i];
		if (am >= 0 && (inter_is_nonstate_armed(cx->am[am].inter) ||
				cx->am[am].inter == INTER_PROTESTERS || cx->am[am].inter == INTER_RIOTERS))
			return 1;
	}
	for (size_t k = am_lower(cx, s_first); k < cx->n_am && cx->am[k].first < s_last; k++)
		if (cx->am[k].name && inter_is_nonstate_armed(cx->am[k].inter))
			return 1; /* even as a modifier: "suspected of links to X" */
	/* "Hundreds protested ... Police arrested 12 of them": a protest or riot just told. */
	unsigned para = cx->t.sent[e->sentence].para;
	for (const struct event *p = e; p-- > cx->ev;) {
		if (p->sentence + 2 < e->sentence || cx->t.sent[p->sentence].para != para)
			break;
		if (!p->dropped && (is_protest(p->cls) || p->cls == EC_RIOT))
			return 1;
	}
	return sentence_has_cue(cx, s_first, s_last, CUE_political);
}

/* A plural common noun: "teachers", "residents" (not "Wales", "its", "news"). */
static int plural_noun(const struct ectx *cx, size_t i, size_t s_first)
{
	const struct token *t = &cx->t.tok[i];
	if (!(t->flags & TOK_WORD) || (t->flags & (TOK_NUMBER | TOK_POSS | TOK_ALLCAPS)) || t->len < 4 ||
	    ((t->flags & TOK_CAP) && i != s_first))
		return 0;
	return t->norm[t->len - 1] == 's' && t->norm[t->len - 2] != 's' && t->norm[t->len - 2] != 'u' &&
	       !cx_cue(cx, i, CUE_not_plural);
}

/* People in numbers as the trigger's subject ("teachers protested", "hundreds marched") or its
 * agent after "by" or "of" ("a protest by traders"). */
static int group_of_people(const struct ectx *cx, const struct event *e, size_t s_first, size_t s_last)
{
	const struct trigger_mention *m = &cx->tm[e->trigger];
	for (size_t n = 0; n < 10 && m->first > s_first + n; n++) {
		size_t i = m->first - 1 - n;
		if (cx->t.tok[i].flags & TOK_PUNCT)
			break;
		if (plural_noun(cx, i, s_first) || cx_cue(cx, i, CUE_crowd))
			return 1;
	}
	for (size_t i = m->last; i + 1 < s_last && i < m->last + 3; i++)
		if ((cx_is(cx, i, "by") || cx_is(cx, i, "of")) &&
		    (plural_noun(cx, i + 1, s_first) || cx_cue(cx, i + 1, CUE_crowd)))
			return 1;
	return 0;
}

/* An armed event kept in this sentence or the two before it, in the paragraph: "Fighting
 * continued on the outskirts" goes on from it. */
static int follows_armed_event(const struct ectx *cx, const struct event *e)
{
	unsigned para = cx->t.sent[e->sentence].para;
	for (const struct event *p = e; p-- > cx->ev;) {
		if (p->sentence + 2 < e->sentence || cx->t.sent[p->sentence].para != para)
			break;
		if (!p->dropped && (p->evidence & (1u << EV_armed)))
			return 1;
	}
	return 0;
}

/* What the trigger hits, in its clause: a village, a market, a checkpoint, a convoy. */
static int hits_a_target(const struct ectx *cx, const struct event *e, size_t s_last)
{
	const struct trigger_mention *m = &cx->tm[e->trigger];
	for (size_t i = m->last; i < s_last && i < m->last + 6; i++) {
		if (cx_is(cx, i, ";") || cx_is(cx, i, ":") || cx_is(cx, i, ","))
			break;
		if (cx_cue(cx, i, CUE_civilian_target) || cx_cue(cx, i, CUE_armed_target))
			return 1;
	}
	return 0;
}

static unsigned find_evidence(struct ectx *cx, const struct event *e)
{
	size_t s = e->sentence, s_first = sentence_first(cx, s), s_last = sentence_last(cx, s);
	unsigned ev = 0;
	if (armed_side(cx, e, s_first, s_last))
		ev |= 1u << EV_armed;
	int agent = named_here(cx, e->actor1, s_first, s_last);
	if (agent >= 0 && cx->am[agent].inter == INTER_STATE)
		ev |= 1u << EV_state;
	if (agent >= 0 && inter_is_nonstate_armed(cx->am[agent].inter))
		ev |= 1u << EV_nonstate;
	if (sentence_has_cue(cx, s_first, s_last, CUE_weapon))
		ev |= 1u << EV_weapon;
	if (counted_casualties(cx, s))
		ev |= 1u << EV_casualties;
	if (e->place >= 0 && !e->place_inherited &&
	    gz_place(cx->ex->gz, e->place_idx)->kind != PK_COUNTRY)
		ev |= 1u << EV_place;
	if (e->date >= 0)
		ev |= 1u << EV_date;
	if (crowd_named(cx, s_first, s_last))
		ev |= 1u << EV_crowd;
	if (political_target(cx, e, s_first, s_last))
		ev |= 1u << EV_political;
	if (e->trigger >= 0 && (tdef(cx, e->trigger)->flags & TR_SPECIFIC))
		ev |= 1u << EV_specific;
	if (conflict_document(cx))
		ev |= 1u << EV_conflict_doc;
	if (e->trigger >= 0 && group_of_people(cx, e, s_first, s_last))
		ev |= 1u << EV_group;
	if (e->trigger >= 0 && hits_a_target(cx, e, s_last))
		ev |= 1u << EV_target;
	if (follows_armed_event(cx, e))
		ev |= 1u << EV_context;
	if (off_topic_document(cx))
		ev |= 1u << EV_off_topic;
	return ev;
}

static double confidence_of(const struct frame_lex *fl, enum ev_class cls, unsigned ev)
{
	double doubt = 1.0 - fl->prior[cls];
	for (int k = 0; k < EV_COUNT; k++)
		if (k != EV_off_topic && (ev & (1u << k)))
			doubt *= 1.0 - fl->weight[k];
	/* Being about something else takes away from what the evidence gives. */
	double sure = 1.0 - doubt;
	return ev & (1u << EV_off_topic) ? sure * (1.0 - fl->weight[EV_off_topic]) : sure;
}

void gather_evidence(struct ectx *cx, struct event *e)
{
	e->evidence = find_evidence(cx, e);
}

void judge_event(struct ectx *cx, struct event *e)
{
	const struct frame_lex *fl = cx->ex->frames;
	char needs[256];
	e->confidence = confidence_of(fl, e->cls, e->evidence);
	if (cx->ex->explain) {
		ev_why(cx, e, "; evidence");
		for (int k = 0; k < EV_COUNT; k++)
			if (e->evidence & (1u << k))
				ev_why(cx, e, " %s", evidence_name((enum evidence)k));
		ev_why(cx, e, " (confidence %.2f)", e->confidence);
	}
	/* A mention that refers back to an event already found ("the bombardment") is judged with
	 * that event, into which it merges. */
	if (e->coref >= 0)
		return;
	if (!frame_met(fl, e->cls, e->evidence)) {
		int topic = (e->evidence & (1u << EV_off_topic)) && frame_met(fl, e->cls, e->evidence & ~(1u << EV_off_topic));
		e->dropped = 1;
		ev_why(cx, e, "; dropped: frame %s needs %s", topic ? "OFF_TOPIC" : ev_class_name(e->cls),
		       frame_describe(fl, topic ? (enum ev_class)-1 : e->cls, needs, sizeof(needs)));
	} else if (e->confidence < cx->ex->min_confidence) {
		e->dropped = 1;
		ev_why(cx, e, "; dropped: confidence below %.2f", cx->ex->min_confidence);
	}
}
