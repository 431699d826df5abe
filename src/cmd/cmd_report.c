/* cmd_report: `sitrep report` options and exit status. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "base/util.h"
#include "io/linereader.h"
#include "io/recread.h"
#include "report/report.h"

static const char report_usage[] =
	"usage: sitrep report [OPTIONS] [FILE...]\n\n"
	"Reads records (JSON Lines: events, and documents and mentions where present) and writes\n"
	"one self-contained HTML page: a map of the events zoomed to where they are, events over\n"
	"time, counts by type, country, admin1 and actor, and a table of every event that sorts\n"
	"and filters. Everything is inline (styles, SVG, a small script): the page loads nothing\n"
	"from the network and opens offline. With no FILE, reads standard input.\n\n"
	"  -o, --output FILE  write the page to FILE (default standard output)\n"
	"  -t, --title TEXT   the page's title (default \"sitrep report\")\n"
	"      --strict       stop at the first rejected record (exit 1)\n"
	"  -h, --help         this text\n\n"
	"Memory grows with the number of events (a few hundred bytes each), as the page does:\n"
	"10,000 events make a page of about 2 MB.\n";

static int on_record(void *ctx, const struct jvalue *rec, const char *line, size_t len,
		     const char *where)
{
	(void)rec; /* raw mode: the report parses only the record types it shows */
	return report_add_line(ctx, line, len, where);
}

int cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "title", required_argument, NULL, 't' },
		{ "strict", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct report_opts ro = { NULL, "sitrep " SITREP_VERSION };
	const char *output = NULL;
	int c, strict = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:t:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 't': ro.title = optarg; break;
		case 's': strict = 1; break;
		case 'h':
			fputs(report_usage, stdout);
			return finish_stdout();
		default:
			fputs(report_usage, stderr);
			return EXIT_USAGE;
		}
	}
	struct report *r = report_new(&ro);
	if (!r)
		return EXIT_IO;
	struct recread_stats rs = { 0, 0, 0 };
	recread_files(argv + optind, (size_t)(argc - optind), LINEREADER_DEFAULT_MAX,
		      RECREAD_RAW | (strict ? RECREAD_STRICT : 0), on_record, r, &rs);
	int failed;
	if (output) {
		failed = report_write_file(r, output) < 0;
	} else {
		failed = report_write(r, stdout) < 0;
		if (failed && ferror(stdout))
			out_failed();
	}
	report_free(r);
	int rc = cmd_account("report", "records", rs.in, rs.in - rs.rejected, rs.rejected,
			     rs.io_errors);
	return failed ? EXIT_IO : rc;
}
