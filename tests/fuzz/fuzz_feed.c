/* Fuzz target: `sitrep parse` on JSON Lines feeds. */
#define FUZZ_FORMAT FORMAT_JSONL
#include "fuzz_parse.h"
