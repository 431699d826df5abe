/* townindex: a read-only gazetteer layer packed once, when sitrep is built, from a table in the
 * gazetteer format (cities_world.tsv: some 200,000 towns), so that starting sitrep costs no
 * parsing or hashing of it: places, a name index and each country's run of towns are read
 * from the image, a 4 KiB page at a time as they are first asked for.
 * Ownership: townix_write returns a malloc'd image the caller frees; a townix opened on an
 * image borrows it (it must outlive the townix) and is freed with townix_close; strings and
 * places it returns live until then. */
#ifndef SITREP_TOWNINDEX_H
#define SITREP_TOWNINDEX_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "text/text.h"

/* One place of the image: strings are offsets into its string area. */
struct townix_place {
	double lat, lon;
	int32_t population; /* -1 if unknown */
	uint32_t name, admin1, admin2;
	uint8_t kind;       /* enum place_kind */
	char iso3[3];       /* not NUL-terminated when three letters */
};

struct townix;

/* Pack a table in the gazetteer format (text of len bytes, named name in messages, rows sorted
 * by iso3) into an image of *out_len bytes. countries (countries.tsv's columns; may be NULL)
 * tells which country codes have a town named as their capital (townix_country). NULL, after
 * a message, on a bad table. */
void *townix_write(const char *text, size_t len, const char *name, const char *countries,
		   size_t countries_len, size_t *out_len);

/* Open an image made by townix_write (aligned to 8 bytes), read where it lies. NULL, after a
 * message, if it is not one. */
struct townix *townix_open(const void *image, size_t len);
/* The same for an image that is also the bytes of file fd from offset on (the program file,
 * for the embedded image; the townix closes fd): each 4 KiB page is read from the file into
 * memory of the townix's own when first asked for. Why: the kernel maps a file's pages in
 * folios of up to 2 MiB, so reading a few towns where the image lies made megabytes of it
 * resident; a page read costs its 4 KiB. */
struct townix *townix_open_paged(const void *image, size_t len, int fd, off_t offset);
void townix_close(struct townix *ix);

size_t townix_count(const struct townix *ix);
const struct townix_place *townix_place(const struct townix *ix, size_t i);
/* A string of the image (a place's name, admin1 or admin2). */
const char *townix_str(const struct townix *ix, uint32_t off);
/* The places of a country code ("AFG"): [*first, *end), and in *capital 1 when one of them is
 * named as that code's capital (the first row of countries.tsv with the code, as packed).
 * Returns 0, with an empty range, for a code without towns. */
int townix_country(const struct townix *ix, const char *iso3, size_t *first, size_t *end,
		   int *capital);
/* 0 if no name of the index starts with the token (a false 1 now and then). */
int townix_may_start(const struct townix *ix, const struct token *tok);
/* Longest name starting at token i and ending before limit: up to max place indexes into
 * out, their count into *n_out; returns the name's token count or 0 (as phrase_match). */
size_t townix_match(const struct townix *ix, const struct tokens *t, size_t i, size_t limit,
		    int *out, size_t max, size_t *n_out);
/* Places of an exact normalised name ("kunduz"), as phrase_lookup. */
size_t townix_lookup(const struct townix *ix, const char *norm_key, int *out, size_t max);

#endif
