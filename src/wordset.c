/* wordset: a 256-bit filter per list answers most questions without a string comparison. */
#include "wordset.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_SETS 512

struct wordset {
	const char *const *key; /* the list's address */
	uint64_t filter[4];     /* bit (hash & 255) set for each word */
	uint32_t *hashes;
	size_t n;
};

static struct wordset sets[MAX_SETS];

uint32_t word_hash(const char *w)
{
	uint32_t h = 2166136261u;
	for (; *w; w++) {
		h ^= (unsigned char)*w;
		h *= 16777619u;
	}
	return h;
}

static struct wordset *find_set(const char *const *words)
{
	size_t slot = ((uintptr_t)words >> 3) % MAX_SETS;
	for (size_t probe = 0; probe < MAX_SETS; probe++, slot = (slot + 1) % MAX_SETS) {
		struct wordset *s = &sets[slot];
		if (s->key == words)
			return s;
		if (!s->key) {
			s->key = words;
			for (s->n = 0; words[s->n]; s->n++)
				;
			s->hashes = xmalloc((s->n ? s->n : 1) * sizeof(*s->hashes));
			for (size_t i = 0; i < s->n; i++) {
				s->hashes[i] = word_hash(words[i]);
				s->filter[(s->hashes[i] & 255) >> 6] |= 1ull << (s->hashes[i] & 63);
			}
			return s;
		}
	}
	return NULL; /* more static lists than slots: callers fall back to comparing */
}

int wordset_has(const char *const *words, const char *word, uint32_t h)
{
	const struct wordset *s = find_set(words);
	if (!s) {
		for (size_t i = 0; words[i]; i++)
			if (!strcmp(words[i], word))
				return 1;
		return 0;
	}
	if (!(s->filter[(h & 255) >> 6] & (1ull << (h & 63))))
		return 0;
	for (size_t i = 0; i < s->n; i++)
		if (s->hashes[i] == h && !strcmp(s->key[i], word))
			return 1;
	return 0;
}
