/* Extraction behaviours on short texts written for the purpose. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "io/json.h"
#include "fixture.h"
#include "unit.h"

static long num(const struct jvalue *v, const char *key)
{
	double d;
	return json_get_num(v, key, &d) ? (long)d : -1;
}

START_TEST(extract_weekday_is_latest_on_or_before_publication)
{
	struct records r;
	extract_text(&r, "Taliban fighters seized Kunduz on Saturday.", "2021-08-08", NULL);
	const struct jvalue *e = records_nth(&r, "event", 0);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(json_get_str(e, "event_date"), "2021-08-07");
	ck_assert_int_eq(num(e, "time_precision"), 1);
	ck_assert_str_eq(json_get_str(e, "date_text"), "Saturday");
	records_release(&r);
	extract_text(&r, "Taliban fighters seized Kunduz on Sunday.", "2021-08-08", NULL);
	ck_assert_str_eq(json_get_str(records_nth(&r, "event", 0), "event_date"), "2021-08-08");
	records_release(&r);
}
END_TEST

START_TEST(extract_without_publication_date_keeps_only_date_text)
{
	struct records r;
	extract_text(&r, "Taliban fighters seized Kunduz on Saturday.", NULL, NULL);
	const struct jvalue *e = records_nth(&r, "event", 0);
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(json_kind(json_get(e, "event_date")), JSON_NULL);
	ck_assert_str_eq(json_get_str(e, "date_text"), "Saturday");
	records_release(&r);
}
END_TEST

START_TEST(extract_territory_taken_by_non_state_actor)
{
	struct records r;
	extract_text(&r, "The city of Kunduz fell to the Taliban on Sunday.", "2021-08-08", NULL);
	const struct jvalue *e = records_nth(&r, "event", 0);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(json_get_str(e, "sub_event_type"), "Non-state actor overtakes territory");
	ck_assert_str_eq(json_get_str(e, "actor1"), "Taliban");
	ck_assert_str_eq(json_get_str(e, "location"), "Kunduz");
	ck_assert_str_eq(json_get_str(e, "admin1"), "Kunduz");
	ck_assert_int_eq(num(e, "geo_precision"), 1);
	records_release(&r);
}
END_TEST

START_TEST(extract_one_sentence_with_two_captures_gives_two_events)
{
	struct records r;
	extract_text(&r, "The Taliban seized Zaranj on Friday and took Sheberghan the next day.", "2021-08-08", NULL);
	ck_assert_uint_eq(records_count(&r, "event"), 2);
	ck_assert_str_eq(json_get_str(records_nth(&r, "event", 0), "location"), "Zaranj");
	ck_assert_str_eq(json_get_str(records_nth(&r, "event", 0), "event_date"), "2021-08-06");
	ck_assert_str_eq(json_get_str(records_nth(&r, "event", 1), "location"), "Sheberghan");
	ck_assert_str_eq(json_get_str(records_nth(&r, "event", 1), "event_date"), "2021-08-07");
	records_release(&r);
}
END_TEST

START_TEST(extract_sums_conjoined_victims_of_a_bombing)
{
	struct records r;
	extract_text(&r, "A suicide bombing in Kunduz killed 20 Afghan security forces and five civilians on "
		"Saturday, the Interior Ministry said.", "2021-08-08", NULL);
	const struct jvalue *e = records_nth(&r, "event", 0);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(json_get_str(e, "sub_event_type"), "Suicide bomb");
	ck_assert_int_eq(num(e, "fatalities"), 25);
	ck_assert_str_eq(json_get_str(e, "claimed_by"), "Interior Ministry");
	records_release(&r);
}
END_TEST

START_TEST(extract_killed_and_wounded_dozens_is_no_death_toll)
{
	struct records r;
	extract_text(&r, "Taliban fighters attacked a checkpoint in Kunduz on Saturday and killed and wounded "
		"dozens of soldiers.", "2021-08-08", NULL);
	const struct jvalue *e = records_nth(&r, "event", 0);
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(num(e, "fatalities"), 0);
	records_release(&r);
}
END_TEST

START_TEST(extract_troop_numbers_are_not_events)
{
	struct records r;
	extract_text(&r, "The president said he plans to reduce troops in Afghanistan to 8,600 from 14,000.",
	    "2019-09-01", NULL);
	ck_assert_uint_eq(records_count(&r, "event"), 0);
	records_release(&r);
}
END_TEST

START_TEST(extract_places_of_travel_and_borders_are_not_event_places)
{
	struct records r;
	extract_text(&r, "He drove from Mazar-e-Sharif to Kabul on Sunday. Imam Sahib lies near the border with "
		"Tajikistan.", "2021-06-21", NULL);
	for (size_t i = 0; records_nth(&r, "place", i); i++) {
		const struct jvalue *p = records_nth(&r, "place", i);
		const char *text = json_get_str(p, "text");
		if (!strcmp(text, "Mazar-e-Sharif") || !strcmp(text, "Kabul"))
			ck_assert_str_eq(json_get_str(p, "role"), "movement");
		if (!strcmp(text, "Tajikistan"))
			ck_assert_str_eq(json_get_str(p, "role"), "border");
	}
	records_release(&r);
}
END_TEST

START_TEST(extract_province_and_outskirts_set_geo_precision)
{
	struct records r;
	extract_text(&r, "Insurgents attacked Kunduz province on Monday. Fighting continued on the outskirts of "
		"Taloqan on Tuesday.", "2021-06-22", NULL);
	const struct jvalue *a = records_nth(&r, "event", 0), *b = records_nth(&r, "event", 1);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(num(a, "geo_precision"), 3);
	ck_assert_str_eq(json_get_str(a, "admin1"), "Kunduz");
	ck_assert_int_eq(num(b, "geo_precision"), 2);
	ck_assert_str_eq(json_get_str(b, "location"), "Taloqan");
	records_release(&r);
}
END_TEST

START_TEST(extract_nationality_adjective_is_an_actor_not_a_place)
{
	struct records r;
	extract_text(&r, "Afghan forces clashed with the Taliban in Herat on Monday.", "2021-06-22", NULL);
	ck_assert_uint_eq(records_count(&r, "place"), 1);
	const struct jvalue *e = records_nth(&r, "event", 0);
	ck_assert_str_eq(json_get_str(e, "actor1"), "Military Forces of Afghanistan");
	ck_assert_str_eq(json_get_str(e, "actor2"), "Taliban");
	ck_assert_int_eq(num(e, "inter1"), 1);
	records_release(&r);
}
END_TEST

START_TEST(extract_quotes_get_their_speaker)
{
	struct records r;
	extract_text(&r, "\xE2\x80\x9CThe governor house is under siege and the enemy has lost many men,\xE2\x80\x9D "
		"Mujahid said.", "2019-09-01", NULL);
	const struct jvalue *q = records_nth(&r, "quote", 0);
	ck_assert_ptr_nonnull(q);
	ck_assert_str_eq(json_get_str(q, "speaker"), "Mujahid");
	ck_assert_ptr_nonnull(strstr(json_get_str(q, "text"), "governor house"));
	records_release(&r);
}
END_TEST

/* Regression: the date pass kept a pointer to the sentence's previous date while adding
 * mentions, and the array moved under it once it grew (ASan: heap-use-after-free). One
 * sentence with many dates, the last relative to the one before, makes it grow there. */
