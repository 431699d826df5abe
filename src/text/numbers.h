/* numbers: counts written as digits or words, with ACLED's conservative readings of vague
 * quantities. Ownership: pure functions over borrowed tokens. */
#ifndef SITREP_NUMBERS_H
#define SITREP_NUMBERS_H

#include <stddef.h>

#include "text/text.h"

struct count {
	long value; /* ACLED's conservative count: the low end of a range, 12 for "dozens" */
	long low;   /* lowest reading */
	long high;  /* highest reading, or -1 when open ("at least 10", "more than 200") */
	int vague;  /* a word like "dozens", "several" rather than a figure */
};

/* A number expression starting at token i (before limit): "56", "2,500 to 3,500", "more than
 * 200", "at least 10", "nearly 30", "five", "twenty-five", "dozens", "a few". Returns the
 * tokens consumed, 0 if none. */
size_t number_at(const struct tokens *t, size_t i, size_t limit, struct count *out);

#endif
