/* article: the plain-text rules of news pages, shared by every input format.
 * Each line is a paragraph; lines are classified in order (header, title, byline, boilerplate,
 * caption, body) and the body paragraphs are joined with blank lines. */
#include "parse/article.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "parse/dateline.h"
#include "parse/pagewords.h"
#include "base/utf8.h"
#include "base/util.h"

/* The phrases of page furniture, trailers, captions and credits are data: pagewords.h. */

/* Case-insensitive substring tests for short lines (captions, addresses): a line lower-cased
 * once into low (512 bytes), then searched for each needle. Longer lines are article text:
 * lower_short returns 0 for them and the tests answer no. */
static int lower_short(const char *line, char low[512])
{
	size_t n = strlen(line);
	if (n >= 512)
		return 0;
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)line[i]);
	return 1;
}

static int has_any(const char *low, const char *const *needles)
{
	for (size_t i = 0; needles[i]; i++)
		if (strstr(low, needles[i]))
			return 1;
	return 0;
}

static int in_prefix_list(const char *line, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (starts_with_ci(line, list[i]))
			return 1;
	return 0;
}

static int ends_sentence(const char *line)
{
	size_t n = strlen(line);
	while (n && (line[n - 1] == ' ' || line[n - 1] == '"' || line[n - 1] == '\''))
		n--;
	if (n >= 3 && (unsigned char)line[n - 3] == 0xE2 && (unsigned char)line[n - 2] == 0x80 &&
	    ((unsigned char)line[n - 1] == 0x9D || (unsigned char)line[n - 1] == 0x99))
		n -= 3;
	return n && strchr(".!?:", line[n - 1]) != NULL;
}

static size_t count_words(const char *s, size_t len)
{
	size_t words = 0;
	int in = 0;
	for (size_t i = 0; i < len; i++) {
		int sp = s[i] == ' ' || s[i] == '\t';
		if (!sp && !in)
			words++;
		in = !sp;
	}
	return words;
}

/* A run of 1-6 capitalised words (names, outlets): "Ayaz Gul", "VOA News", "The Guardian". */
static int is_name_run(const char *s, size_t len)
{
	size_t words = count_words(s, len);
	if (words == 0 || words > 6 || len > 60)
		return 0;
	for (size_t i = 0; i < len; i++) {
		int start = i == 0 || s[i - 1] == ' ';
		if (start && islower((unsigned char)s[i]) &&
		    !(ascii_ncasecmp(s + i, "and ", 4) == 0 || ascii_ncasecmp(s + i, "in ", 3) == 0 ||
		      ascii_ncasecmp(s + i, "of ", 3) == 0 || ascii_ncasecmp(s + i, "de ", 3) == 0 ||
		      ascii_ncasecmp(s + i, "al-", 3) == 0 || ascii_ncasecmp(s + i, "for ", 4) == 0))
			return 0;
		if (i > 0 && strchr(".!?\"", s[i]) && i + 1 < len && s[i + 1] == ' ' && !isupper((unsigned char)s[i - 1]))
			return 0;
	}
	return 1;
}

static char *trimmed_copy(const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '.'))
		len--;
	return xstrndup(s, len);
}

