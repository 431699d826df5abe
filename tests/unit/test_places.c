/* Places: which words are places, which place a name is, and where an event happened. Every
 * text is written for the test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract/extract.h"
#include "lexicon/gazetteer.h"
#include "lexicon/townindex.h"
#include "text/text.h"
#include "io/json.h"
#include "fixture.h"
#include "unit.h"

/* The place record whose text is exactly text, or NULL. */
static const struct jvalue *place_named(const struct records *r, const char *text)
{
	for (size_t i = 0; records_nth(r, "place", i); i++)
		if (!strcmp(json_get_str(records_nth(r, "place", i), "text"), text))
			return records_nth(r, "place", i);
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
	extract_text(&r, "KABUL, Afghanistan (Sept. 9, 2011) - Security forces detained three suspected "
		"insurgents during an operation in Khakrez district, Kandahar province, yesterday.",
	    NULL, NULL);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "admin1"), "Kandahar");
	ck_assert_str_eq(field(place_named(&r, "KABUL"), "role"), "dateline");
	records_release(&r);
	/* Nothing else places the event: then the dateline does. */
	extract_text(&r, "KABUL, Afghanistan (Sept. 9, 2011) - Security forces detained three suspected "
		"insurgents during an operation yesterday.", NULL, NULL);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "location"), "Kabul");
	records_release(&r);
}
END_TEST

START_TEST(places_month_name_is_a_town_only_when_called_one)
{
	struct records r;
	extract_text(&r, "On 4 March 2019, gunmen killed two farmers near Garowe.", "2019-03-04", NULL);
	ck_assert_ptr_null(place_named(&r, "March"));
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "location"), "Garowe");
	records_release(&r);
	extract_text(&r, "Protesters blocked the main road in the town of March, England, on Friday.",
	    "2019-03-08", NULL);
	ck_assert_str_eq(field(place_named(&r, "March"), "iso3"), "GBR");
	records_release(&r);
}
END_TEST

START_TEST(places_common_words_and_names_need_evidence)
{
	struct records r;
	extract_text(&r, "Most of the dead were farmers. Union leaders and Howard Baker condemned the attack "
		"in Bossaso.", "2020-01-01", NULL);
	ck_assert_ptr_null(place_named(&r, "Most"));
	ck_assert_ptr_null(place_named(&r, "Union"));
	ck_assert_ptr_null(place_named(&r, "Howard"));
	ck_assert_ptr_nonnull(place_named(&r, "Bossaso"));
	records_release(&r);
	extract_text(&r, "Miners marched through the town of Most in the Czech Republic.", "2020-01-01", NULL);
	ck_assert_str_eq(field(place_named(&r, "Most"), "iso3"), "CZE");
	records_release(&r);
}
END_TEST

START_TEST(places_acronym_in_capitals_is_no_town)
{
	struct records r;
	extract_text(&r, "UN peacekeepers were attacked on Sunday, the mission said.", "2020-05-03", NULL);
	ck_assert_ptr_null(place_named(&r, "UN"));
	records_release(&r);
	extract_text(&r, "UN peacekeepers were attacked near Kidal on Sunday.", "2020-05-03", NULL);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "location"), "Kidal");
	records_release(&r);
}
END_TEST

START_TEST(places_bracketed_district_and_region_hold_the_village)
{
	struct records r;
	extract_text(&r, "On 2 May 2025, militia fighters clashed with soldiers near Karin village (Bosaso, "
		"Bari).", "2025-05-02", NULL);
	const struct jvalue *e = records_nth(&r, "event", 0);
	ck_assert_str_eq(field(e, "country"), "Somalia");
	ck_assert_str_eq(field(e, "admin1"), "Bari");
	records_release(&r);
	/* Not at the end of a bracketed list: the Italian city. */
	extract_text(&r, "Police dispersed a rally in Bari, Italy, on Sunday.", "2025-05-04", NULL);
	ck_assert_str_eq(field(place_named(&r, "Bari"), "iso3"), "ITA");
	records_release(&r);
}
END_TEST

/* "X village, Y county": the unit after the comma holds a village the gazetteer lacks, and
 * says that a namesake village abroad is not it; a town there may be the next of a list. */
