/* wordset: each list becomes an open-addressing table of its words' hashes, at most a quarter
 * full, so a word that is not in the list (the usual answer) costs one or two probes. */
#include "text/wordset.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

struct wordset wordset_table[WORDSET_SLOTS];
static pthread_mutex_t make_lock = PTHREAD_MUTEX_INITIALIZER; /* one maker at a time */

uint32_t word_hash(const char *w)
{
	uint32_t h = WORD_HASH_SEED;
	for (; *w; w++)
		h = word_hash_step(h, (unsigned char)*w);
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
	atomic_store_explicit(&s->key, words, memory_order_release);
}

/* The slot holding words, probing from its home slot; with make, the free slot where its set
 * is then made. NULL when the table has neither. */
static struct wordset *find_slot(const char *const *words, int make)
{
	size_t slot = wordset_slot(words);
	for (size_t probe = 0; probe < WORDSET_SLOTS; probe++, slot = (slot + 1) % WORDSET_SLOTS) {
		struct wordset *s = &wordset_table[slot];
		const char *const *key = atomic_load_explicit(&s->key, memory_order_acquire);
		if (key == words)
			return s;
		if (!key) {
			if (make)
				fill(s, words);
			return make ? s : NULL;
		}
	}
	return NULL;
}

const struct wordset *wordset_make(const char *const *words)
{
	/* Without the lock first: a list whose home slot another list took comes here on every
	 * lookup. The lock is taken only to make a set, once per list. */
	struct wordset *s = find_slot(words, 0);
	if (s)
		return s;
	pthread_mutex_lock(&make_lock);
	s = find_slot(words, 1);
	pthread_mutex_unlock(&make_lock);
	return s; /* NULL: more static lists than slots; callers fall back to comparing */
}

int wordset_has_slow(const char *const *words, const char *word)
{
	for (size_t i = 0; words[i]; i++)
		if (!strcmp(words[i], word))
			return 1;
	return 0;
}
