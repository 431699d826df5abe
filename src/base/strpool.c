/* strpool: string interning by open addressing (FNV-1a, linear probing, load <= 1/2). Text
 * goes into blocks that never move, so the strings handed out stay put as the pool grows. */
#include "base/strpool.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

#define BLOCK_MIN (64 * 1024)

static uint32_t hash_bytes(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* Copy len bytes and a NUL into the current block, starting a new one when full. */
static const char *store(struct strpool *p, const char *s, size_t len)
{
	if (!p->n_blocks || p->block_used + len + 1 > p->block_size) {
		size_t size = len + 1 > BLOCK_MIN ? len + 1 : BLOCK_MIN;
		p->blocks = xrealloc(p->blocks, (p->n_blocks + 1) * sizeof(*p->blocks));
		p->blocks[p->n_blocks++] = xmalloc(size);
		p->block_size = size;
		p->block_used = 0;
	}
	char *dst = p->blocks[p->n_blocks - 1] + p->block_used;
	memcpy(dst, s, len);
	dst[len] = '\0';
	p->block_used += len + 1;
	return dst;
}

static void rehash(struct strpool *p, uint32_t n_slots)
{
	free(p->slots);
	p->slots = xcalloc(n_slots, sizeof(*p->slots));
	p->mask = n_slots - 1;
	for (uint32_t id = 0; id < p->n; id++) {
		uint32_t i = hash_bytes(p->strs[id], p->lens[id]) & p->mask;
		while (p->slots[i])
			i = (i + 1) & p->mask;
		p->slots[i] = id + 1;
	}
}

void strpool_init(struct strpool *p)
{
	memset(p, 0, sizeof(*p));
	rehash(p, 64);
	strpool_intern(p, "", 0);
}

void strpool_release(struct strpool *p)
{
	for (size_t i = 0; i < p->n_blocks; i++)
		free(p->blocks[i]);
	free(p->blocks);
	free(p->strs);
	free(p->lens);
	free(p->slots);
	memset(p, 0, sizeof(*p));
}

uint32_t strpool_intern(struct strpool *p, const char *s, size_t len)
{
	uint32_t i = hash_bytes(s, len) & p->mask;
	for (; p->slots[i]; i = (i + 1) & p->mask) {
		uint32_t id = p->slots[i] - 1;
		if (p->lens[id] == len && !memcmp(p->strs[id], s, len))
			return id;
	}
	if (p->n == p->alloc) {
		p->alloc = p->alloc ? p->alloc * 2 : 256;
		p->strs = xrealloc(p->strs, p->alloc * sizeof(*p->strs));
		p->lens = xrealloc(p->lens, p->alloc * sizeof(*p->lens));
	}
	uint32_t id = p->n++;
	p->strs[id] = store(p, s, len);
	p->lens[id] = (uint32_t)len;
	p->slots[i] = id + 1;
	if (p->n * 2 > p->mask + 1)
		rehash(p, (p->mask + 1) * 2);
	return id;
}
