/* gen: deterministic synthetic inputs for `make bench`.
 *   gen articles MB   a JSON Lines feed of news-like articles, about MB megabytes
 *   gen records N     N event records (JSON Lines) with commas, quotes, newlines and
 *                     non-Latin text, in sitrep's event schema
 *   gen text-records N   N event records whose notes are whole sentences of an article
 *                     (a few hundred bytes with commas and quoted speech), as extract writes
 *   gen reports N     N event records from many documents in which most events are told by
 *                     two to four outlets, each in its own way (for sitrep dedup)
 * The same arguments always give the same bytes (a fixed xorshift seed). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x9E3779B97F4A7C15ull;

static uint32_t rnd(uint32_t n)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (uint32_t)(state % n);
}

#define PICK(a) a[rnd(sizeof(a) / sizeof(a[0]))]

static const char *const places[] = { "Kunduz", "Kabul", "Herat", "Kandahar", "Mogadishu",
	"Maiduguri", "Idlib", "Aleppo", "Mosul", "Ramadi", "Sanaa", "Aden", "Goma", "Bamako",
	"Mopti", "Kharkiv", "Bakhmut", "Peshawar", "Quetta", "Culiacan", "Taloqan", "Sheberghan",
	"Zaranj", "Lashkar Gah", "Jalalabad", "Ghazni", "Marib", "Taiz", "Khartoum", "El Fasher" };
static const char *const regions[] = { "Kunduz province", "Borno State", "Idlib province",
	"Nineveh", "North Kivu", "the Mopti region", "Donetsk region", "Khyber Pakhtunkhwa",
	"Helmand province", "Sinaloa" };
static const char *const groups[] = { "Taliban fighters", "al-Shabaab militants",
	"Boko Haram insurgents", "Islamic State militants", "Houthi rebels", "M23 rebels",
	"JNIM fighters", "gunmen", "suspected militants", "cartel gunmen" };
static const char *const forces[] = { "government forces", "security forces", "police",
	"Afghan troops", "Nigerian soldiers", "the army", "Somali troops", "Syrian government forces",
	"Iraqi security forces", "special forces" };
static const char *const verbs[] = { "attacked", "clashed with", "ambushed", "seized", "stormed",
	"shelled", "raided", "fought" };
static const char *const days[] = { "on Monday", "on Tuesday", "on Wednesday", "on Thursday",
	"on Friday", "on Saturday", "on Sunday", "yesterday", "overnight", "last week" };
static const char *const numbers[] = { "three", "five", "12", "at least 10", "more than 20",
	"dozens of", "several", "nearly 30", "2,500 to 3,500", "two" };
static const char *const sources[] = { "a police spokesman said", "officials said",
	"according to local residents", "the Interior Ministry said", "witnesses told reporters",
	"the military said in a statement" };
static const char *const filler[] = {
	"The attack came amid a wider offensive that has displaced thousands of families.",
	"Peace talks between the two sides have stalled for months.",
	"Residents said markets remained closed and roads were blocked.",
	"The government has promised to send reinforcements to the area.",
	"Aid agencies warned that food supplies were running low in the district.",
	"Analysts say the group has shifted to guerrilla tactics in recent years.",
	"The president condemned the violence and called for calm.",
	"Schools in the city were closed as a precaution, the education department said." };

static void sentence(FILE *fp)
{
	switch (rnd(4)) {
	case 0:
		fprintf(fp, "%s %s %s in %s %s, killing %s civilians, %s. ", PICK(groups), PICK(verbs),
			PICK(forces), PICK(places), PICK(days), PICK(numbers), PICK(sources));
		break;
	case 1:
		fprintf(fp, "A suicide bomber struck a checkpoint on the outskirts of %s %s, killing %s "
			"soldiers and wounding %s others, %s. ", PICK(places), PICK(days), PICK(numbers),
			PICK(numbers), PICK(sources));
		break;
	case 2:
		fprintf(fp, "\\\"We will not leave,\\\" a commander told reporters in %s. ", PICK(places));
		break;
	default:
		fprintf(fp, "%s ", PICK(filler));
	}
}

static void articles(double mb)
{
	size_t target = (size_t)(mb * 1024 * 1024), written = 0;
	unsigned long id = 0;
	char *buf;
	size_t len;
	while (written < target) {
		FILE *fp = open_memstream(&buf, &len);
		int y = 2015 + (int)rnd(9), m = 1 + (int)rnd(12), d = 1 + (int)rnd(28);
		fprintf(fp, "{\"id\":\"bench-%lu\",\"title\":\"Fighting in %s\",\"published\":\"%04d-%02d-%02d\","
			"\"publisher\":\"Bench Wire\",\"text\":\"%s, %s - ", ++id, PICK(regions), y, m, d,
			PICK(places), PICK(regions));
		int paras = 4 + (int)rnd(6);
		for (int p = 0; p < paras; p++) {
			int sents = 2 + (int)rnd(4);
			for (int s = 0; s < sents; s++)
				sentence(fp);
			fputs("\\n\\n", fp);
		}
		fputs("\"}\n", fp);
		fclose(fp);
		fwrite(buf, 1, len, stdout);
		written += len;
		free(buf);
	}
}

/* The fields of an event record after event_id, with notes as given (already escaped). */
static void event_fields(unsigned long i, const char *notes)
{
	static const char *const subs[][2] = { { "Battles", "Armed clash" },
		{ "Explosions/Remote violence", "Suicide bomb" },
		{ "Violence against civilians", "Attack" }, { "Protests", "Peaceful protest" } };
	int k = (int)rnd(4);
	printf("{\"type\":\"event\",\"doc_id\":\"doc-%lu\",\"event_id\":\"doc-%lu-e1\","
	       "\"event_date\":\"20%02d-%02d-%02d\",\"time_precision\":%d,\"date_text\":\"on Sunday\","
	       "\"event_type\":\"%s\",\"sub_event_type\":\"%s\",\"actor1\":\"%s\",\"assoc_actor_1\":null,"
	       "\"inter1\":2,\"actor2\":\"%s\",\"assoc_actor_2\":null,\"inter2\":1,"
	       "\"civilian_targeting\":null,\"country\":\"Afghanistan\",\"iso3\":\"AFG\","
	       "\"admin1\":\"%s\",\"admin2\":null,\"location\":\"%s\",\"latitude\":%.4f,"
	       "\"longitude\":%.4f,\"geo_precision\":%d,\"fatalities\":%u,\"fatalities_low\":%u,"
	       "\"fatalities_high\":null,\"injuries\":%u,\"detained\":null,\"claimed_by\":\"police, officials\","
	       "\"source\":\"Bench Wire\",\"notes\":\"%s\",\"char_start\":%u,\"char_end\":%u,"
	       "\"cameo_code\":\"190\"}\n",
	       i, i, 10 + (int)rnd(12), 1 + (int)rnd(12), 1 + (int)rnd(28), 1 + (int)rnd(3),
	       subs[k][0], subs[k][1], PICK(groups), PICK(forces), PICK(places), PICK(places),
	       30 + rnd(10000) / 1000.0, 60 + rnd(10000) / 1000.0, 1 + (int)rnd(3), rnd(50), rnd(50),
	       rnd(100), notes, rnd(5000), 5000 + rnd(5000));
}

