/* arena: many small allocations that live and die together (a lexicon's keys and entries),
 * carved from large blocks: one malloc per block instead of one per string, one free each.
 * Ownership: the arena owns every byte it hands out; arena_release frees them all at once. */
#ifndef SITREP_ARENA_H
#define SITREP_ARENA_H

#include <stddef.h>

struct arena {
	struct arena_block *head; /* the block being carved; older blocks behind it */
	size_t used;              /* bytes carved from head */
};

#define ARENA_INIT { NULL, 0 }

/* n bytes aligned for any object; never NULL (dies on out-of-memory, like xmalloc). */
void *arena_alloc(struct arena *a, size_t n);
/* A copy of s[0, len) with a NUL after it. */
char *arena_strndup(struct arena *a, const char *s, size_t len);
void arena_release(struct arena *a);
/* Forget everything handed out but keep the first block for what comes next (an arena
 * filled and emptied once per document). */
void arena_reset(struct arena *a);

#endif
