/* records: the one module that writes the extract stage's records (event, place, actor,
 * quote) as JSON lines, from a document's context once its passes have run.
 * Ownership: writes append to a caller's strbuf; the context's place fields are cached in the
 * extractor for the whole run. */
#ifndef SITREP_RECORDS_H
#define SITREP_RECORDS_H

#include <stddef.h>

#include "base/strbuf.h"
#include "extract/ectx.h"

/* Event e as record number n of the document (event_id "<doc_id>-e<n>"). */
void records_event(struct ectx *cx, const struct event *e, size_t n, struct strbuf *out);
/* Every resolved place mention; every named actor mention; every quotation. */
void records_places(struct ectx *cx, struct strbuf *out);
void records_actors(struct ectx *cx, struct strbuf *out);
void records_quotes(struct ectx *cx, struct strbuf *out);

#endif
