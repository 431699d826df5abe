/* dateline: the dateline and the dated header lines of a report (see dateline.h). */
#include "parse/dateline.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* How far into a report its header can reach: a dateline after more than this many lines or
 * bytes is text, not a header. */
#define HEADER_LINES 8
#define HEADER_BYTES 600

static int is_upper_word_run(const char *s, size_t len)
{
	int letters = 0;
	for (size_t i = 0; i < len; i++) {
		if (islower((unsigned char)s[i]))
			return 0;
		letters += isupper((unsigned char)s[i]) != 0;
	}
	return letters >= 2;
}

/* A place name part: 1-4 capitalised words of letters, spaces, hyphens, dots, apostrophes. */
static size_t scan_place_part(const char *s)
{
	size_t i = 0, words = 0;
	while (s[i]) {
		if (!isupper((unsigned char)s[i]))
			break;
		words++;
		while (isalpha((unsigned char)s[i]) || s[i] == '-' || s[i] == '\'' || s[i] == '.')
			i++;
		if (s[i] == ' ' && isupper((unsigned char)s[i + 1]) && words < 4)
			i++;
		else
			break;
	}
	return words ? i : 0;
}

/* " – ", " - ", " -- ", ": " after a dateline: its length, 0 if none. */
static size_t scan_separator(const char *s)
{
	size_t i = 0;
	while (s[i] == ' ')
		i++;
	if (starts_with(s + i, "\xE2\x80\x93") || starts_with(s + i, "\xE2\x80\x94"))
		i += 3;
	else if (s[i] == '-' || s[i] == ':')
		i += 1 + (s[i] == '-' && s[i + 1] == '-');
	else
		return 0;
	if (s[i] != ' ' && s[i] != '\0')
		return 0;
	while (s[i] == ' ')
		i++;
	return i;
}

/* A dated dateline may stand without a separator, alone on its line or before the first
 * sentence: "KABUL, Afghanistan (Feb. 8, 2011)  Afghan forces ...". Returns 1 and the
 * spaces to skip in *skip. */
static int body_follows(const char *s, size_t *skip)
{
	size_t i = 0;
	while (s[i] == ' ' || s[i] == '\t')
		i++;
	if (s[i] && i == 0)
		return 0;
	if (s[i] && !isupper((unsigned char)s[i]) && !isdigit((unsigned char)s[i]) && s[i] != '"' &&
	    (unsigned char)s[i] != 0xE2)
		return 0;
	*skip = i;
	return 1;
}

/* Fill in the year of a date printed without one from the header's year and month. */
static void complete_from_hint(struct ymd *date, struct ymd hint)
{
	if (date->y || !date->m || !hint.y)
		return;
	*date = ymd_nearest_year(*date, hint);
}

size_t dateline_at(const char *s, struct ymd hint, int strict, char **place, struct ymd *date)
{
	size_t i, n, first_len, skip = 0;
	int dated = 0, named_more = 0, paren = 0;
	struct ymd found = { 0, 0, 0 };
	if (!(first_len = scan_place_part(s)))
		return 0;
	int upper = is_upper_word_run(s, first_len);
	i = first_len;
	size_t place_end = i;
	for (int parts = 0; parts < 3 && s[i] == ',' && s[i + 1] == ' '; parts++) {
		/* "KABUL, 8 August 2021:", "BEIRUT, Oct 10 (Reuters) -" */
		if ((n = date_scan(s + i + 2, &found, 1)) && found.m && found.d) {
			dated = 1;
			i += 2 + n;
			break;
		}
		if (!(n = scan_place_part(s + i + 2)))
			break;
		i += 2 + n;
		place_end = i;
		named_more = 1;
	}
	if (s[i] == ' ' && s[i + 1] == '(') {
		/* "(AP)", "(Reuters)", "(Jan. 25, 2013)", "(Sept. 1)" */
		const char *close = strchr(s + i + 2, ')');
		if (!close || close - (s + i) > 40)
			return 0;
		struct ymd in_paren;
		if (!dated && date_scan(s + i + 2, &in_paren, 1) && in_paren.m && in_paren.d) {
			found = in_paren;
			dated = 1;
		}
		paren = 1;
		i = (size_t)(close - s) + 1;
	}
	if (i > 90)
		return 0;
	size_t sep = scan_separator(s + i);
	if (!sep && !(dated && body_follows(s + i, &skip)))
		return 0;
	if (strict ? !(upper && (dated || (sep && (named_more || paren))))
		   : !(upper || paren || dated))
		return 0;
	complete_from_hint(&found, hint);
	*place = xstrndup(s, place_end);
	if (dated && found.y)
		*date = found;
	return i + (sep ? sep : skip);
}