START_TEST(places_village_then_comma_and_its_unit)
{
	struct records r;
	extract_text(&r, "Raiders attacked a cattle camp in Kapkoiwo village, Baringo county, on Monday, "
		"killing two herders.", "2023-02-14", NULL);
	const struct jvalue *e = records_nth(&r, "event", 0);
	ck_assert_str_eq(field(e, "location"), "Kapkoiwo");
	ck_assert_str_eq(field(e, "admin1"), "Baringo");
	records_release(&r);
	extract_text(&r, "Raiders attacked a cattle camp in Liter village, Baringo county, on Monday, "
		"killing two herders.", "2023-02-14", NULL);
	e = records_nth(&r, "event", 0);
	ck_assert_str_eq(field(e, "country"), "Kenya");
	ck_assert_str_eq(field(e, "location"), "Liter");
	records_release(&r);
	extract_text(&r, "Raiders attacked cattle camps in Kapkoiwo village, Marigat and Kabarnet on "
		"Monday, killing two herders.", "2023-02-14", NULL);
	ck_assert_ptr_null(place_named(&r, "Kapkoiwo"));
	records_release(&r);
}
END_TEST

/* peoples.tsv: a people names the country it lives in when the report names no place; a
 * place named does not give way to it. */
START_TEST(places_a_people_gives_its_country)
{
	struct records r;
	extract_text(&r, "Pokot raiders stole 200 cattle and killed a herder on Monday.", "2023-02-14",
		     NULL);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "country"), "Kenya");
	records_release(&r);
	extract_text(&r, "Pokot raiders attacked a village near Moroto, Uganda, on Monday, killing a "
		"herder.", "2023-02-14", NULL);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "country"), "Uganda");
	records_release(&r);
}
END_TEST

/* A name leads to the place whose own name it is before one that has it only as an alternate
 * name, and to a province before a small town abroad; a country named with it still decides. */
START_TEST(places_own_name_and_province_lead)
{
	struct records r;
	extract_text(&r, "Gunmen killed 12 villagers in Borno on Sunday.", "2023-02-14", NULL);
	ck_assert_str_eq(field(place_named(&r, "Borno"), "iso3"), "NGA");
	ck_assert_str_eq(field(place_named(&r, "Borno"), "kind"), "adm1");
	records_release(&r);
	extract_text(&r, "Skiers gathered in Borno, Italy, on Sunday.", "2023-02-14", NULL);
	ck_assert_str_eq(field(place_named(&r, "Borno"), "iso3"), "ITA");
	records_release(&r);
}
END_TEST

/* A possessive before a name is its holder, not a piece of a longer name ("Kashmir's Pulwama
 * district"); "the village of X in Y" names a village the gazetteer lacks, held by Y, but in
 * "the X area of Y, Z" Y is no village of Z: it holds X. */
START_TEST(places_possessive_holder_and_village_of)
{
	struct records r;
	extract_text(&r, "Two militants were killed in a gunfight in Kashmir's Pulwama district on "
		"Friday.", "2021-06-12", NULL);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "location"), "Pulwama");
	records_release(&r);
	extract_text(&r, "Gunmen killed nine herders in the village of Kapkoiwo in central Kenya's "
		"Baringo county on Sunday.", "2023-02-14", NULL);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "location"), "Kapkoiwo");
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "admin1"), "Baringo");
	records_release(&r);
	extract_text(&r, "Gunmen killed nine herders in the Kapkoiwo area of Marigat, Baringo county, "
		"on Sunday.", "2023-02-14", NULL);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "location"), "Marigat");
	records_release(&r);
}
END_TEST

/* Admin1 names follow ACLED's convention: Nigeria's "Plateau State" is Plateau, still found
 * as written; the word "plateau" is no state. */
START_TEST(places_admin1_written_as_acled_names_it)
{
	struct records r;
	extract_text(&r, "Gunmen killed four farmers in Bokkos, Plateau State, on Saturday.", "2024-03-11",
		     NULL);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "admin1"), "Plateau");
	records_release(&r);
	extract_text(&r, "Hikers crossed the plateau near Jos on Saturday.", "2024-03-11", NULL);
	ck_assert_ptr_null(place_named(&r, "plateau"));
	records_release(&r);
}
END_TEST

