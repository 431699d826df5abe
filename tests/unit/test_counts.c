/* How many were killed, injured or detained: each rule on sentences written for it, one where
 * it must apply and one where it must not. Counts are summed over a text's events. */
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
	opts.types = EXTRACT_EVENTS;
	ex = extractor_new(&opts);
	ck_assert_ptr_nonnull(ex);
}

static void teardown(void)
{
	extractor_free(ex);
}

struct totals {
	long killed, injured, detained;
	size_t events;
};

static long field(const struct jvalue *v, const char *key)
{
	double d;
	return json_get_num(v, key, &d) ? (long)d : 0;
}

/* The sums of fatalities, injuries and detained over the events of text. */
static struct totals totals_of(const char *text)
{
	struct doc d;
	struct strbuf out = STRBUF_INIT;
	struct totals t = { 0, 0, 0, 0 };
	doc_init(&d);
	d.doc_id = strdup("t");
	doc_set_published(&d, "2021-05-20", DATE_OPTION); /* within the 60 days of news */
	strbuf_addstr(&d.text, text);
	extractor_run(ex, &d, &out, NULL);
	for (char *p = out.buf, *nl; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		size_t off;
		struct jvalue *rec = json_parse(p, (size_t)(nl - p), &off);
		ck_assert_ptr_nonnull(rec);
		t.killed += field(rec, "fatalities");
		t.injured += field(rec, "injuries");
		t.detained += field(rec, "detained");
		t.events++;
		json_free(rec);
	}
	strbuf_release(&out);
	doc_release(&d);
	return t;
}

#define KILLED(text, n) ck_assert_msg(totals_of(text).killed == (n), "killed %ld, want %d: %s", \
				      totals_of(text).killed, (n), text)
#define INJURED(text, n) ck_assert_msg(totals_of(text).injured == (n), "injured %ld, want %d: %s", \
				       totals_of(text).injured, (n), text)
#define DETAINED(text, n) ck_assert_msg(totals_of(text).detained == (n), "detained %ld, want %d: %s", \
					totals_of(text).detained, (n), text)

START_TEST(counts_a_day_of_the_month_before_a_count_is_not_added_to_it)
{
	KILLED("On 14 April 2021, 6 police officers were killed when gunmen ambushed a patrol "
	       "near Garissa.", 6);
	KILLED("On April 14, 2 traders were shot dead by gunmen in Mandera.", 2);
	KILLED("19 May 2021: 3 people were killed by gunmen near Lokori.", 3);
	/* ... while a list of counts still adds up. */
	KILLED("Gunmen ambushed a patrol near Garissa, killing 6 police officers and 2 traders.", 8);
}
END_TEST

START_TEST(counts_a_time_an_age_a_distance_a_sum_and_a_route_are_not_people)
{
	INJURED("At 11:45, three soldiers were wounded by a roadside bomb near Kismayo.", 3);
	KILLED("A 9-year-old girl was killed when a shell struck a house in Marinka.", 1);
	DETAINED("Police arrested two 16-year-old protesters at an opposition rally in Eldoret.", 2);
	KILLED("Gunmen killed four farmers 12 km from Damboa on Sunday.", 4);
	KILLED("Gunmen stole $5 million, 3 cars and killed two guards at a bank in Kaduna.", 2);
	INJURED("Gunmen opened fire on a police post in Mandera over a Sh 500 bribe and 4 officers "
		"were wounded.", 4);
	KILLED("A bomb on Route 1 killed two soldiers near Kandahar.", 2);
	KILLED("Gunmen shot dead 25 percent of the village's guards in Zurmi.", 0);
}
END_TEST

START_TEST(counts_rockets_vehicles_and_places_are_not_people)
{
	KILLED("Militants fired 30 rockets at the base in Balad, killing two guards.", 2);
	DETAINED("Rebels captured two towns near Beni on Friday.", 0);
	DETAINED("Soldiers raided a camp near Beni and captured two rebel commanders.", 2);
	DETAINED("Troops captured an ADF commander near Beni on Tuesday.", 1);
}
END_TEST

START_TEST(counts_found_dead_and_bodies_are_deaths)
{
	KILLED("Three herders were found dead after an attack by gunmen near Torit.", 3);
	KILLED("A body was found in a ditch after rebels attacked a farm near Bunia.", 1);
	KILLED("Militants bombed the market in Bama, and rescuers recovered 11 bodies.", 11);
	KILLED("Soldiers found a weapons cache after a clash with rebels near Bunia.", 0);
	/* "body" counts only as the noun of a count. */
	KILLED("Rebels shelled the town of Goma, hitting a new body armour workshop.", 0);
}
END_TEST

