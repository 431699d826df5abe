/* text: tokens and sentences of a document's text, with byte offsets into it.
 * Ownership: a tokens object owns its arrays and normalised strings; the text is borrowed and
 * must outlive it. */
#ifndef SITREP_TEXT_H
#define SITREP_TEXT_H

#include <stddef.h>
#include <string.h>

enum token_flags {
	TOK_WORD = 1 << 0,     /* letters/digits */
	TOK_CAP = 1 << 1,      /* first letter upper case */
	TOK_ALLCAPS = 1 << 2,  /* every letter upper case (and at least one) */
	TOK_NUMBER = 1 << 3,   /* digits, possibly with , or . separators */
	TOK_PUNCT = 1 << 4,    /* one punctuation character */
	TOK_QUOTE = 1 << 5,    /* a quotation mark (straight or curly) */
	TOK_POSS = 1 << 6,     /* followed by possessive 's, which is not a token */
	TOK_PARA = 1 << 7,     /* first token of a paragraph */
	TOK_HYPHEN = 1 << 8,   /* joined to the previous token by a hyphen or apostrophe */
	TOK_OPENQ = 1 << 9,    /* opening quotation mark */
	TOK_CLOSEQ = 1 << 10   /* closing quotation mark */
};

struct token {
	size_t start, end;  /* byte offsets in the text */
	const char *norm;   /* folded, lower-case form ("kunduz", "2,500", ",") */
	unsigned hash;      /* word_hash(norm), for wordset lookups */
	unsigned len;       /* strlen(norm) */
	unsigned flags;
	unsigned sentence;  /* index of its sentence */
};

struct sentence {
	size_t first, last; /* token range [first, last) */
	size_t start, end;  /* byte range in the text */
	unsigned para;      /* paragraph number */
};

struct tokens {
	const char *text; /* the tokenised text (borrowed) */
	struct token *tok;
	size_t n, alloc;
	struct sentence *sent;
	size_t n_sent, alloc_sent;
	char *pool; /* normalised strings */
	size_t pool_len, pool_alloc;
};

/* Tokenise text and split it into sentences. */
void tokens_build(struct tokens *t, const char *text, size_t len);
/* The same into a tokens object built before (or zeroed), reusing its arrays. */
void tokens_rebuild(struct tokens *t, const char *text, size_t len);
void tokens_release(struct tokens *t);
/* Normalise a phrase exactly as tokens_build would, joining tokens with single spaces
 * (punctuation other than hyphens and apostrophes is kept). Appends to out; returns the
 * number of tokens. */
struct strbuf;
size_t text_normalise_phrase(const char *s, size_t len, struct strbuf *out);
/* 1 if two normalised words are equal. Inline, because the rules ask it at nearly every
 * token: most questions end at the first byte, and words are too short for a library call to
 * pay. */
static inline int word_eq(const char *norm, const char *word)
{
	while (*norm && *norm == *word)
		norm++, word++;
	return *norm == *word;
}
/* 1 if the token's norm equals word. A literal word's length is known when compiling, so
 * lengths are compared first and then a fixed number of bytes. */
static inline int tok_is(const struct token *t, const char *word)
{
	if (__builtin_constant_p(strlen(word)))
		return t->len == strlen(word) && memcmp(t->norm, word, strlen(word)) == 0;
	return word_eq(t->norm, word);
}

#endif
