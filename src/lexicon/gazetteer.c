/* gazetteer: loads countries.tsv and the gazetteer layers into one phrase index. */
#include "lexicon/gazetteer.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon/embedded.h"
#include "lexicon/townindex.h"
#include "text/phrase.h"
#include "base/strbuf.h"
#include "io/tsv.h"
#include "base/util.h"

#define GAZ_HEADER "name,aliases,kind,iso3,admin1,admin2,lat,lon,population"
#define WEAK_HEADER "name,class"
#define COUNTRY_HEADER "iso2,iso3,name,aliases,demonyms,capital,lat,lon,article"
#define PEOPLE_HEADER "name,aliases,iso3"

static const char *const kind_names[] = PLACE_KIND_NAMES;

const char *place_kind_name(enum place_kind kind)
{
	return kind_names[kind];
}

int place_kind_from_name(const char *name)
{
	for (int i = 0; i < 7; i++)
		if (strcmp(name, kind_names[i]) == 0)
			return i;
	return -1;
}

/* A plain decimal ("-12.6500") without strtod: a gazetteer has tens of thousands of them and
 * every run loads it. Up to 15 digits, the integer mantissa and the power of ten are exact
 * doubles, so one division gives the correctly rounded value, as strtod would. 0 if s has
 * another form. */
static int plain_decimal(const char *s, double *out)
{
	static const double pow10[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
		1e11, 1e12, 1e13, 1e14, 1e15 };
	int neg = *s == '-', digits = 0, decimals = 0, point = 0;
	uint64_t m = 0;
	for (s += neg; *s; s++) {
		if (*s == '.' && !point) {
			point = 1;
		} else if (*s >= '0' && *s <= '9' && digits < 15) {
			m = m * 10 + (uint64_t)(*s - '0');
			digits++;
			decimals += point;
		} else {
			return 0;
		}
	}
	if (!digits)
		return 0;
	*out = (neg ? -1.0 : 1.0) * ((double)m / pow10[decimals]);
	return 1;
}

