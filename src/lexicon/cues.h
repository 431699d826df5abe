/* cues: named word lists (cues.tsv), the words the extraction rules look for around a trigger
 * ("disaster", "habit", "aircraft"). The code names the cues it uses in CUE_NAMES; the words
 * are data, and a user file adds words to a cue (or "-word" removes one) or defines new cues
 * for user rules.
 * Ownership: the lexicon owns every cue and word; cue pointers live as long as it. A loaded
 * lexicon is read-only, so threads may share it. */
#ifndef SITREP_CUES_H
#define SITREP_CUES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "text/text.h"

/* Cues the C code asks for by name; each must be a row of cues.tsv (checked on load). Rules
 * in rules.tsv name cues by their string, so a cue only rules use need not be listed here. */
#define CUE_NAMES(X) \
	X(generic_tail) X(irrealis_verb) X(modal) X(negation) X(irregular_past) X(long_span) \
	X(desire) X(fall_to) X(fallen_place) X(article_det) X(disaster) X(present_talk) \
	X(habit) X(recurring_unit) X(repeat_verb) X(going_on) X(place_noun) X(perfect_aux) X(habit_subject) \
	X(modified_head) X(relative_pronoun) X(feared) X(object_prep) X(member_noun) \
	X(speech_pronoun) X(made_by) X(nominal_det) X(weapon_taken) X(burn_verb) X(property_noun) X(crude_weapon) \
	X(firearm_word) X(aircraft) X(two_sided) X(generic_event_noun) X(ref_det) \
	X(speech_verb) X(speaker_stop) X(speaker_skip) X(clause_break) X(period_unit) \
	X(venue_prep) X(record_of) X(town_noun) X(span_of) X(weapon) X(crowd) X(political) \
	X(not_plural) X(time_reference) X(sport_word) X(business_word) \
	X(culture_word) X(tech_word) X(armed_target) X(civilian_target) \
	X(separate_event) X(instrument_prep) X(quantity_head) \
	X(date_link) X(part_of_day) X(future_word) X(grievance) X(protest_word) \
	X(place_motion) X(place_locative) X(place_modifier) X(place_speech) \
	X(place_feature) X(place_office) X(place_adm1_word) X(place_town_word) X(place_name_stop) X(place_unlisted_kind) \
	X(place_facility) X(place_facility_generic) X(place_qualifier) X(place_longer_kind) \
	X(place_joiner) X(place_name_tail) X(place_locative_country) X(place_list_gap) X(place_the_town) \
	/* actors (mentions.c) */ \
	X(militia_noun) X(militia_name_stop) X(affiliation_hedge) X(repel_verb) \
	/* casualty counts (casualties.c, evcounts.c) */ \
	X(cas_aux) X(cas_np_stop) X(cas_aside) X(unnamed_people) X(group_noun) X(kin_noun) \
	X(person_noun) X(count_unit) X(count_designator) X(age_unit) X(thing_noun) \
	X(result_verb) X(total_noun) X(total_verb) X(more_victims) X(np_tail) X(victim_postmod) \
	X(anaphor_noun) X(summary_word) X(summary_noun) X(deed_word) X(claim_noun) X(cause_word) \
	X(figure_noun) X(coding_verb) X(share_verb) \
	/* actor mentions (mentions.c) */ \
	X(group_suffix) X(affiliation_word) X(affiliation_link) X(affiliation_prep) X(group_part) \
	X(group_between)

enum cue_id {
#define CUE_ENUM(name) CUE_##name,
	CUE_NAMES(CUE_ENUM)
#undef CUE_ENUM
	CUE_COUNT
};

struct cue {
	char *name;
	char *about;          /* what the cue is for, from the table */
	char **words;         /* NULL-terminated */
	size_t n, cap;
	uint32_t *slot_hash;  /* open addressing by word hash; 0 empty */
	const char **slot_word;
	uint32_t mask;
};

struct cue_lex {
	struct cue *cue;      /* [0, CUE_COUNT) in enum order, then cues only rules use */
	size_t n, cap;
	/* Every word of any cue with the cues it is in as a row of bits (row_words 64-bit words
	 * per row): a token's cues come from one lookup, and each question after it is a bit
	 * test. Row 0 is the empty row, for words of no cue. */
	uint32_t *slot_hash;  /* open addressing by word hash; 0 empty */
	const char **slot_word;
	uint32_t *slot_row;
	uint32_t mask;
	uint64_t *rows;
	size_t row_words, n_rows;
};

/* The embedded cues.tsv, then each user file in order. NULL after an error message (a bad
 * row, or a cue the code needs that no table defines). */
struct cue_lex *cues_load(const char *const *user_files, size_t n_user);
void cues_free(struct cue_lex *lex);
/* Index of the cue of that name, or -1. */
int cues_find(const struct cue_lex *lex, const char *name);

/* Is the word one of the cue's words? (Tokens are asked through cues_row.) */
int cue_has_word(const struct cue *c, const char *word);

/* Word equality in line: a hash that matches is nearly always the word itself, and words
 * are short, so a byte loop beats a library call. */
static inline int same_word(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* The bit row of the token's cues (the empty row for a word of none). */
static inline const uint64_t *cues_row(const struct cue_lex *lex, const struct token *t)
{
	uint32_t h = t->hash ? t->hash : 1;
	for (uint32_t k = h & lex->mask; lex->slot_hash[k]; k = (k + 1) & lex->mask)
		if (lex->slot_hash[k] == h && same_word(lex->slot_word[k], t->norm))
			return lex->rows + (size_t)lex->slot_row[k] * lex->row_words;
	return lex->rows;
}
/* Is cue (an index of lex->cue) in the row? */
static inline int cue_in_row(const uint64_t *row, size_t cue)
{
	return (int)((row[cue >> 6] >> (cue & 63)) & 1);
}

#endif
