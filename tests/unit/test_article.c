/* Article cleaning: datelines, bylines, boilerplate. */
#include <stdlib.h>
#include <string.h>

#include "parse/article.h"
#include "parse/dateline.h"
#include "base/dates.h"
#include "io/doc.h"
#include "unit.h"

static size_t dateline(const char *para, char **place, struct ymd *date)
{
	*place = NULL;
	*date = (struct ymd){ 0, 0, 0 };
	return dateline_at(para, (struct ymd){ 0, 0, 0 }, 0, place, date);
}

START_TEST(article_datelines_of_wire_styles)
{
	char *place;
	struct ymd d;
	ck_assert_uint_gt(dateline("KABUL, Afghanistan (Jan. 25, 2013) \xE2\x80\x93 Text", &place, &d), 0);
	ck_assert_str_eq(place, "KABUL, Afghanistan");
	ck_assert(d.y == 2013 && d.m == 1 && d.d == 25);
	free(place);
	ck_assert_uint_gt(dateline("KUNDUZ, Afghanistan (AP) \xE2\x80\x94 Text", &place, &d), 0);
	ck_assert_str_eq(place, "KUNDUZ, Afghanistan");
	ck_assert_int_eq(d.y, 0);
	free(place);
	ck_assert_uint_gt(dateline("Kabul, 8 August 2021: Text", &place, &d), 0);
	ck_assert_str_eq(place, "Kabul");
	ck_assert(d.y == 2021 && d.m == 8 && d.d == 8);
	free(place);
	ck_assert_uint_gt(dateline("BEIRUT (Reuters) - Text", &place, &d), 0);
	ck_assert_str_eq(place, "BEIRUT");
	free(place);
}
END_TEST

START_TEST(article_ordinary_sentences_are_not_datelines)
{
	char *place;
	struct ymd d;
	ck_assert_uint_eq(dateline("Taliban fighters on Monday took control - police said.", &place, &d), 0);
	ck_assert_uint_eq(dateline("Officials in Baghlan province said the insurgents were near.", &place, &d), 0);
}
END_TEST

START_TEST(article_removes_boilerplate_and_counts_it)
{
	static const char text[] =
		"Site Name\n\nA Title Here\n\nA Title Here\n\nJane Doe \xE2\x80\x93 Example News\n\n"
		"Militants attacked a checkpoint on Sunday, officials said, adding that two were hurt.\n\n"
		"Download the Example app for the latest news\n\nNo comments:\nPost a Comment\n";
	struct doc d;
	doc_init(&d);
	article_from_bytes(&d, text, strlen(text), ARTICLE_FIND_TITLE | ARTICLE_HEADER_BLOCK);
	ck_assert_str_eq(d.title, "A Title Here");
	ck_assert_str_eq(d.author, "Jane Doe");
	ck_assert_str_eq(d.publisher, "Example News");
	ck_assert_ptr_null(strstr(d.text.buf, "Download"));
	ck_assert_ptr_null(strstr(d.text.buf, "Comment"));
	ck_assert_ptr_nonnull(strstr(d.text.buf, "Militants attacked"));
	ck_assert_int_ge(d.removed, 4);
	doc_release(&d);
}
END_TEST

START_TEST(article_header_block_sets_metadata)
{
	static const char text[] = "Title: T\nDate: 2021-08-09\nPublisher: P\nURL: https://x.example\n\nBody.\n";
	struct doc d;
	doc_init(&d);
	article_from_bytes(&d, text, strlen(text), ARTICLE_FIND_TITLE | ARTICLE_HEADER_BLOCK);
	ck_assert_str_eq(d.title, "T");
	ck_assert_str_eq(d.published, "2021-08-09");
	ck_assert_str_eq(d.publisher, "P");
	ck_assert_str_eq(d.url, "https://x.example");
	ck_assert_str_eq(d.text.buf, "Body.");
	doc_release(&d);
}
END_TEST

START_TEST(article_stronger_date_sources_win)
{
	struct doc d;
	doc_init(&d);
	ck_assert(doc_set_published(&d, "2020-01-01", DATE_DATELINE));
	ck_assert(doc_set_published(&d, "2020-02-02", DATE_META));
	ck_assert(!doc_set_published(&d, "2020-03-03", DATE_INPUT));
	ck_assert_str_eq(d.published, "2020-02-02");
	ck_assert(doc_set_published(&d, "2020-04-04", DATE_OPTION));
	ck_assert_str_eq(d.published, "2020-04-04");
	doc_release(&d);
}
END_TEST

Suite *suite_article(void)
{
	Suite *s = suite_create("article");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, article_datelines_of_wire_styles);
	tcase_add_test(tc, article_ordinary_sentences_are_not_datelines);
	tcase_add_test(tc, article_removes_boilerplate_and_counts_it);
	tcase_add_test(tc, article_header_block_sets_metadata);
	tcase_add_test(tc, article_stronger_date_sources_win);
	suite_add_tcase(s, tc);
	return s;
}
