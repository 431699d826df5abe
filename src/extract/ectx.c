/* ectx: the extraction context's own tools: its string pool, the lookup tables over its
 * mention arrays, sentence bounds, and actor names made once per run. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "extract/ectx.h"

const char *ectx_strdup(struct ectx *cx, const char *s, size_t len)
{
	return arena_strndup(&cx->strings, s, len);
}

/* name(cx, pos): the first element of arr whose key is at or after pos, by binary search
 * (ectx.h's *_lower ask the table once index_name has made it: table[pos] for pos up to
 * domain). */
#define LOWER_BOUND(name, index_name, arr, n, table, domain, key)                        \
	size_t name(const struct ectx *cx, size_t pos)                                  \
	{                                                                               \
		size_t lo = 0, hi = cx->n;                                              \
		while (lo < hi) {                                                       \
			size_t mid = lo + (hi - lo) / 2;                                \
			if (key(mid) < pos)                                             \
				lo = mid + 1;                                           \
			else                                                            \
				hi = mid;                                               \
		}                                                                       \
		return lo;                                                              \
	}                                                                               \
	static void index_name(struct ectx *cx)                                         \
	{                                                                               \
		size_t dom = (domain), k = 0;                                           \
		free(cx->table);                                                        \
		cx->table = xmalloc((dom + 1) * sizeof(*cx->table));                    \
		for (size_t pos = 0; pos <= dom; pos++) {                               \
			while (k < cx->n && key(k) < pos)                               \
				k++;                                                    \
			cx->table[pos] = (uint32_t)k;                                   \
		}                                                                       \
	}

#define PM_KEY(i) cx->pm[i].first
#define AM_KEY(i) cx->am[i].first
#define DM_KEY(i) cx->dm[i].first
#define CL_KEY(i) cx->t.tok[cx->cl[i].verb].sentence
#define CAS_KEY(i) cx->t.tok[cx->cas[i].pos].sentence
LOWER_BOUND(pm_search, index_pm, pm, n_pm, pm_at, cx->t.n, PM_KEY)
LOWER_BOUND(am_search, index_am, am, n_am, am_at, cx->t.n, AM_KEY)
LOWER_BOUND(dm_search, index_dm, dm, n_dm, dm_at, cx->t.n, DM_KEY)
LOWER_BOUND(cl_search, index_cl, cl, n_cl, cl_at, cx->t.n_sent, CL_KEY)
LOWER_BOUND(cas_search, index_cas, cas, n_cas, cas_at, cx->t.n_sent, CAS_KEY)

void index_mentions(struct ectx *cx)
{
	index_pm(cx);
	index_am(cx);
}

void index_dates(struct ectx *cx)
{
	index_dm(cx);
}

void index_claims(struct ectx *cx)
{
	index_cl(cx);
}

void index_casualties(struct ectx *cx)
{
	index_cas(cx);
}

int place_country(const struct ectx *cx, int place_idx)
{
	return place_idx < 0 ? -1 : gz_place(cx->ex->gz, place_idx)->country;
}

static size_t name_slot(const struct name_cache *nc, const char *base, int country)
{
	size_t h = ((uintptr_t)base >> 3) * 31 + (size_t)country;
	size_t mask = nc->cap - 1;
	size_t i = h & mask;
	while (nc->e[i].base && (nc->e[i].base != base || nc->e[i].country != country))
		i = (i + 1) & mask;
	return i;
}

static const char *cached_name(struct ectx *cx, const char *base, int country)
{
	const struct name_cache *nc = cx->ex->names;
	return nc->cap ? nc->e[name_slot(nc, base, country)].name : NULL;
}

/* name is a string made with strbuf; the cache takes it. */
static const char *remember_name(struct ectx *cx, const char *base, int country, char *name)
{
	struct name_cache *nc = cx->ex->names;
	if ((nc->used + 1) * 2 > nc->cap) {
		struct name_entry *old = nc->e;
		size_t old_cap = nc->cap;
		nc->cap = old_cap ? old_cap * 2 : 64;
		nc->e = xcalloc(nc->cap, sizeof(*nc->e));
		for (size_t i = 0; i < old_cap; i++)
			if (old[i].base)
				nc->e[name_slot(nc, old[i].base, old[i].country)] = old[i];
		free(old);
	}
	struct name_entry *e = &nc->e[name_slot(nc, base, country)];
	e->base = base;
	e->country = country;
	e->name = name;
	nc->used++;
	return name;
}

static char *compose(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *compose(const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	return strbuf_detach(&sb, NULL);
}

const char *ectx_actor_name(struct ectx *cx, const char *base, int country)
{
	if (country < 0)
		return base;
	const char *name = cached_name(cx, base, country);
	if (name)
		return name;
	return remember_name(cx, base, country,
			     compose("%s (%s)", base, cx->ex->gz->countries[country].name));
}

const char *state_force_name(struct ectx *cx, int country, int police)
{
	static const char *const kinds[2] = { "Military Forces", "Police Forces" };
	if (country < 0)
		return kinds[police != 0];
	const char *cached = cached_name(cx, kinds[police != 0], country);
	if (cached)
		return cached;
	const struct country *c = &cx->ex->gz->countries[country];
	/* "the United States", "the Philippines": ACLED keeps the article (countries.tsv). */
	return remember_name(cx, kinds[police != 0], country,
			     compose("%s Forces of %s%s%s", police ? "Police" : "Military", c->article,
				     *c->article ? " " : "", c->name));
}

/* --- context words ---------------------------------------------------------------------- */
