/* Which date an event gets: date mentions in the text and the rules that choose among them. */
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "extract/extract.h"
#include "io/doc.h"
#include "io/json.h"
#include "unit.h"

static struct extractor *ex;

static void setup(void)
{
	struct extract_opts opts;
	memset(&opts, 0, sizeof(opts));
	ex = extractor_new(&opts);
	ck_assert_ptr_nonnull(ex);
}

static void teardown(void)
{
	extractor_free(ex);
}

/* The event records of text (at most 16), published on published (or NULL). */
struct events {
	struct jvalue *ev[16];
	size_t n;
};

static void run(struct events *r, const char *text, const char *published)
{
	struct doc d;
	struct strbuf out = STRBUF_INIT;
	doc_init(&d);
	d.doc_id = strdup("t");
	if (published)
		doc_set_published(&d, published, DATE_OPTION);
	strbuf_addstr(&d.text, text);
	extractor_run(ex, &d, &out, NULL);
	r->n = 0;
	for (char *p = out.buf, *nl; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		size_t off;
		struct jvalue *v = json_parse(p, (size_t)(nl - p), &off);
		ck_assert_ptr_nonnull(v);
		if (strcmp(json_get_str(v, "type"), "event") == 0 && r->n < 16)
			r->ev[r->n++] = v;
		else
			json_free(v);
	}
	strbuf_release(&out);
	doc_release(&d);
}

static void release(struct events *r)
{
	for (size_t i = 0; i < r->n; i++)
		json_free(r->ev[i]);
}

/* The event_date of event k, "null" when it has none. */
static const char *date_of(const struct events *r, size_t k)
{
	ck_assert_uint_lt(k, r->n);
	const char *s = json_get_str(r->ev[k], "event_date");
	return s ? s : "null";
}

START_TEST(evdate_a_time_of_day_right_after_a_date_takes_that_date)
{
	struct events r;
	run(&r, "On 4 May 2021, overnight, militants attacked an army post in Baidoa.", NULL);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(date_of(&r, 0), "2021-05-04");
	release(&r);
	/* Alone, "overnight" needs a publication date. */
	run(&r, "Militants attacked an army post in Baidoa overnight.", NULL);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(date_of(&r, 0), "null");
	release(&r);
}
END_TEST

START_TEST(evdate_an_event_named_by_an_earlier_date_is_not_news)
{
	struct events r;
	run(&r, "Afghan commandos detained a bomb maker in Andar district today. He built the bombs "
		"for the Sept. 9 attack on a police convoy in Qarabagh district, which killed six "
		"officers.", "2014-09-18");
	for (size_t k = 0; k < r.n; k++)
		ck_assert_str_eq(date_of(&r, k), "2014-09-18");
	ck_assert_uint_ge(r.n, 1);
	release(&r);
}
END_TEST

START_TEST(evdate_a_dated_event_that_is_the_lead_is_kept)
{
	struct events r;
	run(&r, "Wednesday's bombing at a market in Khost killed 11 people, police said on Thursday.",
	    "2014-09-18");
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(date_of(&r, 0), "2014-09-17");
	release(&r);
}
END_TEST

START_TEST(evdate_a_past_date_inside_a_phrase_gives_way_to_the_event_date)
{
	struct events r;
	run(&r, "Police arrested a Taliban commander wanted for the murder of a judge in March in "
		"Peshawar on Tuesday.", "2016-11-24");
	ck_assert_uint_ge(r.n, 1);
	ck_assert_str_eq(json_get_str(r.ev[0], "sub_event_type"), "Arrests");
	ck_assert_str_eq(date_of(&r, 0), "2016-11-22");
	release(&r);
	/* With no other date, the past one dates the event, which is then history. */
	run(&r, "Police arrested a Taliban commander in Peshawar in March.", "2016-11-24");
	ck_assert_uint_eq(r.n, 0);
	release(&r);
}
END_TEST

START_TEST(evdate_late_in_a_month_is_its_25th)
{
	struct events r;
	run(&r, "Taliban fighters seized Kunduz in late October.", "2016-11-24");
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(date_of(&r, 0), "2016-10-25");
	release(&r);
	run(&r, "Taliban fighters seized Kunduz in early October.", "2016-11-24");
	ck_assert_str_eq(date_of(&r, 0), "2016-10-05");
	release(&r);
}
END_TEST

START_TEST(evdate_a_date_right_after_an_event_noun_is_that_events)
{
	struct events r;
	run(&r, "Police targeted a militant commander responsible for a bombing June 3 in Kasur, "
		"detaining five suspects in Lahore yesterday.", "2015-06-12");
	ck_assert_uint_ge(r.n, 1);
	ck_assert_str_eq(json_get_str(r.ev[0], "sub_event_type"), "Arrests");
	ck_assert_str_eq(date_of(&r, 0), "2015-06-11");
	release(&r);
	/* Wire style without "on", as the lead's own event, is kept with its date. */
	run(&r, "The bombing Tuesday at a market in Khost killed 11 people.\n\n"
		"On Wednesday, police arrested three Haqqani militants in Khost.", "2014-09-18");
	ck_assert_uint_eq(r.n, 2);
	ck_assert_str_eq(date_of(&r, 0), "2014-09-16");
	release(&r);
}
END_TEST

START_TEST(evdate_a_number_after_a_name_is_not_the_day_of_the_month_after_it)
{
	struct events r;
	run(&r, "A roadside bomb killed two police officers on Route 4 October 12 near Jalalabad.",
	    "2013-10-14");
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(date_of(&r, 0), "2013-10-12");
	release(&r);
	/* A day before its month still reads so: "on 4 October, 12 people". */
	run(&r, "A roadside bomb killed 12 people on 4 October near Jalalabad.", "2013-10-14");
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(date_of(&r, 0), "2013-10-04");
	release(&r);
}
END_TEST

START_TEST(evdate_the_date_of_an_event_told_in_passing_frames_no_later_sentence)
{
	struct events r;
	run(&r, "Kenyan soldiers defused a roadside bomb near Mpeketoni on Thursday. It was found "
		"close to where al-Shabaab militants ambushed a police truck last week, killing two "
		"officers. Troops later raided a militant hideout in the Boni forest and seized 12 rifles.",
	    "2021-11-19");
	for (size_t k = 0; k < r.n; k++) {
		const char *type = json_get_str(r.ev[k], "sub_event_type");
		if (strcmp(type, "Armed clash") != 0) /* the ambush: last week */
			ck_assert_str_eq(date_of(&r, k), "2021-11-18");
	}
	ck_assert_uint_ge(r.n, 2);
	release(&r);
}
END_TEST

Suite *suite_evdate(void)
{
	Suite *s = suite_create("evdate");
	TCase *tc = tcase_create("core");
	tcase_add_unchecked_fixture(tc, setup, teardown);
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
