/* arena: bump allocation in blocks of ARENA_BLOCK bytes (a larger request gets a block of
 * its own). */
#include "base/arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

#define ARENA_BLOCK (64 * 1024)

struct arena_block {
	struct arena_block *prev;
	size_t cap;
	alignas(max_align_t) unsigned char data[];
};

static void *carve(struct arena *a, size_t n, size_t align)
{
	size_t at = (a->used + align - 1) & ~(align - 1);
	if (!a->head || at + n > a->head->cap) {
		size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		struct arena_block *b = xmalloc(sizeof(*b) + cap);
		b->prev = a->head;
		b->cap = cap;
		a->head = b;
		at = 0;
	}
	a->used = at + n;
	return a->head->data + at;
}

void *arena_alloc(struct arena *a, size_t n)
{
	return carve(a, n, alignof(max_align_t));
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *copy = carve(a, len + 1, 1);
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

void arena_release(struct arena *a)
{
	for (struct arena_block *b = a->head, *prev; b; b = prev) {
		prev = b->prev;
		free(b);
	}
	a->head = NULL;
	a->used = 0;
}

void arena_reset(struct arena *a)
{
	struct arena_block *first = a->head;
	while (first && first->prev) {
		struct arena_block *prev = first->prev;
		free(first);
		first = prev;
	}
	a->head = first;
	a->used = 0;
}
