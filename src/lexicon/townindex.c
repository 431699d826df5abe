/* townindex: the packed town layer. An image is a header, then arrays at 8-byte aligned
 * offsets: places, probe tags, name slots, place lists, the first-word filter, strings, and
 * the countries' runs of places. The name index is an open-addressing hash of normalised names
 * keyed as phrase.c keys them (the token hash, FNV-1a over " word" for each further word), with
 * every whole-word prefix of a longer name marked so that matching knows when to go on.
 * Every read goes through at(), which pages a TOWNIX_MAPPED image in 4 KiB at a time. */
#include "lexicon/townindex.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "base/strbuf.h"
#include "base/util.h"
#include "io/tsv.h"
#include "lexicon/gazetteer.h"
#include "text/wordset.h"

#define MAGIC "sitrepT2"
#define HEADER "name,aliases,kind,iso3,admin1,admin2,lat,lon,population"
#define COUNTRY_HEADER "iso2,iso3,name,aliases,demonyms,capital,lat,lon,article"
#define PAGE_BITS 12 /* what a read of a TOWNIX_MAPPED image copies at a time */
#define MAX_TOKENS 12
#define MAX_KEY 512

struct header {
	char magic[8];
	uint32_t n_places, n_slots, n_lists, filter_words, strings_len, n_ranges;
	uint32_t off_places, off_tags, off_slots, off_lists, off_filter, off_strings, off_ranges;
};

/* A country code's run of places (the image is sorted by code). */
struct range {
	char iso3[4];     /* NUL-terminated */
	uint32_t first, end;
	uint32_t capital; /* 1: a place of the run is named as the code's capital */
};

struct slot {
	uint32_t key;     /* string offset of the normalised name */
	uint32_t first;   /* first place of its list in lists */
	uint16_t len;     /* bytes of the key */
	uint16_t count;   /* places named so; 0: only a prefix of longer names */
	uint16_t extends; /* a longer name starts with this one */
	uint16_t pad;
};

struct townix {
	struct header h;    /* a copy */
	const char *image;
	size_t len;
	/* townix_open_paged: the pages read so far, copied from the file into an anonymous
	 * mapping of the image's size (untouched pages of it take no memory); NULL when the
	 * image is read where it lies. Threads share a townix, so a page is read under the lock
	 * and published by its flag. */
	char *copy;
	int fd;
	off_t file_offset;
	_Atomic unsigned char *ready;
	pthread_mutex_t lock;
};

static uint32_t hash_bytes(const char *s, size_t len)
{
	uint32_t h = WORD_HASH_SEED;
	for (size_t i = 0; i < len; i++)
		h = word_hash_step(h, (unsigned char)s[i]);
	return h;
}

/* --- writing ------------------------------------------------------------------------------ */

struct name_entry {
	uint32_t key;   /* offset in the string area */
	uint32_t len;
	uint32_t seq;   /* order of appearance: earlier rows first, as in phrase.c */
	int32_t place;  /* -1: a prefix of a longer name */
};

struct writer {
	const char *name;
	struct strbuf strings;
	struct townix_place *places;
	size_t n_places, alloc_places;
	struct name_entry *names;
	size_t n_names, alloc_names;
	/* string interning: admin names repeat thousands of times */
	uint32_t *intern;
	size_t intern_cap, intern_used;
};

static uint32_t add_string(struct writer *w, const char *s, size_t len)
{
	if ((w->intern_used + 1) * 2 > w->intern_cap) {
		size_t old_cap = w->intern_cap;
		uint32_t *old = w->intern;
		w->intern_cap = old_cap ? old_cap * 2 : 1 << 16;
		w->intern = xcalloc(w->intern_cap, sizeof(*w->intern));
		for (size_t i = 0; i < old_cap; i++)
			if (old[i]) {
				const char *o = w->strings.buf + old[i];
				size_t j = hash_bytes(o, strlen(o)) & (w->intern_cap - 1);
				while (w->intern[j])
					j = (j + 1) & (w->intern_cap - 1);
				w->intern[j] = old[i];
			}
		free(old);
	}
	size_t j = hash_bytes(s, len) & (w->intern_cap - 1);
	for (; w->intern[j]; j = (j + 1) & (w->intern_cap - 1)) {
		const char *o = w->strings.buf + w->intern[j];
		if (strlen(o) == len && memcmp(o, s, len) == 0)
			return w->intern[j];
	}
	uint32_t off = (uint32_t)w->strings.len;
	strbuf_add(&w->strings, s, len);
	strbuf_addch(&w->strings, '\0');
	w->intern[j] = off;
	w->intern_used++;
	return off;
}

