/* cmd_common: what every subcommand reports at its end. */
#include <stdio.h>

#include "cmd/cmd.h"
#include "base/util.h"

int cmd_account(const char *stage, const char *unit, unsigned long in, unsigned long out,
		unsigned long rejected, int io_errors)
{
	if (rejected || io_errors)
		fprintf(stderr, "sitrep: %s: %lu %s in, %lu out, %lu rejected%s (see above)\n", stage,
			in, unit, out, rejected, io_errors ? ", some inputs unreadable" : "");
	int status = finish_stdout();
	if (status != EXIT_OK)
		return status;
	if (io_errors)
		return EXIT_IO;
	return rejected ? EXIT_REJECTED : EXIT_OK;
}
