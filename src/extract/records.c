/* records: writes the extract stage's records as JSON lines: events with their location
 * fields, place and actor mentions, quotations. */
#include "extract/records.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "io/jsonw.h"

static void write_doc_id(const struct ectx *cx, struct strbuf *out)
{
	jsonw_key(out, "doc_id");
	strbuf_addch(out, '"');
	strbuf_add(out, cx->doc_id_json.buf, cx->doc_id_json.len);
	strbuf_addch(out, '"');
}

/* "key":"<doc_id>-<tag>: a record id up to its number. */
static void write_id_start(const struct ectx *cx, struct strbuf *out, const char *key, char tag)
{
	jsonw_key(out, key);
	strbuf_addch(out, '"');
	strbuf_add(out, cx->doc_id_json.buf, cx->doc_id_json.len);
	strbuf_addch(out, '-');
	strbuf_addch(out, tag);
}

static void write_record_id(const struct ectx *cx, struct strbuf *out, const char *key, char tag, size_t n)
{
	write_id_start(cx, out, key, tag);
	jsonw_int_value(out, (long long)n);
	strbuf_addch(out, '"');
}

/* What every record of one type in this window starts with, made once: {"type":...,
 * "doc_id":...}, and with tag, the id up to its number ("event_id":"<doc_id>-e). Records of
 * one document differ only after it. */
static void make_head(const struct ectx *cx, struct strbuf *head, const char *type,
		      const char *id_key, char tag)
{
	jsonw_begin(head);
	jsonw_str(head, "type", type);
	write_doc_id(cx, head);
	if (id_key)
		write_id_start(cx, head, id_key, tag);
}

/* A record's head, then with an id its number n and closing quote. */
static void write_head(struct strbuf *out, const struct strbuf *head, int with_id, size_t n)
{
	jsonw_comma(out);
	strbuf_add(out, head->buf, head->len);
	if (with_id) {
		jsonw_int_value(out, (long long)n);
		strbuf_addch(out, '"');
	}
}

/* The fields of a place from "country" to "longitude", the same every time the place is
 * written: formatted once per run and copied after that. */
static const struct strbuf *place_fields(const struct extractor *ex, int place_idx)
{
	struct strbuf *sb = &ex->place_json[place_idx];
	if (sb->len)
		return sb;
	const struct gazetteer *gz = ex->gz;
	const struct place *p = gz_place(gz, place_idx);
	const struct country *ct = p->country >= 0 ? &gz->countries[p->country] : NULL;
	const char *admin1 = p->kind == PK_ADM1 ? p->name : p->admin1;
	const char *admin2 = p->kind == PK_ADM2 ? p->name : p->admin2;
	struct index_list *made = ex->place_json_made;
	if (made->n == made->cap) {
		made->cap = made->cap ? made->cap * 2 : 256;
		made->at = xrealloc(made->at, made->cap * sizeof(*made->at));
	}
	made->at[made->n++] = place_idx;
	strbuf_addch(sb, '{'); /* so that no comma comes first; not copied */
	jsonw_str(sb, "country", ct ? ct->name : NULL);
	jsonw_str(sb, "iso3", ct ? ct->iso3 : NULL);
	jsonw_str(sb, "admin1", admin1 && *admin1 ? admin1 : NULL);
	jsonw_str(sb, "admin2", admin2 && *admin2 ? admin2 : NULL);
	jsonw_str(sb, "location", p->name);
	jsonw_double(sb, "latitude", p->lat, 4);
	jsonw_double(sb, "longitude", p->lon, 4);
	return sb;
}

/* A place named as written (place_mention.name): a village the gazetteer lacks (PM_UNLISTED),
 * with the unit's admin fields and coordinates, or a town or district spelled the text's
 * way, which names its own admin2 so when it is a district. */
static void write_written(struct ectx *cx, struct strbuf *out, const struct place_mention *m,
			  int precision)
{
	const struct gazetteer *gz = cx->ex->gz;
	const struct place *p = gz_place(gz, m->place);
	const struct country *ct = p->country >= 0 ? &gz->countries[p->country] : NULL;
	const char *admin1 = p->kind == PK_ADM1 ? p->name : p->admin1;
	const char *admin2 = m->admin2 ? m->admin2 : p->kind == PK_ADM2 ? p->name : p->admin2;
	if (p->kind == PK_ADM2 && !(m->flags & PM_UNLISTED))
		admin2 = m->name;
	jsonw_str(out, "country", ct ? ct->name : NULL);
	jsonw_str(out, "iso3", ct ? ct->iso3 : NULL);
	jsonw_str(out, "admin1", admin1 && *admin1 ? admin1 : NULL);
	jsonw_str(out, "admin2", admin2 && *admin2 ? admin2 : NULL);
	jsonw_str(out, "location", m->name);
	jsonw_double(out, "latitude", p->lat, 4);
	jsonw_double(out, "longitude", p->lon, 4);
	jsonw_int(out, "geo_precision", precision);
}

