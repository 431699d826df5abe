/* meta: the --meta table (doc_id,published,publisher,url) joined to documents on doc_id.
 * Ownership: the table owns its rows; meta_find returns a borrowed row. */
#ifndef SITREP_META_H
#define SITREP_META_H

#include <stddef.h>
#include <stdio.h>

struct meta_row {
	char *doc_id, *published, *publisher, *url;
};

struct meta_table {
	struct meta_row *rows; /* sorted by doc_id after load */
	size_t n;
};

/* Load a CSV with a header naming at least doc_id (other columns optional, any order).
 * Returns 0 or -1 after an error message naming the file and row. */
int meta_load(struct meta_table *t, const char *path);
/* Same from an open stream named name. */
int meta_load_stream(struct meta_table *t, FILE *fp, const char *name);
const struct meta_row *meta_find(const struct meta_table *t, const char *doc_id);
void meta_release(struct meta_table *t);

#endif
