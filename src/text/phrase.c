/* phrase: open-addressing hash of normalised keys. Every proper prefix of a phrase (by whole
 * tokens) is also stored, so matching stops extending as soon as no phrase can continue. */
#include "text/phrase.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "base/util.h"
#include "text/wordset.h"

#define MAX_PHRASE_TOKENS 12
#define MAX_KEY 512 /* bytes of a normalised phrase, with its NUL: longer ones never match */

struct entry {
	int payload;
	unsigned flags;
	char *cased;        /* PHRASE_CASED: letters and digits as written ("JeM", "ISISK") */
	struct entry *next;
};

struct slot {
	char *key;          /* NULL: empty slot */
	uint32_t hash;
	uint16_t len;       /* strlen(key): keys are under 512 bytes */
	uint16_t extends;   /* 1 if a longer phrase starts with the key: matching goes on */
	struct entry *list; /* NULL: the key is only a prefix of longer phrases */
};

struct phrase_index {
	/* The first-word filter (phrase.h), first so that phrase_may_start can read it. A bit
	 * per hash of a word that starts a phrase, sixteen bits or more per such word; sized to
	 * the lexicon, the small lexicons' filters stay in the first-level cache. */
	struct phrase_filter filter;
	size_t n_first;      /* one-word keys: the distinct first words */
	struct slot *slots;
	uint32_t *tags;     /* per slot: 0 empty, else the hash (1 for a hash of 0); probing reads
			     * only this array, four bytes a slot, which stays in cache */
	size_t cap, used, n_phrases;
	struct arena mem;   /* keys, entries and cased forms: they live as long as the index */
	struct strbuf scratch; /* phrase_add's normal form */
};

static uint32_t hash_str(const char *s, size_t len)
{
	uint32_t h = WORD_HASH_SEED;
	for (size_t i = 0; i < len; i++)
		h = word_hash_step(h, (unsigned char)s[i]);
	return h;
}

struct phrase_index *phrase_new(void)
{
	struct phrase_index *ix = xcalloc(1, sizeof(*ix));
	ix->scratch = (struct strbuf)STRBUF_INIT;
	ix->cap = 1024;
	ix->slots = xcalloc(ix->cap, sizeof(*ix->slots));
	ix->tags = xcalloc(ix->cap, sizeof(*ix->tags));
	return ix;
}

void phrase_free(struct phrase_index *ix)
{
	if (!ix)
		return;
	arena_release(&ix->mem);
	strbuf_release(&ix->scratch);
	free(ix->slots);
	free(ix->tags);
	free(ix->filter.bits);
	free(ix);
}

/* Keys are a few words long and a tag that matches nearly always means the key itself: a
 * loop in line costs less than a library call. */
static inline int same_bytes(const char *a, const char *b, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

static struct slot *find_slot(const struct phrase_index *ix, const char *key, size_t len,
			      uint32_t h)
{
	size_t mask = ix->cap - 1;
	uint32_t tag = h ? h : 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		if (!ix->tags[i])
			return &ix->slots[i];
		if (ix->tags[i] == tag) {
			struct slot *s = &ix->slots[i];
			if (s->len == len && same_bytes(s->key, key, len))
				return s;
		}
	}
}

static void grow(struct phrase_index *ix)
{
	struct slot *old = ix->slots;
	size_t old_cap = ix->cap;
	ix->cap *= 2;
	ix->slots = xcalloc(ix->cap, sizeof(*ix->slots));
	free(ix->tags);
	ix->tags = xcalloc(ix->cap, sizeof(*ix->tags));
	for (size_t i = 0; i < old_cap; i++) {
		if (!old[i].key)
			continue;
		struct slot *s = find_slot(ix, old[i].key, strlen(old[i].key), old[i].hash);
		*s = old[i];
		ix->tags[s - ix->slots] = old[i].hash ? old[i].hash : 1;
	}
	free(old);
}

static void set_first(struct phrase_index *ix, uint32_t h)
{
	h &= ix->filter.mask;
	ix->filter.bits[h / 64] |= 1ull << (h % 64);
}

/* A new first word: count it, and double the filter (refilled from the one-word keys) when
 * it would pass one bit in sixteen. */
static void add_first(struct phrase_index *ix, uint32_t h)
{
	ix->n_first++;
	if (ix->filter.bits && ix->n_first * 16 <= (size_t)ix->filter.mask + 1) {
		set_first(ix, h);
		return;
	}
	size_t bits = ix->filter.bits ? ((size_t)ix->filter.mask + 1) * 2 : 1024;
	while (ix->n_first * 16 > bits)
		bits *= 2;
	free(ix->filter.bits);
	ix->filter.bits = xcalloc(bits / 64, sizeof(*ix->filter.bits));
	ix->filter.mask = (uint32_t)(bits - 1);
	for (size_t i = 0; i < ix->cap; i++)
		if (ix->slots[i].key && !strchr(ix->slots[i].key, ' '))
			set_first(ix, ix->slots[i].hash);
	set_first(ix, h); /* the new key may not be in a slot yet */
}

