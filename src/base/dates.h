/* dates: calendar arithmetic and parsing of written dates ("Aug. 8, 2021", "8 August 2021",
 * "2021-08-08T10:00:00Z", "Sun, 08 Aug 2021 10:00:00 GMT").
 * Ownership: pure functions over caller-owned strings; no allocation. */
#ifndef SITREP_DATES_H
#define SITREP_DATES_H

#include <stddef.h>

struct ymd {
	int y, m, d; /* d == 0: month known only; m == 0: year known only; y == 0: unknown */
};

/* Days since 1970-01-01 for a full date (proleptic Gregorian). */
long days_from_civil(int y, int m, int d);
struct ymd civil_from_days(long days);
/* 0 = Sunday ... 6 = Saturday */
int weekday_of(struct ymd date);
int days_in_month(int y, int m);
int ymd_valid(struct ymd date);
/* Write "YYYY-MM-DD" (or "YYYY-MM" / "YYYY" for partial dates) into buf (at least 11 bytes). */
void ymd_format(struct ymd date, char *buf, size_t size);
/* A month and day printed without a year ("Sept. 1"), given the year of the year and month
 * near (a reference number, a header's date): the year that puts it nearest to near. */
struct ymd ymd_nearest_year(struct ymd date, struct ymd near);

/* Month name or abbreviation ("Jan", "Jan.", "January", "Sept") at s: returns 1-12 and sets *len,
 * else 0. Case-insensitive; requires a word boundary after. */
int month_at(const char *s, size_t *len);
/* Weekday name at s ("Sunday", "Sun."): 0-6 and *len, else -1. */
int weekday_at(const char *s, size_t *len);

/* Parse a whole string holding one date in any common form. Returns 1 on success. Partial
 * dates ("August 2021") give d = 0. */
int date_parse(const char *s, struct ymd *out);
/* Find a full or partial date starting exactly at s; returns bytes consumed or 0. Accepts
 * "Jan. 25, 2013", "25 January 2013", "2013-01-25", "January 2013" (a slip of the pen,
 * "July 13. 2012", too); with allow_no_year also
 * "Jan. 25" and "25 January" (y set to 0). */
size_t date_scan(const char *s, struct ymd *out, int allow_no_year);

#endif
