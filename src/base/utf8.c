/* utf8: the byte-level rules for text entering sitrep. */
#include "base/utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static const char replacement[] = "\xEF\xBF\xBD";

/* Bytes allowed after a lead byte (Unicode Table 3-7): the second byte's range is narrower
 * for E0, ED, F0 and F4, which rules out overlongs, surrogates and values past U+10FFFF. */
static int second_ok(unsigned char lead, unsigned char b)
{
	if (lead == 0xE0)
		return b >= 0xA0 && b <= 0xBF;
	if (lead == 0xED)
		return b >= 0x80 && b <= 0x9F;
	if (lead == 0xF0)
		return b >= 0x90 && b <= 0xBF;
	if (lead == 0xF4)
		return b >= 0x80 && b <= 0x8F;
	return (b & 0xC0) == 0x80;
}

uint32_t utf8_decode(const char *s, size_t len, size_t *adv)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;
	size_t need;
	if (u[0] < 0x80) {
		*adv = 1;
		return u[0];
	} else if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		need = 2; cp = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		need = 3; cp = u[0] & 0x0F;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		need = 4; cp = u[0] & 0x07;
	} else {
		*adv = 1;
		return 0xFFFD;
	}
	/* A broken sequence is replaced as one unit: its longest valid prefix. */
	for (size_t i = 1; i < need; i++) {
		int ok = i < len && (i == 1 ? second_ok(u[0], u[1]) : (u[i] & 0xC0) == 0x80);
		if (!ok) {
			*adv = i;
			return 0xFFFD;
		}
		cp = (cp << 6) | (u[i] & 0x3F);
	}
	*adv = need;
	return cp;
}

/* utf8_clean from s on; a byte-order mark is dropped only at the very start. */
static size_t clean_bytes(const char *s, size_t len, struct strbuf *out, int at_start)
{
	size_t bad = 0, i = 0;
	if (at_start && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	strbuf_grow(out, len - i);
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x80) {
			size_t run = i;
			while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x80)
				i++;
			strbuf_add(out, s + run, i - run);
			continue;
		}
		if (c < 0x20) {
			if (c == '\n' || c == '\t')
				strbuf_addch(out, c);
			else if (c == '\r') {
				if (!(i + 1 < len && s[i + 1] == '\n'))
					strbuf_addch(out, '\n');
			} else if (c == 0) {
				strbuf_add(out, replacement, 3);
				bad++;
			} /* other controls: dropped silently, they carry no text */
			i++;
			continue;
		}
		size_t adv;
		uint32_t cp = utf8_decode(s + i, len - i, &adv);
		if (cp == 0xFFFD && !(adv == 3 && (unsigned char)s[i] == 0xEF)) {
			strbuf_add(out, replacement, 3);
			bad++;
		} else {
			strbuf_add(out, s + i, adv);
		}
		i += adv;
	}
	return bad;
}

size_t utf8_clean(const char *s, size_t len, struct strbuf *out)
{
	return clean_bytes(s, len, out, 1);
}

