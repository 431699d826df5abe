/* util: allocation that never fails, diagnostics in one format, exit codes.
 * Ownership: x*alloc results belong to the caller; messages are copied to stderr at once. */
#ifndef SITREP_UTIL_H
#define SITREP_UTIL_H

#include <stddef.h>
#include <stdio.h>

/* Exit statuses scripts can rely on (documented in sitrep.1). */
enum sitrep_exit {
	EXIT_OK = 0,       /* every input accepted */
	EXIT_REJECTED = 1, /* some input rejected; the rest went through */
	EXIT_USAGE = 2,    /* bad command line */
	EXIT_IO = 3        /* cannot read input or write output */
};

extern const char *sitrep_progname; /* "sitrep" or "sitrep parse": message prefix */
extern int sitrep_quiet_warnings;   /* set by --quiet: suppress warnings, keep errors */
extern int sitrep_silent;           /* no messages at all (fuzzers) */

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);

/* Print "sitrep: message" and return -1, so library code can `return error(...)`. */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Same with "warning: " after the prefix; returns 0. */
int warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print the message and exit with status. Only cmd_* and main call it. */
void die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));
/* The calling thread's messages (error, warning) go to sb instead of stderr, until called
 * with NULL: a worker thread's messages are then printed in input order by the thread that
 * writes its output. */
struct strbuf;
void sitrep_capture_messages(struct strbuf *sb);

/* Flush stdout; a closed pipe is a quiet success, any other failure exits EXIT_IO. */
int finish_stdout(void);
/* Ignore SIGPIPE: a reader that goes away is seen as EPIPE and ends the command quietly with
 * status 0 (out_write, finish_stdout). */
void sitrep_setup_io(void);
/* Write to standard output for a command: on a closed pipe exit 0 quietly, on any other
 * error exit EXIT_IO with a message. Only cmd_* call it. */
void out_write(const void *buf, size_t len);
/* After a failed write of the caller's own: exit as out_write would. */
void out_failed(void) __attribute__((noreturn));

/* Case-insensitive ASCII compare helpers. */
/* ASCII case folding, whatever the locale. Inline: the date and name scanners ask it at most
 * words, and the strings are short. */
static inline int ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}
int ascii_casecmp(const char *a, const char *b);
static inline int ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int d = ascii_lower((unsigned char)a[i]) - ascii_lower((unsigned char)b[i]);
		if (d || !a[i])
			return d;
	}
	return 0;
}
int starts_with(const char *s, const char *prefix);
int starts_with_ci(const char *s, const char *prefix);

#endif
