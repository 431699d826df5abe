/* hout: the HTML page being written: a buffer handed to a FILE in large pieces, so the page
 * writers append to a strbuf and a long table never sits in memory whole.
 * Ownership: the hout owns its buffer; the FILE stays the caller's. */
#ifndef SITREP_HOUT_H
#define SITREP_HOUT_H

#include <stdio.h>

#include "base/strbuf.h"

#define HOUT_CHUNK (64 * 1024)

struct hout {
	struct strbuf sb; /* what is not yet written */
	FILE *fp;
	int failed;       /* errno of the first failed write, or 0 */
};

void hout_init(struct hout *o, FILE *fp);
void hout_flush(struct hout *o);
static inline void hout_maybe_flush(struct hout *o)
{
	if (o->sb.len >= HOUT_CHUNK)
		hout_flush(o);
}
/* Flush and release the buffer; -1 with errno set if any write failed. */
int hout_finish(struct hout *o);

#endif