/* Records whose notes are two or three of the article sentences: commas, quoted speech. */
static void text_records(unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		char *notes;
		size_t len;
		FILE *fp = open_memstream(&notes, &len);
		int sents = 2 + (int)rnd(2);
		for (int s = 0; s < sents; s++)
			sentence(fp);
		fclose(fp);
		event_fields(i, notes);
		free(notes);
	}
}

static void records(unsigned long n)
{
	static const char *const notes[] = { "Clashes, with \\\"heavy\\\" fire,\\nlasted hours",
		"\xD9\x82\xD8\xAA\xD8\xA7\xD9\x84 \xD9\x81\xD9\x8A \xD8\xA7\xD9\x84\xD9\x85\xD8\xAF\xD9\x8A\xD9\x86\xD8\xA9",
		"\xD0\x9E\xD0\xB1\xD1\x83\xD0\xB4\xD0\xB5\xD0\xB9\xD0\xBD\xD1\x8B\xD0\xB9 \xD0\xBE\xD0\xB3\xD1\x82\xD1\x80\xD0\xB5\xD0\xBB",
		"Militants, police and soldiers exchanged fire; 3 hurt", "\xE6\x88\x98\xE6\x96\x97\xE6\x8C\x81\xE7\xBB\xAD" };
	for (unsigned long i = 0; i < n; i++)
		event_fields(i, PICK(notes));
}

/* ---- gen reports: one event, several reports ---- */

struct country {
	const char *iso3, *name, *force;
	double lat, lon; /* corner of its grid of towns */
	int weight;      /* share of the events */
};

