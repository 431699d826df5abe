/* frames: loads frames.tsv (class, needs, about) and evidence.tsv (name, weight, about). */
#include "lexicon/frames.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "io/tsv.h"
#include "lexicon/embedded.h"

#define FRAMES_HEADER "class,needs,prior,about"
#define EVIDENCE_HEADER "name,weight,about"

static const char *const names[EV_COUNT] = {
#define EVIDENCE_STRING(name) #name,
	EVIDENCE_NAMES(EVIDENCE_STRING)
#undef EVIDENCE_STRING
};

const char *evidence_name(enum evidence ev)
{
	return names[ev];
}

static int evidence_from_name(const char *name, size_t len)
{
	for (int i = 0; i < EV_COUNT; i++)
		if (strlen(names[i]) == len && !strncmp(names[i], name, len))
			return i;
	return -1;
}

struct load_ctx {
	struct frame_lex *lex;
	const char *file;
	int seen[EC_COUNT];
};

/* "armed|weapon+conflict_doc": terms joined by |, evidence within a term by +. */
static int parse_needs(const char *cell, struct frame *f)
{
	memset(f, 0, sizeof(*f));
	for (const char *p = cell; *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		unsigned term = 0;
		for (size_t i = 0; i < len;) {
			size_t j = i;
			while (j < len && p[j] != '+')
				j++;
			int ev = evidence_from_name(p + i, j - i);
			if (ev < 0 || f->n_terms == FRAME_MAX_TERMS)
				return -1;
			term |= 1u << ev;
			i = j + 1;
		}
		if (!term)
			return -1;
		f->term[f->n_terms++] = term;
		p += len + (bar != NULL);
	}
	return f->n_terms ? 0 : -1;
}

static int frame_row(void *vctx, char **f, size_t n, unsigned long line)
{
	struct load_ctx *ctx = vctx;
	(void)n;
	int cls = ev_class_from_name(f[0]);
	struct frame *fr = cls >= 0 ? &ctx->lex->frame[cls] : &ctx->lex->off_topic;
	if (cls < 0 && strcmp(f[0], "OFF_TOPIC") != 0)
		return error("%s:%lu: unknown class '%s'", ctx->file, line, f[0]);
	char *end;
	double prior = f[2][0] ? strtod(f[2], &end) : 0;
	if (f[2][0] && (*end || prior < 0 || prior >= 1))
		return error("%s:%lu: prior must be a number from 0 to below 1, not '%s'", ctx->file, line,
			     f[2]);
	if (cls >= 0)
		ctx->lex->prior[cls] = prior;
	if (parse_needs(f[1], fr) < 0)
		return error("%s:%lu: needs must be evidence names joined by + and |, not '%s'",
			     ctx->file, line, f[1]);
	if (cls >= 0)
		ctx->seen[cls] = 1;
	return 0;
}

static int evidence_row(void *vctx, char **f, size_t n, unsigned long line)
{
	struct load_ctx *ctx = vctx;
	char *end;
	(void)n;
	int ev = evidence_from_name(f[0], strlen(f[0]));
	double w = strtod(f[1], &end);
	if (ev < 0)
		return error("%s:%lu: unknown evidence '%s'", ctx->file, line, f[0]);
	if (*end || w < 0 || w >= 1)
		return error("%s:%lu: weight must be a number from 0 to below 1, not '%s'", ctx->file,
			     line, f[1]);
	ctx->lex->weight[ev] = w;
	return 0;
}

struct frame_lex *frames_load(const char *const *user_files, size_t n_user)
{
	struct frame_lex *lex = xcalloc(1, sizeof(*lex));
	struct load_ctx ctx;
	memset(&ctx, 0, sizeof(ctx));
	ctx.lex = lex;
	const struct embedded_file *ef = embedded_find("src/data/frames.tsv");
	const struct embedded_file *ew = embedded_find("src/data/evidence.tsv");
	ctx.file = "src/data/frames.tsv";
	if (!ef || tsv_parse(ef->data, ef->len, ef->name, FRAMES_HEADER, frame_row, &ctx) != 0)
		goto fail;
	ctx.file = "src/data/evidence.tsv";
	if (!ew || tsv_parse(ew->data, ew->len, ew->name, EVIDENCE_HEADER, evidence_row, &ctx) != 0)
		goto fail;
	for (size_t u = 0; u < n_user; u++) {
		ctx.file = user_files[u];
		if (tsv_parse_file(user_files[u], FRAMES_HEADER, frame_row, &ctx) != 0)
			goto fail;
	}
	for (int c = 0; c < EC_COUNT; c++)
		if (!ctx.seen[c]) {
			error("src/data/frames.tsv: no frame for class %s", ev_class_name((enum ev_class)c));
			goto fail;
		}
	return lex;
fail:
	free(lex);
	return NULL;
}

void frames_free(struct frame_lex *lex)
{
	free(lex);
}

static int one_term_met(const struct frame *f, unsigned evidence)
{
	for (size_t i = 0; i < f->n_terms; i++)
		if ((f->term[i] & evidence) == f->term[i])
			return 1;
	return f->n_terms == 0;
}

int frame_met(const struct frame_lex *lex, enum ev_class cls, unsigned evidence)
{
	if ((evidence & (1u << EV_off_topic)) && !one_term_met(&lex->off_topic, evidence))
		return 0;
	return one_term_met(&lex->frame[cls], evidence);
}

const char *frame_describe(const struct frame_lex *lex, enum ev_class cls, char *buf, size_t size)
{
	const struct frame *f = (int)cls < 0 ? &lex->off_topic : &lex->frame[cls];
	size_t used = 0;
	buf[0] = 0;
	for (size_t i = 0; i < f->n_terms && used < size; i++) {
		int first = 1;
		if (i)
			used += (size_t)snprintf(buf + used, size - used, "|");
		for (int ev = 0; ev < EV_COUNT && used < size; ev++)
			if (f->term[i] & (1u << ev)) {
				used += (size_t)snprintf(buf + used, size - used, "%s%s", first ? "" : "+", names[ev]);
				first = 0;
			}
	}
	return buf;
}
