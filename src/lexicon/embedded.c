/* embedded: each data file is included verbatim by the assembler (.incbin), so the build needs
 * no generator and a lexicon edit is one rebuild away. SITREP_SRCDIR comes from the Makefile.
 * Every file is one line of EMBEDDED_FILES: its symbol and its path in the source tree. */
#include "lexicon/embedded.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef SITREP_SRCDIR
#error "SITREP_SRCDIR must name the source tree"
#endif

#define EMBEDDED_FILES(X)                                                              \
	X(sitrep_countries, "src/data/countries.tsv")                                 \
	X(sitrep_gaz_world, "src/data/gazetteer_world.tsv")                           \
	X(sitrep_gaz_af, "src/data/gazetteer_af.tsv")                                 \
	X(sitrep_cities, "src/data/cities_world.tsv")                                 \
	X(sitrep_actors, "src/data/actors.tsv")                                       \
	X(sitrep_triggers, "src/data/triggers.tsv")                                   \
	X(sitrep_cues, "src/data/cues.tsv")                                           \
	X(sitrep_rules, "src/data/rules.tsv")                                         \
	X(sitrep_acled, "src/data/acled.tsv")                                         \
	X(sitrep_feed_fields, "src/data/feed_fields.tsv")                             \
	X(sitrep_frames, "src/data/frames.tsv")                                       \
	X(sitrep_evidence, "src/data/evidence.tsv")                                   \
	X(sitrep_dedup_types, "src/data/dedup_types.tsv")                             \
	X(sitrep_dedup_actors, "src/data/dedup_actors.tsv")                           \
	X(sitrep_world, "src/data/world.tsv")                                         \
	X(sitrep_report_css, "src/report/report.css")                                 \
	X(sitrep_report_js, "src/report/report.js")                                   \
	X(sitrep_schema_document, "schemas/document.schema.json")                    \
	X(sitrep_schema_event, "schemas/event.schema.json")                          \
	X(sitrep_schema_place, "schemas/place.schema.json")                          \
	X(sitrep_schema_actor, "schemas/actor.schema.json")                          \
	X(sitrep_schema_quote, "schemas/quote.schema.json")                          \
	X(sitrep_schema_mention, "schemas/mention.schema.json")

#define INCBIN(sym, path)                                                              \
	__asm__(".section .rodata\n.balign 16\n.globl " #sym "\n" #sym ":\n"            \
		".incbin \"" SITREP_SRCDIR "/" path "\"\n.byte 0\n.globl " #sym "_end\n"  \
		#sym "_end:\n.previous\n");                                             \
	extern const char sym[];                                                       \
	extern const char sym##_end[];
EMBEDDED_FILES(INCBIN)

#define ENTRY(sym, path) { path, sym, 0 },
static struct embedded_file files[] = { EMBEDDED_FILES(ENTRY) { NULL, NULL, 0 } };

#define END(sym, path) sym##_end,
static const char *const ends[] = { EMBEDDED_FILES(END) };

static pthread_once_t lengths_once = PTHREAD_ONCE_INIT;

static void fill_lengths(void)
{
	for (size_t i = 0; files[i].name; i++)
		files[i].len = (size_t)(ends[i] - files[i].data) - 1; /* minus the NUL */
}

const struct embedded_file *embedded_all(void)
{
	pthread_once(&lengths_once, fill_lengths);
	return files;
}

const struct embedded_file *embedded_find(const char *name)
{
	pthread_once(&lengths_once, fill_lengths);
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
	pthread_once(&lengths_once, fill_lengths);
	for (size_t i = 0; files[i].name; i++) {
		/* Whole pages inside the file only: its neighbours may still be wanted. */
		uintptr_t from = ((uintptr_t)files[i].data + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
		uintptr_t to = ((uintptr_t)files[i].data + files[i].len) & ~((uintptr_t)page - 1);
		if (to > from)
			madvise((void *)from, to - from, MADV_DONTNEED);
	}
}