START_TEST(counts_died_succumbed_and_lost_their_lives_are_deaths)
{
	KILLED("Gunmen attacked a minibus near Lodwar. Both passengers died in hospital.", 2);
	KILLED("A guard succumbed to his wounds after militants stormed the camp in Gao.", 1);
	KILLED("Nine villagers lost their lives when bandits raided Maru.", 9);
	KILLED("A student was shot to death by police during the protest in Khulna.", 1);
	KILLED("A driver died when soldiers opened fire on a car at a checkpoint in Kidal.", 1);
}
END_TEST

START_TEST(counts_vague_words_follow_one_convention_for_every_kind)
{
	KILLED("Soldiers killed several militants in a clash near Kidal.", 3);
	INJURED("Soldiers wounded several militants in a clash near Kidal.", 3);
	DETAINED("Soldiers detained several militants after a clash near Kidal.", 3);
	DETAINED("Police arrested a number of protesters in Harare.", 3);
	DETAINED("Police arrested multiple protesters in Harare.", 3);
	KILLED("Jets struck a rebel camp near Ndele, killing numerous fighters.", 4);
	INJURED("A grenade thrown into a bar in Garissa wounded a few customers.", 2);
	KILLED("Gunmen killed dozens of villagers in a raid near Bokkos.", 12);
	/* A toll the report cannot give is the fewest a plural allows, as "several". */
	KILLED("Troops shelled a rebel base near Tine; an unknown number of fighters were killed.", 3);
	DETAINED("Police detained an unspecified number of protesters in Kasese.", 3);
	/* "unknown" without "number" is no count. */
	KILLED("Troops shelled a rebel base near Tine; the fate of the unknown gunmen is unclear.", 0);
}
END_TEST

START_TEST(counts_a_verb_with_its_own_victims_after_it_is_active)
{
	KILLED("Rebels attacked a base near Beni and vowed to kill two officers.", 0);
	KILLED("Two gunmen killed a teacher in Mandera.", 1);
	KILLED("Two teachers killed in Mandera as gunmen attack school.", 2);
}
END_TEST

START_TEST(counts_named_victims_pronouns_and_outcomes_are_one_each)
{
	KILLED("Soldiers killed Taliban commander Abdul Wali during a raid in Nad Ali.", 1);
	KILLED("An armed man fired on the patrol in Nad Ali. He was engaged and killed.", 1);
	KILLED("The raid in Khost resulted in the death of one insurgent.", 1);
	KILLED("Troops stormed the compound in Gardez, killing Jalal Khan and all three of his "
	       "guards.", 4);
	KILLED("A drone strike near Miranshah killed Chad Rahimi, a bomb maker.", 1);
	KILLED("Soldiers killed a militant commander along with two fighters near Baidoa.", 3);
	KILLED("Soldiers surrounded the house in Jalalabad and killed all four gunmen inside.", 4);
	/* A death that is only a cause of something else reports no count. */
	KILLED("The death of a cleric sparked protests and clashes in Kano.", 0);
	/* Without a determiner, a common noun names nobody in particular. */
	INJURED("Shells hit the town of Vuhledar and the wounded included a 10-year-old boy.", 0);
}
END_TEST

START_TEST(counts_one_incident_told_twice_is_counted_once)
{
	KILLED("Soldiers killed two insurgents in Nawa district on Monday. The soldiers returned "
	       "fire, killing two.", 2);
	KILLED("Police killed several gunmen near Wajir yesterday. Officers returned fire, killing "
	       "several gunmen.", 3);
	KILLED("Troops killed a rebel commander near Beni on Monday. Troops fired at the man, "
	       "killing him.", 1);
	/* Different victims add up. */
	KILLED("Soldiers killed two insurgents in Nawa district on Monday. Two civilians were also "
	       "killed in the crossfire.", 4);
	KILLED("Gunmen killed six soldiers near Dori on Saturday. Troops killed 11 of the "
	       "attackers.", 17);
}
END_TEST

START_TEST(counts_an_exact_figure_replaces_a_vague_one_told_before)
{
	DETAINED("Police detained several suspects in a raid in Garissa on Friday. Four suspects "
		 "were detained after questioning.", 4);
	/* ... but not a figure of another place. */
	INJURED("Russian artillery shelled Kharkiv on Monday, wounding dozens of people. In Odesa, "
		"a drone strike wounded five people.", 17);
}
END_TEST

