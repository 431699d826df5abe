/* triggers: loads triggers.tsv; each inflection in a row becomes its own phrase. */
#include "lexicon/triggers.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon/embedded.h"
#include "text/phrase.h"
#include "io/tsv.h"
#include "base/util.h"

#define TRIGGER_HEADER "phrase,class,cameo,flags"

static const char *const class_names[EC_COUNT] = {
	"CLASH", "TERRITORY", "AIRSTRIKE", "SUICIDE", "SHELLING", "IED", "GRENADE", "CHEMICAL",
	"SEXUAL", "ATTACK", "ABDUCTION", "PROTEST", "PROTEST_INTERVENTION", "PROTEST_FORCE", "RIOT",
	"MOB", "AGREEMENT", "ARREST", "CHANGE_GROUP", "DISRUPTED", "BASE", "LOOTING", "TRANSFER",
	"OTHER", "KILL", "CAPTURE_PLACE"
};

const char *ev_class_name(enum ev_class cls)
{
	return class_names[cls];
}

int ev_class_from_name(const char *name)
{
	for (int i = 0; i < EC_COUNT; i++)
		if (strcmp(name, class_names[i]) == 0)
			return i;
	return -1;
}

struct load_ctx {
	struct trigger_lex *lex;
	const char *name;
};

static int trigger_row(void *vctx, char **f, size_t n, unsigned long line)
{
	struct load_ctx *ctx = vctx;
	struct trigger_lex *lex = ctx->lex;
	int cls = -1;
	unsigned flags = 0;
	(void)n;
	for (int i = 0; i < EC_COUNT; i++)
		if (strcmp(f[1], class_names[i]) == 0)
			cls = i;
	if (cls < 0)
		return error("%s:%lu: unknown event class '%s'", ctx->name, line, f[1]);
	for (const char *p = f[3]; *p; p++) {
		switch (*p) {
		case 'v': flags |= TR_VERB; break;
		case 'n': flags |= TR_NOUN; break;
		case 'f': flags |= TR_FALL; break;
		case 'w': flags |= TR_WEAK; break;
		case 'b': flags |= TR_BLOCK; break;
		case 's': flags |= TR_STATIVE; break;
		case 'x': flags |= TR_SPECIFIC; break;
		case ' ': case ',': break;
		default:
			return error("%s:%lu: unknown flag '%c'", ctx->name, line, *p);
		}
	}
	const char *p = f[0];
	while (*p) {
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
			struct trigger_def *d = &lex->defs[lex->n];
			d->phrase = xstrndup(p, len);
			d->cls = (enum ev_class)cls;
			snprintf(d->cameo, sizeof(d->cameo), "%s", f[2]);
			d->flags = flags;
			phrase_add(lex->ix, d->phrase, (int)lex->n);
			lex->n++;
		}
		if (!bar)
			break;
		p = bar + 1;
	}
	return 0;
}

struct trigger_lex *triggers_load(const char *const *user_files, size_t n_user)
{
	struct trigger_lex *lex = xcalloc(1, sizeof(*lex));
	const struct embedded_file *ef = embedded_find("src/data/triggers.tsv");
	struct load_ctx ctx = { lex, "src/data/triggers.tsv" };
	lex->ix = phrase_new();
	if (!ef || tsv_parse(ef->data, ef->len, ctx.name, TRIGGER_HEADER, trigger_row, &ctx) < 0)
		goto fail;
	for (size_t i = 0; i < n_user; i++) {
		ctx.name = user_files[i];
		if (tsv_parse_file(user_files[i], TRIGGER_HEADER, trigger_row, &ctx) < 0)
			goto fail;
	}
	return lex;
fail:
	triggers_free(lex);
	return NULL;
}

void triggers_free(struct trigger_lex *lex)
{
	if (!lex)
		return;
	for (size_t i = 0; i < lex->n; i++)
		free(lex->defs[i].phrase);
	free(lex->defs);
	phrase_free(lex->ix);
	free(lex);
}

size_t triggers_match(const struct trigger_lex *lex, const struct tokens *t, size_t i,
		      size_t limit, int *out, size_t max, size_t *n_out)
{
	return phrase_match(lex->ix, t, i, limit, out, max, n_out);
}
