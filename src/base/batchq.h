/* batchq: a bounded queue of work items from one producer thread to one consumer thread, so
 * that a pipeline's stages run on separate cores while the order of records is kept.
 * Ownership: push hands an item to the queue and pop hands it to the consumer; the queue
 * never looks inside. Items left when the queue is freed are the caller's to have drained. */
#ifndef SITREP_BATCHQ_H
#define SITREP_BATCHQ_H

#include <stddef.h>

struct batchq;

/* depth: items that may wait before push blocks. */
struct batchq *batchq_new(size_t depth);
void batchq_free(struct batchq *q);
/* Queue item (not NULL); blocks while the queue is full. */
void batchq_push(struct batchq *q, void *item);
/* The producer is done: pop returns NULL once the queue is empty. */
void batchq_close(struct batchq *q);
/* The next item, waiting for one; NULL when closed and drained. */
void *batchq_pop(struct batchq *q);

#endif
