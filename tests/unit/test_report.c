/* The report: escaping per context, string pool, projection and outlines, the page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/strpool.h"
#include "io/json.h"
#include "report/dataset.h"
#include "report/htmlesc.h"
#include "report/report.h"
#include "report/worldmap.h"
#include "unit.h"

static size_t count_of(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

START_TEST(html_text_shows_a_script_element_as_text)
{
	struct strbuf sb = STRBUF_INIT;
	html_text_str(&sb, "killed six <script>alert(1)</script> & more\x01");
	ck_assert_str_eq(sb.buf, "killed six &lt;script&gt;alert(1)&lt;/script&gt; &amp; more ");
	strbuf_release(&sb);
}
END_TEST

START_TEST(html_attr_keeps_a_value_inside_its_attribute)
{
	struct strbuf sb = STRBUF_INIT;
	html_attr_str(&sb, "\"><img src=x onerror=alert(1)>'\n");
	ck_assert_str_eq(sb.buf, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39; ");
	ck_assert_ptr_null(strchr(sb.buf, '"'));
	ck_assert_ptr_null(strchr(sb.buf, '<'));
	strbuf_release(&sb);
}
END_TEST

START_TEST(html_script_str_cannot_close_the_script_and_reads_back_as_json)
{
	static const char value[] = "</script><!-- \"q\" \\ a\xe2\x80\xa8" "b\n&";
	struct strbuf sb = STRBUF_INIT;
	strbuf_addch(&sb, '"');
	html_script_str(&sb, value, strlen(value));
	strbuf_addch(&sb, '"');
	ck_assert_ptr_null(strchr(sb.buf, '<'));
	ck_assert_ptr_null(strchr(sb.buf, '>'));
	ck_assert_ptr_null(strstr(sb.buf, "\xe2\x80\xa8"));
	size_t off;
	struct jvalue *v = json_parse(sb.buf, sb.len, &off);
	ck_assert_ptr_nonnull(v);
	ck_assert_str_eq(json_string(v), value);
	json_free(v);
	strbuf_release(&sb);
}
END_TEST

START_TEST(strpool_gives_one_id_per_distinct_string_and_keeps_pointers)
{
	struct strpool p;
	strpool_init(&p);
	ck_assert_uint_eq(strpool_intern(&p, "", 0), 0);
	uint32_t kabul = strpool_intern(&p, "Kabul", 5);
	const char *kept = strpool_str(&p, kabul);
	char name[32];
	for (int i = 0; i < 20000; i++) {
		snprintf(name, sizeof(name), "place %d", i);
		ck_assert_uint_eq(strpool_intern(&p, name, strlen(name)), (uint32_t)i + 2);
	}
	ck_assert_uint_eq(strpool_intern(&p, "Kabul", 5), kabul);
	ck_assert_ptr_eq(strpool_str(&p, kabul), kept);
	ck_assert_str_eq(strpool_str(&p, 20001), "place 19999");
	ck_assert_uint_eq(strpool_len(&p, 20001), 11);
	ck_assert_uint_eq(strpool_count(&p), 20002);
	strpool_release(&p);
}
END_TEST

START_TEST(projection_fits_the_events_inside_the_view)
{
	struct projection p;
	struct geo_box box = { 60.5, 71.5, 29.4, 38.5 }; /* Afghanistan, roughly */
	projection_fit(&p, box, 1000, 380, 620);
	ck_assert(p.height >= 380 && p.height <= 620);
	double xs[] = { proj_x(&p, box.west), proj_x(&p, box.east) };
	double ys[] = { proj_y(&p, box.north), proj_y(&p, box.south) };
	for (int i = 0; i < 2; i++) {
		ck_assert(xs[i] > 0 && xs[i] < p.width);
		ck_assert(ys[i] > 0 && ys[i] < p.height);
	}
	struct geo_box town = { 69.17, 69.17, 34.53, 34.53 }; /* one point: still a region */
	projection_fit(&p, town, 1000, 380, 620);
	ck_assert(p.width / p.kx >= 3.0);
}
END_TEST

START_TEST(worldmap_draws_the_neighbours_of_the_view_clipped_to_it)
{
	struct projection p;
	projection_fit(&p, (struct geo_box){ 60.5, 71.5, 29.4, 38.5 }, 1000, 380, 620);
	struct strbuf sb = STRBUF_INIT;
	ck_assert_int_ge(worldmap_draw(&sb, &p), 4);
	ck_assert_ptr_nonnull(strstr(sb.buf, "<title>Afghanistan</title>"));
	ck_assert_ptr_nonnull(strstr(sb.buf, "<title>Pakistan</title>"));
	ck_assert_ptr_nonnull(strstr(sb.buf, "<title>Iran</title>"));
	ck_assert_ptr_null(strstr(sb.buf, "<title>Brazil</title>"));
	/* every ring starts inside the clipping margin */
	for (const char *m = sb.buf; (m = strstr(m, "M")); m++) {
		double x, y;
		if (sscanf(m, "M%lf %lf", &x, &y) != 2)
			continue;
		ck_assert(x >= -9 && x <= p.width + 9 && y >= -9 && y <= p.height + 9);
	}
	strbuf_release(&sb);
}
END_TEST

