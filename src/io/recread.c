/* recread: the shared reading loop of extract, export and validate. */
#include "io/recread.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "io/json.h"
#include "io/linereader.h"
#include "base/strbuf.h"
#include "base/util.h"

struct jvalue *recread_parse(const char *line, size_t len, const char *where)
{
	size_t erroff = 0;
	struct jvalue *rec = json_parse(line, len, &erroff);
	if (rec && json_kind(rec) == JSON_OBJECT)
		return rec;
	if (rec)
		error("%s: record is not a JSON object; skipped", where);
	else
		error("%s: invalid JSON at byte %zu; skipped", where, erroff + 1);
	json_free(rec);
	return NULL;
}

/* where = "name:" (prefix bytes, kept) followed by lineno: printf's cost on every record
 * showed in export's profile. */
static void set_where(struct strbuf *where, size_t prefix, unsigned long lineno)
{
	char digits[24];
	size_t n = sizeof(digits);
	do {
		digits[--n] = (char)('0' + lineno % 10);
		lineno /= 10;
	} while (lineno);
	strbuf_setlen(where, prefix);
	strbuf_add(where, digits + n, sizeof(digits) - n);
}

static int read_one(const char *path, size_t max_line, unsigned flags, record_fn fn, void *ctx,
		    struct recread_stats *st)
{
	int strict = (flags & RECREAD_STRICT) != 0;
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	struct stat sb;
	if (!fp) {
		error("%s: cannot open: %s", path, strerror(errno));
		st->io_errors++;
		return 0;
	}
	if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		error("%s: is a directory", path);
		st->io_errors++;
		fclose(fp);
		return 0;
	}
	struct linereader lr;
	struct strbuf where = STRBUF_INIT;
	int r, stop = 0;
	linereader_init(&lr, fp, path, max_line);
	strbuf_addf(&where, "%s:", lr.name);
	size_t prefix = where.len;
	while (!stop && (r = linereader_next(&lr)) == 1) {
		size_t i = 0;
		while (i < lr.line.len && (lr.line.buf[i] == ' ' || lr.line.buf[i] == '\t'))
			i++;
		if (i == lr.line.len)
			continue;
		st->in++;
		set_where(&where, prefix, lr.lineno);
		if (flags & RECREAD_RAW) {
			if (fn(ctx, NULL, lr.line.buf, lr.line.len, where.buf)) {
				st->rejected++;
				stop = strict;
			}
			continue;
		}
		struct jvalue *rec = recread_parse(lr.line.buf, lr.line.len, where.buf);
		if (!rec) {
			st->rejected++;
			stop = strict;
			continue;
		}
		if (fn(ctx, rec, lr.line.buf, lr.line.len, where.buf)) {
			st->rejected++;
			stop = strict;
		}
		json_free(rec);
	}
	st->in += lr.n_overlong;
	st->rejected += lr.n_overlong;
	if (!stop && r < 0)
		st->io_errors++;
	linereader_release(&lr);
	strbuf_release(&where);
	if (fp != stdin)
		fclose(fp);
	return stop || ((flags & RECREAD_STRICT) && lr.n_overlong);
}

void recread_files(char **paths, size_t n, size_t max_line, unsigned flags, record_fn fn,
		   void *ctx, struct recread_stats *st)
{
	if (n == 0) {
		read_one("-", max_line, flags, fn, ctx, st);
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (read_one(paths[i], max_line, flags, fn, ctx, st))
			break;
}
