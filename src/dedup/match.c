/* match: the pair rule of dedup and the keys it works on. What may describe one event is data
 * (src/data/dedup_types.tsv, dedup_actors.tsv); this file only applies it. */
#include "dedup/match.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "base/util.h"
#include "io/tsv.h"
#include "lexicon/embedded.h"

#define TYPES_FILE "src/data/dedup_types.tsv"
#define ACTORS_FILE "src/data/dedup_actors.tsv"
#define MAX_GROUPS 32

/* Days a report's date may be off by, by time_precision (1 day, 2 week, 3 month). */
static const int precision_slack[4] = { 0, 0, 7, 31 };

struct types_load {
	struct dedup_rules *r;
	char *group_names[MAX_GROUPS];
	int n_groups;
};

static int group_bit(struct types_load *ld, const char *name, size_t len, unsigned long line)
{
	for (int i = 0; i < ld->n_groups; i++)
		if (strlen(ld->group_names[i]) == len && !memcmp(ld->group_names[i], name, len))
			return i;
	if (ld->n_groups == MAX_GROUPS)
		return error("%s:%lu: more than %d groups", TYPES_FILE, line, MAX_GROUPS);
	ld->group_names[ld->n_groups] = xstrndup(name, len);
	return ld->n_groups++;
}

static int type_row(void *ctx, char **f, size_t n, unsigned long line)
{
	struct types_load *ld = ctx;
	struct dedup_rules *r = ld->r;
	int sub = -1;
	(void)n;
	for (int i = 0; i < SUB_COUNT; i++)
		if (!strcmp(acled_sub((enum acled_sub)i)->id, f[0]))
			sub = i;
	if (sub < 0)
		return error("%s:%lu: '%s' is no sub-event type of acled.tsv", TYPES_FILE, line, f[0]);
	struct dedup_type *t = &r->types[sub];
	if (t->listed)
		return error("%s:%lu: sub-event type '%s' listed twice", TYPES_FILE, line, f[0]);
	char *end;
	long spec = strtol(f[2], &end, 10);
	if (end == f[2] || *end)
		return error("%s:%lu: specificity '%s' is not a number", TYPES_FILE, line, f[2]);
	t->groups = 0;
	for (const char *p = f[1]; *p;) {
		size_t len = strcspn(p, ",");
		if (len) {
			int bit = group_bit(ld, p, len, line);
			if (bit < 0)
				return -1;
			t->groups |= 1u << bit;
		}
		p += len + (p[len] == ',');
	}
	t->specificity = (int)spec;
	t->listed = 1;
	return 0;
}

static int wildcard_row(void *ctx, char **f, size_t n, unsigned long line)
{
	struct dedup_rules *r = ctx;
	(void)n;
	(void)line;
	r->wildcards = xrealloc(r->wildcards, (r->n_wildcards + 1) * sizeof(*r->wildcards));
	r->wildcards[r->n_wildcards++] = xstrdup(f[0]);
	return 0;
}

static int load_table(const char *name, const char *header, tsv_row_fn fn, void *ctx)
{
	const struct embedded_file *ef = embedded_find(name);
	if (!ef)
		return error("embedded table '%s' is missing", name);
	return tsv_parse(ef->data, ef->len, name, header, fn, ctx) != 0 ? -1 : 0;
}

int dedup_rules_load(struct dedup_rules *r, int days, double km)
{
	struct types_load ld;
	memset(r, 0, sizeof(*r));
	memset(&ld, 0, sizeof(ld));
	r->days = days;
	r->km = km;
	ld.r = r;
	if (acled_load() < 0)
		return -1;
	for (int i = 0; i < SUB_COUNT; i++) {
		r->types[i].sub_event_type = acled_sub((enum acled_sub)i)->sub_event_type;
		r->types[i].event_type = acled_sub((enum acled_sub)i)->event_type;
	}
	r->n_types = SUB_COUNT;
	int rc = load_table(TYPES_FILE, "sub,groups,specificity", type_row, &ld);
	for (int i = 0; i < ld.n_groups; i++)
		free(ld.group_names[i]);
	for (int i = 0; rc == 0 && i < SUB_COUNT; i++)
		if (!r->types[i].listed)
			rc = error("%s: no row for sub-event type '%s'", TYPES_FILE,
				   acled_sub((enum acled_sub)i)->id);
	if (rc == 0)
		rc = load_table(ACTORS_FILE, "prefix", wildcard_row, r);
	if (rc < 0)
		dedup_rules_release(r);
	return rc;
}

void dedup_rules_release(struct dedup_rules *r)
{
	for (size_t i = 0; i < r->n_wildcards; i++)
		free(r->wildcards[i]);
	free(r->wildcards);
	memset(r, 0, sizeof(*r));
}

