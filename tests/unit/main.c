/* Unit test driver: runs every suite and exits non-zero on any failure. */
#include <stdlib.h>

#include "unit.h"

int main(void)
{
	SRunner *sr = srunner_create(suite_dates());
	srunner_add_suite(sr, suite_numbers());
	srunner_add_suite(sr, suite_text());
	srunner_add_suite(sr, suite_article());
	srunner_add_suite(sr, suite_dateline());
	srunner_add_suite(sr, suite_utf8());
	srunner_add_suite(sr, suite_lexicons());
	srunner_add_suite(sr, suite_output());
	srunner_add_suite(sr, suite_extract());
	srunner_add_suite(sr, suite_scan());
	srunner_add_suite(sr, suite_ordq());
	srunner_add_suite(sr, suite_arena());
	srunner_add_suite(sr, suite_nontext());
	srunner_add_suite(sr, suite_evdate());
	srunner_add_suite(sr, suite_places());
	srunner_add_suite(sr, suite_counts());
	srunner_add_suite(sr, suite_report());
	srunner_add_suite(sr, suite_dedup());
	srunner_run_all(sr, CK_ENV);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
