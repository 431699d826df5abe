/* embedded: each data file is included verbatim by the assembler (.incbin), so the build needs
 * no generator and a lexicon edit is one rebuild away. SITREP_SRCDIR comes from the Makefile. */
#include "lexicon/embedded.h"

#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef SITREP_SRCDIR
#error "SITREP_SRCDIR must name the source tree"
#endif

#define INCBIN(sym, path)                                                              \
	__asm__(".section .rodata\n.balign 16\n.globl " #sym "\n" #sym ":\n"            \
		".incbin \"" SITREP_SRCDIR "/" path "\"\n.byte 0\n.globl " #sym "_end\n"  \
		#sym "_end:\n.previous\n");                                             \
	extern const char sym[];                                                       \
	extern const char sym##_end[]

INCBIN(sitrep_countries, "src/data/countries.tsv");
INCBIN(sitrep_gaz_world, "src/data/gazetteer_world.tsv");
INCBIN(sitrep_gaz_af, "src/data/gazetteer_af.tsv");
INCBIN(sitrep_cities, "src/data/cities_world.tsv");
INCBIN(sitrep_actors, "src/data/actors.tsv");
INCBIN(sitrep_triggers, "src/data/triggers.tsv");
INCBIN(sitrep_cues, "src/data/cues.tsv");
INCBIN(sitrep_rules, "src/data/rules.tsv");
INCBIN(sitrep_acled, "src/data/acled.tsv");
INCBIN(sitrep_feed_fields, "src/data/feed_fields.tsv");
INCBIN(sitrep_frames, "src/data/frames.tsv");
INCBIN(sitrep_evidence, "src/data/evidence.tsv");
INCBIN(sitrep_schema_document, "schemas/document.schema.json");
INCBIN(sitrep_schema_event, "schemas/event.schema.json");
INCBIN(sitrep_schema_place, "schemas/place.schema.json");
INCBIN(sitrep_schema_actor, "schemas/actor.schema.json");
INCBIN(sitrep_schema_quote, "schemas/quote.schema.json");

#define ENTRY(sym, path) { path, sym, 0 }

static struct embedded_file files[] = {
	ENTRY(sitrep_countries, "src/data/countries.tsv"),
	ENTRY(sitrep_gaz_world, "src/data/gazetteer_world.tsv"),
	ENTRY(sitrep_gaz_af, "src/data/gazetteer_af.tsv"),
	ENTRY(sitrep_cities, "src/data/cities_world.tsv"),
	ENTRY(sitrep_actors, "src/data/actors.tsv"),
	ENTRY(sitrep_triggers, "src/data/triggers.tsv"),
	ENTRY(sitrep_cues, "src/data/cues.tsv"),
	ENTRY(sitrep_rules, "src/data/rules.tsv"),
	ENTRY(sitrep_acled, "src/data/acled.tsv"),
	ENTRY(sitrep_feed_fields, "src/data/feed_fields.tsv"),
	ENTRY(sitrep_frames, "src/data/frames.tsv"),
	ENTRY(sitrep_evidence, "src/data/evidence.tsv"),
	ENTRY(sitrep_schema_document, "schemas/document.schema.json"),
	ENTRY(sitrep_schema_event, "schemas/event.schema.json"),
	ENTRY(sitrep_schema_place, "schemas/place.schema.json"),
	ENTRY(sitrep_schema_actor, "schemas/actor.schema.json"),
	ENTRY(sitrep_schema_quote, "schemas/quote.schema.json"),
	{ NULL, NULL, 0 }
};

static const char *const ends[] = {
	sitrep_countries_end, sitrep_gaz_world_end, sitrep_gaz_af_end, sitrep_cities_end,
	sitrep_actors_end, sitrep_triggers_end, sitrep_cues_end, sitrep_rules_end, sitrep_acled_end, sitrep_feed_fields_end, sitrep_frames_end, sitrep_evidence_end, sitrep_schema_document_end, sitrep_schema_event_end,
	sitrep_schema_place_end, sitrep_schema_actor_end, sitrep_schema_quote_end,
};

static void fill_lengths(void)
{
	if (files[0].len || !files[0].data)
		return;
	for (size_t i = 0; files[i].name; i++)
		files[i].len = (size_t)(ends[i] - files[i].data) - 1; /* minus the NUL */
}

const struct embedded_file *embedded_all(void)
{
	fill_lengths();
	return files;
}

const struct embedded_file *embedded_find(const char *name)
{
	fill_lengths();
	for (size_t i = 0; files[i].name; i++)
		if (strcmp(files[i].name, name) == 0)
			return &files[i];
	return NULL;
}

void embedded_release(void)
{
	long page = sysconf(_SC_PAGESIZE);
	if (page <= 0)
		return;
	fill_lengths();
	for (size_t i = 0; files[i].name; i++) {
		/* Whole pages inside the file only: its neighbours may still be wanted. */
		uintptr_t from = ((uintptr_t)files[i].data + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
		uintptr_t to = ((uintptr_t)files[i].data + files[i].len) & ~((uintptr_t)page - 1);
		if (to > from)
			madvise((void *)from, to - from, MADV_DONTNEED);
	}
}
