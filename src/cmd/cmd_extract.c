/* cmd_extract: `sitrep extract` options and exit status. On one thread, records are read,
 * extracted and written in turn; with --jobs N, the main thread reads, N workers extract
 * (cmd/workers.h) and a writer thread writes, in input order, so the output is the same. */
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/workers.h"
#include "io/doc.h"
#include "extract/extract.h"
#include "lexicon/embedded.h"
#include "io/json.h"
#include "io/linereader.h"
#include "io/recread.h"
#include "base/strbuf.h"
#include "base/util.h"

static const char extract_usage[] =
	"usage: sitrep extract [OPTIONS] [FILE...]\n\n"
	"Reads document records (JSON Lines from `sitrep parse`) and writes, per document, the\n"
	"document record itself followed by its event, place, actor and quote records.\n"
	"Records of other types pass through unchanged. With no FILE, reads standard input.\n\n"
	"      --gazetteer FILE  add or override places (TSV: name aliases kind iso3 admin1 admin2\n"
	"                        lat lon population), or peoples (TSV: name aliases iso3);\n"
	"                        repeatable\n"
	"      --actors FILE     add or override actors (TSV: name aliases inter iso3 kind)\n"
	"      --triggers FILE   add or override event triggers (TSV: phrase class cameo flags)\n"
	"      --casualties FILE add or override killing, wounding and detaining phrases (TSV:\n"
	"                        phrase kind voice class cameo flags); rows with a class are\n"
	"                        triggers too; repeatable\n"
	"      --cues FILE       add words to the rules' cues or define new ones (TSV: name words\n"
	"                        about; '-word' removes a word)\n"
	"      --rules FILE      add or replace extraction rules (TSV: the columns of rules.tsv)\n"
	"      --check-rules     run every rule's two examples and report; reads no input\n"
	"      --frames FILE     replace the evidence a class needs (TSV: the columns of frames.tsv)\n"
	"      --min-confidence X  drop events whose confidence is below X (0 to 1; default\n"
	"                        0.3; 0 keeps every event whose class's frame is met)\n"
	"      --types LIST      record types to write: events,places,actors,quotes (default all)\n"
	"      --no-documents    do not pass the document records through\n"
	"      --explain         print on stderr, per event, the rules and lexicon entries used\n"
	"  -j, --jobs N          extract on N threads (default: the number of online\n"
	"                        processors); the output is the same for every N\n"
	"      --strict          stop at the first rejected record (exit 1); one thread\n"
	"      --max-record N    longest input line accepted, bytes (default 64 MiB)\n"
	"  -q, --quiet           no warnings\n"
	"  -h, --help            this text\n\n"
	"Event records use ACLED's column names; see sitrep(1) and schemas/event.schema.json.\n";

struct extract_state {
	struct extractor *ex;
	struct strbuf out, explain;
	int pass_documents;
	struct workers *pool;      /* --jobs N > 1 */
	unsigned long rejected;    /* by the workers (the writer thread counts) */
};

/* A document read from line: the line itself (unless --no-documents), then its records. */
static void run_document(const struct extract_state *st, struct extractor *ex, struct doc *d,
			 const char *line, size_t len, struct strbuf *out, struct strbuf *explain)
{
	if (st->pass_documents) {
		strbuf_add(out, line, len);
		strbuf_addch(out, '\n');
	}
	extractor_run(ex, d, out, explain);
	doc_release(d);
}

/* One record: passed through, or a document followed by its records; explanations to
 * explain. Returns 1 if rejected. Called on one thread or on a worker thread. */
static int extract_record(const struct extract_state *st, struct extractor *ex,
			  const struct jvalue *rec, const char *line, size_t len, const char *where,
			  struct strbuf *out, struct strbuf *explain)
{
	const char *type = json_get_str(rec, "type");
	if (type && strcmp(type, "document") != 0) {
		strbuf_add(out, line, len);
		strbuf_addch(out, '\n');
		return 0;
	}
	struct doc d;
	const char *why;
	doc_init(&d);
	if (doc_read_json(&d, rec, &why) < 0) {
		error("%s: %s; skipped", where, why);
		doc_release(&d);
		return 1;
	}
	run_document(st, ex, &d, line, len, out, explain);
	return 0;
}

/* One line as read: most lines are read straight from their text (doc_read_line); the rest
 * through the JSON tree, which gives the messages. Returns 1 if rejected. */
static int extract_line_text(const struct extract_state *st, struct extractor *ex,
			     const char *line, size_t len, const char *where, struct strbuf *out,
			     struct strbuf *explain)
{
	struct doc d;
	doc_init(&d);
	switch (doc_read_line(&d, line, len)) {
	case DOC_LINE_OTHER:
		strbuf_add(out, line, len);
		strbuf_addch(out, '\n');
		return 0;
	case DOC_LINE_DOCUMENT:
		run_document(st, ex, &d, line, len, out, explain);
		return 0;
	default:
		break;
	}
	struct jvalue *rec = recread_parse(line, len, where);
	if (!rec)
		return 1;
	int rejected = extract_record(st, ex, rec, line, len, where, out, explain);
	json_free(rec);
	return rejected;
}