/* Find a dash separator (" – ", " — ", " - ", " | ") in line; returns its offset and width. */
static const char *find_dash(const char *line, size_t *width)
{
	static const char *const seps[] = { " \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " | ", NULL };
	for (size_t i = 0; seps[i]; i++) {
		const char *p = strstr(line, seps[i]);
		if (p) {
			*width = strlen(seps[i]);
			return p;
		}
	}
	return NULL;
}

/* Byline forms: "By Jane Doe", "By Jane Doe, Reuters", "Jane Doe – VOA News",
 * "Author: X", "Source: X", "The story comes from X." Returns 1 when consumed. */
static int take_byline(struct doc *d, const char *line)
{
	size_t len = strlen(line), w;
	const char *dash;
	if (len > 100)
		return 0;
	if (starts_with_ci(line, "author:") || starts_with_ci(line, "byline:")) {
		char *v = trimmed_copy(line + 7, len - 7);
		if (!d->author)
			doc_set(&d->author, v);
		free(v);
		return 1;
	}
	if (starts_with_ci(line, "source:")) {
		char *v = trimmed_copy(line + 7, len - 7);
		if (!d->publisher)
			doc_set(&d->publisher, v);
		free(v);
		return 1;
	}
	const char *const *from = pagewords(PW_story_from);
	for (size_t i = 0; from[i]; i++) {
		size_t n = strlen(from[i]);
		if (starts_with_ci(line, from[i])) {
			char *v = trimmed_copy(line + n, len - n);
			if (!d->publisher)
				doc_set(&d->publisher, v);
			free(v);
			return 1;
		}
	}
	if (starts_with(line, "By ") || starts_with(line, "BY ")) {
		const char *rest = line + 3;
		const char *comma = strchr(rest, ',');
		size_t name_len = comma ? (size_t)(comma - rest) : strlen(rest);
		if (!is_name_run(rest, name_len))
			return 0;
		char *v = trimmed_copy(rest, name_len);
		if (!d->author)
			doc_set(&d->author, v);
		free(v);
		if (comma && is_name_run(comma + 1, strlen(comma + 1) - (ends_sentence(comma + 1) ? 1 : 0))) {
			v = trimmed_copy(comma + 1, strlen(comma + 1));
			if (!d->publisher)
				doc_set(&d->publisher, v);
			free(v);
		}
		return 1;
	}
	if ((dash = find_dash(line, &w)) && !ends_sentence(line)) {
		size_t left = (size_t)(dash - line);
		const char *right = dash + w;
		if (count_words(line, left) >= 2 && count_words(line, left) <= 4 &&
		    is_name_run(line, left) && is_name_run(right, strlen(right))) {
			char *a = trimmed_copy(line, left), *p = trimmed_copy(right, strlen(right));
			if (!d->author)
				doc_set(&d->author, a);
			if (!d->publisher || d->publisher_guessed) {
				doc_set(&d->publisher, p);
				d->publisher_guessed = 0;
			}
			free(a);
			free(p);
			return 1;
		}
	}
	return 0;
}

static int is_caption(const char *line)
{
	char low[512];
	return lower_short(line, low) && has_any(low, pagewords(PW_caption));
}

/* A bare web address or host name, as in lists of mirror addresses. */
static int is_address_line(const char *line)
{
	char low[512];
	if (strchr(line, ' '))
		return 0;
	return starts_with_ci(line, "www.") || starts_with_ci(line, "http://") ||
	       starts_with_ci(line, "https://") ||
	       (strchr(line, '.') && lower_short(line, low) && has_any(low, pagewords(PW_web_domain)));
}

/* "... at the following alternate addresses": the lead-in to a list of mirrors. */
static int mentions_mirrors(const char *line)
{
	char low[512];
	return lower_short(line, low) && has_any(low, pagewords(PW_mirror_lead_in));
}

static const char *const header_keys[] = { "title", "date", "published", "publisher", "source",
	"url", "author", "byline", "dateline", NULL };

/* "Key: value" with a known key: index into header_keys, value offset in *voff; else -1. */
static int header_key(const char *line, size_t *voff)
{
	for (int i = 0; header_keys[i]; i++) {
		size_t n = strlen(header_keys[i]);
		if (ascii_ncasecmp(line, header_keys[i], n) == 0 && line[n] == ':') {
			*voff = n + 1;
			while (line[*voff] == ' ')
				(*voff)++;
			return i;
		}
	}
	return -1;
}

static void apply_header(struct doc *d, int key, const char *value)
{
	switch (key) {
	case 0: if (!d->title) doc_set(&d->title, value); break;
	case 1: case 2: doc_set_published(d, value, DATE_INPUT); break;
	case 3: case 4: if (!d->publisher) doc_set(&d->publisher, value); break;
	case 5: if (!d->url) doc_set(&d->url, value); break;
	case 6: case 7: if (!d->author) doc_set(&d->author, value); break;
	case 8: if (!d->dateline) doc_set(&d->dateline, value); break;
	}
}

/* Header block: leading "Key: value" lines up to the first empty line. Returns lines used. */
static size_t take_header_block(struct doc *d, char **lines, size_t n)
{
	size_t i = 0, voff;
	while (i < n && !*lines[i])
		i++;
	size_t start = i;
	while (i < n && *lines[i] && header_key(lines[i], &voff) >= 0)
		i++;
	if (i == start || (i < n && *lines[i]))
		return 0; /* not a block: must end at an empty line or the end */
	for (size_t k = start; k < i; k++) {
		int key = header_key(lines[k], &voff);
		apply_header(d, key, lines[k] + voff);
	}
	return i;
}

/* "News / Afghanistan", "Home > World > Asia": navigation, not a title. */
static int is_breadcrumb(const char *line)
{
	int seps = 0;
	for (const char *p = line; *p; p++)
		if ((*p == '/' || *p == '>' || *p == '|') && p > line && p[-1] == ' ' && p[1] == ' ')
			seps++;
	return seps > 0 && count_words(line, strlen(line)) <= (size_t)(4 * (seps + 1)) && !ends_sentence(line);
}

static int is_title_like(const char *line)
{
	size_t len = strlen(line);
	return len > 0 && len <= 200 && !ends_sentence(line);
}

static int is_body_like(const char *line)
{
	return strlen(line) > 120 || (ends_sentence(line) && count_words(line, strlen(line)) > 8);
}

/* Title of a plain-text article: a line printed twice wins (scraped pages repeat it); else the
 * first title-like line before the body. Lines before the chosen title are masthead (site
 * name, section) and are dropped. Returns the index after the title, marks title. */
static size_t take_title(struct doc *d, char **lines, size_t from, size_t n)
{
	size_t cand[8], nc = 0;
	if (d->title)
		return from; /* known from a header: repeats of it are dropped later */
	for (size_t i = from; i < n && nc < 8; i++) {
		if (!*lines[i] || dateline_is_release_furniture(lines[i]) ||
		    in_prefix_list(lines[i], pagewords(PW_furniture)))
			continue;
		if (is_body_like(lines[i]))
			break;
		cand[nc++] = i;
	}
	for (size_t k = 0; k + 1 < nc; k++) {
		if (strcmp(lines[cand[k]], lines[cand[k + 1]]) == 0 && is_title_like(lines[cand[k]])) {
			if (!d->title)
				doc_set(&d->title, lines[cand[k]]);
			for (size_t j = 0; j < k; j++) {
				if (!take_byline(d, lines[cand[j]]) && !d->publisher && j == 0 && k == 1 &&
				    is_name_run(lines[cand[j]], strlen(lines[cand[j]]))) {
					doc_set(&d->publisher, lines[cand[j]]);
					d->publisher_guessed = 1;
				}
				d->removed++;
			}
			return cand[k + 1] + 1;
		}
	}
	for (size_t k = 0; k < nc; k++) {
		const char *line = lines[cand[k]];
		if (take_byline(d, line)) {
			d->removed++;
			continue;
		}
		if (is_breadcrumb(line)) {
			d->removed++;
			continue;
		}
		if (is_title_like(line) && !is_caption(line)) {
			if (!d->title)
				doc_set(&d->title, line);
			return cand[k] + 1;
		}
	}
	return from;
}

/* --- assembly -------------------------------------------------------------------------- */

/* The dates a report's header gives, best first: its dateline's, a date line's ("This story
 * is from March 10, 2002"), a dated headline's ("June 15: Operations in Kunar"). */
struct header_dates {
	struct ymd hint; /* the header's year and month, for dates printed without a year */
	struct ymd dateline, date_line, headline;
};

static void set_header_date(struct doc *d, const struct header_dates *hd)
{
	struct ymd best = hd->dateline.y ? hd->dateline : hd->date_line.y ? hd->date_line : hd->headline;
	char buf[16];
	if (!best.y)
		return;
	ymd_format(best, buf, sizeof(buf));
	doc_set_published(d, buf, DATE_DATELINE);
}

/* Lines that are a page's or a release's furniture wherever they stand: reference numbers,
 * and date lines (whose date is kept). */
static int is_dated_furniture(const char *line, struct header_dates *hd)
{
	struct ymd date;
	if (dateline_is_release_furniture(line))
		return 1;
	if (!dateline_date_line(line, hd->hint, &date))
		return 0;
	if (!hd->date_line.y)
		hd->date_line = date;
	return 1;
}

/* The dateline at the start of the first body paragraph: how many bytes of it to skip. */
static size_t first_dateline(struct doc *d, const char *line, struct header_dates *hd)
{
	char *place = NULL;
	struct ymd date = { 0, 0, 0 };
	size_t strip = dateline_at(line, hd->hint, 0, &place, &date);
	if (strip) {
		if (!d->dateline)
			doc_set(&d->dateline, place);
		hd->dateline = date;
	}
	free(place);
	return strip;
}

/* Lines from..to stand before a dateline: they are the header. The title (if the document
 * has none) and a byline are taken from them; the rest is dropped. */
static void take_header_lines(struct doc *d, char **lines, size_t from, size_t to,
			      struct header_dates *hd)
{
	size_t i = d->title ? from : take_title(d, lines, from, to);
	for (; i < to; i++) {
		if (!*lines[i] || (d->title && strcmp(lines[i], d->title) == 0))
			continue;
		if (!take_byline(d, lines[i]))
			is_dated_furniture(lines[i], hd);
		d->removed++;
	}
}

/* Metadata from lines[0..n) into d; the paragraphs of the body, in order, into lines[0..),
 * the first without its dateline. Returns how many. The lines themselves are not copied. */
static size_t select_paragraphs(struct doc *d, char **lines, size_t n, unsigned flags)
{
	size_t i = 0, skip = 0, skip_line = n, kept = 0; /* lines[skip_line] starts after skip bytes */
	int first_body = 1, trailer = 0;
	struct header_dates hd = { { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 } };
	struct dateline_found dl;
	if (flags & ARTICLE_HEADER_BLOCK)
		i = take_header_block(d, lines, n);
	hd.hint = dateline_year_hint(lines, i, n);
	for (size_t k = i; k < n; k++)
		if (*lines[k]) {
			dateline_dated_headline(lines[k], hd.hint, &hd.headline);
			break;
		}
	if (dateline_find(lines, i, n, hd.hint, &dl)) {
		/* "2012-07-S-114 For Immediate Release  KANDAHAR, Afghanistan (July 3, 2012) ..." */
		take_header_lines(d, lines, i, dl.line, &hd);
		if (dl.start)
			d->removed++;
		if (!d->dateline)
			doc_set(&d->dateline, dl.place);
		hd.dateline = dl.date;
		free(dl.place);
		i = skip_line = dl.line;
		skip = dl.end;
		first_body = 0;
	} else if (flags & ARTICLE_FIND_TITLE) {
		i = take_title(d, lines, i, n);
	}
	for (; i < n; i++) {
		char *line = i == skip_line ? lines[i] + skip : lines[i];
		if (!*line)
			continue;
		if (d->title && strcmp(line, d->title) == 0) {
			d->removed++; /* repeated title */
			continue;
		}
		if (d->publisher && strcmp(line, d->publisher) == 0) {
			d->removed++;
			continue;
		}
		if (in_prefix_list(line, pagewords(PW_trailer)))
			trailer = 1;
		size_t line_len = strlen(line);
		if (in_prefix_list(line, pagewords(PW_furniture)) || (line_len < 200 && is_address_line(line)) ||
		    (line_len < 200 && mentions_mirrors(line)) ||
		    (line_len < 100 && is_dated_furniture(line, &hd)) ||
		    (first_body && take_byline(d, line)) ||
		    (!first_body && (starts_with_ci(line, "source:") || starts_with_ci(line, "author:")) &&
		     take_byline(d, line)) ||
		    (line_len < 400 && is_caption(line)) ||
		    (trailer && !ends_sentence(line) && strlen(line) < 80)) {
			d->removed++;
			continue;
		}
		if (first_body) {
			line += first_dateline(d, line, &hd);
			first_body = 0;
		}
		lines[kept++] = line; /* kept <= i: what it overwrites has been read */
	}
	set_header_date(d, &hd);
	return kept;
}

void article_from_paragraphs(struct doc *d, char **lines, size_t n, unsigned flags)
{
	char **paras = xmalloc((n ? n : 1) * sizeof(*paras)); /* the caller's array stays as it is */
	if (n)
		memcpy(paras, lines, n * sizeof(*paras));
	size_t kept = select_paragraphs(d, paras, n, flags);
	for (size_t k = 0; k < kept; k++) {
		if (d->text.len)
			strbuf_add(&d->text, "\n\n", 2);
		strbuf_addstr(&d->text, paras[k]);
	}
	free(paras);
	utf8_nfc(&d->text);
}

/* Join the paragraphs (NUL-terminated, in order, inside buf) with blank lines, in buf itself.
 * A paragraph is moved down to where it goes, which is never past where it is, once
 * everything has been shifted up by the most the output gets ahead of the input (lines
 * separated by one newline become paragraphs separated by two). */
static void join_in_place(struct strbuf *buf, char **paras, size_t n)
{
	size_t out = 0, ahead = 0;
	for (size_t k = 0; k < n; k++) {
		size_t at = (size_t)(paras[k] - buf->buf);
		if (out)
			out += 2;
		if (out > at && out - at > ahead)
			ahead = out - at;
		out += strlen(paras[k]);
	}
	if (ahead) {
		/* Offsets, as growing the buffer may move it. */
		size_t len = buf->len, *at = xmalloc((n ? n : 1) * sizeof(*at));
		for (size_t k = 0; k < n; k++)
			at[k] = (size_t)(paras[k] - buf->buf);
		strbuf_grow(buf, ahead);
		memmove(buf->buf + ahead, buf->buf, len + 1);
		for (size_t k = 0; k < n; k++)
			paras[k] = buf->buf + ahead + at[k];
		free(at);
	}
	out = 0;
	for (size_t k = 0; k < n; k++) {
		size_t len = strlen(paras[k]);
		if (out) {
			buf->buf[out++] = '\n';
			buf->buf[out++] = '\n';
		}
		memmove(buf->buf + out, paras[k], len);
		out += len;
	}
	strbuf_setlen(buf, out);
}

/* Spaces, tabs and no-break spaces (U+00A0) that open a line. */
static size_t leading_blank(const char *p)
{
	size_t i = 0;
	for (;;) {
		if (p[i] == ' ' || p[i] == '\t')
			i++;
		else if ((unsigned char)p[i] == 0xC2 && (unsigned char)p[i + 1] == 0xA0)
			i += 2;
		else
			return i;
	}
}

static int ends_nbsp(const char *p, size_t l)
{
	return l >= 2 && (unsigned char)p[l - 2] == 0xC2 && (unsigned char)p[l - 1] == 0xA0;
}

/* U+2028 and U+2029 separate lines and paragraphs as '\n' does: made '\n' and two spaces
 * (trimmed with the line), so that no record carries one into a line-based reader. */
static void unicode_line_breaks(struct strbuf *sb)
{
	char *p = sb->buf, *end = sb->buf + sb->len;
	while ((p = memchr(p, 0xE2, (size_t)(end - p))) && end - p >= 3) {
		if ((unsigned char)p[1] == 0x80 && ((unsigned char)p[2] == 0xA8 || (unsigned char)p[2] == 0xA9))
			memcpy(p, "\n  ", 3);
		p++;
	}
}

void article_from_buffer(struct doc *d, struct strbuf *raw, unsigned flags)
{
	size_t bad = utf8_clean_inplace(raw);
	if (bad)
		doc_warn(d, "%zu invalid UTF-8 sequences or NUL bytes replaced with U+FFFD", bad);
	unicode_line_breaks(raw);
	/* Split into trimmed lines in place. */
	size_t n = 0, alloc = 64;
	char **lines = xmalloc(alloc * sizeof(*lines));
	char *p = raw->len ? raw->buf : NULL;
	while (p && *p) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		p += leading_blank(p);
		size_t l = strlen(p);
		while (l && (p[l - 1] == ' ' || p[l - 1] == '\t' || ends_nbsp(p, l)))
			l -= p[l - 1] == ' ' || p[l - 1] == '\t' ? 1 : 2;
		p[l] = '\0';
		if (n == alloc)
			lines = xrealloc(lines, (alloc *= 2) * sizeof(*lines));
		lines[n++] = p;
		p = nl ? nl + 1 : NULL;
	}
	size_t kept = select_paragraphs(d, lines, n, flags);
	join_in_place(raw, lines, kept);
	free(lines);
	utf8_nfc(raw);
	/* The buffer becomes the text: no copy of a long article. */
	strbuf_release(&d->text);
	d->text = *raw;
	strbuf_init(raw, 0);
}

void article_from_bytes(struct doc *d, const char *raw, size_t len, unsigned flags)
{
	struct strbuf buf = STRBUF_INIT;
	strbuf_add(&buf, raw, len);
	article_from_buffer(d, &buf, flags);
}
