/* table: the report's tables: every event (one <tbody> row each, in the dataset's order) and
 * the documents they come from.
 * Ownership: reads the dataset; appends to the page. */
#ifndef SITREP_TABLE_H
#define SITREP_TABLE_H

#include "report/dataset.h"
#include "report/hout.h"

/* <table id="events">: date, type and sub-type, actors, place, fatalities, source sentence,
 * document, and the number of distinct sources when there are mention records. A row's class
 * is its type's colour class, plus "ng" when the event has no coordinates (no map mark). */
void table_events(struct hout *o, const struct dataset *ds);
/* <table id="docs">: the document records, with their number of events; nothing when the
 * input held none. */
void table_documents(struct hout *o, const struct dataset *ds);

#endif
