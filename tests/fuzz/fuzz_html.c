/* Fuzz target: `sitrep parse` on HTML pages. */
#define FUZZ_FORMAT FORMAT_HTML
#include "fuzz_parse.h"
