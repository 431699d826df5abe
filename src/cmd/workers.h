/* workers: the extract stage of `sitrep run` and `sitrep extract --jobs N` on N threads,
 * each with an extractor of its own (the lexicons are shared). One thread adds items
 * (documents, record lines), which go out in batches; another takes the record lines back as
 * chunks, in the order the items were added, so the output is the same as on one thread.
 * Memory is bounded: items of at most twice N batches' bytes in flight (or one larger item
 * alone), and at most WORKERS_CHUNKS_PER_BATCH chunks of output (each about WORKERS_CHUNK_BYTES)
 * waiting per batch: room for a batch's usual output, so that workers ahead of the consumer
 * do not wait, and a long document goes through in chunks.
 * Ownership: added items belong to the pool (freed with ops.free_item); a chunk from
 * workers_next is the caller's until workers_chunk_free. */
#ifndef SITREP_WORKERS_H
#define SITREP_WORKERS_H

#include <stddef.h>

#include "base/strbuf.h"
#include "extract/extract.h"

/* A worker's output as its items are run: what out and err hold goes to the consumer as a
 * chunk when it fills, between the windows of a long document, at the end of a batch, or at
 * workers_emit. */
struct workers_out {
	struct extractor *ex; /* the worker's own */
	struct strbuf out;    /* record lines */
	struct strbuf err;    /* explanations; messages of error() and warning() on this thread */
};

struct workers_ops {
	/* Turn one item into record lines (o->out) and explanations (o->err). Returns 1 if the
	 * item was rejected, else 0. Called on a worker thread: ctx is shared by all of them and
	 * must only be read. */
	int (*run)(void *ctx, struct workers_out *o, void *item);
	void (*free_item)(void *item);
	void *ctx;
};

/* Hand what o holds to the consumer now (after a document's record, which can be large). */
void workers_emit(struct workers_out *o);
/* Hand the item being run to the consumer too, before the records that follow (run gives the
 * export stage each document this way, for its row, rather than a copy as JSON). The item is
 * freed once the worker is done with it and the consumer has freed the chunk. */
void workers_share(struct workers_out *o, void *item);

/* A piece of the output, in order: an item handed over (workers_share), records, then the
 * messages that came with them. */
struct workers_chunk {
	void *item;             /* an item to read before out, or NULL; do not free it */
	struct strbuf out;      /* record lines */
	struct strbuf err;      /* for stderr */
	unsigned long rejected; /* items rejected */
	struct workers_ref *ref; /* item's reference count */
	struct workers *pool;   /* where workers_chunk_free returns its buffer */
};

#define WORKERS_BATCH_BYTES (64 * 1024) /* input handed out at a time (or one larger item) */
#define WORKERS_BATCH_ITEMS 64
#define WORKERS_CHUNK_BYTES EXTRACT_FLUSH_BYTES /* output handed back at a time, about */
#define WORKERS_CHUNKS_PER_BATCH 16 /* chunks of one batch that may wait for the consumer */

/* Start n worker threads (n >= 1): the first uses ex, the others extractors made from it
 * (extractor_new_worker); ex must outlive the pool and not be used meanwhile. Exits with a
 * message when threads cannot be started. */
struct workers *workers_start(struct extractor *ex, size_t n, const struct workers_ops *ops);
/* Producer: add an item of about bytes bytes; waits while the pool is full. */
void workers_add(struct workers *w, void *item, size_t bytes);
/* Producer: no more items. */
void workers_close(struct workers *w);
/* Consumer: the next chunk of output, in order; NULL after the last. */
struct workers_chunk *workers_next(struct workers *w);
void workers_chunk_free(struct workers_chunk *c);
/* After the consumer saw the end: join the threads and free everything. */
void workers_finish(struct workers *w);

/* The number of online processors (the default for --jobs), at least 1. */
size_t workers_default_jobs(void);
/* --jobs N: a positive number; 0 after an error message. */
size_t workers_parse_jobs(const char *arg);

#endif