static const struct country countries[] = {
	{ "UKR", "Ukraine", "Military Forces of Ukraine", 47.0, 30.0, 30 },
	{ "SYR", "Syria", "Military Forces of Syria", 33.0, 36.0, 12 },
	{ "MMR", "Myanmar", "Military Forces of Myanmar", 17.0, 94.5, 10 },
	{ "NGA", "Nigeria", "Military Forces of Nigeria", 8.0, 4.0, 8 },
	{ "SOM", "Somalia", "Military Forces of Somalia", 2.0, 42.0, 6 },
	{ "AFG", "Afghanistan", "Military Forces of Afghanistan", 32.0, 63.0, 6 },
	{ "MLI", "Mali", "Military Forces of Mali", 12.0, -8.0, 5 },
	{ "COD", "Democratic Republic of Congo", "Military Forces of the Democratic Republic of Congo", -4.0, 25.0, 5 },
	{ "YEM", "Yemen", "Military Forces of Yemen", 14.0, 44.0, 5 },
	{ "MEX", "Mexico", "Police Forces of Mexico", 19.0, -102.0, 4 },
	{ "SDN", "Sudan", "Military Forces of Sudan", 13.0, 30.0, 4 },
	{ "IRQ", "Iraq", "Military Forces of Iraq", 33.0, 43.0, 3 },
	{ "PAK", "Pakistan", "Military Forces of Pakistan", 31.0, 70.0, 2 },
};

struct family {
	const char *types[3][2]; /* event_type, sub_event_type: the ways outlets tell it */
};

static const struct family families[] = {
	{ { { "Explosions/Remote violence", "Suicide bomb" },
	    { "Explosions/Remote violence", "Remote explosive/landmine/IED" },
	    { "Violence against civilians", "Attack" } } },
	{ { { "Battles", "Armed clash" }, { "Battles", "Non-state actor overtakes territory" },
	    { "Battles", "Armed clash" } } },
	{ { { "Explosions/Remote violence", "Air/drone strike" },
	    { "Explosions/Remote violence", "Shelling/artillery/missile attack" },
	    { "Explosions/Remote violence", "Air/drone strike" } } },
	{ { { "Protests", "Peaceful protest" }, { "Protests", "Protest with intervention" },
	    { "Protests", "Peaceful protest" } } },
};

static const char *const publishers[] = { "Wire One", "Wire Two", "Capital Daily", "Frontline Radio",
	"Regional Post", "Evening Courier", "Border Monitor", "Morning Herald", "News Agency Three",
	"Weekly Digest", "City Gazette", "Field Reports" };
static const char *const rebel_groups[] = { "Armed Group A", "Armed Group B", "Armed Group C",
	"Armed Group D", "Militia E" };
static const char *const weekdays[] = { "Thursday", "Friday", "Saturday", "Sunday", "Monday",
	"Tuesday", "Wednesday" }; /* 1970-01-01 was a Thursday */

#define TOWNS 2000       /* per country, on a grid 0.3 degrees apart (no two within 25 km) */
#define PER_DAY 900      /* reports a day: the span grows with N, the density does not */
#define SHUFFLE 8192     /* reports held back and let out in random order */

