/* fixture: the extractor the extraction suites share, and the records it writes for a text
 * written for a test.
 * Ownership: records hold parsed JSON until records_release. */
#ifndef SITREP_UNIT_FIXTURE_H
#define SITREP_UNIT_FIXTURE_H

#include <stddef.h>

#include "io/json.h"

#define RECORDS_MAX 64

struct records {
	struct jvalue *rec[RECORDS_MAX];
	size_t n;
};

/* An unchecked fixture: one extractor with the default lexicons for a test case. */
void extractor_up(void);
void extractor_down(void);
/* The records of text (published on published, or NULL), of every type or only of type. */
void extract_text(struct records *r, const char *text, const char *published, const char *type);
void records_release(struct records *r);
/* The k-th record of a type, or NULL; how many there are. */
const struct jvalue *records_nth(const struct records *r, const char *type, size_t k);
size_t records_count(const struct records *r, const char *type);

#endif
