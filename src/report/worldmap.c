/* worldmap: projection, clipping and SVG paths for country outlines. The outline table is
 * streamed line by line from the embedded text (a ring per line), so nothing of the world
 * is kept but the ring being drawn. */
#include "report/worldmap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "lexicon/embedded.h"
#include "report/htmlesc.h"

#define MIN_SPAN 3.0     /* degrees: one town still shows its surroundings */
#define PAD 0.12         /* share of the span added on each side */
#define CLIP_MARGIN 8.0  /* pixels beyond the view where clipped edges run (out of sight) */
#define MIN_STEP 1.0     /* pixels: a point this close to the last one drawn is dropped */

void projection_fit(struct projection *p, struct geo_box box, double width, double min_h,
		    double max_h)
{
	double mid_lon = (box.west + box.east) / 2, mid_lat = (box.south + box.north) / 2;
	double span_lon = fmax(box.east - box.west, MIN_SPAN) * (1 + 2 * PAD);
	double span_lat = fmax(box.north - box.south, MIN_SPAN) * (1 + 2 * PAD);
	double coslat = fmax(cos(mid_lat * M_PI / 180), 0.2);
	double scale = width / (span_lon * coslat); /* pixels per degree of latitude */
	if (span_lat * scale > max_h) {
		scale = max_h / span_lat;
		span_lon = width / (scale * coslat);
	} else if (span_lat * scale < min_h) {
		span_lat = min_h / scale;
	}
	p->kx = scale * coslat;
	p->ky = scale;
	p->width = width;
	p->height = round(span_lat * scale);
	p->west = mid_lon - span_lon / 2;
	p->north = mid_lat + span_lat / 2;
}

struct pt {
	double x, y;
};

struct ring {
	struct pt *a, *b; /* points, and scratch space for clipping */
	size_t n, alloc;
};

static void ring_reserve(struct ring *r, size_t n)
{
	if (n <= r->alloc)
		return;
	r->alloc = n * 2;
	r->a = xrealloc(r->a, r->alloc * sizeof(*r->a));
	r->b = xrealloc(r->b, r->alloc * sizeof(*r->b));
}

/* Read one ring's numbers (first absolute, then differences, hundredths of a degree) and
 * project them. Returns 0 when the line holds no complete pair. */
static int ring_read(struct ring *r, const char *s, const char *end, const struct projection *p)
{
	long lon = 0, lat = 0;
	r->n = 0;
	while (s < end) {
		char *next;
		long dx = strtol(s, &next, 10);
		if (next == s || next >= end)
			break;
		const char *dy_at = next;
		long dy = strtol(dy_at, &next, 10);
		if (next == dy_at || next > end)
			break;
		lon += dx;
		lat += dy;
		ring_reserve(r, r->n + 1);
		r->a[r->n++] = (struct pt){ proj_x(p, lon / 100.0), proj_y(p, lat / 100.0) };
		s = next;
	}
	return r->n >= 3;
}

/* One edge of the clipping rectangle: the side of v (0 x, 1 y) that must stay at most (or,
 * with keep_above, at least) at limit. */
struct edge {
	int axis, keep_above;
	double limit;
};

static int inside(struct pt q, struct edge e)
{
	double v = e.axis ? q.y : q.x;
	return e.keep_above ? v >= e.limit : v <= e.limit;
}

static struct pt crossing(struct pt a, struct pt b, struct edge e)
{
	double va = e.axis ? a.y : a.x, vb = e.axis ? b.y : b.x;
	double t = (e.limit - va) / (vb - va);
	return (struct pt){ a.x + t * (b.x - a.x), a.y + t * (b.y - a.y) };
}

/* Sutherland-Hodgman against one edge, from r->a into r->b, then swap. A ring that leaves
 * the view comes back along the edge, outside the visible area. */
static void clip_edge(struct ring *r, struct edge e)
{
	size_t m = 0;
	ring_reserve(r, r->n * 2 + 2);
	for (size_t i = 0; i < r->n; i++) {
		struct pt cur = r->a[i], prev = r->a[(i + r->n - 1) % r->n];
		int in_cur = inside(cur, e), in_prev = inside(prev, e);
		if (in_cur != in_prev)
			r->b[m++] = crossing(prev, cur, e);
		if (in_cur)
			r->b[m++] = cur;
	}
	struct pt *t = r->a;
	r->a = r->b;
	r->b = t;
	r->n = m;
}

static int ring_visible(const struct ring *r, const struct projection *p)
{
	double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
	for (size_t i = 0; i < r->n; i++) {
		x0 = fmin(x0, r->a[i].x), x1 = fmax(x1, r->a[i].x);
		y0 = fmin(y0, r->a[i].y), y1 = fmax(y1, r->a[i].y);
	}
	return x1 >= 0 && x0 <= p->width && y1 >= 0 && y0 <= p->height;
}

