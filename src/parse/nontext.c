/* nontext: magic numbers first (they are certain), then the byte shares of the sample. The
 * thresholds leave room for what real articles have: a stray NUL, a form feed, a few bytes
 * of Latin-1 in a name, which the UTF-8 repair later turns into U+FFFD as before. */
#include "parse/nontext.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/scan.h"

struct magic {
	const char *bytes;
	size_t len;
	const char *looks_like, *convert_with;
};

/* Signatures at offset 0 (adjacent literals where a hex escape would swallow a letter). */
static const struct magic magics[] = {
	{ "%PDF-", 5, "a PDF", "pdftotext" },
	{ "\x1f\x8b", 2, "a gzip file", "gunzip" },
	{ "BZh", 3, NULL, NULL }, /* bzip2: checked with its block magic below */
	{ "\xfd" "7zXZ\0", 6, "an xz file", "unxz" },
	{ "\x28\xb5\x2f\xfd", 4, "a zstd file", "unzstd" },
	{ "\x89" "PNG\r\n\x1a\n", 8, "a PNG image", "tesseract" },
	{ "\xff\xd8\xff", 3, "a JPEG image", "tesseract" },
	{ "GIF87a", 6, "a GIF image", "tesseract" },
	{ "GIF89a", 6, "a GIF image", "tesseract" },
	{ "\x7f" "ELF", 4, "an ELF program", "strings" },
	{ "SQLite format 3\0", 16, "an SQLite database", "sqlite3" },
	{ "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, "an old Word or Excel file",
	  "libreoffice --headless --convert-to txt" },
	{ "\xff\xfe", 2, "UTF-16 text", "iconv -f UTF-16 -t UTF-8" },
	{ "\xfe\xff", 2, "UTF-16 text", "iconv -f UTF-16 -t UTF-8" },
};

/* Zip archives, and the office documents and books that are zip archives, told apart by the
 * names of their first members. */
static const struct magic zip_kinds[] = {
	{ "word/", 5, "a Word document", "pandoc -t plain" },
	{ "xl/", 3, "an Excel workbook", "libreoffice --headless --convert-to csv" },
	{ "mimetypeapplication/vnd.oasis.opendocument.text", 48, "an OpenDocument text",
	  "pandoc -t plain" },
	{ "mimetypeapplication/epub+zip", 28, "an EPUB book", "pandoc -t plain" },
};

static int starts(const char *buf, size_t len, const char *bytes, size_t n)
{
	return len >= n && memcmp(buf, bytes, n) == 0;
}

static int check_magic(const char *buf, size_t len, size_t sample, struct nontext *why)
{
	if (starts(buf, len, "PK\x03\x04", 4) || starts(buf, len, "PK\x05\x06", 4) ||
	    starts(buf, len, "PK\x07\x08", 4)) {
		why->looks_like = "a zip archive";
		why->convert_with = "unzip";
		for (size_t k = 0; k < sizeof(zip_kinds) / sizeof(zip_kinds[0]); k++)
			if (memmem(buf, sample, zip_kinds[k].bytes, zip_kinds[k].len)) {
				why->looks_like = zip_kinds[k].looks_like;
				why->convert_with = zip_kinds[k].convert_with;
				break;
			}
		return 1;
	}
	/* bzip2: "BZh", a block size digit, then the block magic (the digits of pi). */
	if (starts(buf, len, "BZh", 3) && len >= 10 && buf[3] >= '1' && buf[3] <= '9' &&
	    memcmp(buf + 4, "\x31\x41\x59\x26\x53\x59", 6) == 0) {
		why->looks_like = "a bzip2 file";
		why->convert_with = "bunzip2";
		return 1;
	}
	for (size_t k = 0; k < sizeof(magics) / sizeof(magics[0]); k++)
		if (magics[k].looks_like && starts(buf, len, magics[k].bytes, magics[k].len)) {
			why->looks_like = magics[k].looks_like;
			why->convert_with = magics[k].convert_with;
			return 1;
		}
	return 0;
}

