/* triggers: the event trigger lexicon and the mapping of sitrep's event classes to ACLED's
 * event types and sub-event types.
 * Ownership: the lexicon owns its entries; names returned are static strings. */
#ifndef SITREP_TRIGGERS_H
#define SITREP_TRIGGERS_H

#include <stddef.h>

#include "text/text.h"

enum ev_class {
	EC_CLASH, EC_TERRITORY, EC_AIRSTRIKE, EC_SUICIDE, EC_SHELLING, EC_IED, EC_GRENADE,
	EC_CHEMICAL, EC_SEXUAL, EC_ATTACK, EC_ABDUCTION, EC_PROTEST, EC_PROTEST_INTERVENTION,
	EC_PROTEST_FORCE, EC_RIOT, EC_MOB, EC_AGREEMENT, EC_ARREST, EC_CHANGE_GROUP, EC_DISRUPTED,
	EC_BASE, EC_LOOTING, EC_TRANSFER, EC_OTHER, EC_KILL, EC_CAPTURE_PLACE, EC_COUNT
};

enum trigger_flags {
	TR_VERB = 1 << 0,    /* v: agent before, patient after */
	TR_NOUN = 1 << 1,    /* n: nominal ("clashes between A and B") */
	TR_FALL = 1 << 2,    /* f: agent after "to" ("fell to X") */
	TR_WEAK = 1 << 3,    /* w: only when the sentence has no stronger trigger */
	TR_BLOCK = 1 << 4,   /* b: the sentence is about plans or talks */
	TR_STATIVE = 1 << 5, /* s: "in X hands", "under X control": an actor before the word */
	TR_SPECIFIC = 1 << 6 /* x: names armed violence in any text ("airstrike", "gunfight") */
};

struct trigger_def {
	char *phrase;      /* the form as written in the lexicon */
	enum ev_class cls;
	char cameo[8];
	unsigned flags;
};

struct trigger_lex {
	struct trigger_def *defs;
	size_t n;
	struct phrase_index *ix;
};

struct trigger_lex *triggers_load(const char *const *user_files, size_t n_user);
void triggers_free(struct trigger_lex *lex);
size_t triggers_match(const struct trigger_lex *lex, const struct tokens *t, size_t i,
		      size_t limit, int *out, size_t max, size_t *n_out);
const char *ev_class_name(enum ev_class cls);
/* The class of that name ("CLASH"), or -1. */
int ev_class_from_name(const char *name);

#endif
