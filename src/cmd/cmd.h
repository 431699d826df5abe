/* cmd: the subcommands; each parses its own options and returns an exit status. */
#ifndef SITREP_CMD_H
#define SITREP_CMD_H

#define SITREP_VERSION "0.1.0"

int cmd_parse(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_dedup(int argc, char **argv);

struct dedup_opts;
/* --days N or --km N (opt names which) into o; a bad value exits with EXIT_USAGE. */
void cmd_dedup_window(const char *opt, const char *arg, struct dedup_opts *o);
int cmd_gazetteer(int argc, char **argv);
int cmd_report(int argc, char **argv);

/* Print "sitrep: STAGE: N documents in, N out, N rejected (see above)" when anything was
 * rejected, and fold the counts into an exit status. */
int cmd_account(const char *stage, const char *unit, unsigned long in, unsigned long out,
		unsigned long rejected, int io_errors);

#endif
