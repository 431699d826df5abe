/* dedup: the pair rule, the external sort and the merged record. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "dedup/keysort.h"
#include "dedup/match.h"
#include "dedup/merge.h"
#include "io/flatjson.h"
#include "io/json.h"
#include "io/schema.h"
#include "unit.h"

/* The fields a test varies; NULL strings are written as null. */
struct ev {
	const char *doc, *date, *date_text, *sub, *actor1, *actor2;
	const char *iso3, *admin1, *admin2, *location;
	double lat, lon;
	int geo_precision, time_precision, fatalities, low, high; /* low, high -1: null */
};

/* A town in Kunduz province, fought over by the Taliban and the army on 14 March. */
static const struct ev town = { "doc-a", "2023-03-14", "Tuesday", "Armed clash", "Taliban",
	"Military Forces of Afghanistan", "AFG", "Kunduz", "Kunduz", "Kunduz", 36.729, 68.857, 1, 1,
	0, -1, -1 };

static void add_str(struct strbuf *sb, const char *key, const char *val)
{
	if (val)
		strbuf_addf(sb, ",\"%s\":\"%s\"", key, val);
	else
		strbuf_addf(sb, ",\"%s\":null", key);
}

static void add_count(struct strbuf *sb, const char *key, int val)
{
	if (val >= 0)
		strbuf_addf(sb, ",\"%s\":%d", key, val);
	else
		strbuf_addf(sb, ",\"%s\":null", key);
}

static void event_line(const struct ev *e, int n, struct strbuf *sb)
{
	strbuf_reset(sb);
	strbuf_addstr(sb, "{\"type\":\"event\"");
	add_str(sb, "doc_id", e->doc);
	strbuf_addf(sb, ",\"event_id\":\"%s-e%d\"", e->doc, n);
	add_str(sb, "event_date", e->date);
	strbuf_addf(sb, ",\"time_precision\":%d", e->time_precision);
	add_str(sb, "date_text", e->date_text);
	add_str(sb, "event_type", "Battles");
	add_str(sb, "sub_event_type", e->sub);
	add_str(sb, "actor1", e->actor1);
	add_str(sb, "actor2", e->actor2);
	add_str(sb, "country", e->iso3 ? "Afghanistan" : NULL);
	add_str(sb, "iso3", e->iso3);
	add_str(sb, "admin1", e->admin1);
	add_str(sb, "admin2", e->admin2);
	add_str(sb, "location", e->location);
	strbuf_addf(sb, ",\"latitude\":%.4f,\"longitude\":%.4f", e->lat, e->lon);
	strbuf_addf(sb, ",\"geo_precision\":%d", e->geo_precision);
	strbuf_addf(sb, ",\"fatalities\":%d", e->fatalities);
	add_count(sb, "fatalities_low", e->low);
	add_count(sb, "fatalities_high", e->high);
	strbuf_addf(sb, ",\"source\":\"%s press\",\"notes\":\"n\"}", e->doc);
}

static struct dedup_rules rules;

static void rules_up(void)
{
	ck_assert_int_eq(dedup_rules_load(&rules, 1, 25), 0);
}

static void rules_down(void)
{
	dedup_rules_release(&rules);
}

/* The key of e; returns dkey_build's verdict (0 usable). */
static int key_of(const struct ev *e, struct dkey *k, const char **why)
{
	struct strbuf sb = STRBUF_INIT;
	struct flat_field f[MERGE_MAX_FIELDS];
	event_line(e, 1, &sb);
	int n = flatjson_parse(sb.buf, sb.len, f, MERGE_MAX_FIELDS);
	ck_assert_int_gt(n, 0);
	memset(k, 0, sizeof(*k));
	int rc = (int)dkey_build(&rules, f, n, k, why);
	strbuf_release(&sb);
	return rc;
}

static enum dedup_verdict judge(const struct ev *a, const struct ev *b, struct dedup_pair *pr)
{
	struct dkey ka, kb;
	const char *why;
	ck_assert_int_eq(key_of(a, &ka, &why), DKEY_OK);
	ck_assert_int_eq(key_of(b, &kb, &why), DKEY_OK);
	dedup_pair(&rules, &ka, &kb, pr);
	struct dedup_pair back;
	dedup_pair(&rules, &kb, &ka, &back);
	ck_assert_int_eq(back.verdict, pr->verdict); /* the rule is symmetric */
	return pr->verdict;
}