START_TEST(dataset_sorts_by_date_keeping_input_order_and_undated_last)
{
	static const char *const recs[] = {
		"{\"type\":\"event\",\"event_id\":\"a\",\"event_date\":\"2021-08-09\",\"event_type\":\"Riots\"}",
		"{\"type\":\"event\",\"event_id\":\"b\",\"event_date\":null,\"event_type\":\"Battles\"}",
		"{\"type\":\"event\",\"event_id\":\"c\",\"event_date\":\"2021-08-08\",\"event_type\":\"Battles\"}",
		"{\"type\":\"event\",\"event_id\":\"d\",\"event_date\":\"2021-08-09\",\"event_type\":\"Nope\"}",
	};
	struct dataset ds;
	ck_assert_int_eq(dataset_init(&ds), 0);
	ck_assert_uint_eq(ds.n_types, 6);
	for (size_t i = 0; i < 4; i++) {
		size_t off;
		struct jvalue *v = json_parse(recs[i], strlen(recs[i]), &off);
		ck_assert_int_eq(dataset_add(&ds, v, "test"), 0);
		json_free(v);
	}
	dataset_sort_events(&ds);
	const char *order[] = { "c", "a", "d", "b" };
	for (size_t i = 0; i < 4; i++)
		ck_assert_str_eq(ds_str(&ds, ds.events[i].event_id), order[i]);
	ck_assert_uint_eq(ds.events[0].type, 0);   /* Battles: first in the schema */
	ck_assert_uint_eq(ds.events[2].type, 6);   /* not a schema type */
	dataset_release(&ds);
}
END_TEST

static char *page_of(const char *const *lines, size_t n)
{
	struct report_opts ro = { "Test <page>", "sitrep test" };
	struct report *r = report_new(&ro);
	ck_assert_ptr_nonnull(r);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(report_add_line(r, lines[i], strlen(lines[i]), "test"), 0);
	FILE *fp = tmpfile();
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(report_write(r, fp), 0);
	long len = ftell(fp);
	char *buf = malloc((size_t)len + 1);
	rewind(fp);
	ck_assert_uint_eq(fread(buf, 1, (size_t)len, fp), (size_t)len);
	buf[len] = '\0';
	fclose(fp);
	report_free(r);
	return buf;
}

START_TEST(report_has_a_row_per_event_a_mark_per_located_one_and_no_url)
{
	static const char *const lines[] = {
		"{\"type\":\"event\",\"event_id\":\"a\",\"event_date\":\"2021-08-09\",\"event_type\":"
		"\"Battles\",\"latitude\":36.7,\"longitude\":68.9,\"fatalities\":3,\"notes\":\"x\"}",
		"{\"type\":\"place\",\"text\":\"Kunduz\",\"latitude\":36.7,\"longitude\":68.9}",
		"{\"type\":\"event\",\"event_id\":\"b\",\"event_type\":\"Protests\",\"notes\":\"y\"}",
		"{\"type\":\"event\",\"event_id\":\"c\",\"event_type\":\"Riots\",\"latitude\":91,"
		"\"longitude\":0,\"notes\":\"z\"}",
	};
	char *page = page_of(lines, 3 + 1);
	const char *tbody = strstr(page, "<tbody"), *end = strstr(page, "</tbody>");
	ck_assert_ptr_nonnull(tbody);
	ck_assert_ptr_nonnull(end);
	size_t rows = 0;
	for (const char *p = tbody; (p = strstr(p, "<tr")) && p < end; p++)
		rows++;
	ck_assert_uint_eq(rows, 3);
	ck_assert_uint_eq(count_of(page, "class=\"event-mark"), 1); /* latitude 91 is no place */
	ck_assert_uint_eq(count_of(page, "<title>Test &lt;page&gt;</title>"), 1);
	ck_assert_uint_eq(count_of(page, "src="), 0);
	ck_assert_uint_eq(count_of(page, "href=\"http"), 0);
	ck_assert_uint_eq(count_of(page, "url("), 0);
	ck_assert_ptr_nonnull(strstr(page, "Content-Security-Policy\" content=\"default-src 'none'"));
	free(page);
}
END_TEST

Suite *suite_report(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 60); /* a loaded machine under the sanitizers */
	tcase_add_test(tc, html_text_shows_a_script_element_as_text);
	tcase_add_test(tc, html_attr_keeps_a_value_inside_its_attribute);
	tcase_add_test(tc, html_script_str_cannot_close_the_script_and_reads_back_as_json);
	tcase_add_test(tc, strpool_gives_one_id_per_distinct_string_and_keeps_pointers);
	tcase_add_test(tc, projection_fits_the_events_inside_the_view);
	tcase_add_test(tc, worldmap_draws_the_neighbours_of_the_view_clipped_to_it);
	tcase_add_test(tc, dataset_sorts_by_date_keeping_input_order_and_undated_last);
	tcase_add_test(tc, report_has_a_row_per_event_a_mark_per_located_one_and_no_url);
	suite_add_tcase(s, tc);
	return s;
}
