/* map: fits the projection to the events, draws outlines, marks and a size legend. */
#include "report/map.h"

#include <math.h>

#include "report/palette.h"
#include "report/worldmap.h"

#define MAP_WIDTH 1000
#define MAP_MIN_HEIGHT 380
#define MAP_MAX_HEIGHT 620

double map_mark_radius(unsigned fatalities)
{
	return fmin(3 + 1.4 * sqrt((double)fatalities), 22); /* area grows with the count */
}

static struct geo_box events_box(const struct dataset *ds, size_t *located)
{
	struct geo_box b = { 180, -180, 90, -90 };
	*located = 0;
	for (size_t i = 0; i < ds->n_events; i++) {
		const struct ds_event *e = &ds->events[i];
		if (!e->has_geo)
			continue;
		b.west = fmin(b.west, e->lon), b.east = fmax(b.east, e->lon);
		b.south = fmin(b.south, e->lat), b.north = fmax(b.north, e->lat);
		++*located;
	}
	if (!*located) /* nothing to zoom to: the inhabited world */
		b = (struct geo_box){ -170, 180, -56, 75 };
	return b;
}

static void size_legend(struct strbuf *sb, const struct projection *p)
{
	static const unsigned counts[] = { 0, 10, 100 };
	double x = p->width - 150, y = p->height - 62;
	strbuf_addf(sb, "<g class=\"size-legend\" transform=\"translate(%.0f %.0f)\">"
		    "<rect width=\"142\" height=\"54\" rx=\"3\"/><text x=\"6\" y=\"13\">fatalities</text>",
		    x, y);
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		double cx = 20 + 45.0 * (double)i, r = map_mark_radius(counts[i]);
		strbuf_addf(sb, "<circle cx=\"%.0f\" cy=\"%.1f\" r=\"%.1f\"/><text x=\"%.0f\" y=\"48\">%u</text>",
			    cx, 30 - r + 6, r, cx + 12, counts[i]);
	}
	strbuf_addstr(sb, "</g>\n");
}

static void marks(struct hout *o, const struct dataset *ds, const struct projection *p)
{
	strbuf_addstr(&o->sb, "<g class=\"marks\">\n");
	for (size_t i = 0; i < ds->n_events; i++) {
		const struct ds_event *e = &ds->events[i];
		if (!e->has_geo)
			continue;
		char cls[PALETTE_CLASS_SIZE];
		palette_class(cls, e->type, ds->n_types);
		strbuf_addf(&o->sb, "<circle class=\"event-mark %s\" cx=\"%.0f\" cy=\"%.0f\" r=\"%.2g\"/>",
			    cls, proj_x(p, e->lon), proj_y(p, e->lat), map_mark_radius(e->fatalities));
		hout_maybe_flush(o);
	}
	strbuf_addstr(&o->sb, "</g>\n");
}

int map_write(struct hout *o, const struct dataset *ds)
{
	size_t located;
	struct projection p;
	projection_fit(&p, events_box(ds, &located), MAP_WIDTH, MAP_MIN_HEIGHT, MAP_MAX_HEIGHT);
	strbuf_addf(&o->sb, "<svg id=\"map\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
		    "aria-label=\"Map of %zu located events\">\n<rect class=\"sea\" width=\"%.0f\" "
		    "height=\"%.0f\"/>\n", p.width, p.height, located, p.width, p.height);
	if (worldmap_draw(&o->sb, &p) < 0)
		return -1;
	marks(o, ds, &p);
	size_legend(&o->sb, &p);
	strbuf_addstr(&o->sb, "</svg>\n");
	return 0;
}