START_TEST(places_namesake_abroad_cannot_vouch_for_itself)
{
	struct records r;
	extract_text(&r, "Insurgents ambushed a police patrol in the Cham area of Lashkar Gah, Helmand, on "
		"Monday.", "2020-03-02", NULL);
	const struct jvalue *cham = place_named(&r, "Cham");
	ck_assert(cham == NULL || strcmp(field(cham, "iso3"), "DEU") != 0);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "admin1"), "Helmand");
	records_release(&r);
}
END_TEST

START_TEST(places_lower_case_text_finds_unambiguous_names)
{
	struct records r;
	extract_text(&r, "taliban fighters attacked a police checkpoint in kandahar on monday, killing three "
		"officers. the attackers fled after a long gun battle with the police.", "2020-03-02", NULL);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "admin1"), "Kandahar");
	records_release(&r);
	/* "march" in lower case is a word, not the English town. */
	extract_text(&r, "police said the march through the capital was peaceful and that nobody was hurt or "
		"detained by officers during the day.", "2020-03-02", NULL);
	ck_assert_ptr_null(place_named(&r, "march"));
	records_release(&r);
}
END_TEST

START_TEST(places_country_article_comes_from_the_table)
{
	struct records r;
	extract_text(&r, "Philippine troops clashed with communist rebels in Samar on Tuesday.", "2020-03-03", NULL);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "actor1"), "Military Forces of the Philippines");
	records_release(&r);
	extract_text(&r, "Kenyan troops clashed with Al Shabaab fighters in Lamu on Tuesday.", "2020-03-03", NULL);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "actor1"), "Military Forces of Kenya");
	records_release(&r);
}
END_TEST

START_TEST(places_village_the_gazetteer_lacks_keeps_its_name)
{
	struct records r;
	extract_text(&r, "On 3 May 2024, militia fighters attacked a police post in Dhagaxley village "
		"(Afgooye, Lower Shabelle).", "2024-05-03", NULL);
	const struct jvalue *e = records_nth(&r, "event", 0);
	ck_assert_str_eq(field(e, "location"), "Dhagaxley");
	ck_assert_str_eq(field(e, "admin1"), "Lower Shabelle");
	ck_assert_str_eq(field(e, "admin2"), "Afgooye");
	double prec;
	ck_assert(json_get_num(e, "geo_precision", &prec) && prec == 2);
	records_release(&r);
	/* A neighbourhood of a known town: the town is the place. */
	extract_text(&r, "On 3 May 2024, gunmen shot dead a trader in the Hodan market area in Baidoa town.",
	    "2024-05-03", NULL);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "location"), "Baidoa");
	records_release(&r);
}
END_TEST

START_TEST(places_town_name_inside_a_longer_name_needs_evidence)
{
	struct records r;
	extract_text(&r, "Clan fighters clashed in Tuulo Cali Nuur village near Jowhar on Monday.",
	    "2024-05-06", NULL);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "country"), "Somalia");
	ck_assert_ptr_null(place_named(&r, "Cali"));
	records_release(&r);
	extract_text(&r, "Police clashed with a gang in Cali, Colombia, on Friday.", "2024-05-03", NULL);
	ck_assert_str_eq(field(place_named(&r, "Cali"), "iso3"), "COL");
	records_release(&r);
}
END_TEST

START_TEST(places_surname_after_a_first_name_is_a_person)
{
	struct records r;
	extract_text(&r, "The novelist Frederick Forsyth said the bombing in Kabul shocked him. Forsyth "
		"added that he would not travel.", "2024-05-03", NULL);
	ck_assert_ptr_null(place_named(&r, "Forsyth"));
	records_release(&r);
	extract_text(&r, "Residents of Forsyth, Georgia, protested outside the courthouse on Monday.",
	    "2024-05-06", NULL);
	ck_assert_str_eq(field(place_named(&r, "Forsyth"), "iso3"), "USA");
	records_release(&r);
}
END_TEST

START_TEST(places_name_of_a_province_and_its_seat_leads_over_a_lone_town)
{
	struct records r;
	extract_text(&r, "Residents of Kwale town protested against land evictions on Friday.", "2024-05-03", NULL);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "country"), "Kenya");
	records_release(&r);
	extract_text(&r, "Gunmen attacked a market in Kwale, Delta State, Nigeria, on Friday.", "2024-05-03", NULL);
	ck_assert_str_eq(field(place_named(&r, "Kwale"), "iso3"), "NGA");
	records_release(&r);
}
END_TEST

