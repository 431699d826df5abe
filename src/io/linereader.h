/* linereader: buffered line-at-a-time input with line numbers and a length limit.
 * Ownership: the reader owns its buffer; the line returned by linereader_next is borrowed and
 * valid until the next call. The FILE is borrowed, never closed here. */
#ifndef SITREP_LINEREADER_H
#define SITREP_LINEREADER_H

#include <stdio.h>

#include "base/strbuf.h"

#define LINEREADER_DEFAULT_MAX (64u << 20) /* 64 MiB: one JSONL record or one text line */

struct linereader {
	FILE *fp;
	const char *name;     /* file name for messages ("-" shows as "<stdin>") */
	unsigned long lineno; /* number of the line last returned, 1-based */
	size_t max_line;      /* longer lines are skipped and reported */
	struct strbuf line;   /* current line, without its newline */
	char *block;          /* read buffer */
	size_t block_len, block_pos;
	int eof, read_error;
	unsigned long n_overlong; /* lines skipped for length */
};

void linereader_init(struct linereader *lr, FILE *fp, const char *name, size_t max_line);
void linereader_release(struct linereader *lr);
/* Bytes already read from fp (by a format sniffer) to be returned first; at most 64 KiB. */
void linereader_prime(struct linereader *lr, const char *bytes, size_t len);
/* Next line: returns 1 with lr->line set (CR of a CRLF removed), 0 at end, -1 on read error.
 * An overlong line is reported (name:line), counted, skipped, and reading goes on. */
int linereader_next(struct linereader *lr);
/* Free the line's buffer if a long line grew it past a read block, so that one long record
 * does not keep its size allocated while it is worked on and after. */
void linereader_shrink(struct linereader *lr);

#endif
