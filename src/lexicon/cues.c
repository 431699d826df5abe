/* cues: loads cues.tsv (name, words, about) and any user tables into hashed word sets. */
#include "lexicon/cues.h"

#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/util.h"
#include "io/tsv.h"
#include "lexicon/embedded.h"
#include "text/wordset.h"

#define CUES_HEADER "name,words,about"

static const char *const code_cues[CUE_COUNT] = {
#define CUE_STRING(name) #name,
	CUE_NAMES(CUE_STRING)
#undef CUE_STRING
};

int cues_find(const struct cue_lex *lex, const char *name)
{
	for (size_t i = 0; i < lex->n; i++)
		if (lex->cue[i].name && strcmp(lex->cue[i].name, name) == 0)
			return (int)i;
	return -1;
}

static struct cue *cue_named(struct cue_lex *lex, const char *name)
{
	int i = cues_find(lex, name);
	if (i >= 0)
		return &lex->cue[i];
	if (lex->n == lex->cap) {
		lex->cap *= 2;
		lex->cue = xrealloc(lex->cue, lex->cap * sizeof(*lex->cue));
	}
	struct cue *c = &lex->cue[lex->n++];
	memset(c, 0, sizeof(*c));
	c->name = xstrdup(name);
	return c;
}

static void cue_remove(struct cue *c, const char *word)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->words[i], word) == 0) {
			free(c->words[i]);
			memmove(&c->words[i], &c->words[i + 1], (c->n - i - 1) * sizeof(*c->words));
			c->n--;
			return;
		}
}

static void cue_add(struct cue *c, const char *word)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->words[i], word) == 0)
			return;
	if (c->n + 1 >= c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->words = xrealloc(c->words, c->cap * sizeof(*c->words));
	}
	c->words[c->n++] = xstrdup(word);
	c->words[c->n] = NULL;
}

struct load_ctx {
	struct cue_lex *lex;
	const char *file;
	int bad;
};

/* One cell's word as tokens see it: folded and lower-cased. A cue word is one token. */
static int normalise_word(const char *w, size_t len, struct strbuf *out)
{
	strbuf_reset(out);
	text_normalise_phrase(w, len, out);
	return out->len > 0 && !memchr(out->buf, ' ', out->len);
}

static int cue_row(void *vctx, char **f, size_t n, unsigned long line)
{
	struct load_ctx *ctx = vctx;
	struct strbuf word = STRBUF_INIT;
	(void)n;
	struct cue *c = cue_named(ctx->lex, f[0]);
	if (f[2][0]) {
		free(c->about);
		c->about = xstrdup(f[2]);
	}
	for (const char *p = f[1]; *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		int remove = len > 0 && p[0] == '-';
		if (!normalise_word(p + remove, len - remove, &word)) {
			error("%s:%lu: cue '%s': '%.*s' is not one word", ctx->file, line, f[0], (int)len, p);
			ctx->bad = 1;
		} else if (remove) {
			cue_remove(c, word.buf);
		} else {
			cue_add(c, word.buf);
		}
		p += len + (bar != NULL);
	}
	strbuf_release(&word);
	return 0;
}

static void cue_index(struct cue *c)
{
	size_t cap = 8;
	while (cap < 4 * c->n)
		cap *= 2;
	c->mask = (uint32_t)(cap - 1);
	c->slot_hash = xcalloc(cap, sizeof(*c->slot_hash));
	c->slot_word = xcalloc(cap, sizeof(*c->slot_word));
	for (size_t i = 0; i < c->n; i++) {
		uint32_t h = word_hash(c->words[i]);
		h = h ? h : 1;
		uint32_t k = h & c->mask;
		while (c->slot_hash[k])
			k = (k + 1) & c->mask;
		c->slot_hash[k] = h;
		c->slot_word[k] = c->words[i];
	}
	if (!c->words) { /* an empty cue still ends in NULL */
		c->words = xcalloc(1, sizeof(*c->words));
		c->cap = 1;
	}
}

