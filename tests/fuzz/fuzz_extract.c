/* Fuzz target: `sitrep extract` on an arbitrary document record (first byte odd) or an
 * arbitrary article text with a publication date (first byte even). */
#include <string.h>

#include "parse/article.h"
#include "extract/extract.h"
#include "fuzz_common.h"
#include "io/json.h"
#include "base/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct extractor *ex;
	fuzz_quiet();
	if (!ex) {
		struct extract_opts opts;
		memset(&opts, 0, sizeof(opts));
		opts.explain = 1;
		ex = extractor_new(&opts);
		if (!ex)
			abort();
	}
	if (size < 1)
		return 0;
	struct doc d;
	struct strbuf out = STRBUF_INIT, explain = STRBUF_INIT;
	doc_init(&d);
	if (data[0] & 1) {
		size_t off;
		struct jvalue *rec = json_parse((const char *)data + 1, size - 1, &off);
		const char *why;
		if (rec && doc_read_json(&d, rec, &why) == 0)
			extractor_run(ex, &d, &out, &explain);
		json_free(rec);
	} else {
		d.doc_id = strdup("fuzz");
		doc_set_published(&d, "2021-08-08", DATE_OPTION);
		/* Text reaches extract as valid UTF-8 (parse repairs it): keep that contract. */
		article_from_bytes(&d, (const char *)data + 1, size - 1, 0);
		extractor_run(ex, &d, &out, &explain);
	}
	doc_release(&d);
	strbuf_release(&out);
	strbuf_release(&explain);
	return 0;
}
