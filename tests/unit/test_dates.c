/* Calendar arithmetic and written dates. */
#include <string.h>

#include "base/dates.h"
#include "unit.h"

static struct ymd parse(const char *s)
{
	struct ymd d = { 0, 0, 0 };
	ck_assert_msg(date_parse(s, &d), "cannot parse '%s'", s);
	return d;
}

START_TEST(dates_parse_every_common_written_form)
{
	static const char *const forms[] = { "2021-08-08", "2021-08-08T10:00:00Z", "Aug. 8, 2021",
		"August 8, 2021", "8 August 2021", "8th August 2021", "Sun, 08 Aug 2021 10:00:00 GMT",
		"Sunday, August 8, 2021" };
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		struct ymd d = parse(forms[i]);
		ck_assert_msg(d.y == 2021 && d.m == 8 && d.d == 8, "'%s' gave %d-%d-%d", forms[i], d.y, d.m,
			      d.d);
	}
}
END_TEST

START_TEST(dates_reject_impossible_days)
{
	struct ymd d;
	ck_assert(!date_parse("2021-02-30", &d));
	ck_assert(!date_parse("February 30, 2021", &d));
	ck_assert(date_parse("February 29, 2020", &d) && d.d == 29);
}
END_TEST

START_TEST(dates_weekday_of_known_days)
{
	ck_assert_int_eq(weekday_of((struct ymd){ 2021, 8, 8 }), 0);  /* Sunday */
	ck_assert_int_eq(weekday_of((struct ymd){ 1970, 1, 1 }), 4);  /* Thursday */
	ck_assert_int_eq(weekday_of((struct ymd){ 2000, 2, 29 }), 2); /* Tuesday */
}
END_TEST

START_TEST(dates_day_arithmetic_round_trips)
{
	for (long d = -800000; d < 800000; d += 997) {
		struct ymd v = civil_from_days(d);
		ck_assert_int_eq(days_from_civil(v.y, v.m, v.d), d);
	}
}
END_TEST

START_TEST(dates_scan_without_year_when_allowed)
{
	struct ymd d;
	ck_assert_uint_gt(date_scan("Dec. 13 the", &d, 1), 0);
	ck_assert(d.y == 0 && d.m == 12 && d.d == 13);
	ck_assert_uint_eq(date_scan("Dec. 13 the", &d, 0), 0);
	ck_assert_uint_gt(date_scan("late September 2015", &d, 0) + date_scan("September 2015", &d, 0), 0);
	ck_assert(d.y == 2015 && d.m == 9 && d.d == 0);
}
END_TEST

START_TEST(dates_month_names_need_word_ends)
{
	size_t len;
	ck_assert_int_eq(month_at("Mayor", &len), 0);
	ck_assert_int_eq(month_at("Sept. 3", &len), 9);
	ck_assert_uint_eq(len, 5);
	ck_assert_int_eq(month_at("Marching", &len), 0);
}
END_TEST

START_TEST(dates_a_dot_slipped_in_for_the_comma_still_reads)
{
	struct ymd d;
	ck_assert_uint_eq(date_scan("Sept. 21. 2014)", &d, 0), 14);
	ck_assert(d.y == 2014 && d.m == 9 && d.d == 21);
	/* A day that ends a sentence before a number is not followed by its year. */
	ck_assert_uint_eq(date_scan("Sept. 21. 40 were hurt", &d, 1), 8);
	ck_assert_int_eq(d.y, 0);
}
END_TEST

START_TEST(dates_a_day_without_year_takes_the_nearest_year)
{
	struct ymd v = ymd_nearest_year((struct ymd){ 0, 1, 3 }, (struct ymd){ 2014, 12, 0 });
	ck_assert(v.y == 2015 && v.m == 1 && v.d == 3);
	v = ymd_nearest_year((struct ymd){ 0, 12, 30 }, (struct ymd){ 2015, 1, 0 });
	ck_assert_int_eq(v.y, 2014);
	v = ymd_nearest_year((struct ymd){ 0, 6, 9 }, (struct ymd){ 2015, 5, 0 });
	ck_assert_int_eq(v.y, 2015);
	v = ymd_nearest_year((struct ymd){ 0, 2, 29 }, (struct ymd){ 2015, 3, 0 });
	ck_assert_int_eq(v.y, 2016); /* 2015 has no Feb. 29 */
}
END_TEST

Suite *suite_dates(void)
{
	Suite *s = suite_create("dates");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, dates_parse_every_common_written_form);
	tcase_add_test(tc, dates_reject_impossible_days);
	tcase_add_test(tc, dates_weekday_of_known_days);
	tcase_add_test(tc, dates_day_arithmetic_round_trips);
	tcase_add_test(tc, dates_scan_without_year_when_allowed);
	tcase_add_test(tc, dates_month_names_need_word_ends);
	tcase_add_test(tc, dates_a_dot_slipped_in_for_the_comma_still_reads);
	tcase_add_test(tc, dates_a_day_without_year_takes_the_nearest_year);
	suite_add_tcase(s, tc);
	return s;
}
