/* arena: allocations are distinct, aligned and kept; large ones get a block of their own. */
#include <check.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "unit.h"

START_TEST(strings_are_copied_and_kept_across_blocks)
{
	struct arena a = ARENA_INIT;
	char *first = arena_strndup(&a, "Kandahar province", 8);
	char *many[5000];
	for (size_t i = 0; i < 5000; i++)
		many[i] = arena_strndup(&a, "a longer phrase of several words", 32);
	ck_assert_str_eq(first, "Kandahar");
	for (size_t i = 0; i < 5000; i++)
		ck_assert_str_eq(many[i], "a longer phrase of several words");
	ck_assert_ptr_ne(many[0], many[1]);
	arena_release(&a);
	ck_assert_ptr_null(a.head);
}
END_TEST

START_TEST(objects_are_aligned_after_odd_strings)
{
	struct arena a = ARENA_INIT;
	arena_strndup(&a, "abc", 3);
	void *p = arena_alloc(&a, sizeof(double));
	ck_assert_uint_eq((uintptr_t)p % alignof(max_align_t), 0);
	arena_release(&a);
}
END_TEST

START_TEST(a_request_larger_than_a_block_is_served_whole)
{
	struct arena a = ARENA_INIT;
	char *small = arena_strndup(&a, "x", 1);
	size_t big = 200 * 1024;
	unsigned char *p = arena_alloc(&a, big);
	memset(p, 0xab, big);
	ck_assert_str_eq(small, "x");
	ck_assert_uint_eq(p[big - 1], 0xab);
	arena_release(&a);
}
END_TEST

START_TEST(reset_keeps_one_block_and_starts_over)
{
	struct arena a = ARENA_INIT;
	char *first = arena_strndup(&a, "Mosul", 5);
	for (int i = 0; i < 5000; i++) /* several blocks */
		arena_strndup(&a, "a string of about thirty bytes", 30);
	arena_reset(&a);
	char *again = arena_strndup(&a, "Herat", 5);
	ck_assert_ptr_eq(again, first); /* the first block is used again, from its start */
	ck_assert_str_eq(again, "Herat");
	arena_release(&a);
	arena_reset(&a); /* an empty arena stays empty */
	ck_assert_ptr_null(a.head);
}
END_TEST

Suite *suite_arena(void)
{
	Suite *s = suite_create("arena");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, strings_are_copied_and_kept_across_blocks);
	tcase_add_test(tc, objects_are_aligned_after_odd_strings);
	tcase_add_test(tc, a_request_larger_than_a_block_is_served_whole);
	tcase_add_test(tc, reset_keeps_one_block_and_starts_over);
	suite_add_tcase(s, tc);
	return s;
}
