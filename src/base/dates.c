/* dates: Howard Hinnant's civil-day algorithms plus a tolerant date reader. */
#include "base/dates.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct ymd civil_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	struct ymd out = { (int)(y + (m <= 2)), (int)m, (int)d };
	return out;
}

int weekday_of(struct ymd date)
{
	long days = days_from_civil(date.y, date.m, date.d);
	long w = (days + 4) % 7; /* 1970-01-01 was a Thursday */
	return (int)(w < 0 ? w + 7 : w);
}

int days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

int ymd_valid(struct ymd date)
{
	if (date.y < 1800 || date.y > 2200)
		return 0;
	if (date.m == 0)
		return date.d == 0;
	if (date.m < 1 || date.m > 12)
		return 0;
	return date.d == 0 || (date.d >= 1 && date.d <= days_in_month(date.y, date.m));
}

void ymd_format(struct ymd date, char *buf, size_t size)
{
	/* By hand rather than snprintf: extract formats a date for every event it writes. */
	char out[16];
	size_t n = 0;
	if (date.y < 0 || date.y > 9999) {
		snprintf(buf, size, "%d", date.y);
		return;
	}
	for (int div = 1000; div; div /= 10)
		out[n++] = (char)('0' + date.y / div % 10);
	int parts[2] = { date.m, date.d };
	for (int k = 0; k < 2 && parts[0] && (k == 0 || parts[1]); k++) {
		int v = parts[k] < 0 ? 0 : parts[k] % 100;
		out[n++] = '-';
		out[n++] = (char)('0' + v / 10);
		out[n++] = (char)('0' + v % 10);
	}
	out[n] = '\0';
	if (size) {
		size_t copy = n < size - 1 ? n : size - 1;
		memcpy(buf, out, copy);
		buf[copy] = '\0';
	}
}

struct ymd ymd_nearest_year(struct ymd date, struct ymd near)
{
	int day = date.d ? date.d : 1;
	long target = days_from_civil(near.y, near.m ? near.m : 7, near.m ? 15 : 1);
	struct ymd best = date;
	long best_dist = -1;
	for (int y = near.y - 1; y <= near.y + 1; y++) {
		if (day > days_in_month(y, date.m))
			continue; /* Feb. 29 only in a leap year */
		long dist = labs(days_from_civil(y, date.m, day) - target);
		if (best_dist < 0 || dist < best_dist) {
			best_dist = dist;
			best = (struct ymd){ y, date.m, date.d };
		}
	}
	return best;
}

static int word_end(const char *s)
{
	unsigned char c = (unsigned char)*s;
	return !((c >= '0' && c <= '9') || (ascii_lower(c) >= 'a' && ascii_lower(c) <= 'z'));
}

/* 1 if the byte is one of letters, either case: a test asked of every capitalised word. */
static int first_letter_in(char c, const char *lower_letters)
{
	c = (char)(c | 0x20);
	if (c < 'a' || c > 'z')
		return 0;
	for (; *lower_letters; lower_letters++)
		if (*lower_letters == c)
			return 1;
	return 0;
}

/* The name of prefixes (n names of three lower-case letters each, all distinct) that s
 * starts with, either case: its index, or -1. One comparison finds the only candidate. */
static int prefix3_index(const char *s, const char *prefixes, int n)
{
	if (!s[0] || !s[1] || !s[2])
		return -1;
	char p0 = (char)ascii_lower((unsigned char)s[0]), p1 = (char)ascii_lower((unsigned char)s[1]),
	     p2 = (char)ascii_lower((unsigned char)s[2]);
	for (int k = 0; k < n; k++)
		if (prefixes[3 * k] == p0 && prefixes[3 * k + 1] == p1 && prefixes[3 * k + 2] == p2)
			return k;
	return -1;
}

int month_at(const char *s, size_t *len)
{
	if (!first_letter_in(s[0], "jfmasond"))
		return 0;
	static const char *const names[] = { "january", "february", "march", "april", "may",
		"june", "july", "august", "september", "october", "november", "december" };
	static const unsigned char lengths[] = { 7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8 };
	int m = prefix3_index(s, "janfebmaraprmayjunjulaugsepoctnovdec", 12);
	if (m < 0)
		return 0;
	size_t full = lengths[m];
	if (ascii_ncasecmp(s, names[m], full) == 0 && word_end(s + full)) {
		*len = full;
		return m + 1;
	}
	/* Abbreviations: Jan, Feb, Sept, Sep; "May" is already whole. */
	if (m == 4)
		return 0;
	size_t n = (m == 8 && ascii_ncasecmp(s, "sept", 4) == 0) ? 4 : 3;
	if (!word_end(s + n))
		return 0;
	if (s[n] == '.')
		n++;
	*len = n;
	return m + 1;
}

