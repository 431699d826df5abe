/* charts: timeline buckets and tallies, then SVG. Tallies are arrays of (key, key, value)
 * sorted and merged, so no map is needed and equal counts come out in a fixed order. */
#include "report/charts.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "base/util.h"
#include "report/htmlesc.h"
#include "report/palette.h"

#define TOP_N 15          /* rows of a ranking chart */
#define TL_WIDTH 1000     /* timeline pixels */
#define TL_HEIGHT 220
#define TL_LEFT 44
#define TL_BOTTOM 28
#define TL_TOP 10
#define BAR_WIDTH 480     /* bar chart pixels */
#define BAR_ROW 18
#define BAR_LABEL 190     /* pixels of label column */
#define LABEL_CHARS 28    /* characters of a label before it is cut (full text in <title>) */

/* ---- timeline ---- */

enum bucket_unit { BY_DAY, BY_WEEK, BY_MONTH };

static long monday_of(long day)
{
	return day - (day + 3) % 7; /* 1970-01-01 was a Thursday; (day + 3) % 7 is 0 on Mondays */
}

static long month_index(long day)
{
	struct ymd d = civil_from_days(day);
	return (long)d.y * 12 + d.m - 1;
}

static long bucket_of(enum bucket_unit u, long day, long first)
{
	switch (u) {
	case BY_DAY: return day - first;
	case BY_WEEK: return (monday_of(day) - monday_of(first)) / 7;
	default: return month_index(day) - month_index(first);
	}
}

/* "YYYY-MM-DD" (a week by its Monday) or "YYYY-MM" for bucket b. */
static void bucket_label(enum bucket_unit u, long b, long first, char *buf, size_t size)
{
	struct ymd d;
	if (u == BY_MONTH) {
		long m = month_index(first) + b;
		d = (struct ymd){ (int)(m / 12), (int)(m % 12) + 1, 0 };
	} else {
		d = civil_from_days(u == BY_DAY ? first + b : monday_of(first) + 7 * b);
	}
	ymd_format(d, buf, size);
}

/* A round step (1, 2 or 5 times a power of ten) giving about four gridlines up to max. */
static unsigned nice_step(unsigned max)
{
	unsigned step = 1;
	while (step * 4 < max) {
		if (step * 2 * 4 >= max)
			return step * 2;
		if (step * 5 * 4 >= max)
			return step * 5;
		step *= 10;
	}
	return step;
}

static void timeline_axes(struct strbuf *sb, unsigned ymax, unsigned step, double plot_h)
{
	strbuf_addstr(sb, "<g class=\"axis\">");
	for (unsigned v = 0; v <= ymax; v += step) {
		double y = TL_TOP + plot_h - plot_h * v / ymax;
		strbuf_addf(sb, "<path d=\"M%d %.1fH%d\"/><text x=\"%d\" y=\"%.1f\">%u</text>", TL_LEFT,
			    y, TL_WIDTH, TL_LEFT - 6, y + 4, v);
	}
	strbuf_addstr(sb, "</g>\n");
}

static void timeline_bucket(struct strbuf *sb, const struct dataset *ds, const unsigned *counts,
			    const char *label, double x, double w, double plot_h, unsigned ymax)
{
	unsigned total = 0;
	for (size_t t = 0; t <= ds->n_types; t++)
		total += counts[t];
	if (!total)
		return;
	strbuf_addf(sb, "<g><title>%s: %u event%s", label, total, total == 1 ? "" : "s");
	const char *sep = " (";
	for (size_t t = 0; t <= ds->n_types; t++)
		if (counts[t]) {
			strbuf_addf(sb, "%s", sep);
			html_text_str(sb, t < ds->n_types ? ds_str(ds, ds->types[t]) : "other");
			strbuf_addf(sb, " %u", counts[t]);
			sep = ", ";
		}
	strbuf_addstr(sb, ")</title>");
	double y = TL_TOP + plot_h;
	for (size_t t = 0; t <= ds->n_types; t++) {
		if (!counts[t])
			continue;
		char cls[PALETTE_CLASS_SIZE];
		palette_class(cls, (unsigned)t, ds->n_types);
		double h = plot_h * counts[t] / ymax;
		y -= h;
		strbuf_addf(sb, "<rect class=\"b %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
			    cls, x, y, w, h);
	}
	strbuf_addstr(sb, "</g>\n");
}