static void add_name_entry(struct writer *w, uint32_t key, size_t len, int32_t place)
{
	if (w->n_names == w->alloc_names) {
		w->alloc_names = w->alloc_names ? w->alloc_names * 2 : 1 << 16;
		w->names = xrealloc(w->names, w->alloc_names * sizeof(*w->names));
	}
	w->names[w->n_names] = (struct name_entry){ key, (uint32_t)len, (uint32_t)w->n_names, place };
	w->n_names++;
}

static void add_name(struct writer *w, const char *name, size_t len, int32_t place)
{
	struct strbuf norm = STRBUF_INIT;
	size_t ntok = text_normalise_phrase(name, len, &norm);
	if (ntok && ntok <= MAX_TOKENS && norm.len < MAX_KEY) {
		for (size_t i = 0; i < norm.len; i++)
			if (norm.buf[i] == ' ')
				add_name_entry(w, add_string(w, norm.buf, i), i, -1);
		add_name_entry(w, add_string(w, norm.buf, norm.len), norm.len, place);
	}
	strbuf_release(&norm);
}

static int write_row(void *ctx, char **f, size_t n, unsigned long line)
{
	static const char *const kinds[] = PLACE_KIND_NAMES;
	struct writer *w = ctx;
	char *end1, *end2;
	(void)n;
	int kind = -1;
	for (int k = 0; k < (int)(sizeof(kinds) / sizeof(kinds[0])); k++)
		if (strcmp(f[2], kinds[k]) == 0)
			kind = k;
	double lat = strtod(f[6], &end1), lon = strtod(f[7], &end2);
	if (!*f[0] || kind < 0 || end1 == f[6] || *end1 || end2 == f[7] || *end2 || lat < -90 ||
	    lat > 90 || lon < -180 || lon > 180 || strlen(f[3]) > 3)
		return error("%s:%lu: bad place row", w->name, line);
	if (w->n_places == w->alloc_places) {
		w->alloc_places = w->alloc_places ? w->alloc_places * 2 : 1 << 14;
		w->places = xrealloc(w->places, w->alloc_places * sizeof(*w->places));
	}
	struct townix_place *p = &w->places[w->n_places];
	memset(p, 0, sizeof(*p));
	memcpy(p->iso3, f[3], strlen(f[3]));
	/* Sorted by country code: the gazetteer finds a country's run of towns by bisection. */
	if (w->n_places && memcmp(p[-1].iso3, p->iso3, 3) > 0)
		return error("%s:%lu: rows not sorted by iso3 ('%s' after '%.3s')", w->name, line,
			     f[3], p[-1].iso3);
	p->lat = lat;
	p->lon = lon;
	p->population = *f[8] ? (int32_t)strtol(f[8], NULL, 10) : -1;
	p->name = add_string(w, f[0], strlen(f[0]));
	p->admin1 = add_string(w, f[4], strlen(f[4]));
	p->admin2 = add_string(w, f[5], strlen(f[5]));
	p->kind = (uint8_t)kind;
	int32_t idx = (int32_t)w->n_places++;
	add_name(w, f[0], strlen(f[0]), idx);
	for (const char *a = f[1]; *a;) {
		const char *bar = strchr(a, '|');
		size_t len = bar ? (size_t)(bar - a) : strlen(a);
		if (len)
			add_name(w, a, len, idx);
		if (!bar)
			break;
		a = bar + 1;
	}
	return 0;
}