START_TEST(places_area_of_a_district_and_operations_in_several_provinces)
{
	struct records r;
	extract_text(&r, "On 5 May 2020, insurgents ambushed a police patrol in the Spinadar area of Nad Ali "
		"district, Helmand.", "2020-05-05", NULL);
	const struct jvalue *e = records_nth(&r, "event", 0);
	ck_assert_str_eq(field(e, "location"), "Spinadar");
	ck_assert_str_eq(field(e, "admin2"), "Nad Ali");
	ck_assert_str_eq(field(e, "admin1"), "Helmand");
	records_release(&r);
	extract_text(&r, "KABUL, Afghanistan (May 6, 2011) - In Zabul province, a combined force detained two "
		"suspected insurgents. Elsewhere, in Kunar province, the force killed an insurgent "
		"leader.", NULL, NULL);
	ck_assert_str_eq(field(records_nth(&r, "event", 0), "admin1"), "Zabul");
	ck_assert_str_eq(field(records_nth(&r, "event", 1), "admin1"), "Kunar");
	records_release(&r);
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
	static const char countries[] =
		"iso2\tiso3\tname\taliases\tdemonyms\tcapital\tlat\tlon\tarticle\n"
		"PK\tPAK\tPakistan\t\t\tIslamabad\t33.7\t73.1\t\n"
		"SO\tSOM\tSomalia\t\t\tQoryooley\t2.0\t45.3\t\n";
	void *img = townix_write(table, sizeof(table) - 1, "t.tsv", countries, sizeof(countries) - 1, &len);
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
	/* Each country's run of places, and whether one of them is named as its capital. */
	size_t first, end;
	int capital;
	ck_assert_int_eq(townix_country(ix, "PAK", &first, &end, &capital), 1);
	ck_assert_uint_eq(first, 0);
	ck_assert_uint_eq(end, 2);
	ck_assert_int_eq(capital, 0);
	ck_assert_int_eq(townix_country(ix, "SOM", &first, &end, &capital), 1);
	ck_assert_uint_eq(first, 2);
	ck_assert_uint_eq(end, 3);
	ck_assert_int_eq(capital, 1);
	ck_assert_int_eq(townix_country(ix, "AFG", &first, &end, &capital), 0);
	ck_assert_uint_eq(end, 0);
	townix_close(ix);
	/* Read from a file a page at a time (as the embedded image is): the same answers. */
	FILE *f = tmpfile();
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite("padding", 1, 7, f), 7);
	ck_assert_uint_eq(fwrite(img, 1, len, f), len);
	fflush(f);
	ix = townix_open_paged(img, len, dup(fileno(f)), 7);
	ck_assert_ptr_nonnull(ix);
	memset(img, 0, len); /* what it reads comes from the file */
	ck_assert_str_eq(townix_str(ix, townix_place(ix, 1)->name), "Dera Ghazi Khan");
	ck_assert_uint_eq(townix_match(ix, &t, 2, t.n, out, 4, &n), 3);
	ck_assert_int_eq(out[0], 1);
	ck_assert_uint_eq(townix_lookup(ix, "qoryoley", out, 4), 1);
	ck_assert_int_eq(out[0], 2);
	tokens_release(&t);
	townix_close(ix);
	fclose(f);
	free(img);
	/* Not an image: refused. */
	ck_assert_ptr_null(townix_open(table, sizeof(table)));
}
END_TEST

Suite *suite_places(void)
{
	Suite *s = suite_create("places");
	TCase *tc = tcase_create("places");
	tcase_add_unchecked_fixture(tc, extractor_up, extractor_down);
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
	tcase_add_test(tc, places_village_then_comma_and_its_unit);
	tcase_add_test(tc, places_a_people_gives_its_country);
	tcase_add_test(tc, places_own_name_and_province_lead);
	tcase_add_test(tc, places_possessive_holder_and_village_of);
	tcase_add_test(tc, places_admin1_written_as_acled_names_it);
	suite_add_tcase(s, tc);
	TCase *ti = tcase_create("townindex");
	tcase_add_test(ti, townindex_packs_names_aliases_and_longer_names);
	suite_add_tcase(s, ti);
	return s;
}
