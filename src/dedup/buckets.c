/* buckets: open addressing with linear probing; a list is compacted before it grows, so its
 * length follows the live items rather than everything ever added. */
#include "dedup/buckets.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

void buckets_init(struct buckets *b, bucket_alive_fn alive, void *ctx)
{
	memset(b, 0, sizeof(*b));
	b->alive = alive;
	b->ctx = ctx;
}

void buckets_release(struct buckets *b)
{
	for (size_t i = 0; i < b->n_slots; i++)
		free(b->slots[i].items);
	free(b->slots);
	memset(b, 0, sizeof(*b));
}


static size_t home(const struct buckets *b, uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 32) & (b->n_slots - 1);
}

static struct bucket *slot_of(struct buckets *b, uint64_t key)
{
	size_t i = home(b, key);
	while (b->slots[i].key && b->slots[i].key != key)
		i = (i + 1) & (b->n_slots - 1);
	return &b->slots[i];
}

static void grow(struct buckets *b)
{
	struct bucket *old = b->slots;
	size_t n = b->n_slots;
	b->n_slots = n ? 2 * n : 256;
	b->slots = xcalloc(b->n_slots, sizeof(*b->slots));
	for (size_t i = 0; i < n; i++)
		if (old[i].key)
			*slot_of(b, old[i].key) = old[i];
	free(old);
}

void buckets_sweep(struct buckets *b)
{
	struct bucket *old = b->slots;
	size_t n = b->n_slots;
	b->slots = xcalloc(n, sizeof(*b->slots));
	b->used = 0;
	for (size_t i = 0; i < n; i++) {
		if (!old[i].key)
			continue;
		bucket_compact(b, &old[i]);
		if (!old[i].n) {
			free(old[i].items);
			continue;
		}
		*slot_of(b, old[i].key) = old[i];
		b->used++;
	}
	free(old);
}

struct bucket *buckets_find(struct buckets *b, uint64_t key)
{
	if (!b->n_slots)
		return NULL;
	struct bucket *bk = slot_of(b, key);
	return bk->key ? bk : NULL;
}

void bucket_compact(struct buckets *b, struct bucket *bk)
{
	uint32_t kept = 0;
	for (uint32_t i = 0; i < bk->n; i++)
		if (b->alive(b->ctx, bk->items[i]))
			bk->items[kept++] = bk->items[i];
	bk->n = kept;
}

void buckets_add(struct buckets *b, uint64_t key, uint64_t item)
{
	if (2 * (b->used + 1) > b->n_slots)
		grow(b);
	struct bucket *bk = slot_of(b, key);
	if (!bk->key) {
		bk->key = key;
		b->used++;
	}
	if (bk->n == bk->cap) {
		bucket_compact(b, bk);
		if (2 * bk->n > bk->cap || !bk->cap) {
			bk->cap = bk->cap ? 2 * bk->cap : 8;
			bk->items = xrealloc(bk->items, bk->cap * sizeof(*bk->items));
		}
	}
	bk->items[bk->n++] = item;
}