/* Bytes of the valid UTF-8 sequence at s (n > 0 bytes there, s[0] >= 0x80): 0 if invalid
 * (overlong, surrogate, above U+10FFFF, a stray continuation byte), n if cut by the end. */
static size_t valid_sequence(const unsigned char *s, size_t n)
{
	size_t need;
	unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		need = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		need = 3;
		if (s[0] == 0xE0)
			lo = 0xA0; /* overlong */
		if (s[0] == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		need = 4;
		if (s[0] == 0xF0)
			lo = 0x90;
		if (s[0] == 0xF4)
			hi = 0x8F;
	} else {
		return 0;
	}
	for (size_t i = 1; i < need; i++) {
		if (i >= n)
			return n;
		unsigned char b = s[i];
		if (i == 1 ? b < lo || b > hi : (b & 0xC0) != 0x80)
			return 0;
	}
	return need;
}

struct shares {
	size_t nul, nul_even; /* NUL bytes, those at even offsets */
	size_t control;       /* other C0 controls but tab, newline, CR, form feed, VT, ESC */
	size_t invalid;       /* bytes of no valid UTF-8 sequence */
};

static void count_shares(const unsigned char *s, size_t n, struct shares *sh)
{
	memset(sh, 0, sizeof(*sh));
	for (size_t i = 0; i < n;) {
		/* Eight bytes at a time past printable ASCII, nearly all of an English article. */
		while (n - i >= 8) {
			uint64_t x = scan_load((const char *)s + i);
			if ((x & SCAN_HIGHS) || scan_lt(x, 0x20))
				break;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned char c = s[i];
		if (c >= 0x80) {
			size_t k = valid_sequence(s + i, n - i);
			sh->invalid += !k;
			i += k ? k : 1;
			continue;
		}
		if (c == 0) {
			sh->nul++;
			sh->nul_even += i % 2 == 0;
		} else if (c < 0x20 && !strchr("\t\n\v\f\r\x1b", c)) {
			sh->control++;
		}
		i++;
	}
}

/* pct of part in whole, for messages. */
static unsigned percent(size_t part, size_t whole)
{
	return (unsigned)((part * 100 + whole / 2) / whole);
}

int nontext_check(const char *buf, size_t len, struct nontext *why)
{
	size_t n = len < NONTEXT_SAMPLE ? len : NONTEXT_SAMPLE;
	if (!len)
		return 0;
	if (check_magic(buf, len, n, why))
		return 1;
	struct shares sh;
	count_shares((const unsigned char *)buf, n, &sh);
	/* UTF-16: every other byte of Latin text is NUL, nearly all at the same parity. */
	size_t nul_odd = sh.nul - sh.nul_even;
	if (sh.nul >= 8 && sh.nul * 5 >= n &&
	    (sh.nul_even * 10 >= sh.nul * 9 || nul_odd * 10 >= sh.nul * 9)) {
		why->looks_like = "UTF-16 text";
		why->convert_with = "iconv -f UTF-16 -t UTF-8";
		return 1;
	}
	size_t binary = sh.nul + sh.control;
	if (binary >= 8 && binary * 100 >= n * 3) {
		snprintf(why->detail, sizeof(why->detail), "binary data, %u%% control bytes",
			 percent(binary, n));
		why->looks_like = why->detail;
		why->convert_with = "strings";
		return 1;
	}
	if (sh.invalid >= 8 && sh.invalid * 10 >= n) {
		snprintf(why->detail, sizeof(why->detail),
			 "text in another encoding than UTF-8, %u%% invalid bytes",
			 percent(sh.invalid, n));
		why->looks_like = why->detail;
		why->convert_with = "iconv -f WINDOWS-1252 -t UTF-8";
		return 1;
	}
	return 0;
}