START_TEST(extract_many_dates_in_one_sentence)
{
	struct strbuf text = STRBUF_INIT;
	strbuf_addstr(&text, "Militants attacked the base in Kunduz on");
	for (int day = 1; day <= 28; day++)
		strbuf_addf(&text, " %d May and", day);
	for (int day = 1; day <= 28; day++)
		strbuf_addf(&text, " %d June and", day);
	strbuf_addstr(&text, " 29 June, and again the next day, killing five soldiers.");
	struct records r;
	extract_text(&r, text.buf, "2021-07-15", NULL);
	const struct jvalue *e = records_nth(&r, "event", 0);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(json_get_str(e, "event_type"), "Battles");
	records_release(&r);
	strbuf_release(&text);
}
END_TEST

/* clause_break (cues.tsv): a side named after a semicolon, colon, "while", "but" or
 * "although" is outside the trigger's clause; one named in the clause is its target. */
START_TEST(extract_clause_break_ends_the_target_search)
{
	struct records r;
	extract_text(&r, "Gunmen ambushed a bus near Garissa on Monday with police officers nearby.",
		     "2024-05-07", "event");
	ck_assert_str_eq(json_get_str(records_nth(&r, "event", 0), "actor2"), "Police Forces of Kenya");
	records_release(&r);
	extract_text(&r, "Gunmen ambushed a bus near Garissa on Monday; police officers were nearby.",
		     "2024-05-07", "event");
	ck_assert_int_eq(json_kind(json_get(records_nth(&r, "event", 0), "actor2")), JSON_NULL);
	records_release(&r);
	extract_text(&r, "Gunmen ambushed a bus near Garissa on Monday although police officers were "
		     "nearby.", "2024-05-07", "event");
	ck_assert_int_eq(json_kind(json_get(records_nth(&r, "event", 0), "actor2")), JSON_NULL);
	records_release(&r);
}
END_TEST