/* Printable ASCII from s[i]: the end of the run. */
static size_t ascii_run(const char *s, size_t i, size_t len)
{
	while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

size_t utf8_clean_inplace(struct strbuf *sb)
{
	char *s = sb->buf;
	size_t len = sb->len, r = 0, w = 0, bad = 0;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		r = 3;
	while (r < len) {
		unsigned char c = (unsigned char)s[r];
		size_t adv = 1, keep = 0; /* bytes read; bytes kept as they are */
		int replace = 0;
		if (c >= 0x20 && c < 0x80) {
			adv = keep = ascii_run(s, r, len) - r;
		} else if (c < 0x20) {
			if (c == '\n' || c == '\t')
				keep = 1;
			else if (c == '\r' && !(r + 1 < len && s[r + 1] == '\n'))
				s[r] = '\n', keep = 1;
			else if (c == 0)
				replace = 1;
		} else {
			uint32_t cp = utf8_decode(s + r, len - r, &adv);
			replace = cp == 0xFFFD && !(adv == 3 && c == 0xEF);
			keep = replace ? 0 : adv;
		}
		if (replace && w + 3 > r + adv) {
			/* U+FFFD is longer than what it replaces here: the rest goes through a copy. */
			struct strbuf rest = STRBUF_INIT;
			bad += clean_bytes(s + r, len - r, &rest, 0);
			strbuf_setlen(sb, w);
			strbuf_add(sb, rest.buf, rest.len);
			strbuf_release(&rest);
			return bad;
		}
		if (replace) {
			memcpy(s + w, replacement, 3);
			w += 3;
			bad++;
		} else if (keep) {
			if (w != r)
				memmove(s + w, s + r, keep);
			w += keep;
		}
		r += adv;
	}
	strbuf_setlen(sb, w);
	return bad;
}

/* NFC window by window. A window starts at an ASCII byte (or the start of the text) and ends
 * before one (or at the end): no canonical composition takes an ASCII character second and
 * reordering stops at it, so no window changes what another holds. Only windows with other
 * bytes go through utf8proc, whose working copy (four bytes a character) is then a window's,
 * not the text's. In place: normalised text is rarely longer (a few characters excluded from
 * composition), and then the rest is copied. */
#define NFC_WINDOW (64 * 1024)

static void nfc_from(struct strbuf *sb, size_t r, size_t w)
{
	char *buf = sb->buf;
	size_t len = sb->len;
	while (r < len) {
		size_t na = r;
		while (na < len && (unsigned char)buf[na] < 0x80)
			na++;
		if (w != r)
			memmove(buf + w, buf + r, na - r);
		w += na - r;
		r = na;
		if (r == len)
			break;
		if (r > 0) { /* the ASCII character before may take combining marks */
			r--;
			w--;
		}
		size_t e = r + 1;
		while (e < len && ((unsigned char)buf[e] >= 0x80 || e - r < NFC_WINDOW))
			e++;
		utf8proc_uint8_t *nfc = NULL;
		utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)buf + r, (utf8proc_ssize_t)(e - r),
						  &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (n < 0) { /* cannot happen on clean text; keep the window as it is */
			memmove(buf + w, buf + r, e - r);
			w += e - r;
		} else if (w + (size_t)n <= e) {
			memmove(buf + w, nfc, (size_t)n);
			w += (size_t)n;
		} else {
			struct strbuf grown = STRBUF_INIT;
			strbuf_grow(&grown, len + (size_t)n);
			strbuf_add(&grown, buf, w);
			strbuf_add(&grown, nfc, (size_t)n);
			size_t at = grown.len;
			strbuf_add(&grown, buf + e, len - e);
			free(nfc);
			strbuf_release(sb);
			*sb = grown;
			nfc_from(sb, at, at);
			return;
		}
		free(nfc);
		r = e;
	}
	strbuf_setlen(sb, w);
}

void utf8_nfc(struct strbuf *sb)
{
	nfc_from(sb, 0, 0);
}

int utf8_fold(uint32_t cp)
{
	if (cp < 0x80)
		return 0;
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
	case 0x02BB: case 0x00B4: case 0x0060:
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
	case 0x00BB:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
	case 0x2212: case 0x00AD:
		return '-';
	case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x200A: case 0x202F:
	case 0x2007: case 0x3000:
		return ' ';
	case 0x2026:
		return '.';
	}
	if (cp < 0x250) {
		/* Latin letters with diacritics: decompose and keep the base letter. */
		utf8proc_int32_t buf[4];
		utf8proc_int32_t last;
		utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, buf, 4,
							     UTF8PROC_DECOMPOSE, &last);
		if (n >= 1 && buf[0] < 0x80 && isalpha(buf[0]))
			return buf[0];
		switch (cp) {
		case 0x00DF: return 's';
		case 0x0131: return 'i';
		case 0x0141: return 'L';
		case 0x0142: return 'l';
		case 0x00D8: return 'O';
		case 0x00F8: return 'o';
		}
	}
	return 0;
}

void utf8_fold_lower(const char *s, size_t len, struct strbuf *out)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			strbuf_addch(out, tolower(c));
			i++;
			continue;
		}
		size_t adv;
		uint32_t cp = utf8_decode(s + i, len - i, &adv);
		int f = utf8_fold(cp);
		if (f)
			strbuf_addch(out, tolower(f));
		else
			strbuf_add(out, s + i, adv);
		i += adv;
	}
}
