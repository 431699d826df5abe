/* recread: reads JSON Lines records from files or stdin, one record in flight.
 * Ownership: the record and line passed to the callback are borrowed for the call. */
#ifndef SITREP_RECREAD_H
#define SITREP_RECREAD_H

#include <stddef.h>

struct jvalue;

struct recread_stats {
	unsigned long in;       /* non-blank lines read */
	unsigned long rejected; /* lines that were not JSON objects, or the callback refused */
	int io_errors;
};

/* Called per record; where = "file:line" for messages. Return 0 if accepted, 1 if rejected
 * (the callback has printed why). */
typedef int (*record_fn)(void *ctx, const struct jvalue *rec, const char *line, size_t len,
			 const char *where);

/* Read every path ("-" is stdin; no paths means stdin). With strict, stop at the first
 * rejected record. */
void recread_files(char **paths, size_t n, size_t max_line, int strict, record_fn fn, void *ctx,
		   struct recread_stats *st);

#endif
