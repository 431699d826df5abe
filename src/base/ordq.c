/* ordq: jobs get consecutive tickets; a ring of depth slots holds the jobs in flight, each
 * slot a small ring of output chunks. One mutex guards everything: jobs are batches of
 * documents and chunks hundreds of kilobytes, so a lock per job or chunk costs nothing
 * measurable.
 *
 * No deadlock: workers take tickets in order, so the consumer's current job was taken
 * before any job whose worker may be waiting in emit; its own worker is never kept
 * waiting for long, because the consumer drains that job's chunks. */
#include "base/ordq.h"

#include <pthread.h>
#include <stdlib.h>

#include "base/util.h"

struct slot {
	void *job;
	void **chunks;    /* ring of the job's chunks the consumer has not taken */
	size_t first, n;
	int done;         /* the worker has called ordq_done */
};

struct ordq {
	pthread_mutex_t lock;
	pthread_cond_t not_full;   /* producer: a slot is free */
	pthread_cond_t has_job;    /* workers: a job to take, or the end */
	pthread_cond_t has_room;   /* workers: a chunk was taken */
	pthread_cond_t has_output; /* consumer: a chunk or a done in the current job, or the end */
	struct slot *slots;
	size_t depth, max_chunks;
	size_t put_seq;  /* ticket of the next job put */
	size_t take_seq; /* ticket of the next job taken */
	size_t head_seq; /* ticket of the job the consumer reads */
	int closed;
};

struct ordq *ordq_new(size_t depth, size_t chunks)
{
	struct ordq *q = xcalloc(1, sizeof(*q));
	q->depth = depth ? depth : 1;
	q->max_chunks = chunks ? chunks : 1;
	q->slots = xcalloc(q->depth, sizeof(*q->slots));
	for (size_t i = 0; i < q->depth; i++)
		q->slots[i].chunks = xcalloc(q->max_chunks, sizeof(void *));
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->not_full, NULL);
	pthread_cond_init(&q->has_job, NULL);
	pthread_cond_init(&q->has_room, NULL);
	pthread_cond_init(&q->has_output, NULL);
	return q;
}

void ordq_free(struct ordq *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->depth; i++)
		free(q->slots[i].chunks);
	free(q->slots);
	pthread_mutex_destroy(&q->lock);
	pthread_cond_destroy(&q->not_full);
	pthread_cond_destroy(&q->has_job);
	pthread_cond_destroy(&q->has_room);
	pthread_cond_destroy(&q->has_output);
	free(q);
}

void ordq_put(struct ordq *q, void *job)
{
	pthread_mutex_lock(&q->lock);
	while (q->put_seq - q->head_seq == q->depth)
		pthread_cond_wait(&q->not_full, &q->lock);
	struct slot *s = &q->slots[q->put_seq % q->depth];
	s->job = job;
	s->first = s->n = 0;
	s->done = 0;
	q->put_seq++;
	pthread_cond_signal(&q->has_job);
	pthread_mutex_unlock(&q->lock);
}

void ordq_close(struct ordq *q)
{
	pthread_mutex_lock(&q->lock);
	q->closed = 1;
	pthread_cond_broadcast(&q->has_job);
	pthread_cond_broadcast(&q->has_output);
	pthread_mutex_unlock(&q->lock);
}

void *ordq_take(struct ordq *q, size_t *ticket)
{
	void *job = NULL;
	pthread_mutex_lock(&q->lock);
	while (q->take_seq == q->put_seq && !q->closed)
		pthread_cond_wait(&q->has_job, &q->lock);
	if (q->take_seq < q->put_seq) {
		*ticket = q->take_seq++;
		job = q->slots[*ticket % q->depth].job;
	}
	pthread_mutex_unlock(&q->lock);
	return job;
}

void ordq_emit(struct ordq *q, size_t ticket, void *chunk)
{
	pthread_mutex_lock(&q->lock);
	struct slot *s = &q->slots[ticket % q->depth];
	while (s->n == q->max_chunks)
		pthread_cond_wait(&q->has_room, &q->lock);
	s->chunks[(s->first + s->n) % q->max_chunks] = chunk;
	s->n++;
	if (ticket == q->head_seq)
		pthread_cond_signal(&q->has_output);
	pthread_mutex_unlock(&q->lock);
}

void ordq_done(struct ordq *q, size_t ticket)
{
	pthread_mutex_lock(&q->lock);
	q->slots[ticket % q->depth].done = 1;
	if (ticket == q->head_seq)
		pthread_cond_signal(&q->has_output);
	pthread_mutex_unlock(&q->lock);
}

void *ordq_next(struct ordq *q)
{
	void *chunk = NULL;
	pthread_mutex_lock(&q->lock);
	for (;;) {
		if (q->head_seq == q->put_seq) {
			if (q->closed)
				break;
			pthread_cond_wait(&q->has_output, &q->lock);
			continue;
		}
		struct slot *s = &q->slots[q->head_seq % q->depth];
		if (s->n) {
			chunk = s->chunks[s->first];
			s->first = (s->first + 1) % q->max_chunks;
			s->n--;
			pthread_cond_broadcast(&q->has_room); /* workers of several jobs may wait */
			break;
		}
		if (s->done) {
			q->head_seq++;
			pthread_cond_signal(&q->not_full);
			continue;
		}
		pthread_cond_wait(&q->has_output, &q->lock);
	}
	pthread_mutex_unlock(&q->lock);
	return chunk;
}