static long fatalities_of(const char *text)
{
	struct records r;
	extract_text(&r, text, "2023-02-14", "event");
	const struct jvalue *e = records_nth(&r, "event", 0);
	long n = e ? num(e, "fatalities") : -1;
	records_release(&r);
	return n;
}

/* casualties.tsv: a killing verb with "to death" right after it, in the passive, counts its
 * subject; beaten without "to death" kills no one. */
START_TEST(extract_passive_to_death_counts_the_subject)
{
	ck_assert_int_eq(fatalities_of("Two herders were hacked to death by raiders in Baringo on Monday."), 2);
	ck_assert_int_eq(fatalities_of("A shopkeeper was beaten to death by a mob in Eldoret on Monday."), 1);
	ck_assert_int_eq(fatalities_of("A protester was beaten by police in Eldoret on Monday but survived."), 0);
}
END_TEST

/* A killing after "for" is what someone is punished for, not this event's toll; after a
 * claim it is the claim. */
START_TEST(extract_killing_after_for_is_a_motive)
{
	ck_assert_int_eq(fatalities_of("A suspected robber was beaten to death by residents in Kakamega on "
				       "Monday for killing a shopkeeper."), 1);
	ck_assert_int_eq(fatalities_of("Al Shabaab claimed responsibility for killing ten soldiers in "
				       "Mandera on Monday."), 10);
}
END_TEST

/* victim_postmod (cues.tsv): a phrase qualifying the victims stands between them and the
 * passive verb, and a count inside it is not theirs; a speech verb ends the search. */
START_TEST(extract_victims_qualified_before_the_passive_verb)
{
	ck_assert_int_eq(fatalities_of("Five soldiers from a border camp were killed in Mandera on "
				       "Monday."), 5);
	ck_assert_int_eq(fatalities_of("Four gunmen linked to the two camps were shot dead by police in "
				       "Garissa on Monday."), 4);
	ck_assert_int_eq(fatalities_of("Five soldiers from the camp said two militants were killed in "
				       "Mandera on Monday."), 2);
}
END_TEST

/* "the bodies of N ... were found" counts N killed, as "N bodies were found" does; bodies
 * received at a hospital retell a toll. */
START_TEST(extract_bodies_of_victims_found)
{
	ck_assert_int_eq(fatalities_of("The bodies of four farmers were found in a forest near Beni on "
				       "Saturday."), 4);
	struct records r;
	extract_text(&r, "The hospital in Beni received the bodies of four farmers on Saturday.",
		     "2023-02-14", "event");
	ck_assert_uint_eq(records_count(&r, "event"), 0);
	records_release(&r);
}
END_TEST

/* coded_figure (evcounts.c; figure_noun, coding_verb, share_verb in cues.tsv): a coder's
 * statement of the figure kept for the event replaces the count read from the story; "coded
 * as" naming an actor, or with no toll noun before it, states no figure. */
START_TEST(extract_coded_figure_replaces_the_count)
{
	ck_assert_int_eq(fatalities_of("On 12 February 2023, gunmen ambushed a convoy near Baidoa, killing 6 "
				       "soldiers. Deaths coded as 2 (the group's radio claimed 6)."), 2);
	ck_assert_int_eq(fatalities_of("On 12 February 2023, gunmen ambushed a convoy near Baidoa, killing 6 "
				       "soldiers. 6 fatalities split across 3 events and coded as 2 for "
				       "this event."), 2);
	ck_assert_int_eq(fatalities_of("On 12 February 2023, gunmen ambushed a convoy near Baidoa, killing 6 "
				       "soldiers. Casualties are split between 2 events (3)."), 3);
	ck_assert_int_eq(fatalities_of("On 12 February 2023, gunmen (coded as Unidentified Armed Group) "
				       "ambushed a convoy near Baidoa, killing 6 soldiers."), 6);
	ck_assert_int_eq(fatalities_of("On 12 February 2023, gunmen ambushed a convoy near Baidoa, killing 6 "
				       "soldiers. The convoy was recorded as 4 trucks."), 6);
}
END_TEST

