/* html: reads a news web page through libxml2's HTML parser into a document.
 * Ownership: the page bytes are borrowed; results are copied into the doc. */
#ifndef SITREP_HTML_H
#define SITREP_HTML_H

#include <stddef.h>

#include "io/doc.h"

/* Fill d from an HTML page: title, publication time, publisher, author and URL from <title>
 * and meta tags; the body from the paragraphs of <article> (or of the page when it has none),
 * leaving out scripts, styles, navigation, headers, footers, asides and forms.
 * Returns 0, or -1 when the page cannot be parsed at all. */
int html_to_doc(struct doc *d, const char *page, size_t len);

#endif
