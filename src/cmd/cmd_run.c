/* cmd_run: `sitrep run`: parse, extract and export in one process, with a summary. The stages
 * run as a pipeline of threads, as in a shell pipeline, and keep the order of the input:
 *   parse   (main thread)       documents, added to the worker pool
 *   extract (--jobs threads)    documents to record lines (cmd/workers.h), in input order
 *   dedup   (--dedup, on the export thread) events of one incident merged (dedup/dedup.h)
 *   export  (one thread)        record lines to the tables (and the report), counted
 * A new stage goes between two of these, taking its input from the one before. */
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/workers.h"
#include "dedup/dedup.h"
#include "io/doc.h"
#include "io/flatjson.h"
#include "export/export.h"
#include "extract/extract.h"
#include "lexicon/acled.h"
#include "lexicon/embedded.h"
#include "parse/meta.h"
#include "parse/parse.h"
#include "report/report.h"
#include "io/schema.h"
#include "base/strbuf.h"
#include "base/util.h"

static const char run_usage[] =
	"usage: sitrep run [OPTIONS] FILE...\n\n"
	"Runs parse, extract and export in one process and writes every table to a directory\n"
	"(default out/), then prints a summary: documents read, events by type, places.\n\n"
	"  -o, --outdir DIR   where the tables go (default out)\n"
	"  -f, --format FMT   csv (default), tsv, jsonl, json, geojson, xlsx, sqlite\n"
	"      --meta FILE    publication metadata CSV (as for parse)\n"
	"      --date DATE    publication date for every document\n"
	"      --gazetteer FILE, --actors FILE, --triggers FILE, --casualties FILE, --cues FILE,\n"
	"      --rules FILE, --frames FILE, --min-confidence X\n"
	"                         as for extract\n"
	"  -j, --jobs N       extract on N threads (default: the number of online processors);\n"
	"                     the tables are the same for every N\n"
	"      --report       also write DIR/report.html (see 'sitrep report --help')\n"
	"      --dedup        merge the events of documents that report one event, as\n"
	"                     sitrep dedup does (events and a mentions table)\n"
	"      --days N, --km N   its window (default 1 day, 25 km)\n"
	"  -q, --quiet        no progress line and no warnings\n"
	"  -h, --help         this text\n";

#define MAX_TYPES 32

/* Written by the export thread and read by the main one after the join. */
struct run_state {
	struct workers *pool;
	struct exporter *x;
	struct report *rep;         /* --report: fed by the export thread; NULL without */
	struct deduper *dd;         /* --dedup: between extract and export */
	int share_docs;             /* CSV, TSV: documents' rows written from the documents */
	struct strbuf scratch;      /* for doc_fields */
	unsigned long docs, events, places, write_errors;
	const char *types[MAX_TYPES];
	unsigned long type_counts[MAX_TYPES];
	size_t n_types;
	int progress;
	time_t last;
};

static void count_type(struct run_state *st, const char *event_type)
{
	for (size_t i = 0; i < st->n_types; i++)
		if (!strcmp(st->types[i], event_type)) {
			st->type_counts[i]++;
			return;
		}
	if (st->n_types < MAX_TYPES) {
		st->types[st->n_types] = event_type;
		st->type_counts[st->n_types++] = 1;
	}
}

/* Event type names are static strings of the ACLED table; map a record's copy to them. */
static const char *intern_type(const char *s)
{
	const char *name = acled_type_named(s);
	return name ? name : "other";
}

/* Count the places and event types run reports (after --dedup), from sitrep's own record
 * lines (their keys come in a fixed order), then hand the line to the exporter. */
static void export_line(struct run_state *st, const char *line, size_t len)
{
	static const char ev[] = "{\"type\":\"event\"", pl[] = "{\"type\":\"place\"";
	if (len > sizeof(ev) && !memcmp(line, ev, sizeof(ev) - 1)) {
		const char *et = strstr(line, "\"event_type\":\"");
		if (et) {
			char name[64];
			const char *v = et + 14, *q = strchr(v, '"');
			snprintf(name, sizeof(name), "%.*s", q ? (int)(q - v) : 0, v);
			count_type(st, intern_type(name));
		}
	} else if (len > sizeof(pl) && !memcmp(line, pl, sizeof(pl) - 1)) {
		st->places++;
	}
	if (exporter_add_line(st->x, line, len, "sitrep run") < 0)
		st->write_errors++;
	if (st->rep)
		report_add_line(st->rep, line, len, "sitrep run");
}

/* --report: the page beside the tables. */
static int write_report(struct report *rep, const char *outdir)
{
	struct strbuf path = STRBUF_INIT;
	strbuf_addf(&path, "%s/report.html", outdir);
	int rc = report_write_file(rep, path.buf);
	if (rc == 0)
		printf("report: %s (%zu events)\n", path.buf, report_events(rep));
	strbuf_release(&path);
	report_free(rep);
	return rc;
}

static int dedup_to_export(void *ctx, const char *line, size_t len)
{
	export_line(ctx, line, len);
	return 0;
}

/* Count the documents and events extracted, then pass the line on: with --dedup through the
 * deduper, which hands its records to export_line. */
