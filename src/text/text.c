/* text: one pass over the bytes makes tokens; a second pass groups them into sentences.
 * Hyphens and apostrophes inside words split tokens but are not tokens themselves, so
 * "Sar-e-Pol", "Sar e Pol" and "Sar-e Pol" tokenise alike. */
#include "text/text.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "text/wordset.h"
#include "base/util.h"

static void pool_reserve(struct tokens *t, size_t need)
{
	if (t->pool_len + need <= t->pool_alloc)
		return;
	/* Strings are referenced by offset while building, so realloc is safe. */
	while (t->pool_len + need > t->pool_alloc)
		t->pool_alloc = t->pool_alloc ? t->pool_alloc * 2 : 4096;
	t->pool = xrealloc(t->pool, t->pool_alloc);
}

/* Classes of ASCII bytes inside words (0: not a letter or digit). */
enum { AC_DIGIT = 1, AC_LOWER, AC_UPPER };
static const unsigned char ascii_class[256] = {
	['0'] = AC_DIGIT, ['1'] = AC_DIGIT, ['2'] = AC_DIGIT, ['3'] = AC_DIGIT, ['4'] = AC_DIGIT,
	['5'] = AC_DIGIT, ['6'] = AC_DIGIT, ['7'] = AC_DIGIT, ['8'] = AC_DIGIT, ['9'] = AC_DIGIT,
	['a'] = AC_LOWER, ['b'] = AC_LOWER, ['c'] = AC_LOWER, ['d'] = AC_LOWER, ['e'] = AC_LOWER,
	['f'] = AC_LOWER, ['g'] = AC_LOWER, ['h'] = AC_LOWER, ['i'] = AC_LOWER, ['j'] = AC_LOWER,
	['k'] = AC_LOWER, ['l'] = AC_LOWER, ['m'] = AC_LOWER, ['n'] = AC_LOWER, ['o'] = AC_LOWER,
	['p'] = AC_LOWER, ['q'] = AC_LOWER, ['r'] = AC_LOWER, ['s'] = AC_LOWER, ['t'] = AC_LOWER,
	['u'] = AC_LOWER, ['v'] = AC_LOWER, ['w'] = AC_LOWER, ['x'] = AC_LOWER, ['y'] = AC_LOWER,
	['z'] = AC_LOWER,
	['A'] = AC_UPPER, ['B'] = AC_UPPER, ['C'] = AC_UPPER, ['D'] = AC_UPPER, ['E'] = AC_UPPER,
	['F'] = AC_UPPER, ['G'] = AC_UPPER, ['H'] = AC_UPPER, ['I'] = AC_UPPER, ['J'] = AC_UPPER,
	['K'] = AC_UPPER, ['L'] = AC_UPPER, ['M'] = AC_UPPER, ['N'] = AC_UPPER, ['O'] = AC_UPPER,
	['P'] = AC_UPPER, ['Q'] = AC_UPPER, ['R'] = AC_UPPER, ['S'] = AC_UPPER, ['T'] = AC_UPPER,
	['U'] = AC_UPPER, ['V'] = AC_UPPER, ['W'] = AC_UPPER, ['X'] = AC_UPPER, ['Y'] = AC_UPPER,
	['Z'] = AC_UPPER,
};

static int is_letter_cp_slow(uint32_t cp);

static inline int is_letter_cp(uint32_t cp)
{
	return cp < 0x80 ? ascii_class[cp] != 0 : is_letter_cp_slow(cp);
}

static int is_letter_cp_slow(uint32_t cp)
{
	if (utf8_fold(cp) && isalpha(utf8_fold(cp)))
		return 1;
	/* Other scripts (Arabic, Cyrillic, CJK...): letters for our purpose, except punctuation
	 * and symbol blocks. */
	return !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x02B0 && cp <= 0x02FF) && cp != 0xFFFD && !(cp >= 0x3000 && cp <= 0x303F) &&
	       cp != 0xA0 && cp != 0xAB && cp != 0xBB && cp != 0xB7 && cp != 0xB0 && cp != 0xA9;
}

