/* numbers: a small recursive reader for English numerals. */
#include "text/numbers.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "text/wordset.h"

static const char *const units[] = { "zero", "one", "two", "three", "four", "five", "six",
	"seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
	"sixteen", "seventeen", "eighteen", "nineteen" };
static const char *const tens[] = { "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
	"eighty", "ninety" };

static long small_word(const char *w)
{
	/* First letters of every numeral word: most words are rejected without a comparison. */
	switch (w[0]) {
	case 'z': case 'o': case 't': case 'f': case 's': case 'e': case 'n':
		break;
	default:
		return -1;
	}
	for (int i = 0; i < 20; i++)
		if (word_eq(w, units[i]))
			return i;
	for (int i = 0; i < 8; i++)
		if (word_eq(w, tens[i]))
			return 20 + 10 * i;
	return -1;
}

static long digits_value(const char *w)
{
	long v = 0;
	int seen = 0;
	for (const char *p = w; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			if (v > 100000000L)
				return -1;
			v = v * 10 + (*p - '0');
			seen = 1;
		} else if (*p == '.') {
			break; /* decimals: keep the integer part */
		} else if (*p != ',') {
			return -1;
		}
	}
	return seen ? v : -1;
}

static inline int is(const struct tokens *t, size_t i, size_t limit, const char *w)
{
	return i < limit && tok_is(&t->tok[i], w);
}

static const struct { const char *word; long value; } scales[] = {
	{ "hundred", 100 }, { "thousand", 1000 }, { "million", 1000000 },
};

static long scale_word(const char *w)
{
	for (size_t k = 0; k < sizeof(scales) / sizeof(scales[0]); k++)
		if (word_eq(w, scales[k].word))
			return scales[k].value;
	return 0;
}

/* A plain figure: digits ("2,500", "3 million") or words ("twenty five", "two hundred"). */
static size_t figure_at(const struct tokens *t, size_t i, size_t limit, long *out)
{
	if (i >= limit)
		return 0;
	const char *w = t->tok[i].norm;
	size_t n = 0;
	long v;
	if (t->tok[i].flags & TOK_NUMBER) {
		v = digits_value(w);
		if (v < 0)
			return 0;
		n = 1;
	} else if ((v = small_word(w)) >= 0) {
		n = 1;
		long u;
		if (v >= 20 && i + 1 < limit && (u = small_word(t->tok[i + 1].norm)) > 0 && u < 10) {
			v += u;
			n = 2;
		}
	} else if (word_eq(w, "a") && i + 1 < limit && scale_word(t->tok[i + 1].norm)) {
		v = 1;
		n = 1;
	} else {
		return 0;
	}
	long s;
	while (i + n < limit && (s = scale_word(t->tok[i + n].norm))) {
		v *= s;
		n++;
		/* "one hundred and twenty" */
		long rest;
		size_t k;
		if (s >= 100 && is(t, i + n, limit, "and") && (k = figure_at(t, i + n + 1, limit, &rest)) &&
		    rest < s) {
			v += rest;
			n += k + 1;
		}
	}
	*out = v;
	return n;
}

/* Vague quantities, one convention for the killed, the injured and the detained (sitrep(1),
 * "fatalities"): ACLED's 10 for "tens", 12 for "dozens", 100 for "hundreds"; the fewest people
 * the word allows otherwise, by its rank: 2 for "a few", 3 for "several" and for "an unknown
 * number", 4 for "many".
 * "both" is exact. */
static const struct { const char *w1, *w2; long value; } vague[] = {
	{ "dozens", NULL, 12 }, { "a", "dozen", 12 }, { "tens", NULL, 10 },
	{ "scores", NULL, 20 }, { "hundreds", NULL, 100 }, { "thousands", NULL, 1000 },
	{ "several", NULL, 3 }, { "multiple", NULL, 3 }, { "a", "number", 3 },
	{ "a", "few", 2 }, { "a", "handful", 2 }, { "a", "couple", 2 }, { "few", NULL, 2 },
	{ "numerous", NULL, 4 }, { "many", NULL, 4 }, { "both", NULL, 2 },
	{ "unknown", "number", 3 }, { "unspecified", "number", 3 },
	{ "undisclosed", "number", 3 }, { "undetermined", "number", 3 },
	{ NULL, NULL, 0 }
};

