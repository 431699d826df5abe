/* Fuzz target: the gazetteer TSV loader (user files), then lookups through what loaded. */
#include "fuzz_common.h"
#include "lexicon/gazetteer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	struct gazetteer *gz = gazetteer_countries_only();
	if (!gz)
		abort();
	gazetteer_add_text(gz, (const char *)data, size, "fuzz.tsv");
	int cand[16];
	for (size_t i = 0; i < gz->n && i < 8; i++)
		gazetteer_lookup(gz, gz_place(gz, i)->name, cand, 16);
	gazetteer_free(gz);
	return 0;
}
