/* batchq: a bounded queue of text batches from one producer thread to one consumer thread,
 * so that a pipeline's stages run on two cores while the order of records is kept.
 * Ownership: push takes a batch's buffer (the strbuf is left empty); pop hands the next one
 * to the caller, who releases it. */
#ifndef SITREP_BATCHQ_H
#define SITREP_BATCHQ_H

#include <stddef.h>

#include "strbuf.h"

struct batchq;

/* depth: batches that may wait before push blocks. */
struct batchq *batchq_new(size_t depth);
void batchq_free(struct batchq *q);
/* Queue batch (blocks while the queue is full). */
void batchq_push(struct batchq *q, struct strbuf *batch);
/* Producer is done: pop returns 0 once the queue is empty. */
void batchq_close(struct batchq *q);
/* Next batch into *batch (which must be empty); 1, or 0 when closed and drained. */
int batchq_pop(struct batchq *q, struct strbuf *batch);

#endif
