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
 * (the callback has printed why). rec is NULL in raw mode: the callback parses the line. */
typedef int (*record_fn)(void *ctx, const struct jvalue *rec, const char *line, size_t len,
			 const char *where);

enum recread_flags {
	RECREAD_STRICT = 1 << 0, /* stop at the first rejected record */
	RECREAD_RAW = 1 << 1     /* do not parse: hand over lines */
};

/* Parse a line as a record: the JSON object, or NULL after the message ("where: invalid JSON
 * at byte N; skipped"). For raw-mode callbacks; the caller frees it with json_free. */
struct jvalue *recread_parse(const char *line, size_t len, const char *where);

/* Read every path ("-" is stdin; no paths means stdin). */
void recread_files(char **paths, size_t n, size_t max_line, unsigned flags, record_fn fn,
		   void *ctx, struct recread_stats *st);

#endif
