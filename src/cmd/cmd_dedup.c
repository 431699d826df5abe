/* cmd_dedup: `sitrep dedup`: merges the events of different documents that report one event. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/util.h"
#include "cmd/cmd.h"
#include "dedup/dedup.h"
#include "io/linereader.h"
#include "io/recread.h"

static const char dedup_usage[] =
	"usage: sitrep dedup [OPTIONS] [FILE...]\n\n"
	"Reads records (extract's output, from many documents, in any order) and writes them\n"
	"again with the events of different documents that report one event merged into one\n"
	"event record: a new event_id (m:ID), source_count, every publisher in source, the\n"
	"best-supported date, the most precise place, the most specific type and the most\n"
	"conservative fatalities (fatalities_low and fatalities_high span the reports). Each\n"
	"original event becomes a mention record that links it to its merged event. Other\n"
	"records, and events that cannot be matched, pass through as they come; the merged\n"
	"events and their mentions follow, roughly by date.\n\n"
	"Two events merge only if they come from different documents, are in the same country,\n"
	"their dates are within --days (widened for dates known to the week or month), their\n"
	"places agree (the same place, one inside the other's province or district, or points\n"
	"within --km), their types are compatible and their actors do not contradict. See\n"
	"sitrep(1), DEDUPLICATION.\n\n"
	"      --days N     days two reports' dates may differ by (default 1; none when both\n"
	"                   were written as calendar days)\n"
	"      --km N       kilometres two reported points may be apart (default 25)\n"
	"      --explain    print on stderr why each pair of candidate events merged or not\n"
	"      --buffer N   events sorted in memory at a time (default 262144, about 30 MB);\n"
	"                   more are sorted in runs on disk ($TMPDIR, else /tmp)\n"
	"  -q, --quiet      no summary line and no warnings\n"
	"  -h, --help       this text\n";

struct out_buf {
	struct strbuf sb;
};

static int to_stdout(void *ctx, const char *line, size_t len)
{
	struct out_buf *o = ctx;
	strbuf_add(&o->sb, line, len);
	strbuf_addch(&o->sb, '\n');
	if (o->sb.len >= 1 << 16) {
		out_write(o->sb.buf, o->sb.len);
		strbuf_reset(&o->sb);
	}
	return 0;
}

static int on_line(void *ctx, const struct jvalue *rec, const char *line, size_t len,
		   const char *where)
{
	(void)rec; /* raw mode: the deduper parses */
	int rc = deduper_add(ctx, line, len, where);
	if (rc < 0)
		die(EXIT_IO, "cannot go on (see above)");
	return rc;
}

static double number_arg(const char *opt, const char *arg, double max)
{
	char *end;
	double v = strtod(arg, &end);
	if (end == arg || *end || !(v >= 0) || v > max)
		die(EXIT_USAGE, "%s wants a number from 0 to %.0f, not '%s'", opt, max, arg);
	return v;
}

void cmd_dedup_window(const char *opt, const char *arg, struct dedup_opts *o)
{
	double v = number_arg(opt, arg, 1e6);
	if (strcmp(opt, "--km") == 0) {
		o->km = v;
		return;
	}
	if (v != (double)(int)v)
		die(EXIT_USAGE, "--days wants a whole number of days, not '%s'", arg);
	o->days = (int)v;
}

int cmd_dedup(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "days", required_argument, NULL, 'd' },
		{ "km", required_argument, NULL, 'k' },
		{ "explain", no_argument, NULL, 'e' },
		{ "buffer", required_argument, NULL, 'b' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct dedup_opts opts = { DEDUP_DEFAULT_DAYS, DEDUP_DEFAULT_KM, NULL, 0 };
	int c, quiet = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': cmd_dedup_window("--days", optarg, &opts); break;
		case 'k': cmd_dedup_window("--km", optarg, &opts); break;
		case 'e': opts.explain = stderr; break;
		case 'b':
			opts.run_keys = (size_t)number_arg("--buffer", optarg, 1e9);
			if (opts.run_keys < 1)
				die(EXIT_USAGE, "--buffer wants at least 1");
			break;
		case 'q': quiet = 1; sitrep_quiet_warnings = 1; break;
		case 'h':
			fputs(dedup_usage, stdout);
			return finish_stdout();
		default:
			fputs(dedup_usage, stderr);
			return EXIT_USAGE;
		}
	}
	struct out_buf out = { STRBUF_INIT };
	struct deduper *d = deduper_new(&opts, to_stdout, &out);
	if (!d)
		return EXIT_IO;
	struct recread_stats rs = { 0, 0, 0 };
	recread_files(argv + optind, (size_t)(argc - optind), LINEREADER_DEFAULT_MAX, RECREAD_RAW,
		      on_line, d, &rs);
	if (deduper_finish(d) < 0)
		die(EXIT_IO, "cannot go on (see above)");
	out_write(out.sb.buf, out.sb.len);
	strbuf_release(&out.sb);
	const struct dedup_stats *st = deduper_stats(d);
	if (!quiet)
		fprintf(stderr, "sitrep dedup: %lu events in, %lu out (%lu merged into another "
			"document's event, %lu alone for want of a date or place, %lu rejected); "
			"other records passed through: %lu\n", st->events_in, st->events_out, st->merged,
			st->unmatched, st->events_rejected,
			st->records - st->events_in - (st->rejected - st->events_rejected));
	deduper_free(d);
	return cmd_account("dedup", "records", rs.in, rs.in - rs.rejected, rs.rejected,
			   rs.io_errors);
}
