/* merge: one event from several reports of it. Each column follows a rule (see sitrep.1,
 * DEDUPLICATION): the most specific type, the best-supported date, the most precise place,
 * actors by agreement, the most conservative fatalities. Values are copied as the reports
 * wrote them (JSON text), so nothing is decoded and re-encoded. */
#include "dedup/merge.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "io/jsonw.h"

/* Event columns in extract's order; a record's fields are indexed by them. */
enum key_id { K_TYPE, K_DOC_ID, K_EVENT_ID, K_EVENT_DATE, K_TIME_PRECISION, K_DATE_TEXT,
	      K_EVENT_TYPE, K_SUB_EVENT_TYPE, K_ACTOR1, K_ASSOC1, K_INTER1, K_ACTOR2, K_ASSOC2,
	      K_INTER2, K_CIVILIAN, K_COUNTRY, K_ISO3, K_ADMIN1, K_ADMIN2, K_LOCATION, K_LATITUDE,
	      K_LONGITUDE, K_GEO_PRECISION, K_FATALITIES, K_FAT_LOW, K_FAT_HIGH, K_INJURIES,
	      K_DETAINED, K_CLAIMED_BY, K_SOURCE, K_SOURCE_COUNT, K_NOTES, K_CHAR_START, K_CHAR_END,
	      K_CAMEO, K_CONFIDENCE, K_COUNT, K_OTHER = K_COUNT };

static const char *const key_names[K_COUNT] = { "type", "doc_id", "event_id", "event_date",
	"time_precision", "date_text", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
	"inter1", "actor2", "assoc_actor_2", "inter2", "civilian_targeting", "country", "iso3",
	"admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "fatalities",
	"fatalities_low", "fatalities_high", "injuries", "detained", "claimed_by", "source",
	"source_count", "notes", "char_start", "char_end", "cameo_code", "confidence" };

/* The place columns, copied together from one report. */
static const enum key_id place_keys[] = { K_COUNTRY, K_ISO3, K_ADMIN1, K_ADMIN2, K_LOCATION,
	K_LATITUDE, K_LONGITUDE, K_GEO_PRECISION };

struct indexed {
	const struct flat_field *by_key[K_COUNT]; /* NULL: absent */
	uint8_t key_of[MERGE_MAX_FIELDS];         /* each field's key_id, K_OTHER if unknown */
};

/* What the merged record says instead of its base report. */
struct overrides {
	struct strbuf val[K_COUNT];
	unsigned char set[K_COUNT];
};

static int key_is(const struct flat_field *f, int id)
{
	size_t len = strlen(key_names[id]);
	return f->key_len == len && !memcmp(f->key, key_names[id], len);
}

/* Records come in extract's order, so the next key is nearly always the one guessed. */
static void index_fields(const struct member *m, struct indexed *ix)
{
	int guess = 0;
	memset(ix->by_key, 0, sizeof(ix->by_key));
	for (int i = 0; i < m->n; i++) {
		const struct flat_field *f = &m->f[i];
		int id = K_OTHER;
		for (int k = 0; k < K_COUNT && id == K_OTHER; k++) {
			int cand = (guess + k) % K_COUNT;
			if (key_is(f, cand))
				id = cand;
		}
		ix->key_of[i] = (uint8_t)id;
		if (id != K_OTHER) {
			if (!ix->by_key[id])
				ix->by_key[id] = f;
			guess = id + 1;
		}
	}
}

static void raw_value(struct strbuf *sb, const struct flat_field *f)
{
	if (!f) {
		strbuf_add(sb, "null", 4);
	} else if (f->kind == FLAT_STRING) {
		strbuf_addch(sb, '"');
		strbuf_add(sb, f->val, f->val_len);
		strbuf_addch(sb, '"');
	} else {
		strbuf_add(sb, f->val, f->val_len);
	}
}

static int is_null(const struct flat_field *f)
{
	return !f || f->kind == FLAT_NULL;
}

/* An integer field, or -1 when null, absent or not a number. */
static long long int_of(const struct flat_field *f)
{
	if (!f || f->kind != FLAT_NUMBER || f->val_len > 18)
		return -1;
	long long v = 0;
	for (size_t i = 0; i < f->val_len; i++) {
		if (f->val[i] < '0' || f->val[i] > '9')
			return i ? v : -1; /* "12.0": the integer part */
		v = v * 10 + (f->val[i] - '0');
	}
	return v;
}

static int same_value(const struct flat_field *a, const struct flat_field *b)
{
	if (is_null(a) || is_null(b))
		return is_null(a) && is_null(b);
	return a->val_len == b->val_len && !ascii_ncasecmp(a->val, b->val, a->val_len);
}

