/* Fuzz target: the --meta CSV table. */
#include "fuzz_common.h"
#include "parse/meta.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	struct meta_table t;
	FILE *fp = fmemopen((void *)data, size ? size : 1, "rb");
	if (!fp)
		return 0;
	if (meta_load_stream(&t, fp, "fuzz.csv") == 0) {
		meta_find(&t, "a");
		meta_release(&t);
	}
	fclose(fp);
	return 0;
}
