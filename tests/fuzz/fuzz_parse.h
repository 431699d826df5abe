/* The parse fuzz targets: fuzz_text.c, fuzz_html.c and fuzz_feed.c define FUZZ_FORMAT. */
#ifndef SITREP_FUZZ_PARSE_H
#define SITREP_FUZZ_PARSE_H
#include <stdlib.h>

#include "fuzz_common.h"
#include "parse/parse.h"
#include "base/strbuf.h"

static void write_doc(void *ctx, struct doc *d)
{
	struct strbuf *sb = ctx;
	strbuf_reset(sb);
	doc_write_json(d, sb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	struct parse_opts opts = { FUZZ_FORMAT, NULL, NULL, NULL, 1 << 20, 0 };
	struct parse_stats stats = { 0, 0, 0, 0 };
	struct strbuf out = STRBUF_INIT;
	FILE *fp = fmemopen((void *)data, size ? size : 1, "rb");
	if (!fp)
		return 0;
	parse_stream(fp, "fuzz.in", &opts, write_doc, &out, &stats);
	fclose(fp);
	strbuf_release(&out);
	return 0;
}

#endif