static struct strbuf *set(struct overrides *o, int id)
{
	strbuf_reset(&o->val[id]);
	o->set[id] = 1;
	return &o->val[id];
}

static void set_raw(struct overrides *o, int id, const struct flat_field *f)
{
	raw_value(set(o, id), f);
}

static void set_count(struct overrides *o, int id, long long v)
{
	struct strbuf *sb = set(o, id);
	if (v < 0)
		strbuf_add(sb, "null", 4);
	else
		jsonw_int_value(sb, v);
}

/* The sub-type kept: most specific, then given by most reports, then first in the table. */
static int choose_type(const struct dedup_rules *r, const struct member *m, size_t n)
{
	int best = -1, best_count = 0;
	for (size_t i = 0; i < n; i++) {
		int t = m[i].key.type, count = 0;
		if (t < 0)
			continue;
		for (size_t j = 0; j < n; j++)
			count += m[j].key.type == t;
		if (best < 0 || r->types[t].specificity > r->types[best].specificity ||
		    (r->types[t].specificity == r->types[best].specificity &&
		     (count > best_count || (count == best_count && t < best)))) {
			best = t;
			best_count = count;
		}
	}
	return best;
}

/* The date most reports of the finest precision give, the earliest on a tie; precision
 * widened to a week or a month when day-precise reports are more than a day or a week
 * apart. Returns the member whose date is kept. */
static size_t choose_date(const struct member *m, size_t n, int *precision)
{
	int finest = 3;
	for (size_t i = 0; i < n; i++)
		if (m[i].key.precision < finest)
			finest = m[i].key.precision;
	size_t best = n;
	int best_count = 0;
	int32_t lo = INT32_MAX, hi = INT32_MIN;
	for (size_t i = 0; i < n; i++) {
		if (m[i].key.precision != finest)
			continue;
		int32_t day = m[i].key.day;
		int count = 0;
		lo = day < lo ? day : lo;
		hi = day > hi ? day : hi;
		for (size_t j = 0; j < n; j++)
			count += m[j].key.precision == finest && m[j].key.day == day;
		if (best == n || count > best_count || (count == best_count && day < m[best].key.day)) {
			best = i;
			best_count = count;
		}
	}
	*precision = finest;
	if (finest == 1 && hi - lo > 7)
		*precision = 3;
	else if (finest == 1 && hi - lo > 1)
		*precision = 2;
	return best;
}

/* The most precise place: lowest geo_precision, then the finest level, then the place most
 * reports name, then canonical order. */
static size_t choose_place(const struct member *m, size_t n)
{
	size_t best = 0;
	int best_count = -1;
	for (size_t i = 0; i < n; i++) {
		const struct dkey *k = &m[i].key, *b = &m[best].key;
		int count = 0;
		for (size_t j = 0; j < n; j++)
			count += k->place && m[j].key.place == k->place;
		int gp = k->geo_precision ? k->geo_precision : 4, bgp = b->geo_precision ? b->geo_precision : 4;
		if (best_count < 0 || gp < bgp || (gp == bgp && k->level < b->level) ||
		    (gp == bgp && k->level == b->level && count > best_count)) {
			best = i;
			best_count = count;
		}
	}
	return best;
}

/* One actor slot of one report, once the report is turned to face the base report. */
struct slot {
	uint64_t hash;
	int wild;
	int which; /* 1: the report's actor1 side, 2: its actor2 side */
};

static struct slot slot_of(const struct member *base, const struct member *m, int slot)
{
	int swapped = dedup_actors_agree(&base->key, &m->key) == 2;
	int which = swapped ? 3 - slot : slot;
	struct slot s = { which == 1 ? m->key.actor1 : m->key.actor2,
			  (m->key.flags & (which == 1 ? DK_ACTOR1_WILD : DK_ACTOR2_WILD)) != 0, which };
	return s;
}

/* The actor a slot keeps: the named party most reports give (the base report's on a tie,
 * then canonical order); an unnamed party only when no report names one. */