size_t dateline_reference_number(const char *s, struct ymd *ym)
{
	int y = 0, m = 0;
	for (int k = 0; k < 4; k++) {
		if (!isdigit((unsigned char)s[k]))
			return 0;
		y = y * 10 + (s[k] - '0');
	}
	if (s[4] != '-' || !isdigit((unsigned char)s[5]) || !isdigit((unsigned char)s[6]) ||
	    s[7] != '-')
		return 0;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (y < 1990 || y > 2100 || m < 1 || m > 12)
		return 0;
	/* A letter code ("S-114", "CA-005") or a serial of three digits or more: "2012-07-14"
	 * is a date, not a number. */
	size_t i = 8, digits = 0;
	while (isdigit((unsigned char)s[i + digits]))
		digits++;
	if (!isalpha((unsigned char)s[i]) && digits < 3)
		return 0;
	while (s[i] && s[i] != ' ' && s[i] != '\t')
		i++;
	*ym = (struct ymd){ y, m, 0 };
	return i;
}

static size_t count_words(const char *s)
{
	size_t words = 0;
	for (size_t i = 0; s[i]; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			words++;
	return words;
}

int dateline_is_release_furniture(const char *line)
{
	static const char *const markers[] = { "for immediate release", "news release",
		"press release", "download pdf", NULL };
	struct ymd ym;
	size_t n = dateline_reference_number(line, &ym);
	if (n)
		return count_words(line + n) <= 4 && !strchr(line + n, '.');
	if (strlen(line) > 40)
		return 0;
	for (size_t k = 0; markers[k]; k++)
		if (starts_with_ci(line, markers[k]))
			return 1;
	return 0;
}

/* Is the '.', '!' or '?' at s[p] the end of a sentence (not "Dec.", "Lt.", "U.S.")? */
static inline int sentence_end_at(const char *s, size_t p)
{
	/* Asked of every byte of a header: the common answer first. */
	if ((s[p] != '.' && s[p] != '!' && s[p] != '?') || (s[p + 1] != ' ' && s[p + 1] != '\0'))
		return 0;
	size_t w = p;
	while (w > 0 && s[w - 1] != ' ')
		w--;
	size_t len = p - w;
	if (len < 2 || (isupper((unsigned char)s[w]) && len <= 4))
		return 0; /* an abbreviation: "Dec.", "Gen.", "Lt.", "Mr." */
	return islower((unsigned char)s[p - 1]) && islower((unsigned char)s[p - 2]);
}

/* A line of the header alone (a title, "Operational Update, Jan. 10, 2011"), not text. */
static int short_header_line(const char *line)
{
	size_t len = strlen(line);
	if (len > 200)
		return 0;
	for (size_t p = 0; p < len; p++)
		if (sentence_end_at(line, p))
			return 0;
	return 1;
}

struct ymd dateline_year_hint(char *const *lines, size_t from, size_t n)
{
	struct ymd ym, full = { 0, 0, 0 };
	size_t seen = 0;
	for (size_t k = from; k < n && seen < HEADER_LINES; k++) {
		const char *line = lines[k];
		if (!*line)
			continue;
		seen++;
		/* A full date counts only on a header line: one in the text may be background. */
		int header = short_header_line(line), body = 0;
		for (size_t p = 0; line[p] && p < HEADER_BYTES && !body; p++) {
			body = sentence_end_at(line, p);
			if (p > 0 && line[p - 1] != ' ' && line[p - 1] != '(')
				continue;
			if (dateline_reference_number(line + p, &ym))
				return ym;
			struct ymd v;
			if (header && !full.y && date_scan(line + p, &v, 0) && v.y && v.m)
				full = (struct ymd){ v.y, v.m, 0 };
		}
		if (body || !header)
			break;
	}
	return full;
}

/* What may follow a date on a line of its own: a time and a zone ("10:45 GMT", "3 p.m."). */
static int only_time_after(const char *s)
{
	for (size_t i = 0; s[i];) {
		if (isdigit((unsigned char)s[i]) || strchr(" :.,|-()", s[i])) {
			i++;
			continue;
		}
		size_t w = i, upper = 0;
		while (isalpha((unsigned char)s[i]) || s[i] == '.') {
			upper += isupper((unsigned char)s[i]) != 0;
			i++;
		}
		size_t len = i - w;
		int meridiem = (len == 2 || len == 4) && strchr("aApP", s[w]) &&
			       (s[w + 1] == 'm' || s[w + 1] == 'M' || s[w + 1] == '.');
		if (len == 0 || (!meridiem && (len > 4 || upper != len)))
			return 0;
	}
	return 1;
}

int dateline_date_line(const char *line, struct ymd hint, struct ymd *date)
{
	static const char *const lead_ins[] = { "this story is from", "this article is from",
		"this report is from", "first published", "last updated", "published on", "published",
		"posted on", "posted", "updated on", "updated", "dated", NULL };
	const char *s = line;
	size_t wl;
	if (strlen(line) > 80)
		return 0;
	for (size_t k = 0; lead_ins[k]; k++)
		if (starts_with_ci(s, lead_ins[k]) && !isalpha((unsigned char)s[strlen(lead_ins[k])])) {
			s += strlen(lead_ins[k]);
			break;
		}
	while (*s == ' ' || *s == ':')
		s++;
	if (weekday_at(s, &wl) >= 0) {
		s += wl;
		while (*s == ',' || *s == ' ')
			s++;
	}
	struct ymd v;
	size_t n = date_scan(s, &v, 1);
	if (!n || !v.m || !v.d || !only_time_after(s + n))
		return 0;
	complete_from_hint(&v, hint);
	if (!v.y)
		return 0;
	*date = v;
	return 1;
}

int dateline_dated_headline(const char *line, struct ymd hint, struct ymd *date)
{
	struct ymd v;
	size_t n = date_scan(line, &v, 1);
	if (!n || !v.m || !v.d)
		return 0;
	while (line[n] == ' ')
		n++;
	if (line[n] != ':' || line[n + 1] != ' ')
		return 0;
	complete_from_hint(&v, hint);
	if (!v.y)
		return 0;
	*date = v;
	return 1;
}

int dateline_find(char *const *lines, size_t from, size_t n, struct ymd hint,
		  struct dateline_found *out)
{
	size_t seen = 0, bytes = 0;
	for (size_t k = from; k < n && seen < HEADER_LINES && bytes < HEADER_BYTES; k++) {
		const char *line = lines[k];
		if (!*line)
			continue;
		seen++;
		int body = 0;
		for (size_t p = 0; line[p] && bytes + p < HEADER_BYTES && !body; p++) {
			body = sentence_end_at(line, p);
			if (!isupper((unsigned char)line[p]) ||
			    (p > 0 && line[p - 1] != ' ' && (unsigned char)line[p - 1] != 0xA0))
				continue;
			struct ymd date = { 0, 0, 0 };
			char *place = NULL;
			size_t len = dateline_at(line + p, hint, 1, &place, &date);
			if (len) {
				*out = (struct dateline_found){ k, p, p + len, place, date };
				return 1;
			}
		}
		if (body)
			return 0; /* body text came first: no dateline in the header */
		bytes += strlen(line) + 1;
	}
	return 0;
}
