/* strpool: interned strings with small dense ids, so a long list of records holds each
 * distinct value once and tallies can be arrays indexed by id.
 * Ownership: the pool owns every string; strpool_str pointers live until strpool_release
 * (they stay valid while the pool grows). Id 0 is the empty string. */
#ifndef SITREP_STRPOOL_H
#define SITREP_STRPOOL_H

#include <stddef.h>
#include <stdint.h>

struct strpool {
	char **blocks;       /* text blocks; strings never move once written */
	size_t n_blocks;
	size_t block_used;   /* bytes used in the last block */
	size_t block_size;   /* bytes allocated for the last block */
	const char **strs;   /* id -> string */
	uint32_t *lens;      /* id -> length in bytes */
	uint32_t n, alloc;   /* ids in use, ids allocated */
	uint32_t *slots;     /* open-addressing table of id + 1; 0 is empty */
	uint32_t mask;       /* slots - 1 (a power of two) */
};

void strpool_init(struct strpool *p);
void strpool_release(struct strpool *p);
/* The id of len bytes at s (which may hold NULs), adding them on first sight. */
uint32_t strpool_intern(struct strpool *p, const char *s, size_t len);
static inline const char *strpool_str(const struct strpool *p, uint32_t id)
{
	return p->strs[id];
}
static inline size_t strpool_len(const struct strpool *p, uint32_t id)
{
	return p->lens[id];
}
/* Number of ids given out (ids are 0 .. count - 1). */
static inline uint32_t strpool_count(const struct strpool *p)
{
	return p->n;
}

#endif