START_TEST(counts_a_claim_stands_only_without_a_report)
{
	KILLED("An IED exploded under an army truck near Marka on Monday. Al Shabaab claimed to have "
	       "killed four soldiers.", 4);
	KILLED("An IED exploded under an army truck near Marka on Monday, killing two soldiers. Al "
	       "Shabaab claimed 15 soldiers were killed.", 2);
}
END_TEST

START_TEST(counts_past_deeds_of_a_target_are_not_news)
{
	KILLED("Troops detained a militant commander in Kunduz who is linked to an ambush that killed "
	       "six policemen.", 0);
	KILLED("Police shot dead two men accused of killing a herder near Marsabit.", 2);
	KILLED("Fighters linked to the Islamic State attacked a village near Diffa, killing five "
	       "farmers.", 5);
	KILLED("A mine suspected to have been laid by rebels killed three herders near Tessit.", 3);
}
END_TEST

START_TEST(counts_a_tally_over_a_period_is_no_count_of_one_event)
{
	KILLED("Troops killed 30 militants in an offensive near Bama on 1 May.", 30);
	KILLED("Troops have killed 300 militants in offensives near Bama since 1 March.", 0);
	KILLED("Troops have killed 300 militants in offensives near Bama this year.", 0);
	/* ... but a clause of background does not make the count a tally. */
	KILLED("Troops, who have been in Bama since 2019, killed 12 militants near the town on "
	       "1 May.", 12);
	KILLED("Bombings near Bama have killed 80 civilians over the past three months.", 0);
}
END_TEST

START_TEST(counts_a_named_person_killed_is_one)
{
	KILLED("Abdi Warsame, a district elder, was shot dead by gunmen in Beledweyne.", 1);
	KILLED("Abdi Warsame was wounded when gunmen attacked his car in Beledweyne.", 0);
}
END_TEST

START_TEST(counts_a_person_named_by_a_role_of_someone_is_one)
{
	KILLED("Gunmen shot dead the driver of an MP on the road to Garissa.", 1);
	KILLED("Gunmen shot dead the guard of a senator on the road to Garissa.", 1);
	/* The head is no person: the car of a judge. */
	INJURED("A bomb wrecked the car of a judge on the road to Garissa.", 0);
}
END_TEST

START_TEST(counts_one_victim_and_a_counted_group_after_and_add_up)
{
	KILLED("A herder and his four sons were killed when raiders attacked their camp near Kapedo.", 5);
	KILLED("Two guards and their three drivers were killed in an ambush near Kapedo.", 5);
	INJURED("A teacher and her two pupils were wounded when a shell hit their school in Izium.", 3);
	/* Only when the casualty verb follows the whole subject. */
	KILLED("A farmer and his two sons fled as gunmen shot dead a guard near Kapedo.", 1);
}
END_TEST

Suite *suite_counts(void)
{
	Suite *s = suite_create("counts");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, counts_a_day_of_the_month_before_a_count_is_not_added_to_it);
	tcase_add_test(tc, counts_a_time_an_age_a_distance_a_sum_and_a_route_are_not_people);
	tcase_add_test(tc, counts_rockets_vehicles_and_places_are_not_people);
	tcase_add_test(tc, counts_found_dead_and_bodies_are_deaths);
	tcase_add_test(tc, counts_died_succumbed_and_lost_their_lives_are_deaths);
	tcase_add_test(tc, counts_vague_words_follow_one_convention_for_every_kind);
	tcase_add_test(tc, counts_a_verb_with_its_own_victims_after_it_is_active);
	tcase_add_test(tc, counts_named_victims_pronouns_and_outcomes_are_one_each);
	tcase_add_test(tc, counts_one_incident_told_twice_is_counted_once);
	tcase_add_test(tc, counts_an_exact_figure_replaces_a_vague_one_told_before);
	tcase_add_test(tc, counts_a_claim_stands_only_without_a_report);
	tcase_add_test(tc, counts_past_deeds_of_a_target_are_not_news);
	tcase_add_test(tc, counts_a_named_person_killed_is_one);
	tcase_add_test(tc, counts_a_tally_over_a_period_is_no_count_of_one_event);
	tcase_add_test(tc, counts_one_victim_and_a_counted_group_after_and_add_up);
	tcase_add_test(tc, counts_a_person_named_by_a_role_of_someone_is_one);
	suite_add_tcase(s, tc);
	return s;
}
