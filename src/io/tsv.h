/* tsv: reads sitrep's lexicon tables (tab-separated, '#' comments, a header row).
 * Ownership: fields passed to the callback are borrowed for the call. */
#ifndef SITREP_TSV_H
#define SITREP_TSV_H

#include <stddef.h>

#define TSV_MAX_FIELDS 32

/* Called per data row with its fields (NUL-terminated) and 1-based line number. */
typedef int (*tsv_row_fn)(void *ctx, char **fields, size_t n, unsigned long line);

/* Parse text (len bytes) named name. The first non-comment row must list the expected columns
 * (comma-separated in header, e.g. "name,aliases,kind"); rows with fewer fields are reported
 * and skipped. Returns the number of bad rows, or -1 if the header is wrong. */
int tsv_parse(const char *text, size_t len, const char *name, const char *header, tsv_row_fn fn,
	      void *ctx);
/* Same for a file on disk (read whole: lexicons are configuration, not corpora). */
int tsv_parse_file(const char *path, const char *header, tsv_row_fn fn, void *ctx);
/* Is the file's header row the columns of header? 0 also when it cannot be read (parsing it
 * then says why). For options that take tables of more than one kind. */
int tsv_file_has_header(const char *path, const char *header);

#endif
