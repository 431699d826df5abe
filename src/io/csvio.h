/* csvio: the one module that includes libcsv; a streaming CSV reader and an RFC 4180 writer.
 * Ownership: fields handed to the row callback are borrowed for the duration of the call. */
#ifndef SITREP_CSVIO_H
#define SITREP_CSVIO_H

#include <stddef.h>
#include <stdio.h>

#include "base/strbuf.h"

/* Called once per row: fields[i] is NUL-terminated, n fields, row number from 1.
 * Return non-zero to stop reading. */
typedef int (*csv_row_fn)(void *ctx, char **fields, size_t n, unsigned long row);

/* Read a CSV file row by row. Returns 0, or -1 after printing "name:row: message". */
int csvio_read(FILE *fp, const char *name, csv_row_fn fn, void *ctx);

/* Append one field to sb, quoted only when it holds the delimiter, a quote, CR or LF
 * (RFC 4180: in double quotes, each quote doubled). One pass, however long the field. */
void csvio_field(struct strbuf *sb, const char *s, size_t len, char delim);
/* The parts of csvio_field, for a field written piece by piece: whether it needs quotes, and
 * a piece of it as it goes between them (each quote doubled). */
int csvio_needs_quotes(const char *s, size_t len, char delim);
void csvio_quoted_part(struct strbuf *sb, const char *s, size_t len);

#endif
