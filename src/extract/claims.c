/* claims: who says so. Finds speech verbs with their speaker phrase ("police said",
 * "said Taliban spokesman Zabihullah Mujahid", "according to local officials") and the
 * direct quotations of the document with their speakers. */
#include <string.h>

#include "extract/ectx.h"
#include "base/util.h"


/* Tokens that end a speaker phrase when walking away from the verb. */
static int phrase_boundary(const struct ectx *cx, size_t i)
{
	const struct token *k = &cx->t.tok[i];
	if (k->flags & TOK_PUNCT)
		return strchr(",;:\"()[].!?", k->norm[0]) != NULL;
	return cx_cue(cx, i, CUE_speaker_stop);
}

static const char *pronoun_speaker(struct ectx *cx)
{
	return cx->n_cl ? cx->cl[cx->n_cl - 1].speaker : NULL;
}

static void add_claim(struct ectx *cx, size_t first, size_t last, size_t verb)
{
	/* Drop leading articles and time words: "the Interior Ministry" -> "Interior Ministry". */
	while (first < last && cx_cue(cx, first, CUE_speaker_skip))
		first++;
	/* Trailing dates ("said Sunday") are not part of the speaker. */
	while (last > first && (cx->t.tok[last - 1].flags & TOK_NUMBER))
		last--;
	if (first >= last || last - first > 12)
		return;
	const char *speaker;
	if (last - first == 1 && (cx_is(cx, first, "he") || cx_is(cx, first, "she") ||
				  cx_is(cx, first, "they") || cx_is(cx, first, "it"))) {
		speaker = pronoun_speaker(cx);
		if (!speaker)
			return;
	} else {
		size_t a = cx->t.tok[first].start, b = cx->t.tok[last - 1].end;
		speaker = ectx_strdup(cx, cx->d->text.buf + a, b - a);
	}
	struct claim *c = ECTX_PUSH(cx->cl, cx->n_cl, cx->alloc_cl);
	c->first = first;
	c->last = last;
	c->verb = verb;
	c->speaker = speaker;
}

static int is_weekday_token(const struct ectx *cx, size_t i)
{
	size_t k = dm_lower(cx, i > 4 ? i - 4 : 0);
	for (; k < cx->n_dm && cx->dm[k].first <= i; k++)
		if (i >= cx->dm[k].first && i < cx->dm[k].last)
			return 1;
	return 0;
}

/* "the governor of Belgorod region, Vyacheslav Gladkov, said": the speaker is the phrase
 * between the commas before the verb. */
static void appositive_speaker(struct ectx *cx, size_t s_first, size_t v)
{
	if (v < s_first + 2 || !cx_is(cx, v - 1, ","))
		return;
	size_t e = v - 1, b = e;
	while (b > s_first && !phrase_boundary(cx, b - 1) && e - b < 6)
		b--;
	if (b < e && b > s_first && cx_is(cx, b - 1, ",") && (cx->t.tok[b].flags & TOK_CAP))
		add_claim(cx, b, e, v);
}

