/* Places: which words are places, which place a name is, and where an event happened. Every
 * text is written for the test. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "lexicon/gazetteer.h"
#include "lexicon/townindex.h"
#include "text/text.h"
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

START_TEST(places_village_the_gazetteer_lacks_keeps_its_name)
{
	struct records r;
	run(&r, "On 3 May 2024, militia fighters attacked a police post in Dhagaxley village "
		"(Afgooye, Lower Shabelle).", "2024-05-03");
	const struct jvalue *e = nth(&r, "event", 0);
	ck_assert_str_eq(field(e, "location"), "Dhagaxley");
	ck_assert_str_eq(field(e, "admin1"), "Lower Shabelle");
	ck_assert_str_eq(field(e, "admin2"), "Afgooye");
	double prec;
	ck_assert(json_get_num(e, "geo_precision", &prec) && prec == 2);
	release(&r);
	/* A neighbourhood of a known town: the town is the place. */
	run(&r, "On 3 May 2024, gunmen shot dead a trader in the Hodan market area in Baidoa town.",
	    "2024-05-03");
	ck_assert_str_eq(field(nth(&r, "event", 0), "location"), "Baidoa");
	release(&r);
}
END_TEST

START_TEST(places_town_name_inside_a_longer_name_needs_evidence)
{
	struct records r;
	run(&r, "Clan fighters clashed in Tuulo Cali Nuur village near Jowhar on Monday.",
	    "2024-05-06");
	ck_assert_str_eq(field(nth(&r, "event", 0), "country"), "Somalia");
	ck_assert_ptr_null(place_named(&r, "Cali"));
	release(&r);
	run(&r, "Police clashed with a gang in Cali, Colombia, on Friday.", "2024-05-03");
	ck_assert_str_eq(field(place_named(&r, "Cali"), "iso3"), "COL");
	release(&r);
}
END_TEST

START_TEST(places_surname_after_a_first_name_is_a_person)
{
	struct records r;
	run(&r, "The novelist Frederick Forsyth said the bombing in Kabul shocked him. Forsyth "
		"added that he would not travel.", "2024-05-03");
	ck_assert_ptr_null(place_named(&r, "Forsyth"));
	release(&r);
	run(&r, "Residents of Forsyth, Georgia, protested outside the courthouse on Monday.",
	    "2024-05-06");
	ck_assert_str_eq(field(place_named(&r, "Forsyth"), "iso3"), "USA");
	release(&r);
}
END_TEST

START_TEST(places_name_of_a_province_and_its_seat_leads_over_a_lone_town)
{
	struct records r;
	run(&r, "Residents of Kwale town protested against land evictions on Friday.", "2024-05-03");
	ck_assert_str_eq(field(nth(&r, "event", 0), "country"), "Kenya");
	release(&r);
	run(&r, "Gunmen attacked a market in Kwale, Delta State, Nigeria, on Friday.", "2024-05-03");
	ck_assert_str_eq(field(place_named(&r, "Kwale"), "iso3"), "NGA");
	release(&r);
}
END_TEST

START_TEST(places_area_of_a_district_and_operations_in_several_provinces)
{
	struct records r;
	run(&r, "On 5 May 2020, insurgents ambushed a police patrol in the Spinadar area of Nad Ali "
		"district, Helmand.", "2020-05-05");
	const struct jvalue *e = nth(&r, "event", 0);
	ck_assert_str_eq(field(e, "location"), "Spinadar");
	ck_assert_str_eq(field(e, "admin2"), "Nad Ali");
	ck_assert_str_eq(field(e, "admin1"), "Helmand");
	release(&r);
	run(&r, "KABUL, Afghanistan (May 6, 2011) - In Zabul province, a combined force detained two "
		"suspected insurgents. Elsewhere, in Kunar province, the force killed an insurgent "
		"leader.", NULL);
	ck_assert_str_eq(field(nth(&r, "event", 0), "admin1"), "Zabul");
	ck_assert_str_eq(field(nth(&r, "event", 1), "admin1"), "Kunar");
	release(&r);
}
END_TEST

START_TEST(townindex_packs_names_aliases_and_longer_names)
{
	static const char table[] =
		"# a comment\n"
		"name\taliases\tkind\tiso3\tadmin1\tadmin2\tlat\tlon\tpopulation\n"
		"Dera\t\tppl\tPAK\tPunjab\t\t30.1\t70.1\t\n"
		"Dera Ghazi Khan\tD.G. Khan|Dera Ghazi\tppla2\tPAK\tPunjab\tDera Ghazi Khan\t30.05\t70.63\t399064\n"
		"Qoryooley\tQoryoley\tppl\tSOM\tLower Shabelle\t\t1.788\t44.529\t\n";
	size_t len;
	void *img = townix_write(table, sizeof(table) - 1, "t.tsv", &len);
	ck_assert_ptr_nonnull(img);
	struct townix *ix = townix_open(img, len);
	ck_assert_ptr_nonnull(ix);
	ck_assert_uint_eq(townix_count(ix), 3);
	const struct townix_place *p = townix_place(ix, 1);
	ck_assert_str_eq(townix_str(ix, p->name), "Dera Ghazi Khan");
	ck_assert_str_eq(townix_str(ix, p->admin1), "Punjab");
	ck_assert_int_eq(p->kind, PK_PPLA2);
	ck_assert_int_eq(p->population, 399064);
	ck_assert(p->lat == 30.05);
	int out[4];
	ck_assert_uint_eq(townix_lookup(ix, "qoryoley", out, 4), 1);
	ck_assert_int_eq(out[0], 2);
	ck_assert_uint_eq(townix_lookup(ix, "dera ghazi", out, 4), 1); /* an alias, not a prefix */
	ck_assert_uint_eq(townix_lookup(ix, "ghazi", out, 4), 0);
	/* The longest name at a token wins; a prefix of a longer name alone matches too. */
	struct tokens t;
	memset(&t, 0, sizeof(t));
	const char *text = "Shelling hit Dera Ghazi Khan and Dera on Monday.";
	tokens_build(&t, text, strlen(text));
	size_t n;
	ck_assert_uint_eq(townix_match(ix, &t, 2, t.n, out, 4, &n), 3);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(out[0], 1);
	ck_assert_uint_eq(townix_match(ix, &t, 6, t.n, out, 4, &n), 1);
	ck_assert_int_eq(out[0], 0);
	ck_assert_uint_eq(townix_match(ix, &t, 0, t.n, out, 4, &n), 0);
	tokens_release(&t);
	townix_close(ix);
	free(img);
	/* Not an image: refused. */
	ck_assert_ptr_null(townix_open(table, sizeof(table)));
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
	tcase_add_test(tc, places_village_the_gazetteer_lacks_keeps_its_name);
	tcase_add_test(tc, places_town_name_inside_a_longer_name_needs_evidence);
	tcase_add_test(tc, places_surname_after_a_first_name_is_a_person);
	tcase_add_test(tc, places_name_of_a_province_and_its_seat_leads_over_a_lone_town);
	tcase_add_test(tc, places_area_of_a_district_and_operations_in_several_provinces);
	suite_add_tcase(s, tc);
	TCase *ti = tcase_create("townindex");
	tcase_add_test(ti, townindex_packs_names_aliases_and_longer_names);
	suite_add_tcase(s, ti);
	return s;
}