static struct slot *intern(struct phrase_index *ix, const char *key, size_t len)
{
	if ((ix->used + 1) * 4 > ix->cap * 3)
		grow(ix);
	uint32_t h = hash_str(key, len);
	struct slot *s = find_slot(ix, key, len, h);
	if (!s->key) {
		s->key = arena_strndup(&ix->mem, key, len);
		s->hash = h;
		s->len = (uint16_t)len;
		ix->tags[s - ix->slots] = h ? h : 1;
		ix->used++;
		if (!memchr(key, ' ', len))
			add_first(ix, h);
	}
	return s;
}

/* Acronyms match only as written: all capitals ("IS", "ELN"), or short mixed-case forms
 * with two or more capitals and no space ("JeM", "LeT"), so that "is", "let" stay words. */
static int is_cased(const char *s)
{
	int upper = 0, lower = 0, space = 0;
	size_t len = strlen(s);
	for (const char *p = s; *p; p++) {
		upper += isupper((unsigned char)*p) != 0;
		lower += islower((unsigned char)*p) != 0;
		space += *p == ' ';
	}
	if (upper && !lower)
		return 1;
	return upper >= 2 && lower && !space && len <= 8;
}

/* The letters and digits of s[0, len), into out (len + 1 bytes). */
static char *alnum_into(char *out, const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
			out[n++] = s[i];
	out[n] = '\0';
	return out;
}

size_t phrase_add(struct phrase_index *ix, const char *phrase, int payload)
{
	struct strbuf *norm = &ix->scratch; /* kept between calls: a lexicon adds thousands */
	strbuf_reset(norm);
	size_t ntok = text_normalise_phrase(phrase, strlen(phrase), norm);
	if (ntok == 0 || ntok > MAX_PHRASE_TOKENS || norm->len >= MAX_KEY)
		return 0;
	/* Register every whole-token prefix as a continuation point. */
	for (size_t i = 0; i < norm->len; i++)
		if (norm->buf[i] == ' ')
			intern(ix, norm->buf, i)->extends = 1;
	struct slot *s = intern(ix, norm->buf, norm->len);
	for (struct entry *e = s->list; e; e = e->next)
		if (e->payload == payload)
			return ntok;
	struct entry *e = arena_alloc(&ix->mem, sizeof(*e));
	e->payload = payload;
	e->flags = is_cased(phrase) ? PHRASE_CASED : 0;
	e->cased = NULL;
	if (e->flags & PHRASE_CASED) {
		size_t len = strlen(phrase);
		e->cased = alnum_into(arena_alloc(&ix->mem, len + 1), phrase, len);
	}
	e->next = NULL;
	/* Keep insertion order: earlier rows first. */
	struct entry **tail = &s->list;
	while (*tail)
		tail = &(*tail)->next;
	*tail = e;
	ix->n_phrases++;
	return ntok;
}

static size_t collect(const struct slot *s, const struct tokens *t, size_t i, size_t n, int *out,
		      size_t max)
{
	size_t k = 0;
	for (const struct entry *e = s->list; e && k < max; e = e->next) {
		if (e->flags & PHRASE_CASED) {
			size_t a = t->tok[i].start, b = t->tok[i + n - 1].end;
			char *written = alnum_into(xmalloc(b - a + 1), t->text + a, b - a);
			int ok = strcmp(written, e->cased) == 0;
			free(written);
			if (!ok)
				continue;
		}
		out[k++] = e->payload;
	}
	return k;
}

size_t phrase_match(const struct phrase_index *ix, const struct tokens *t, size_t i, size_t limit,
		    int *out, size_t max, size_t *n_out)
{
	char key[MAX_KEY];
	size_t len = 0, best = 0;
	uint32_t h = 0;
	*n_out = 0;
	for (size_t j = i; j < limit && j - i < MAX_PHRASE_TOKENS; j++) {
		const char *w = t->tok[j].norm;
		size_t wl = t->tok[j].len;
		if (len + wl + 2 > sizeof(key))
			break;
		const struct slot *s;
		if (j == i) {
			/* Most tokens start no phrase: look the first word up as it is, with the
			 * hash that comes with the token, before copying anything. */
			h = t->tok[j].hash;
			if (!phrase_may_start(ix, &t->tok[j]))
				break;
			s = find_slot(ix, w, wl, h);
			if (!s->key)
				break;
			memcpy(key, w, wl);
			len = wl;
		} else {
			/* FNV-1a continues over " word". */
			key[len++] = ' ';
			h = word_hash_step(h, ' ');
			for (size_t k = 0; k < wl; k++)
				h = word_hash_step(h, (unsigned char)w[k]);
			memcpy(key + len, w, wl);
			len += wl;
			s = find_slot(ix, key, len, h);
		}
		if (!s->key)
			break;
		if (s->list) {
			size_t k = collect(s, t, i, j - i + 1, out, max);
			if (k) {
				best = j - i + 1;
				*n_out = k;
			}
		}
		if (!s->extends)
			break;
	}
	return best;
}

size_t phrase_lookup(const struct phrase_index *ix, const char *norm_key, int *out, size_t max)
{
	size_t len = strlen(norm_key), k = 0;
	const struct slot *s = find_slot(ix, norm_key, len, hash_str(norm_key, len));
	if (!s->key)
		return 0;
	for (const struct entry *e = s->list; e && k < max; e = e->next)
		out[k++] = e->payload;
	return k;
}

size_t phrase_count(const struct phrase_index *ix)
{
	return ix->n_phrases;
}