static int parse_coord(const char *s, double lo, double hi, double *out)
{
	char *end;
	double v;
	if (plain_decimal(s, &v)) {
		if (v < lo || v > hi)
			return -1;
		*out = v;
		return 0;
	}
	v = strtod(s, &end);
	if (end == s || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

static void add_aliases(struct phrase_index *ix, const char *list, int payload)
{
	const char *p = list;
	while (*p) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (len) {
			char *alias = xstrndup(p, len);
			phrase_add(ix, alias, payload);
			free(alias);
		}
		if (!bar)
			break;
		p = bar + 1;
	}
}

static int add_place(struct gazetteer *gz, const char *name, const char *aliases,
		     enum place_kind kind, const char *iso3, const char *admin1, const char *admin2,
		     double lat, double lon, long population, int replace);

struct load_ctx {
	struct gazetteer *gz;
	const char *name;
	int user; /* user rows may replace embedded ones */
};

/* Index of a code of three capital letters in by_iso3, or -1 for any other string. */
static int iso3_slot(const char *iso3)
{
	int k = 0;
	for (int i = 0; i < 3; i++) {
		if (iso3[i] < 'A' || iso3[i] > 'Z')
			return -1;
		k = k * 26 + (iso3[i] - 'A');
	}
	return iso3[3] ? -1 : k;
}

static int country_row(void *vctx, char **f, size_t n, unsigned long line)
{
	struct load_ctx *ctx = vctx;
	struct gazetteer *gz = ctx->gz;
	(void)n;
	double lat, lon;
	if (strlen(f[0]) != 2 || strlen(f[1]) != 3 || parse_coord(f[6], -90, 90, &lat) ||
	    parse_coord(f[7], -180, 180, &lon))
		return error("%s:%lu: bad country row", ctx->name, line);
	gz->countries = xrealloc(gz->countries, (gz->n_countries + 1) * sizeof(*gz->countries));
	struct country *c = &gz->countries[gz->n_countries];
	memcpy(c->iso2, f[0], 3);
	memcpy(c->iso3, f[1], 4);
	c->name = xstrdup(f[2]);
	c->capital = xstrdup(f[5]);
	c->article = xstrdup(f[8]);
	c->lat = lat;
	c->lon = lon;
	int idx = (int)gz->n_countries++;
	int k = iso3_slot(c->iso3);
	if (!gz->by_iso3) {
		gz->by_iso3 = xmalloc(26 * 26 * 26 * sizeof(*gz->by_iso3));
		for (int i = 0; i < 26 * 26 * 26; i++)
			gz->by_iso3[i] = -1;
	}
	if (k >= 0 && gz->by_iso3[k] < 0)
		gz->by_iso3[k] = idx; /* the first row with a code keeps it */
	add_aliases(gz->demonyms, f[4], idx);
	/* A country is a place too: located at its capital, coded with precision 3. */
	add_place(gz, c->name, f[3], PK_COUNTRY, c->iso3, "", "", c->lat, c->lon, -1, 0);
	return 0;
}

int gazetteer_country_by_iso3(const struct gazetteer *gz, const char *iso3)
{
	int k = iso3_slot(iso3);
	if (k >= 0 && gz->by_iso3)
		return gz->by_iso3[k];
	for (size_t i = 0; i < gz->n_countries; i++)
		if (strcmp(gz->countries[i].iso3, iso3) == 0)
			return (int)i;
	return -1;
}

static int same_place(const struct place *p, const char *name, enum place_kind kind,
		      const char *iso3)
{
	return p->kind == kind && strcmp(p->iso3, iso3) == 0 && ascii_casecmp(p->name, name) == 0;
}

/* Write a place's fields at idx. Its strings go to the gazetteer's arena (a replaced row's
 * stay there until the gazetteer goes: user tables replace few). */
static void set_place(struct gazetteer *gz, int idx, const char *name, enum place_kind kind,
		      const char *iso3, const char *admin1, const char *admin2, double lat,
		      double lon, long population)
{
	struct place *p = &gz->place_store[idx];
	p->packed = 0;
	p->name = arena_strndup(&gz->strings, name, strlen(name));
	p->kind = kind;
	iso3_copy(p->iso3, iso3);
	p->admin1 = arena_strndup(&gz->strings, admin1, strlen(admin1));
	p->admin2 = arena_strndup(&gz->strings, admin2, strlen(admin2));
	p->lat = lat;
	p->lon = lon;
	p->population = population;
	p->country = gazetteer_country_by_iso3(gz, iso3);
}

static int add_place(struct gazetteer *gz, const char *name, const char *aliases,
		     enum place_kind kind, const char *iso3, const char *admin1, const char *admin2,
		     double lat, double lon, long population, int replace)
{
	int idx = -1;
	if (replace) {
		int cand[32];
		size_t k = gazetteer_lookup(gz, name, cand, 32);
		/* Every layer's row for the place (the curated one and GeoNames') is replaced. */
		for (size_t i = 0; i < k; i++)
			if (same_place(gz_place(gz, (size_t)cand[i]), name, kind, iso3)) {
				if (idx >= 0)
					set_place(gz, cand[i], name, kind, iso3, admin1, admin2, lat, lon,
						  population);
				else
					idx = cand[i];
			}
	}
	if (idx < 0) {
		if (gz->n == gz->alloc) {
			gz->alloc = gz->alloc ? gz->alloc * 2 : 4096;
			gz->place_store = xrealloc(gz->place_store, gz->alloc * sizeof(*gz->place_store));
		}
		idx = (int)gz->n++;
		gz->place_store[idx].packed = 1; /* nothing to free yet */
	}
	set_place(gz, idx, name, kind, iso3, admin1, admin2, lat, lon, population);
	phrase_add(gz->names, name, idx);
	add_aliases(gz->names, aliases, idx);
	return idx;
}

static int place_row(void *vctx, char **f, size_t n, unsigned long line)
{
	struct load_ctx *ctx = vctx;
	double lat, lon;
	int kind = place_kind_from_name(f[2]);
	(void)n;
	if (!*f[0])
		return error("%s:%lu: empty name", ctx->name, line);
	if (kind < 0)
		return error("%s:%lu: unknown kind '%s'", ctx->name, line, f[2]);
	if (parse_coord(f[6], -90, 90, &lat) || parse_coord(f[7], -180, 180, &lon))
		return error("%s:%lu: bad coordinates '%s', '%s'", ctx->name, line, f[6], f[7]);
	long pop = *f[8] ? strtol(f[8], NULL, 10) : -1;
	add_place(ctx->gz, f[0], f[1], (enum place_kind)kind, f[3], f[4], f[5], lat, lon, pop,
		  ctx->user);
	return 0;
}

static int weak_row(void *vctx, char **f, size_t n, unsigned long line)
{
	static const char *const classes[] = { "plain", "date", "word", "person", "given", "title" };
	struct load_ctx *ctx = vctx;
	(void)n;
	for (int c = NAME_DATE; c <= NAME_TITLE; c++)
		if (strcmp(f[1], classes[c]) == 0) {
			phrase_add(ctx->gz->weak, f[0], c);
			return 0;
		}
	return error("%s:%lu: unknown class '%s'", ctx->name, line, f[1]);
}

static int people_row(void *vctx, char **f, size_t n, unsigned long line)
{
	struct load_ctx *ctx = vctx;
	(void)n;
	int country = gazetteer_country_by_iso3(ctx->gz, f[2]);
	if (country < 0)
		return error("%s:%lu: unknown country code '%s'", ctx->name, line, f[2]);
	phrase_add(ctx->gz->peoples, f[0], country);
	add_aliases(ctx->gz->peoples, f[1], country);
	return 0;
}

enum name_class gazetteer_name_class(const struct gazetteer *gz, const struct tokens *t,
				     size_t first, size_t last)
{
	int out[2];
	size_t n;
	if (!gz->weak || !phrase_may_start(gz->weak, &t->tok[first]))
		return NAME_PLAIN;
	return phrase_match(gz->weak, t, first, last, out, 2, &n) == last - first && n
		       ? (enum name_class)out[0] : NAME_PLAIN;
}

static int load_embedded(struct gazetteer *gz, const char *file, const char *header,
			 tsv_row_fn fn)
{
	const struct embedded_file *ef = embedded_find(file);
	struct load_ctx ctx = { gz, file, 0 };
	if (!ef)
		return error("embedded table '%s' missing", file);
	return tsv_parse(ef->data, ef->len, file, header, fn, &ctx) < 0 ? -1 : 0;
}

/* The packed town layer: its places are given their indexes now and filled a chunk at a time
 * when first read (gz_place); their strings stay where they lie in the image, and its names
 * stay in its own index (gazetteer_match asks both). */
static void country_town_ranges(struct gazetteer *gz);

static int add_towns(struct gazetteer *gz)
{
	const struct embedded_file *ef = embedded_find("build/gen/towns.bin");
	if (!ef)
		return error("embedded town index missing");
	/* Read a page at a time from the program file where it can be (townindex.h says why). */
	off_t offset;
	int fd = embedded_open_source(ef, &offset);
	gz->towns = fd >= 0 ? townix_open_paged(ef->data, ef->len, fd, offset)
			    : townix_open(ef->data, ef->len);
	if (!gz->towns)
		return error("embedded town index unreadable");
	gz->town_base = gz->n;
	gz->n_towns = townix_count(gz->towns);
	if (gz->n + gz->n_towns > gz->alloc) {
		gz->alloc = gz->n + gz->n_towns + 1024;
		gz->place_store = xrealloc(gz->place_store, gz->alloc * sizeof(*gz->place_store));
	}
	gz->n += gz->n_towns;
	size_t chunks = (gz->n_towns >> GZ_TOWN_CHUNK_BITS) + 1;
	gz->town_ready = xcalloc(chunks, sizeof(*gz->town_ready));
	pthread_mutex_init(&gz->town_lock, NULL);
	country_town_ranges(gz);
	return 0;
}

/* Each country's run of towns, from the image's table: a country sharing its code with an
 * earlier one (a former name) has none of its own, as gazetteer_country_by_iso3 says. */
static void country_town_ranges(struct gazetteer *gz)
{
	gz->towns_first = xcalloc(gz->n_countries + 1, sizeof(*gz->towns_first));
	gz->towns_end = xcalloc(gz->n_countries + 1, sizeof(*gz->towns_end));
	for (size_t c = 0; c < gz->n_countries; c++) {
		const char *iso3 = gz->countries[c].iso3;
		if (gazetteer_country_by_iso3(gz, iso3) != (int)c)
			continue;
		size_t first, end;
		int capital;
		if (townix_country(gz->towns, iso3, &first, &end, &capital) && end > first) {
			gz->towns_first[c] = gz->town_base + first;
			gz->towns_end[c] = gz->town_base + end;
		}
	}
}

void gazetteer_fill_towns(const struct gazetteer *gz, size_t chunk)
{
	pthread_mutex_t *lock = (pthread_mutex_t *)&gz->town_lock;
	pthread_mutex_lock(lock);
	if (!atomic_load_explicit(&gz->town_ready[chunk], memory_order_relaxed)) {
		size_t first = chunk << GZ_TOWN_CHUNK_BITS, end = first + ((size_t)1 << GZ_TOWN_CHUNK_BITS);
		if (end > gz->n_towns)
			end = gz->n_towns;
		for (size_t i = first; i < end; i++) {
			const struct townix_place *t = townix_place(gz->towns, i);
			struct place *p = &gz->place_store[gz->town_base + i];
			char iso3[4] = { t->iso3[0], t->iso3[1], t->iso3[2], '\0' };
			p->name = townix_str(gz->towns, t->name);
			p->kind = (enum place_kind)t->kind;
			memcpy(p->iso3, iso3, 4);
			p->packed = 1;
			p->admin1 = townix_str(gz->towns, t->admin1);
			p->admin2 = townix_str(gz->towns, t->admin2);
			p->lat = t->lat;
			p->lon = t->lon;
			p->population = t->population;
			p->country = gazetteer_country_by_iso3(gz, iso3);
		}
		atomic_store_explicit(&gz->town_ready[chunk], 1, memory_order_release);
	}
	pthread_mutex_unlock(lock);
}

/* Is the capital of country c one of the town layer's places? The image knows (gazpack packs
 * it with countries.tsv), so that its places stay unread. */
static int capital_in_towns(const struct gazetteer *gz, size_t c)
{
	const struct country *k = &gz->countries[c];
	size_t first, end;
	int capital = 0;
	if (gazetteer_country_by_iso3(gz, k->iso3) == (int)c) /* its towns are its own */
		townix_country(gz->towns, k->iso3, &first, &end, &capital);
	return capital;
}

static void add_missing_capitals(struct gazetteer *gz)
{
	unsigned char *seen = xcalloc(gz->n_countries ? gz->n_countries : 1, 1);
	/* One pass over the places outside the town layer marks the countries whose capital is
	 * among them (not a pass per country). */
	for (size_t i = 0; i < gz->n; i++) {
		if (i == gz->town_base)
			i += gz->n_towns;
		if (i >= gz->n)
			break;
		const struct place *p = &gz->place_store[i];
		if (p->country >= 0 && (size_t)p->country < gz->n_countries &&
		    place_names_capital(p->name, p->kind, gz->countries[p->country].capital))
			seen[p->country] = 1;
	}
	for (size_t c = 0; c < gz->n_countries; c++)
		if (!seen[c])
			seen[c] = (unsigned char)capital_in_towns(gz, c);
	for (size_t c = 0; c < gz->n_countries; c++) {
		const struct country *k = &gz->countries[c];
		if (seen[c] || !*k->capital)
			continue;
		/* A former country's capital (SCG: Belgrade) is already its successor's. */
		int cand[32], taken = 0;
		size_t n = gazetteer_lookup(gz, k->capital, cand, 32);
		for (size_t i = 0; i < n; i++)
			taken |= gz_place(gz, (size_t)cand[i])->kind == PK_PPLC;
		if (!taken)
			add_place(gz, k->capital, "", PK_PPLC, k->iso3, "", "", k->lat, k->lon, -1, 0);
	}
	free(seen);
}

struct gazetteer *gazetteer_load(const char *const *user_files, size_t n_user)
{
	struct gazetteer *gz = xcalloc(1, sizeof(*gz));
	gz->names = phrase_new();
	gz->demonyms = phrase_new();
	gz->peoples = phrase_new();
	gz->weak = phrase_new();
	if (load_embedded(gz, "src/data/countries.tsv", COUNTRY_HEADER, country_row) < 0 ||
	    load_embedded(gz, "src/data/placewords.tsv", WEAK_HEADER, weak_row) < 0 ||
	    load_embedded(gz, "src/data/peoples.tsv", PEOPLE_HEADER, people_row) < 0)
		goto fail;
	if (load_embedded(gz, "src/data/gazetteer_af.tsv", GAZ_HEADER, place_row) < 0 ||
	    load_embedded(gz, "src/data/gazetteer_world.tsv", GAZ_HEADER, place_row) < 0 ||
	    add_towns(gz) < 0)
		goto fail;
	add_missing_capitals(gz);
	/* A user table of places, or of peoples (peoples.tsv's columns). */
	for (size_t i = 0; i < n_user; i++) {
		struct load_ctx ctx = { gz, user_files[i], 1 };
		int peoples = tsv_file_has_header(user_files[i], PEOPLE_HEADER);
		if (tsv_parse_file(user_files[i], peoples ? PEOPLE_HEADER : GAZ_HEADER,
				   peoples ? people_row : place_row, &ctx) < 0)
			goto fail;
	}
	return gz;
fail:
	gazetteer_free(gz);
	return NULL;
}

int gazetteer_add_text(struct gazetteer *gz, const char *text, size_t len, const char *name)
{
	struct load_ctx ctx = { gz, name, 1 };
	return tsv_parse(text, len, name, GAZ_HEADER, place_row, &ctx);
}

struct gazetteer *gazetteer_countries_only(void)
{
	struct gazetteer *gz = xcalloc(1, sizeof(*gz));
	gz->names = phrase_new();
	gz->demonyms = phrase_new();
	if (load_embedded(gz, "src/data/countries.tsv", COUNTRY_HEADER, country_row) < 0) {
		gazetteer_free(gz);
		return NULL;
	}
	return gz;
}

void gazetteer_free(struct gazetteer *gz)
{
	if (!gz)
		return;
	arena_release(&gz->strings);
	if (gz->town_ready)
		pthread_mutex_destroy(&gz->town_lock);
	free((void *)gz->town_ready);
	if (gz->towns)
		townix_close(gz->towns);
	free(gz->towns_first);
	free(gz->towns_end);
	free(gz->place_store);
	free(gz->by_iso3);
	for (size_t i = 0; i < gz->n_countries; i++) {
		free(gz->countries[i].name);
		free(gz->countries[i].capital);
		free(gz->countries[i].article);
	}
	free(gz->countries);
	phrase_free(gz->names);
	phrase_free(gz->demonyms);
	phrase_free(gz->peoples);
	phrase_free(gz->weak);
	free(gz);
}

int gazetteer_may_start(const struct gazetteer *gz, const struct token *tok)
{
	return phrase_may_start(gz->names, tok) || (gz->towns && townix_may_start(gz->towns, tok));
}

/* Town places (indexes of the packed layer) after those already in out, each once. */
static size_t append_towns(const struct gazetteer *gz, const int *towns, size_t n_towns, int *out,
			   size_t n, size_t max)
{
	for (size_t k = 0; k < n_towns && n < max; k++) {
		int idx = (int)gz->town_base + towns[k], dup = 0;
		for (size_t j = 0; j < n && !dup; j++)
			dup = out[j] == idx;
		if (!dup)
			out[n++] = idx;
	}
	return n;
}

size_t gazetteer_match_joined(const struct gazetteer *gz, const struct tokens *t, size_t i,
			      size_t limit, int *out, size_t max, size_t *n_out)
{
	const struct token *a = &t->tok[i], *b = &t->tok[i + 1];
	char key[64];
	if (i + 2 > limit || !(a->flags & TOK_CAP) || !(b->flags & TOK_CAP) || (b->flags & TOK_HYPHEN) ||
	    !(a->flags & TOK_WORD) || !(b->flags & TOK_WORD) || a->sentence != b->sentence ||
	    a->len < 3 || b->len < 3 || a->len + b->len >= sizeof(key))
		return 0;
	memcpy(key, a->norm, a->len);
	memcpy(key + a->len, b->norm, b->len + 1);
	size_t n = phrase_lookup(gz->names, key, out, max);
	if (gz->towns) {
		int towns[64];
		size_t nt = townix_lookup(gz->towns, key, towns, max < 64 ? max : 64);
		n = append_towns(gz, towns, nt, out, n, max);
	}
	*n_out = n;
	return n ? 2 : 0;
}

size_t gazetteer_match(const struct gazetteer *gz, const struct tokens *t, size_t i, size_t limit,
		       int *out, size_t max, size_t *n_out)
{
	size_t len = phrase_match(gz->names, t, i, limit, out, max, n_out);
	if (!gz->towns)
		return len;
	int towns[64];
	size_t nt;
	size_t tlen = townix_match(gz->towns, t, i, limit, towns, max < 64 ? max : 64, &nt);
	if (!tlen || tlen < len)
		return len;
	if (tlen > len)
		*n_out = 0; /* a longer town name wins over the shorter names */
	*n_out = append_towns(gz, towns, nt, out, *n_out, max);
	return tlen;
}

int gazetteer_demonym(const struct gazetteer *gz, const struct tokens *t, size_t i, size_t *ntok)
{
	int out[4];
	size_t k;
	*ntok = phrase_match(gz->demonyms, t, i, t->n, out, 4, &k);
	return *ntok ? out[0] : -1;
}

int gazetteer_people(const struct gazetteer *gz, const struct tokens *t, size_t i, size_t *ntok)
{
	int out[4];
	size_t k;
	*ntok = gz->peoples ? phrase_match(gz->peoples, t, i, t->n, out, 4, &k) : 0;
	return *ntok ? out[0] : -1;
}

size_t gazetteer_lookup(const struct gazetteer *gz, const char *name, int *out, size_t max)
{
	struct strbuf norm = STRBUF_INIT;
	text_normalise_phrase(name, strlen(name), &norm);
	size_t k = phrase_lookup(gz->names, norm.buf, out, max);
	if (gz->towns) {
		int towns[64];
		size_t nt = townix_lookup(gz->towns, norm.buf, towns, max < 64 ? max : 64);
		k = append_towns(gz, towns, nt, out, k, max);
	}
	strbuf_release(&norm);
	return k;
}

void gazetteer_country_towns(const struct gazetteer *gz, int country, size_t *first, size_t *last)
{
	*first = *last = gz->town_base;
	if (country >= 0 && gz->towns_end && gz->towns_end[country]) {
		*first = gz->towns_first[country];
		*last = gz->towns_end[country];
	}
}

const struct place *gazetteer_admin1(const struct gazetteer *gz, int country, const char *name)
{
	int cand[32];
	size_t k = gazetteer_lookup(gz, name, cand, 32);
	for (size_t i = 0; i < k; i++) {
		const struct place *p = gz_place(gz, (size_t)cand[i]);
		if (p->kind == PK_ADM1 && p->country == country)
			return p;
	}
	return NULL;
}

static int town_kind(enum place_kind k)
{
	return k == PK_PPLC || k == PK_PPLA || k == PK_PPLA2 || k == PK_PPL;
}

/* Keep place i if it is a town of the country nearer than *best_d. */
static void nearer_town(const struct place *p, int i, int country, double lat, double lon,
			double *best_d, int *best)
{
	if (!town_kind(p->kind) || p->country != country)
		return;
	double d = fabs(p->lat - lat) + fabs(p->lon - lon);
	if (d < *best_d) {
		*best_d = d;
		*best = i;
	}
}

int gazetteer_nearest_town(const struct gazetteer *gz, int country, double lat, double lon,
			   double max_d)
{
	int best = -1;
	size_t first, last;
	gazetteer_country_towns(gz, country, &first, &last);
	for (size_t i = 0; i < gz->town_base; i++)
		nearer_town(&gz->place_store[i], (int)i, country, lat, lon, &max_d, &best);
	for (size_t i = first; i < last; i++) {
		size_t t = i - gz->town_base;
		if (atomic_load_explicit(&gz->town_ready[t >> GZ_TOWN_CHUNK_BITS], memory_order_acquire)) {
			/* filled, and perhaps replaced by a user's row */
			nearer_town(&gz->place_store[i], (int)i, country, lat, lon, &max_d, &best);
			continue;
		}
		const struct townix_place *tp = townix_place(gz->towns, t);
		struct place p; /* only what the test reads: the strings stay unread */
		p.kind = (enum place_kind)tp->kind;
		p.country = country; /* the run of the country's code */
		p.lat = tp->lat;
		p.lon = tp->lon;
		nearer_town(&p, (int)i, country, lat, lon, &max_d, &best);
	}
	for (size_t i = gz->town_base + gz->n_towns; i < gz->n; i++)
		nearer_town(&gz->place_store[i], (int)i, country, lat, lon, &max_d, &best);
	return best;
}