static void civil(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static const struct country *pick_country(void)
{
	int total = 0;
	for (size_t i = 0; i < sizeof(countries) / sizeof(countries[0]); i++)
		total += countries[i].weight;
	int r = (int)rnd((uint32_t)total);
	for (size_t i = 0;; i++) {
		if (r < countries[i].weight)
			return &countries[i];
		r -= countries[i].weight;
	}
}

static char *held[SHUFFLE];

/* Let out a random held report once the pool is full, keeping this one in its place. */
static void emit(char *line)
{
	uint32_t slot = rnd(SHUFFLE);
	if (held[slot])
		fputs(held[slot], stdout), free(held[slot]);
	held[slot] = line;
}

/* One outlet's report of an incident: its own date words, place, sub-type, roles and toll. */
static void report(unsigned long incident, int r, const struct country *c, int town, long day,
		   int family, int fatalities, const char *group)
{
	char *line;
	int y, m, d, precision = 1, gp = 1;
	const char *date_text = weekdays[((day % 7) + 7) % 7];
	char text[64], location[64], admin1[32];
	uint32_t v = rnd(100);
	if (v < 15) {
		day += 1; /* told from the next day's news, a day off */
		date_text = weekdays[(((day) % 7) + 7) % 7];
	} else if (v < 20) {
		precision = 2;
		day += (long)rnd(7) - 3;
		date_text = "last week";
	} else if (v < 35) {
		civil(day, &y, &m, &d);
		snprintf(text, sizeof(text), "%d %s", d, (const char *[]){ "January", "February",
			"March", "April", "May", "June", "July", "August", "September", "October",
			"November", "December" }[m - 1]);
		date_text = text;
	}
	civil(day, &y, &m, &d);
	double lat = c->lat + (town / 40) * 0.3, lon = c->lon + (town % 40) * 0.3;
	snprintf(admin1, sizeof(admin1), "Province %d", town / 40);
	snprintf(location, sizeof(location), "Town %d", town);
	v = rnd(100);
	if (v < 15) {
		snprintf(location, sizeof(location), "%s", admin1); /* only the province */
		gp = 3;
		lat = c->lat + (town / 40) * 0.3 + 0.1; /* the provincial capital */
	} else if (v < 30) {
		snprintf(location, sizeof(location), "Village %d-%lu", town, incident % 5);
		lat += 0.05; /* a village 5 km away */
		gp = 1;
	}
	const char *actor1 = group, *actor2 = c->force;
	char unnamed[96];
	v = rnd(100);
	if (v < 15) {
		actor1 = c->force;
		actor2 = group;
	} else if (v < 30) {
		snprintf(unnamed, sizeof(unnamed), "Unidentified Armed Group (%s)", c->name);
		actor1 = unnamed;
	}
	if (family == 3) {
		actor1 = "Protesters";
		actor2 = v < 50 ? NULL : c->force;
		fatalities = 0;
	}
	int told = fatalities ? fatalities + (int)rnd(5) - 2 : 0;
	if (told < 0)
		told = 0;
	char low[16] = "null"; /* a report without a toll has no low reading */
	if (told)
		snprintf(low, sizeof(low), "%d", told);
	const char *const *type = families[family].types[r % 3];
	const char *pub = publishers[(incident * 7 + (unsigned long)r * 5) % (sizeof(publishers) / sizeof(publishers[0]))];
	if (asprintf(&line, "{\"type\":\"event\",\"doc_id\":\"r%lu-%d\",\"event_id\":\"r%lu-%d-e1\","
		     "\"event_date\":\"%04d-%02d-%02d\",\"time_precision\":%d,\"date_text\":\"%s\","
		     "\"event_type\":\"%s\",\"sub_event_type\":\"%s\",\"actor1\":\"%s\",\"assoc_actor_1\":null,"
		     "\"inter1\":2,\"actor2\":%s%s%s,\"assoc_actor_2\":null,\"inter2\":1,"
		     "\"civilian_targeting\":null,\"country\":\"%s\",\"iso3\":\"%s\",\"admin1\":\"%s\","
		     "\"admin2\":null,\"location\":\"%s\",\"latitude\":%.4f,\"longitude\":%.4f,"
		     "\"geo_precision\":%d,\"fatalities\":%d,\"fatalities_low\":%s,\"fatalities_high\":null,"
		     "\"injuries\":null,\"detained\":null,\"claimed_by\":\"officials\",\"source\":\"%s\","
		     "\"notes\":\"%s reported fighting near %s, with %d dead.\",\"char_start\":0,"
		     "\"char_end\":60,\"cameo_code\":\"190\"}\n",
		     incident, r, incident, r, y, m, d, precision, date_text, type[0], type[1], actor1,
		     actor2 ? "\"" : "", actor2 ? actor2 : "null", actor2 ? "\"" : "", c->name, c->iso3,
		     admin1, location, lat, lon, gp, told, low, pub, pub,
		     location, told) < 0)
		exit(1);
	emit(line);
}

/* About n reports of n / 2 incidents: 40% told once, 30% twice, 20% three, 10% four times,
 * over n / PER_DAY days (a million: three years). */
static void reports(unsigned long n)
{
	unsigned long written = 0, incident = 0;
	uint32_t days = n / PER_DAY > 30 ? (uint32_t)(n / PER_DAY) : 30;
	while (written < n) {
		const struct country *c = pick_country();
		uint32_t v = rnd(100);
		int outlets = v < 40 ? 1 : v < 70 ? 2 : v < 90 ? 3 : 4;
		int town = (int)rnd(TOWNS), family = (int)rnd(4), fatalities = (int)rnd(4) ? (int)rnd(30) : 0;
		long day = 19000 + (long)rnd(days);
		const char *group = rebel_groups[rnd(sizeof(rebel_groups) / sizeof(rebel_groups[0]))];
		for (int r = 0; r < outlets && written < n; r++, written++)
			report(incident, r, c, town, day, family, fatalities, group);
		incident++;
	}
	for (int i = 0; i < SHUFFLE; i++)
		if (held[i])
			fputs(held[i], stdout), free(held[i]);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: gen articles MB | gen records N | gen text-records N | gen reports N\n");
		return 2;
	}
	if (!strcmp(argv[1], "articles"))
		articles(atof(argv[2]));
	else if (!strcmp(argv[1], "records"))
		records(strtoul(argv[2], NULL, 10));
	else if (!strcmp(argv[1], "text-records"))
		text_records(strtoul(argv[2], NULL, 10));
	else if (!strcmp(argv[1], "reports"))
		reports(strtoul(argv[2], NULL, 10));
	else
		return 2;
	return 0;
}
