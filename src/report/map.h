/* map: the report's map section: country outlines zoomed to the located events and one mark
 * per located event, coloured by type and sized by fatalities.
 * Ownership: reads the dataset; appends to the page. */
#ifndef SITREP_MAP_H
#define SITREP_MAP_H

#include "report/dataset.h"
#include "report/hout.h"

/* The <svg id="map">: marks follow the dataset's event order (the table's first order), so
 * the page's script pairs the k-th mark with the k-th located row. -1 if the outlines are
 * missing. */
int map_write(struct hout *o, const struct dataset *ds);
/* Mark radius in pixels for a fatality count (also used by the size legend). */
double map_mark_radius(unsigned fatalities);

#endif
