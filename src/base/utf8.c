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

size_t utf8_clean(const char *s, size_t len, struct strbuf *out)
{
	size_t bad = 0, i = 0;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
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

void utf8_nfc(struct strbuf *sb)
{
	/* Pure ASCII is already NFC: skip the library call for the common case. */
	size_t i;
	for (i = 0; i < sb->len; i++)
		if ((unsigned char)sb->buf[i] >= 0x80)
			break;
	if (i == sb->len)
		return;
	utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)sb->buf);
	if (!nfc)
		return;
	strbuf_reset(sb);
	strbuf_addstr(sb, (const char *)nfc);
	free(nfc);
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