int weekday_at(const char *s, size_t *len)
{
	if (!first_letter_in(s[0], "smtwf"))
		return -1;
	static const char *const names[] = { "sunday", "monday", "tuesday", "wednesday",
		"thursday", "friday", "saturday" };
	static const unsigned char lengths[] = { 6, 6, 7, 9, 8, 6, 8 };
	int d = prefix3_index(s, "sunmontuewedthufrisat", 7);
	if (d < 0)
		return -1;
	if (ascii_ncasecmp(s, names[d], lengths[d]) == 0 && word_end(s + lengths[d])) {
		*len = lengths[d];
		return d;
	}
	if (!word_end(s + 3))
		return -1;
	*len = 3 + (s[3] == '.');
	return d;
}

static size_t scan_int(const char *s, int maxdigits, int *out)
{
	size_t n = 0;
	int v = 0;
	while (isdigit((unsigned char)s[n]) && (int)n < maxdigits)
		v = v * 10 + (s[n++] - '0');
	if (n == 0 || isdigit((unsigned char)s[n]))
		return 0;
	*out = v;
	return n;
}

static size_t skip_ordinal(const char *s)
{
	if ((ascii_ncasecmp(s, "st", 2) == 0 || ascii_ncasecmp(s, "nd", 2) == 0 ||
	     ascii_ncasecmp(s, "rd", 2) == 0 || ascii_ncasecmp(s, "th", 2) == 0) && word_end(s + 2))
		return 2;
	return 0;
}

/* "2021-08-08" with optional time after. */
static size_t scan_iso(const char *s, struct ymd *out)
{
	int y, m, d;
	size_t n = scan_int(s, 4, &y);
	if (n != 4 || s[4] != '-')
		return 0;
	size_t k = scan_int(s + 5, 2, &m);
	if (!k || s[5 + k] != '-')
		return 0;
	size_t j = scan_int(s + 6 + k, 2, &d);
	if (!j)
		return 0;
	struct ymd v = { y, m, d };
	if (!ymd_valid(v))
		return 0;
	*out = v;
	return 6 + k + j;
}

static size_t scan_year(const char *s, int *year)
{
	int y;
	size_t n = scan_int(s, 4, &y);
	if (n != 4 || y < 1800 || y > 2200)
		return 0;
	*year = y;
	return n;
}

size_t date_scan(const char *s, struct ymd *out, int allow_no_year)
{
	struct ymd v = { 0, 0, 0 };
	size_t n, ml, p = 0;
	int m, d, y;
	if ((n = scan_iso(s, out)))
		return n;
	if ((m = month_at(s, &ml))) {
		/* "Jan. 25, 2013", "January 25 2013", "January 2013", "Jan. 25" */
		p = ml;
		while (s[p] == ' ')
			p++;
		if ((n = scan_int(s + p, 2, &d)) && d >= 1 && d <= 31) {
			size_t q = p + n;
			q += skip_ordinal(s + q);
			size_t after_day = q;
			if (s[q] == ',' || (s[q] == '.' && s[q + 1] == ' '))
				q++;
			while (s[q] == ' ')
				q++;
			if ((n = scan_year(s + q, &y))) {
				v = (struct ymd){ y, m, d };
				p = q + n;
			} else if (allow_no_year) {
				v = (struct ymd){ 0, m, d };
				p = after_day;
			} else {
				return 0;
			}
		} else if ((n = scan_year(s + p, &y))) {
			v = (struct ymd){ y, m, 0 };
			p += n;
		} else {
			return 0;
		}
	} else if ((n = scan_int(s, 2, &d)) && d >= 1 && d <= 31) {
		/* "25 January 2013", "25th of January" */
		p = n + skip_ordinal(s + n);
		while (s[p] == ' ')
			p++;
		if (ascii_ncasecmp(s + p, "of ", 3) == 0)
			p += 3;
		if (!(m = month_at(s + p, &ml)))
			return 0;
		p += ml;
		size_t q = p;
		if (s[q] == ',')
			q++;
		while (s[q] == ' ')
			q++;
		if ((n = scan_year(s + q, &y))) {
			v = (struct ymd){ y, m, d };
			p = q + n;
		} else if (allow_no_year) {
			v = (struct ymd){ 0, m, d };
		} else {
			return 0;
		}
	} else {
		return 0;
	}
	if (v.y && !ymd_valid(v))
		return 0;
	if (!v.y && (v.d > days_in_month(2000, v.m)))
		return 0;
	*out = v;
	return p;
}

int date_parse(const char *s, struct ymd *out)
{
	size_t wl;
	while (*s == ' ' || *s == '\t')
		s++;
	/* RFC 822 style leads with a weekday: "Sun, 08 Aug 2021". */
	if (weekday_at(s, &wl) >= 0) {
		s += wl;
		while (*s == ',' || *s == ' ')
			s++;
	}
	for (const char *p = s; *p; p++) {
		if (p != s && isalnum((unsigned char)p[-1]))
			continue;
		struct ymd v;
		if (date_scan(p, &v, 0) && v.y) {
			*out = v;
			return 1;
		}
		if (p - s > 40)
			break;
	}
	return 0;
}