START_TEST(every_sub_event_type_of_the_schema_has_a_dedup_row)
{
	struct schema_set set;
	ck_assert_int_eq(schema_load_all(&set), 0);
	const struct schema *ev = schema_for_type(&set, "event");
	const struct jvalue *subs = json_get(json_get(json_get(ev->json, "properties"), "sub_event_type"), "enum");
	int n = 0;
	for (const struct jvalue *v = json_child(subs); v; v = json_next(v), n++)
		ck_assert_msg(dedup_type_index(&rules, json_string(v), strlen(json_string(v))) >= 0,
			      "no row for '%s'", json_string(v));
	ck_assert_int_eq(n, (int)rules.n_types);
	schema_free_all(&set);
}
END_TEST

START_TEST(a_blast_in_a_town_and_in_its_province_is_one_event)
{
	struct ev a = town, b = town;
	struct dedup_pair pr;
	a.sub = "Suicide bomb";
	b.doc = "doc-b";
	b.sub = "Remote explosive/landmine/IED";
	b.location = "Kunduz";
	b.admin2 = NULL;
	b.geo_precision = 3; /* the province, coded at its capital */
	b.lat = 36.70;
	ck_assert_int_eq(judge(&a, &b, &pr), DV_MATCH);
	ck_assert_int_eq(pr.place, PA_SAME);
	b.location = "Kunduz Province";
	b.admin1 = "Kunduz Province";
	a.admin1 = "Kunduz Province";
	ck_assert_int_eq(judge(&a, &b, &pr), DV_MATCH);
	ck_assert_int_eq(pr.place, PA_INSIDE);
	a.admin1 = "Baghlan";
	ck_assert_int_eq(judge(&a, &b, &pr), DV_PLACE);
}
END_TEST

START_TEST(points_agree_within_the_distance_and_not_beyond)
{
	struct ev a = town, b = town;
	struct dedup_pair pr;
	b.doc = "doc-b";
	b.location = "Chardara";
	b.admin2 = "Chardara";
	b.lat = 36.729 + 0.1; /* 11 km north */
	ck_assert_int_eq(judge(&a, &b, &pr), DV_MATCH);
	ck_assert_int_eq(pr.place, PA_NEAR);
	ck_assert(fabs(pr.km - 11.1) < 0.2);
	b.lat = 36.729 + 0.3; /* 33 km */
	ck_assert_int_eq(judge(&a, &b, &pr), DV_PLACE);
	b.lat = 36.729;
	b.lon = 68.857 + 0.25; /* 22 km east at this latitude */
	ck_assert_int_eq(judge(&a, &b, &pr), DV_MATCH);
}
END_TEST

START_TEST(dates_worked_out_may_be_a_day_apart_but_written_days_must_agree)
{
	struct ev a = town, b = town;
	struct dedup_pair pr;
	b.doc = "doc-b";
	b.date = "2023-03-15";
	b.date_text = "Wednesday";
	ck_assert_int_eq(judge(&a, &b, &pr), DV_MATCH);
	ck_assert_int_eq(pr.days_apart, 1);
	b.date = "2023-03-16";
	ck_assert_int_eq(judge(&a, &b, &pr), DV_DATE);
	a.date_text = "14 March";
	b.date = "2023-03-15";
	b.date_text = "March 15";
	ck_assert_int_eq(judge(&a, &b, &pr), DV_DATE);
	b.date_text = "on Wednesday";
	ck_assert_int_eq(judge(&a, &b, &pr), DV_MATCH);
}
END_TEST

START_TEST(a_date_known_to_the_week_or_month_reaches_further)
{
	struct ev a = town, b = town;
	struct dedup_pair pr;
	b.doc = "doc-b";
	b.date = "2023-03-20";
	b.date_text = "last week";
	b.time_precision = 2;
	ck_assert_int_eq(judge(&a, &b, &pr), DV_MATCH);
	b.date = "2023-03-23"; /* 9 days: a week and the day of slack, and one more */
	ck_assert_int_eq(judge(&a, &b, &pr), DV_DATE);
	b.time_precision = 3;
	ck_assert_int_eq(judge(&a, &b, &pr), DV_MATCH);
}
END_TEST

