/* strbuf: a growable byte buffer, always NUL-terminated.
 * Ownership: the strbuf owns buf; strbuf_detach hands it to the caller. Pointers into buf are
 * invalidated by any call that may grow it. */
#ifndef SITREP_STRBUF_H
#define SITREP_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct strbuf {
	char *buf;    /* contents, NUL-terminated; never NULL after init */
	size_t len;   /* bytes used, not counting the NUL */
	size_t alloc; /* bytes allocated */
};

extern char strbuf_slopbuf[1]; /* the empty buffer every fresh strbuf points at */
#define STRBUF_INIT { strbuf_slopbuf, 0, 0 }

void strbuf_init(struct strbuf *sb, size_t hint);
void strbuf_release(struct strbuf *sb);
char *strbuf_detach(struct strbuf *sb, size_t *len);
/* Make room for extra more bytes (and the NUL). */
void strbuf_grow_slow(struct strbuf *sb, size_t extra);
static inline void strbuf_grow(struct strbuf *sb, size_t extra)
{
	/* alloc is 0 for the shared empty buffer, so a fresh strbuf always takes the slow path. */
	if (sb->len + extra + 1 > sb->alloc)
		strbuf_grow_slow(sb, extra);
}
void strbuf_reset(struct strbuf *sb);
void strbuf_setlen(struct strbuf *sb, size_t len);
/* Inline: the JSON writers call these for nearly every byte run they emit. */
static inline void strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	strbuf_grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}
static inline void strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}
static inline void strbuf_addch(struct strbuf *sb, int c)
{
	strbuf_grow(sb, 1);
	sb->buf[sb->len++] = (char)c;
	sb->buf[sb->len] = '\0';
}
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Remove trailing and leading ASCII whitespace. */
void strbuf_trim(struct strbuf *sb);

#endif
