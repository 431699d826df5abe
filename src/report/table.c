/* table: rows written straight from the compact events. A row costs bytes and layout time
 * 10,000 times over, so it is lean: end tags of cells and rows are left out (HTML allows it),
 * and column styles (numbers right-aligned) come from the style sheet, not per cell. */
#include "report/table.h"

#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "base/util.h"
#include "report/htmlesc.h"
#include "report/palette.h"

/* Distinct sources per event id, from the mention records (sorted, duplicates dropped). */
struct sources {
	struct ds_mention *m; /* by event id, then source */
	size_t n;
	uint32_t *first;      /* pool id -> index of its first mention in m; UINT32_MAX: none */
};

static int mention_cmp(const void *x, const void *y)
{
	const struct ds_mention *a = x, *b = y;
	if (a->event_id != b->event_id)
		return a->event_id < b->event_id ? -1 : 1;
	return a->source < b->source ? -1 : a->source > b->source;
}

static void sources_init(struct sources *s, const struct dataset *ds)
{
	memset(s, 0, sizeof(*s));
	if (!ds->n_mentions)
		return;
	s->m = xmalloc(ds->n_mentions * sizeof(*s->m));
	memcpy(s->m, ds->mentions, ds->n_mentions * sizeof(*s->m));
	qsort(s->m, ds->n_mentions, sizeof(*s->m), mention_cmp);
	for (size_t i = 0; i < ds->n_mentions; i++)
		if (!s->n || mention_cmp(&s->m[s->n - 1], &s->m[i]))
			s->m[s->n++] = s->m[i];
	uint32_t n_ids = strpool_count(&ds->pool);
	s->first = xmalloc(n_ids * sizeof(*s->first));
	memset(s->first, 0xff, n_ids * sizeof(*s->first));
	for (size_t i = s->n; i-- > 0;)
		s->first[s->m[i].event_id] = (uint32_t)i;
}

/* The sources cell: their number, the names in its title. */
static void sources_cell(struct strbuf *sb, const struct sources *s, const struct dataset *ds,
			 uint32_t event_id)
{
	uint32_t i = s->first[event_id];
	if (i == UINT32_MAX) {
		strbuf_addstr(sb, "<td>0");
		return;
	}
	size_t n = 0;
	strbuf_addstr(sb, "<td title=\"");
	for (size_t j = i; j < s->n && s->m[j].event_id == event_id; j++, n++) {
		if (n)
			strbuf_addstr(sb, "; ");
		html_attr_str(sb, ds_str(ds, s->m[j].source));
	}
	strbuf_addf(sb, "\">%zu", n);
}

/* Two values in one cell, the second on a line of its own (<i>, styled as a muted line: the
 * shortest element, which counts at 10,000 rows). */
static void cell2(struct strbuf *sb, const struct dataset *ds, uint32_t a, const char *b)
{
	strbuf_addstr(sb, "<td>");
	html_text_str(sb, ds_str(ds, a));
	if (b && *b) {
		strbuf_addstr(sb, "<i>");
		html_text_str(sb, b);
		strbuf_addstr(sb, "</i>");
	}
}

static void event_row(struct strbuf *sb, const struct dataset *ds, const struct ds_event *e,
		      struct strbuf *tmp)
{
	char cls[PALETTE_CLASS_SIZE], date[16] = "";
	palette_class(cls, e->type, ds->n_types);
	if (e->day != DATASET_NO_DAY)
		ymd_format(civil_from_days(e->day), date, sizeof(date));
	strbuf_addf(sb, "<tr class=\"%s%s\"><td>%s", cls, e->has_geo ? "" : " ng", date);
	cell2(sb, ds, e->type_name, ds_str(ds, e->sub_type));
	cell2(sb, ds, e->actor1, ds_str(ds, e->actor2));
	strbuf_reset(tmp);
	strbuf_addstr(tmp, ds_str(ds, e->admin1));
	if (e->country) {
		if (tmp->len)
			strbuf_addstr(tmp, ", ");
		strbuf_addstr(tmp, ds_str(ds, e->country));
	}
	cell2(sb, ds, e->location, tmp->buf);
	strbuf_addf(sb, "<td>%u<td>", e->fatalities);
	html_text_str(sb, ds_str(ds, e->notes));
	strbuf_addstr(sb, "<td>");
	html_text_str(sb, ds_str(ds, e->doc_id));
}

void table_events(struct hout *o, const struct dataset *ds)
{
	struct sources src;
	struct strbuf tmp = STRBUF_INIT;
	sources_init(&src, ds);
	strbuf_addf(&o->sb, "<table id=\"events\"%s>\n<thead><tr><th>Date<th>Type<th>Actors<th>Place"
			      "<th class=\"n\" data-numeric>Fatalities<th>Source sentence<th>Document",
		    src.n ? " class=\"sources\"" : "");
	if (src.n)
		strbuf_addstr(&o->sb, "<th class=\"n\" data-numeric>Sources");
	/* the rows' height before they are laid out (64px each, as the style sheet guesses) */
	strbuf_addf(&o->sb, "</thead>\n<tbody style=\"contain-intrinsic-height:auto %zupx\">\n",
		    ds->n_events * 64);
	for (size_t i = 0; i < ds->n_events; i++) {
		event_row(&o->sb, ds, &ds->events[i], &tmp);
		if (src.n)
			sources_cell(&o->sb, &src, ds, ds->events[i].event_id);
		strbuf_addch(&o->sb, '\n');
		hout_maybe_flush(o);
	}
	strbuf_addstr(&o->sb, "</tbody>\n</table>\n");
	strbuf_release(&tmp);
	free(src.m);
	free(src.first);
}

void table_documents(struct hout *o, const struct dataset *ds)
{
	if (!ds->n_docs)
		return;
	uint32_t n_ids = strpool_count(&ds->pool);
	unsigned *events = xcalloc(n_ids, sizeof(*events));
	for (size_t i = 0; i < ds->n_events; i++)
		events[ds->events[i].doc_id]++;
	strbuf_addstr(&o->sb, "<section id=\"documents\">\n<h2>Documents</h2>\n<table id=\"docs\">\n"
			      "<thead><tr><th>Document<th>Title<th>Publisher<th>Published"
			      "<th class=\"n\">Events</thead>\n<tbody>\n");
	for (size_t i = 0; i < ds->n_docs; i++) {
		const struct ds_doc *d = &ds->docs[i];
		static const char *const td = "<td>";
		strbuf_addstr(&o->sb, "<tr><td>");
		html_text_str(&o->sb, ds_str(ds, d->doc_id));
		strbuf_addstr(&o->sb, td);
		html_text_str(&o->sb, ds_str(ds, d->title));
		strbuf_addstr(&o->sb, td);
		html_text_str(&o->sb, ds_str(ds, d->publisher));
		strbuf_addstr(&o->sb, td);
		html_text_str(&o->sb, ds_str(ds, d->published));
		strbuf_addf(&o->sb, "<td>%u\n", events[d->doc_id]);
		hout_maybe_flush(o);
	}
	strbuf_addstr(&o->sb, "</tbody>\n</table>\n</section>\n");
	free(events);
}