static inline uint32_t cp_at(const char *s, size_t len, size_t i, size_t *adv)
{
	if (i >= len) {
		*adv = 0;
		return 0;
	}
	if ((unsigned char)s[i] < 0x80) {
		*adv = 1;
		return (unsigned char)s[i];
	}
	return utf8_decode(s + i, len - i, adv);
}

static int is_quote_cp(uint32_t cp)
{
	return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB;
}

static int is_apos_cp(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

static int is_hyphen_cp(uint32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static void push(struct tokens *t, size_t start, size_t end, size_t norm_off, unsigned flags)
{
	if (t->n == t->alloc) {
		t->alloc = t->alloc ? t->alloc * 2 : 256;
		t->tok = xrealloc(t->tok, t->alloc * sizeof(*t->tok));
	}
	struct token *k = &t->tok[t->n++];
	k->start = start;
	k->end = end;
	k->norm = (const char *)(uintptr_t)norm_off; /* fixed up after the pool stops moving */
	k->flags = flags;
	k->sentence = 0;
}

/* Bytes of a word copied between two checks of the pool's room. */
#define WORD_CHUNK 64

/* Scan one word starting at i: letters/digits, with internal "." in abbreviations (U.S.,
 * a.m.) and internal "," or "." between digits (2,500 / 3.5). */
static size_t scan_word(const char *s, size_t len, size_t i, struct tokens *t, unsigned *flags)
{
	size_t start = i, adv;
	int upper = 0, lower = 0, digits = 0, letters = 0;
	size_t norm_off = t->pool_len;
	if (i < len && ascii_class[(unsigned char)s[i]] == AC_UPPER)
		*flags |= TOK_CAP;
	for (;;) {
		/* A run of ASCII letters and digits, nearly every byte of English text, is copied
		 * lower-cased in one tight loop without decoding (b | 0x20 lower-cases a letter and
		 * keeps a digit), in chunks so that the pool is grown only between them. */
		size_t run_start = i;
		unsigned seen = 0; /* bit per class met */
		for (;;) {
			pool_reserve(t, WORD_CHUNK);
			char *out = t->pool + t->pool_len;
			size_t stop = len - i < WORD_CHUNK ? len : i + WORD_CHUNK;
			unsigned cls;
			while (i < stop && (cls = ascii_class[(unsigned char)s[i]])) {
				seen |= 1u << cls;
				*out++ = (char)(s[i] | 0x20);
				i++;
			}
			t->pool_len = (size_t)(out - t->pool);
			if (i < stop || i >= len)
				break;
		}
		if (i > run_start) {
			/* Only whether each kind occurs matters below. */
			digits += (seen >> AC_DIGIT) & 1;
			lower += (seen >> AC_LOWER) & 1;
			upper += (seen >> AC_UPPER) & 1;
			letters += ((seen >> AC_LOWER) | (seen >> AC_UPPER)) & 1;
			if (i >= len || s[i] == ' ')
				break; /* the usual end of a word */
			continue;
		}
		uint32_t cp = cp_at(s, len, i, &adv);
		/* Ayn and hamza marks of transliteration (A'zaz, Ma'rib) vanish inside words. */
		if (adv && (cp == 0x02BE || cp == 0x02BF || cp == 0x02BB) && i > start) {
			i += adv;
			continue;
		}
		if (adv && is_letter_cp(cp)) {
			int f = cp < 0x80 ? (int)cp : utf8_fold(cp);
			pool_reserve(t, 4);
			if (f) {
				if (isdigit(f))
					digits++;
				else
					letters++;
				if (isupper(f))
					upper++;
				else if (islower(f))
					lower++;
				if (i == start && isupper(f))
					*flags |= TOK_CAP;
				t->pool[t->pool_len++] = (char)tolower(f);
			} else {
				letters++;
				memcpy(t->pool + t->pool_len, s + i, adv);
				t->pool_len += adv;
			}
			i += adv;
			continue;
		}
		/* Separators inside numbers and abbreviations. */
		if (adv && (cp == ',' || cp == '.') && i + 1 < len) {
			uint32_t next_cp;
			size_t nadv;
			next_cp = cp_at(s, len, i + 1, &nadv);
			int prev_digit = i > start && isdigit((unsigned char)s[i - 1]);
			if (prev_digit && nadv && next_cp < 0x80 && isdigit((int)next_cp) && !letters) {
				pool_reserve(t, 1);
				t->pool[t->pool_len++] = (char)cp;
				i++;
				continue;
			}
			/* U.S. / a.m.: single letters separated by dots. */
			if (cp == '.' && letters && !digits && i - start <= 3 && nadv && next_cp < 0x80 &&
			    isalpha((int)next_cp) && (i + 2 >= len || s[i + 2] == '.')) {
				pool_reserve(t, 1);
				t->pool[t->pool_len++] = '.';
				i++;
				continue;
			}
		}
		break;
	}
	/* Trailing dot of an abbreviation like "U.S." belongs to the token. */
	if (i < len && s[i] == '.' && t->pool_len > norm_off &&
	    memchr(t->pool + norm_off, '.', t->pool_len - norm_off)) {
		pool_reserve(t, 1);
		t->pool[t->pool_len++] = '.';
		i++;
	}
	if (digits && !letters)
		*flags |= TOK_NUMBER;
	if (upper && !lower)
		*flags |= TOK_ALLCAPS;
	*flags |= TOK_WORD;
	pool_reserve(t, 1);
	t->pool[t->pool_len++] = '\0';
	push(t, start, i, norm_off, *flags);
	return i;
}

static void push_punct(struct tokens *t, size_t start, size_t end, char c, unsigned flags)
{
	size_t off = t->pool_len;
	pool_reserve(t, 2);
	t->pool[t->pool_len++] = c;
	t->pool[t->pool_len++] = '\0';
	push(t, start, end, off, flags | TOK_PUNCT);
}

static void tokenise(struct tokens *t, const char *s, size_t len)
{
	size_t i = 0, adv;
	unsigned pending = TOK_PARA;
	int in_quote = 0;
	while (i < len) {
		uint32_t cp = cp_at(s, len, i, &adv);
		if (cp == '\n') {
			if (i + 1 < len && s[i + 1] == '\n')
				pending |= TOK_PARA;
			i++;
			continue;
		}
		int fold = cp >= 0x80 ? utf8_fold(cp) : 0;
		if (cp == ' ' || cp == '\t' || fold == ' ') {
			pending &= ~TOK_HYPHEN;
			i += adv;
			continue;
		}
		if (is_letter_cp(cp)) {
			unsigned flags = pending;
			pending = 0;
			i = scan_word(s, len, i, t, &flags);
			if (i < len && s[i] == ' ')
				continue; /* no possessive or hyphen can follow */
			/* Possessive 's / s' is folded into the word. */
			size_t a2, a3;
			uint32_t q = cp_at(s, len, i, &a2);
			if (a2 && is_apos_cp(q)) {
				uint32_t after = cp_at(s, len, i + a2, &a3);
				uint32_t after2 = a3 ? cp_at(s, len, i + a2 + a3, &adv) : 0;
				if ((after == 's' || after == 'S') && !(after2 < 0x80 && isalnum((int)after2))) {
					t->tok[t->n - 1].flags |= TOK_POSS;
					i += a2 + a3;
				} else if (after < 0x80 && isalpha((int)after)) {
					pending |= TOK_HYPHEN; /* Qal'ah: apostrophe joins */
					i += a2;
				} else if (t->pool[(uintptr_t)t->tok[t->n - 1].norm +
						   strlen(t->pool + (uintptr_t)t->tok[t->n - 1].norm) - 1] == 's') {
					t->tok[t->n - 1].flags |= TOK_POSS; /* plural possessive: forces' */
					i += a2;
				}
			}
			uint32_t h = cp_at(s, len, i, &a2);
			if (a2 && is_hyphen_cp(h)) {
				uint32_t after = cp_at(s, len, i + a2, &a3);
				if (a3 && is_letter_cp(after)) {
					pending |= TOK_HYPHEN;
					i += a2;
				}
			}
			continue;
		}
		unsigned flags = pending & TOK_PARA;
		pending = 0;
		char c = cp < 0x80 ? (char)cp : (char)(fold ? fold : '?');
		if (is_quote_cp(cp)) {
			int open;
			if (cp == 0x201C || cp == 0xAB)
				open = 1;
			else if (cp == 0x201D || cp == 0xBB)
				open = 0;
			else
				open = !in_quote;
			in_quote = open;
			push_punct(t, i, i + adv, '"', flags | TOK_QUOTE | (open ? TOK_OPENQ : TOK_CLOSEQ));
		} else if (is_apos_cp(cp)) {
			/* Stray apostrophes (single quotes) are not tokens. */
		} else if (is_hyphen_cp(cp) && i > 0 && t->n && t->tok[t->n - 1].end == i &&
			   (t->tok[t->n - 1].flags & TOK_WORD)) {
			/* "Qala-I- Naw": a hyphen hanging off a word joins, like one inside it. */
			pending |= TOK_HYPHEN;
		} else {
			push_punct(t, i, i + adv, c, flags);
		}
		i += adv;
	}
}

/* Words after which a full stop does not end a sentence. */
static int is_abbreviation(const char *w, unsigned hash)
{
	static const char *const abbr[] = { "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt",
		"capt", "maj", "brig", "cmdr", "adm", "gov", "sen", "rep", "rev", "prof", "st",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "pres", "fig",
		"approx", "est", "dept", "mt", "ft", "cpl", "pvt", "spc", "gen", "insp", "supt",
		NULL };
	if ((w[0] && !w[1] && isalpha((unsigned char)w[0])))
		return 1; /* initials: "John F. Kennedy" */
	return wordset_has(abbr, w, hash);
}

static void add_sentence(struct tokens *t, size_t first, size_t last, unsigned para)
{
	if (first >= last)
		return;
	if (t->n_sent == t->alloc_sent) {
		t->alloc_sent = t->alloc_sent ? t->alloc_sent * 2 : 64;
		t->sent = xrealloc(t->sent, t->alloc_sent * sizeof(*t->sent));
	}
	struct sentence *s = &t->sent[t->n_sent];
	s->first = first;
	s->last = last;
	s->start = t->tok[first].start;
	s->end = t->tok[last - 1].end;
	s->para = para;
	for (size_t i = first; i < last; i++)
		t->tok[i].sentence = (unsigned)t->n_sent;
	t->n_sent++;
}

/* A text with almost no capitals (an all-lower-case feed): case says nothing there. */
static int lower_case_text(const struct tokens *t)
{
	size_t words = 0, caps = 0;
	for (size_t i = 0; i < t->n; i++)
		if ((t->tok[i].flags & TOK_WORD) && !(t->tok[i].flags & TOK_NUMBER)) {
			words++;
			caps += (t->tok[i].flags & TOK_CAP) != 0;
		}
	return words >= 10 && caps * 100 < words;
}

static void split_sentences(struct tokens *t)
{
	size_t first = 0;
	unsigned para = 0;
	int lower = lower_case_text(t);
	for (size_t i = 0; i < t->n; i++) {
		struct token *k = &t->tok[i];
		if ((k->flags & TOK_PARA) && i > first) {
			add_sentence(t, first, i, para);
			first = i;
		}
		if (k->flags & TOK_PARA)
			para++;
		if (!(k->flags & TOK_PUNCT) || (k->norm[0] != '.' && k->norm[0] != '!' && k->norm[0] != '?'))
			continue;
		/* Abbreviations end with their dot inside the token; a separate "." after a known
		 * abbreviation does not end the sentence unless a capitalised word follows a
		 * month or title would be odd. */
		if (k->norm[0] == '.' && i > first && (t->tok[i - 1].flags & TOK_WORD) &&
		    t->tok[i - 1].end == k->start && is_abbreviation(t->tok[i - 1].norm, t->tok[i - 1].hash))
			continue;
		size_t end = i + 1;
		/* Closing quotes and brackets stay with the sentence they close. */
		while (end < t->n && (t->tok[end].flags & TOK_CLOSEQ || t->tok[end].norm[0] == ')') &&
		       !(t->tok[end].flags & TOK_PARA))
			end++;
		/* "U.S." ending a token followed by a lower-case word: not a sentence end; in a text
		 * written all in lower case, a full stop ends the sentence whatever follows. */
		if (!lower && end < t->n && (t->tok[end].flags & TOK_WORD) && !(t->tok[end].flags & TOK_CAP) &&
		    !(t->tok[end].flags & TOK_NUMBER) && !(t->tok[end].flags & TOK_PARA))
			continue;
		add_sentence(t, first, end, para);
		first = end;
		i = end - 1;
	}
	add_sentence(t, first, t->n, para);
}

void tokens_build(struct tokens *t, const char *text, size_t len)
{
	memset(t, 0, sizeof(*t));
	tokens_rebuild(t, text, len);
}

void tokens_rebuild(struct tokens *t, const char *text, size_t len)
{
	struct tokens kept = *t;
	memset(t, 0, sizeof(*t));
	t->tok = kept.tok;
	t->alloc = kept.alloc;
	t->sent = kept.sent;
	t->alloc_sent = kept.alloc_sent;
	t->pool = kept.pool;
	t->pool_alloc = kept.pool_alloc;
	t->text = text;
	/* Sized from the text so that growing (and copying) is rare: English runs about one token
	 * per five bytes, and normal forms are about as long as the text. */
	if (t->alloc < len / 4 + 16) {
		t->alloc = len / 4 + 16;
		t->tok = xrealloc(t->tok, t->alloc * sizeof(*t->tok));
	}
	if (t->pool_alloc < len + len / 4 + 64) {
		t->pool_alloc = len + len / 4 + 64;
		t->pool = xrealloc(t->pool, t->pool_alloc);
	}
	tokenise(t, text, len);
	for (size_t i = 0; i < t->n; i++) {
		const char *norm = t->pool + (uintptr_t)t->tok[i].norm;
		uint32_t h = WORD_HASH_SEED; /* word_hash, and the length on the way */
		const char *p = norm;
		for (; *p; p++)
			h = word_hash_step(h, (unsigned char)*p);
		t->tok[i].norm = norm;
		t->tok[i].hash = h;
		t->tok[i].len = (unsigned)(p - norm);
	}
	/* An abbreviation token ending in "." at a sentence end: "in the U.S. The" is handled
	 * by the capital-letter rule in split_sentences only for separate dots; dots inside
	 * tokens never split. */
	split_sentences(t);
}

void tokens_release(struct tokens *t)
{
	free(t->tok);
	free(t->sent);
	free(t->pool);
	memset(t, 0, sizeof(*t));
}

/* Most lexicon names are ASCII letters and digits in words parted by single spaces
 * ("Mazar i Sharif"): their normal form is the lower-cased text, made here without the
 * tokeniser. Returns the token count, or 0 (and writes nothing) for anything else. */
static size_t normalise_plain(const char *s, size_t len, struct strbuf *out)
{
	size_t words = 1;
	if (!len || s[0] == ' ' || s[len - 1] == ' ')
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ') {
			if (s[i + 1] == ' ')
				return 0;
			words++;
		} else if (!ascii_class[c]) {
			return 0;
		}
	}
	strbuf_grow(out, len);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		out->buf[out->len++] = (char)(ascii_class[c] == AC_UPPER ? c + ('a' - 'A') : c);
	}
	out->buf[out->len] = '\0';
	return words;
}

size_t text_normalise_phrase(const char *s, size_t len, struct strbuf *out)
{
	size_t plain = normalise_plain(s, len, out);
	if (plain)
		return plain;
	/* Words only: a phrase has no sentences to split. */
	struct tokens t;
	memset(&t, 0, sizeof(t));
	t.text = s;
	tokenise(&t, s, len);
	for (size_t i = 0; i < t.n; i++)
		t.tok[i].norm = t.pool + (uintptr_t)t.tok[i].norm;
	for (size_t i = 0; i < t.n; i++) {
		if (i)
			strbuf_addch(out, ' ');
		strbuf_addstr(out, t.tok[i].norm);
	}
	size_t n = t.n;
	tokens_release(&t);
	return n;
}
