/*
 * geonames_dump: write sitrep's src/data/cities_world.tsv from the GeoNames cities table that
 * Debian ships in libgeonames0 / libgeonames-common (GeoNames places of 15,000+ people, with
 * the admin1 ("state") name of each; data CC BY 4.0, https://www.geonames.org/).
 *
 * Maintainer tool, not part of the main build.
 *
 *   cc -O2 -Wall -Wextra tools/geonames_dump.c $(pkg-config --cflags --libs geonames) -o /tmp/gndump
 *   /tmp/gndump src/data/countries.tsv src/data/gazetteer_world.tsv src/data/gazetteer_af.tsv \
 *       > src/data/cities_world.tsv
 *
 * countries.tsv (required) maps GeoNames' ISO2 country codes to iso3 and names each national
 * capital: the city of the capital's name nearest the capital's coordinates becomes `pplc`,
 * every other city `ppl`.
 *
 * The gazetteer files (optional, any number) supply sitrep's own adm1 names: a GeoNames state
 * name that matches an adm1 row's name or alias of the same country (case, accents and
 * punctuation ignored; then also ignoring words such as "Province", "Governorate", "Oblast",
 * "State of") is written as that row's name, so that admin1 agrees across the gazetteer files.
 * Unmatched state names are written as GeoNames has them and listed on stderr for countries
 * that do have adm1 rows. Where GeoNames files a place under one country and sitrep (like
 * ACLED) under another, a state name that matches an adm1 row of the other country moves the
 * place there:
 * Moroccan-administered Western Sahara (MAR -> ESH) and Israeli-administered West Bank
 * ("Judea and Samaria Area", ISR -> PSE).
 *
 * Output rows: name, aliases (empty), kind, iso3, admin1, admin2 (empty), lat, lon,
 * population; sorted by iso3, then population (largest first), then name.
 */

#include <geonames.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *iso2, *iso3, *capital;
    double lat, lon;
    int has_coords;
    void *capital_city;     /* the City chosen as pplc, or NULL */
    int capital_how;        /* 0 none, 1 exact name, 2 prefix name, 3 nearest */
    double capital_km;
} Country;

typedef struct {
    char *name, *admin1, *iso3;
    double lat, lon;
    guint population;
    Country *country;
    int is_capital;
} City;

/* ---------------------------------------------------------------- helpers */

/* The build line links no libm, so distances use an equirectangular approximation with a
 * series cosine and a Newton square root: plenty for the 5-50 km comparisons made here. */
static double
cos_series (double x)
{
    double x2 = x * x, term = 1.0, sum = 1.0;
    for (int k = 1; k < 12; k++) {
        term *= -x2 / ((2 * k - 1) * (2 * k));
        sum += term;
    }
    return sum;
}

static double
sqrt_newton (double v)
{
    if (v <= 0)
        return 0;
    double x = v > 1 ? v : 1;
    for (int i = 0; i < 60; i++)
        x = 0.5 * (x + v / x);
    return x;
}

static double
distance_km (double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0088, rad = 3.14159265358979323846 / 180.0;
    double dl = lon2 - lon1;
    if (dl > 180)
        dl -= 360;
    if (dl < -180)
        dl += 360;
    double x = dl * rad * cos_series ((lat1 + lat2) / 2 * rad), y = (lat2 - lat1) * rad;
    return r * sqrt_newton (x * x + y * y);
}

/* Lower-case ASCII transliteration with everything but letters and digits removed:
 * "Odes’ka Oblast’" -> "odeskaoblast", "Ta‘izz" -> "taizz". */
/* g_str_to_ascii knows no transliteration for a few letters common in GeoNames' Azerbaijani
 * and Turkish names; map them first. */
static char *
pre_ascii (const char *s)
{
    static const char *const map[][2] = {
        { "\xc9\x99", "e" }, { "\xc6\x8f", "E" }, { "\xc7\x9d", "e" },     /* ə Ə ǝ */
        { "\xc4\xb1", "i" }, { "\xc4\xb0", "I" },                           /* ı İ */
        { NULL, NULL }
    };
    GString *out = g_string_new (s);
    for (int i = 0; map[i][0]; i++)
        g_string_replace (out, map[i][0], map[i][1], 0);
    char *ascii = g_str_to_ascii (out->str, "C");
    g_string_free (out, TRUE);
    return ascii;
}

