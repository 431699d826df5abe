/* parse: reads articles (text, HTML, JSON Lines feeds) and hands each document to a sink.
 * Ownership: the doc passed to the sink is borrowed for the call; the sink copies what it keeps. */
#ifndef SITREP_PARSE_H
#define SITREP_PARSE_H

#include <stddef.h>
#include <stdio.h>

#include "io/doc.h"
#include "parse/meta.h"

enum input_format { FORMAT_AUTO, FORMAT_TEXT, FORMAT_HTML, FORMAT_JSONL };

struct parse_opts {
	enum input_format format;
	const char *date;              /* --date: strongest publication date, or NULL */
	const struct meta_table *meta; /* --meta table, or NULL */
	const char *id;                /* --id: doc_id for a single text/HTML input, or NULL */
	size_t max_doc;                /* largest document accepted, bytes */
	int strict;                    /* stop at the first rejected document */
};

struct parse_stats {
	unsigned long docs_in;  /* documents seen (files, feed lines) */
	unsigned long docs_out; /* documents handed to the sink */
	unsigned long rejected; /* documents rejected with a message */
	int io_errors;          /* inputs that could not be read at all */
};

typedef void (*doc_sink_fn)(void *ctx, struct doc *d);

#define PARSE_DEFAULT_MAX_DOC (32u << 20)

/* Parse the input at path ("-" for stdin). Messages name path and line. */
void parse_input(const char *path, const struct parse_opts *opts, doc_sink_fn sink, void *ctx,
		 struct parse_stats *stats);
/* Parse an open stream named name (used for messages and the default doc_id). */
void parse_stream(FILE *fp, const char *name, const struct parse_opts *opts, doc_sink_fn sink,
		  void *ctx, struct parse_stats *stats);
/* "auto", "text", "html", "jsonl": the enum, or -1. */
int parse_format_from_name(const char *name);

#endif
