/* keysort: sorts fixed-size records that need not fit in memory. Records gather in a buffer
 * of run_recs; a full buffer is sorted and written to a temporary file as a run; at the end
 * the runs are merged, so memory holds one buffer while adding and one small block per run
 * while reading back.
 * Ownership: keysort_new returns a sorter the caller frees with keysort_free; records are
 * copied in and copied out. */
#ifndef SITREP_KEYSORT_H
#define SITREP_KEYSORT_H

#include <stddef.h>

typedef int (*keysort_cmp)(const void *a, const void *b);

struct keysort;

struct keysort *keysort_new(size_t rec_size, size_t run_recs, keysort_cmp cmp);
void keysort_free(struct keysort *ks);
/* Add one record. Returns 0, or -1 after a message (temporary file). */
int keysort_add(struct keysort *ks, const void *rec);
/* After the last add: copy the next record in order to rec. 1, 0 at the end, -1 on error. */
int keysort_next(struct keysort *ks, void *rec);
/* Runs written to disk so far (0 when everything fitted in one buffer). */
size_t keysort_runs(const struct keysort *ks);

#endif
