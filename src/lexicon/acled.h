/* acled: ACLED's taxonomy from acled.tsv: 6 event types, 25 sub-event types, their CAMEO codes
 * and the sitrep classes each sub-type takes by default. The code reasons with the enums below;
 * the names written to records come from the table.
 * Ownership: the table is loaded once and lives until acled_free; names are borrowed. */
#ifndef SITREP_ACLED_H
#define SITREP_ACLED_H

#include "lexicon/triggers.h"

enum acled_type {
	TYPE_BATTLES, TYPE_EXPLOSIONS, TYPE_VIOLENCE_CIVILIANS, TYPE_PROTESTS, TYPE_RIOTS,
	TYPE_STRATEGIC, TYPE_COUNT
};

#define ACLED_SUBS(X)                                                                            \
	X(armed_clash) X(government_regains) X(nonstate_overtakes) X(chemical_weapon) X(air_strike) \
	X(suicide_bomb) X(shelling) X(remote_explosive) X(grenade) X(sexual_violence) X(attack)   \
	X(abduction) X(peaceful_protest) X(protest_intervention) X(excessive_force)               \
	X(violent_demonstration) X(mob_violence) X(agreement) X(arrests) X(change_to_group)       \
	X(disrupted_weapons) X(base_established) X(looting) X(nonviolent_transfer) X(other)

enum acled_sub {
#define ACLED_SUB_ENUM(id) SUB_##id,
	ACLED_SUBS(ACLED_SUB_ENUM)
#undef ACLED_SUB_ENUM
	SUB_COUNT
};

struct acled_sub_def {
	const char *id;             /* "armed_clash" */
	enum acled_type type;
	const char *event_type;     /* "Battles" */
	const char *sub_event_type; /* "Armed clash" */
	const char *cameo;          /* "" when no CAMEO code fits */
};

/* Load the embedded acled.tsv (once; later calls return the same table). -1 after an error
 * message when a sub-type the code knows has no row, a type is unknown or a class has no
 * default sub-type. */
int acled_load(void);
const struct acled_sub_def *acled_sub(enum acled_sub sub);
/* The sub-type a trigger class takes by default. */
enum acled_sub acled_default_sub(enum ev_class cls);
/* The event type name as the table spells it (a static string), or NULL when name is none. */
const char *acled_type_named(const char *name);
static inline enum acled_type acled_type_of(enum acled_sub sub)
{
	return acled_sub(sub)->type;
}

#endif