static void feed_line(struct run_state *st, const char *line, size_t len)
{
	static const char ev[] = "{\"type\":\"event\"", doc[] = "{\"type\":\"document\"";
	if (len > sizeof(ev) && !memcmp(line, ev, sizeof(ev) - 1))
		st->events++;
	else if (len > sizeof(doc) && !memcmp(line, doc, sizeof(doc) - 1))
		st->docs++; /* formats that take documents as JSON lines */
	if (!st->dd)
		export_line(st, line, len);
	else if (deduper_add(st->dd, line, len, NULL) < 0)
		st->write_errors++;
}

static void show_progress(struct run_state *st)
{
	if (st->progress && time(NULL) != st->last) {
		st->last = time(NULL);
		fprintf(stderr, "\rsitrep run: %lu documents, %lu events", st->docs, st->events);
	}
}

/* The export stage (a thread of its own): every line of every chunk, in input order. */
static void *export_stage(void *ctx)
{
	struct run_state *st = ctx;
	struct workers_chunk *c;
	while ((c = workers_next(st->pool))) {
		if (c->item) { /* a document, shared by the worker: its row, without a JSON copy */
			struct flat_field f[DOC_FIELDS];
			int n = doc_fields(c->item, f, &st->scratch);
			if (exporter_add_fields(st->x, "document", f, n) < 0)
				st->write_errors++;
			st->docs++;
		}
		const char *p = c->out.buf, *end = p + c->out.len;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			feed_line(st, p, (size_t)(nl - p));
			p = nl + 1;
		}
		if (c->err.len)
			fwrite(c->err.buf, 1, c->err.len, stderr);
		workers_chunk_free(c);
		show_progress(st);
	}
	return NULL;
}

/* The extract stage (on a worker thread): one document to its record and its records. The
 * document itself goes to the export stage where the format allows (its text is held once),
 * else its record, at once: it holds the whole text. */
static int extract_doc(void *ctx, struct workers_out *o, void *item)
{
	const struct run_state *st = ctx;
	const struct doc *d = item;
	if (st->share_docs) {
		workers_share(o, item);
	} else {
		doc_write_json(d, &o->out);
		if (o->out.len >= WORKERS_CHUNK_BYTES)
			workers_emit(o);
	}
	extractor_run(o->ex, d, &o->out, NULL);
	return 0;
}

static void free_doc(void *item)
{
	doc_release(item);
	free(item);
}

/* The parse stage's sink (main thread): move the document to the heap and queue it. */
static void on_doc(void *ctx, struct doc *d)
{
	struct run_state *st = ctx;
	struct doc *moved = xmalloc(sizeof(*moved));
	*moved = *d;
	doc_init(d); /* the parser's copy is now empty; releasing it frees nothing */
	workers_add(st->pool, moved, moved->text.len);
}