/* A participle after a comma (", killing six") has its clause's subject as agent, not the
 * name nearest it; after a speech verb, the subject of what was said. */
START_TEST(extract_participle_agent_is_the_clause_subject)
{
	struct records r;
	extract_text(&r, "Soldiers pursued the rebels into the hills near Beni on Monday, killing six of them.",
		     "2023-02-14", "event");
	const struct jvalue *e = records_nth(&r, "event", 0);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(json_get_str(e, "actor1"), "Military Forces of the Democratic Republic of Congo");
	records_release(&r);
	extract_text(&r, "Police said gunmen raided a farm near Beni on Monday, killing six workers.",
		     "2023-02-14", "event");
	e = records_nth(&r, "event", 0);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(json_get_str(e, "actor1"), "Unidentified Armed Group (Democratic Republic of Congo)");
	records_release(&r);
}
END_TEST

/* An active "hacked to death" has its victims after it, not before ("two men hacked to death
 * a village elder" kills one); a present passive in a headline counts its subject, and a
 * frequency with no date is no event (check recurring). */
START_TEST(extract_to_death_active_and_present_passive)
{
	ck_assert_int_eq(fatalities_of("On 12 February 2023, two men hacked to death a village elder "
				       "in Witu."), 1);
	ck_assert_int_eq(fatalities_of("A teacher is killed by gunmen in Dadaab on Monday."), 1);
	struct records r;
	extract_text(&r, "A herder is killed every week in the feud over grazing land near Isiolo, "
		     "elders say.", "2023-02-14", "event");
	ck_assert_uint_eq(records_count(&r, "event"), 0);
	records_release(&r);
}
END_TEST

/* protest_word (cues.tsv): armed men who block a road are no protesters, but police officers
 * who protest in so many words are, and they are the protesters, not the state stepping in. */
START_TEST(extract_police_who_protest_are_protesters)
{
	struct records r;
	extract_text(&r, "Police officers in Kisumu protested over unpaid allowances on Monday.",
		     "2023-02-14", "event");
	const struct jvalue *e = records_nth(&r, "event", 0);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(json_get_str(e, "sub_event_type"), "Peaceful protest");
	ck_assert_str_eq(json_get_str(e, "actor1"), "Protesters (Kenya)");
	ck_assert_int_eq(json_kind(json_get(e, "actor2")), JSON_NULL);
	records_release(&r);
	extract_text(&r, "Gunmen blocked the highway near Kisumu on Monday.", "2023-02-14", "event");
	ck_assert_uint_eq(records_count(&r, "event"), 0);
	records_release(&r);
}
END_TEST

/* A calendar date one day after publication in a sentence of the past is a time-zone gap, not
 * a plan; later, or with a word of the future, it is a plan. */
START_TEST(extract_date_a_day_after_publication)
{
	struct records r;
	extract_text(&r, "On 15 February 2023, gunmen killed two traders in Witu.", "2023-02-14", "event");
	const struct jvalue *e = records_nth(&r, "event", 0);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(json_get_str(e, "event_date"), "2023-02-15");
	records_release(&r);
	extract_text(&r, "On 15 February 2023, the two militias will sign a truce in Witu.", "2023-02-14",
		     "event");
	ck_assert_uint_eq(records_count(&r, "event"), 0);
	records_release(&r);
	extract_text(&r, "On 17 February 2023, gunmen killed two traders in Witu.", "2023-02-14", "event");
	ck_assert_uint_eq(records_count(&r, "event"), 0);
	records_release(&r);
}
END_TEST

/* check verb_of_event_noun: "launched attacks" lets the noun speak for the verb, but in
 * "Two rockets struck" the counted rockets are the event and "struck" is their verb. */
