/* Places: which words are places, which place a name is, and where an event happened. Every
 * text is written for the test. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "io/doc.h"
#include "io/json.h"
#include "base/strbuf.h"
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

struct records {
	struct jvalue *rec[64];
	size_t n;
};

static void run(struct records *r, const char *text, const char *published)
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
	for (char *p = out.buf, *nl; *p && r->n < 64; p = nl + 1) {
		nl = strchr(p, '\n');
		size_t off;
		r->rec[r->n] = json_parse(p, (size_t)(nl - p), &off);
		ck_assert_ptr_nonnull(r->rec[r->n]);
		r->n++;
	}
	strbuf_release(&out);
	doc_release(&d);
}

static void release(struct records *r)
{
	for (size_t i = 0; i < r->n; i++)
		json_free(r->rec[i]);
}

static const struct jvalue *nth(const struct records *r, const char *type, size_t k)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(json_get_str(r->rec[i], "type"), type) && k-- == 0)
			return r->rec[i];
	return NULL;
}

/* The place record whose text is exactly text, or NULL. */
static const struct jvalue *place_named(const struct records *r, const char *text)
{
	for (size_t i = 0; nth(r, "place", i); i++)
		if (!strcmp(json_get_str(nth(r, "place", i), "text"), text))
			return nth(r, "place", i);
	return NULL;
}

static const char *field(const struct jvalue *v, const char *key)
{
	const char *s = v ? json_get_str(v, key) : NULL;
	return s ? s : "";
}

START_TEST(places_dateline_city_is_where_the_report_was_filed)
{
	struct records r;
	run(&r, "KABUL, Afghanistan (Sept. 9, 2011) - Security forces detained three suspected "
		"insurgents during an operation in Khakrez district, Kandahar province, yesterday.",
	    NULL);
	ck_assert_str_eq(field(nth(&r, "event", 0), "admin1"), "Kandahar");
	ck_assert_str_eq(field(place_named(&r, "KABUL"), "role"), "dateline");
	release(&r);
	/* Nothing else places the event: then the dateline does. */
	run(&r, "KABUL, Afghanistan (Sept. 9, 2011) - Security forces detained three suspected "
		"insurgents during an operation yesterday.", NULL);
	ck_assert_str_eq(field(nth(&r, "event", 0), "location"), "Kabul");
	release(&r);
}
END_TEST

START_TEST(places_month_name_is_a_town_only_when_called_one)
{
	struct records r;
	run(&r, "On 4 March 2019, gunmen killed two farmers near Garowe.", "2019-03-04");
	ck_assert_ptr_null(place_named(&r, "March"));
	ck_assert_str_eq(field(nth(&r, "event", 0), "location"), "Garowe");
	release(&r);
	run(&r, "Protesters blocked the main road in the town of March, England, on Friday.",
	    "2019-03-08");
	ck_assert_str_eq(field(place_named(&r, "March"), "iso3"), "GBR");
	release(&r);
}
END_TEST

START_TEST(places_common_words_and_names_need_evidence)
{
	struct records r;
	run(&r, "Most of the dead were farmers. Union leaders and Howard Baker condemned the attack "
		"in Bossaso.", "2020-01-01");
	ck_assert_ptr_null(place_named(&r, "Most"));
	ck_assert_ptr_null(place_named(&r, "Union"));
	ck_assert_ptr_null(place_named(&r, "Howard"));
	ck_assert_ptr_nonnull(place_named(&r, "Bossaso"));
	release(&r);
	run(&r, "Miners marched through the town of Most in the Czech Republic.", "2020-01-01");
	ck_assert_str_eq(field(place_named(&r, "Most"), "iso3"), "CZE");
	release(&r);
}
END_TEST

START_TEST(places_acronym_in_capitals_is_no_town)
{
	struct records r;
	run(&r, "UN peacekeepers were attacked on Sunday, the mission said.", "2020-05-03");
	ck_assert_ptr_null(place_named(&r, "UN"));
	release(&r);
	run(&r, "UN peacekeepers were attacked near Kidal on Sunday.", "2020-05-03");
	ck_assert_str_eq(field(nth(&r, "event", 0), "location"), "Kidal");
	release(&r);
}
END_TEST

START_TEST(places_bracketed_district_and_region_hold_the_village)
{
	struct records r;
	run(&r, "On 2 May 2025, militia fighters clashed with soldiers near Karin village (Bosaso, "
		"Bari).", "2025-05-02");
	const struct jvalue *e = nth(&r, "event", 0);
	ck_assert_str_eq(field(e, "country"), "Somalia");
	ck_assert_str_eq(field(e, "admin1"), "Bari");
	release(&r);
	/* Not at the end of a bracketed list: the Italian city. */
	run(&r, "Police dispersed a rally in Bari, Italy, on Sunday.", "2025-05-04");
	ck_assert_str_eq(field(place_named(&r, "Bari"), "iso3"), "ITA");
	release(&r);
}
END_TEST

START_TEST(places_namesake_abroad_cannot_vouch_for_itself)
{
	struct records r;
	run(&r, "Insurgents ambushed a police patrol in the Cham area of Lashkar Gah, Helmand, on "
		"Monday.", "2020-03-02");
	const struct jvalue *cham = place_named(&r, "Cham");
	ck_assert(cham == NULL || strcmp(field(cham, "iso3"), "DEU") != 0);
	ck_assert_str_eq(field(nth(&r, "event", 0), "admin1"), "Helmand");
	release(&r);
}
END_TEST

START_TEST(places_lower_case_text_finds_unambiguous_names)
{
	struct records r;
	run(&r, "taliban fighters attacked a police checkpoint in kandahar on monday, killing three "
		"officers. the attackers fled after a long gun battle with the police.", "2020-03-02");
	ck_assert_str_eq(field(nth(&r, "event", 0), "admin1"), "Kandahar");
	release(&r);
	/* "march" in lower case is a word, not the English town. */
	run(&r, "police said the march through the capital was peaceful and that nobody was hurt or "
		"detained by officers during the day.", "2020-03-02");
	ck_assert_ptr_null(place_named(&r, "march"));
	release(&r);
}
END_TEST

START_TEST(places_country_article_comes_from_the_table)
{
	struct records r;
	run(&r, "Philippine troops clashed with communist rebels in Samar on Tuesday.", "2020-03-03");
	ck_assert_str_eq(field(nth(&r, "event", 0), "actor1"), "Military Forces of the Philippines");
	release(&r);
	run(&r, "Kenyan troops clashed with Al Shabaab fighters in Lamu on Tuesday.", "2020-03-03");
	ck_assert_str_eq(field(nth(&r, "event", 0), "actor1"), "Military Forces of Kenya");
	release(&r);
}
END_TEST

Suite *suite_places(void)
{
	Suite *s = suite_create("places");
	TCase *tc = tcase_create("places");
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_add_test(tc, places_dateline_city_is_where_the_report_was_filed);
	tcase_add_test(tc, places_month_name_is_a_town_only_when_called_one);
	tcase_add_test(tc, places_common_words_and_names_need_evidence);
	tcase_add_test(tc, places_acronym_in_capitals_is_no_town);
	tcase_add_test(tc, places_bracketed_district_and_region_hold_the_village);
	tcase_add_test(tc, places_namesake_abroad_cannot_vouch_for_itself);
	tcase_add_test(tc, places_lower_case_text_finds_unambiguous_names);
	tcase_add_test(tc, places_country_article_comes_from_the_table);
	suite_add_tcase(s, tc);
	return s;
}
