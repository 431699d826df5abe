/* The embedded lexicons and the user extension files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexicon/acled.h"
#include "lexicon/actors.h"
#include "lexicon/caslex.h"
#include "lexicon/gazetteer.h"
#include "text/text.h"
#include "lexicon/cues.h"
#include "lexicon/triggers.h"
#include "io/tsv.h"
#include "unit.h"

static struct gazetteer *gz;

static void load(void)
{
	gz = gazetteer_load(NULL, 0);
	ck_assert_ptr_nonnull(gz);
}

static void unload(void)
{
	gazetteer_free(gz);
}

static const struct place *first_of_kind(const char *name, enum place_kind kind)
{
	int cand[64];
	size_t n = gazetteer_lookup(gz, name, cand, 64);
	for (size_t i = 0; i < n; i++)
		if (gz_place(gz, cand[i])->kind == kind)
			return gz_place(gz, cand[i]);
	return NULL;
}

START_TEST(gazetteer_resolves_afghan_transliterations)
{
	static const char *const spellings[][2] = {
		{ "Kunduz", "Kondoz" }, { "Kunduz", "Qunduz" }, { "Mazar-i-Sharif", "Mazar-e-Sharif" },
		{ "Qala-i-Naw", "Qala-e-Naw" }, { "Sar-e-Pol", "Sar-i-Pul" },
		{ "Sheberghan", "Shibirghan" }, { "Pul-e-Khumri", "Puli Khumri" } };
	for (size_t i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++) {
		int a[32], b[32];
		size_t na = gazetteer_lookup(gz, spellings[i][0], a, 32);
		size_t nb = gazetteer_lookup(gz, spellings[i][1], b, 32);
		ck_assert_msg(na && nb, "'%s' or '%s' unknown", spellings[i][0], spellings[i][1]);
		int shared = 0;
		for (size_t x = 0; x < na; x++)
			for (size_t y = 0; y < nb; y++)
				shared |= a[x] == b[y];
		ck_assert_msg(shared, "'%s' and '%s' name different places", spellings[i][0],
			      spellings[i][1]);
	}
}
END_TEST

START_TEST(gazetteer_has_every_afghan_province_with_a_capital)
{
	size_t provinces = 0;
	for (size_t i = 0; i < gz->n; i++)
		if (gz_place(gz, i)->kind == PK_ADM1 && !strcmp(gz_place(gz, i)->iso3, "AFG"))
			provinces++;
	ck_assert_uint_eq(provinces, 34);
	const struct place *p = first_of_kind("Badghis", PK_ADM1);
	ck_assert_ptr_nonnull(p);
	const struct place *c = first_of_kind("Qala-i-Naw", PK_PPLA);
	ck_assert_ptr_nonnull(c);
	ck_assert(p->lat - c->lat < 0.05 && c->lat - p->lat < 0.05); /* at its capital */
}
END_TEST

START_TEST(gazetteer_has_every_country_and_demonym)
{
	ck_assert_uint_ge(gz->n_countries, 240);
	struct tokens t;
	tokens_build(&t, "Nigerian troops", 15);
	size_t n;
	int c = gazetteer_demonym(gz, &t, 0, &n);
	ck_assert_int_ge(c, 0);
	ck_assert_str_eq(gz->countries[c].iso3, "NGA");
	tokens_release(&t);
}
END_TEST

START_TEST(gazetteer_user_rows_add_and_override)
{
	char path[] = "/tmp/sitrep-gaz-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *fp = fdopen(fd, "w");
	fprintf(fp, "name\taliases\tkind\tiso3\tadmin1\tadmin2\tlat\tlon\tpopulation\n"
		    "Kunduz\tKondoz\tppla\tAFG\tKunduz\tKunduz\t36.0\t68.0\t1\n"
		    "Xyzzy Camp\tXyzzy\tppl\tSSD\tUnity\t\t9.1\t29.8\t\n");
	fclose(fp);
	const char *files[] = { path };
	struct gazetteer *g = gazetteer_load(files, 1);
	ck_assert_ptr_nonnull(g);
	int cand[32];
	size_t n = gazetteer_lookup(g, "Kunduz", cand, 32);
	int found = 0;
	for (size_t i = 0; i < n; i++)
		if (gz_place(g, cand[i])->kind == PK_PPLA) {
			ck_assert(gz_place(g, cand[i])->lat == 36.0);
			found = 1;
		}
	ck_assert(found);
	ck_assert_uint_eq(gazetteer_lookup(g, "Xyzzy", cand, 32), 1);
	gazetteer_free(g);
	unlink(path);
}
END_TEST