int cmd_run(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "outdir", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "meta", required_argument, NULL, 'm' },
		{ "date", required_argument, NULL, 'd' },
		{ "gazetteer", required_argument, NULL, 'g' },
		{ "actors", required_argument, NULL, 'a' },
		{ "triggers", required_argument, NULL, 't' },
		{ "casualties", required_argument, NULL, 'A' },
		{ "cues", required_argument, NULL, 'c' },
		{ "rules", required_argument, NULL, 'r' },
		{ "frames", required_argument, NULL, 'F' },
		{ "min-confidence", required_argument, NULL, 'M' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "dedup", no_argument, NULL, 'D' },
		{ "days", required_argument, NULL, 'Y' },
		{ "km", required_argument, NULL, 'K' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "report", no_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct export_opts xo;
	struct extract_opts eo;
	struct parse_opts po = { FORMAT_AUTO, NULL, NULL, NULL, PARSE_DEFAULT_MAX_DOC, 0 };
	struct meta_table meta = { NULL, 0 };
	const char *meta_path = NULL, *gaz = NULL, *act = NULL, *trg = NULL, *cas = NULL, *cue = NULL;
	const char *rul = NULL, *frm = NULL;
	struct dedup_opts dopts = { DEDUP_DEFAULT_DAYS, DEDUP_DEFAULT_KM, NULL, 0 };
	int c, quiet = 0, report = 0, dedup = 0;
	size_t jobs = workers_default_jobs();
	memset(&xo, 0, sizeof(xo));
	memset(&eo, 0, sizeof(eo));
	eo.min_confidence = EXTRACT_MIN_CONFIDENCE;
	xo.outdir = "out";
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:f:j:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': xo.outdir = optarg; break;
		case 'f': {
			int f = export_format_from_name(optarg);
			if (f < 0)
				die(EXIT_USAGE, "unknown format '%s'", optarg);
			xo.format = (enum export_format)f;
			break;
		}
		case 'm': meta_path = optarg; break;
		case 'd': po.date = optarg; break;
		case 'g': gaz = optarg; break;
		case 'a': act = optarg; break;
		case 't': trg = optarg; break;
		case 'A': cas = optarg; break;
		case 'c': cue = optarg; break;
		case 'r': rul = optarg; break;
		case 'F': frm = optarg; break;
		case 'M': {
			char *end;
			eo.min_confidence = strtod(optarg, &end);
			if (*end || end == optarg || eo.min_confidence < 0 || eo.min_confidence > 1)
				die(EXIT_USAGE, "--min-confidence wants a number from 0 to 1, not '%s'", optarg);
			break;
		}
		case 'j':
			if (!(jobs = workers_parse_jobs(optarg)))
				return EXIT_USAGE;
			break;
		case 'D': dedup = 1; break;
		case 'Y': cmd_dedup_window("--days", optarg, &dopts); break;
		case 'K': cmd_dedup_window("--km", optarg, &dopts); break;
		case 'q': quiet = 1; sitrep_quiet_warnings = 1; break;
		case 'R': report = 1; break;
		case 'h':
			fputs(run_usage, stdout);
			return finish_stdout();
		default:
			fputs(run_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (optind == argc)
		die(EXIT_USAGE, "no input files (see 'sitrep run --help')");
	eo.gazetteers = gaz ? &gaz : NULL;
	eo.n_gazetteers = gaz ? 1 : 0;
	eo.actor_files = act ? &act : NULL;
	eo.n_actor_files = act ? 1 : 0;
	eo.trigger_files = trg ? &trg : NULL;
	eo.n_trigger_files = trg ? 1 : 0;
	eo.casualty_files = cas ? &cas : NULL;
	eo.n_casualty_files = cas ? 1 : 0;
	eo.cue_files = cue ? &cue : NULL;
	eo.n_cue_files = cue ? 1 : 0;
	eo.rule_files = rul ? &rul : NULL;
	eo.n_rule_files = rul ? 1 : 0;
	eo.frame_files = frm ? &frm : NULL;
	eo.n_frame_files = frm ? 1 : 0;
	if (meta_path && meta_load(&meta, meta_path) < 0)
		return EXIT_IO;
	po.meta = meta_path ? &meta : NULL;
	struct schema_set schemas;
	if (schema_load_all(&schemas) < 0)
		return EXIT_IO;
	struct run_state st;
	memset(&st, 0, sizeof(st));
	st.progress = !quiet && isatty(2);
	struct extractor *ex = extractor_new(&eo);
	embedded_release(); /* the lexicons and schemas are parsed */
	st.x = ex ? exporter_new(&xo, &schemas) : NULL;
	struct report_opts ro = { NULL, "sitrep " SITREP_VERSION };
	st.rep = report ? report_new(&ro) : NULL;
	st.dd = st.x && dedup ? deduper_new(&dopts, dedup_to_export, &st) : NULL;
	if (!ex || !st.x || (report && !st.rep) || (dedup && !st.dd)) {
		report_free(st.rep);
		deduper_free(st.dd);
		exporter_free(st.x);
		extractor_free(ex);
		schema_free_all(&schemas);
		meta_release(&meta);
		return EXIT_USAGE;
	}
	struct parse_stats ps = { 0, 0, 0, 0 };
	const struct workers_ops ops = { extract_doc, free_doc, &st };
	/* The report reads document records as lines; the deduper passes them through at once,
	 * so they may as well go to the exporter straight. */
	st.share_docs = (xo.format == EXPORT_CSV || xo.format == EXPORT_TSV) && !report;
	strbuf_init(&st.scratch, 0);
	pthread_t export_thread;
	st.pool = workers_start(ex, jobs, &ops);
	if (pthread_create(&export_thread, NULL, export_stage, &st) != 0)
		die(EXIT_IO, "cannot start the export thread");
	for (int i = optind; i < argc; i++)
		parse_input(argv[i], &po, on_doc, &st, &ps);
	workers_close(st.pool);
	pthread_join(export_thread, NULL);
	workers_finish(st.pool);
	if (st.dd && deduper_finish(st.dd) < 0)
		st.write_errors++;
	int failed = exporter_finish(st.x) < 0 || st.write_errors;
	if (st.progress)
		fputc('\n', stderr);
	printf("sitrep run: %lu documents read, %lu rejected; %lu events, %lu place mentions\n",
	       ps.docs_in, ps.rejected, st.events, st.places);
	if (st.dd)
		printf("dedup: %lu events after merging the reports of one event\n",
		       deduper_stats(st.dd)->events_out);
	for (size_t i = 0; i < st.n_types; i++)
		printf("  %-28s %lu\n", st.types[i], st.type_counts[i]);
	unsigned long rows;
	const char *name;
	printf("tables in %s/:", xo.outdir);
	for (size_t i = 0; (name = exporter_table(st.x, i, &rows)); i++)
		printf(" %s.%s (%lu)", name, export_format_ext(xo.format), rows);
	putchar('\n');
	failed |= st.rep && write_report(st.rep, xo.outdir) < 0;
	deduper_free(st.dd);
	exporter_free(st.x);
	strbuf_release(&st.scratch);
	extractor_free(ex);
	schema_free_all(&schemas);
	meta_release(&meta);
	int rc = cmd_account("run", "documents", ps.docs_in, ps.docs_out, ps.rejected, ps.io_errors);
	return failed ? EXIT_IO : rc;
}