START_TEST(incompatible_types_and_contradicting_actors_keep_events_apart)
{
	struct ev a = town, b = town;
	struct dedup_pair pr;
	b.doc = "doc-b";
	b.sub = "Peaceful protest";
	ck_assert_int_eq(judge(&a, &b, &pr), DV_TYPE);
	b.sub = "Non-state actor overtakes territory";
	ck_assert_int_eq(judge(&a, &b, &pr), DV_MATCH);
	a.sub = "Suicide bomb";
	b.sub = "Attack";
	ck_assert_int_eq(judge(&a, &b, &pr), DV_MATCH);
	b.sub = "Air/drone strike";
	ck_assert_int_eq(judge(&a, &b, &pr), DV_TYPE);
	b.sub = "Suicide bomb";
	b.actor1 = "Islamic State (Khorasan Province)";
	ck_assert_int_eq(judge(&a, &b, &pr), DV_ACTORS);
}
END_TEST

START_TEST(swapped_and_unnamed_actors_do_not_contradict)
{
	struct ev a = town, b = town;
	struct dedup_pair pr;
	b.doc = "doc-b";
	b.actor1 = town.actor2;
	b.actor2 = town.actor1;
	ck_assert_int_eq(judge(&a, &b, &pr), DV_MATCH);
	ck_assert_int_eq(pr.swapped, 1);
	b.actor1 = "Unidentified Armed Group (Afghanistan)";
	b.actor2 = town.actor2;
	ck_assert_int_eq(judge(&a, &b, &pr), DV_MATCH);
	ck_assert_int_eq(pr.swapped, 0);
	b.actor1 = NULL;
	b.actor2 = NULL;
	ck_assert_int_eq(judge(&a, &b, &pr), DV_MATCH);
}
END_TEST

START_TEST(events_of_one_document_or_of_two_countries_never_match)
{
	struct ev a = town, b = town;
	struct dedup_pair pr;
	ck_assert_int_eq(judge(&a, &b, &pr), DV_SAME_DOC);
	b.doc = "doc-b";
	b.iso3 = "PAK";
	ck_assert_int_eq(judge(&a, &b, &pr), DV_COUNTRY);
}
END_TEST

START_TEST(an_event_without_a_date_or_a_place_cannot_be_matched)
{
	struct ev e = town;
	struct dkey k;
	const char *why;
	e.date = NULL;
	ck_assert_int_eq(key_of(&e, &k, &why), DKEY_ALONE);
	ck_assert_str_eq(why, "no date");
	e = town;
	e.iso3 = NULL;
	ck_assert_int_eq(key_of(&e, &k, &why), DKEY_ALONE);
	ck_assert_str_eq(why, "no country");
	e = town;
	e.location = "Afghanistan";
	e.admin1 = e.admin2 = NULL;
	e.geo_precision = 3;
	ck_assert_int_eq(key_of(&e, &k, &why), DKEY_ALONE);
	ck_assert_str_eq(why, "placed only by its country");
	e = town;
	e.sub = "Skirmish";
	ck_assert_int_eq(key_of(&e, &k, &why), DKEY_ALONE);
	ck_assert_str_eq(why, "unknown sub_event_type");
}
END_TEST

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

START_TEST(keysort_merges_runs_on_disk_into_one_order)
{
	for (size_t run = 1; run <= 1000; run *= 10) {
		struct keysort *ks = keysort_new(sizeof(uint64_t), run, cmp_u64);
		uint64_t x = 88172645463325252ull, prev = 0, got;
		size_t n = 0;
		for (int i = 0; i < 5000; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			uint64_t v = x % 1000; /* many equal keys */
			ck_assert_int_eq(keysort_add(ks, &v), 0);
		}
		while (keysort_next(ks, &got) == 1) {
			ck_assert(got >= prev);
			prev = got;
			n++;
		}
		ck_assert_uint_eq(n, 5000);
		ck_assert_uint_eq(keysort_runs(ks), run == 1000 ? 5 : 5000 / run);
		keysort_free(ks);
	}
}
END_TEST

/* Merge the reports and return the merged event (parsed); mentions counted in *mentions. */
static struct jvalue *merge_of(const struct ev *reports, size_t n, int *mentions)
{
	struct strbuf lines[4], out = STRBUF_INIT, id = STRBUF_INIT;
	struct member m[4];
	const char *why;
	for (size_t i = 0; i < n; i++) {
		strbuf_init(&lines[i], 0);
		event_line(&reports[i], (int)i + 1, &lines[i]);
		m[i].line = lines[i].buf;
		m[i].len = lines[i].len;
		m[i].n = flatjson_parse(m[i].line, m[i].len, m[i].f, MERGE_MAX_FIELDS);
		memset(&m[i].key, 0, sizeof(m[i].key));
		ck_assert_int_eq(dkey_build(&rules, m[i].f, m[i].n, &m[i].key, &why), DKEY_OK);
	}
	merge_write(&rules, m, n, &out, &id);
	size_t off;
	const char *nl = strchr(out.buf, '\n');
	struct jvalue *ev = json_parse(out.buf, (size_t)(nl - out.buf), &off);
	ck_assert_ptr_nonnull(ev);
	*mentions = 0;
	for (const char *p = nl + 1; *p; p = strchr(p, '\n') + 1)
		*mentions += !strncmp(p, "{\"type\":\"mention\"", 17);
	for (size_t i = 0; i < n; i++)
		strbuf_release(&lines[i]);
	strbuf_release(&out);
	strbuf_release(&id);
	return ev;
}

