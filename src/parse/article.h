/* article: turns the lines of an article (from text, HTML or a feed) into a clean document:
 * header block, title, byline, dateline, boilerplate, paragraphs.
 * Ownership: reads the caller's lines and bytes (article_from_buffer takes its buffer over);
 * writes copies into the doc. */
#ifndef SITREP_ARTICLE_H
#define SITREP_ARTICLE_H

#include <stddef.h>

#include "io/doc.h"

enum article_flags {
	ARTICLE_FIND_TITLE = 1 << 0,  /* first short line is the title (plain text) */
	ARTICLE_HEADER_BLOCK = 1 << 1 /* "Title: / Date: / Publisher: / URL:" block allowed */
};

/* Build d->text and metadata from raw bytes (any encoding damage repaired and reported). */
void article_from_bytes(struct doc *d, const char *raw, size_t len, unsigned flags);
/* The same from a buffer the call takes over: cleaned, cut into paragraphs and normalised
 * in place, it becomes d->text (raw is left empty), so a long article is held once. */
void article_from_buffer(struct doc *d, struct strbuf *raw, unsigned flags);
/* Same from paragraphs already split (HTML). Strings must be valid UTF-8. */
void article_from_paragraphs(struct doc *d, char **paras, size_t n, unsigned flags);

#endif
