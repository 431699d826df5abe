/* caslex: loads casualties.tsv; each inflection in a row becomes its own phrase. */
#include "lexicon/caslex.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "io/tsv.h"
#include "lexicon/embedded.h"

struct load_ctx {
	struct cas_lex *lex;
	const char *name;
};

static int parse_kind(const char *s, int *kind)
{
	static const char *const names[] = { "killed", "injured", "detained" };
	for (int k = 0; k < 3; k++)
		if (!strcmp(s, names[k])) {
			*kind = k;
			return 0;
		}
	if (!strcmp(s, "-")) {
		*kind = -1;
		return 0;
	}
	return -1;
}

static int parse_voice(const struct load_ctx *ctx, unsigned long line, const char *s, unsigned *voice)
{
	*voice = 0;
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case 'a': *voice |= CV_ACTIVE; break;
		case 'p': *voice |= CV_PASSIVE; break;
		case 'd': *voice |= CV_TO_DEATH; break;
		case 'n': *voice |= CV_NOMINAL; break;
		case 'c': *voice |= CV_COUNTED; break;
		case '-': case ' ': case ',': break;
		default:
			return error("%s:%lu: unknown voice '%c' (a, p, d, n, c)", ctx->name, line, *p);
		}
	}
	return 0;
}

static int casualty_row(void *vctx, char **f, size_t n, unsigned long line)
{
	struct load_ctx *ctx = vctx;
	struct cas_lex *lex = ctx->lex;
	int kind;
	unsigned voice;
	(void)n;
	if (parse_kind(f[1], &kind) < 0)
		return error("%s:%lu: unknown kind '%s' (killed, injured, detained, -)", ctx->name,
			     line, f[1]);
	if (parse_voice(ctx, line, f[2], &voice) < 0)
		return -1;
	if (kind < 0)
		return 0; /* a trigger only */
	if (!voice)
		return error("%s:%lu: a casualty phrase needs a voice (a, p, d, n, c)", ctx->name, line);
	for (const char *p = f[0]; *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		while (len && *p == ' ') {
			p++;
			len--;
		}
		while (len && p[len - 1] == ' ')
			len--;
		if (len) {
			lex->defs = xrealloc(lex->defs, (lex->n + 1) * sizeof(*lex->defs));
			struct cas_def *d = &lex->defs[lex->n];
			d->phrase = xstrndup(p, len);
			d->kind = (enum casualty_kind)kind;
			d->voice = voice;
			phrase_add(lex->ix, d->phrase, (int)lex->n);
			lex->n++;
		}
		if (!bar)
			break;
		p = bar + 1;
	}
	return 0;
}

struct cas_lex *caslex_load(const char *const *user_files, size_t n_user)
{
	struct cas_lex *lex = xcalloc(1, sizeof(*lex));
	const struct embedded_file *ef = embedded_find(CASLEX_EMBEDDED);
	struct load_ctx ctx = { lex, CASLEX_EMBEDDED };
	lex->ix = phrase_new();
	if (!ef || tsv_parse(ef->data, ef->len, ctx.name, CASLEX_HEADER, casualty_row, &ctx) < 0)
		goto fail;
	for (size_t i = 0; i < n_user; i++) {
		ctx.name = user_files[i];
		if (tsv_parse_file(user_files[i], CASLEX_HEADER, casualty_row, &ctx) < 0)
			goto fail;
	}
	return lex;
fail:
	caslex_free(lex);
	return NULL;
}

void caslex_free(struct cas_lex *lex)
{
	if (!lex)
		return;
	for (size_t i = 0; i < lex->n; i++)
		free(lex->defs[i].phrase);
	free(lex->defs);
	phrase_free(lex->ix);
	free(lex);
}

const struct cas_def *caslex_at(const struct cas_lex *lex, const struct tokens *t, size_t i,
				size_t limit, unsigned voices, size_t *len)
{
	int out[8];
	size_t n;
	if (i >= limit || !phrase_may_start(lex->ix, &t->tok[i]))
		return NULL;
	size_t l = phrase_match(lex->ix, t, i, limit, out, 8, &n);
	if (!l || !n)
		return NULL;
	const struct cas_def *d = &lex->defs[out[n - 1]]; /* the last row for the phrase wins */
	if (!(d->voice & voices))
		return NULL;
	*len = l;
	return d;
}
