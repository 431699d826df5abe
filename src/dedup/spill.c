/* spill: appends go through a buffer of our own, reads are pread(2) after flushing it. */
#include "dedup/spill.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"

#define SPILL_BUFFER (1u << 20)

struct spill {
	int fd;
	uint64_t size;   /* bytes appended, buffered ones included */
	uint64_t synced; /* bytes already written to the file */
	char *buf;       /* bytes from synced to size */
	size_t buf_len;
	char path[64];   /* for messages */
};

struct spill *spill_new(void)
{
	const char *dir = getenv("TMPDIR");
	struct spill *s = xcalloc(1, sizeof(*s));
	struct strbuf tmpl = STRBUF_INIT;
	strbuf_addf(&tmpl, "%s/sitrep-spill-XXXXXX", dir && *dir ? dir : "/tmp");
	s->fd = mkstemp(tmpl.buf);
	if (s->fd < 0) {
		error("cannot create a temporary file in '%s': %s", dir && *dir ? dir : "/tmp",
		      strerror(errno));
		strbuf_release(&tmpl);
		free(s);
		return NULL;
	}
	unlink(tmpl.buf);
	snprintf(s->path, sizeof(s->path), "%.63s", tmpl.buf);
	strbuf_release(&tmpl);
	s->buf = xmalloc(SPILL_BUFFER);
	return s;
}

void spill_free(struct spill *s)
{
	if (!s)
		return;
	close(s->fd);
	free(s->buf);
	free(s);
}

static int write_all(struct spill *s, const char *p, size_t len)
{
	size_t done = 0;
	while (done < len) {
		ssize_t w = pwrite(s->fd, p + done, len - done, (off_t)(s->synced + done));
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return error("cannot write the temporary file '%s': %s", s->path,
				     w < 0 ? strerror(errno) : "no space");
		done += (size_t)w;
	}
	s->synced += len;
	return 0;
}

static int sync_buffer(struct spill *s)
{
	if (write_all(s, s->buf, s->buf_len) < 0)
		return -1;
	s->buf_len = 0;
	return 0;
}

int spill_append(struct spill *s, const void *data, size_t len, uint64_t *off)
{
	*off = s->size;
	if (s->buf_len + len > SPILL_BUFFER && sync_buffer(s) < 0)
		return -1;
	if (len > SPILL_BUFFER) {
		if (write_all(s, data, len) < 0) /* larger than the buffer: straight to the file */
			return -1;
	} else {
		memcpy(s->buf + s->buf_len, data, len);
		s->buf_len += len;
	}
	s->size += len;
	return 0;
}

int spill_read_into(struct spill *s, uint64_t off, size_t len, void *buf)
{
	if (off + len > s->synced && sync_buffer(s) < 0)
		return -1;
	size_t done = 0;
	while (done < len) {
		ssize_t r = pread(s->fd, (char *)buf + done, len - done, (off_t)(off + done));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return error("cannot read the temporary file '%s': %s", s->path,
				     r < 0 ? strerror(errno) : "file shorter than written");
		done += (size_t)r;
	}
	return 0;
}

int spill_read(struct spill *s, uint64_t off, size_t len, struct strbuf *out)
{
	strbuf_grow(out, len);
	if (spill_read_into(s, off, len, out->buf + out->len) < 0)
		return -1;
	strbuf_setlen(out, out->len + len);
	return 0;
}

uint64_t spill_size(const struct spill *s)
{
	return s->size;
}
