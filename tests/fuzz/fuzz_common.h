/* Shared helpers of the libFuzzer targets (one per input entry point). */
#ifndef SITREP_FUZZ_COMMON_H
#define SITREP_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "io/doc.h"
#include "base/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* sitrep's messages and output go nowhere; the fuzzer's reports keep stderr. */
static inline void fuzz_quiet(void)
{
	static int done;
	if (!done) {
		sitrep_silent = 1;
		if (!freopen("/dev/null", "w", stdout))
			abort();
		done = 1;
	}
}

static inline void fuzz_sink_discard(void *ctx, struct doc *d)
{
	(void)ctx;
	(void)d;
}

#endif
