/* Fuzz target: `sitrep dedup` on arbitrary record lines; the first byte picks the window
 * and how many keys are sorted in memory at a time (small ones exercise the runs on disk). */
#include <string.h>

#include "dedup/dedup.h"
#include "fuzz_common.h"

static int discard(void *ctx, const char *line, size_t len)
{
	(void)ctx;
	(void)line;
	(void)len;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	if (size < 1)
		return 0;
	struct dedup_opts opts = { data[0] & 3, (data[0] >> 2 & 3) * 20.0, NULL,
				   (size_t)(data[0] >> 4) + 1 };
	struct deduper *d = deduper_new(&opts, discard, NULL);
	if (!d)
		abort();
	const char *p = (const char *)data + 1, *end = (const char *)data + size;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (deduper_add(d, p, len, "fuzz") < 0)
			abort();
		p += len + 1;
	}
	if (deduper_finish(d) < 0)
		abort();
	deduper_free(d);
	return 0;
}
