/* util: allocation wrappers, the one diagnostic format, stdout finishing. */
#include "base/util.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"

const char *sitrep_progname = "sitrep";
int sitrep_quiet_warnings;
int sitrep_silent;

static void oom(size_t size)
{
	fprintf(stderr, "%s: out of memory allocating %zu bytes\n", sitrep_progname, size);
	exit(EXIT_IO);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		oom(size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		oom(count * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		oom(size);
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

static void vreport(const char *kind, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
static _Thread_local struct strbuf *captured; /* see sitrep_capture_messages */

void sitrep_capture_messages(struct strbuf *sb)
{
	captured = sb;
}

static void vreport(const char *kind, const char *fmt, va_list ap)
{
	if (sitrep_silent)
		return;
	if (captured) {
		strbuf_addf(captured, "%s: %s", sitrep_progname, kind);
		strbuf_vaddf(captured, fmt, ap);
		strbuf_addch(captured, '\n');
		return;
	}
	fprintf(stderr, "%s: %s", sitrep_progname, kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("", fmt, ap);
	va_end(ap);
	return -1;
}

int warning(const char *fmt, ...)
{
	va_list ap;
	if (sitrep_quiet_warnings)
		return 0;
	va_start(ap, fmt);
	vreport("warning: ", fmt, ap);
	va_end(ap);
	return 0;
}

void die(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("", fmt, ap);
	va_end(ap);
	exit(status);
}

void sitrep_setup_io(void)
{
	signal(SIGPIPE, SIG_IGN);
}

void out_failed(void)
{
	if (errno == EPIPE)
		exit(EXIT_OK); /* `sitrep ... | head`: the reader has what it wanted */
	die(EXIT_IO, "write error on standard output: %s", strerror(errno));
}

void out_write(const void *buf, size_t len)
{
	if (len && fwrite(buf, 1, len, stdout) != len)
		out_failed();
}

int finish_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno == EPIPE)
			return EXIT_OK;
		error("write error on standard output: %s", strerror(errno));
		return EXIT_IO;
	}
	return EXIT_OK;
}

int ascii_casecmp(const char *a, const char *b)
{
	for (; *a && ascii_lower((unsigned char)*a) == ascii_lower((unsigned char)*b); a++, b++)
		;
	return ascii_lower((unsigned char)*a) - ascii_lower((unsigned char)*b);
}

int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int starts_with_ci(const char *s, const char *prefix)
{
	return ascii_ncasecmp(s, prefix, strlen(prefix)) == 0;
}