static void choose_actor(const struct member *m, size_t n, size_t base, int slot,
			 size_t *who, int *which)
{
	int best_count = 0;
	*who = base;
	*which = slot;
	for (size_t pass = 0; pass < n + 1; pass++) {
		size_t i = pass == 0 ? base : pass - 1; /* the base report first */
		struct slot s = slot_of(&m[base], &m[i], slot);
		if (!s.hash || s.wild || (pass && i == base))
			continue;
		int count = 0;
		for (size_t j = 0; j < n; j++) {
			struct slot t = slot_of(&m[base], &m[j], slot);
			count += t.hash == s.hash;
		}
		if (count > best_count) {
			best_count = count;
			*who = i;
			*which = s.which;
		}
	}
	if (best_count)
		return;
	for (size_t pass = 0; pass < n + 1; pass++) {
		size_t i = pass == 0 ? base : pass - 1;
		struct slot s = slot_of(&m[base], &m[i], slot);
		if (s.hash) {
			*who = i;
			*which = s.which;
			return;
		}
	}
}

static void set_actor(struct overrides *o, const struct indexed *ix, size_t who, int which, int slot)
{
	static const int actor[3] = { 0, K_ACTOR1, K_ACTOR2 }, assoc[3] = { 0, K_ASSOC1, K_ASSOC2 },
			 inter[3] = { 0, K_INTER1, K_INTER2 };
	set_raw(o, actor[slot], ix[who].by_key[actor[which]]);
	set_raw(o, assoc[slot], ix[who].by_key[assoc[which]]);
	set_raw(o, inter[slot], ix[who].by_key[inter[which]]);
}

/* A report gives a death toll when it has a low or high reading or a count above zero. */
static int states_fatalities(const struct indexed *ix)
{
	return int_of(ix->by_key[K_FAT_LOW]) >= 0 || int_of(ix->by_key[K_FAT_HIGH]) >= 0 ||
	       int_of(ix->by_key[K_FATALITIES]) > 0;
}

/* ACLED's rule: the lowest credible toll; low and high span every toll reported. */
static void set_fatalities(struct overrides *o, const struct indexed *ix, size_t n)
{
	long long fat = -1, low = -1, high = -1, least = -1;
	int any_high = 0;
	for (size_t i = 0; i < n; i++) {
		long long f = int_of(ix[i].by_key[K_FATALITIES]);
		if (f >= 0 && (least < 0 || f < least))
			least = f;
		if (!states_fatalities(&ix[i]))
			continue;
		long long l = int_of(ix[i].by_key[K_FAT_LOW]), h = int_of(ix[i].by_key[K_FAT_HIGH]);
		l = l >= 0 ? l : f;
		h = h >= 0 ? (any_high = 1, h) : l;
		if (f >= 0 && (fat < 0 || f < fat))
			fat = f;
		if (l >= 0 && (low < 0 || l < low))
			low = l;
		if (h > high)
			high = h;
	}
	set_count(o, K_FATALITIES, fat >= 0 ? fat : least >= 0 ? least : 0);
	set_count(o, K_FAT_LOW, low);
	set_count(o, K_FAT_HIGH, high > low || any_high ? high : -1);
}

/* The lowest count any report gives, or null. */
static void set_least(struct overrides *o, const struct indexed *ix, size_t n, int id)
{
	long long least = -1;
	for (size_t i = 0; i < n; i++) {
		long long v = int_of(ix[i].by_key[id]);
		if (v >= 0 && (least < 0 || v < least))
			least = v;
	}
	set_count(o, id, least);
}

static int cmp_field(const void *a, const void *b)
{
	const struct flat_field *x = *(const struct flat_field *const *)a;
	const struct flat_field *y = *(const struct flat_field *const *)b;
	size_t len = x->val_len < y->val_len ? x->val_len : y->val_len;
	int c = memcmp(x->val, y->val, len);
	return c ? c : (x->val_len > y->val_len) - (x->val_len < y->val_len);
}

/* The most confident report's confidence: what any one report shows, the event has. */
static void set_confidence(struct overrides *o, const struct indexed *ix, size_t n)
{
	size_t best = n;
	double top = -1;
	for (size_t i = 0; i < n; i++) {
		const struct flat_field *f = ix[i].by_key[K_CONFIDENCE];
		char num[32];
		if (!f || f->kind != FLAT_NUMBER || f->val_len >= sizeof(num))
			continue;
		memcpy(num, f->val, f->val_len);
		num[f->val_len] = '\0';
		double v = strtod(num, NULL);
		if (v > top) {
			top = v;
			best = i;
		}
	}
	if (best < n)
		set_raw(o, K_CONFIDENCE, ix[best].by_key[K_CONFIDENCE]);
}