int dedup_type_index(const struct dedup_rules *r, const char *name, size_t len)
{
	for (size_t i = 0; i < r->n_types; i++)
		if (strlen(r->types[i].sub_event_type) == len &&
		    !memcmp(r->types[i].sub_event_type, name, len))
			return (int)i;
	return -1;
}

uint64_t dedup_hash(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ull;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		h = (h ^ c) * 1099511628211ull;
	}
	return h ? h : 1;
}

/* Eight bytes a step: lines are long, and this hash only breaks ties. */
uint64_t dedup_hash_exact(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ull ^ len;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
	}
	for (; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

uint64_t dedup_field_hash(const struct flat_field *f, struct strbuf *tmp)
{
	if (!f || f->kind != FLAT_STRING || !f->val_len)
		return 0;
	if (!f->escaped)
		return dedup_hash(f->val, f->val_len);
	strbuf_reset(tmp);
	flatjson_unescape(f->val, f->val_len, tmp);
	return tmp->len ? dedup_hash(tmp->buf, tmp->len) : 0;
}

/* Field positions in extract's records (a hint; any order is read). */
enum { H_DOC_ID = 1, H_EVENT_ID = 2, H_EVENT_DATE = 3, H_TIME_PRECISION = 4, H_DATE_TEXT = 5,
       H_SUB_EVENT_TYPE = 7, H_ACTOR1 = 8, H_ACTOR2 = 11, H_COUNTRY = 15, H_ISO3 = 16,
       H_ADMIN1 = 17, H_ADMIN2 = 18, H_LOCATION = 19, H_LATITUDE = 20, H_LONGITUDE = 21,
       H_GEO_PRECISION = 22 };

static const struct flat_field *get(const struct flat_field *f, int n, const char *key, int hint)
{
	return flatjson_get(f, n, key, hint);
}

/* A number field, or def when absent, null or not a number. */
static double number(const struct flat_field *f, double def)
{
	char buf[64];
	if (!f || f->kind != FLAT_NUMBER || f->val_len >= sizeof(buf))
		return def;
	memcpy(buf, f->val, f->val_len);
	buf[f->val_len] = '\0';
	double d = strtod(buf, NULL);
	return isfinite(d) ? d : def;
}

static int parse_day(const struct flat_field *f, int32_t *day)
{
	if (!f || f->kind != FLAT_STRING || f->val_len != 10 || f->escaped)
		return 0;
	const char *s = f->val;
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	struct ymd d = { atoi(s), atoi(s + 5), atoi(s + 8) };
	if (!ymd_valid(d))
		return 0;
	*day = (int32_t)days_from_civil(d.y, d.m, d.d);
	return 1;
}

/* "AFG" packed big-endian below a marker bit, so keys sort by ISO code. */
static uint64_t country_key(const struct flat_field *iso3, const struct flat_field *name,
			    struct strbuf *tmp)
{
	if (iso3 && iso3->kind == FLAT_STRING && iso3->val_len == 3 && !iso3->escaped) {
		uint64_t k = 1;
		for (int i = 0; i < 3; i++) {
			unsigned char c = (unsigned char)iso3->val[i];
			k = (k << 8) | (c >= 'a' && c <= 'z' ? c - 32u : c);
		}
		return k;
	}
	uint64_t h = dedup_field_hash(name, tmp);
	return h ? h | (1ull << 63) : 0;
}

static int is_wildcard(const struct dedup_rules *r, const struct flat_field *f)
{
	if (!f || f->kind != FLAT_STRING)
		return 0;
	for (size_t i = 0; i < r->n_wildcards; i++) {
		size_t len = strlen(r->wildcards[i]);
		if (f->val_len >= len && !ascii_ncasecmp(f->val, r->wildcards[i], len))
			return 1;
	}
	return 0;
}

/* A day of a month written in the text ("14 March", "March 14", "2023-03-14"): such a date
 * is exact, where one worked out from "Monday" or "yesterday" may be a day off. */
static int written_day(const struct flat_field *f)
{
	char text[128];
	if (!f || f->kind != FLAT_STRING || f->val_len >= sizeof(text))
		return 0;
	memcpy(text, f->val, f->val_len);
	text[f->val_len] = '\0';
	for (size_t i = 0; i < f->val_len; i++) {
		struct ymd d;
		if ((i == 0 || text[i - 1] == ' ') && date_scan(text + i, &d, 1) && d.d)
			return 1;
	}
	return 0;
}

static enum place_level place_level(const struct dkey *k, uint64_t country_name)
{
	if (!k->place)
		return k->admin2 ? LEVEL_ADMIN2 : k->admin1 ? LEVEL_ADMIN1 : LEVEL_COUNTRY;
	if (k->place == country_name)
		return LEVEL_COUNTRY;
	if (k->geo_precision >= 2 && k->place == k->admin1)
		return LEVEL_ADMIN1;
	if (k->geo_precision >= 2 && k->place == k->admin2)
		return LEVEL_ADMIN2;
	return LEVEL_POINT;
}

enum dkey_verdict dkey_build(const struct dedup_rules *r, const struct flat_field *f, int n,
			     struct dkey *k, const char **why)
{
	struct strbuf tmp = STRBUF_INIT;
	uint64_t spill_off = k->spill_off, line_hash = k->line_hash;
	uint32_t spill_len = k->spill_len;
	memset(k, 0, sizeof(*k));
	k->spill_off = spill_off;
	k->spill_len = spill_len;
	k->line_hash = line_hash;
	uint64_t doc = dedup_field_hash(get(f, n, "doc_id", H_DOC_ID), &tmp);
	uint64_t id = dedup_field_hash(get(f, n, "event_id", H_EVENT_ID), &tmp);
	k->doc = doc;
	k->order = (doc * 0x9E3779B97F4A7C15ull) ^ id;
	k->country = country_key(get(f, n, "iso3", H_ISO3), get(f, n, "country", H_COUNTRY), &tmp);
	k->place = dedup_field_hash(get(f, n, "location", H_LOCATION), &tmp);
	k->admin1 = dedup_field_hash(get(f, n, "admin1", H_ADMIN1), &tmp);
	k->admin2 = dedup_field_hash(get(f, n, "admin2", H_ADMIN2), &tmp);
	const struct flat_field *a1 = get(f, n, "actor1", H_ACTOR1), *a2 = get(f, n, "actor2", H_ACTOR2);
	k->actor1 = dedup_field_hash(a1, &tmp);
	k->actor2 = dedup_field_hash(a2, &tmp);
	k->flags = (uint8_t)((is_wildcard(r, a1) ? DK_ACTOR1_WILD : 0) |
			     (is_wildcard(r, a2) ? DK_ACTOR2_WILD : 0));
	k->lat = (float)number(get(f, n, "latitude", H_LATITUDE), NAN);
	k->lon = (float)number(get(f, n, "longitude", H_LONGITUDE), NAN);
	double gp = number(get(f, n, "geo_precision", H_GEO_PRECISION), 0);
	k->geo_precision = (uint8_t)(gp >= 1 && gp <= 3 ? gp : 0);
	k->level = (uint8_t)place_level(k, dedup_field_hash(get(f, n, "country", H_COUNTRY), &tmp));
	double tp = number(get(f, n, "time_precision", H_TIME_PRECISION), 1);
	k->precision = (uint8_t)(tp >= 1 && tp <= 3 ? tp : 1);
	if (k->precision == 1 && written_day(get(f, n, "date_text", H_DATE_TEXT)))
		k->flags |= DK_WRITTEN_DAY;
	const struct flat_field *st = get(f, n, "sub_event_type", H_SUB_EVENT_TYPE);
	k->type = (int8_t)(st && st->kind == FLAT_STRING ? dedup_type_index(r, st->val, st->val_len) : -1);
	strbuf_release(&tmp);
	int dated = parse_day(get(f, n, "event_date", H_EVENT_DATE), &k->day);
	k->lo = k->day - precision_slack[k->precision];
	k->hi = k->day + precision_slack[k->precision];
	if (!doc || !id) {
		*why = "no doc_id or event_id";
		return DKEY_NO_ID;
	}
	*why = !dated ? "no date"
	       : !k->country ? "no country"
	       : !k->place && !k->admin1 && !k->admin2 && isnan(k->lat) ? "no place"
	       : k->level == LEVEL_COUNTRY ? "placed only by its country"
	       : k->type < 0 ? "unknown sub_event_type" : NULL;
	return *why ? DKEY_ALONE : DKEY_OK;
}

#define CMP(x, y) do { if ((x) != (y)) return (x) < (y) ? -1 : 1; } while (0)

int dkey_compare(const void *va, const void *vb)
{
	const struct dkey *a = va, *b = vb;
	CMP(a->hi, b->hi);
	CMP(b->flags & DK_WRITTEN_DAY, a->flags & DK_WRITTEN_DAY);
	CMP(a->country, b->country);
	CMP(a->order, b->order);
	CMP(a->line_hash, b->line_hash);
	CMP(a->spill_off, b->spill_off);
	return 0;
}

int dedup_types_compatible(const struct dedup_rules *r, int a, int b)
{
	if (a < 0 || b < 0)
		return 0;
	return a == b || (r->types[a].groups & r->types[b].groups) != 0;
}

static int is_point(const struct dkey *k)
{
	return k->level == LEVEL_POINT && !isnan(k->lat) && !isnan(k->lon);
}

static double km_between(const struct dkey *a, const struct dkey *b)
{
	const double rad = M_PI / 180.0;
	double la1 = a->lat * rad, la2 = b->lat * rad;
	double dla = la2 - la1, dlo = (b->lon - a->lon) * rad;
	double h = sin(dla / 2) * sin(dla / 2) + cos(la1) * cos(la2) * sin(dlo / 2) * sin(dlo / 2);
	return 2 * 6371.0 * asin(sqrt(h < 1 ? h : 1));
}

/* Same names (admin1 agreeing where both give it), one place inside the other's admin unit,
 * or two points within r->km. */
static enum place_agreement places_agree(const struct dedup_rules *r, const struct dkey *a,
					 const struct dkey *b, double *km)
{
	*km = -1;
	if (a->place && a->place == b->place && (!a->admin1 || !b->admin1 || a->admin1 == b->admin1))
		return PA_SAME;
	const struct dkey *coarse = a->level >= b->level ? a : b, *fine = coarse == a ? b : a;
	if (coarse->level == LEVEL_ADMIN1 && fine->level < LEVEL_ADMIN1 && coarse->admin1 &&
	    fine->admin1 == coarse->admin1)
		return PA_INSIDE;
	if (coarse->level == LEVEL_ADMIN2 && fine->level < LEVEL_ADMIN2 && coarse->admin2 &&
	    fine->admin2 == coarse->admin2 &&
	    (!coarse->admin1 || !fine->admin1 || coarse->admin1 == fine->admin1))
		return PA_INSIDE;
	if (!is_point(a) || !is_point(b))
		return PA_NONE;
	/* A degree of latitude is 111 km: most pairs are told apart without trigonometry. */
	if (fabsf(a->lat - b->lat) * 111.0 > r->km + 1)
		return PA_NONE;
	*km = km_between(a, b);
	return *km <= r->km ? PA_NEAR : PA_NONE;
}

static int actor_fits(uint64_t x, int x_wild, uint64_t y, int y_wild)
{
	return !x || !y || x == y || x_wild || y_wild;
}

double dkey_km(const struct dkey *a, const struct dkey *b)
{
	return is_point(a) && is_point(b) ? km_between(a, b) : -1;
}

int dedup_actors_agree(const struct dkey *a, const struct dkey *b)
{
	int a1w = a->flags & DK_ACTOR1_WILD, a2w = a->flags & DK_ACTOR2_WILD;
	int b1w = b->flags & DK_ACTOR1_WILD, b2w = b->flags & DK_ACTOR2_WILD;
	if (actor_fits(a->actor1, a1w, b->actor1, b1w) && actor_fits(a->actor2, a2w, b->actor2, b2w))
		return 1;
	if (actor_fits(a->actor1, a1w, b->actor2, b2w) && actor_fits(a->actor2, a2w, b->actor1, b1w))
		return 2;
	return 0;
}

void dedup_pair(const struct dedup_rules *r, const struct dkey *a, const struct dkey *b,
		struct dedup_pair *out)
{
	memset(out, 0, sizeof(*out));
	out->km = -1;
	out->days_apart = abs(a->day - b->day);
	int32_t gap = a->lo > b->hi ? a->lo - b->hi : b->lo > a->hi ? b->lo - a->hi : 0;
	int slack = out->slack = (a->flags & b->flags & DK_WRITTEN_DAY) ? 0 : r->days;
	if (a->doc == b->doc) {
		out->verdict = DV_SAME_DOC;
	} else if (a->country != b->country) {
		out->verdict = DV_COUNTRY;
	} else if (gap > slack) {
		out->verdict = DV_DATE;
	} else if (!dedup_types_compatible(r, a->type, b->type)) {
		out->verdict = DV_TYPE;
	} else if ((out->place = places_agree(r, a, b, &out->km)) == PA_NONE) {
		out->verdict = DV_PLACE;
	} else {
		int actors = dedup_actors_agree(a, b);
		out->swapped = actors == 2;
		out->verdict = actors ? DV_MATCH : DV_ACTORS;
	}
	if (out->verdict != DV_MATCH)
		return;
	int place_score = out->place == PA_SAME ? 30 : out->place == PA_INSIDE ? 20
			  : 10 + (int)(9 * (1 - out->km / (r->km > 0 ? r->km : 1)));
	int actor_score = (a->actor1 && (a->actor1 == b->actor1 || a->actor1 == b->actor2)) +
			  (a->actor2 && (a->actor2 == b->actor2 || a->actor2 == b->actor1));
	out->score = place_score + 3 * actor_score + 5 * (a->type == b->type) -
		     (out->days_apart < 10 ? out->days_apart : 10);
}

const char *dedup_verdict_name(enum dedup_verdict v)
{
	static const char *const names[] = { "match", "same document", "different countries",
		"dates too far apart", "incompatible types", "places disagree",
		"actors contradict" };
	return names[v];
}
