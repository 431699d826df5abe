/* xlsxout: the one module that includes libxlsxwriter; a workbook with a sheet per table.
 * Ownership: the workbook owns its sheets; columns and records are borrowed per call. */
#ifndef SITREP_XLSXOUT_H
#define SITREP_XLSXOUT_H

#include <stddef.h>

#include "io/schema.h"

struct xlsxout;
struct jvalue;

#define XLSX_MAX_CELL 32767     /* characters Excel keeps in a cell */
#define XLSX_MAX_ROWS 1048576   /* rows in a sheet, header included */

/* Create the workbook at path (constant-memory mode). NULL after an error message. */
struct xlsxout *xlsxout_open(const char *path);
/* Add a table: returns its handle (>= 0). Text stays text; integer and number columns are
 * numbers; columns with format "date" are dates. */
int xlsxout_table(struct xlsxout *x, const char *name, const struct column *cols, size_t n);
/* Write one record as the next row of the table. A table that fills a sheet continues on a
 * new sheet "NAME (2)"; a cell over 32,767 characters is cut with a marker and counted. */
int xlsxout_row(struct xlsxout *x, int table, const struct jvalue *rec);
/* Finish (autofilters), write the file and free. Returns 0 or -1. */
int xlsxout_close(struct xlsxout *x);
/* Cells cut for length so far. */
unsigned long xlsxout_truncated(const struct xlsxout *x);

#endif
