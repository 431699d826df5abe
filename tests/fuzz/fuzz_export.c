/* Fuzz target: `sitrep export` on arbitrary record lines, in every streaming format. */
#include <string.h>

#include "export/export.h"
#include "fuzz_common.h"
#include "io/schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct schema_set schemas;
	static int loaded;
	fuzz_quiet();
	if (!loaded) {
		if (schema_load_all(&schemas) < 0)
			abort();
		loaded = 1;
	}
	if (size < 1)
		return 0;
	static const enum export_format formats[] = { EXPORT_CSV, EXPORT_TSV, EXPORT_JSONL,
		EXPORT_JSON, EXPORT_GEOJSON };
	struct export_opts opts;
	memset(&opts, 0, sizeof(opts));
	opts.format = formats[data[0] % 5];
	opts.raw = data[0] & 8;
	opts.table = (data[0] & 16) ? "records" : "events";
	struct exporter *x = exporter_new(&opts, &schemas);
	if (!x)
		abort();
	const char *p = (const char *)data + 1, *end = (const char *)data + size;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		exporter_add_line(x, p, len, "fuzz");
		p += len + 1;
	}
	exporter_finish(x);
	exporter_free(x);
	return 0;
}