static void write_location(struct ectx *cx, struct strbuf *out, int pm, int place_idx,
			   int precision)
{
	if (pm >= 0 && cx->pm[pm].name && cx->pm[pm].place == place_idx) {
		write_written(cx, out, &cx->pm[pm], precision);
		return;
	}
	if (place_idx >= 0) {
		const struct strbuf *f = place_fields(cx->ex, place_idx);
		jsonw_key(out, NULL); /* the comma before the first field */
		strbuf_add(out, f->buf + 1, f->len - 1);
		jsonw_int(out, "geo_precision", precision);
		return;
	}
	const struct gazetteer *gz = cx->ex->gz;
	const struct country *ct = cx->country >= 0 ? &gz->countries[cx->country] : NULL;
	jsonw_str(out, "country", ct ? ct->name : NULL);
	jsonw_str(out, "iso3", ct ? ct->iso3 : NULL);
	jsonw_null(out, "admin1");
	jsonw_null(out, "admin2");
	jsonw_null(out, "location");
	jsonw_null(out, "latitude");
	jsonw_null(out, "longitude");
	jsonw_null(out, "geo_precision");
}

void records_event(struct ectx *cx, const struct event *e, size_t n, struct strbuf *out)
{
	const struct sentence *s = &cx->t.sent[e->sentence];
	char date[16];
	jsonw_begin(out);
	jsonw_str(out, "type", "event");
	write_doc_id(cx, out);
	write_record_id(cx, out, "event_id", 'e', n);
	if (e->event_date.y) {
		ymd_format(e->event_date, date, sizeof(date));
		jsonw_str(out, "event_date", date);
		jsonw_int(out, "time_precision", e->time_precision);
	} else {
		jsonw_null(out, "event_date");
		jsonw_null(out, "time_precision");
	}
	jsonw_str(out, "date_text", e->date_text);
	jsonw_str(out, "event_type", acled_sub(e->sub)->event_type);
	jsonw_str(out, "sub_event_type", acled_sub(e->sub)->sub_event_type);
	jsonw_str(out, "actor1", e->actor1_name);
	jsonw_null(out, "assoc_actor_1");
	jsonw_count(out, "inter1", e->actor1_name ? e->inter1 : -1);
	jsonw_str(out, "actor2", e->actor2_name);
	jsonw_null(out, "assoc_actor_2");
	jsonw_count(out, "inter2", e->actor2_name ? e->inter2 : -1);
	jsonw_str(out, "civilian_targeting", e->civilian_targeting ? "Civilian targeting" : NULL);
	write_location(cx, out, e->place, e->place_idx, e->precision);
	jsonw_count(out, "fatalities", e->fatalities < 0 ? 0 : e->fatalities);
	jsonw_count(out, "fatalities_low", e->fat_low);
	jsonw_count(out, "fatalities_high", e->fat_high);
	jsonw_count(out, "injuries", e->injuries);
	jsonw_count(out, "detained", e->detained);
	jsonw_str(out, "claimed_by", e->claim >= 0 ? cx->cl[e->claim].speaker : NULL);
	jsonw_str(out, "source", cx->d->publisher);
	jsonw_strn(out, "notes", cx->d->text.buf + s->start, s->end - s->start);
	jsonw_int(out, "char_start", (long long)(cx->base + s->start));
	jsonw_int(out, "char_end", (long long)(cx->base + s->end));
	jsonw_str(out, "cameo_code", e->cameo);
	jsonw_double(out, "confidence", e->confidence, 2);
	jsonw_end(out);
	strbuf_addch(out, '\n');
}

static const char *place_role(unsigned flags)
{
	if (flags & PM_MOTION)
		return "movement";
	if (flags & PM_BORDER)
		return "border";
	if (flags & PM_MODIFIER)
		return "modifier";
	if (flags & PM_DATELINE)
		return "dateline";
	return "mention";
}

