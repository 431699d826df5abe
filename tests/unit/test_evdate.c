/* Which date an event gets: date mentions in the text and the rules that choose among them. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "io/json.h"
#include "fixture.h"
#include "unit.h"

/* The event_date of event k, "null" when it has none. */
static const char *date_of(const struct records *r, size_t k)
{
	ck_assert_uint_lt(k, r->n);
	const char *s = json_get_str(r->rec[k], "event_date");
	return s ? s : "null";
}

START_TEST(evdate_a_time_of_day_right_after_a_date_takes_that_date)
{
	struct records r;
	extract_text(&r, "On 4 May 2021, overnight, militants attacked an army post in Baidoa.", NULL, "event");
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(date_of(&r, 0), "2021-05-04");
	records_release(&r);
	/* Alone, "overnight" needs a publication date. */
	extract_text(&r, "Militants attacked an army post in Baidoa overnight.", NULL, "event");
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(date_of(&r, 0), "null");
	records_release(&r);
}
END_TEST

START_TEST(evdate_an_event_named_by_an_earlier_date_is_not_news)
{
	struct records r;
	extract_text(&r, "Afghan commandos detained a bomb maker in Andar district today. He built the bombs "
		"for the Sept. 9 attack on a police convoy in Qarabagh district, which killed six "
		"officers.", "2014-09-18", "event");
	for (size_t k = 0; k < r.n; k++)
		ck_assert_str_eq(date_of(&r, k), "2014-09-18");
	ck_assert_uint_ge(r.n, 1);
	records_release(&r);
}
END_TEST

START_TEST(evdate_a_dated_event_that_is_the_lead_is_kept)
{
	struct records r;
	extract_text(&r, "Wednesday's bombing at a market in Khost killed 11 people, police said on Thursday.",
	    "2014-09-18", "event");
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(date_of(&r, 0), "2014-09-17");
	records_release(&r);
}
END_TEST

START_TEST(evdate_a_past_date_inside_a_phrase_gives_way_to_the_event_date)
{
	struct records r;
	extract_text(&r, "Police arrested a Taliban commander wanted for the murder of a judge in March in "
		"Peshawar on Tuesday.", "2016-11-24", "event");
	ck_assert_uint_ge(r.n, 1);
	ck_assert_str_eq(json_get_str(r.rec[0], "sub_event_type"), "Arrests");
	ck_assert_str_eq(date_of(&r, 0), "2016-11-22");
	records_release(&r);
	/* With no other date, the past one dates the event, which is then history. */
	extract_text(&r, "Police arrested a Taliban commander in Peshawar in March.", "2016-11-24", "event");
	ck_assert_uint_eq(r.n, 0);
	records_release(&r);
}
END_TEST

START_TEST(evdate_late_in_a_month_is_its_25th)
{
	struct records r;
	extract_text(&r, "Taliban fighters seized Kunduz in late October.", "2016-11-24", "event");
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(date_of(&r, 0), "2016-10-25");
	records_release(&r);
	extract_text(&r, "Taliban fighters seized Kunduz in early October.", "2016-11-24", "event");
	ck_assert_str_eq(date_of(&r, 0), "2016-10-05");
	records_release(&r);
}
END_TEST

START_TEST(evdate_a_date_right_after_an_event_noun_is_that_events)
{
	struct records r;
	extract_text(&r, "Police targeted a militant commander responsible for a bombing June 3 in Kasur, "
		"detaining five suspects in Lahore yesterday.", "2015-06-12", "event");
	ck_assert_uint_ge(r.n, 1);
	ck_assert_str_eq(json_get_str(r.rec[0], "sub_event_type"), "Arrests");
	ck_assert_str_eq(date_of(&r, 0), "2015-06-11");
	records_release(&r);
	/* Wire style without "on", as the lead's own event, is kept with its date. */
	extract_text(&r, "The bombing Tuesday at a market in Khost killed 11 people.\n\n"
		"On Wednesday, police arrested three Haqqani militants in Khost.", "2014-09-18", "event");
	ck_assert_uint_eq(r.n, 2);
	ck_assert_str_eq(date_of(&r, 0), "2014-09-16");
	records_release(&r);
}
END_TEST

START_TEST(evdate_a_number_after_a_name_is_not_the_day_of_the_month_after_it)
{
	struct records r;
	extract_text(&r, "A roadside bomb killed two police officers on Route 4 October 12 near Jalalabad.",
	    "2013-10-14", "event");
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(date_of(&r, 0), "2013-10-12");
	records_release(&r);
	/* A day before its month still reads so: "on 4 October, 12 people". */
	extract_text(&r, "A roadside bomb killed 12 people on 4 October near Jalalabad.", "2013-10-14", "event");
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(date_of(&r, 0), "2013-10-04");
	records_release(&r);
}
END_TEST

START_TEST(evdate_the_date_of_an_event_told_in_passing_frames_no_later_sentence)
{
	struct records r;
	extract_text(&r, "Kenyan soldiers defused a roadside bomb near Mpeketoni on Thursday. It was found "
		"close to where al-Shabaab militants ambushed a police truck last week, killing two "
		"officers. Troops later raided a militant hideout in the Boni forest and seized 12 rifles.",
	    "2021-11-19", "event");
	for (size_t k = 0; k < r.n; k++) {
		const char *type = json_get_str(r.rec[k], "sub_event_type");
		if (strcmp(type, "Armed clash") != 0) /* the ambush: last week */
			ck_assert_str_eq(date_of(&r, k), "2021-11-18");
	}
	ck_assert_uint_ge(r.n, 2);
	records_release(&r);
}
END_TEST

Suite *suite_evdate(void)
{
	Suite *s = suite_create("evdate");
	TCase *tc = tcase_create("core");
	tcase_add_unchecked_fixture(tc, extractor_up, extractor_down);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, evdate_a_time_of_day_right_after_a_date_takes_that_date);
	tcase_add_test(tc, evdate_an_event_named_by_an_earlier_date_is_not_news);
	tcase_add_test(tc, evdate_a_dated_event_that_is_the_lead_is_kept);
	tcase_add_test(tc, evdate_a_past_date_inside_a_phrase_gives_way_to_the_event_date);
	tcase_add_test(tc, evdate_late_in_a_month_is_its_25th);
	tcase_add_test(tc, evdate_a_date_right_after_an_event_noun_is_that_events);
	tcase_add_test(tc, evdate_a_number_after_a_name_is_not_the_day_of_the_month_after_it);
	tcase_add_test(tc, evdate_the_date_of_an_event_told_in_passing_frames_no_later_sentence);
	suite_add_tcase(s, tc);
	return s;
}