START_TEST(extract_counted_weapon_before_its_verb)
{
	struct records r;
	extract_text(&r, "Two rockets struck near the airport in Kandahar on Sunday, police said.",
		     "2023-02-14", "event");
	const struct jvalue *e = records_nth(&r, "event", 0);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(json_get_str(e, "sub_event_type"), "Shelling/artillery/missile attack");
	records_release(&r);
}
END_TEST

/* thing_noun (cues.tsv) holds animals too: "killed three elephants" kills no people; "a total
 * of 12 herders" counts the figure after "of", not one person. */
START_TEST(extract_animals_and_a_total_of)
{
	struct records r;
	extract_text(&r, "Poachers killed three elephants in Tsavo on Monday.", "2023-02-14", "event");
	ck_assert_uint_eq(records_count(&r, "event"), 0);
	records_release(&r);
	ck_assert_int_eq(fatalities_of("Poachers killed three rangers in Tsavo on Monday."), 3);
	ck_assert_int_eq(fatalities_of("Gunmen killed a group of 12 herders in Isiolo on Monday."), 12);
	ck_assert_int_eq(fatalities_of("Gunmen killed a herder in Isiolo on Monday."), 1);
}
END_TEST

/* State forces killing protesters: excessive force against protesters, the protesters first;
 * crowd control that kills no one stays a protest with intervention. */
START_TEST(extract_protesters_killed_by_police_is_excessive_force)
{
	struct records r;
	extract_text(&r, "Police fired live bullets at protesters in Nairobi on Monday, killing two people.",
		     "2023-02-14", "event");
	const struct jvalue *e = records_nth(&r, "event", 0);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(json_get_str(e, "sub_event_type"), "Excessive force against protesters");
	ck_assert_str_eq(json_get_str(e, "actor1"), "Protesters (Kenya)");
	ck_assert_str_eq(json_get_str(e, "actor2"), "Police Forces of Kenya");
	records_release(&r);
	extract_text(&r, "Police fired tear gas at protesters in Nairobi on Monday; dozens were injured.",
		     "2023-02-14", "event");
	ck_assert_str_eq(json_get_str(records_nth(&r, "event", 0), "sub_event_type"),
			 "Protest with intervention");
	records_release(&r);
}
END_TEST

Suite *suite_extract(void)
{
	Suite *s = suite_create("extract");
	TCase *tc = tcase_create("events");
	tcase_add_unchecked_fixture(tc, extractor_up, extractor_down);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, extract_weekday_is_latest_on_or_before_publication);
	tcase_add_test(tc, extract_without_publication_date_keeps_only_date_text);
	tcase_add_test(tc, extract_territory_taken_by_non_state_actor);
	tcase_add_test(tc, extract_one_sentence_with_two_captures_gives_two_events);
	tcase_add_test(tc, extract_sums_conjoined_victims_of_a_bombing);
	tcase_add_test(tc, extract_killed_and_wounded_dozens_is_no_death_toll);
	tcase_add_test(tc, extract_troop_numbers_are_not_events);
	tcase_add_test(tc, extract_places_of_travel_and_borders_are_not_event_places);
	tcase_add_test(tc, extract_province_and_outskirts_set_geo_precision);
	tcase_add_test(tc, extract_nationality_adjective_is_an_actor_not_a_place);
	tcase_add_test(tc, extract_many_dates_in_one_sentence);
	tcase_add_test(tc, extract_quotes_get_their_speaker);
	tcase_add_test(tc, extract_clause_break_ends_the_target_search);
	tcase_add_test(tc, extract_passive_to_death_counts_the_subject);
	tcase_add_test(tc, extract_killing_after_for_is_a_motive);
	tcase_add_test(tc, extract_victims_qualified_before_the_passive_verb);
	tcase_add_test(tc, extract_bodies_of_victims_found);
	tcase_add_test(tc, extract_protesters_killed_by_police_is_excessive_force);
	tcase_add_test(tc, extract_coded_figure_replaces_the_count);
	tcase_add_test(tc, extract_participle_agent_is_the_clause_subject);
	tcase_add_test(tc, extract_to_death_active_and_present_passive);
	tcase_add_test(tc, extract_police_who_protest_are_protesters);
	tcase_add_test(tc, extract_date_a_day_after_publication);
	tcase_add_test(tc, extract_counted_weapon_before_its_verb);
	tcase_add_test(tc, extract_animals_and_a_total_of);
	suite_add_tcase(s, tc);
	return s;
}
