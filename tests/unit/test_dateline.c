/* Datelines and the dated header lines of releases and scraped pages. */
#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "io/doc.h"
#include "parse/article.h"
#include "parse/dateline.h"
#include "unit.h"

static const struct ymd no_hint = { 0, 0, 0 };

/* Parse text as a feed body (no title search) into d. */
static void parse_body(struct doc *d, const char *text)
{
	doc_init(d);
	article_from_bytes(d, text, strlen(text), 0);
}

START_TEST(dateline_after_a_release_number_dates_the_report)
{
	struct doc d;
	parse_body(&d, "2019-04-S-087\n\nHERAT, Afghanistan (April 9, 2019)\n"
		       "Police detained two men in Injil district yesterday.\n");
	ck_assert_str_eq(d.published, "2019-04-09");
	ck_assert_str_eq(d.dateline, "HERAT, Afghanistan");
	ck_assert_str_eq(d.text.buf, "Police detained two men in Injil district yesterday.");
	doc_release(&d);
}
END_TEST

START_TEST(dateline_after_header_furniture_on_the_same_line_is_read)
{
	struct doc d;
	parse_body(&d, "Convoy Attacked Near Jalalabad\n"
		       "Regional Command - East 2011-05-CA-212 For Immediate Release Download PDF  "
		       "JALALABAD, Afghanistan (May 2, 2011) - Insurgents fired on a supply convoy "
		       "on the main road this morning.\n");
	ck_assert_str_eq(d.published, "2011-05-02");
	ck_assert_str_eq(d.dateline, "JALALABAD, Afghanistan");
	ck_assert_str_eq(d.title, "Convoy Attacked Near Jalalabad");
	ck_assert_str_eq(d.text.buf, "Insurgents fired on a supply convoy on the main road this morning.");
	doc_release(&d);
}
END_TEST

START_TEST(dateline_without_a_year_takes_the_year_of_the_release_number)
{
	struct doc d;
	parse_body(&d, "2014-12-CA-190\nFor Immediate Release\n"
		       "GARDEZ, Afghanistan (Jan. 3) - A patrol found a weapons cache on Thursday.\n");
	ck_assert_str_eq(d.published, "2015-01-03");
	doc_release(&d);
	/* Without a number or a dated line to say which year, "(Jan. 3)" dates nothing. */
	parse_body(&d, "GARDEZ, Afghanistan (Jan. 3) - A patrol found a weapons cache on Thursday.\n");
	ck_assert_ptr_null(d.published);
	ck_assert_str_eq(d.dateline, "GARDEZ, Afghanistan");
	doc_release(&d);
}
END_TEST

START_TEST(a_year_in_the_text_gives_no_year_to_the_dateline)
{
	struct doc d;
	/* The 2009 of a past attack is no hint for the year of "(Feb. 3)". */
	parse_body(&d, "ASADABAD, Afghanistan (Feb. 3) - Troops killed the commander behind the "
		       "March 2009 attack on a school. He had led the group since then.\n");
	ck_assert_ptr_null(d.published);
	doc_release(&d);
	/* A header line's full date is one. */
	parse_body(&d, "Operations Summary, Feb. 3, 2012\nASADABAD, Afghanistan (Feb. 3) - Troops "
		       "killed a commander.\n");
	ck_assert_str_eq(d.published, "2012-02-03");
	doc_release(&d);
}
END_TEST

START_TEST(release_numbers_are_not_dates)
{
	struct ymd ym = { 0, 0, 0 };
	ck_assert_uint_eq(dateline_reference_number("2016-03-S-041 For", &ym), 13);
	ck_assert(ym.y == 2016 && ym.m == 3 && ym.d == 0);
	ck_assert_uint_eq(dateline_reference_number("2016-03-04 talks", &ym), 0);
	struct doc d;
	parse_body(&d, "2016-03-S-041\n\nSoldiers repelled an attack on a checkpoint in Zabul.\n");
	ck_assert_ptr_null(d.published);
	ck_assert_ptr_null(strstr(d.text.buf, "2016"));
	doc_release(&d);
}
END_TEST

START_TEST(story_date_line_dates_the_page_and_names_no_place)
{
	struct doc d;
	parse_body(&d, "This story is from June 4, 2007\n\n"
		       "Gunmen raided a police post near Kirkuk, officials said.\n");
	ck_assert_str_eq(d.published, "2007-06-04");
	ck_assert_ptr_null(d.dateline);
	ck_assert_ptr_null(strstr(d.text.buf, "June"));
	doc_release(&d);
	struct ymd date;
	ck_assert(dateline_date_line("Posted on Tuesday, 12 March 2019 14:05 GMT", no_hint, &date));
	ck_assert(date.y == 2019 && date.m == 3 && date.d == 12);
}
END_TEST

START_TEST(a_sentence_that_opens_with_a_date_is_no_date_line)
{
	struct ymd date;
	ck_assert(!dateline_date_line("June 4, 2007 was the day the convoy left Kirkuk.", no_hint, &date));
	ck_assert(!dateline_date_line("10 March 2002 Taliban fighters", no_hint, &date));
	struct doc d;
	parse_body(&d, "June 4, 2007 was the day the convoy left Kirkuk.\n");
	ck_assert_ptr_null(d.published);
	doc_release(&d);
}
END_TEST

