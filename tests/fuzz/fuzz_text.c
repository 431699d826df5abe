/* Fuzz target: `sitrep parse` on plain-text articles. */
#define FUZZ_FORMAT FORMAT_TEXT
#include "fuzz_parse.h"
