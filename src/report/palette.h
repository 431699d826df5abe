/* palette: the colour of each event type, by its position in the schema's list, written once
 * into the page as CSS classes (t0, t1, ...; tx for a type the schema does not list).
 * Ownership: static strings; the class is written into the caller's buffer. */
#ifndef SITREP_PALETTE_H
#define SITREP_PALETTE_H

#include <stddef.h>

#include "base/strbuf.h"

#define PALETTE_CLASS_SIZE 8

/* "t<type>", or "tx" when type >= n_types. */
void palette_class(char buf[PALETTE_CLASS_SIZE], unsigned type, size_t n_types);
/* CSS rules giving each class its colour as the custom property --c. */
void palette_css(struct strbuf *sb, size_t n_types);

#endif
