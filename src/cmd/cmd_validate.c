/* cmd_validate: `sitrep validate`: checks records against the schemas. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "io/json.h"
#include "io/linereader.h"
#include "io/recread.h"
#include "io/schema.h"
#include "base/strbuf.h"
#include "base/util.h"

static const char validate_usage[] =
	"usage: sitrep validate [OPTIONS] [FILE...]\n\n"
	"Checks every record (JSON Lines) against the schema of its \"type\" (document, event,\n"
	"place, actor, quote: schemas/*.schema.json, JSON Schema draft 2020-12) and reports each\n"
	"invalid record as FILE:LINE: reason. Prints a summary; exit 0 when all are valid, 1 when\n"
	"any is not.\n\n"
	"      --strict     stop at the first invalid record\n"
	"      --unknown    also reject records whose type has no schema\n"
	"  -q, --quiet      no summary line\n"
	"  -h, --help       this text\n";

struct validate_state {
	struct schema_set schemas;
	int reject_unknown;
	struct strbuf why;
	unsigned long valid;
};

static int on_record(void *ctx, const struct jvalue *rec, const char *line, size_t len,
		     const char *where)
{
	struct validate_state *st = ctx;
	const char *type = json_get_str(rec, "type");
	const struct schema *s = schema_for_type(&st->schemas, type);
	(void)line;
	(void)len;
	if (!s) {
		if (!st->reject_unknown) {
			st->valid++;
			return 0;
		}
		error("%s: no schema for type '%s'", where, type ? type : "(none)");
		return 1;
	}
	strbuf_reset(&st->why);
	if (schema_validate(s, rec, &st->why)) {
		if (st->why.len >= 2)
			strbuf_setlen(&st->why, st->why.len - 2);
		error("%s: invalid %s record: %s", where, s->record_type, st->why.buf);
		return 1;
	}
	st->valid++;
	return 0;
}

int cmd_validate(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "strict", no_argument, NULL, 's' },
		{ "unknown", no_argument, NULL, 'u' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct validate_state st;
	int c, strict = 0, quiet = 0;
	memset(&st, 0, sizeof(st));
	optind = 1;
	while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
		switch (c) {
		case 's': strict = 1; break;
		case 'u': st.reject_unknown = 1; break;
		case 'q': quiet = 1; break;
		case 'h':
			fputs(validate_usage, stdout);
			return finish_stdout();
		default:
			fputs(validate_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (schema_load_all(&st.schemas) < 0)
		return EXIT_IO;
	strbuf_init(&st.why, 0);
	struct recread_stats rs = { 0, 0, 0 };
	recread_files(argv + optind, (size_t)(argc - optind), LINEREADER_DEFAULT_MAX,
		      strict ? RECREAD_STRICT : 0, on_record, &st, &rs);
	if (!quiet)
		fprintf(stderr, "sitrep validate: %lu records, %lu valid, %lu invalid\n", rs.in,
			st.valid, rs.rejected);
	schema_free_all(&st.schemas);
	strbuf_release(&st.why);
	int rc = finish_stdout();
	if (rc)
		return rc;
	return rs.io_errors ? EXIT_IO : rs.rejected ? EXIT_REJECTED : EXIT_OK;
}
