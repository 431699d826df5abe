/* ordq: an ordered work queue. One producer thread hands out jobs, any number of worker
 * threads take them, and one consumer thread receives every job's output in the order the
 * jobs were handed out, whichever worker finishes first. A job's output is a stream of
 * chunks the consumer gets as they are made (a long document, window by window), so memory
 * is bounded by the jobs in flight times the chunks each may hold, not by a job's output.
 * Ownership: put hands a job to the queue and take hands it to a worker; emit hands a chunk to
 * the queue and next hands it to the consumer. The queue never looks inside either. */
#ifndef SITREP_ORDQ_H
#define SITREP_ORDQ_H

#include <stddef.h>

struct ordq;

/* depth: jobs in flight (handed out, output not yet all consumed) before put blocks;
 * chunks: a job's chunks that may wait for the consumer before emit blocks. */
struct ordq *ordq_new(size_t depth, size_t chunks);
/* After the consumer has seen the end (next returned NULL). */
void ordq_free(struct ordq *q);

/* Producer: queue a job (not NULL), waiting while depth jobs are in flight. */
void ordq_put(struct ordq *q, void *job);
/* Producer: no more jobs. */
void ordq_close(struct ordq *q);

/* Worker: the next job, and its ticket for emit and done; NULL once closed and all taken. */
void *ordq_take(struct ordq *q, size_t *ticket);
/* Worker: a chunk (not NULL) of the job's output, waiting while the job holds `chunks` of
 * them that the consumer has not taken. */
void ordq_emit(struct ordq *q, size_t ticket, void *chunk);
/* Worker: the job's output is complete. */
void ordq_done(struct ordq *q, size_t ticket);

/* Consumer: the next chunk in job order, waiting for it; NULL once the producer has closed
 * and every job is done and consumed. */
void *ordq_next(struct ordq *q);

#endif