/* Words before a figure. kind: 1 lower bound (open), 2 approximate, 3 upper bound. */
static const struct { const char *w1, *w2, *w3; int kind; } mods[] = {
	{ "at", "least", NULL, 1 }, { "more", "than", NULL, 1 }, { "over", NULL, NULL, 1 },
	{ "upwards", "of", NULL, 1 }, { "in", "excess", "of", 1 }, { "no", "fewer", "than", 1 },
	{ "no", "less", "than", 1 }, { "nearly", NULL, NULL, 2 }, { "almost", NULL, NULL, 2 },
	{ "about", NULL, NULL, 2 }, { "around", NULL, NULL, 2 }, { "some", NULL, NULL, 2 },
	{ "roughly", NULL, NULL, 2 }, { "approximately", NULL, NULL, 2 },
	{ "an", "estimated", NULL, 2 }, { "close", "to", NULL, 2 }, { "up", "to", NULL, 3 },
	{ "as", "many", "as", 3 }, { "fewer", "than", NULL, 3 }, { "less", "than", NULL, 3 },
	{ "at", "most", NULL, 3 }, { "between", NULL, NULL, 4 }, { "a", "total", "of", 0 },
	{ NULL, NULL, NULL, 0 }
};

enum { N_VAGUE = sizeof(vague) / sizeof(vague[0]), N_MODS = sizeof(mods) / sizeof(mods[0]) };
/* word_hash of each row's first word, to skip rows by one compare; made once, whichever
 * thread reads a number first. */
static uint32_t vague_hash[N_VAGUE], mod_hash[N_MODS];
enum { N_STARTERS = N_VAGUE + N_MODS + 20 + 8 };
static const char *starters[N_STARTERS + 1]; /* NULL-terminated, repeats harmless */
/* The words that may follow "a" in a number: the second words of the rows that start with
 * it ("a dozen", "a total of") and the scale words ("a hundred"). "a" is the commonest
 * starter by far, and nearly always starts no number: the next word tells at once. */
enum { N_AFTER_A = N_VAGUE + N_MODS + sizeof(scales) / sizeof(scales[0]) };
static const char *after_a[N_AFTER_A + 1];
static pthread_once_t rows_hashed = PTHREAD_ONCE_INIT;

static void hash_rows(void)
{
	size_t n = 0;
	for (size_t v = 0; vague[v].w1; v++) {
		vague_hash[v] = word_hash(vague[v].w1);
		starters[n++] = vague[v].w1;
	}
	for (size_t m = 0; mods[m].w1; m++) {
		mod_hash[m] = word_hash(mods[m].w1);
		starters[n++] = mods[m].w1;
	}
	for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++)
		starters[n++] = units[u];
	for (size_t d = 0; d < sizeof(tens) / sizeof(tens[0]); d++)
		starters[n++] = tens[d];
	starters[n] = NULL;
	n = 0;
	for (size_t v = 0; vague[v].w1; v++)
		if (word_eq(vague[v].w1, "a") && vague[v].w2)
			after_a[n++] = vague[v].w2;
	for (size_t m = 0; mods[m].w1; m++)
		if (word_eq(mods[m].w1, "a") && mods[m].w2)
			after_a[n++] = mods[m].w2;
	for (size_t k = 0; k < sizeof(scales) / sizeof(scales[0]); k++)
		after_a[n++] = scales[k].word;
	after_a[n] = NULL;
}

