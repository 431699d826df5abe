/* events_int: the functions the event-building files of the extract stage share (build,
 * trigger, checks, evplace, roles, evdate, typing, merge). Not a public API.
 * Ownership: as ectx.h: events live in the context; nothing here allocates. */
#ifndef SITREP_EVENTS_INT_H
#define SITREP_EVENTS_INT_H

#include "extract/ectx.h"

/* trigger.c */
/* The lexicon row of trigger mention tm. */
static inline const struct trigger_def *tdef(const struct ectx *cx, int tm)
{
	return &cx->ex->triggers->defs[cx->tm[tm].def];
}
void find_triggers(struct ectx *cx);
int hypothetical(const struct ectx *cx, size_t i, const char **why);
int manner_trigger(const struct ectx *cx, size_t k, size_t after);
int violence_rank(enum ev_class c);
int is_base_form(const struct ectx *cx, size_t tok);
int verb_form(const struct ectx *cx, const struct trigger_mention *m, const struct trigger_def *d);
int sentence_blocked(const struct ectx *cx, size_t t0, size_t t1);

/* checks.c */
int word_before(const struct ectx *cx, size_t tok, size_t s_first, size_t reach, enum cue_id words);
int aggregate_sentence(const struct ectx *cx, size_t s);
int has_date(const struct ectx *cx, size_t s);
int trigger_fits(const struct ectx *cx, int k, size_t s_first, size_t s_last, size_t s);
/* The name of the first check or rule that vetoes trigger k (*kind: "check" or "rule"), or
 * NULL when it may be an event. */
const char *trigger_veto(const struct ectx *cx, int k, size_t s_first, size_t s_last, size_t s,
			 const char **kind);
/* Does rule r fire on trigger k, taken as class cls, in sentence s? */
int rule_fires(const struct ectx *cx, const struct rule *r, int k, enum ev_class cls, size_t s);

/* evplace.c */
int in_claim_span(const struct ectx *cx, size_t tok);
int usable_place(const struct ectx *cx, size_t k);
size_t object_places(const struct ectx *cx, size_t tm, size_t limit, int *out, size_t max);
int place_before(const struct ectx *cx, size_t tm, size_t s_first);
int main_place(struct ectx *cx);
void set_place(struct ectx *cx, struct event *e, int pm, const char *rule);
int last_event_place(const struct ectx *cx, unsigned para, int same_para);
void refine_country(struct ectx *cx, struct event *e);
int any_place(const struct ectx *cx);
int the_town(const struct ectx *cx, size_t k, size_t s, size_t s_last);

/* roles.c */
size_t clause_end(const struct ectx *cx, size_t tm, size_t s_last);
int actor_usable(const struct ectx *cx, size_t k);
int actor_before(const struct ectx *cx, size_t tok, size_t s_first);
int actor_after(const struct ectx *cx, size_t from, size_t to);
int is_state(const struct ectx *cx, int am);
void assign_roles(struct ectx *cx, struct event *e, size_t s_first, size_t s_last);
void default_actors(struct ectx *cx, struct event *e, int ctry);
int armed_counterpart(const struct ectx *cx, const struct event *e, size_t s);

/* evdate.c */
int date_usable(const struct ectx *cx, size_t d);
void set_date(struct ectx *cx, struct event *e, size_t anchor, int doc_lead_date);
int lead_date(const struct ectx *cx);
void redate_from_reference(struct ectx *cx);
void drop_history(struct ectx *cx, struct event *e);

/* typing.c */
int is_protest(enum ev_class c);
int protest_rank(enum ev_class c);
int protest_context(struct ectx *cx);
long people_taken_at(const struct ectx *cx, int tm, size_t s_first, size_t s_last);
void type_event(struct ectx *cx, struct event *e, int civilians_only, int any_killed);
/* After the actors are named: a fight against civilians or an unarmed victim is an attack. */
void one_sided_by_actors(struct ectx *cx, struct event *e);
void force_on_protesters(struct ectx *cx, struct event *e);
int riot_context(struct ectx *cx);

/* build.c */
void ev_why(const struct ectx *cx, struct event *e, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* evcounts.c */
void attach_counts(struct ectx *cx, size_t ev0, size_t s);
void settle_counts(struct ectx *cx, size_t ev0, size_t s);
/* How many people the counts say the trigger's verb took ("captured a commander": 1, "three
 * soldiers were captured": 3), 0 if none. */
long detained_by(const struct ectx *cx, int tm);
void sentence_counts(const struct ectx *cx, size_t s, int *civilians_only, int *killed);
int armed_wounding(const struct ectx *cx, size_t s);
/* A figure a coder states for the event told before ("Fatalities coded as 0") replaces the
 * count read from the story (after merging). */
void apply_coded_figures(struct ectx *cx);

/* evidence.c */
/* Find the event's evidence and confidence; drop it when its class's frame is not met or
 * it falls below --min-confidence. */
void judge_event(struct ectx *cx, struct event *e);
/* The evidence for the event (before typing, which may use it). */
void gather_evidence(struct ectx *cx, struct event *e);

/* merge.c */
void find_coreference(struct ectx *cx, struct event *e, int own_place);
void merge_events(struct ectx *cx);
void reconcile_kinds(struct ectx *cx);

#endif
