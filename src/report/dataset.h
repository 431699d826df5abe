/* dataset: what `sitrep report` keeps of a record stream, one small struct per event,
 * document and mention, with every string interned once in a pool.
 * Ownership: the dataset owns its arrays and pool (dataset_release); records passed to
 * dataset_add are only read. */
#ifndef SITREP_DATASET_H
#define SITREP_DATASET_H

#include <stddef.h>
#include <stdint.h>

#include "base/strpool.h"

struct jvalue;

#define DATASET_MAX_TYPES 16 /* event types the schema may list */
#define DATASET_NO_DAY INT32_MIN

struct ds_event {
	uint32_t event_id, doc_id;     /* pool ids, as all uint32_t fields here */
	uint32_t type_name, sub_type;  /* event_type and sub_event_type as written */
	uint32_t actor1, actor2;
	uint32_t location, admin1, country;
	uint32_t notes;                /* the source sentence */
	int32_t day;                   /* event_date as days since 1970-01-01, or DATASET_NO_DAY */
	float lat, lon;                /* degrees, when has_geo */
	uint32_t fatalities;
	uint8_t type;                  /* index into dataset.types; n_types: not a schema type */
	uint8_t has_geo;
};

struct ds_doc {
	uint32_t doc_id, title, publisher, published; /* pool ids */
};

struct ds_mention {
	uint32_t event_id, source; /* pool ids; source is the doc_id when no source is named */
};

struct dataset {
	struct strpool pool;
	uint32_t types[DATASET_MAX_TYPES]; /* the schema's event types (pool ids), in its order */
	size_t n_types;
	struct ds_event *events;
	size_t n_events, alloc_events;
	struct ds_doc *docs;
	size_t n_docs, alloc_docs;
	struct ds_mention *mentions;
	size_t n_mentions, alloc_mentions;
};

/* Reads the event types from the embedded event schema; -1 (after a message) if it cannot. */
int dataset_init(struct dataset *ds);
void dataset_release(struct dataset *ds);
/* Keep what the report needs of an event, document or mention record; other record types are
 * ignored. Returns 0, or 1 when the record has no "type" (message names where). */
int dataset_add(struct dataset *ds, const struct jvalue *rec, const char *where);
/* Events by date, undated last, input order kept among equals. */
void dataset_sort_events(struct dataset *ds);
static inline const char *ds_str(const struct dataset *ds, uint32_t id)
{
	return strpool_str(&ds->pool, id);
}

#endif
