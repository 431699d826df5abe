/* charts: the report's SVG charts, drawn when the page is written: events over time stacked
 * by type, and bar charts of counts (types and sub-types, countries, fatalities by admin1,
 * the most active actors).
 * Ownership: reads the dataset; appends to the page. */
#ifndef SITREP_CHARTS_H
#define SITREP_CHARTS_H

#include "report/dataset.h"
#include "report/hout.h"

/* <svg id="timeline">: one bar per day (spans up to three months), week (up to three
 * years) or month, stacked by type; each bar's <title> gives its counts. */
void chart_timeline(struct hout *o, const struct dataset *ds);
/* The count figures, each a <figure class="chart"> holding an SVG bar chart. */
void chart_counts(struct hout *o, const struct dataset *ds);

#endif
