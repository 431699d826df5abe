/* gazetteer: countries and places with coordinates and admin units, looked up by name.
 * Ownership: the gazetteer owns every place and string; lookups return borrowed pointers
 * valid until gazetteer_free. */
#ifndef SITREP_GAZETTEER_H
#define SITREP_GAZETTEER_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/util.h"
#include "text/phrase.h"
#include "text/text.h"

struct townix;

enum place_kind { PK_COUNTRY, PK_ADM1, PK_ADM2, PK_PPLC, PK_PPLA, PK_PPLA2, PK_PPL };
#define PLACE_KIND_NAMES { "country", "adm1", "adm2", "pplc", "ppla", "ppla2", "ppl" }

/* What a place name is besides a place (placewords.tsv): a name of the first kinds is a
 * place only on evidence; a first name or a title makes the next capitalised word a
 * person's name. */
enum name_class { NAME_PLAIN, NAME_DATE, NAME_WORD, NAME_PERSON, NAME_GIVEN, NAME_TITLE };

struct place { /* 64 bytes: some 200,000 of them stay in memory */
	const char *name;
	const char *admin1;  /* containing first-level unit ("" if unknown) */
	const char *admin2;  /* containing district ("" if unknown) */
	double lat, lon;
	long population;     /* -1 if unknown */
	int country;         /* index into countries, -1 if unknown */
	enum place_kind kind;
	char iso3[4];
	int packed;          /* strings lie in the packed town index, not on the heap */
};

struct country {
	char iso2[3], iso3[4];
	char *name;
	char *capital;
	char *article;   /* "the" where English names the country with it ("the Philippines") */
	double lat, lon;
};

struct gazetteer {
	struct place *place_store; /* read through gz_place, never directly: towns fill lazily */
	size_t n, alloc;
	struct country *countries;
	size_t n_countries;
	int *by_iso3;                  /* AAA..ZZZ -> first country with that code, or -1 */
	struct phrase_index *names;    /* place name or alias -> place index */
	struct townix *towns;          /* the packed town layer: its places are those from town_base on */
	size_t town_base, n_towns;
	/* The town layer's places are copied out of the index a chunk at a time, when a place
	 * of the chunk is first asked for (gz_place): a run touches few of the 200,000, and
	 * start-up should not pay for the rest. Threads share the gazetteer, so a chunk is
	 * filled under the lock and published by its flag. */
	_Atomic unsigned char *town_ready;
	pthread_mutex_t town_lock;
	size_t *towns_first, *towns_end; /* per country: its packed towns (sorted by country) */
	struct phrase_index *demonyms; /* "afghan" -> country index */
	struct phrase_index *peoples;  /* "pokot" -> the country most of them live in */
	struct phrase_index *weak;     /* "march", "union", "david" -> enum name_class */
	struct arena strings;          /* the listed places' names and units */
};

#define GZ_TOWN_CHUNK_BITS 6 /* 64 towns, one 4 KiB page of places */
void gazetteer_fill_towns(const struct gazetteer *gz, size_t chunk);

/* Place i of the gazetteer: every reader goes through here, so that a town is in place
 * before it is read. */
static inline const struct place *gz_place(const struct gazetteer *gz, size_t i)
{
	size_t t = i - gz->town_base; /* wraps round below the town layer */
	if (t < gz->n_towns &&
	    !atomic_load_explicit(&gz->town_ready[t >> GZ_TOWN_CHUNK_BITS], memory_order_acquire))
		gazetteer_fill_towns(gz, t >> GZ_TOWN_CHUNK_BITS);
	return &gz->place_store[i];
}

/* Does a place of that name and kind stand for the capital a country row names? Every
 * national capital is a town, even where the city tables split it into districts (GeoNames
 * lists Nouakchott as three communes): the country row knows where it is. */
static inline int place_names_capital(const char *name, enum place_kind kind, const char *capital)
{
	return kind != PK_COUNTRY && kind != PK_ADM1 && kind != PK_ADM2 &&
	       ascii_casecmp(name, capital) == 0;
}

/* Copy an ISO 3166 alpha-3 code (or "") into a 4-byte field, cutting anything longer. */
static inline void iso3_copy(char dst[4], const char *src)
{
	size_t n = 0;
	for (; n < 3 && src[n]; n++)
		dst[n] = src[n];
	dst[n] = '\0';
}

/* Load the embedded tables, then each user file (may be NULL) in the gazetteer format; a user
 * row with the same name, kind and country replaces the embedded one. NULL on a bad file. */
struct gazetteer *gazetteer_load(const char *const *user_files, size_t n_user);
void gazetteer_free(struct gazetteer *gz);
/* Add rows in the gazetteer format from memory (name is used in messages). Returns the number
 * of bad rows, or -1 when the header is wrong. */
int gazetteer_add_text(struct gazetteer *gz, const char *text, size_t len, const char *name);
/* An empty gazetteer with the embedded countries only (for tests and tools). */
struct gazetteer *gazetteer_countries_only(void);

/* 0 if no place name starts with the token (a false 1 now and then): asked of every token. */
int gazetteer_may_start(const struct gazetteer *gz, const struct token *tok);
/* Places whose name or alias is the longest phrase at token i (before limit): indexes into
 * places (gz_place) in out, count in *n_out; returns the tokens matched or 0. */
size_t gazetteer_match(const struct gazetteer *gz, const struct tokens *t, size_t i, size_t limit,
		       int *out, size_t max, size_t *n_out);
/* "Ceel Dheer" for Ceeldheer, "Buur Hakaba" for Buurhakaba: names written joined or in two
 * words. Two capitalised words of one sentence at token i that make a known name when joined:
 * 2 and the candidates, else 0. */
size_t gazetteer_match_joined(const struct gazetteer *gz, const struct tokens *t, size_t i,
			      size_t limit, int *out, size_t max, size_t *n_out);
/* Country named by a nationality word at token i ("Afghan", "Nigerian"): index or -1. */
int gazetteer_demonym(const struct gazetteer *gz, const struct tokens *t, size_t i, size_t *ntok);
/* A people, clan or community named at token i ("Pokot", "Marehan"; peoples.tsv): the
 * country most of them live in, or -1; *ntok its length. */
int gazetteer_people(const struct gazetteer *gz, const struct tokens *t, size_t i, size_t *ntok);
/* What the words [first, last) are besides a place name: NAME_PLAIN if nothing. */
enum name_class gazetteer_name_class(const struct gazetteer *gz, const struct tokens *t,
				     size_t first, size_t last);
int gazetteer_country_by_iso3(const struct gazetteer *gz, const char *iso3);
/* The packed towns of a country: places [*first, *last) (an empty range at town_base if none). */
void gazetteer_country_towns(const struct gazetteer *gz, int country, size_t *first, size_t *last);
/* The town of a country nearest to (lat, lon) by |dlat| + |dlon|, nearer than max_d (the first
 * of equals in place order): its place index, or -1. Reads only the coordinates and kinds of
 * the packed towns, not their names. */
int gazetteer_nearest_town(const struct gazetteer *gz, int country, double lat, double lon,
			   double max_d);
/* The adm1 place of a country by name, or NULL. */
const struct place *gazetteer_admin1(const struct gazetteer *gz, int country, const char *name);
/* Places by a written name ("Kunduz"), best first (admin level, population). */
size_t gazetteer_lookup(const struct gazetteer *gz, const char *name, int *out, size_t max);
const char *place_kind_name(enum place_kind kind);
int place_kind_from_name(const char *name);

#endif
