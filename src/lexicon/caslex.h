/* caslex: the casualty lexicon (casualties.tsv): the phrases that report people killed,
 * injured or detained, and where their victims stand. The same table's class, cameo and
 * flags columns make its rows event triggers too (read by triggers.c), so a killing verb is
 * written once.
 * Ownership: the lexicon owns its rows; caslex_at returns a borrowed row. */
#ifndef SITREP_CASLEX_H
#define SITREP_CASLEX_H

#include <stddef.h>

#include "text/phrase.h"
#include "text/text.h"

/* The table's header, shared with the trigger loader. */
#define CASLEX_HEADER "phrase,kind,voice,class,cameo,flags"
#define CASLEX_EMBEDDED "src/data/casualties.tsv"

enum casualty_kind { CAS_KILLED, CAS_INJURED, CAS_DETAINED };

/* Where the victims stand, as letters of the voice column. */
enum cas_voice {
	CV_ACTIVE = 1 << 0,   /* a: after the phrase ("killed 20 soldiers") */
	CV_PASSIVE = 1 << 1,  /* p: before it ("20 soldiers were killed", "12 dead") */
	CV_TO_DEATH = 1 << 2, /* d: between the verb and "to death" ("beat two men to death") */
	CV_NOMINAL = 1 << 3,  /* n: after "of", when a verb of outcome comes before ("resulted in
			       * the death of two fighters", "confirmed the arrest of a leader") */
	CV_COUNTED = 1 << 4   /* c: the noun right after the count ("11 bodies", "a body") */
};

struct cas_def {
	char *phrase;           /* the form as written in the table */
	enum casualty_kind kind;
	unsigned voice;         /* enum cas_voice */
};

struct cas_lex {
	struct cas_def *defs;
	size_t n;
	struct phrase_index *ix;
};

/* The embedded table, then each user file in order (same columns); a later row for the same
 * phrase wins. Rows whose kind is "-" are triggers only and not loaded here. NULL after an
 * error message. */
struct cas_lex *caslex_load(const char *const *user_files, size_t n_user);
void caslex_free(struct cas_lex *lex);
/* The longest casualty phrase at token i (before limit) if it has one of the voices asked;
 * its length in *len. NULL if none. */
const struct cas_def *caslex_at(const struct cas_lex *lex, const struct tokens *t, size_t i,
				size_t limit, unsigned voices, size_t *len);

#endif
