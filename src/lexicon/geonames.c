/* geonames: one line of allCountries.txt in, at most one gazetteer row out. */
#include "lexicon/geonames.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon/gazetteer.h"
#include "io/linereader.h"
#include "base/strbuf.h"
#include "io/tsv.h"
#include "base/util.h"

struct admin1_names {
	char **codes, **names;
	size_t n;
};

static int admin1_row(struct admin1_names *a, char *line)
{
	char *tab = strchr(line, '\t');
	if (!tab)
		return -1;
	*tab = '\0';
	char *name = tab + 1, *end = strchr(name, '\t');
	if (end)
		*end = '\0';
	a->codes = xrealloc(a->codes, (a->n + 1) * sizeof(*a->codes));
	a->names = xrealloc(a->names, (a->n + 1) * sizeof(*a->names));
	a->codes[a->n] = xstrdup(line);
	a->names[a->n++] = xstrdup(name);
	return 0;
}

static int load_admin1(struct admin1_names *a, const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return error("%s: cannot open: %s", path, strerror(errno));
	struct linereader lr;
	linereader_init(&lr, fp, path, 0);
	while (linereader_next(&lr) == 1)
		if (lr.line.len && admin1_row(a, lr.line.buf) < 0)
			warning("%s:%lu: not 'code<TAB>name'; skipped", path, lr.lineno);
	linereader_release(&lr);
	fclose(fp);
	return 0;
}

static const char *admin1_name(const struct admin1_names *a, const char *cc, const char *code)
{
	char key[64];
	snprintf(key, sizeof(key), "%s.%s", cc, code);
	for (size_t i = 0; i < a->n; i++)
		if (!strcmp(a->codes[i], key))
			return a->names[i];
	return code;
}

static const char *kind_of(const char *cls, const char *code, int all)
{
	if (!strcmp(cls, "P")) {
		if (!strcmp(code, "PPLC"))
			return "pplc";
		if (!strcmp(code, "PPLA"))
			return "ppla";
		if (!strcmp(code, "PPLA2"))
			return "ppla2";
		return "ppl";
	}
	if (!strcmp(cls, "A") && !strcmp(code, "ADM1"))
		return "adm1";
	if (!strcmp(cls, "A") && !strcmp(code, "ADM2"))
		return "adm2";
	return all ? "ppl" : NULL;
}

/* Alternate names written in Latin letters: the spellings news copy uses. */
static void latin_aliases(const char *list, const char *name, struct strbuf *out)
{
	const char *p = list;
	size_t kept = 0;
	while (*p && kept < 12) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		int ok = len > 1 && len < 60;
		for (size_t i = 0; ok && i < len; i++) {
			unsigned char ch = (unsigned char)p[i];
			if (!(ch >= 'A' && ch <= 'Z') && !(ch >= 'a' && ch <= 'z') && !strchr(" -'", ch))
				ok = 0;
		}
		if (ok && !(strlen(name) == len && !strncmp(name, p, len))) {
			if (out->len)
				strbuf_addch(out, '|');
			strbuf_add(out, p, len);
			kept++;
		}
		if (!comma)
			break;
		p = comma + 1;
	}
}

static int convert_line(char *line, const struct admin1_names *a1, const struct gazetteer *gz,
			const struct geonames_import_opts *opts, FILE *out, struct strbuf *aliases)
{
	char *f[20];
	size_t n = 0;
	char *p = line;
	while (n < 20) {
		f[n++] = p;
		char *tab = strchr(p, '\t');
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	if (n < 15)
		return -1;
	const char *kind = kind_of(f[6], f[7], opts->all_features);
	long pop = strtol(f[14], NULL, 10);
	if (!kind || (opts->min_population && pop < opts->min_population && strcmp(kind, "adm1") &&
		      strcmp(kind, "adm2")))
		return 0;
	char *end;
	double lat = strtod(f[4], &end);
	if (*end || lat < -90 || lat > 90)
		return -1;
	double lon = strtod(f[5], &end);
	if (*end || lon < -180 || lon > 180)
		return -1;
	const char *iso3 = "";
	for (size_t i = 0; i < gz->n_countries; i++)
		if (!strcmp(gz->countries[i].iso2, f[8]))
			iso3 = gz->countries[i].iso3;
	strbuf_reset(aliases);
	latin_aliases(f[3], f[1], aliases);
	if (strcmp(f[1], f[2]) && strchr(f[2], '|') == NULL) {
		if (aliases->len)
			strbuf_addch(aliases, '|');
		strbuf_addstr(aliases, f[2]);
	}
	const char *admin1 = !strcmp(kind, "adm1") ? f[1] : admin1_name(a1, f[8], f[10]);
	fprintf(out, "%s\t%s\t%s\t%s\t%s\t\t%s\t%s\t%s\n", f[1], aliases->buf, kind, iso3, admin1,
		f[4], f[5], pop > 0 ? f[14] : "");
	return 0;
}

int geonames_import(char **paths, size_t n, const struct geonames_import_opts *opts, FILE *out)
{
	struct admin1_names a1 = { NULL, NULL, 0 };
	struct gazetteer *gz = gazetteer_load(NULL, 0); /* for ISO2 -> ISO3 */
	struct strbuf aliases = STRBUF_INIT;
	int rc = EXIT_OK;
	if (!gz)
		return EXIT_IO;
	if (opts->admin1_file && load_admin1(&a1, opts->admin1_file) < 0)
		rc = EXIT_IO;
	fprintf(out, "# imported from GeoNames (geonames.org, CC BY 4.0) by sitrep gazetteer import\n"
		     "name\taliases\tkind\tiso3\tadmin1\tadmin2\tlat\tlon\tpopulation\n");
	for (size_t i = 0; rc != EXIT_IO && i < n; i++) {
		FILE *fp = strcmp(paths[i], "-") ? fopen(paths[i], "rb") : stdin;
		if (!fp) {
			error("%s: cannot open: %s", paths[i], strerror(errno));
			rc = EXIT_IO;
			break;
		}
		struct linereader lr;
		linereader_init(&lr, fp, paths[i], 0);
		while (linereader_next(&lr) == 1) {
			if (!lr.line.len || lr.line.buf[0] == '#')
				continue;
			if (convert_line(lr.line.buf, &a1, gz, opts, out, &aliases) < 0) {
				error("%s:%lu: not a GeoNames dump line (19 tab-separated columns)",
				      lr.name, lr.lineno);
				rc = EXIT_REJECTED;
			}
		}
		linereader_release(&lr);
		if (fp != stdin)
			fclose(fp);
	}
	for (size_t i = 0; i < a1.n; i++) {
		free(a1.codes[i]);
		free(a1.names[i]);
	}
	free(a1.codes);
	free(a1.names);
	strbuf_release(&aliases);
	gazetteer_free(gz);
	return rc;
}