void records_places(struct ectx *cx, struct strbuf *out)
{
	struct strbuf head = STRBUF_INIT;
	for (size_t k = 0; k < cx->n_pm; k++) {
		const struct place_mention *m = &cx->pm[k];
		if (m->place < 0)
			continue;
		size_t a = cx->t.tok[m->first].start, b = cx->t.tok[m->last - 1].end;
		if (!head.len)
			make_head(cx, &head, "place", NULL, 0);
		write_head(out, &head, 0, 0);
		jsonw_strn(out, "text", cx->d->text.buf + a, b - a);
		jsonw_str(out, "kind", place_kind_name(gz_place(cx->ex->gz, m->place)->kind));
		jsonw_str(out, "role", place_role(m->flags));
		write_location(cx, out, (int)k, m->place, m->precision);
		jsonw_int(out, "char_start", (long long)(cx->base + a));
		jsonw_int(out, "char_end", (long long)(cx->base + b));
		jsonw_end(out);
		strbuf_addch(out, '\n');
	}
	strbuf_release(&head);
}

/* The fields of an actor mention from "actor" to "kind", which every mention of one actor
 * shares: made once per window for each actor (up to ACTORS_CACHED of them) into one buffer,
 * each after a '{' so that no comma comes first, and copied after that. */
#define ACTORS_CACHED 32
struct actor_fields {
	const char *name; /* the same string for every mention of the actor in a window */
	int inter;
	char iso3[4];
	enum actor_kind kind;
	size_t off, len; /* in the buffer */
};

static void write_actor_fields(struct strbuf *out, const struct actor_mention *m)
{
	static const char *const kinds[] = { "group", "state force", "generic", "anaphor" };
	jsonw_str(out, "actor", m->name);
	jsonw_count(out, "inter", m->inter ? m->inter : -1);
	jsonw_str(out, "iso3", *m->iso3 ? m->iso3 : NULL);
	jsonw_str(out, "kind", kinds[m->kind]);
}

static const struct actor_fields *cached_actor(struct actor_fields *cache, size_t *n,
					       struct strbuf *buf, const struct actor_mention *m)
{
	for (size_t i = 0; i < *n; i++)
		if (cache[i].name == m->name && cache[i].inter == m->inter &&
		    cache[i].kind == m->kind && !strncmp(cache[i].iso3, m->iso3, sizeof(m->iso3)))
			return &cache[i];
	if (*n == ACTORS_CACHED)
		return NULL;
	struct actor_fields *f = &cache[(*n)++];
	f->name = m->name;
	f->inter = m->inter;
	memcpy(f->iso3, m->iso3, sizeof(f->iso3));
	f->kind = m->kind;
	strbuf_addch(buf, '{');
	f->off = buf->len;
	write_actor_fields(buf, m);
	f->len = buf->len - f->off;
	return f;
}

void records_actors(struct ectx *cx, struct strbuf *out)
{
	struct strbuf head = STRBUF_INIT, fields = STRBUF_INIT;
	struct actor_fields cache[ACTORS_CACHED];
	size_t n_cached = 0;
	for (size_t k = 0; k < cx->n_am; k++) {
		const struct actor_mention *m = &cx->am[k];
		if (!m->name)
			continue;
		size_t a = cx->t.tok[m->first].start, b = cx->t.tok[m->last - 1].end;
		if (!head.len)
			make_head(cx, &head, "actor", NULL, 0);
		write_head(out, &head, 0, 0);
		jsonw_strn(out, "text", cx->d->text.buf + a, b - a);
		const struct actor_fields *f = cached_actor(cache, &n_cached, &fields, m);
		if (f) {
			jsonw_key(out, NULL); /* the comma before the first field */
			strbuf_add(out, fields.buf + f->off, f->len);
		} else {
			write_actor_fields(out, m);
		}
		jsonw_int(out, "char_start", (long long)(cx->base + a));
		jsonw_int(out, "char_end", (long long)(cx->base + b));
		jsonw_end(out);
		strbuf_addch(out, '\n');
	}
	strbuf_release(&head);
	strbuf_release(&fields);
}

void records_quotes(struct ectx *cx, struct strbuf *out)
{
	size_t from = 0, open, close;
	const char *speaker;
	struct strbuf head = STRBUF_INIT;
	while (quote_next(cx, &from, &open, &close, &speaker)) {
		size_t a = cx->t.tok[open].end, b = cx->t.tok[close].start;
		if (!head.len)
			make_head(cx, &head, "quote", "quote_id", 'q');
		write_head(out, &head, 1, ++cx->n_quotes);
		jsonw_str(out, "speaker", speaker);
		jsonw_strn(out, "text", cx->d->text.buf + a, b - a);
		jsonw_int(out, "char_start", (long long)(cx->base + a));
		jsonw_int(out, "char_end", (long long)(cx->base + b));
		jsonw_end(out);
		strbuf_addch(out, '\n');
	}
	strbuf_release(&head);
}
