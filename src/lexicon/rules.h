/* rules: the extraction rules that are data (rules.tsv). Each row is one check of the form
 * "look up to N tokens before or after a trigger of these classes for a word of this cue,
 * stopping at punctuation or a clause boundary, unless ...; if found, drop the trigger (or
 * retype its event)", with an example sentence where it must fire and one where it must not.
 * Checks that need more structure than this stay C functions with names (extract/checks.c).
 * Ownership: the lexicon owns its rules and strings; a loaded lexicon is read-only. */
#ifndef SITREP_RULES_H
#define SITREP_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon/cues.h"
#include "lexicon/triggers.h"

enum rule_dir { RULE_BEFORE, RULE_AFTER };

enum rule_stop {
	RULE_STOP_NONE,   /* the whole reach, within the sentence */
	RULE_STOP_PUNCT,  /* any punctuation token */
	RULE_STOP_CLAUSE, /* ; : . */
	RULE_STOP_COMMA,  /* , ; */
	RULE_STOP_CUE     /* a word of the stop cue */
};

/* Conditions on the trigger or its sentence, all of which must hold. */
enum rule_when {
	RULE_WHEN_NOUN = 1 << 0,          /* the trigger can be a noun (lexicon flag n) */
	RULE_WHEN_VERB = 1 << 1,          /* ... a verb (flag v) */
	RULE_WHEN_UNDATED = 1 << 2,       /* the sentence has no usable date */
	RULE_WHEN_AFTER_LEAD = 1 << 3,    /* not in the first two sentences */
	RULE_WHEN_NOT_VERB_FORM = 1 << 4, /* not an inflected verb ("attacked", "shelling") */
	RULE_WHEN_UNDATED_CLAUSE = 1 << 5 /* no date in the clause after the trigger */
};

enum rule_then { RULE_DROP, RULE_RETYPE };

struct rule {
	char *name;
	uint32_t classes;     /* bit per enum ev_class the rule applies to */
	unsigned when;        /* enum rule_when */
	enum rule_dir dir;
	unsigned reach;       /* tokens looked at */
	enum rule_stop stop;
	int stop_cue;         /* cue index for RULE_STOP_CUE, else -1 */
	int cue;              /* the words that make the rule fire */
	int unless;           /* cue index: a word of it in the window spares the trigger; -1 */
	enum rule_then then;
	enum ev_class retype; /* for RULE_RETYPE */
	char cameo[8];        /* and its CAMEO code, "" to keep the trigger's */
	char *fires, *spares; /* example sentences: must fire, must not fire */
};

struct rule_lex {
	struct rule *r;
	size_t n, cap;
};

/* The embedded rules.tsv, then user files (a user row with an existing name replaces it).
 * Cue names are resolved in cues. NULL after an error message naming file and line. */
struct rule_lex *rules_load(const char *const *user_files, size_t n_user, const struct cue_lex *cues);
void rules_free(struct rule_lex *lex);
/* "drop", "retype AIRSTRIKE": for --explain and the rules' own tests. */
const char *rule_then_name(const struct rule *r);

#endif
