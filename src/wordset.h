/* wordset: is a word in a constant word list? Answered by hash: the first call with a list
 * builds its set, later calls find it by the list's address, so the rules can keep writing
 * their word lists as plain static arrays.
 * Ownership: sets live until exit (one per static list); lists must be static and
 * NULL-terminated. Not thread-safe. */
#ifndef SITREP_WORDSET_H
#define SITREP_WORDSET_H

#include <stdint.h>

/* FNV-1a of a NUL-terminated word: the hash tokens carry. */
uint32_t word_hash(const char *w);
/* 1 if word (with hash h = word_hash(word)) is in the static list words. */
int wordset_has(const char *const *words, const char *word, uint32_t h);

#endif
