/* report: `sitrep report`: a record stream in, one self-contained HTML page out (inline CSS,
 * SVG map and charts drawn here, a small script for sorting, filtering and tooltips; the
 * page asks nothing of the network). Records are reduced to compact structs as they come;
 * the page is written at the end.
 * Ownership: report_new returns an object freed with report_free; records and lines passed
 * in are only read; option strings must outlive the report. */
#ifndef SITREP_REPORT_H
#define SITREP_REPORT_H

#include <stddef.h>
#include <stdio.h>

struct jvalue;
struct report;

struct report_opts {
	const char *title;     /* the page's heading; NULL: "sitrep report" */
	const char *generator; /* "sitrep 0.1.0", named in the page's footer */
};

/* NULL (after a message) if the embedded schema or outlines cannot be read. */
struct report *report_new(const struct report_opts *opts);
void report_free(struct report *r);
/* Keep what the page needs of an event, document or mention record (other types are
 * ignored). 0 taken or ignored; 1 rejected with a message naming where ("file:line"). */
int report_add(struct report *r, const struct jvalue *rec, const char *where);
/* Same for one JSON text line (sitrep run hands its record lines over as they pass). */
int report_add_line(struct report *r, const char *line, size_t len, const char *where);
/* Write the page. -1 if a write failed (errno set, no message: the caller names the file) or,
 * after a message, if the embedded outlines are missing. */
int report_write(struct report *r, FILE *fp);
/* Write the page to path (replaced if it exists). -1 after a message. */
int report_write_file(struct report *r, const char *path);
/* Events kept so far. */
size_t report_events(const struct report *r);

#endif
