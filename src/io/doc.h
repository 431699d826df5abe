/* doc: the document record that `parse` writes and `extract` reads.
 * Ownership: a doc owns every string in it (but the text doc_read_json borrows); doc_release
 * frees them. Setters copy. */
#ifndef SITREP_DOC_H
#define SITREP_DOC_H

#include <stddef.h>

#include "base/strbuf.h"

struct jvalue;

/* Where the publication date came from, weakest first. */
enum date_source { DATE_NONE, DATE_DATELINE, DATE_INPUT, DATE_META, DATE_OPTION };

struct doc {
	char *doc_id;
	char *title;
	char *publisher;
	char *author;
	char *published;        /* YYYY-MM-DD or NULL */
	enum date_source published_from;
	char *url;
	char *dateline;         /* dateline place as printed ("KABUL, Afghanistan") */
	char *source;           /* path or input id */
	struct strbuf text;     /* cleaned body, paragraphs separated by blank lines */
	long removed;           /* boilerplate lines removed */
	int publisher_guessed;  /* publisher taken from a masthead line: a byline may replace it */
	char **warnings;
	size_t n_warnings;
};

void doc_init(struct doc *d);
void doc_release(struct doc *d);
/* Replace *field with a copy of value (NULL clears it). */
void doc_set(char **field, const char *value);
/* Set published from a written date if src is stronger than the current one; returns 1 if
 * set, 0 if weaker or unparseable (then a warning is recorded for unparseable input). */
int doc_set_published(struct doc *d, const char *written, enum date_source src);
void doc_warn(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append the document record as one JSON line (with the newline). */
void doc_write_json(const struct doc *d, struct strbuf *out);
/* The document record as fields, in doc_write_json's order, with strings as they are (not
 * JSON-escaped: escaped is 0) and borrowed from d; numbers and the warnings array are written
 * into scratch. For export without a copy of the text as JSON. Returns the number of fields
 * (at most DOC_FIELDS). */
struct flat_field;
#define DOC_FIELDS 13
int doc_fields(const struct doc *d, struct flat_field *f, struct strbuf *scratch);
/* Read a document record. Returns 0, or -1 with *why set to a static message. The text is
 * borrowed from rec (d->text.alloc is 0): d must not outlive rec, nor append to its text. */
int doc_read_json(struct doc *d, const struct jvalue *rec, const char **why);

/* What doc_read_line found. */
enum doc_line { DOC_LINE_GENERAL = -1, DOC_LINE_OTHER = 0, DOC_LINE_DOCUMENT = 1 };
/* Read a record's JSON line into a fresh d (doc_init) without building a tree (flatjson):
 * DOC_LINE_DOCUMENT with d filled (the text decoded into d->text, which d owns),
 * DOC_LINE_OTHER for a well-formed record of another type (d left fresh), or
 * DOC_LINE_GENERAL (d left fresh) for anything else, which the
 * caller then reads with json_parse and doc_read_json: they give the messages. Whatever it
 * returns, d is what that general path would have made of the line. */
int doc_read_line(struct doc *d, const char *line, size_t len);

#endif