/* Append the ring as "M x y l dx dy ... z" in whole pixels; nothing if it shrinks below a
 * triangle. */
static void ring_path(struct strbuf *sb, const struct ring *r)
{
	size_t start = sb->len, kept = 0;
	long lx = 0, ly = 0;
	for (size_t i = 0; i < r->n; i++) {
		long x = lround(r->a[i].x), y = lround(r->a[i].y);
		if (kept && labs(x - lx) + labs(y - ly) < MIN_STEP + 0.5)
			continue;
		if (!kept)
			strbuf_addf(sb, "M%ld %ld", x, y);
		else
			strbuf_addf(sb, "%s%ld %ld", kept == 1 ? "l" : " ", x - lx, y - ly);
		lx = x, ly = y;
		kept++;
	}
	if (kept < 3)
		strbuf_setlen(sb, start);
	else
		strbuf_addch(sb, 'z');
}

/* Close the open country path (if it drew anything) with its name as tooltip. */
static int country_end(struct strbuf *sb, size_t path_start, size_t d_start, const char *name,
		       size_t name_len)
{
	if (sb->len == d_start) {
		strbuf_setlen(sb, path_start);
		return 0;
	}
	strbuf_addstr(sb, "\"><title>");
	html_text(sb, name, name_len);
	strbuf_addstr(sb, "</title></path>\n");
	return 1;
}

static void graticule(struct strbuf *sb, const struct projection *p)
{
	static const double steps[] = { 1, 2, 5, 10, 15, 30, 45 };
	double span = p->width / p->kx, step = 45;
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (span / steps[i] <= 8) {
			step = steps[i];
			break;
		}
	double south = p->north - p->height / p->ky, east = p->west + span;
	strbuf_addstr(sb, "<path class=\"grat\" d=\"");
	for (double lon = ceil(p->west / step) * step; lon <= east; lon += step)
		strbuf_addf(sb, "M%.0f 0V%.0f", proj_x(p, lon), p->height);
	for (double lat = ceil(south / step) * step; lat <= p->north; lat += step)
		strbuf_addf(sb, "M0 %.0fH%.0f", proj_y(p, lat), p->width);
	strbuf_addstr(sb, "\"/>\n<g class=\"grat-label\">");
	for (double lon = ceil(p->west / step) * step; lon <= east - 40 / p->kx; lon += step)
		strbuf_addf(sb, "<text x=\"%.0f\" y=\"%.0f\">%g°%s</text>", proj_x(p, lon) + 3,
			    p->height - 4, fabs(lon), lon < 0 ? "W" : lon > 0 ? "E" : "");
	for (double lat = ceil(south / step) * step; lat <= p->north; lat += step)
		strbuf_addf(sb, "<text x=\"3\" y=\"%.0f\">%g°%s</text>", proj_y(p, lat) - 3, fabs(lat),
			    lat < 0 ? "S" : lat > 0 ? "N" : "");
	strbuf_addstr(sb, "</g>\n");
}

int worldmap_draw(struct strbuf *sb, const struct projection *p)
{
	const struct embedded_file *ef = embedded_find("src/data/world.tsv");
	if (!ef)
		return error("the country outlines are not compiled in");
	const struct edge edges[] = { { 0, 1, -CLIP_MARGIN }, { 0, 0, p->width + CLIP_MARGIN },
				      { 1, 1, -CLIP_MARGIN }, { 1, 0, p->height + CLIP_MARGIN } };
	struct ring r = { NULL, NULL, 0, 0 };
	const char *line = ef->data, *end = ef->data + ef->len, *eol;
	const char *name = NULL;
	size_t name_len = 0, path_start = 0, d_start = 0;
	int drawn = 0, header_seen = 0;
	strbuf_addstr(sb, "<g class=\"land\">\n");
	for (; line < end; line = eol + 1) {
		eol = memchr(line, '\n', (size_t)(end - line));
		if (!eol)
			eol = end;
		const char *tab = memchr(line, '\t', (size_t)(eol - line));
		if (*line == '#' || !tab)
			continue;
		if (!header_seen) { /* "name<TAB>ring" */
			header_seen = 1;
			continue;
		}
		if (!name || (size_t)(tab - line) != name_len || memcmp(name, line, name_len)) {
			if (name)
				drawn += country_end(sb, path_start, d_start, name, name_len);
			name = line, name_len = (size_t)(tab - line);
			path_start = sb->len;
			strbuf_addstr(sb, "<path d=\"");
			d_start = sb->len;
		}
		if (ring_read(&r, tab + 1, eol, p) && ring_visible(&r, p)) {
			for (size_t i = 0; i < 4 && r.n; i++)
				clip_edge(&r, edges[i]);
			ring_path(sb, &r);
		}
	}
	if (name)
		drawn += country_end(sb, path_start, d_start, name, name_len);
	strbuf_addstr(sb, "</g>\n");
	graticule(sb, p);
	free(r.a);
	free(r.b);
	return drawn;
}
