/* spill: an anonymous temporary file (created in $TMPDIR or /tmp and unlinked at once) that
 * bytes are appended to and read back from by offset, so that a stage can keep on disk what
 * it will need again later instead of in memory.
 * Ownership: spill_new returns a spill the caller frees with spill_free (the file goes with
 * it); spill_read appends to the caller's strbuf. */
#ifndef SITREP_SPILL_H
#define SITREP_SPILL_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"

struct spill;

/* NULL after a message when no temporary file can be made. */
struct spill *spill_new(void);
void spill_free(struct spill *s);
/* Append len bytes; *off is where they start. Returns 0, or -1 after a message. */
int spill_append(struct spill *s, const void *data, size_t len, uint64_t *off);
/* Read len bytes at off (everything appended so far is readable). Returns 0, or -1. */
int spill_read(struct spill *s, uint64_t off, size_t len, struct strbuf *out);
/* The same into a caller's buffer of at least len bytes. */
int spill_read_into(struct spill *s, uint64_t off, size_t len, void *buf);
uint64_t spill_size(const struct spill *s);

#endif