static const char *sort_strings;

static int by_key(const void *a, const void *b)
{
	const struct name_entry *x = a, *y = b;
	int c = strcmp(sort_strings + x->key, sort_strings + y->key);
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static size_t align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

static size_t align16(size_t n)
{
	return (n + 15) & ~(size_t)15;
}

/* The runs of places by country code, and which have a town named as the code's capital. */
struct capitals_ctx {
	const struct writer *w;
	struct range *ranges;
	size_t n_ranges;
};

static struct range *range_of(struct range *ranges, size_t n, const char *iso3)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(ranges[i].iso3, iso3) == 0)
			return &ranges[i];
	return NULL;
}

static int capital_row(void *vctx, char **f, size_t n, unsigned long line)
{
	struct capitals_ctx *ctx = vctx;
	(void)n;
	(void)line;
	struct range *r = range_of(ctx->ranges, ctx->n_ranges, f[1]);
	/* the first row with a code is the country of that code (gazetteer_country_by_iso3) */
	if (!r || r->capital > 1)
		return 0;
	for (size_t i = r->first; i < r->end && !r->capital; i++) {
		const struct townix_place *p = &ctx->w->places[i];
		r->capital = place_names_capital(ctx->w->strings.buf + p->name, (enum place_kind)p->kind, f[5]);
	}
	r->capital += 2; /* seen; the 2 comes off below */
	return 0;
}

