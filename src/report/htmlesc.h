/* htmlesc: escaping for each place a value from the input can land in an HTML page: element
 * text, a quoted attribute value, and a JSON string inside a <script> element.
 * Ownership: appends to the caller's strbuf; nothing is kept. */
#ifndef SITREP_HTMLESC_H
#define SITREP_HTMLESC_H

#include <stddef.h>

#include "base/strbuf.h"

/* Element text: & < > become entities; control characters other than tab and newline
 * become spaces (they are not allowed in HTML). */
void html_text(struct strbuf *sb, const char *s, size_t len);
/* A double- or single-quoted attribute value: as html_text, plus " and ' as entities and
 * newlines as spaces. */
void html_attr(struct strbuf *sb, const char *s, size_t len);
/* The inside of a JSON string (no quotes) that sits in a <script> element: JSON's escapes,
 * and < > & and U+2028/U+2029 as \u escapes, so no "</script" or "<!--" can end or bend the
 * element and the text stays valid JavaScript. */
void html_script_str(struct strbuf *sb, const char *s, size_t len);

static inline void html_text_str(struct strbuf *sb, const char *s)
{
	if (s)
		html_text(sb, s, strlen(s));
}
static inline void html_attr_str(struct strbuf *sb, const char *s)
{
	if (s)
		html_attr(sb, s, strlen(s));
}

#endif
