/* rss: run a command and report its peak resident set size and the processor time it used.
 *   rss OUTFILE CMD [ARG...]   runs CMD, writes its peak RSS in KiB and, on a second line, its
 *                              user plus system seconds to OUTFILE, exits as it did
 * Why not getrusage from the Python benchmark itself: Linux carries the peak RSS of a process
 * across exec, so every child of the Python interpreter reports at least the interpreter's own
 * peak. Forked from this small program instead, the command reports only what it used. For a
 * shell pipeline (CMD = sh -c "..."), the figure is that of the largest process in it. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: rss OUTFILE CMD [ARG...]\n", stderr);
		return 2;
	}
	pid_t pid = fork();
	if (pid < 0) {
		perror("rss: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror("rss: exec");
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("rss: wait4");
		return 2;
	}
	FILE *fp = fopen(argv[1], "w");
	double cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
		     (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	if (!fp || fprintf(fp, "%ld\n%.3f\n", ru.ru_maxrss, cpu) < 0 || fclose(fp) != 0) {
		perror(argv[1]);
		return 2;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