/* Every publisher once, in byte order, joined with "; "; and the number of documents. */
static void set_sources(struct overrides *o, const struct member *m, const struct indexed *ix,
			size_t n)
{
	const struct flat_field **names = xcalloc(n, sizeof(*names));
	size_t k = 0, docs = 0;
	for (size_t i = 0; i < n; i++) {
		const struct flat_field *s = ix[i].by_key[K_SOURCE];
		size_t j;
		for (j = 0; j < i && m[j].key.doc != m[i].key.doc; j++)
			;
		docs += j == i;
		if (!s || s->kind != FLAT_STRING || !s->val_len)
			continue;
		for (j = 0; j < k && !same_value(names[j], s); j++)
			;
		if (j == k)
			names[k++] = s;
	}
	qsort(names, k, sizeof(*names), cmp_field);
	struct strbuf *sb = set(o, K_SOURCE);
	if (!k)
		strbuf_add(sb, "null", 4);
	for (size_t i = 0; i < k; i++) {
		strbuf_addstr(sb, i ? "; " : "\"");
		strbuf_add(sb, names[i]->val, names[i]->val_len);
	}
	if (k)
		strbuf_addch(sb, '"');
	set_count(o, K_SOURCE_COUNT, (long long)docs);
	free(names);
}

static int raw_cmp(const struct flat_field *a, const struct flat_field *b)
{
	if (!a || !b)
		return !!a - !!b;
	return cmp_field(&a, &b);
}

/* The report whose sentence, offsets and code the merged event keeps: of those giving the
 * chosen type, the most precisely placed, then the first by doc_id and event_id. */
static size_t choose_base(const struct member *m, const struct indexed *ix, size_t n, int type)
{
	size_t best = n;
	for (size_t i = 0; i < n; i++) {
		if (m[i].key.type != type)
			continue;
		if (best == n) {
			best = i;
			continue;
		}
		const struct dkey *k = &m[i].key, *b = &m[best].key;
		int gp = k->geo_precision ? k->geo_precision : 4, bgp = b->geo_precision ? b->geo_precision : 4;
		int c = gp != bgp ? gp - bgp : k->level != b->level ? k->level - b->level : 0;
		if (!c)
			c = raw_cmp(ix[i].by_key[K_DOC_ID], ix[best].by_key[K_DOC_ID]);
		if (!c)
			c = raw_cmp(ix[i].by_key[K_EVENT_ID], ix[best].by_key[K_EVENT_ID]);
		if (c < 0)
			best = i;
	}
	return best < n ? best : 0;
}

/* "m:" and the base report's event id (doc_id and a slash first, unless the event id starts
 * with it): the same whatever the input order, and unique while the reports' ids are. */
static void merged_id(const struct indexed *base, struct strbuf *id)
{
	const struct flat_field *doc = base->by_key[K_DOC_ID], *ev = base->by_key[K_EVENT_ID];
	strbuf_reset(id);
	strbuf_addstr(id, "m:");
	if (doc && ev && (ev->val_len < doc->val_len || memcmp(ev->val, doc->val, doc->val_len))) {
		strbuf_add(id, doc->val, doc->val_len);
		strbuf_addch(id, '/');
	}
	if (ev)
		strbuf_add(id, ev->val, ev->val_len);
}

static void write_key(struct strbuf *out, const char *key, size_t len)
{
	if (out->buf[out->len - 1] != '{')
		strbuf_addch(out, ',');
	strbuf_addch(out, '"');
	strbuf_add(out, key, len);
	strbuf_add(out, "\":", 2);
}

/* The base report's fields in its order, overridden values in place, new ones after. */
static void write_event(struct strbuf *out, const struct member *base, const struct indexed *ix,
			const struct overrides *o)
{
	unsigned char done[K_COUNT + 1] = { 0 };
	strbuf_addch(out, '{');
	for (int i = 0; i < base->n; i++) {
		int id = ix->key_of[i];
		if (id != K_OTHER && done[id])
			continue; /* a repeated key: the first one counts */
		write_key(out, base->f[i].key, base->f[i].key_len);
		if (id != K_OTHER && o->set[id])
			strbuf_add(out, o->val[id].buf, o->val[id].len);
		else
			raw_value(out, &base->f[i]);
		done[id] = 1;
		if (id == K_SOURCE && o->set[K_SOURCE_COUNT] && !ix->by_key[K_SOURCE_COUNT]) {
			write_key(out, "source_count", 12);
			strbuf_add(out, o->val[K_SOURCE_COUNT].buf, o->val[K_SOURCE_COUNT].len);
			done[K_SOURCE_COUNT] = 1;
		}
	}
	for (int id = 0; id < K_COUNT; id++)
		if (o->set[id] && !done[id]) {
			write_key(out, key_names[id], strlen(key_names[id]));
			strbuf_add(out, o->val[id].buf, o->val[id].len);
		}
	strbuf_add(out, "}\n", 2);
}

