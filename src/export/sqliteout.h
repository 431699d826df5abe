/* sqliteout: the one module that includes sqlite3; a database with a table per record type.
 * Ownership: the database handle and statements are owned here; records are borrowed. */
#ifndef SITREP_SQLITEOUT_H
#define SITREP_SQLITEOUT_H

#include <stddef.h>

#include "io/schema.h"

struct sqliteout;
struct jvalue;

/* Create (or replace) the database file at path. NULL after an error message. */
struct sqliteout *sqliteout_open(const char *path);
/* Add a table with declared column types (TEXT, INTEGER, REAL; dates as TEXT YYYY-MM-DD), a
 * primary key when key is not NULL, and indexes on doc_id and event_date when present. */
int sqliteout_table(struct sqliteout *s, const char *name, const struct column *cols, size_t n,
		    const char *key);
int sqliteout_row(struct sqliteout *s, int table, const struct jvalue *rec);
/* Commit and close. Returns 0 or -1. */
int sqliteout_close(struct sqliteout *s);

#endif
