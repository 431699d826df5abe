/* fixture: one extractor per test case, run on texts written for the tests. */
#include "fixture.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "extract/extract.h"
#include "io/doc.h"

static struct extractor *ex;

void extractor_up(void)
{
	struct extract_opts opts;
	memset(&opts, 0, sizeof(opts));
	ex = extractor_new(&opts);
	ck_assert_ptr_nonnull(ex);
}

void extractor_down(void)
{
	extractor_free(ex);
}

void extract_text(struct records *r, const char *text, const char *published, const char *type)
{
	struct doc d;
	struct strbuf out = STRBUF_INIT;
	doc_init(&d);
	d.doc_id = strdup("t");
	if (published)
		doc_set_published(&d, published, DATE_OPTION);
	strbuf_addstr(&d.text, text);
	extractor_run(ex, &d, &out, NULL);
	r->n = 0;
	for (char *p = out.buf, *nl; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		size_t off;
		struct jvalue *v = json_parse(p, (size_t)(nl - p), &off);
		ck_assert_ptr_nonnull(v);
		if ((!type || strcmp(json_get_str(v, "type"), type) == 0) && r->n < RECORDS_MAX)
			r->rec[r->n++] = v;
		else
			json_free(v);
	}
	strbuf_release(&out);
	doc_release(&d);
}

void records_release(struct records *r)
{
	for (size_t i = 0; i < r->n; i++)
		json_free(r->rec[i]);
	r->n = 0;
}

const struct jvalue *records_nth(const struct records *r, const char *type, size_t k)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(json_get_str(r->rec[i], "type"), type) && k-- == 0)
			return r->rec[i];
	return NULL;
}

size_t records_count(const struct records *r, const char *type)
{
	size_t n = 0;
	while (records_nth(r, type, n))
		n++;
	return n;
}
