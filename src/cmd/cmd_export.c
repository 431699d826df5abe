/* cmd_export: `sitrep export` options and exit status. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "export/export.h"
#include "io/json.h"
#include "io/linereader.h"
#include "io/recread.h"
#include "io/schema.h"
#include "base/util.h"

static const char export_usage[] =
	"usage: sitrep export [OPTIONS] [FILE...]\n\n"
	"Reads records (JSON Lines) and writes them as tables, one table per record type:\n"
	"documents, events, places, actors, quotes. Columns and their order come from the\n"
	"schemas (see `sitrep export --list-tables`). With no FILE, reads standard input.\n\n"
	"  -f, --format FMT     csv (default), tsv, jsonl, json (an array per table),\n"
	"                       geojson (events or places with coordinates as Point features),\n"
	"                       xlsx (one workbook, a sheet per table), sqlite (a database, a\n"
	"                       table per record type)\n"
	"  -o, --outdir DIR     write every table to DIR/TABLE.FMT (created if missing); csv and\n"
	"                       tsv also get DIR/datapackage.json (Frictionless table schemas);\n"
	"                       xlsx and sqlite write DIR/sitrep.xlsx or DIR/sitrep.sqlite\n"
	"  -O, --output FILE    the xlsx or sqlite file (xlsx may also go to a redirected stdout)\n"
	"      --no-datapackage no datapackage.json beside csv/tsv tables\n"
	"  -t, --table NAME     the table written to standard output (default events)\n"
	"  -c, --columns LIST   only these columns of that table, in the table's order\n"
	"      --list-tables    print each table and its columns, then exit\n"
	"      --bom            start CSV/TSV with a UTF-8 byte-order mark (for Excel)\n"
	"      --crlf           end CSV/TSV lines with CRLF\n"
	"      --delimiter C    CSV field delimiter (default ',')\n"
	"      --raw            do not neutralise text cells that a spreadsheet would run as a\n"
	"                       formula (by default a leading = + - @ tab or CR gets a ')\n"
	"      --strict         stop at the first rejected record (exit 1)\n"
	"  -h, --help           this text\n\n"
	"XLSX: numbers are numbers, dates are dates, other text stays text (string cells are never\n"
	"evaluated); the header row is frozen with an autofilter; a cell over 32,767 characters\n"
	"is cut with the marker ' [truncated by sitrep]' and counted; a table over 1,048,576 rows\n"
	"continues on a sheet 'NAME (2)'. GeoJSON: [longitude, latitude]; rows without\n"
	"coordinates are counted on stderr.\n\n"
	"sitrep's own record types stream: memory does not grow with the number of records.\n"
	"Records of other types are buffered per type until the end, because their columns are\n"
	"the union of their keys in first-seen order (nested objects flattened as a.b, arrays\n"
	"written as JSON text).\n";

static int on_record(void *ctx, const struct jvalue *rec, const char *line, size_t len,
		     const char *where)
{
	(void)rec; /* raw mode: the exporter parses */
	int rc = exporter_add_line(ctx, line, len, where);
	if (rc < 0)
		out_failed();
	return rc;
}

static int list_tables(const struct schema_set *set)
{
	for (size_t i = 0; i < set->n; i++) {
		const struct schema *s = &set->schemas[i];
		printf("%s:", s->table);
		for (size_t c = 0; c < s->n_columns; c++)
			printf("%s%s", c ? "," : " ", s->columns[c].name);
		putchar('\n');
	}
	return finish_stdout();
}

int cmd_export(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "outdir", required_argument, NULL, 'o' },
		{ "output", required_argument, NULL, 'O' },
		{ "no-datapackage", no_argument, NULL, 'P' },
		{ "table", required_argument, NULL, 't' },
		{ "columns", required_argument, NULL, 'c' },
		{ "list-tables", no_argument, NULL, 'L' },
		{ "bom", no_argument, NULL, 'B' },
		{ "crlf", no_argument, NULL, 'C' },
		{ "delimiter", required_argument, NULL, 'D' },
		{ "raw", no_argument, NULL, 'R' },
		{ "strict", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct export_opts opts;
	struct schema_set schemas;
	int c, strict = 0, list = 0;
	memset(&opts, 0, sizeof(opts));
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:o:O:t:c:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f': {
			int f = export_format_from_name(optarg);
			if (f < 0)
				die(EXIT_USAGE, "unknown format '%s' (csv, tsv, jsonl, json, geojson, xlsx, sqlite)",
				    optarg);
			opts.format = (enum export_format)f;
			break;
		}
		case 'o': opts.outdir = optarg; break;
		case 'O': opts.output = optarg; break;
		case 'P': opts.no_datapackage = 1; break;
		case 't': opts.table = optarg; break;
		case 'c': opts.columns = optarg; break;
		case 'L': list = 1; break;
		case 'B': opts.bom = 1; break;
		case 'C': opts.crlf = 1; break;
		case 'D':
			if (strlen(optarg) != 1 || strchr("\"\r\n", optarg[0]))
				die(EXIT_USAGE, "--delimiter wants one character other than a quote or newline");
			opts.delimiter = optarg[0];
			break;
		case 'R': opts.raw = 1; break;
		case 's': strict = 1; break;
		case 'h':
			fputs(export_usage, stdout);
			return finish_stdout();
		default:
			fputs(export_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (schema_load_all(&schemas) < 0)
		return EXIT_IO;
	if (list) {
		int rc = list_tables(&schemas);
		schema_free_all(&schemas);
		return rc;
	}
	struct exporter *x = exporter_new(&opts, &schemas);
	if (!x) {
		schema_free_all(&schemas);
		return EXIT_USAGE;
	}
	struct recread_stats rs = { 0, 0, 0 };
	recread_files(argv + optind, (size_t)(argc - optind), LINEREADER_DEFAULT_MAX,
		      RECREAD_RAW | (strict ? RECREAD_STRICT : 0), on_record, x, &rs);
	int failed = exporter_finish(x) < 0;
	exporter_free(x);
	schema_free_all(&schemas);
	int rc = cmd_account("export", "records", rs.in, rs.in - rs.rejected, rs.rejected,
			     rs.io_errors);
	return failed ? EXIT_IO : rc;
}
