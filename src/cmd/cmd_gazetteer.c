/* cmd_gazetteer: `sitrep gazetteer lookup|list|import`. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "lexicon/gazetteer.h"
#include "lexicon/geonames.h"
#include "base/util.h"

static const char gazetteer_usage[] =
	"usage: sitrep gazetteer lookup [--gazetteer FILE] NAME...\n"
	"       sitrep gazetteer list [--gazetteer FILE] [--country ISO3] [--kind KIND]\n"
	"       sitrep gazetteer import [--admin1 admin1CodesASCII.txt] [--min-population N]\n"
	"                               [--all] GEONAMES_FILE...\n\n"
	"lookup  prints the places each name resolves to (TSV: the query, then gazetteer columns)\n"
	"list    prints the whole gazetteer (embedded plus --gazetteer files) as TSV\n"
	"import  converts GeoNames' dump format (cities15000.txt, allCountries.txt, XX.txt: 19\n"
	"        tab-separated columns) into sitrep's gazetteer TSV on standard output, to pass\n"
	"        to `sitrep extract --gazetteer`. Populated places (feature class P) and first-\n"
	"        and second-level divisions (ADM1, ADM2) are kept; --all keeps every feature.\n"
	"        Admin1 codes become names with --admin1 (GeoNames' admin1CodesASCII.txt).\n"
	"        Streams: allCountries.txt is read line by line.\n";

static void print_place(const char *query, const struct place *p)
{
	if (query)
		printf("%s\t", query);
	printf("%s\t\t%s\t%s\t%s\t%s\t%.4f\t%.4f\t", p->name, place_kind_name(p->kind), p->iso3,
	       p->admin1, p->admin2, p->lat, p->lon);
	if (p->population >= 0)
		printf("%ld", p->population);
	putchar('\n');
}

static int lookup(struct gazetteer *gz, char **names, int n)
{
	int rc = EXIT_OK;
	printf("query\tname\taliases\tkind\tiso3\tadmin1\tadmin2\tlat\tlon\tpopulation\n");
	for (int i = 0; i < n; i++) {
		int cand[64];
		size_t k = gazetteer_lookup(gz, names[i], cand, 64);
		if (!k) {
			error("'%s': no such place", names[i]);
			rc = EXIT_REJECTED;
		}
		for (size_t j = 0; j < k; j++)
			print_place(names[i], gz_place(gz, cand[j]));
	}
	return rc;
}

static int list(struct gazetteer *gz, const char *country, const char *kind)
{
	printf("name\taliases\tkind\tiso3\tadmin1\tadmin2\tlat\tlon\tpopulation\n");
	for (size_t i = 0; i < gz->n; i++) {
		const struct place *p = gz_place(gz, i);
		if (country && strcmp(p->iso3, country) != 0)
			continue;
		if (kind && strcmp(place_kind_name(p->kind), kind) != 0)
			continue;
		print_place(NULL, p);
	}
	return EXIT_OK;
}

int cmd_gazetteer(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "gazetteer", required_argument, NULL, 'g' },
		{ "country", required_argument, NULL, 'c' },
		{ "kind", required_argument, NULL, 'k' },
		{ "admin1", required_argument, NULL, 'a' },
		{ "min-population", required_argument, NULL, 'p' },
		{ "all", no_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *user = NULL, *country = NULL, *kind = NULL, *admin1 = NULL;
	long min_pop = 0;
	int c, all = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'g': user = optarg; break;
		case 'c': country = optarg; break;
		case 'k': kind = optarg; break;
		case 'a': admin1 = optarg; break;
		case 'p': min_pop = strtol(optarg, NULL, 10); break;
		case 'A': all = 1; break;
		case 'h':
			fputs(gazetteer_usage, stdout);
			return finish_stdout();
		default:
			fputs(gazetteer_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fputs(gazetteer_usage, stderr);
		return EXIT_USAGE;
	}
	const char *verb = argv[optind++];
	if (!strcmp(verb, "import")) {
		struct geonames_import_opts gio = { admin1, min_pop, all };
		if (optind == argc)
			die(EXIT_USAGE, "import wants GeoNames files (cities15000.txt, allCountries.txt)");
		int rc = geonames_import(argv + optind, (size_t)(argc - optind), &gio, stdout);
		int out = finish_stdout();
		return out ? out : rc;
	}
	struct gazetteer *gz = gazetteer_load(user ? &user : NULL, user ? 1 : 0);
	if (!gz)
		return EXIT_USAGE;
	int rc;
	if (!strcmp(verb, "lookup"))
		rc = lookup(gz, argv + optind, argc - optind);
	else if (!strcmp(verb, "list"))
		rc = list(gz, country, kind);
	else {
		error("unknown verb '%s' (lookup, list, import)", verb);
		rc = EXIT_USAGE;
	}
	gazetteer_free(gz);
	int out = finish_stdout();
	return out ? out : rc;
}
