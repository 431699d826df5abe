/* phrase: an index from normalised multi-word phrases to integer payloads, matched against
 * tokens longest-first. Used by every lexicon (places, actors, triggers).
 * Ownership: the index copies phrase keys; hits are written into caller arrays. */
#ifndef SITREP_PHRASE_H
#define SITREP_PHRASE_H

#include <stddef.h>
#include <stdint.h>

#include "text/text.h"

struct phrase_index;

/* The head of every phrase_index: a bit per hash of a word that starts a phrase. */
struct phrase_filter {
	uint64_t *bits; /* NULL while the index is empty */
	uint32_t mask;  /* bits - 1 */
};

/* 0 if no phrase of ix starts with the token (a false 1 now and then). Inline, so that the
 * callers ask it of every token before calling phrase_match. */
static inline int phrase_may_start(const struct phrase_index *ix, const struct token *tok)
{
	const struct phrase_filter *f = (const struct phrase_filter *)(const void *)ix;
	uint32_t h = tok->hash & f->mask;
	return f->bits && (f->bits[h / 64] >> (h % 64)) & 1;
}

enum phrase_flags {
	PHRASE_CASED = 1 << 0 /* written in capitals: matches only capitalised text (acronyms) */
};

struct phrase_index *phrase_new(void);
void phrase_free(struct phrase_index *ix);
/* Add phrase -> payload. Phrases written entirely in capitals get PHRASE_CASED. Returns the
 * number of tokens in the phrase (0, and nothing added, if it normalises to nothing or is too long
 * to ever match: over 12 tokens or 511 bytes). */
size_t phrase_add(struct phrase_index *ix, const char *phrase, int payload);
/* Longest phrase starting at token i and ending before token limit. Writes up to max payloads
 * of that phrase into out and their count into *n_out; returns the phrase's token count or 0. */
size_t phrase_match(const struct phrase_index *ix, const struct tokens *t, size_t i, size_t limit,
		    int *out, size_t max, size_t *n_out);
/* Payloads of an exact normalised key ("kunduz"), as phrase_match. Returns the count. */
size_t phrase_lookup(const struct phrase_index *ix, const char *norm_key, int *out, size_t max);
size_t phrase_count(const struct phrase_index *ix);

#endif
