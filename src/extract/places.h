/* places: the place side of the mention pass: the words around a place name and which
 * gazetteer entry it is (places.c), and villages the gazetteer lacks (unlisted.c). Not a
 * public API: only mentions.c and those two files include it.
 * Ownership: everything lives in the extraction context; surnames' array is the caller's to
 * free. */
#ifndef SITREP_PLACES_H
#define SITREP_PLACES_H

#include <stddef.h>

#include "extract/ectx.h"

/* Tokens of the text's surnames: the capitalised word after a first name or a title. */
struct surnames {
	size_t *tok; /* a token of each surname (malloc'd; free it) */
	size_t n;
};
void places_surnames(const struct ectx *cx, struct surnames *sn);
/* 1 if the text is all lower case: then a place name may start with a small letter. */
int places_lower_case(const struct ectx *cx);
/* "KABUL, Afghanistan (Jan. 27)": the words [first, last) are where the report was filed. */
int place_dateline(const struct ectx *cx, size_t first, size_t last);
/* 1 if the place name at [i, i + plen) is part of a person's or a longer proper name. */
int place_inside_other_name(const struct ectx *cx, size_t i, size_t plen, const int *cand,
			    size_t n, const struct surnames *sn);
/* "Aden Adde International Airport": a proper name ending in a facility noun starts at j;
 * place_facility_end gives the token after it. */
int place_named_facility(const struct ectx *cx, size_t j);
size_t place_facility_end(const struct ectx *cx, size_t j);
/* A place mention for tokens [first, last) with its gazetteer candidates, with the flags the
 * words around it give. */
void place_mention_add(struct ectx *cx, size_t first, size_t last, const int *cand,
		       size_t n_cand);
/* Once every name is found: the unit named after each place, and the votes of names that are
 * also words withdrawn unless the words around them say they are places. */
void places_link(struct ectx *cx, int *votes);
/* Once the document's country is chosen: each mention's place, then the villages the
 * gazetteer lacks (which keep the mention array in text order). */
void places_resolve(struct ectx *cx);

/* Shared by places.c and unlisted.c. */
static inline int is_town(enum place_kind k)
{
	return k == PK_PPLC || k == PK_PPLA || k == PK_PPLA2 || k == PK_PPL;
}
/* PM_* flags the words around [first, last) give a place mention. */
unsigned place_context(const struct ectx *cx, size_t first, size_t last);
/* The villages the gazetteer lacks (unlisted.c), after every name is resolved. */
void places_find_unlisted(struct ectx *cx);

#endif