/* One thread: recread's callback (raw mode). */
static int on_record(void *vctx, const struct jvalue *rec, const char *line, size_t len,
		     const char *where)
{
	struct extract_state *st = vctx;
	(void)rec;
	strbuf_reset(&st->explain);
	int rejected = extract_line_text(st, st->ex, line, len, where, &st->out, &st->explain);
	/* Short documents' records go out together, a write per EXTRACT_FLUSH_BYTES rather than
	 * one per document (the rest is written when the input ends). */
	if (st->out.len >= EXTRACT_FLUSH_BYTES) {
		out_write(st->out.buf, st->out.len);
		strbuf_reset(&st->out);
	}
	if (st->explain.len)
		fwrite(st->explain.buf, 1, st->explain.len, stderr);
	return rejected;
}

/* Records of a long document, written window by window (one thread). */
static void flush_out(void *ctx, struct strbuf *out)
{
	(void)ctx;
	out_write(out->buf, out->len);
	strbuf_reset(out);
}

/* A line read by the main thread, waiting for a worker. */
struct line_item {
	const char *where; /* "file:line", stored after the line */
	size_t len;
	char line[];
};

/* --jobs: recread's callback queues the line (parsed on the worker). */
static int queue_record(void *vctx, const struct jvalue *rec, const char *line, size_t len,
			const char *where)
{
	struct extract_state *st = vctx;
	size_t wlen = strlen(where);
	struct line_item *it = xmalloc(sizeof(*it) + len + 1 + wlen + 1);
	(void)rec; /* raw mode */
	memcpy(it->line, line, len);
	it->line[len] = '\0';
	memcpy(it->line + len + 1, where, wlen + 1);
	it->where = it->line + len + 1;
	it->len = len;
	workers_add(st->pool, it, len);
	return 0;
}

/* --jobs: a worker's turn at one line. */
static int extract_line(void *ctx, struct workers_out *o, void *item)
{
	const struct line_item *it = item;
	return extract_line_text(ctx, o->ex, it->line, it->len, it->where, &o->out, &o->err);
}

/* --jobs: the writer thread, output in input order. */
static void *write_output(void *ctx)
{
	struct extract_state *st = ctx;
	struct workers_chunk *c;
	while ((c = workers_next(st->pool))) {
		out_write(c->out.buf, c->out.len);
		if (c->err.len)
			fwrite(c->err.buf, 1, c->err.len, stderr);
		st->rejected += c->rejected;
		workers_chunk_free(c);
	}
	return NULL;
}

/* Read everything through n workers; rejections are added to rs. */
static void extract_parallel(struct extract_state *st, char **paths, size_t n_paths,
			     size_t max_line, size_t jobs, struct recread_stats *rs)
{
	const struct workers_ops ops = { extract_line, free, st };
	pthread_t writer;
	st->pool = workers_start(st->ex, jobs, &ops);
	if (pthread_create(&writer, NULL, write_output, st) != 0)
		die(EXIT_IO, "cannot start the output thread");
	recread_files(paths, n_paths, max_line, RECREAD_RAW, queue_record, st, rs);
	workers_close(st->pool);
	pthread_join(writer, NULL);
	workers_finish(st->pool);
	rs->rejected += st->rejected;
}

static unsigned parse_types(const char *list)
{
	static const char *const names[] = { "events", "places", "actors", "quotes" };
	unsigned types = 0;
	const char *p = list;
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		int found = 0;
		for (int i = 0; i < 4; i++)
			if (strlen(names[i]) == len && !strncmp(p, names[i], len)) {
				types |= 1u << i;
				found = 1;
			}
		if (!found)
			die(EXIT_USAGE, "unknown record type '%.*s' in --types (events, places, actors, quotes)",
			    (int)len, p);
		if (!comma)
			break;
		p = comma + 1;
	}
	return types;
}

static void push_path(const char ***list, size_t *n, const char *path)
{
	*list = xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[(*n)++] = path;
}

/* --min-confidence: a number from 0 to 1. */
static double parse_confidence(const char *arg)
{
	char *end;
	double v = strtod(arg, &end);
	if (*end || end == arg || v < 0 || v > 1)
		die(EXIT_USAGE, "--min-confidence wants a number from 0 to 1, not '%s'", arg);
	return v;
}

/* --check-rules: each rule's examples, a line per failure on stderr and a summary. */
static int check_rule_examples(struct extractor *ex)
{
	struct strbuf report = STRBUF_INIT;
	size_t n_rules;
	size_t failed = extractor_check_rules(ex, &report, &n_rules);
	fputs(report.buf, stderr);
	printf("%zu rules, %zu examples, %zu failed\n", n_rules, 2 * n_rules, failed);
	strbuf_release(&report);
	extractor_free(ex);
	int status = finish_stdout();
	return failed ? EXIT_REJECTED : status;
}

