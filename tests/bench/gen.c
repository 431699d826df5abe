/* gen: deterministic synthetic inputs for `make bench`.
 *   gen articles MB   a JSON Lines feed of news-like articles, about MB megabytes
 *   gen records N     N event records (JSON Lines) with commas, quotes, newlines and
 *                     non-Latin text, in sitrep's event schema
 *   gen text-records N   N event records whose notes are whole sentences of an article
 *                     (a few hundred bytes with commas and quoted speech), as extract writes
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

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: gen articles MB | gen records N | gen text-records N\n");
		return 2;
	}
	if (!strcmp(argv[1], "articles"))
		articles(atof(argv[2]));
	else if (!strcmp(argv[1], "records"))
		records(strtoul(argv[2], NULL, 10));
	else if (!strcmp(argv[1], "text-records"))
		text_records(strtoul(argv[2], NULL, 10));
	else
		return 2;
	return 0;
}
