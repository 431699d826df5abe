/* Counts in digits and words, ranges and vague quantities. */
#include <string.h>

#include "text/numbers.h"
#include "text/text.h"
#include "unit.h"

static struct count count_of(const char *s, size_t *used)
{
	struct tokens t;
	struct count c = { -9, -9, -9, -9 };
	tokens_build(&t, s, strlen(s));
	*used = number_at(&t, 0, t.n, &c);
	tokens_release(&t);
	return c;
}

#define CHECK_COUNT(text, v, lo, hi)                                                    \
	do {                                                                            \
		size_t used_;                                                           \
		struct count c_ = count_of(text, &used_);                              \
		ck_assert_msg(used_ > 0, "no number in '%s'", text);                    \
		ck_assert_msg(c_.value == (v) && c_.low == (lo) && c_.high == (hi),      \
			      "'%s': value %ld low %ld high %ld", text, c_.value, c_.low, c_.high); \
	} while (0)

START_TEST(numbers_digits_with_separators)
{
	CHECK_COUNT("56 insurgents", 56, 56, 56);
	CHECK_COUNT("2,500 troops", 2500, 2500, 2500);
	CHECK_COUNT("1,000,000 people", 1000000, 1000000, 1000000);
}
END_TEST

START_TEST(numbers_words_and_compounds)
{
	CHECK_COUNT("five civilians", 5, 5, 5);
	CHECK_COUNT("twenty-five soldiers", 25, 25, 25);
	CHECK_COUNT("one hundred and twenty people", 120, 120, 120);
	CHECK_COUNT("two dozen fighters", 24, 24, 24);
}
END_TEST

START_TEST(numbers_ranges_keep_low_as_count)
{
	CHECK_COUNT("2,500 to 3,500 troops", 2500, 2500, 3500);
	CHECK_COUNT("between 5 and 7 dead", 5, 5, 7);
	CHECK_COUNT("10-15 people", 10, 10, 15);
}
END_TEST

START_TEST(numbers_bounds_are_conservative)
{
	CHECK_COUNT("at least 10 people", 10, 10, -1);
	CHECK_COUNT("more than 200 prisoners", 200, 200, -1);
	CHECK_COUNT("nearly 30 dead", 30, 30, 30);
	CHECK_COUNT("up to 40 people", 40, 1, 40);
}
END_TEST

START_TEST(numbers_vague_words_follow_acled)
{
	CHECK_COUNT("dozens of people", 12, 12, -1);
	CHECK_COUNT("tens of people", 10, 10, -1);
	CHECK_COUNT("hundreds of people", 100, 100, -1);
	CHECK_COUNT("several soldiers", 3, 3, -1);
	CHECK_COUNT("a few soldiers", 2, 2, -1);
}
END_TEST

START_TEST(numbers_vague_words_rank_a_few_several_many)
{
	CHECK_COUNT("a couple of guards", 2, 2, -1);
	CHECK_COUNT("multiple suspects", 3, 3, -1);
	CHECK_COUNT("a number of suspects", 3, 3, -1);
	CHECK_COUNT("numerous fighters", 4, 4, -1);
	CHECK_COUNT("many fighters", 4, 4, -1);
	CHECK_COUNT("both drivers", 2, 2, 2);
}
END_TEST

START_TEST(numbers_plain_words_are_not_numbers)
{
	size_t used;
	count_of("soldiers were killed", &used);
	ck_assert_uint_eq(used, 0);
	count_of("a convoy", &used);
	ck_assert_uint_eq(used, 0);
	count_of("a", &used); /* nothing after it */
	ck_assert_uint_eq(used, 0);
}
END_TEST

/* "a" starts a number only with the word after it: each way it can. */
START_TEST(numbers_a_with_the_word_after_it)
{
	CHECK_COUNT("a dozen villagers", 12, 12, -1);
	CHECK_COUNT("a hundred soldiers", 100, 100, 100);
	CHECK_COUNT("a thousand homes", 1000, 1000, 1000);
	CHECK_COUNT("a handful of guards", 2, 2, -1);
	CHECK_COUNT("a total of 14 detainees", 14, 14, 14);
}
END_TEST

Suite *suite_numbers(void)
{
	Suite *s = suite_create("numbers");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, numbers_digits_with_separators);
	tcase_add_test(tc, numbers_words_and_compounds);
	tcase_add_test(tc, numbers_ranges_keep_low_as_count);
	tcase_add_test(tc, numbers_bounds_are_conservative);
	tcase_add_test(tc, numbers_vague_words_follow_acled);
	tcase_add_test(tc, numbers_a_with_the_word_after_it);
	tcase_add_test(tc, numbers_vague_words_rank_a_few_several_many);
	tcase_add_test(tc, numbers_plain_words_are_not_numbers);
	suite_add_tcase(s, tc);
	return s;
}