void chart_timeline(struct hout *o, const struct dataset *ds)
{
	long first = LONG_MAX, last = LONG_MIN;
	size_t undated = 0;
	for (size_t i = 0; i < ds->n_events; i++) {
		int32_t d = ds->events[i].day;
		if (d == DATASET_NO_DAY) {
			undated++;
			continue;
		}
		first = d < first ? d : first;
		last = d > last ? d : last;
	}
	if (first == LONG_MAX) {
		strbuf_addstr(&o->sb, "<p class=\"empty\">No event has a date.</p>\n");
		return;
	}
	long span = last - first + 1;
	enum bucket_unit u = span <= 92 ? BY_DAY : span <= 3 * 366 ? BY_WEEK : BY_MONTH;
	size_t n = (size_t)bucket_of(u, last, first) + 1, stride = ds->n_types + 1;
	unsigned *counts = xcalloc(n * stride, sizeof(*counts));
	for (size_t i = 0; i < ds->n_events; i++) {
		const struct ds_event *e = &ds->events[i];
		if (e->day != DATASET_NO_DAY)
			counts[(size_t)bucket_of(u, e->day, first) * stride + e->type]++;
	}
	unsigned max = 1;
	for (size_t b = 0; b < n; b++) {
		unsigned total = 0;
		for (size_t t = 0; t < stride; t++)
			total += counts[b * stride + t];
		max = total > max ? total : max;
	}
	unsigned step = nice_step(max), ymax = (max + step - 1) / step * step;
	double plot_h = TL_HEIGHT - TL_TOP - TL_BOTTOM, bw = (double)(TL_WIDTH - TL_LEFT) / (double)n;
	static const char *const unit_names[] = { "day", "week (from Monday)", "month" };
	strbuf_addf(&o->sb, "<p class=\"note\">Events per %s%s", unit_names[u],
		    undated ? "; " : ".");
	if (undated)
		strbuf_addf(&o->sb, "%zu undated event%s not shown.", undated, undated == 1 ? "" : "s");
	strbuf_addf(&o->sb, "</p>\n<svg id=\"timeline\" viewBox=\"0 0 %d %d\" role=\"img\" "
		    "aria-label=\"Events per %s\">\n", TL_WIDTH, TL_HEIGHT, unit_names[u]);
	timeline_axes(&o->sb, ymax, step, plot_h);
	size_t label_every = (size_t)ceil(90 / bw);
	for (size_t b = 0; b < n; b++) {
		char label[16];
		double x = TL_LEFT + bw * (double)b;
		bucket_label(u, (long)b, first, label, sizeof(label));
		timeline_bucket(&o->sb, ds, counts + b * stride, label, x + (bw > 4 ? 0.5 : 0),
				bw > 4 ? bw - 1 : bw, plot_h, ymax);
		if (b % label_every == 0 && x < TL_WIDTH - 64) /* room for the label's text */
			strbuf_addf(&o->sb, "<text class=\"tick\" x=\"%.1f\" y=\"%d\">%s</text>\n", x,
				    TL_HEIGHT - 10, label);
		hout_maybe_flush(o);
	}
	strbuf_addstr(&o->sb, "</svg>\n");
	free(counts);
}

/* ---- tallies ---- */

struct tally {
	uint32_t a, b;  /* what is counted: pool ids (or a type index for a) */
	uint64_t value; /* events or fatalities */
};

static int tally_by_key(const void *x, const void *y)
{
	const struct tally *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->b < q->b ? -1 : p->b > q->b;
}

