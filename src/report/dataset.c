/* dataset: records in, compact structs out. Only sitrep's own record types are read; every
 * field is optional here (the page shows what there is), so the only rejected record is one
 * that is not a typed record at all. */
#include "report/dataset.h"

#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "base/util.h"
#include "io/json.h"
#include "lexicon/embedded.h"

static uint32_t intern_field(struct dataset *ds, const struct jvalue *rec, const char *key)
{
	const char *s = json_get_str(rec, key);
	return s ? strpool_intern(&ds->pool, s, strlen(s)) : 0;
}

int dataset_init(struct dataset *ds)
{
	memset(ds, 0, sizeof(*ds));
	strpool_init(&ds->pool);
	const struct embedded_file *ef = embedded_find("schemas/event.schema.json");
	size_t off;
	struct jvalue *schema = ef ? json_parse(ef->data, ef->len, &off) : NULL;
	const struct jvalue *types = json_get_path(schema, "properties.event_type.enum");
	for (const struct jvalue *t = json_child(types); t; t = json_next(t)) {
		const char *name = json_string(t);
		if (name && ds->n_types < DATASET_MAX_TYPES)
			ds->types[ds->n_types++] = strpool_intern(&ds->pool, name, strlen(name));
	}
	json_free(schema);
	if (!ds->n_types) {
		dataset_release(ds);
		return error("the embedded event schema lists no event types");
	}
	return 0;
}

void dataset_release(struct dataset *ds)
{
	strpool_release(&ds->pool);
	free(ds->events);
	free(ds->docs);
	free(ds->mentions);
	memset(ds, 0, sizeof(*ds));
}

/* Make room for one more element of an array of size elements. */
static void *grow(void *arr, size_t n, size_t *alloc, size_t size)
{
	if (n < *alloc)
		return arr;
	*alloc = *alloc ? *alloc * 2 : 64;
	return xrealloc(arr, *alloc * size);
}

static int32_t day_of(const char *date)
{
	struct ymd d;
	if (!date || strlen(date) != 10 || !date_parse(date, &d) || !d.d || !ymd_valid(d))
		return DATASET_NO_DAY;
	return (int32_t)days_from_civil(d.y, d.m, d.d);
}

static uint8_t type_index(const struct dataset *ds, uint32_t name)
{
	uint8_t i = 0;
	while (i < ds->n_types && ds->types[i] != name)
		i++;
	return i;
}

static void add_event(struct dataset *ds, const struct jvalue *rec)
{
	ds->events = grow(ds->events, ds->n_events, &ds->alloc_events, sizeof(*ds->events));
	struct ds_event *e = &ds->events[ds->n_events++];
	memset(e, 0, sizeof(*e));
	e->event_id = intern_field(ds, rec, "event_id");
	e->doc_id = intern_field(ds, rec, "doc_id");
	e->type_name = intern_field(ds, rec, "event_type");
	e->type = type_index(ds, e->type_name);
	e->sub_type = intern_field(ds, rec, "sub_event_type");
	e->actor1 = intern_field(ds, rec, "actor1");
	e->actor2 = intern_field(ds, rec, "actor2");
	e->location = intern_field(ds, rec, "location");
	e->admin1 = intern_field(ds, rec, "admin1");
	e->country = intern_field(ds, rec, "country");
	e->notes = intern_field(ds, rec, "notes");
	e->day = day_of(json_get_str(rec, "event_date"));
	double lat, lon, fat;
	if (json_get_num(rec, "latitude", &lat) && json_get_num(rec, "longitude", &lon) &&
	    lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
		e->lat = (float)lat;
		e->lon = (float)lon;
		e->has_geo = 1;
	}
	if (json_get_num(rec, "fatalities", &fat) && fat > 0)
		e->fatalities = fat < 1e9 ? (uint32_t)fat : 1000000000u;
}

static void add_doc(struct dataset *ds, const struct jvalue *rec)
{
	ds->docs = grow(ds->docs, ds->n_docs, &ds->alloc_docs, sizeof(*ds->docs));
	struct ds_doc *d = &ds->docs[ds->n_docs++];
	d->doc_id = intern_field(ds, rec, "doc_id");
	d->title = intern_field(ds, rec, "title");
	d->publisher = intern_field(ds, rec, "publisher");
	d->published = intern_field(ds, rec, "published");
}

static void add_mention(struct dataset *ds, const struct jvalue *rec)
{
	ds->mentions = grow(ds->mentions, ds->n_mentions, &ds->alloc_mentions, sizeof(*ds->mentions));
	struct ds_mention *m = &ds->mentions[ds->n_mentions++];
	m->event_id = intern_field(ds, rec, "event_id");
	m->source = intern_field(ds, rec, "source");
	if (!m->source)
		m->source = intern_field(ds, rec, "doc_id");
}

int dataset_add(struct dataset *ds, const struct jvalue *rec, const char *where)
{
	const char *type = json_get_str(rec, "type");
	if (!type) {
		error("%s: record has no \"type\"; skipped", where);
		return 1;
	}
	if (!strcmp(type, "event"))
		add_event(ds, rec);
	else if (!strcmp(type, "document"))
		add_doc(ds, rec);
	else if (!strcmp(type, "mention"))
		add_mention(ds, rec);
	return 0;
}

struct sort_key {
	int64_t day; /* INT64_MAX when undated */
	size_t pos;  /* input position: ties keep it, so the sort is stable */
};

static int key_cmp(const void *a, const void *b)
{
	const struct sort_key *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

void dataset_sort_events(struct dataset *ds)
{
	size_t n = ds->n_events;
	if (n < 2)
		return;
	struct sort_key *keys = xmalloc(n * sizeof(*keys));
	for (size_t i = 0; i < n; i++) {
		int32_t d = ds->events[i].day;
		keys[i].day = d == DATASET_NO_DAY ? INT64_MAX : d;
		keys[i].pos = i;
	}
	qsort(keys, n, sizeof(*keys), key_cmp);
	struct ds_event *sorted = xmalloc(n * sizeof(*sorted));
	for (size_t i = 0; i < n; i++)
		sorted[i] = ds->events[keys[i].pos];
	free(ds->events);
	free(keys);
	ds->events = sorted;
	ds->alloc_events = n;
}