int cmd_extract(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "gazetteer", required_argument, NULL, 'g' },
		{ "actors", required_argument, NULL, 'a' },
		{ "triggers", required_argument, NULL, 't' },
		{ "casualties", required_argument, NULL, 'K' },
		{ "cues", required_argument, NULL, 'c' },
		{ "rules", required_argument, NULL, 'r' },
		{ "check-rules", no_argument, NULL, 'C' },
		{ "frames", required_argument, NULL, 'F' },
		{ "min-confidence", required_argument, NULL, 'M' },
		{ "types", required_argument, NULL, 'T' },
		{ "no-documents", no_argument, NULL, 'N' },
		{ "explain", no_argument, NULL, 'e' },
		{ "strict", no_argument, NULL, 's' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "max-record", required_argument, NULL, 'm' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct extract_opts opts;
	const char **gaz = NULL, **act = NULL, **trg = NULL, **cas = NULL, **cue = NULL, **rul = NULL;
	const char **frm = NULL;
	size_t n_gaz = 0, n_act = 0, n_trg = 0, n_cas = 0, n_cue = 0, n_rul = 0, n_frm = 0;
	size_t max_line = LINEREADER_DEFAULT_MAX;
	size_t jobs = workers_default_jobs();
	int c, strict = 0, pass_documents = 1, check_rules = 0;
	memset(&opts, 0, sizeof(opts));
	opts.min_confidence = EXTRACT_MIN_CONFIDENCE;
	optind = 1;
	while ((c = getopt_long(argc, argv, "j:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'g': push_path(&gaz, &n_gaz, optarg); break;
		case 'a': push_path(&act, &n_act, optarg); break;
		case 't': push_path(&trg, &n_trg, optarg); break;
		case 'K': push_path(&cas, &n_cas, optarg); break;
		case 'c': push_path(&cue, &n_cue, optarg); break;
		case 'r': push_path(&rul, &n_rul, optarg); break;
		case 'C': check_rules = 1; break;
		case 'F': push_path(&frm, &n_frm, optarg); break;
		case 'M': opts.min_confidence = parse_confidence(optarg); break;
		case 'T': opts.types = parse_types(optarg); break;
		case 'N': pass_documents = 0; break;
		case 'e': opts.explain = 1; break;
		case 's': strict = 1; break;
		case 'j':
			if (!(jobs = workers_parse_jobs(optarg)))
				return EXIT_USAGE;
			break;
		case 'm': {
			char *end;
			unsigned long long v = strtoull(optarg, &end, 10);
			if (*end || !v)
				die(EXIT_USAGE, "--max-record wants a positive number of bytes");
			max_line = (size_t)v;
			break;
		}
		case 'q': sitrep_quiet_warnings = 1; break;
		case 'h':
			fputs(extract_usage, stdout);
			return finish_stdout();
		default:
			fputs(extract_usage, stderr);
			return EXIT_USAGE;
		}
	}
	opts.gazetteers = gaz;
	opts.n_gazetteers = n_gaz;
	opts.actor_files = act;
	opts.n_actor_files = n_act;
	opts.trigger_files = trg;
	opts.n_trigger_files = n_trg;
	opts.casualty_files = cas;
	opts.n_casualty_files = n_cas;
	opts.cue_files = cue;
	opts.n_cue_files = n_cue;
	opts.rule_files = rul;
	opts.n_rule_files = n_rul;
	opts.frame_files = frm;
	opts.n_frame_files = n_frm;
	struct extract_state st;
	memset(&st, 0, sizeof(st));
	strbuf_init(&st.out, 0);
	strbuf_init(&st.explain, 0);
	st.pass_documents = pass_documents;
	st.ex = extractor_new(&opts);
	embedded_release(); /* the lexicons are parsed */
	free(gaz);
	free(act);
	free(trg);
	free(cas);
	free(cue);
	free(rul);
	free(frm);
	if (!st.ex)
		return EXIT_USAGE;
	if (check_rules)
		return check_rule_examples(st.ex);
	struct recread_stats rs = { 0, 0, 0 };
	char **paths = argv + optind;
	size_t n_paths = (size_t)(argc - optind);
	if (jobs > 1 && !strict) {
		extract_parallel(&st, paths, n_paths, max_line, jobs, &rs);
	} else {
		/* --strict stops at the first rejection: one record at a time, in turn. */
		extractor_set_flush(st.ex, flush_out, NULL);
		recread_files(paths, n_paths, max_line, RECREAD_RAW | (strict ? RECREAD_STRICT : 0),
			      on_record, &st, &rs);
		out_write(st.out.buf, st.out.len);
	}
	extractor_free(st.ex);
	strbuf_release(&st.out);
	strbuf_release(&st.explain);
	return cmd_account("extract", "records", rs.in, rs.in - rs.rejected, rs.rejected,
			   rs.io_errors);
}
