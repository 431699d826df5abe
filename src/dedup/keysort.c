/* keysort: qsort per run, then a k-way merge through a binary heap of the runs' heads. */
#include "dedup/keysort.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "dedup/spill.h"

#define BLOCK_BYTES (64u << 10)  /* read back from each run at a time */
#define MERGE_BYTES (16u << 20)  /* at most, for all runs' blocks together */

struct run {
	uint64_t off;   /* first record in the spill file */
	size_t n;       /* records in the run */
	size_t next;    /* records of the run read into blocks so far */
	char *block;
	size_t in_block, pos; /* records in the block, index of the head */
};

struct keysort {
	size_t size;      /* bytes per record */
	size_t cap;       /* records per run */
	keysort_cmp cmp;
	char *buf;        /* the run being gathered, then (one run only) read back from memory */
	size_t n;
	size_t mem_pos;   /* reading from buf: next record */
	struct spill *file;
	struct run *runs;
	size_t n_runs, cap_runs;
	size_t *heap;     /* run indexes ordered by head record */
	size_t heap_n;
	int reading, merging;
};

struct keysort *keysort_new(size_t rec_size, size_t run_recs, keysort_cmp cmp)
{
	struct keysort *ks = xcalloc(1, sizeof(*ks));
	ks->size = rec_size;
	ks->cap = run_recs ? run_recs : 1;
	ks->cmp = cmp;
	ks->buf = xmalloc(ks->cap * rec_size);
	return ks;
}

void keysort_free(struct keysort *ks)
{
	if (!ks)
		return;
	for (size_t i = 0; i < ks->n_runs; i++)
		free(ks->runs[i].block);
	free(ks->runs);
	free(ks->heap);
	spill_free(ks->file);
	free(ks->buf);
	free(ks);
}

size_t keysort_runs(const struct keysort *ks)
{
	return ks->n_runs;
}

static int write_run(struct keysort *ks)
{
	if (!ks->n)
		return 0;
	if (!ks->file && !(ks->file = spill_new()))
		return -1;
	qsort(ks->buf, ks->n, ks->size, ks->cmp);
	if (ks->n_runs == ks->cap_runs) {
		ks->cap_runs = ks->cap_runs ? 2 * ks->cap_runs : 8;
		ks->runs = xrealloc(ks->runs, ks->cap_runs * sizeof(*ks->runs));
	}
	struct run *r = &ks->runs[ks->n_runs++];
	memset(r, 0, sizeof(*r));
	r->n = ks->n;
	if (spill_append(ks->file, ks->buf, ks->n * ks->size, &r->off) < 0)
		return -1;
	ks->n = 0;
	return 0;
}

int keysort_add(struct keysort *ks, const void *rec)
{
	if (ks->n == ks->cap && write_run(ks) < 0)
		return -1;
	memcpy(ks->buf + ks->n * ks->size, rec, ks->size);
	ks->n++;
	return 0;
}

/* Load the run's next block; 0 when the run is exhausted. */
static int fill_block(struct keysort *ks, struct run *r)
{
	size_t bytes = MERGE_BYTES / ks->n_runs < BLOCK_BYTES ? MERGE_BYTES / ks->n_runs : BLOCK_BYTES;
	size_t per_block = bytes / ks->size ? bytes / ks->size : 1;
	if (per_block > r->n)
		per_block = r->n;
	size_t want = r->n - r->next < per_block ? r->n - r->next : per_block;
	r->pos = r->in_block = 0;
	if (!want)
		return 0;
	if (!r->block)
		r->block = xmalloc(per_block * ks->size);
	if (spill_read_into(ks->file, r->off + r->next * ks->size, want * ks->size, r->block) < 0)
		return -1;
	r->next += want;
	r->in_block = want;
	return 1;
}

static const void *head(const struct keysort *ks, size_t run)
{
	const struct run *r = &ks->runs[run];
	return r->block + r->pos * ks->size;
}

static void sift_down(struct keysort *ks, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < ks->heap_n && ks->cmp(head(ks, ks->heap[l]), head(ks, ks->heap[m])) < 0)
			m = l;
		if (l + 1 < ks->heap_n && ks->cmp(head(ks, ks->heap[l + 1]), head(ks, ks->heap[m])) < 0)
			m = l + 1;
		if (m == i)
			return;
		size_t t = ks->heap[i];
		ks->heap[i] = ks->heap[m];
		ks->heap[m] = t;
		i = m;
	}
}

static int start_reading(struct keysort *ks)
{
	ks->reading = 1;
	if (!ks->n_runs) {
		qsort(ks->buf, ks->n, ks->size, ks->cmp);
		return 0;
	}
	if (write_run(ks) < 0)
		return -1;
	free(ks->buf); /* the merge needs only the blocks */
	ks->buf = NULL;
	ks->merging = 1;
	ks->heap = xmalloc(ks->n_runs * sizeof(*ks->heap));
	for (size_t i = 0; i < ks->n_runs; i++) {
		int got = fill_block(ks, &ks->runs[i]);
		if (got < 0)
			return -1;
		if (got)
			ks->heap[ks->heap_n++] = i;
	}
	for (size_t i = ks->heap_n; i-- > 0;)
		sift_down(ks, i);
	return 0;
}

int keysort_next(struct keysort *ks, void *rec)
{
	if (!ks->reading && start_reading(ks) < 0)
		return -1;
	if (!ks->merging) {
		if (ks->mem_pos == ks->n)
			return 0;
		memcpy(rec, ks->buf + ks->mem_pos++ * ks->size, ks->size);
		return 1;
	}
	if (!ks->heap_n)
		return 0;
	struct run *r = &ks->runs[ks->heap[0]];
	memcpy(rec, head(ks, ks->heap[0]), ks->size);
	if (++r->pos == r->in_block) {
		int got = fill_block(ks, r);
		if (got < 0)
			return -1;
		if (!got)
			ks->heap[0] = ks->heap[--ks->heap_n];
	}
	if (ks->heap_n)
		sift_down(ks, 0);
	return 1;
}
