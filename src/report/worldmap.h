/* worldmap: the projection of the report's map and the country outlines drawn in it (Natural
 * Earth via world-atlas, embedded from src/data/world.tsv; see tools/worldmap.py).
 * Ownership: pure functions; SVG text is appended to the caller's strbuf. */
#ifndef SITREP_WORLDMAP_H
#define SITREP_WORLDMAP_H

#include "base/strbuf.h"

struct geo_box {
	double west, east, south, north; /* degrees */
};

/* Plate carrée stretched by the cosine of the middle latitude: at the scale of a
 * country or a region it keeps shapes close to what readers know, and it is a few
 * multiplications per point. */
struct projection {
	double west, north;   /* degrees at the top-left corner */
	double kx, ky;        /* pixels per degree of longitude and of latitude */
	double width, height; /* pixels */
};

/* Fit box (padded, at least a few degrees across) into width pixels, widening it so the
 * height lands between min_h and max_h. */
void projection_fit(struct projection *p, struct geo_box box, double width, double min_h,
		    double max_h);
static inline double proj_x(const struct projection *p, double lon)
{
	return (lon - p->west) * p->kx;
}
static inline double proj_y(const struct projection *p, double lat)
{
	return (p->north - lat) * p->ky;
}
/* A <path> per country crossing the view (clipped to it, points closer than a pixel
 * dropped), each with its name as <title>; then a graticule with degree labels. Returns the
 * number of countries drawn, or -1 if the embedded outlines are missing. */
int worldmap_draw(struct strbuf *sb, const struct projection *p);

#endif
