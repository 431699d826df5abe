/* rules: loads rules.tsv (and user tables) into checks the extractor applies to triggers. */
#include "lexicon/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "io/tsv.h"
#include "lexicon/embedded.h"

#define RULES_HEADER "name,classes,when,dir,reach,stop,cue,unless,then,fires,spares"

static const struct { const char *name; unsigned flag; } when_names[] = {
	{ "noun", RULE_WHEN_NOUN }, { "verb", RULE_WHEN_VERB }, { "undated", RULE_WHEN_UNDATED },
	{ "after_lead", RULE_WHEN_AFTER_LEAD }, { "not_verb_form", RULE_WHEN_NOT_VERB_FORM },
	{ "undated_clause", RULE_WHEN_UNDATED_CLAUSE },
};

struct load_ctx {
	struct rule_lex *lex;
	const struct cue_lex *cues;
	const char *file;
	int bad;
};

static int bad_cell(struct load_ctx *ctx, unsigned long line, const char *what, const char *cell)
{
	ctx->bad = 1;
	return error("%s:%lu: %s '%s'", ctx->file, line, what, cell);
}

/* "*", "CLASH|ATTACK" or "!AGREEMENT|KILL" (every class but those). */
static int parse_classes(const char *cell, uint32_t *out)
{
	int negate = cell[0] == '!';
	uint32_t mask = 0;
	if (!strcmp(cell, "*")) {
		*out = (1u << EC_COUNT) - 1;
		return 0;
	}
	char buf[256];
	snprintf(buf, sizeof(buf), "%s", cell + negate);
	for (char *save = NULL, *tok = strtok_r(buf, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
		int cls = ev_class_from_name(tok);
		if (cls < 0)
			return -1;
		mask |= 1u << cls;
	}
	*out = negate ? ((1u << EC_COUNT) - 1) & ~mask : mask;
	return mask ? 0 : -1;
}

static int parse_when(const char *cell, unsigned *out)
{
	char buf[256];
	*out = 0;
	if (!cell[0] || !strcmp(cell, "-"))
		return 0;
	snprintf(buf, sizeof(buf), "%s", cell);
	for (char *save = NULL, *tok = strtok_r(buf, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
		size_t i;
		for (i = 0; i < sizeof(when_names) / sizeof(when_names[0]); i++)
			if (!strcmp(tok, when_names[i].name))
				break;
		if (i == sizeof(when_names) / sizeof(when_names[0]))
			return -1;
		*out |= when_names[i].flag;
	}
	return 0;
}

static int parse_stop(const struct cue_lex *cues, const char *cell, enum rule_stop *stop, int *cue)
{
	*cue = -1;
	if (!strcmp(cell, "none") || !strcmp(cell, "-"))
		*stop = RULE_STOP_NONE;
	else if (!strcmp(cell, "punct"))
		*stop = RULE_STOP_PUNCT;
	else if (!strcmp(cell, "clause"))
		*stop = RULE_STOP_CLAUSE;
	else if (!strcmp(cell, "comma"))
		*stop = RULE_STOP_COMMA;
	else if ((*cue = cues_find(cues, cell)) >= 0)
		*stop = RULE_STOP_CUE;
	else
		return -1;
	return 0;
}

static int parse_then(const char *cell, struct rule *r)
{
	if (!strcmp(cell, "drop")) {
		r->then = RULE_DROP;
		return 0;
	}
	if (!strncmp(cell, "retype ", 7)) {
		char name[32];
		int n = 0;
		r->cameo[0] = 0;
		if (sscanf(cell + 7, "%31s %n", name, &n) != 1)
			return -1;
		if (cell[7 + n] && sscanf(cell + 7 + n, "%7s", r->cameo) != 1)
			return -1;
		int cls = ev_class_from_name(name);
		if (cls < 0)
			return -1;
		r->then = RULE_RETYPE;
		r->retype = (enum ev_class)cls;
		return 0;
	}
	return -1;
}

static struct rule *rule_slot(struct rule_lex *lex, const char *name)
{
	for (size_t i = 0; i < lex->n; i++)
		if (!strcmp(lex->r[i].name, name)) {
			free(lex->r[i].fires);
			free(lex->r[i].spares);
			return &lex->r[i];
		}
	if (lex->n == lex->cap) {
		lex->cap = lex->cap ? lex->cap * 2 : 32;
		lex->r = xrealloc(lex->r, lex->cap * sizeof(*lex->r));
	}
	struct rule *r = &lex->r[lex->n++];
	memset(r, 0, sizeof(*r));
	r->name = xstrdup(name);
	return r;
}

static int rule_row(void *vctx, char **f, size_t n, unsigned long line)
{
	struct load_ctx *ctx = vctx;
	struct rule r;
	char *end;
	(void)n;
	memset(&r, 0, sizeof(r));
	if (parse_classes(f[1], &r.classes) < 0)
		return bad_cell(ctx, line, "unknown class in", f[1]);
	if (parse_when(f[2], &r.when) < 0)
		return bad_cell(ctx, line, "unknown condition in", f[2]);
	if (!strcmp(f[3], "before"))
		r.dir = RULE_BEFORE;
	else if (!strcmp(f[3], "after"))
		r.dir = RULE_AFTER;
	else
		return bad_cell(ctx, line, "direction must be before or after, not", f[3]);
	r.reach = (unsigned)strtoul(f[4], &end, 10);
	if (*end || r.reach == 0 || r.reach > 64)
		return bad_cell(ctx, line, "reach must be 1 to 64 tokens, not", f[4]);
	if (parse_stop(ctx->cues, f[5], &r.stop, &r.stop_cue) < 0)
		return bad_cell(ctx, line, "stop must be none, punct, clause, comma or a cue, not", f[5]);
	if ((r.cue = cues_find(ctx->cues, f[6])) < 0)
		return bad_cell(ctx, line, "no such cue", f[6]);
	r.unless = -1;
	if (f[7][0] && strcmp(f[7], "-") && (r.unless = cues_find(ctx->cues, f[7])) < 0)
		return bad_cell(ctx, line, "no such cue", f[7]);
	if (parse_then(f[8], &r) < 0)
		return bad_cell(ctx, line, "then must be drop or 'retype CLASS [CAMEO]', not", f[8]);
	if (!f[9][0] || !f[10][0])
		return bad_cell(ctx, line, "a rule needs both examples (fires, spares):", f[0]);
	struct rule *slot = rule_slot(ctx->lex, f[0]);
	char *name = slot->name;
	*slot = r;
	slot->name = name;
	slot->fires = xstrdup(f[9]);
	slot->spares = xstrdup(f[10]);
	return 0;
}

struct rule_lex *rules_load(const char *const *user_files, size_t n_user, const struct cue_lex *cues)
{
	struct rule_lex *lex = xcalloc(1, sizeof(*lex));
	const struct embedded_file *ef = embedded_find("src/data/rules.tsv");
	struct load_ctx ctx = { lex, cues, "src/data/rules.tsv", 0 };
	if (!ef || tsv_parse(ef->data, ef->len, ef->name, RULES_HEADER, rule_row, &ctx) != 0 || ctx.bad)
		goto fail;
	for (size_t u = 0; u < n_user; u++) {
		ctx.file = user_files[u];
		if (tsv_parse_file(user_files[u], RULES_HEADER, rule_row, &ctx) != 0 || ctx.bad)
			goto fail;
	}
	return lex;
fail:
	rules_free(lex);
	return NULL;
}

void rules_free(struct rule_lex *lex)
{
	if (!lex)
		return;
	for (size_t i = 0; i < lex->n; i++) {
		free(lex->r[i].name);
		free(lex->r[i].fires);
		free(lex->r[i].spares);
	}
	free(lex->r);
	free(lex);
}

const char *rule_then_name(const struct rule *r)
{
	return r->then == RULE_DROP ? "drop" : "retype";
}
