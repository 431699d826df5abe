/* UTF-8 repair and folding. */
#include <string.h>

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

Suite *suite_utf8(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, utf8_invalid_bytes_become_replacement_characters);
	tcase_add_test(tc, utf8_overlongs_and_surrogates_are_rejected);
	tcase_add_test(tc, utf8_bom_and_line_ends_are_normalised);
	tcase_add_test(tc, utf8_nfc_composes_accents);
	tcase_add_test(tc, utf8_typography_folds_for_matching);
	suite_add_tcase(s, tc);
	return s;
}
