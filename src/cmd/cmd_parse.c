/* cmd_parse: `sitrep parse` options and exit status. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "io/doc.h"
#include "parse/meta.h"
#include "parse/parse.h"
#include "base/strbuf.h"
#include "base/util.h"

static const char parse_usage[] =
	"usage: sitrep parse [OPTIONS] [FILE...]\n\n"
	"Reads news articles and writes one document record (JSON Lines) per article.\n"
	"With no FILE, or FILE '-', reads standard input. Each text or HTML file is one article;\n"
	"each line of a JSON Lines feed is one article.\n\n"
	"  -f, --format FMT   auto (default: by extension, then by content), text, html, jsonl\n"
	"      --date DATE    publication date for every document (strongest source)\n"
	"      --meta FILE    CSV with columns doc_id,published,publisher,url joined on doc_id\n"
	"      --id ID        doc_id for a single text or HTML input (default: file name\n"
	"                     without extension; 'stdin' for standard input)\n"
	"      --max-doc N    largest article or feed line accepted, in bytes (default 32 MiB)\n"
	"      --strict       stop at the first rejected document (exit 1)\n"
	"  -q, --quiet        no warnings, errors only\n"
	"  -h, --help         this text\n\n"
	"Publication date precedence: --date, --meta, the input's own metadata (header block,\n"
	"HTML meta tags, feed fields), then a dated dateline.\n\n"
	"Input that is not text (a PDF, an archive, an office file, an image, a program, a\n"
	"database, binary data, another encoding than UTF-8), and a feed record whose body is\n"
	"not, is refused with a message naming a converter (exit 1); the rest goes through.\n";

struct writer {
	struct strbuf line;
};

static void write_doc(void *ctx, struct doc *d)
{
	struct writer *w = ctx;
	strbuf_reset(&w->line);
	doc_write_json(d, &w->line);
	out_write(w->line.buf, w->line.len);
}

int cmd_parse(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "date", required_argument, NULL, 'd' },
		{ "meta", required_argument, NULL, 'm' },
		{ "id", required_argument, NULL, 'i' },
		{ "max-doc", required_argument, NULL, 'x' },
		{ "strict", no_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct parse_opts opts = { FORMAT_AUTO, NULL, NULL, NULL, PARSE_DEFAULT_MAX_DOC, 0 };
	struct meta_table meta = { NULL, 0 };
	const char *meta_path = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'f': {
			int f = parse_format_from_name(optarg);
			if (f < 0)
				die(EXIT_USAGE, "unknown format '%s' (auto, text, html, jsonl)", optarg);
			opts.format = (enum input_format)f;
			break;
		}
		case 'd': opts.date = optarg; break;
		case 'm': meta_path = optarg; break;
		case 'i': opts.id = optarg; break;
		case 'x': {
			char *end;
			unsigned long long v = strtoull(optarg, &end, 10);
			if (*end || v == 0)
				die(EXIT_USAGE, "--max-doc wants a positive number of bytes, not '%s'", optarg);
			opts.max_doc = (size_t)v;
			break;
		}
		case 's': opts.strict = 1; break;
		case 'q': sitrep_quiet_warnings = 1; break;
		case 'h':
			fputs(parse_usage, stdout);
			return finish_stdout();
		default:
			fputs(parse_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (opts.date) {
		struct doc probe;
		doc_init(&probe);
		if (!doc_set_published(&probe, opts.date, DATE_OPTION))
			die(EXIT_USAGE, "--date '%s' is not a date (YYYY-MM-DD)", opts.date);
		doc_release(&probe);
	}
	if (meta_path && meta_load(&meta, meta_path) < 0)
		return EXIT_IO;
	if (meta_path)
		opts.meta = &meta;

	struct writer w = { STRBUF_INIT };
	struct parse_stats stats = { 0, 0, 0, 0 };
	if (optind == argc) {
		parse_input("-", &opts, write_doc, &w, &stats);
	} else {
		if (opts.id && argc - optind > 1)
			die(EXIT_USAGE, "--id names one document; %d inputs given", argc - optind);
		for (int i = optind; i < argc && !(opts.strict && (stats.rejected || stats.io_errors)); i++)
			parse_input(argv[i], &opts, write_doc, &w, &stats);
	}
	strbuf_release(&w.line);
	meta_release(&meta);
	return cmd_account("parse", "documents", stats.docs_in, stats.docs_out, stats.rejected,
			   stats.io_errors);
}
