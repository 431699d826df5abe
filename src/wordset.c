/* wordset: each list becomes an open-addressing table of its words' hashes, at most a quarter
 * full, so a word that is not in the list (the usual answer) costs one or two probes. */
#include "wordset.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_SETS 512

struct wordset {
	const char *const *key; /* the list's address */
	uint32_t *slot_hash;    /* 0: empty */
	const char **slot_word;
	uint32_t mask;
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

/* 0 marks an empty slot, so a word whose hash is 0 is stored as 1 (and looked up so). */
static uint32_t nonzero(uint32_t h)
{
	return h ? h : 1;
}

static void fill(struct wordset *s, const char *const *words)
{
	size_t n = 0, cap = 8;
	while (words[n])
		n++;
	while (cap < 4 * n)
		cap *= 2;
	s->mask = (uint32_t)(cap - 1);
	s->slot_hash = xcalloc(cap, sizeof(*s->slot_hash));
	s->slot_word = xcalloc(cap, sizeof(*s->slot_word));
	for (size_t i = 0; i < n; i++) {
		uint32_t h = nonzero(word_hash(words[i]));
		uint32_t k = h & s->mask;
		while (s->slot_hash[k])
			k = (k + 1) & s->mask;
		s->slot_hash[k] = h;
		s->slot_word[k] = words[i];
	}
	s->key = words;
}

static struct wordset *find_set(const char *const *words)
{
	size_t slot = ((uintptr_t)words >> 3) % MAX_SETS;
	for (size_t probe = 0; probe < MAX_SETS; probe++, slot = (slot + 1) % MAX_SETS) {
		struct wordset *s = &sets[slot];
		if (s->key == words)
			return s;
		if (!s->key) {
			fill(s, words);
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
	h = nonzero(h);
	for (uint32_t k = h & s->mask; s->slot_hash[k]; k = (k + 1) & s->mask)
		if (s->slot_hash[k] == h && strcmp(s->slot_word[k], word) == 0)
			return 1;
	return 0;
}
