/* actors: the actor lexicon (named groups, state force nouns, generic and anaphoric mentions).
 * Ownership: the lexicon owns its entries; lookups return borrowed pointers. */
#ifndef SITREP_ACTORS_H
#define SITREP_ACTORS_H

#include <stddef.h>

#include "text/text.h"

enum actor_kind { AK_GROUP, AK_FORCE, AK_GENERIC, AK_ANAPHOR };

/* ACLED's interaction codes: who an actor is. */
enum inter {
	INTER_UNKNOWN = 0,           /* resolved in context */
	INTER_STATE = 1,             /* state forces */
	INTER_REBELS = 2,
	INTER_POLITICAL_MILITIA = 3,
	INTER_IDENTITY_MILITIA = 4,
	INTER_RIOTERS = 5,
	INTER_PROTESTERS = 6,
	INTER_CIVILIANS = 7,
	INTER_EXTERNAL = 8           /* external or other forces */
};

/* State forces, rebels and militias: the armed sides of a fight. */
static inline int inter_is_armed(int inter)
{
	return inter >= INTER_STATE && inter <= INTER_IDENTITY_MILITIA;
}
/* Rebels and militias. */
static inline int inter_is_nonstate_armed(int inter)
{
	return inter >= INTER_REBELS && inter <= INTER_IDENTITY_MILITIA;
}

struct actor_def {
	char *name;  /* normalised name ("Taliban", "Military Forces", "Civilians") */
	int inter;   /* ACLED inter code, 0 if resolved in context */
	char iso3[4];
	enum actor_kind kind;
	int home_only; /* kind "local": this group only in its home country (iso3); elsewhere its
			* words ("bandits") name an unidentified armed group */
};

struct actor_lex {
	struct actor_def *defs;
	size_t n;
	struct phrase_index *ix;
	int military, police; /* the force rows "Military Forces" and "Police Forces", or -1 */
	int *generic;         /* the AK_GENERIC rows, in table order (few of many) */
	size_t n_generic;
};

/* Embedded actors.tsv plus user files; a user row with the same name replaces it. */
struct actor_lex *actors_load(const char *const *user_files, size_t n_user);
void actors_free(struct actor_lex *lex);
/* Longest actor phrase at token i: definition indexes in out; returns tokens matched. */
size_t actors_match(const struct actor_lex *lex, const struct tokens *t, size_t i, size_t limit,
		    int *out, size_t max, size_t *n_out);
const struct actor_def *actors_find(const struct actor_lex *lex, const char *name);

#endif