static struct range *make_ranges(const struct writer *w, const char *countries, size_t countries_len,
				 size_t *n_out)
{
	struct range *ranges = NULL;
	size_t n = 0;
	for (size_t i = 0; i < w->n_places; i++) {
		if (i && !memcmp(w->places[i].iso3, w->places[i - 1].iso3, 3))
			continue;
		ranges = xrealloc(ranges, (n + 1) * sizeof(*ranges));
		memset(&ranges[n], 0, sizeof(*ranges));
		memcpy(ranges[n].iso3, w->places[i].iso3, 3);
		ranges[n].first = (uint32_t)i;
		if (n)
			ranges[n - 1].end = (uint32_t)i;
		n++;
	}
	if (n)
		ranges[n - 1].end = (uint32_t)w->n_places;
	struct capitals_ctx ctx = { w, ranges, n };
	if (countries && tsv_parse(countries, countries_len, "countries", COUNTRY_HEADER, capital_row,
				   &ctx) < 0) {
		free(ranges);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		ranges[i].capital = ranges[i].capital == 3;
	*n_out = n;
	return ranges ? ranges : xcalloc(1, sizeof(*ranges));
}

void *townix_write(const char *text, size_t len, const char *name, const char *countries,
		   size_t countries_len, size_t *out_len)
{
	struct writer w;
	memset(&w, 0, sizeof(w));
	w.name = name;
	strbuf_addch(&w.strings, '\0'); /* offset 0: the empty string */
	if (tsv_parse(text, len, name, HEADER, write_row, &w) != 0) {
		free(w.places);
		free(w.names);
		free(w.intern);
		strbuf_release(&w.strings);
		error("%s: not a clean gazetteer table", name);
		return NULL;
	}
	size_t n_ranges;
	struct range *ranges = make_ranges(&w, countries, countries_len, &n_ranges);
	if (!ranges) {
		free(w.places);
		free(w.names);
		free(w.intern);
		strbuf_release(&w.strings);
		return NULL;
	}
	/* Group the names: keys equal once sorted (interned, so equal offsets). */
	sort_strings = w.strings.buf;
	qsort(w.names, w.n_names, sizeof(*w.names), by_key);
	size_t n_keys = 0, n_lists = 0, n_first = 0;
	for (size_t i = 0; i < w.n_names; i++) {
		if (i == 0 || w.names[i].key != w.names[i - 1].key) {
			n_keys++;
			n_first += !memchr(w.strings.buf + w.names[i].key, ' ', w.names[i].len);
		}
		n_lists += w.names[i].place >= 0;
	}
	size_t n_slots = 1024;
	while (n_slots < n_keys * 2)
		n_slots *= 2;
	size_t filter_bits = 1024;
	while (filter_bits < n_first * 16)
		filter_bits *= 2;
	struct header h;
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, MAGIC, 8);
	h.n_places = (uint32_t)w.n_places;
	h.n_slots = (uint32_t)n_slots;
	h.n_lists = (uint32_t)n_lists;
	h.filter_words = (uint32_t)(filter_bits / 64);
	h.strings_len = (uint32_t)w.strings.len;
	h.n_ranges = (uint32_t)n_ranges;
	size_t off = align8(sizeof(h));
	h.off_places = (uint32_t)off;
	off = align8(off + w.n_places * sizeof(struct townix_place));
	h.off_tags = (uint32_t)off;
	off = align16(off + n_slots * sizeof(uint32_t)); /* a slot never straddles two pages */
	h.off_slots = (uint32_t)off;
	off = align8(off + n_slots * sizeof(struct slot));
	h.off_lists = (uint32_t)off;
	off = align8(off + n_lists * sizeof(uint32_t));
	h.off_filter = (uint32_t)off;
	off = align8(off + h.filter_words * sizeof(uint64_t));
	h.off_strings = (uint32_t)off;
	off = align8(off + w.strings.len);
	h.off_ranges = (uint32_t)off;
	off += n_ranges * sizeof(struct range);
	char *img = xcalloc(off, 1);
	memcpy(img + h.off_ranges, ranges, n_ranges * sizeof(struct range));
	free(ranges);
	memcpy(img, &h, sizeof(h));
	memcpy(img + h.off_places, w.places, w.n_places * sizeof(struct townix_place));
	memcpy(img + h.off_strings, w.strings.buf, w.strings.len);
	uint32_t *tags = (uint32_t *)(void *)(img + h.off_tags);
	struct slot *slots = (struct slot *)(void *)(img + h.off_slots);
	uint32_t *lists = (uint32_t *)(void *)(img + h.off_lists);
	uint64_t *filter = (uint64_t *)(void *)(img + h.off_filter);
	size_t n_list = 0;
	for (size_t i = 0; i < w.n_names;) {
		size_t j = i;
		struct slot s = { w.names[i].key, (uint32_t)n_list, (uint16_t)w.names[i].len, 0, 0, 0 };
		for (; j < w.n_names && w.names[j].key == w.names[i].key; j++) {
			if (w.names[j].place < 0) {
				s.extends = 1;
				continue;
			}
			int dup = 0; /* a place named twice the same way counts once */
			for (size_t k = s.first; k < n_list && !dup; k++)
				dup = lists[k] == (uint32_t)w.names[j].place;
			if (!dup && s.count < UINT16_MAX) {
				lists[n_list++] = (uint32_t)w.names[j].place;
				s.count++;
			}
		}
		const char *key = w.strings.buf + s.key;
		uint32_t hash = hash_bytes(key, s.len), tag = hash ? hash : 1;
		size_t at = hash & (n_slots - 1);
		while (tags[at])
			at = (at + 1) & (n_slots - 1);
		tags[at] = tag;
		slots[at] = s;
		if (!memchr(key, ' ', s.len))
			filter[(hash & (filter_bits - 1)) / 64] |= 1ull << ((hash & (filter_bits - 1)) % 64);
		i = j;
	}
	free(w.places);
	free(w.names);
	free(w.intern);
	strbuf_release(&w.strings);
	*out_len = off;
	return img;
}

/* --- reading ------------------------------------------------------------------------------ */

