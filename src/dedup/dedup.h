/* dedup: the stage that merges the events of different documents that report one event.
 * Records other than events pass through at once; each event is kept as a compact key (see
 * match.h) while its line goes to a temporary file; at the end the keys are sorted by
 * country and date (on disk when they do not fit one buffer) and swept with a window of the
 * events that may still match, so memory is bounded by the window, not by the input.
 * Ownership: deduper_new returns a deduper the caller frees with deduper_free; lines passed
 * to deduper_add are borrowed for the call; lines handed to the sink are borrowed for the
 * sink's call. */
#ifndef SITREP_DEDUP_H
#define SITREP_DEDUP_H

#include <stddef.h>
#include <stdio.h>

#define DEDUP_DEFAULT_DAYS 1
#define DEDUP_DEFAULT_KM 25.0
#define DEDUP_RUN_KEYS (1u << 18) /* keys sorted in memory at a time: about 30 MB */

struct dedup_opts {
	int days;        /* dates may be this many days apart (beyond their precision) */
	double km;       /* points this close agree */
	FILE *explain;   /* why each pair merged or not; NULL: quiet */
	size_t run_keys; /* 0: DEDUP_RUN_KEYS (tests make it small to exercise the merge) */
};

struct dedup_stats {
	unsigned long records;   /* lines read */
	unsigned long events_in; /* event records among them */
	unsigned long events_out;/* event records written (merged or alone) */
	unsigned long merged;    /* events that joined another document's event */
	unsigned long unmatched; /* events without a date, country or place: written alone */
	unsigned long rejected;  /* lines that are not JSON objects, events without an id:
				  * passed through as they were */
	unsigned long events_rejected; /* events among them */
};

/* Receives each output record: one JSON line without its newline. Returns 0, or -1 when it
 * cannot write (the deduper then stops and returns -1). */
typedef int (*dedup_sink)(void *ctx, const char *line, size_t len);

struct deduper;

/* NULL after a message (no temporary file, bad embedded table). */
struct deduper *deduper_new(const struct dedup_opts *opts, dedup_sink sink, void *ctx);
/* One input line; where is "FILE:LINE" for messages (NULL: the records of a pipeline). Returns 0 when accepted, 1 when the
 * line was rejected (reported, passed through unchanged), -1 when the sink or the
 * temporary file failed. */
int deduper_add(struct deduper *d, const char *line, size_t len, const char *where);
/* Sort, sweep and write every event and mention. Returns 0, or -1 on a failure. */
int deduper_finish(struct deduper *d);
const struct dedup_stats *deduper_stats(const struct deduper *d);
void deduper_free(struct deduper *d);

#endif