/* Sum the values of equal keys; returns the new length. */
static size_t tally_merge(struct tally *t, size_t n)
{
	if (!n)
		return 0;
	qsort(t, n, sizeof(*t), tally_by_key);
	size_t m = 0;
	for (size_t i = 1; i < n; i++) {
		if (t[i].a == t[m].a && t[i].b == t[m].b)
			t[m].value += t[i].value;
		else
			t[++m] = t[i];
	}
	return m + 1;
}

/* Largest first; ties by the name of a (when names_a), then of b: qsort_r's context is the
 * dataset. */
static int tally_cmp_value(const struct tally *p, const struct tally *q, const struct dataset *ds,
			   int names_a)
{
	if (p->value != q->value)
		return p->value > q->value ? -1 : 1;
	int c = names_a ? strcmp(ds_str(ds, p->a), ds_str(ds, q->a)) : 0;
	return c ? c : strcmp(ds_str(ds, p->b), ds_str(ds, q->b));
}

static int by_value(const void *x, const void *y, void *ds)
{
	return tally_cmp_value(x, y, ds, 1);
}

static int by_value_b_only(const void *x, const void *y, void *ds)
{
	return tally_cmp_value(x, y, ds, 0);
}

/* ---- bar charts ---- */

struct bar {
	const char *label, *label2; /* label2 (may be NULL) follows as ", label2" */
	uint64_t value;
	char cls[PALETTE_CLASS_SIZE]; /* colour class ("bn": neutral) */
	int minor;                    /* an indented sub-row */
};

/* Append label cut to LABEL_CHARS characters (UTF-8 aware), with an ellipsis if cut. */
static void short_label(struct strbuf *sb, const char *s)
{
	size_t chars = 0, i = 0, len = strlen(s);
	for (; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && ++chars > LABEL_CHARS)
			break;
	html_text(sb, s, i);
	if (i < len)
		strbuf_addstr(sb, "…");
}

static void bar_label(struct strbuf *sb, const struct bar *b, struct strbuf *tmp)
{
	strbuf_reset(tmp);
	strbuf_addstr(tmp, b->label);
	if (b->label2 && *b->label2) {
		strbuf_addstr(tmp, ", ");
		strbuf_addstr(tmp, b->label2);
	}
	strbuf_addstr(sb, "<title>");
	html_text(sb, tmp->buf, tmp->len);
	strbuf_addf(sb, ": %llu</title>", (unsigned long long)b->value);
	strbuf_addf(sb, "<text x=\"%d\" y=\"13\">", BAR_LABEL - 6);
	short_label(sb, tmp->buf);
	strbuf_addstr(sb, "</text>");
}

static void hbars(struct strbuf *sb, const char *caption, const struct bar *bars, size_t n,
		  const char *empty)
{
	strbuf_addf(sb, "<figure class=\"chart\"><figcaption>%s</figcaption>\n", caption);
	if (!n) {
		strbuf_addf(sb, "<p class=\"empty\">%s</p></figure>\n", empty);
		return;
	}
	uint64_t max = 1;
	for (size_t i = 0; i < n; i++)
		max = bars[i].value > max ? bars[i].value : max;
	struct strbuf tmp = STRBUF_INIT;
	double room = BAR_WIDTH - BAR_LABEL - 50;
	strbuf_addf(sb, "<svg class=\"bars\" viewBox=\"0 0 %d %zu\" role=\"img\">\n", BAR_WIDTH,
		    n * BAR_ROW + 4);
	for (size_t i = 0; i < n; i++) {
		const struct bar *b = &bars[i];
		double w = fmax(room * (double)b->value / (double)max, 1);
		strbuf_addf(sb, "<g transform=\"translate(0 %zu)\"%s>", i * BAR_ROW,
			    b->minor ? " class=\"minor\"" : "");
		bar_label(sb, b, &tmp);
		strbuf_addf(sb, "<rect class=\"b %s\" x=\"%d\" y=\"3\" width=\"%.1f\" height=\"%d\"/>"
			    "<text class=\"v\" x=\"%.1f\" y=\"13\">%llu</text></g>\n", b->cls, BAR_LABEL,
			    w, BAR_ROW - 5, BAR_LABEL + w + 4, (unsigned long long)b->value);
	}
	strbuf_addstr(sb, "</svg></figure>\n");
	strbuf_release(&tmp);
}

