/* sitrep: news reports of armed conflict in, event datasets out. main only dispatches. */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "base/util.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{ "parse", cmd_parse, "articles (text, HTML, JSON Lines feeds) -> document records" },
	{ "extract", cmd_extract, "document records -> event, place, actor, quote records" },
	{ "export", cmd_export, "records -> CSV, TSV, JSON, JSON Lines tables" },
	{ "dedup", cmd_dedup, "merge the events of documents that report one event" },
	{ "run", cmd_run, "parse, extract and export in one process into a directory" },
	{ "report", cmd_report, "records -> one self-contained HTML page: map, charts, table" },
	{ "validate", cmd_validate, "check a record stream against the schemas" },
	{ "gazetteer", cmd_gazetteer, "look up, list or import places" },
};

static void usage(FILE *fp)
{
	fprintf(fp, "usage: sitrep COMMAND [OPTIONS] [FILE...]\n\n"
		    "Turns news reports of armed conflict into ACLED-style event datasets.\n"
		    "Each command reads files or standard input and writes standard output.\n\n"
		    "commands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(fp, "  %-10s %s\n\n", "help", "this text, or `sitrep help COMMAND`");
	fprintf(fp, "example:\n  sitrep parse articles/*.txt | sitrep extract | sitrep export > events.csv\n\n"
		    "exit status: 0 ok, 1 some input rejected, 2 usage error, 3 I/O error.\n"
		    "See sitrep(1) for the record model and every option.\n");
}

int main(int argc, char **argv)
{
	static char prefix[64];
	sitrep_setup_io();
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	if (!strcmp(name, "--version") || !strcmp(name, "version")) {
		printf("sitrep %s\n", SITREP_VERSION);
		return finish_stdout();
	}
	if (!strcmp(name, "help") || !strcmp(name, "--help") || !strcmp(name, "-h")) {
		if (argc > 2 && strcmp(name, "help") == 0) {
			char *sub[] = { argv[2], (char *)"--help", NULL };
			for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
				if (!strcmp(argv[2], commands[i].name))
					return commands[i].fn(2, sub);
			fprintf(stderr, "sitrep: no such command '%s'\n", argv[2]);
			return EXIT_USAGE;
		}
		usage(stdout);
		return finish_stdout();
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(name, commands[i].name) == 0) {
			snprintf(prefix, sizeof(prefix), "sitrep %s", name);
			sitrep_progname = prefix;
			return commands[i].fn(argc - 1, argv + 1);
		}
	}
	fprintf(stderr, "sitrep: no such command '%s' (see 'sitrep help')\n", name);
	return EXIT_USAGE;
}