static void page_in(const struct townix *cix, size_t page)
{
	struct townix *ix = (struct townix *)cix; /* the copy is a cache: reads fill it */
	pthread_mutex_lock(&ix->lock);
	if (!atomic_load_explicit(&ix->ready[page], memory_order_relaxed)) {
		size_t off = page << PAGE_BITS, n = ix->len - off;
		if (n > (size_t)1 << PAGE_BITS)
			n = (size_t)1 << PAGE_BITS;
		if (pread(ix->fd, ix->copy + off, n, ix->file_offset + (off_t)off) != (ssize_t)n)
			memcpy(ix->copy + off, ix->image + off, n); /* the same bytes, mapped */
		atomic_store_explicit(&ix->ready[page], 1, memory_order_release);
	}
	pthread_mutex_unlock(&ix->lock);
}

/* The len bytes at offset off of the image, paged in first when they are not yet. */
static inline const void *at(const struct townix *ix, size_t off, size_t len)
{
	if (!ix->copy)
		return ix->image + off;
	for (size_t p = off >> PAGE_BITS; p <= (off + (len ? len - 1 : 0)) >> PAGE_BITS; p++)
		if (!atomic_load_explicit(&ix->ready[p], memory_order_acquire))
			page_in(ix, p);
	return ix->copy + off;
}

/* at() for an item that lies in one page (aligned to its size, of at most 16 bytes): what a
 * lookup reads most (the filter, tags, slots), in a few instructions. */
static inline const void *at_item(const struct townix *ix, size_t off)
{
	if (!ix->copy)
		return ix->image + off;
	if (!atomic_load_explicit(&ix->ready[off >> PAGE_BITS], memory_order_acquire))
		page_in(ix, off >> PAGE_BITS);
	return ix->copy + off;
}

static uint32_t tag_at(const struct townix *ix, size_t i)
{
	return *(const uint32_t *)at_item(ix, ix->h.off_tags + i * sizeof(uint32_t));
}

static const struct slot *slot_at(const struct townix *ix, size_t i)
{
	return at_item(ix, ix->h.off_slots + i * sizeof(struct slot));
}

struct townix *townix_open(const void *image, size_t len)
{
	struct header hd; /* checked in a copy: the image may be anything, even misaligned */
	if (len < sizeof(hd) || ((uintptr_t)image & 7)) {
		error("town index: not an image of this version of sitrep");
		return NULL;
	}
	memcpy(&hd, image, sizeof(hd));
	if (memcmp(hd.magic, MAGIC, 8) != 0 || (size_t)hd.off_strings + hd.strings_len > len ||
	    (size_t)hd.off_ranges + hd.n_ranges * sizeof(struct range) > len ||
	    (hd.off_slots & 15) || (hd.off_tags & 3) || (hd.off_filter & 7) ||
	    (hd.n_slots & (hd.n_slots - 1)) || !hd.n_slots ||
	    (hd.filter_words & (hd.filter_words - 1)) || !hd.filter_words) {
		error("town index: not an image of this version of sitrep");
		return NULL;
	}
	struct townix *ix = xcalloc(1, sizeof(*ix));
	ix->h = hd;
	ix->image = image;
	ix->len = len;
	ix->fd = -1;
	return ix;
}

struct townix *townix_open_paged(const void *image, size_t len, int fd, off_t offset)
{
	struct townix *ix = townix_open(image, len);
	void *copy = ix ? mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
			: MAP_FAILED;
	if (copy == MAP_FAILED) { /* read where it lies */
		close(fd);
		return ix;
	}
#ifdef MADV_NOHUGEPAGE
	madvise(copy, len, MADV_NOHUGEPAGE); /* a page read is 4 KiB resident, not 2 MiB */
#endif
	ix->copy = copy;
	ix->ready = xcalloc((len >> PAGE_BITS) + 1, sizeof(*ix->ready));
	pthread_mutex_init(&ix->lock, NULL);
	ix->fd = fd;
	ix->file_offset = offset;
	return ix;
}

void townix_close(struct townix *ix)
{
	if (!ix)
		return;
	if (ix->copy) {
		munmap(ix->copy, ix->len);
		free((void *)ix->ready);
		pthread_mutex_destroy(&ix->lock);
		close(ix->fd);
	}
	free(ix);
}

size_t townix_count(const struct townix *ix)
{
	return ix->h.n_places;
}

