/* unit: one Check suite per module; main() in main.c runs them all. */
#ifndef SITREP_UNIT_H
#define SITREP_UNIT_H

#include <check.h>

Suite *suite_dates(void);
Suite *suite_numbers(void);
Suite *suite_text(void);
Suite *suite_article(void);
Suite *suite_dateline(void);
Suite *suite_utf8(void);
Suite *suite_lexicons(void);
Suite *suite_output(void);
Suite *suite_extract(void);
Suite *suite_scan(void);
Suite *suite_ordq(void);
Suite *suite_arena(void);
Suite *suite_nontext(void);
Suite *suite_evdate(void);
Suite *suite_places(void);
Suite *suite_counts(void);
Suite *suite_report(void);
Suite *suite_dedup(void);

#endif