/* A user table passed as a gazetteer is read as peoples when its header says so, even with
 * no newline after its last row; a table of places is not. */
START_TEST(gazetteer_user_table_of_peoples_by_its_header)
{
	char path[] = "/tmp/sitrep-peoples-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *fp = fdopen(fd, "w");
	fprintf(fp, "# peoples of my own\nname\taliases\tiso3\nKorekore\tKorekores\tZWE");
	fclose(fp);
	ck_assert_int_eq(tsv_file_has_header(path, "name,aliases,iso3"), 1);
	ck_assert_int_eq(tsv_file_has_header(path, "name,aliases,kind"), 0);
	fp = fopen(path, "w");
	fprintf(fp, "name\taliases\tiso3"); /* a header alone, no newline */
	fclose(fp);
	ck_assert_int_eq(tsv_file_has_header(path, "name,aliases,iso3"), 1);
	fp = fopen(path, "w");
	fprintf(fp, "# peoples of my own\nname\taliases\tiso3\nKorekore\tKorekores\tZWE");
	fclose(fp);
	const char *files[] = { path };
	struct gazetteer *g = gazetteer_load(files, 1);
	ck_assert_ptr_nonnull(g);
	const char *text = "Korekores raided a farm.";
	struct tokens t;
	tokens_build(&t, text, strlen(text));
	size_t len;
	int c = gazetteer_people(g, &t, 0, &len);
	ck_assert_int_ge(c, 0);
	ck_assert_str_eq(g->countries[c].iso3, "ZWE");
	tokens_release(&t);
	gazetteer_free(g);
	unlink(path);
}
END_TEST

START_TEST(actors_acronyms_match_only_as_written)
{
	struct actor_lex *lex = actors_load(NULL, 0);
	ck_assert_ptr_nonnull(lex);
	int out[8];
	size_t n;
	struct tokens t;
	const char *s = "It is IS that claimed it, not ISKP";
	tokens_build(&t, s, strlen(s));
	ck_assert_uint_eq(actors_match(lex, &t, 1, t.n, out, 8, &n), 0); /* "is" */
	ck_assert_uint_gt(actors_match(lex, &t, 2, t.n, out, 8, &n), 0);  /* "IS" */
	ck_assert_str_eq(lex->defs[out[n - 1]].name, "Islamic State");
	ck_assert_uint_gt(actors_match(lex, &t, t.n - 1, t.n, out, 8, &n), 0);
	ck_assert_str_eq(lex->defs[out[n - 1]].name, "Islamic State (Khorasan Province)");
	tokens_release(&t);
	actors_free(lex);
}
END_TEST

START_TEST(triggers_cover_every_acled_class)
{
	struct trigger_lex *lex = triggers_load(NULL, 0, NULL, 0);
	ck_assert_ptr_nonnull(lex);
	int seen[EC_COUNT] = { 0 };
	for (size_t i = 0; i < lex->n; i++)
		seen[lex->defs[i].cls]++;
	for (int c = 0; c < EC_COUNT; c++)
		ck_assert_msg(seen[c] > 0, "no trigger for class %s", ev_class_name((enum ev_class)c));
	triggers_free(lex);
}
END_TEST

/* The trigger class of the phrase at the start of s, or -1. */
static int trigger_class(const struct trigger_lex *lex, const char *s)
{
	struct tokens t;
	int out[8];
	size_t n;
	tokens_build(&t, s, strlen(s));
	size_t len = triggers_match(lex, &t, 0, t.n, out, 8, &n);
	tokens_release(&t);
	return len ? (int)lex->defs[out[n - 1]].cls : -1;
}

/* The kind of the casualty phrase of a voice at the start of s, or -1. */
static int casualty_kind(const struct cas_lex *lex, const char *s, unsigned voice)
{
	struct tokens t;
	size_t len;
	tokens_build(&t, s, strlen(s));
	const struct cas_def *d = caslex_at(lex, &t, 0, t.n, voice, &len);
	tokens_release(&t);
	return d ? (int)d->kind : -1;
}

