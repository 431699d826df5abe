/* workers: batches of items through an ordered queue (ordq) to N threads; each worker turns
 * a batch into chunks of output, handed back as they fill and between the windows of a long
 * document, so that no worker holds much more than a chunk. */
#include "cmd/workers.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/ordq.h"
#include "base/util.h"
#include "extract/extract.h"

#define MAX_JOBS 1024

struct batch {
	void **items;
	size_t *bytes; /* of each item */
	size_t n, total;
};

/* An item held by a worker and the consumer at once: the last one done frees it. */
struct workers_ref {
	void *item;
	void (*free_item)(void *item);
	atomic_int holders;
};

struct worker {
	struct workers_out o;   /* first: workers_emit finds the worker from it */
	struct workers *pool;
	pthread_t thread;
	size_t ticket;          /* of the batch being worked on */
	unsigned long rejected;
	struct workers_ref *ref; /* the current item, shared with the next chunk; or NULL */
	int ref_sent;           /* that chunk is emitted: the worker no longer sends it */
};

struct workers {
	struct ordq *q;
	struct workers_ops ops;
	struct worker *w;
	size_t n;
	struct batch *cur; /* being filled by the producer */
	/* Bytes of the items added and not yet done, under budget_lock: the producer waits while
	 * they pass WORKERS_BATCH_BYTES per batch in flight, so that a run of large documents
	 * takes no more memory than one of small ones (one item alone may be larger). */
	pthread_mutex_t budget_lock;
	pthread_cond_t budget_freed;
	size_t in_flight, budget;
	/* Output buffers the consumer is done with, for the workers' next chunks (under
	 * spare_lock): a chunk's buffer made on one thread and freed on another at every chunk
	 * had the allocator unmap its pages each time, and every unmapping interrupts the other
	 * processors to flush their address caches. At most SPARES_PER_WORKER per worker are
	 * kept, and none larger than SPARE_MAX (a long document's record is given back). */
	pthread_mutex_t spare_lock;
	struct strbuf *spare;
	size_t n_spare;
};

#define SPARES_PER_WORKER 4
#define SPARE_MAX (4 * WORKERS_CHUNK_BYTES)

/* An empty output buffer: a spare one, or a new one of a chunk's size. */
static void take_buffer(struct workers *w, struct strbuf *sb)
{
	pthread_mutex_lock(&w->spare_lock);
	if (w->n_spare) {
		*sb = w->spare[--w->n_spare];
		pthread_mutex_unlock(&w->spare_lock);
		return;
	}
	pthread_mutex_unlock(&w->spare_lock);
	strbuf_init(sb, WORKERS_CHUNK_BYTES + WORKERS_CHUNK_BYTES / 2);
}

/* Keep sb's memory for a later chunk, or free it. */
static void give_buffer(struct workers *w, struct strbuf *sb)
{
	if (sb->alloc && sb->alloc <= SPARE_MAX) {
		pthread_mutex_lock(&w->spare_lock);
		if (w->n_spare < SPARES_PER_WORKER * w->n) {
			strbuf_reset(sb);
			w->spare[w->n_spare++] = *sb;
			pthread_mutex_unlock(&w->spare_lock);
			return;
		}
		pthread_mutex_unlock(&w->spare_lock);
	}
	strbuf_release(sb);
}

static struct batch *batch_new(void)
{
	struct batch *b = xcalloc(1, sizeof(*b));
	b->items = xmalloc(WORKERS_BATCH_ITEMS * sizeof(*b->items));
	b->bytes = xmalloc(WORKERS_BATCH_ITEMS * sizeof(*b->bytes));
	return b;
}

static void batch_free(struct batch *b)
{
	if (!b)
		return;
	free(b->items);
	free(b->bytes);
	free(b);
}

static void release_budget(struct workers *w, size_t bytes)
{
	pthread_mutex_lock(&w->budget_lock);
	w->in_flight -= bytes;
	pthread_cond_signal(&w->budget_freed);
	pthread_mutex_unlock(&w->budget_lock);
}

static void unref(struct workers_ref *ref)
{
	if (ref && atomic_fetch_sub(&ref->holders, 1) == 1) {
		ref->free_item(ref->item);
		free(ref);
	}
}

/* Hand what the worker wrote so far to the consumer, as one chunk. */
static void emit(struct worker *wk)
{
	int with_item = wk->ref && !wk->ref_sent;
	if (!wk->o.out.len && !wk->o.err.len && !wk->rejected && !with_item)
		return;
	struct workers_chunk *c = xmalloc(sizeof(*c));
	c->item = with_item ? wk->ref->item : NULL;
	c->ref = with_item ? wk->ref : NULL;
	wk->ref_sent |= with_item;
	c->out = wk->o.out; /* the buffers move; the worker starts new ones */
	c->err = wk->o.err;
	c->rejected = wk->rejected;
	c->pool = wk->pool;
	take_buffer(wk->pool, &wk->o.out);
	strbuf_init(&wk->o.err, 0);
	wk->rejected = 0;
	ordq_emit(wk->pool->q, wk->ticket, c);
}

void workers_emit(struct workers_out *o)
{
	emit((struct worker *)(void *)o);
}

void workers_share(struct workers_out *o, void *item)
{
	struct worker *wk = (struct worker *)(void *)o;
	emit(wk); /* what came before the item goes before it */
	wk->ref = xmalloc(sizeof(*wk->ref));
	wk->ref->item = item;
	wk->ref->free_item = wk->pool->ops.free_item;
	atomic_init(&wk->ref->holders, 2);
	wk->ref_sent = 0;
}