START_TEST(dated_headline_dates_the_report_and_stays_text)
{
	struct doc d;
	parse_body(&d, "Oct. 4: Patrols Find Caches in Zabul\n2013-10-CA-011 For Immediate Release\n"
		       "An Afghan patrol found two caches in Qalat district today.\n");
	ck_assert_str_eq(d.published, "2013-10-04");
	ck_assert_ptr_nonnull(strstr(d.text.buf, "Oct. 4: Patrols"));
	doc_release(&d);
	struct ymd date;
	ck_assert(!dateline_dated_headline("Oct. 4 was quiet: no patrols", no_hint, &date));
}
END_TEST

START_TEST(dateline_after_body_text_is_not_read)
{
	struct doc d;
	parse_body(&d, "Police said the convoy was hit by a roadside bomb. "
		       "KABUL, Afghanistan (Jan. 5, 2013) - was where it was reported.\n");
	ck_assert_ptr_null(d.published);
	ck_assert_ptr_null(d.dateline);
	doc_release(&d);
}
END_TEST

START_TEST(capitalised_words_in_a_header_are_no_dateline_without_date_or_country)
{
	struct doc d;
	parse_body(&d, "Weekly Update\nNATO - Operations summary\n"
		       "Troops cleared two villages in Arghandab district on Monday.\n");
	ck_assert_ptr_null(d.dateline);
	doc_release(&d);
	char *place = NULL;
	struct ymd date = { 0, 0, 0 };
	ck_assert_uint_eq(dateline_at("NATO - Operations summary", no_hint, 1, &place, &date), 0);
	ck_assert_uint_gt(dateline_at("KHOST PROVINCE, Afghanistan \xE2\x80\x93 Troops", no_hint, 1,
				      &place, &date), 0);
	ck_assert_str_eq(place, "KHOST PROVINCE, Afghanistan");
	free(place);
}
END_TEST

START_TEST(dated_dateline_needs_no_separator_before_the_text)
{
	char *place = NULL;
	struct ymd date = { 0, 0, 0 };
	ck_assert_uint_eq(dateline_at("MOSUL, Iraq (Nov. 2, 2016)  Iraqi troops", no_hint, 0, &place,
				      &date), 28);
	ck_assert(date.y == 2016 && date.m == 11 && date.d == 2);
	free(place);
	place = NULL;
	ck_assert_uint_eq(dateline_at("MOSUL, Iraq (AP) Iraqi troops", no_hint, 0, &place, &date), 0);
	ck_assert_ptr_null(place);
}
END_TEST

START_TEST(unicode_line_separators_break_lines)
{
	struct doc d;
	parse_body(&d, "2018-02-S-010\xE2\x80\xA8" "BAMYAN, Afghanistan (Feb. 6, 2018)\xE2\x80\xA8"
		       "Police arrested a bomb maker today.\n");
	ck_assert_str_eq(d.published, "2018-02-06");
	ck_assert_str_eq(d.text.buf, "Police arrested a bomb maker today.");
	doc_release(&d);
}
END_TEST

START_TEST(no_break_spaces_before_a_dateline_are_blank)
{
	struct doc d;
	parse_body(&d, "2016-05-CA-044\n\xC2\xA0\xC2\xA0TARIN KOWT, Afghanistan (May 9, 2016) - "
		       "Police repelled an attack on a checkpoint.\xC2\xA0\n");
	ck_assert_str_eq(d.published, "2016-05-09");
	ck_assert_str_eq(d.text.buf, "Police repelled an attack on a checkpoint.");
	doc_release(&d);
}
END_TEST

Suite *suite_dateline(void)
{
	Suite *s = suite_create("dateline");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, dateline_after_a_release_number_dates_the_report);
	tcase_add_test(tc, dateline_after_header_furniture_on_the_same_line_is_read);
	tcase_add_test(tc, dateline_without_a_year_takes_the_year_of_the_release_number);
	tcase_add_test(tc, release_numbers_are_not_dates);
	tcase_add_test(tc, a_year_in_the_text_gives_no_year_to_the_dateline);
	tcase_add_test(tc, story_date_line_dates_the_page_and_names_no_place);
	tcase_add_test(tc, a_sentence_that_opens_with_a_date_is_no_date_line);
	tcase_add_test(tc, dated_headline_dates_the_report_and_stays_text);
	tcase_add_test(tc, dateline_after_body_text_is_not_read);
	tcase_add_test(tc, capitalised_words_in_a_header_are_no_dateline_without_date_or_country);
	tcase_add_test(tc, dated_dateline_needs_no_separator_before_the_text);
	tcase_add_test(tc, unicode_line_separators_break_lines);
	tcase_add_test(tc, no_break_spaces_before_a_dateline_are_blank);
	suite_add_tcase(s, tc);
	return s;
}