static void write_mention(struct strbuf *out, const struct indexed *ix, const struct strbuf *id)
{
	static const struct { const char *name; int id; } copied[] = { { "doc_id", K_DOC_ID },
		{ "mention_event_id", K_EVENT_ID }, { "source", K_SOURCE },
		{ "event_date", K_EVENT_DATE }, { "fatalities", K_FATALITIES }, { "notes", K_NOTES } };
	strbuf_addstr(out, "{\"type\":\"mention\",\"event_id\":\"");
	strbuf_add(out, id->buf, id->len);
	strbuf_addch(out, '"');
	for (size_t i = 0; i < sizeof(copied) / sizeof(copied[0]); i++) {
		write_key(out, copied[i].name, strlen(copied[i].name));
		raw_value(out, ix->by_key[copied[i].id]);
	}
	strbuf_add(out, "}\n", 2);
}

/* Every rule of the merged event, applied to the reports' indexed fields. */
static size_t merge_rules(const struct dedup_rules *r, const struct member *m,
			  const struct indexed *ix, size_t n, struct overrides *o)
{
	int type = choose_type(r, m, n);
	size_t base = choose_base(m, ix, n, type);
	set(o, K_EVENT_TYPE);
	jsonw_strn_value(&o->val[K_EVENT_TYPE], r->types[type].event_type,
			 strlen(r->types[type].event_type));
	set(o, K_SUB_EVENT_TYPE);
	jsonw_strn_value(&o->val[K_SUB_EVENT_TYPE], r->types[type].sub_event_type,
			 strlen(r->types[type].sub_event_type));
	int precision;
	size_t dated = choose_date(m, n, &precision);
	set_raw(o, K_EVENT_DATE, ix[dated].by_key[K_EVENT_DATE]);
	set_raw(o, K_DATE_TEXT, ix[dated].by_key[K_DATE_TEXT]);
	set_count(o, K_TIME_PRECISION, precision);
	size_t placed = choose_place(m, n);
	for (size_t k = 0; k < sizeof(place_keys) / sizeof(place_keys[0]); k++)
		set_raw(o, place_keys[k], ix[placed].by_key[place_keys[k]]);
	for (int slot = 1; slot <= 2; slot++) {
		size_t who;
		int which;
		choose_actor(m, n, base, slot, &who, &which);
		set_actor(o, ix, who, which, slot);
	}
	set_fatalities(o, ix, n);
	set_least(o, ix, n, K_INJURIES);
	set_least(o, ix, n, K_DETAINED);
	/* Civilians targeted in any report stay so unless the event is a battle. */
	for (size_t i = 0; i < n && acled_type_of((enum acled_sub)type) != TYPE_BATTLES; i++)
		if (!is_null(ix[i].by_key[K_CIVILIAN]))
			set_raw(o, K_CIVILIAN, ix[i].by_key[K_CIVILIAN]);
	for (size_t i = 0; i < n && is_null(ix[base].by_key[K_CLAIMED_BY]); i++)
		if (!is_null(ix[i].by_key[K_CLAIMED_BY])) {
			set_raw(o, K_CLAIMED_BY, ix[i].by_key[K_CLAIMED_BY]);
			break;
		}
	set_sources(o, m, ix, n);
	set_confidence(o, ix, n);
	return base;
}

void merge_write(const struct dedup_rules *r, struct member *m, size_t n, struct strbuf *out,
		 struct strbuf *id)
{
	struct indexed *ix = xmalloc(n * sizeof(*ix));
	struct overrides o;
	memset(&o, 0, sizeof(o));
	for (int k = 0; k < K_COUNT; k++)
		strbuf_init(&o.val[k], 0);
	for (size_t i = 0; i < n; i++)
		index_fields(&m[i], &ix[i]);
	size_t base = 0;
	if (n > 1)
		base = merge_rules(r, m, ix, n, &o);
	else
		set_count(&o, K_SOURCE_COUNT, 1);
	merged_id(&ix[base], id);
	struct strbuf *eid = set(&o, K_EVENT_ID);
	strbuf_addch(eid, '"');
	strbuf_add(eid, id->buf, id->len);
	strbuf_addch(eid, '"');
	write_event(out, &m[base], &ix[base], &o);
	for (size_t i = 0; i < n; i++)
		write_mention(out, &ix[i], id);
	for (int k = 0; k < K_COUNT; k++)
		strbuf_release(&o.val[k]);
	free(ix);
}