START_TEST(casualty_rows_are_counts_and_triggers_from_one_table)
{
	struct cas_lex *cas = caslex_load(NULL, 0);
	struct trigger_lex *trg = triggers_load(NULL, 0, NULL, 0);
	ck_assert_ptr_nonnull(cas);
	ck_assert_ptr_nonnull(trg);
	/* "gunned down": a count of the killed either way round, and an Attack trigger. */
	ck_assert_int_eq(casualty_kind(cas, "gunned down two guards", CV_ACTIVE), CAS_KILLED);
	ck_assert_int_eq(casualty_kind(cas, "gunned down", CV_PASSIVE), CAS_KILLED);
	ck_assert_int_eq(trigger_class(trg, "gunned down two guards"), EC_ATTACK);
	/* "killing" only active; "died" only passive; "casualties" a trigger with no count. */
	ck_assert_int_eq(casualty_kind(cas, "killing four", CV_PASSIVE), -1);
	ck_assert_int_eq(casualty_kind(cas, "died", CV_ACTIVE), -1);
	ck_assert_int_eq(casualty_kind(cas, "casualties", CV_PASSIVE | CV_ACTIVE), -1);
	ck_assert_int_eq(trigger_class(trg, "casualties"), EC_KILL);
	ck_assert_int_eq(trigger_class(trg, "detained five men"), EC_ARREST);
	ck_assert_int_eq(casualty_kind(cas, "detained five men", CV_ACTIVE), CAS_DETAINED);
	ck_assert_int_eq(casualty_kind(cas, "hurt", CV_PASSIVE), CAS_INJURED);
	ck_assert_int_eq(trigger_class(trg, "hurt"), -1);
	caslex_free(cas);
	triggers_free(trg);
}
END_TEST

START_TEST(casualty_user_file_adds_a_verb_to_counts_and_triggers)
{
	char path[] = "/tmp/sitrep-cas-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *fp = fdopen(fd, "w");
	fprintf(fp, "phrase\tkind\tvoice\tclass\tcameo\tflags\n"
		    "butchered\tkilled\tap\tATTACK\t1823\tvn\n"
		    "rounded up\tdetained\tap\tARREST\t173\tv\n");
	fclose(fp);
	const char *files[] = { path };
	struct cas_lex *base = caslex_load(NULL, 0);
	ck_assert_int_eq(casualty_kind(base, "butchered six", CV_ACTIVE), -1);
	caslex_free(base);
	struct cas_lex *cas = caslex_load(files, 1);
	struct trigger_lex *trg = triggers_load(NULL, 0, files, 1);
	ck_assert_int_eq(casualty_kind(cas, "butchered six", CV_ACTIVE), CAS_KILLED);
	ck_assert_int_eq(trigger_class(trg, "butchered six"), EC_ATTACK);
	ck_assert_int_eq(casualty_kind(cas, "rounded up", CV_ACTIVE), CAS_DETAINED);
	caslex_free(cas);
	triggers_free(trg);
	unlink(path);
}
END_TEST

START_TEST(cues_user_table_adds_removes_and_defines_words)
{
	char path[] = "/tmp/sitrep-cues-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *fp = fdopen(fd, "w");
	fprintf(fp, "name\twords\tabout\n"
		    "aircraft\tBlimp|-jet\t\n"
		    "my_cue\tfoo|bar\tonly a user rule reads it\n");
	fclose(fp);
	const char *files[] = { path };
	struct cue_lex *lex = cues_load(files, 1);
	ck_assert_ptr_nonnull(lex);
	const struct cue *air = &lex->cue[CUE_aircraft];
	ck_assert(cue_has_word(air, "blimp"));  /* added, lower-cased as tokens are */
	ck_assert(!cue_has_word(air, "jet"));   /* removed */
	ck_assert(cue_has_word(air, "drone"));  /* the embedded words stay */
	int mine = cues_find(lex, "my_cue");
	ck_assert_int_ge(mine, CUE_COUNT);
	ck_assert(cue_has_word(&lex->cue[mine], "bar"));
	/* A token's bit row says the same: every cue a word is in, and no cue for the rest. */
	struct tokens t = { 0 };
	tokens_build(&t, "blimp jet bar drone zzyzx", 25);
	ck_assert(cue_in_row(cues_row(lex, &t.tok[0]), CUE_aircraft));
	ck_assert(!cue_in_row(cues_row(lex, &t.tok[1]), CUE_aircraft));
	ck_assert(cue_in_row(cues_row(lex, &t.tok[2]), (size_t)mine));
	ck_assert(!cue_in_row(cues_row(lex, &t.tok[2]), CUE_aircraft));
	ck_assert(cue_in_row(cues_row(lex, &t.tok[3]), CUE_aircraft));
	ck_assert(cue_in_row(cues_row(lex, &t.tok[3]), CUE_weapon)); /* a word of two cues */
	for (size_t c = 0; c < lex->n; c++)
		ck_assert(!cue_in_row(cues_row(lex, &t.tok[4]), c));
	tokens_release(&t);
	cues_free(lex);
	unlink(path);
}
END_TEST

