/* geonames: converts GeoNames' dump format into sitrep's gazetteer TSV, streaming.
 * Ownership: reads the named files, writes to the caller's FILE. */
#ifndef SITREP_GEONAMES_H
#define SITREP_GEONAMES_H

#include <stddef.h>
#include <stdio.h>

struct geonames_import_opts {
	const char *admin1_file; /* admin1CodesASCII.txt: "CC.code<TAB>name<TAB>ascii<TAB>id" */
	long min_population;
	int all_features;        /* keep every feature class, not only P and ADM1/ADM2 */
};

/* Returns EXIT_OK, EXIT_REJECTED when some lines were malformed, EXIT_IO on unreadable input. */
int geonames_import(char **paths, size_t n, const struct geonames_import_opts *opts, FILE *out);

#endif