static double num(const struct jvalue *v, const char *key)
{
	double d = -1;
	return json_get_num(v, key, &d) ? d : -1;
}

START_TEST(a_merged_event_keeps_the_lowest_toll_and_spans_the_reports)
{
	struct ev r[3] = { town, town, town };
	int mentions;
	r[0].fatalities = r[0].low = 11;
	r[1].doc = "doc-b";
	r[1].fatalities = r[1].low = 14;
	r[1].sub = "Non-state actor overtakes territory";
	r[2].doc = "doc-c";
	r[2].fatalities = r[2].low = 9;
	r[2].high = 16;
	r[2].date = "2023-03-15";
	struct jvalue *ev = merge_of(r, 3, &mentions);
	ck_assert_int_eq(mentions, 3);
	ck_assert(num(ev, "fatalities") == 9 && num(ev, "fatalities_low") == 9);
	ck_assert(num(ev, "fatalities_high") == 16);
	ck_assert(num(ev, "source_count") == 3);
	ck_assert_str_eq(json_get_str(ev, "sub_event_type"), "Non-state actor overtakes territory");
	ck_assert_str_eq(json_get_str(ev, "event_date"), "2023-03-14");
	ck_assert(num(ev, "time_precision") == 1);
	ck_assert_str_eq(json_get_str(ev, "source"), "doc-a press; doc-b press; doc-c press");
	ck_assert_str_eq(json_get_str(ev, "event_id"), "m:doc-b-e2");
	json_free(ev);
	/* A report that gives no toll does not pull the count to zero. */
	r[1].fatalities = 0;
	r[1].low = -1;
	r[2].date = "2023-03-17"; /* and dates three days apart widen the precision */
	ev = merge_of(r, 3, &mentions);
	ck_assert(num(ev, "fatalities") == 9);
	ck_assert(num(ev, "time_precision") == 2);
	json_free(ev);
}
END_TEST

START_TEST(a_lone_report_is_written_as_it_came_with_a_new_id)
{
	struct ev r = town;
	int mentions;
	r.fatalities = 5;
	r.low = -1;
	struct jvalue *ev = merge_of(&r, 1, &mentions);
	ck_assert_int_eq(mentions, 1);
	ck_assert_str_eq(json_get_str(ev, "event_id"), "m:doc-a-e1");
	ck_assert(num(ev, "fatalities") == 5 && num(ev, "fatalities_low") == -1);
	ck_assert(num(ev, "source_count") == 1);
	ck_assert_str_eq(json_get_str(ev, "source"), "doc-a press");
	json_free(ev);
}
END_TEST

Suite *suite_dedup(void)
{
	Suite *s = suite_create("dedup");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, rules_up, rules_down);
	tcase_add_test(tc, every_sub_event_type_of_the_schema_has_a_dedup_row);
	tcase_add_test(tc, a_blast_in_a_town_and_in_its_province_is_one_event);
	tcase_add_test(tc, points_agree_within_the_distance_and_not_beyond);
	tcase_add_test(tc, dates_worked_out_may_be_a_day_apart_but_written_days_must_agree);
	tcase_add_test(tc, a_date_known_to_the_week_or_month_reaches_further);
	tcase_add_test(tc, incompatible_types_and_contradicting_actors_keep_events_apart);
	tcase_add_test(tc, swapped_and_unnamed_actors_do_not_contradict);
	tcase_add_test(tc, events_of_one_document_or_of_two_countries_never_match);
	tcase_add_test(tc, an_event_without_a_date_or_a_place_cannot_be_matched);
	tcase_add_test(tc, keysort_merges_runs_on_disk_into_one_order);
	tcase_add_test(tc, a_merged_event_keeps_the_lowest_toll_and_spans_the_reports);
	tcase_add_test(tc, a_lone_report_is_written_as_it_came_with_a_new_id);
	suite_add_tcase(s, tc);
	return s;
}
