/* linereader: block reads and memchr, so long lines cost one pass. */
#include "io/linereader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

#define BLOCK_SIZE (256u << 10)

void linereader_init(struct linereader *lr, FILE *fp, const char *name, size_t max_line)
{
	memset(lr, 0, sizeof(*lr));
	lr->fp = fp;
	lr->name = strcmp(name, "-") ? name : "<stdin>";
	lr->max_line = max_line ? max_line : LINEREADER_DEFAULT_MAX;
	strbuf_init(&lr->line, 256);
	lr->block = xmalloc(BLOCK_SIZE);
}

void linereader_release(struct linereader *lr)
{
	strbuf_release(&lr->line);
	free(lr->block);
	lr->block = NULL;
}

void linereader_prime(struct linereader *lr, const char *bytes, size_t len)
{
	if (len == 0)
		return;
	if (len > BLOCK_SIZE)
		len = BLOCK_SIZE;
	memcpy(lr->block, bytes, len);
	lr->block_len = len;
	lr->block_pos = 0;
}

static int fill(struct linereader *lr)
{
	if (lr->eof)
		return 0;
	lr->block_len = fread(lr->block, 1, BLOCK_SIZE, lr->fp);
	lr->block_pos = 0;
	if (lr->block_len == 0) {
		lr->eof = 1;
		if (ferror(lr->fp)) {
			lr->read_error = 1;
			return -1;
		}
		return 0;
	}
	return 1;
}

static int read_raw(struct linereader *lr, int *overlong_out)
{
	int overlong = 0;
	strbuf_reset(&lr->line);
	for (;;) {
		if (lr->block_pos >= lr->block_len) {
			int r = fill(lr);
			if (r < 0)
				return error("%s: read error: %s", lr->name, strerror(errno));
			if (r == 0) {
				if (lr->line.len == 0 && !overlong)
					return 0;
				break; /* last line without newline */
			}
		}
		char *start = lr->block + lr->block_pos;
		size_t avail = lr->block_len - lr->block_pos;
		char *nl = memchr(start, '\n', avail);
		size_t take = nl ? (size_t)(nl - start) : avail;
		if (!overlong && lr->line.len + take > lr->max_line) {
			overlong = 1;
			strbuf_reset(&lr->line);
		}
		if (!overlong)
			strbuf_add(&lr->line, start, take);
		lr->block_pos += take + (nl ? 1 : 0);
		if (nl)
			break;
	}
	lr->lineno++;
	*overlong_out = overlong;
	return 1;
}

int linereader_next(struct linereader *lr)
{
	int overlong = 0, r;
	while ((r = read_raw(lr, &overlong)) == 1 && overlong) {
		lr->n_overlong++;
		error("%s:%lu: line longer than %zu bytes skipped", lr->name, lr->lineno,
		      lr->max_line);
	}
	if (r != 1)
		return r;
	if (lr->line.len && lr->line.buf[lr->line.len - 1] == '\r')
		strbuf_setlen(&lr->line, lr->line.len - 1);
	return 1;
}

void linereader_shrink(struct linereader *lr)
{
	if (lr->line.alloc > BLOCK_SIZE)
		strbuf_release(&lr->line);
}
