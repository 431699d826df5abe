/* Tokens and sentences. */
#include <string.h>

#include "base/strbuf.h"
#include "text/text.h"
#include "unit.h"

static size_t sentences_of(const char *s)
{
	struct tokens t;
	tokens_build(&t, s, strlen(s));
	size_t n = t.n_sent;
	tokens_release(&t);
	return n;
}

START_TEST(text_abbreviations_do_not_end_sentences)
{
	ck_assert_uint_eq(sentences_of("U.S. envoy Zalmay Khalilzad arrived. He left."), 2);
	ck_assert_uint_eq(sentences_of("Gen. Scott Miller and Lt. Col. Smith met on Jan. 5 in Kabul."), 1);
	ck_assert_uint_eq(sentences_of("The blast came at 10 a.m. on Monday near No. 2 checkpoint."), 1);
	ck_assert_uint_eq(sentences_of("He said it was over. Then it began again! Why?"), 3);
}
END_TEST

START_TEST(text_all_lower_case_feeds_still_split_at_full_stops)
{
	/* Case says nothing in a feed written all in lower case. */
	ck_assert_uint_eq(sentences_of("rebels shelled the market in goma on friday. the army "
				       "answered with artillery the same night. no one was hurt."), 3);
	/* In ordinary text a full stop before a lower-case word is an abbreviation's. */
	ck_assert_uint_eq(sentences_of("Officials met at 9 a.m. in Goma and later in Bunia."), 1);
}
END_TEST

START_TEST(text_paragraphs_always_end_sentences)
{
	ck_assert_uint_eq(sentences_of("First Kunduz\n\nSaturday the Taliban attacked."), 2);
}
END_TEST

START_TEST(text_quotes_stay_with_their_sentence)
{
	struct tokens t;
	const char *s = "\xE2\x80\x9CWe are here.\xE2\x80\x9D Then they left.";
	tokens_build(&t, s, strlen(s));
	ck_assert_uint_eq(t.n_sent, 2);
	ck_assert(t.tok[t.sent[0].last - 1].flags & TOK_CLOSEQ);
	tokens_release(&t);
}
END_TEST

START_TEST(text_hyphens_and_spaces_normalise_alike)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, c = STRBUF_INIT;
	text_normalise_phrase("Sar-e-Pol", 9, &a);
	text_normalise_phrase("Sar e Pol", 9, &b);
	text_normalise_phrase("SAR-E POL", 9, &c);
	ck_assert_str_eq(a.buf, "sar e pol");
	ck_assert_str_eq(a.buf, b.buf);
	ck_assert_str_eq(a.buf, c.buf);
	/* Plain names take a shortcut past the tokeniser; doubled, leading and trailing spaces
	 * and digits must come out as the tokeniser would make them. */
	const char *const same[][2] = { { "  Sar  e Pol ", "Sar e Pol" }, { "M23 Rebels", "m23-rebels" },
		{ "Al Shabaab", "al-Shabaab" } };
	for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		strbuf_reset(&a);
		strbuf_reset(&b);
		size_t na = text_normalise_phrase(same[i][0], strlen(same[i][0]), &a);
		size_t nb = text_normalise_phrase(same[i][1], strlen(same[i][1]), &b);
		ck_assert_str_eq(a.buf, b.buf);
		ck_assert_uint_eq(na, nb);
	}
	strbuf_release(&a);
	strbuf_release(&b);
	strbuf_release(&c);
}
END_TEST

START_TEST(text_numbers_keep_separators_and_possessives_fold)
{
	struct tokens t;
	const char *s = "The Taliban\xE2\x80\x99s 2,500 fighters.";
	tokens_build(&t, s, strlen(s));
	ck_assert_str_eq(t.tok[1].norm, "taliban");
	ck_assert(t.tok[1].flags & TOK_POSS);
	ck_assert_str_eq(t.tok[2].norm, "2,500");
	ck_assert(t.tok[2].flags & TOK_NUMBER);
	tokens_release(&t);
}
END_TEST

START_TEST(text_offsets_point_into_the_text)
{
	struct tokens t;
	const char *s = "Caf\xC3\xA9 attacked in Qal\xE2\x80\x99" "ah-ye Now.";
	tokens_build(&t, s, strlen(s));
	ck_assert_str_eq(t.tok[0].norm, "cafe");
	ck_assert_uint_eq(t.tok[0].start, 0);
	ck_assert_uint_eq(t.tok[0].end, 5);
	for (size_t i = 0; i < t.n; i++)
		ck_assert(t.tok[i].end <= strlen(s) && t.tok[i].start < t.tok[i].end);
	tokens_release(&t);
}
END_TEST

/* Words longer than one block of the copy, words that end inside one, capitals, digits and a
 * letter beyond ASCII right after the run: the same normal forms and flags either way. */
START_TEST(text_long_and_mixed_words_fold_alike)
{
	struct tokens t;
	const char *s = "COUNTERINSURGENCYOPERATIONS Mazar-i-Sharif abc123DEF 0123456789012345678 "
			"Kh\xC3\xA1n x";
	tokens_build(&t, s, strlen(s));
	ck_assert_str_eq(t.tok[0].norm, "counterinsurgencyoperations");
	ck_assert(t.tok[0].flags & TOK_ALLCAPS);
	ck_assert(t.tok[0].flags & TOK_CAP);
	ck_assert_str_eq(t.tok[1].norm, "mazar");
	ck_assert_str_eq(t.tok[4].norm, "abc123def");
	ck_assert(!(t.tok[4].flags & (TOK_NUMBER | TOK_ALLCAPS | TOK_CAP)));
	ck_assert_str_eq(t.tok[5].norm, "0123456789012345678");
	ck_assert(t.tok[5].flags & TOK_NUMBER);
	ck_assert_str_eq(t.tok[6].norm, "khan");
	ck_assert(t.tok[6].flags & TOK_CAP);
	ck_assert_str_eq(t.tok[7].norm, "x");
	ck_assert_uint_eq(t.n, 8);
	tokens_release(&t);
}
END_TEST

Suite *suite_text(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, text_abbreviations_do_not_end_sentences);
	tcase_add_test(tc, text_paragraphs_always_end_sentences);
	tcase_add_test(tc, text_all_lower_case_feeds_still_split_at_full_stops);
	tcase_add_test(tc, text_quotes_stay_with_their_sentence);
	tcase_add_test(tc, text_hyphens_and_spaces_normalise_alike);
	tcase_add_test(tc, text_numbers_keep_separators_and_possessives_fold);
	tcase_add_test(tc, text_offsets_point_into_the_text);
	tcase_add_test(tc, text_long_and_mixed_words_fold_alike);
	suite_add_tcase(s, tc);
	return s;
}
