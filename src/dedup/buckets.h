/* buckets: a hash table from 64-bit keys to lists of 64-bit items, kept in the order they
 * were added; lists shed dead items (as the caller's predicate says) instead of growing.
 * Ownership: the table owns its lists; a bucket returned by buckets_find is borrowed until
 * the next buckets_add or buckets_clear. */
#ifndef SITREP_BUCKETS_H
#define SITREP_BUCKETS_H

#include <stddef.h>
#include <stdint.h>

struct bucket {
	uint64_t key;    /* 0: an empty slot */
	uint64_t *items;
	uint32_t n, cap;
};

/* An item the caller still wants (1) or not (0). */
typedef int (*bucket_alive_fn)(void *ctx, uint64_t item);

struct buckets {
	struct bucket *slots;
	size_t n_slots, used;
	bucket_alive_fn alive;
	void *ctx;
};

void buckets_init(struct buckets *b, bucket_alive_fn alive, void *ctx);
void buckets_release(struct buckets *b);
/* Compact every list and forget the keys whose lists are empty. */
void buckets_sweep(struct buckets *b);
/* Append item to key's list (key != 0). */
void buckets_add(struct buckets *b, uint64_t key, uint64_t item);
/* The list of key, or NULL. */
struct bucket *buckets_find(struct buckets *b, uint64_t key);
/* Drop the dead items of a list, keeping the order of the others. */
void bucket_compact(struct buckets *b, struct bucket *bk);

#endif