/* A vague quantity at token i. */
static size_t vague_at(const struct tokens *t, size_t i, size_t limit, struct count *c)
{
	long mult;
	size_t k;
	/* "two dozen" = 24 */
	if ((k = figure_at(t, i, limit, &mult)) && is(t, i + k, limit, "dozen")) {
		c->value = c->low = mult * 12;
		c->high = c->value;
		c->vague = 0;
		return k + 1;
	}
	if (i >= limit || (t->tok[i].flags & TOK_NUMBER))
		return 0; /* the vague quantities are words */
	pthread_once(&rows_hashed, hash_rows);
	for (size_t v = 0; vague[v].w1; v++) {
		if (vague_hash[v] != t->tok[i].hash || !is(t, i, limit, vague[v].w1))
			continue;
		if (vague[v].w2 && !is(t, i + 1, limit, vague[v].w2))
			continue;
		size_t n = vague[v].w2 ? 2 : 1;
		if (is(t, i + n, limit, "of"))
			n++;
		c->value = c->low = vague[v].value;
		c->high = -1;
		c->vague = 1;
		if (word_eq(vague[v].w1, "both")) {
			c->high = c->value;
			c->vague = 0;
		}
		return n;
	}
	return 0;
}

/* Words that can open a number expression: the first words of the vague quantities and the
 * modifiers, and the numeral words. Everything else is rejected at once, which matters because
 * number_at is asked at nearly every token. Made with the row hashes (hash_rows). */
static int starts_number(const char *w, unsigned hash)
{
	return wordset_has((const char *const *)starters, w, hash);
}

size_t number_at(const struct tokens *t, size_t i, size_t limit, struct count *out)
{
	pthread_once(&rows_hashed, hash_rows);
	if (i >= limit || (!(t->tok[i].flags & TOK_NUMBER) && !starts_number(t->tok[i].norm, t->tok[i].hash)))
		return 0;
	if (tok_is(&t->tok[i], "a") &&
	    !(i + 1 < limit && wordset_has(after_a, t->tok[i + 1].norm, t->tok[i + 1].hash)))
		return 0;
	size_t p = i;
	int kind = -1, modifier_word = 0;
	for (size_t m = 0; !(t->tok[i].flags & TOK_NUMBER) && mods[m].w1; m++) {
		if (mod_hash[m] != t->tok[p].hash || !is(t, p, limit, mods[m].w1))
			continue;
		modifier_word = 1;
		if (mods[m].w2 && !is(t, p + 1, limit, mods[m].w2))
			continue;
		if (mods[m].w3 && !is(t, p + 2, limit, mods[m].w3))
			continue;
		kind = mods[m].kind;
		p += 1 + (mods[m].w2 != NULL) + (mods[m].w3 != NULL);
		break;
	}
	/* "in", "at", "more" without the rest of their phrase start no number ("a" alone can:
	 * "a dozen", "a hundred"). */
	int an = kind < 0 && is(t, i, limit, "an"); /* "an unknown number of" */
	if (kind < 0 && modifier_word && !is(t, i, limit, "a") && !an)
		return 0;
	struct count c = { 0, 0, 0, 0 };
	long v;
	size_t n;
	if (an && !(n = vague_at(t, p + 1, limit, &c)))
		return 0;
	if (an) {
		p += 1 + n;
	} else if ((n = vague_at(t, p, limit, &c))) {
		p += n;
	} else if ((n = figure_at(t, p, limit, &v))) {
		p += n;
		c.value = c.low = c.high = v;
		/* Ranges: "2,500 to 3,500", "10-15", "between 5 and 7", "two or three". */
		size_t q = p;
		long hi;
		if ((is(t, q, limit, "to") || is(t, q, limit, "-") || is(t, q, limit, "or") ||
		     (kind == 4 && is(t, q, limit, "and"))) &&
		    (n = figure_at(t, q + 1, limit, &hi)) && hi > v) {
			c.high = hi;
			p = q + 1 + n;
		} else if (q < limit && (t->tok[q].flags & TOK_HYPHEN) &&
			   (n = figure_at(t, q, limit, &hi)) && hi > v) {
			c.high = hi; /* "10-15": the tokeniser drops the hyphen */
			p = q + n;
		}
	} else {
		return 0;
	}
	if (kind == 1) {
		c.high = -1; /* "at least 10", "more than 200": open above */
	} else if (kind == 3) {
		c.low = c.value > 0 ? 1 : 0; /* "up to 30": a ceiling, not a count */
		c.high = c.value;
	}
	*out = c;
	return p - i;
}