int cue_has_word(const struct cue *c, const char *word)
{
	uint32_t h = word_hash(word);
	h = h ? h : 1;
	for (uint32_t k = h & c->mask; c->slot_hash[k]; k = (k + 1) & c->mask)
		if (c->slot_hash[k] == h && strcmp(c->slot_word[k], word) == 0)
			return 1;
	return 0;
}

/* The slot of word in the all-words table: where it is, or the empty slot it would go in. */
static uint32_t word_slot(const struct cue_lex *lex, const char *word, uint32_t h)
{
	uint32_t k = h & lex->mask;
	while (lex->slot_hash[k] && !(lex->slot_hash[k] == h && strcmp(lex->slot_word[k], word) == 0))
		k = (k + 1) & lex->mask;
	return k;
}

/* The all-words table and its bit rows, once every cue has its words. */
static void index_words(struct cue_lex *lex)
{
	size_t total = 0, cap = 8;
	for (size_t i = 0; i < lex->n; i++)
		total += lex->cue[i].n;
	while (cap < 2 * total)
		cap *= 2;
	lex->mask = (uint32_t)(cap - 1);
	lex->slot_hash = xcalloc(cap, sizeof(*lex->slot_hash));
	lex->slot_word = xcalloc(cap, sizeof(*lex->slot_word));
	lex->slot_row = xcalloc(cap, sizeof(*lex->slot_row));
	lex->row_words = (lex->n + 63) / 64;
	lex->rows = xcalloc((total + 1) * lex->row_words, sizeof(*lex->rows));
	lex->n_rows = 1;
	for (size_t i = 0; i < lex->n; i++)
		for (size_t w = 0; w < lex->cue[i].n; w++) {
			const char *word = lex->cue[i].words[w];
			uint32_t h = word_hash(word);
			h = h ? h : 1;
			uint32_t k = word_slot(lex, word, h);
			if (!lex->slot_hash[k]) {
				lex->slot_hash[k] = h;
				lex->slot_word[k] = word;
				lex->slot_row[k] = (uint32_t)lex->n_rows++;
			}
			lex->rows[(size_t)lex->slot_row[k] * lex->row_words + (i >> 6)] |= 1ull << (i & 63);
		}
}

struct cue_lex *cues_load(const char *const *user_files, size_t n_user)
{
	struct cue_lex *lex = xcalloc(1, sizeof(*lex));
	lex->cap = CUE_COUNT + 16;
	lex->cue = xcalloc(lex->cap, sizeof(*lex->cue));
	for (size_t i = 0; i < CUE_COUNT; i++) /* the code's cues first, in enum order */
		lex->cue[lex->n++].name = xstrdup(code_cues[i]);
	const struct embedded_file *ef = embedded_find("src/data/cues.tsv");
	struct load_ctx ctx = { lex, "src/data/cues.tsv", 0 };
	if (!ef || tsv_parse(ef->data, ef->len, ef->name, CUES_HEADER, cue_row, &ctx) != 0 || ctx.bad)
		goto fail;
	for (size_t u = 0; u < n_user; u++) {
		ctx.file = user_files[u];
		if (tsv_parse_file(user_files[u], CUES_HEADER, cue_row, &ctx) != 0 || ctx.bad)
			goto fail;
	}
	for (size_t i = 0; i < CUE_COUNT; i++)
		if (!lex->cue[i].about && !lex->cue[i].n) {
			error("cues: the code uses cue '%s', which no table defines", code_cues[i]);
			goto fail;
		}
	for (size_t i = 0; i < lex->n; i++)
		cue_index(&lex->cue[i]);
	index_words(lex);
	return lex;
fail:
	for (size_t i = 0; i < lex->n; i++)
		cue_index(&lex->cue[i]);
	cues_free(lex);
	return NULL;
}

void cues_free(struct cue_lex *lex)
{
	if (!lex)
		return;
	for (size_t i = 0; i < lex->n; i++) {
		struct cue *c = &lex->cue[i];
		for (size_t w = 0; w < c->n; w++)
			free(c->words[w]);
		free(c->words);
		free(c->name);
		free(c->about);
		free(c->slot_hash);
		free(c->slot_word);
	}
	free(lex->cue);
	free(lex->slot_hash);
	free(lex->slot_word);
	free(lex->slot_row);
	free(lex->rows);
	free(lex);
}