static char *
norm_key (const char *s)
{
    char *ascii = pre_ascii (s);
    char *out = g_malloc (strlen (ascii) + 1), *o = out;
    for (const char *p = ascii; *p; p++)
        if (isalnum ((unsigned char) *p))
            *o++ = (char) tolower ((unsigned char) *p);
    *o = '\0';
    g_free (ascii);
    return out;
}

/* Like norm_key, but generic words of administrative units are dropped first:
 * "Diffa Region" -> "diffa", "State of Uttar Pradesh" -> "uttarpradesh". */
static char *
norm_key_stripped (const char *s)
{
    static const char *const generic[] = {
        "governorate", "province", "provincia", "region", "state", "oblast", "oblast'",
        "prefecture", "district", "department", "departamento", "division", "county",
        "territory", "republic", "of", "the", "de", "muhafazat", "wilaya", "special",
        "estado", "capital", "area", "municipality", "kray", "krai", "rayon", NULL
    };
    char *ascii = pre_ascii (s);
    GString *out = g_string_new (NULL);
    char **words = g_strsplit_set (ascii, " -/,()", -1);
    for (char **w = words; *w; w++) {
        char *lw = g_ascii_strdown (*w, -1);
        gboolean skip = FALSE;
        for (int i = 0; generic[i]; i++)
            if (strcmp (lw, generic[i]) == 0)
                skip = TRUE;
        if (!skip)
            for (const char *p = lw; *p; p++)
                if (isalnum ((unsigned char) *p))
                    g_string_append_c (out, *p);
        g_free (lw);
    }
    g_strfreev (words);
    g_free (ascii);
    if (out->len == 0) {            /* nothing but generic words: keep it whole */
        g_string_free (out, TRUE);
        return norm_key (s);
    }
    return g_string_free (out, FALSE);
}

static char *
clean_cell (const char *s)
{
    char *c = g_strdup (s ? s : "");
    for (char *p = c; *p; p++)
        if (*p == '\t' || *p == '\n' || *p == '\r')
            *p = ' ';
    return g_strstrip (c);
}

/* Reads a sitrep TSV: skips comment and blank lines, checks the header, returns the data
 * rows as NULL-terminated string vectors. */
static GPtrArray *
read_tsv (const char *path, const char *const *want_header, guint ncols)
{
    char *text = NULL;
    GError *err = NULL;
    if (!g_file_get_contents (path, &text, NULL, &err)) {
        fprintf (stderr, "geonames_dump: %s\n", err->message);
        exit (2);
    }
    GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    char **lines = g_strsplit (text, "\n", -1);
    gboolean header = FALSE;
    for (guint n = 0; lines[n]; n++) {
        char *line = lines[n];
        size_t len = strlen (line);
        if (len && line[len - 1] == '\r')
            line[len - 1] = '\0';
        if (line[0] == '\0' || line[0] == '#')
            continue;
        char **cols = g_strsplit (line, "\t", -1);
        if (g_strv_length (cols) != ncols) {
            fprintf (stderr, "geonames_dump: %s:%u: %u columns, expected %u\n",
                     path, n + 1, g_strv_length (cols), ncols);
            exit (2);
        }
        if (!header) {
            for (guint i = 0; i < ncols; i++)
                if (strcmp (cols[i], want_header[i]) != 0) {
                    fprintf (stderr, "geonames_dump: %s: unexpected header column %u '%s' (want '%s')\n",
                             path, i + 1, cols[i], want_header[i]);
                    exit (2);
                }
            header = TRUE;
            g_strfreev (cols);
            continue;
        }
        g_ptr_array_add (rows, cols);
    }
    g_strfreev (lines);
    g_free (text);
    return rows;
}

/* ---------------------------------------------------------------- admin1 names */

typedef struct {
    GHashTable *exact;      /* "ISO3\tkey" -> adm1 name */
    GHashTable *stripped;   /* "ISO3\tstripped key" -> adm1 name, or "" when ambiguous */
    GHashTable *countries;  /* ISO3 -> non-NULL when the country has adm1 rows */
} Admin1;