const struct townix_place *townix_place(const struct townix *ix, size_t i)
{
	return at(ix, ix->h.off_places + i * sizeof(struct townix_place), sizeof(struct townix_place));
}

const char *townix_str(const struct townix *ix, uint32_t off)
{
	/* Paged in up to its NUL, which the image's string area ends with. */
	size_t o = ix->h.off_strings + (size_t)off, end = ix->h.off_strings + (size_t)ix->h.strings_len;
	const char *s = at(ix, o, 1);
	for (size_t p = o;;) {
		size_t page_end = ((p >> PAGE_BITS) + 1) << PAGE_BITS;
		if (page_end > end)
			page_end = end;
		const char *q = at(ix, p, page_end - p);
		if (memchr(q, '\0', page_end - p) || page_end == end)
			return s;
		p = page_end;
	}
}

int townix_country(const struct townix *ix, const char *iso3, size_t *first, size_t *end,
		   int *capital)
{
	size_t lo = 0, hi = ix->h.n_ranges;
	*first = *end = 0;
	*capital = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct range *r = at(ix, ix->h.off_ranges + mid * sizeof(*r), sizeof(*r));
		int c = strcmp(r->iso3, iso3);
		if (c == 0) {
			*first = r->first;
			*end = r->end;
			*capital = (int)r->capital;
			return 1;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int townix_may_start(const struct townix *ix, const struct token *tok)
{
	uint32_t bits = ix->h.filter_words * 64, h = tok->hash & (bits - 1);
	const uint64_t *word = at_item(ix, ix->h.off_filter + (h / 64) * sizeof(uint64_t));
	return (*word >> (h % 64)) & 1;
}

static const struct slot *find(const struct townix *ix, const char *key, size_t len, uint32_t h)
{
	size_t mask = ix->h.n_slots - 1;
	uint32_t tag = h ? h : 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		uint32_t t = tag_at(ix, i);
		if (!t)
			return NULL;
		if (t != tag)
			continue;
		const struct slot *s = slot_at(ix, i);
		if (s->len == len && memcmp(at(ix, ix->h.off_strings + s->key, len), key, len) == 0)
			return s;
	}
}

static size_t collect(const struct townix *ix, const struct slot *s, int *out, size_t max)
{
	size_t k = s->count < max ? s->count : max;
	if (!k)
		return 0;
	const uint32_t *list = at(ix, ix->h.off_lists + (size_t)s->first * sizeof(uint32_t), k * sizeof(uint32_t));
	for (size_t i = 0; i < k; i++)
		out[i] = (int)list[i];
	return k;
}
size_t townix_match(const struct townix *ix, const struct tokens *t, size_t i, size_t limit,
		    int *out, size_t max, size_t *n_out)
{
	char key[MAX_KEY];
	size_t len = 0, best = 0;
	uint32_t h = 0;
	*n_out = 0;
	for (size_t j = i; j < limit && j - i < MAX_TOKENS; j++) {
		const char *w = t->tok[j].norm;
		size_t wl = t->tok[j].len;
		if (len + wl + 2 > sizeof(key))
			break;
		if (j == i) {
			if (!townix_may_start(ix, &t->tok[j]))
				break;
			h = t->tok[j].hash;
		} else {
			key[len++] = ' ';
			h = word_hash_step(h, ' ');
			for (size_t k = 0; k < wl; k++)
				h = word_hash_step(h, (unsigned char)w[k]);
		}
		memcpy(key + len, w, wl);
		len += wl;
		const struct slot *s = find(ix, key, len, h);
		if (!s)
			break;
		if (s->count) {
			best = j - i + 1;
			*n_out = collect(ix, s, out, max);
		}
		if (!s->extends)
			break;
	}
	return best;
}

size_t townix_lookup(const struct townix *ix, const char *norm_key, int *out, size_t max)
{
	size_t len = strlen(norm_key);
	const struct slot *s = find(ix, norm_key, len, hash_bytes(norm_key, len));
	return s ? collect(ix, s, out, max) : 0;
}
