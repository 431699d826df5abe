/* feedkeys: the keys of a JSON Lines feed that hold each document field (feed_fields.tsv).
 * Ownership: the table is loaded once per process and lives until exit; lists are borrowed. */
#ifndef SITREP_FEEDKEYS_H
#define SITREP_FEEDKEYS_H

enum feed_field { FF_ID, FF_TEXT, FF_TITLE, FF_PUBLISHED, FF_URL, FF_PUBLISHER, FF_AUTHOR, FF_COUNT };

/* Load the embedded table (once; thread-safe). -1 after an error message. */
int feedkeys_load(void);
/* The keys for a field, most preferred first, NULL-terminated. */
const char *const *feedkeys(enum feed_field field);

#endif
