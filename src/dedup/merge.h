/* merge: writes the merged event of a group of reports and one mention record per report.
 * Ownership: members and their lines are the caller's, borrowed for the call; records are
 * appended to the caller's strbuf. */
#ifndef SITREP_MERGE_H
#define SITREP_MERGE_H

#include <stddef.h>

#include "base/strbuf.h"
#include "dedup/match.h"
#include "io/flatjson.h"

#define MERGE_MAX_FIELDS 64

/* One report: its event record, read with flatjson. */
struct member {
	struct dkey key;
	const char *line;
	size_t len;
	struct flat_field f[MERGE_MAX_FIELDS];
	int n;
};

/* Append to out, each record a line: the merged event of the n members (n >= 1, in canonical
 * order) and then a mention per member. A single member is written as it came with only
 * event_id replaced and source_count added. The merged event's id ("m:" and the id of the
 * report whose sentence it keeps) goes to id. */
void merge_write(const struct dedup_rules *r, struct member *m, size_t n, struct strbuf *out,
		 struct strbuf *id);

#endif