static void
admin1_put (GHashTable *t, const char *iso3, const char *key, const char *name)
{
    char *k = g_strdup_printf ("%s\t%s", iso3, key);
    const char *old = g_hash_table_lookup (t, k);
    if (old && strcmp (old, name) != 0)
        g_hash_table_replace (t, k, g_strdup (""));     /* two units share it: unusable */
    else if (!old)
        g_hash_table_insert (t, k, g_strdup (name));
    else
        g_free (k);
}

static void
admin1_init (Admin1 *a)
{
    a->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    a->stripped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    a->countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
admin1_load (Admin1 *a, const char *path)
{
    static const char *const hdr[] = { "name", "aliases", "kind", "iso3", "admin1", "admin2",
                                       "lat", "lon", "population" };
    GPtrArray *rows = read_tsv (path, hdr, 9);
    for (guint i = 0; i < rows->len; i++) {
        char **r = rows->pdata[i];
        if (strcmp (r[2], "adm1") != 0)
            continue;
        g_hash_table_replace (a->countries, g_strdup (r[3]), GINT_TO_POINTER (1));
        char **aliases = g_strsplit (r[1], "|", -1);
        for (int j = -1; j < 0 || aliases[j]; j++) {
            const char *s = j < 0 ? r[0] : aliases[j];
            if (!*s)
                continue;
            char *k1 = norm_key (s), *k2 = norm_key_stripped (s);
            admin1_put (a->exact, r[3], k1, r[0]);
            admin1_put (a->stripped, r[3], k2, r[0]);
            g_free (k1);
            g_free (k2);
        }
        g_strfreev (aliases);
    }
    g_ptr_array_unref (rows);
}

/* Returns sitrep's adm1 name for a GeoNames state name, or NULL. */
static const char *
admin1_lookup (Admin1 *a, const char *iso3, const char *state)
{
    if (!state || !*state)
        return NULL;
    const char *found = NULL;
    char *k = norm_key (state);
    char *key = g_strdup_printf ("%s\t%s", iso3, k);
    found = g_hash_table_lookup (a->exact, key);
    g_free (key);
    g_free (k);
    if (!found || !*found) {
        k = norm_key_stripped (state);
        key = g_strdup_printf ("%s\t%s", iso3, k);
        found = g_hash_table_lookup (a->stripped, key);
        g_free (key);
        g_free (k);
    }
    if ((!found || !*found) && strchr (state, '(')) {
        /* "Primorskiy (Maritime) Kray": try again without the parenthesis */
        GString *g = g_string_new (NULL);
        int depth = 0;
        for (const char *p = state; *p; p++) {
            if (*p == '(')
                depth++;
            else if (*p == ')' && depth > 0)
                depth--;
            else if (depth == 0)
                g_string_append_c (g, *p);
        }
        found = g->len ? admin1_lookup (a, iso3, g->str) : NULL;
        g_string_free (g, TRUE);
    }
    return (found && *found) ? found : NULL;
}

/* Pairs (GeoNames' country, sitrep's country) tried when a state name matches no adm1 row of
 * the place's own country; see the header comment. */
static const char *const partner_countries[][2] = {
    { "MAR", "ESH" },
    { "ISR", "PSE" },
    { NULL, NULL }
};

/* ---------------------------------------------------------------- main */

static int
city_cmp (gconstpointer pa, gconstpointer pb)
{
    const City *a = *(City *const *) pa, *b = *(City *const *) pb;
    int c = strcmp (a->iso3, b->iso3);
    if (c)
        return c;
    if (a->population != b->population)
        return a->population > b->population ? -1 : 1;
    c = strcmp (a->name, b->name);
    if (c)
        return c;
    return a->lat < b->lat ? -1 : a->lat > b->lat;
}

int
main (int argc, char **argv)
{
    static const char *const chdr[] = { "iso2", "iso3", "name", "aliases", "demonyms",
                                        "capital", "lat", "lon" };
    if (argc < 2) {
        fprintf (stderr, "usage: %s COUNTRIES_TSV [GAZETTEER_TSV...] > cities_world.tsv\n", argv[0]);
        return 2;
    }

    /* countries */
    GPtrArray *crows = read_tsv (argv[1], chdr, 8);
    GHashTable *by_iso2 = g_hash_table_new (g_str_hash, g_str_equal);
    GHashTable *by_iso3 = g_hash_table_new (g_str_hash, g_str_equal);
    GPtrArray *countries = g_ptr_array_new ();
    for (guint i = 0; i < crows->len; i++) {
        char **r = crows->pdata[i];
        Country *c = g_new0 (Country, 1);
        c->iso2 = g_strdup (r[0]);
        c->iso3 = g_strdup (r[1]);
        c->capital = g_strdup (r[5]);
        char *e1, *e2;
        c->lat = g_ascii_strtod (r[6], &e1);
        c->lon = g_ascii_strtod (r[7], &e2);
        c->has_coords = *r[6] && *r[7] && !*e1 && !*e2;
        g_hash_table_insert (by_iso2, c->iso2, c);
        g_hash_table_insert (by_iso3, c->iso3, c);
        g_ptr_array_add (countries, c);
    }

    Admin1 adm;
    admin1_init (&adm);
    for (int i = 2; i < argc; i++)
        admin1_load (&adm, argv[i]);

    /* cities */
    gint n = geonames_get_n_cities ();
    GPtrArray *cities = g_ptr_array_new ();
    GHashTable *unknown_cc = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *unmatched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    guint mapped = 0, kept = 0, moved = 0;
    for (gint i = 0; i < n; i++) {
        GeonamesCity *gc = geonames_get_city (i);
        if (!gc)
            continue;
        const char *cc = geonames_city_get_country_code (gc);
        Country *c = cc ? g_hash_table_lookup (by_iso2, cc) : NULL;
        if (!c) {
            g_hash_table_replace (unknown_cc, g_strdup (cc ? cc : "(none)"), GINT_TO_POINTER (1));
            geonames_city_free (gc);
            continue;
        }
        char *state = clean_cell (geonames_city_get_state (gc));
        const char *ours = admin1_lookup (&adm, c->iso3, state);
        for (int p = 0; !ours && partner_countries[p][0]; p++) {
            Country *other = g_hash_table_lookup (by_iso3, partner_countries[p][1]);
            if (strcmp (c->iso3, partner_countries[p][0]) == 0 && other
                && (ours = admin1_lookup (&adm, other->iso3, state)) != NULL) {
                c = other;
                moved++;
            }
        }
        City *ct = g_new0 (City, 1);
        ct->name = clean_cell (geonames_city_get_name (gc));
        ct->iso3 = c->iso3;
        ct->country = c;
        ct->lat = geonames_city_get_latitude (gc);
        ct->lon = geonames_city_get_longitude (gc);
        ct->population = geonames_city_get_population (gc);
        if (ours) {
            ct->admin1 = g_strdup (ours);
            mapped++;
            g_free (state);
        } else {
            ct->admin1 = state;
            kept++;
            if (*state && g_hash_table_contains (adm.countries, c->iso3))
                g_hash_table_replace (unmatched, g_strdup_printf ("%s\t%s", c->iso3, state),
                                      GINT_TO_POINTER (1));
        }
        g_ptr_array_add (cities, ct);
        geonames_city_free (gc);
    }

    /* capitals: the city named like the capital nearest to the capital's coordinates
     * (within 50 km); failing that a city whose name begins with the capital's name or the
     * reverse ("Washington, D.C."), within 50 km; failing that one sharing the first four
     * letters within 10 km ("Nay Pyi Taw" for "Naypyidaw"); failing that the nearest city
     * within 2 km ("Nur-Sultan" for "Astana"). */
    for (guint i = 0; i < countries->len; i++) {
        Country *c = countries->pdata[i];
        if (!*c->capital || !c->has_coords)
            continue;
        char *ck = norm_key (c->capital);
        for (int how = 1; how <= 4 && !c->capital_city; how++) {
            double best = how == 4 ? 2.0 : how == 3 ? 10.0 : 50.0;
            for (guint j = 0; j < cities->len; j++) {
                City *ct = cities->pdata[j];
                if (ct->country != c)
                    continue;
                char *k = norm_key (ct->name);
                gboolean ok = how == 1 ? strcmp (k, ck) == 0
                            : how == 2 ? (g_str_has_prefix (k, ck) || g_str_has_prefix (ck, k))
                            : how == 3 ? (strlen (k) >= 4 && strlen (ck) >= 4 && strncmp (k, ck, 4) == 0)
                            : TRUE;
                g_free (k);
                if (!ok)
                    continue;
                double d = distance_km (c->lat, c->lon, ct->lat, ct->lon);
                if (d <= best) {
                    best = d;
                    c->capital_city = ct;
                    c->capital_how = how;
                    c->capital_km = d;
                }
            }
        }
        g_free (ck);
        if (c->capital_city)
            ((City *) c->capital_city)->is_capital = 1;
    }

    g_ptr_array_sort (cities, city_cmp);

    printf ("# sitrep world cities: GeoNames places of 15,000+ people (cities15000), one row each.\n");
    printf ("# Source: GeoNames (https://www.geonames.org/) via Debian libgeonames0 / libgeonames-common;\n");
    printf ("# licence CC BY 4.0. admin1 is GeoNames' state name, replaced by sitrep's adm1 name from\n");
    printf ("# the gazetteer files where one matches; kind pplc marks the capital named in countries.tsv.\n");
    printf ("# Generated file, do not edit. Regenerate with:\n");
    printf ("#   cc -O2 -Wall -Wextra tools/geonames_dump.c $(pkg-config --cflags --libs geonames) -o /tmp/gndump\n");
    printf ("#   /tmp/gndump src/data/countries.tsv src/data/gazetteer_world.tsv src/data/gazetteer_af.tsv \\\n");
    printf ("#       > src/data/cities_world.tsv\n");
    printf ("name\taliases\tkind\tiso3\tadmin1\tadmin2\tlat\tlon\tpopulation\n");
    for (guint j = 0; j < cities->len; j++) {
        City *ct = cities->pdata[j];
        printf ("%s\t\t%s\t%s\t%s\t\t%.5f\t%.5f\t%u\n", ct->name, ct->is_capital ? "pplc" : "ppl",
                ct->iso3, ct->admin1, ct->lat, ct->lon, ct->population);
    }

    /* report */
    fprintf (stderr, "geonames_dump: %d GeoNames cities, %u written; admin1 mapped to sitrep names: %u, kept: %u;"
             " moved to a partner country: %u\n", n, cities->len, mapped, kept, moved);
    if (g_hash_table_size (unknown_cc)) {
        GList *keys = g_list_sort (g_hash_table_get_keys (unknown_cc), (GCompareFunc) strcmp);
        fprintf (stderr, "geonames_dump: skipped cities of country codes not in %s:", argv[1]);
        for (GList *l = keys; l; l = l->next)
            fprintf (stderr, " %s", (char *) l->data);
        fprintf (stderr, "\n");
        g_list_free (keys);
    }
    if (g_hash_table_size (unmatched)) {
        GList *keys = g_list_sort (g_hash_table_get_keys (unmatched), (GCompareFunc) strcmp);
        for (GList *l = keys; l; l = l->next)
            fprintf (stderr, "geonames_dump: no adm1 row matches state: %s\n", (char *) l->data);
        g_list_free (keys);
    }
    for (guint i = 0; i < countries->len; i++) {
        Country *c = countries->pdata[i];
        if (!*c->capital || !c->has_coords)
            continue;
        if (!c->capital_city)
            fprintf (stderr, "geonames_dump: %s: capital %s not among the cities\n", c->iso3, c->capital);
        else if (c->capital_how > 1)
            fprintf (stderr, "geonames_dump: %s: capital %s taken as %s (%s match, %.1f km)\n", c->iso3,
                     c->capital, ((City *) c->capital_city)->name,
                     c->capital_how == 2 ? "prefix" : c->capital_how == 3 ? "first letters" : "nearest",
                     c->capital_km);
    }
    return 0;
}