void claims_find(struct ectx *cx)
{
	for (size_t s = 0; s < cx->t.n_sent; s++) {
		size_t first = sentence_first(cx, s), last = sentence_last(cx, s);
		for (size_t i = first; i < last; i++) {
			/* "according to X" */
			if (cx_is(cx, i, "according") && cx_is(cx, i + 1, "to")) {
				size_t e = i + 2;
				while (e < last && !phrase_boundary(cx, e) && e - i < 12)
					e++;
				add_claim(cx, i + 2, e, i);
				continue;
			}
			if (!cx_cue(cx, i, CUE_speech_verb))
				continue;
			/* "was quoted as saying": the speaker is before "was". */
			size_t v = i;
			/* Subject before the verb: walk back to a boundary. */
			size_t b = v;
			while (b > first && !phrase_boundary(cx, b - 1) && !is_weekday_token(cx, b - 1) &&
			       v - b < 12)
				b--;
			if (b < v && !(b + 1 == v && cx_is(cx, b, "was"))) {
				size_t e = v;
				if (cx_is(cx, e - 1, "was") || cx_is(cx, e - 1, "has") ||
				    cx_is(cx, e - 1, "have") || cx_is(cx, e - 1, "had") ||
				    cx_is(cx, e - 1, "also"))
					e--;
				add_claim(cx, b, e, v);
				continue;
			}
			/* Inverted: ", said police spokesman X." Only verbs of saying invert; after
			 * "told" or "claimed" come the listener or the claim. */
			if (!cx_is(cx, v, "said") && !cx_is(cx, v, "says") && !cx_is(cx, v, "added") &&
			    !cx_is(cx, v, "wrote") && !cx_is(cx, v, "tweeted") && !cx_is(cx, v, "stated"))
				continue;
			size_t e = v + 1;
			while (e < last && is_weekday_token(cx, e))
				e++;
			size_t start = e;
			while (e < last && !phrase_boundary(cx, e) && e - start < 12)
				e++;
			/* An inverted speaker ends the sentence or is short ("said Gladkov, the
			 * governor"); a long run up to a comma is what was said ("Gladkov, said a
			 * Ukrainian drone hit a car ..., killing"). */
			int ends = e == last || cx_is(cx, e, ".") || (cx->t.tok[e].flags & TOK_QUOTE);
			if (e > start && !ends && e - start > 6) {
				appositive_speaker(cx, first, v);
				continue;
			}
			if (e > start && !cx_is(cx, start, "that") && !cx_is(cx, start, "it") &&
			    !cx_is(cx, start, "the") && !(cx->t.tok[start].flags & TOK_NUMBER))
				add_claim(cx, start, e, v);
			else if (e > start && cx_is(cx, start, "the") && e - start <= 6)
				add_claim(cx, start, e, v);
			else
				appositive_speaker(cx, first, v);
		}
	}
}

size_t claimed_scope(const struct ectx *cx, size_t i)
{
	size_t s0 = cx->t.sent[cx->t.tok[i].sentence].first;
	for (size_t k = s0; k + 2 < i; k++)
		if ((cx_is(cx, k, "claimed") || cx_is(cx, k, "claims") || cx_is(cx, k, "claiming")) &&
		    cx_is(cx, k + 1, "to") && cx_is(cx, k + 2, "have"))
			return k;
	return (size_t)-1;
}

/* --- quotations --------------------------------------------------------------------------- */

static const char *quote_speaker(const struct ectx *cx, size_t open, size_t close)
{
	/* A claim whose verb lies within a few tokens after the closing mark, or before the
	 * opening mark in the same sentence ("Mujahid said: ..."). */
	size_t s_close = cx->t.tok[close].sentence, s_open = cx->t.tok[open].sentence;
	for (size_t k = cl_lower(cx, s_close); k < cx->n_cl &&
	     cx->t.tok[cx->cl[k].verb].sentence <= s_close + 1; k++) {
		const struct claim *c = &cx->cl[k];
		if (c->verb > close && c->verb - close <= 8)
			return c->speaker;
	}
	for (size_t k = cl_lower(cx, s_open + 1); k-- > cl_lower(cx, s_open);) {
		const struct claim *c = &cx->cl[k];
		if (c->verb < open && open - c->verb <= 4)
			return c->speaker;
	}
	return NULL;
}

/* The next quotation at or after token *from: its marks' tokens and speaker. Scare quotes
 * ("large-scale") are not quotations: a quote needs a speaker or a clause. Returns 0 at the
 * end of the text; *from moves past the quote. */
int quote_next(const struct ectx *cx, size_t *from, size_t *open, size_t *close, const char **speaker)
{
	for (size_t i = *from; i < cx->t.n; i++) {
		if (!(cx->t.tok[i].flags & TOK_OPENQ))
			continue;
		size_t j = i + 1;
		while (j < cx->t.n && !(cx->t.tok[j].flags & (TOK_CLOSEQ | TOK_OPENQ)))
			j++;
		if (j >= cx->t.n || !(cx->t.tok[j].flags & TOK_CLOSEQ))
			continue;
		size_t words = 0;
		for (size_t k = i + 1; k < j; k++)
			words += (cx->t.tok[k].flags & TOK_WORD) != 0;
		const char *who = quote_speaker(cx, i, j);
		if (words < 4 && !(who && words >= 2)) {
			i = j;
			continue;
		}
		*open = i;
		*close = j;
		*speaker = who;
		*from = j + 1;
		return 1;
	}
	*from = cx->t.n;
	return 0;
}
