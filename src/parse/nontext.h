/* nontext: recognises input that is not text (a PDF, an archive, an office document, an image,
 * a program, a database, binary data, text in another encoding than UTF-8) from its first
 * bytes, so that parse refuses it with a message naming a converter, rather than making a
 * document of replacement characters.
 * Ownership: nothing is allocated; the strings in struct nontext are static. */
#ifndef SITREP_NONTEXT_H
#define SITREP_NONTEXT_H

#include <stddef.h>

#define NONTEXT_SAMPLE (64 * 1024) /* bytes looked at: magic numbers and shares */

struct nontext {
	const char *looks_like;   /* "a PDF", "binary data (31% control bytes)" */
	const char *convert_with; /* "pdftotext" */
	char detail[64];          /* storage for looks_like when it carries a share */
};

/* 1 with *why filled when the first bytes of buf show it is not text: a magic number at its
 * start, or, in its first NONTEXT_SAMPLE bytes, a share of NUL bytes (UTF-16), of other
 * control bytes (binary data) or of invalid UTF-8 (another encoding) that text does not
 * have. A stray NUL or a few bytes of Latin-1 in an article are not enough: those are
 * repaired later, as before. 0 when buf may be text. */
int nontext_check(const char *buf, size_t len, struct nontext *why);

#endif
