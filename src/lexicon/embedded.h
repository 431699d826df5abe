/* embedded: lexicons and schemas compiled into the binary (the defaults users extend), and the
 * report's country outlines, style sheet and script.
 * Ownership: static, read-only, NUL-terminated data; never freed. */
#ifndef SITREP_EMBEDDED_H
#define SITREP_EMBEDDED_H

#include <stddef.h>
#include <sys/types.h>

struct embedded_file {
	const char *name; /* path relative to the source tree: "src/data/actors.tsv" */
	const char *data; /* contents, NUL-terminated */
	size_t len;       /* bytes, not counting the NUL */
};

/* The file of that name, or NULL. */
const struct embedded_file *embedded_find(const char *name);
/* All embedded files, terminated by an entry whose name is NULL. */
const struct embedded_file *embedded_all(void);
/* Once the tables are parsed: give their pages back to the system (1.7 MB of resident
 * memory). They are read-only parts of the program file, so a later read of them brings them
 * back from it. */
void embedded_release(void);

/* The file that holds ef's bytes from *offset on (the program file), opened for reading: a
 * reader may take the pages it wants from there rather than map them (see townindex.h). -1 if
 * it cannot be opened or does not hold them. */
int embedded_open_source(const struct embedded_file *ef, off_t *offset);

#endif
