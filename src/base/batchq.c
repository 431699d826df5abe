/* batchq: a ring of pointers under one mutex and two condition variables. Items are large
 * (a document, or a few hundred kilobytes of records), so one lock per item costs nothing
 * measurable. */
#include "base/batchq.h"

#include <pthread.h>
#include <stdlib.h>

#include "base/util.h"

struct batchq {
	pthread_mutex_t lock;
	pthread_cond_t not_empty, not_full;
	void **ring;
	size_t depth, head, count;
	int closed;
};

struct batchq *batchq_new(size_t depth)
{
	struct batchq *q = xcalloc(1, sizeof(*q));
	q->depth = depth ? depth : 1;
	q->ring = xcalloc(q->depth, sizeof(*q->ring));
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->not_empty, NULL);
	pthread_cond_init(&q->not_full, NULL);
	return q;
}

void batchq_free(struct batchq *q)
{
	if (!q)
		return;
	free(q->ring);
	pthread_mutex_destroy(&q->lock);
	pthread_cond_destroy(&q->not_empty);
	pthread_cond_destroy(&q->not_full);
	free(q);
}

void batchq_push(struct batchq *q, void *item)
{
	pthread_mutex_lock(&q->lock);
	while (q->count == q->depth)
		pthread_cond_wait(&q->not_full, &q->lock);
	q->ring[(q->head + q->count) % q->depth] = item;
	q->count++;
	pthread_cond_signal(&q->not_empty);
	pthread_mutex_unlock(&q->lock);
}

void batchq_close(struct batchq *q)
{
	pthread_mutex_lock(&q->lock);
	q->closed = 1;
	pthread_cond_broadcast(&q->not_empty);
	pthread_mutex_unlock(&q->lock);
}

void *batchq_pop(struct batchq *q)
{
	void *item = NULL;
	pthread_mutex_lock(&q->lock);
	while (!q->count && !q->closed)
		pthread_cond_wait(&q->not_empty, &q->lock);
	if (q->count) {
		item = q->ring[q->head];
		q->head = (q->head + 1) % q->depth;
		q->count--;
		pthread_cond_signal(&q->not_full);
	}
	pthread_mutex_unlock(&q->lock);
	return item;
}
