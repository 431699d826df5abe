/* The ordered work queue: output in job order whatever the workers' speed. */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/ordq.h"
#include "unit.h"

#define JOBS 300
#define WORKERS 4

/* A job is its number; its output is (job % 5) chunks numbered job * 8 + k. Jobs of some
 * numbers make their worker yield between chunks, so that later jobs finish first. */
static void *worker(void *ctx)
{
	struct ordq *q = ctx;
	size_t ticket;
	void *job;
	while ((job = ordq_take(q, &ticket))) {
		uintptr_t n = (uintptr_t)job - 1;
		for (uintptr_t k = 0; k < n % 5; k++) {
			for (uintptr_t y = 0; y < (n * 7) % 13; y++)
				sched_yield();
			ordq_emit(q, ticket, (void *)(n * 8 + k + 1));
		}
		ordq_done(q, ticket);
	}
	return NULL;
}

static void *producer(void *ctx)
{
	struct ordq *q = ctx;
	for (uintptr_t n = 0; n < JOBS; n++)
		ordq_put(q, (void *)(n + 1)); /* not NULL */
	ordq_close(q);
	return NULL;
}

START_TEST(ordq_gives_every_chunk_in_job_order)
{
	/* Small depth and chunk room, so that the producer and the workers wait. */
	struct ordq *q = ordq_new(3, 2);
	pthread_t prod, work[WORKERS];
	pthread_create(&prod, NULL, producer, q);
	for (int i = 0; i < WORKERS; i++)
		pthread_create(&work[i], NULL, worker, q);
	uintptr_t want_job = 0, want_k = 0, got = 0;
	void *c;
	while ((c = ordq_next(q))) {
		uintptr_t v = (uintptr_t)c - 1;
		while (want_k >= want_job % 5) { /* jobs without (more) chunks */
			want_job++;
			want_k = 0;
		}
		ck_assert_uint_eq(v, want_job * 8 + want_k);
		want_k++;
		got++;
	}
	pthread_join(prod, NULL);
	for (int i = 0; i < WORKERS; i++)
		pthread_join(work[i], NULL);
	uintptr_t expected = 0;
	for (uintptr_t n = 0; n < JOBS; n++)
		expected += n % 5;
	ck_assert_uint_eq(got, expected);
	ordq_free(q);
}
END_TEST

START_TEST(ordq_ends_at_once_without_jobs)
{
	struct ordq *q = ordq_new(2, 1);
	size_t ticket;
	ordq_close(q);
	ck_assert_ptr_null(ordq_take(q, &ticket));
	ck_assert_ptr_null(ordq_next(q));
	ordq_free(q);
}
END_TEST

Suite *suite_ordq(void)
{
	Suite *s = suite_create("ordq");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, ordq_gives_every_chunk_in_job_order);
	tcase_add_test(tc, ordq_ends_at_once_without_jobs);
	suite_add_tcase(s, tc);
	return s;
}
