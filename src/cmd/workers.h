/* workers: the extract stage of `sitrep run` and `sitrep extract --jobs N` on N threads,
 * each with an extractor of its own (the lexicons are shared). One thread adds items
 * (documents, record lines), which go out in batches; another takes the record lines back as
 * chunks, in the order the items were added, so the output is the same as on one thread.
 * Memory is bounded: items of at most twice N batches' bytes in flight (or one larger item
 * alone), and at most two chunks of output waiting per batch.
 * Ownership: added items belong to the pool (freed with ops.free_item); a chunk from
 * workers_next is the caller's until workers_chunk_free. */
#ifndef SITREP_WORKERS_H
#define SITREP_WORKERS_H

#include <stddef.h>

#include "base/strbuf.h"

struct extractor;

struct workers_ops {
	/* Turn one item into record lines appended to out, and explanations appended to err;
	 * messages printed with error() or warning() on the worker's thread also land in err.
	 * Returns 1 if the item was rejected, else 0. Called on a worker thread: ctx is shared
	 * by all of them and must only be read. */
	int (*run)(void *ctx, struct extractor *ex, void *item, struct strbuf *out,
		   struct strbuf *err);
	void (*free_item)(void *item);
	void *ctx;
};

/* A piece of the output, in order: records, then the messages that came with them. */
struct workers_chunk {
	struct strbuf out;      /* record lines */
	struct strbuf err;      /* for stderr */
	unsigned long rejected; /* items rejected */
};

#define WORKERS_BATCH_BYTES (256 * 1024) /* input handed out at a time (or one larger item) */
#define WORKERS_BATCH_ITEMS 256
#define WORKERS_CHUNK_BYTES (256 * 1024) /* output handed back at a time (or one window's) */

/* Start n worker threads (n >= 1) with extractors made from ex, which must outlive the pool
 * (see extractor_new_worker). Exits with a message when threads cannot be started. */
struct workers *workers_start(const struct extractor *ex, size_t n, const struct workers_ops *ops);
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
