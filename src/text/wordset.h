/* wordset: is a word in a constant word list? Answered by hash: the first call with a list
 * builds its set, later calls find it by the list's address, so the rules can keep writing
 * their word lists as plain static arrays.
 * Ownership: sets live until exit (one per static list); lists must be static and
 * NULL-terminated. Thread-safe: a set is made under a lock and published with its key, so
 * extract workers may ask from any thread. */
#ifndef SITREP_WORDSET_H
#define SITREP_WORDSET_H

#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

/* FNV-1a of a NUL-terminated word: the hash tokens carry. Phrase keys are hashed with the
 * same steps, so a token's hash finds the phrases it starts. */
#define WORD_HASH_SEED 2166136261u
static inline uint32_t word_hash_step(uint32_t h, unsigned char c)
{
	return (h ^ c) * 16777619u;
}
uint32_t word_hash(const char *w);
struct wordset {
	/* The list's address; NULL: free slot. Written last, with release order, once the slots
	 * are filled: a reader that sees its list's address sees the whole set. */
	_Atomic(const char *const *) key;
	uint32_t *slot_hash;    /* 0: empty */
	const char **slot_word;
	uint32_t mask;
};

#define WORDSET_SLOTS 512
extern struct wordset wordset_table[WORDSET_SLOTS];

/* The set of a list, made on first use; NULL when the table is full. */
const struct wordset *wordset_make(const char *const *words);
int wordset_has_slow(const char *const *words, const char *word);

/* Home slot of a list in wordset_table: the address, multiplied to spread nearby arrays. */
static inline size_t wordset_slot(const char *const *words)
{
	return (size_t)(((uint64_t)(uintptr_t)words * 0x9E3779B97F4A7C15ull) >> 55) % WORDSET_SLOTS;
}

/* 1 if word (with hash h = word_hash(word)) is in the static list words. Inline because the
 * rules ask it millions of times: a known list is one probe of the table by address, and a
 * word not in the list (the usual answer) one or two probes of its set. */
static inline int wordset_has(const char *const *words, const char *word, uint32_t h)
{
	const struct wordset *s = &wordset_table[wordset_slot(words)];
	if (atomic_load_explicit(&s->key, memory_order_acquire) != words && !(s = wordset_make(words)))
		return wordset_has_slow(words, word);
	h = h ? h : 1; /* 0 marks an empty slot */
	for (uint32_t k = h & s->mask; s->slot_hash[k]; k = (k + 1) & s->mask)
		if (s->slot_hash[k] == h && strcmp(s->slot_word[k], word) == 0)
			return 1;
	return 0;
}

#endif
