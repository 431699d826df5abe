/* UTF-8 repair and folding. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "unit.h"

START_TEST(utf8_invalid_bytes_become_replacement_characters)
{
	struct strbuf out = STRBUF_INIT;
	size_t bad = utf8_clean("a\xff" "b\xc3" "c\xe2\x82" "d", 8, &out);
	ck_assert_uint_eq(bad, 3);
	ck_assert_str_eq(out.buf, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d");
	strbuf_release(&out);
}
END_TEST

START_TEST(utf8_overlongs_and_surrogates_are_rejected)
{
	size_t adv;
	ck_assert_uint_eq(utf8_decode("\xc0\xaf", 2, &adv), 0xFFFD);
	ck_assert_uint_eq(utf8_decode("\xed\xa0\x80", 3, &adv), 0xFFFD);
	ck_assert_uint_eq(utf8_decode("\xf4\x90\x80\x80", 4, &adv), 0xFFFD);
	ck_assert_uint_eq(utf8_decode("\xe2\x80\x99", 3, &adv), 0x2019);
	ck_assert_uint_eq(adv, 3);
}
END_TEST

START_TEST(utf8_bom_and_line_ends_are_normalised)
{
	struct strbuf out = STRBUF_INIT;
	utf8_clean("\xEF\xBB\xBFone\r\ntwo\rthree", 17, &out);
	ck_assert_str_eq(out.buf, "one\ntwo\nthree");
	strbuf_release(&out);
}
END_TEST

START_TEST(utf8_nfc_composes_accents)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, "Cafe\xCC\x81");
	utf8_nfc(&sb);
	ck_assert_str_eq(sb.buf, "Caf\xC3\xA9");
	strbuf_release(&sb);
}
END_TEST

START_TEST(utf8_typography_folds_for_matching)
{
	struct strbuf sb = STRBUF_INIT;
	static const char in[] = "\xE2\x80\x9CQal\xE2\x80\x99" "ah\xE2\x80\x9D \xE2\x80\x93 Ma\xCA\xBC"
				 "rib Mich" "oac\xC3\xA1n";
	utf8_fold_lower(in, strlen(in), &sb);
	ck_assert_str_eq(sb.buf, "\"qal'ah\" - ma'rib michoacan");
	strbuf_release(&sb);
}
END_TEST

START_TEST(utf8_clean_in_place_equals_the_copy)
{
	/* Replacements where they fit (after dropped bytes) and where they do not (at once). */
	static const char *const inputs[] = { "\xEF\xBB\xBFplain\r\ntext", "a\x01\x02\x03\xff b",
		"\xff\xfe start", "mid\xc3 dle\r\rend", "nul\0byte", "\xe2\x80\x99ok\xEF\xBF\xBD",
		"x\x01\x02\x03\x04\xc0\xaf\xed\xa0\x80\xff\xff\xff", "" };
	static const size_t lens[] = { 14, 7, 8, 13, 8, 8, 13, 0 };
	for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		struct strbuf copy = STRBUF_INIT, in_place = STRBUF_INIT;
		size_t bad = utf8_clean(inputs[i], lens[i], &copy);
		strbuf_add(&in_place, inputs[i], lens[i]);
		ck_assert_uint_eq(utf8_clean_inplace(&in_place), bad);
		ck_assert_uint_eq(in_place.len, copy.len);
		ck_assert_int_eq(memcmp(in_place.buf, copy.buf, copy.len), 0);
		strbuf_release(&copy);
		strbuf_release(&in_place);
	}
}
END_TEST

/* utf8_nfc of sb must equal utf8proc's NFC of the whole. */
static void check_nfc(struct strbuf *sb)
{
	utf8proc_uint8_t *whole = utf8proc_NFC((const utf8proc_uint8_t *)sb->buf);
	utf8_nfc(sb);
	ck_assert_uint_eq(sb->len, strlen((const char *)whole));
	ck_assert_int_eq(memcmp(sb->buf, whole, sb->len), 0);
	free(whole);
}

START_TEST(utf8_nfc_by_windows_equals_nfc_of_the_whole)
{
	/* Decomposed accents everywhere, runs without ASCII longer than a window, and U+0958,
	 * excluded from composition, which grows (to U+0915 U+093C): at the start, where there
	 * is no room in place, and later, where earlier windows shrank. */
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < 30000; i++) {
		strbuf_addstr(&sb, i % 7 ? "Cafe\xCC\x81 " : "\xD0\x98\xCC\x86\xE0\xA5\x98");
		if (i % 5000 == 0)
			for (int k = 0; k < 70000; k++)
				strbuf_addstr(&sb, "\xC3\xA9");
	}
	check_nfc(&sb);
	strbuf_reset(&sb);
	for (int i = 0; i < 40000; i++)
		strbuf_addstr(&sb, i < 30000 ? "\xE0\xA5\x98" : "a\xCC\x8A b ");
	check_nfc(&sb);
	strbuf_release(&sb);
}
END_TEST

Suite *suite_utf8(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, utf8_invalid_bytes_become_replacement_characters);
	tcase_add_test(tc, utf8_overlongs_and_surrogates_are_rejected);
	tcase_add_test(tc, utf8_bom_and_line_ends_are_normalised);
	tcase_add_test(tc, utf8_nfc_composes_accents);
	tcase_add_test(tc, utf8_typography_folds_for_matching);
	tcase_add_test(tc, utf8_clean_in_place_equals_the_copy);
	tcase_add_test(tc, utf8_nfc_by_windows_equals_nfc_of_the_whole);
	suite_add_tcase(s, tc);
	return s;
}