START_TEST(cues_every_code_cue_has_words)
{
	struct cue_lex *lex = cues_load(NULL, 0);
	ck_assert_ptr_nonnull(lex);
	for (size_t i = 0; i < CUE_COUNT; i++)
		ck_assert_msg(lex->cue[i].n > 0, "cue '%s' is empty", lex->cue[i].name);
	cues_free(lex);
}
END_TEST

START_TEST(cues_reject_a_phrase_as_a_word)
{
	char path[] = "/tmp/sitrep-cues-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *fp = fdopen(fd, "w");
	fprintf(fp, "name\twords\tabout\nhabit\tevery day\t\n");
	fclose(fp);
	const char *files[] = { path };
	ck_assert_ptr_null(cues_load(files, 1));
	unlink(path);
}
END_TEST

START_TEST(acled_table_has_six_types_and_twenty_five_sub_types)
{
	ck_assert_int_eq(acled_load(), 0);
	int per_type[TYPE_COUNT] = { 0 };
	for (int i = 0; i < SUB_COUNT; i++)
		per_type[acled_type_of((enum acled_sub)i)]++;
	ck_assert_int_eq(SUB_COUNT, 25);
	for (int t = 0; t < TYPE_COUNT; t++)
		ck_assert_int_gt(per_type[t], 0);
	ck_assert_str_eq(acled_sub(SUB_air_strike)->sub_event_type, "Air/drone strike");
	ck_assert_str_eq(acled_sub(SUB_air_strike)->event_type, "Explosions/Remote violence");
	ck_assert_int_eq(acled_default_sub(EC_KILL), SUB_armed_clash);
	ck_assert_int_eq(acled_default_sub(EC_CAPTURE_PLACE), SUB_nonstate_overtakes);
}
END_TEST

Suite *suite_lexicons(void)
{
	Suite *s = suite_create("lexicons");
	TCase *tc = tcase_create("gazetteer");
	tcase_add_checked_fixture(tc, load, unload);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, gazetteer_resolves_afghan_transliterations);
	tcase_add_test(tc, gazetteer_has_every_afghan_province_with_a_capital);
	tcase_add_test(tc, gazetteer_has_every_country_and_demonym);
	tcase_add_test(tc, gazetteer_user_rows_add_and_override);
	tcase_add_test(tc, gazetteer_user_table_of_peoples_by_its_header);
	suite_add_tcase(s, tc);
	TCase *tc2 = tcase_create("actors and triggers");
	tcase_add_test(tc2, actors_acronyms_match_only_as_written);
	tcase_add_test(tc2, triggers_cover_every_acled_class);
	tcase_add_test(tc2, casualty_rows_are_counts_and_triggers_from_one_table);
	tcase_add_test(tc2, casualty_user_file_adds_a_verb_to_counts_and_triggers);
	tcase_add_test(tc2, cues_user_table_adds_removes_and_defines_words);
	tcase_add_test(tc2, cues_every_code_cue_has_words);
	tcase_add_test(tc2, cues_reject_a_phrase_as_a_word);
	tcase_add_test(tc2, acled_table_has_six_types_and_twenty_five_sub_types);
	suite_add_tcase(s, tc2);
	return s;
}
