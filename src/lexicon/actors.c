/* actors: loads actors.tsv into a phrase index. */
#include "lexicon/actors.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon/embedded.h"
#include "text/phrase.h"
#include "io/tsv.h"
#include "base/util.h"

#define ACTOR_HEADER "name,aliases,inter,iso3,kind"

struct load_ctx {
	struct actor_lex *lex;
	const char *name;
};

static int kind_from_name(const char *s)
{
	static const char *const names[] = { "group", "force", "generic", "anaphor" };
	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return strcmp(s, "local") == 0 ? AK_GROUP : -1; /* a group at home only */
}

static void add_alias_list(struct phrase_index *ix, const char *list, int payload)
{
	const char *p = list;
	while (*p) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (len) {
			char *a = xstrndup(p, len);
			phrase_add(ix, a, payload);
			free(a);
		}
		if (!bar)
			break;
		p = bar + 1;
	}
}

static int actor_row(void *vctx, char **f, size_t n, unsigned long line)
{
	struct load_ctx *ctx = vctx;
	struct actor_lex *lex = ctx->lex;
	int kind = kind_from_name(f[4]);
	char *end;
	long inter = *f[2] ? strtol(f[2], &end, 10) : 0;
	(void)n;
	if (kind < 0)
		return error("%s:%lu: unknown actor kind '%s'", ctx->name, line, f[4]);
	if (*f[2] && (*end || inter < 1 || inter > 8))
		return error("%s:%lu: inter must be 1-8, not '%s'", ctx->name, line, f[2]);
	int idx = -1;
	for (size_t i = 0; i < lex->n; i++)
		if (strcmp(lex->defs[i].name, f[0]) == 0 && lex->defs[i].kind == (enum actor_kind)kind)
			idx = (int)i;
	if (idx < 0) {
		lex->defs = xrealloc(lex->defs, (lex->n + 1) * sizeof(*lex->defs));
		idx = (int)lex->n++;
		lex->defs[idx].name = xstrdup(f[0]);
	}
	struct actor_def *d = &lex->defs[idx];
	d->inter = (int)inter;
	snprintf(d->iso3, sizeof(d->iso3), "%s", f[3]);
	d->kind = (enum actor_kind)kind;
	d->home_only = strcmp(f[4], "local") == 0 && *f[3];
	if (kind == AK_GROUP)
		phrase_add(lex->ix, f[0], idx);
	add_alias_list(lex->ix, f[1], idx);
	return 0;
}

struct actor_lex *actors_load(const char *const *user_files, size_t n_user)
{
	struct actor_lex *lex = xcalloc(1, sizeof(*lex));
	const struct embedded_file *ef = embedded_find("src/data/actors.tsv");
	struct load_ctx ctx = { lex, "src/data/actors.tsv" };
	lex->ix = phrase_new();
	if (!ef || tsv_parse(ef->data, ef->len, ctx.name, ACTOR_HEADER, actor_row, &ctx) < 0)
		goto fail;
	for (size_t i = 0; i < n_user; i++) {
		ctx.name = user_files[i];
		if (tsv_parse_file(user_files[i], ACTOR_HEADER, actor_row, &ctx) < 0)
			goto fail;
	}
	const struct actor_def *mil = actors_find(lex, "Military Forces");
	const struct actor_def *pol = actors_find(lex, "Police Forces");
	lex->military = mil ? (int)(mil - lex->defs) : -1;
	lex->police = pol ? (int)(pol - lex->defs) : -1;
	lex->generic = xmalloc((lex->n + 1) * sizeof(*lex->generic));
	for (size_t i = 0; i < lex->n; i++)
		if (lex->defs[i].kind == AK_GENERIC)
			lex->generic[lex->n_generic++] = (int)i;
	return lex;
fail:
	actors_free(lex);
	return NULL;
}

void actors_free(struct actor_lex *lex)
{
	if (!lex)
		return;
	for (size_t i = 0; i < lex->n; i++)
		free(lex->defs[i].name);
	free(lex->defs);
	free(lex->generic);
	phrase_free(lex->ix);
	free(lex);
}

size_t actors_match(const struct actor_lex *lex, const struct tokens *t, size_t i, size_t limit,
		    int *out, size_t max, size_t *n_out)
{
	return phrase_match(lex->ix, t, i, limit, out, max, n_out);
}

const struct actor_def *actors_find(const struct actor_lex *lex, const char *name)
{
	for (size_t i = 0; i < lex->n; i++)
		if (strcmp(lex->defs[i].name, name) == 0)
			return &lex->defs[i];
	return NULL;
}