/* Types in the schema's order (then others), each followed by its sub-types, largest first. */
static void types_chart(struct strbuf *sb, const struct dataset *ds)
{
	struct tally *t = xmalloc((ds->n_events + 1) * sizeof(*t));
	for (size_t i = 0; i < ds->n_events; i++)
		t[i] = (struct tally){ ds->events[i].type, ds->events[i].sub_type, 1 };
	size_t n = tally_merge(t, ds->n_events);
	struct bar *bars = xmalloc((n + ds->n_types + 1) * sizeof(*bars));
	size_t nb = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		uint64_t total = 0;
		for (; j < n && t[j].a == t[i].a; j++)
			total += t[j].value;
		struct bar *head = &bars[nb++];
		memset(head, 0, sizeof(*head));
		head->label = t[i].a < ds->n_types ? ds_str(ds, ds->types[t[i].a]) : "other types";
		head->value = total;
		palette_class(head->cls, t[i].a, ds->n_types);
		qsort_r(t + i, j - i, sizeof(*t), by_value_b_only, (void *)ds);
		for (size_t k = i; k < j; k++) {
			struct bar *b = &bars[nb++];
			*b = *head;
			b->label = *ds_str(ds, t[k].b) ? ds_str(ds, t[k].b) : "(no sub-type)";
			b->value = t[k].value;
			b->minor = 1;
		}
		i = j;
	}
	hbars(sb, "Events by type and sub-type", bars, nb, "No events.");
	free(bars);
	free(t);
}

/* The TOP_N largest of a tally as neutral bars. */
static void ranking_chart(struct strbuf *sb, const struct dataset *ds, struct tally *t, size_t n,
			  const char *caption, const char *empty)
{
	n = tally_merge(t, n);
	qsort_r(t, n, sizeof(*t), by_value, (void *)ds);
	struct bar bars[TOP_N];
	size_t nb = 0;
	for (size_t i = 0; i < n && nb < TOP_N; i++) {
		if (!t[i].a || !t[i].value)
			continue;
		bars[nb] = (struct bar){ ds_str(ds, t[i].a), ds_str(ds, t[i].b), t[i].value, "bn", 0 };
		nb++;
	}
	hbars(sb, caption, bars, nb, empty);
}

void chart_counts(struct hout *o, const struct dataset *ds)
{
	size_t n = ds->n_events;
	struct tally *t = xmalloc((2 * n + 1) * sizeof(*t));
	strbuf_addstr(&o->sb, "<div class=\"charts\">\n");
	types_chart(&o->sb, ds);
	for (size_t i = 0; i < n; i++)
		t[i] = (struct tally){ ds->events[i].country, 0, 1 };
	ranking_chart(&o->sb, ds, t, n, "Events by country", "No event names a country.");
	for (size_t i = 0; i < n; i++)
		t[i] = (struct tally){ ds->events[i].admin1, ds->events[i].country, ds->events[i].fatalities };
	ranking_chart(&o->sb, ds, t, n, "Fatalities by admin1", "No fatalities in a named admin1.");
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		const struct ds_event *e = &ds->events[i];
		t[m++] = (struct tally){ e->actor1, 0, 1 };
		if (e->actor2 != e->actor1)
			t[m++] = (struct tally){ e->actor2, 0, 1 };
	}
	ranking_chart(&o->sb, ds, t, m, "Most active actors (events as actor 1 or 2)",
		      "No event names an actor.");
	strbuf_addstr(&o->sb, "</div>\n");
	free(t);
}