/* Between the windows of a long document (extractor_set_flush). */
static void on_window(void *ctx, struct strbuf *out)
{
	struct worker *wk = ctx;
	(void)out; /* it is wk->o.out */
	emit(wk);
}

static void *work(void *ctx)
{
	struct worker *wk = ctx;
	const struct workers_ops *ops = &wk->pool->ops;
	struct batch *b;
	sitrep_capture_messages(&wk->o.err);
	while ((b = ordq_take(wk->pool->q, &wk->ticket))) {
		for (size_t i = 0; i < b->n; i++) {
			wk->rejected += (unsigned long)ops->run(ops->ctx, &wk->o, b->items[i]);
			if (wk->ref) {
				if (!wk->ref_sent)
					emit(wk); /* the consumer must get the item before it is let go */
				unref(wk->ref);
				wk->ref = NULL;
			} else {
				ops->free_item(b->items[i]);
			}
			release_budget(wk->pool, b->bytes[i]);
			if (wk->o.out.len + wk->o.err.len >= WORKERS_CHUNK_BYTES)
				emit(wk);
		}
		emit(wk);
		ordq_done(wk->pool->q, wk->ticket);
		batch_free(b);
	}
	sitrep_capture_messages(NULL);
	return NULL;
}

struct workers *workers_start(struct extractor *ex, size_t n, const struct workers_ops *ops)
{
	struct workers *w = xcalloc(1, sizeof(*w));
	w->ops = *ops;
	w->n = n ? n : 1;
	/* Twice as many batches as workers: each worker has the next one ready while the
	 * consumer reads the output of the one before. */
	w->q = ordq_new(2 * w->n, WORKERS_CHUNKS_PER_BATCH);
	w->w = xcalloc(w->n, sizeof(*w->w));
	w->cur = batch_new();
	w->budget = 2 * w->n * WORKERS_BATCH_BYTES;
	pthread_mutex_init(&w->budget_lock, NULL);
	pthread_cond_init(&w->budget_freed, NULL);
	pthread_mutex_init(&w->spare_lock, NULL);
	w->spare = xmalloc(SPARES_PER_WORKER * w->n * sizeof(*w->spare));
	for (size_t i = 0; i < w->n; i++) {
		struct worker *wk = &w->w[i];
		wk->pool = w;
		wk->o.ex = i ? extractor_new_worker(ex) : ex; /* caches of its own for each thread */
		extractor_set_flush(wk->o.ex, on_window, wk);
		strbuf_init(&wk->o.out, WORKERS_CHUNK_BYTES + WORKERS_CHUNK_BYTES / 2);
		strbuf_init(&wk->o.err, 0);
		if (pthread_create(&wk->thread, NULL, work, wk) != 0)
			die(EXIT_IO, "cannot start extract thread %zu of %zu", i + 1, w->n);
	}
	return w;
}

static void put_batch(struct workers *w)
{
	ordq_put(w->q, w->cur);
	w->cur = batch_new();
}

void workers_add(struct workers *w, void *item, size_t bytes)
{
	pthread_mutex_lock(&w->budget_lock);
	while (w->in_flight && w->in_flight + bytes > w->budget) {
		if (w->cur->n) { /* what waits in the open batch must go first, or nothing frees */
			pthread_mutex_unlock(&w->budget_lock);
			put_batch(w);
			pthread_mutex_lock(&w->budget_lock);
			continue;
		}
		pthread_cond_wait(&w->budget_freed, &w->budget_lock);
	}
	w->in_flight += bytes;
	pthread_mutex_unlock(&w->budget_lock);
	struct batch *b = w->cur;
	b->items[b->n] = item;
	b->bytes[b->n++] = bytes;
	b->total += bytes;
	if (b->n == WORKERS_BATCH_ITEMS || b->total >= WORKERS_BATCH_BYTES)
		put_batch(w);
}

void workers_close(struct workers *w)
{
	if (w->cur->n) {
		ordq_put(w->q, w->cur);
		w->cur = NULL;
	}
	ordq_close(w->q);
}

struct workers_chunk *workers_next(struct workers *w)
{
	return ordq_next(w->q);
}

void workers_chunk_free(struct workers_chunk *c)
{
	if (!c)
		return;
	unref(c->ref);
	give_buffer(c->pool, &c->out);
	strbuf_release(&c->err);
	free(c);
}

void workers_finish(struct workers *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->n; i++) {
		pthread_join(w->w[i].thread, NULL);
		if (i)
			extractor_free_worker(w->w[i].o.ex);
		else
			extractor_set_flush(w->w[i].o.ex, NULL, NULL);
		strbuf_release(&w->w[i].o.out);
		strbuf_release(&w->w[i].o.err);
	}
	batch_free(w->cur);
	ordq_free(w->q);
	pthread_mutex_destroy(&w->budget_lock);
	pthread_cond_destroy(&w->budget_freed);
	for (size_t i = 0; i < w->n_spare; i++)
		strbuf_release(&w->spare[i]);
	free(w->spare);
	pthread_mutex_destroy(&w->spare_lock);
	free(w->w);
	free(w);
}

size_t workers_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (size_t)n;
}

size_t workers_parse_jobs(const char *arg)
{
	char *end;
	unsigned long long v = strtoull(arg, &end, 10);
	if (*end || !*arg || v < 1 || v > MAX_JOBS) {
		error("--jobs wants a number of threads from 1 to %d, not '%s'", MAX_JOBS, arg);
		return 0;
	}
	return (size_t)v;
}
