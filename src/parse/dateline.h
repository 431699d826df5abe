/* dateline: where and when a report says it was filed. The dateline itself ("KABUL,
 * Afghanistan (Jan. 25, 2013) –") and the header lines that press releases and scraped pages
 * put before the body: reference numbers ("2012-07-S-114", never a date), a dated headline
 * ("June 15: Operations in Kunar"), a date line ("This story is from March 10, 2002").
 * Ownership: reads the caller's strings; a place it returns is malloc'd for the caller. */
#ifndef SITREP_DATELINE_H
#define SITREP_DATELINE_H

#include <stddef.h>

#include "base/dates.h"

/* A dateline at the start of s: returns the bytes it spans with the separator after it (0 if
 * none), sets *place (malloc'd) and, when it carries one, *date. A date without its year
 * ("(Sept. 1)") takes the year nearest to hint (hint.y == 0: it dates nothing). strict is
 * for a dateline that does not open the body (after a release number, mid-line): it must be
 * in capitals and carry a date, or a country or agency and a separator. */
size_t dateline_at(const char *s, struct ymd hint, int strict, char **place, struct ymd *date);

/* A reference number ("2012-07-S-114", "2010-09-CA-005") at s: its length, and its year and
 * month in *ym (d = 0). The number is no date: it only tells which year a bare "Sept. 1" is. */
size_t dateline_reference_number(const char *s, struct ymd *ym);

/* A press release's furniture line: a reference number with at most a few words after it,
 * or a short "For Immediate Release", "News release", "Download PDF". */
int dateline_is_release_furniture(const char *line);

/* The year and month the header lines lines[from..n) speak of (a reference number, else a
 * full date), for dates printed without their year; y == 0 if none. */
struct ymd dateline_year_hint(char *const *lines, size_t from, size_t n);

/* A line that only dates the page: "This story is from March 10, 2002", "Posted on 3 May
 * 2019", "Published: 10/03/2002" is not read; "Monday, 10 March 2002 10:45 GMT". Returns 1
 * and the date (with hint for a missing year). */
int dateline_date_line(const char *line, struct ymd hint, struct ymd *date);

/* A headline that opens with a date and a colon: "June 15: Operations in Kunar". Returns 1
 * and the date (a missing year taken from hint, else 0 when it has none). */
int dateline_dated_headline(const char *line, struct ymd hint, struct ymd *date);

/* Where the body starts after a dateline in the header (the lines before the body): */
struct dateline_found {
	size_t line;       /* index of the line holding the dateline */
	size_t start;      /* its byte offset in that line: what stands before is header */
	size_t end;        /* offset of the body text after it */
	char *place;       /* malloc'd */
	struct ymd date;   /* y == 0 when it carries no full date */
};

/* Look for a dateline that follows header material (a title, a release number, "For
 * Immediate Release") in the first lines from lines[from], before the first paragraph of
 * body text. Only strict datelines count here. Returns 1 and fills *out. */
int dateline_find(char *const *lines, size_t from, size_t n, struct ymd hint,
		  struct dateline_found *out);

#endif
