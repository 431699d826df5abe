/* embedded: each data file is included verbatim by the assembler (.incbin), so the build needs
 * no generator beyond the town index, and a lexicon edit is one rebuild away. SITREP_SRCDIR and
 * SITREP_GENDIR (build/gen, files the build makes) come from the Makefile. Every file is one
 * line of EMBEDDED_FILES: its symbol, its folder, its path there, and the name it is found by. */
#include "lexicon/embedded.h"

#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef SITREP_SRCDIR
#error "SITREP_SRCDIR must name the source tree"
#endif
#ifndef SITREP_GENDIR
#error "SITREP_GENDIR must name the folder of generated files"
#endif

#define SRC(X, sym, path) X(sym, SITREP_SRCDIR, path, path)
#define EMBEDDED_FILES(X)                                                              \
	SRC(X, sitrep_countries, "src/data/countries.tsv")                            \
	SRC(X, sitrep_gaz_world, "src/data/gazetteer_world.tsv")                      \
	SRC(X, sitrep_gaz_af, "src/data/gazetteer_af.tsv")                            \
	X(sitrep_towns, SITREP_GENDIR, "towns.bin", "build/gen/towns.bin")             \
	SRC(X, sitrep_placewords, "src/data/placewords.tsv")                          \
	SRC(X, sitrep_peoples, "src/data/peoples.tsv")                                \
	SRC(X, sitrep_actors, "src/data/actors.tsv")                                  \
	SRC(X, sitrep_triggers, "src/data/triggers.tsv")                              \
	SRC(X, sitrep_casualties, "src/data/casualties.tsv")                          \
	SRC(X, sitrep_cues, "src/data/cues.tsv")                                      \
	SRC(X, sitrep_rules, "src/data/rules.tsv")                                    \
	SRC(X, sitrep_acled, "src/data/acled.tsv")                                    \
	SRC(X, sitrep_feed_fields, "src/data/feed_fields.tsv")                        \
	SRC(X, sitrep_article_words, "src/data/article_words.tsv")                    \
	SRC(X, sitrep_frames, "src/data/frames.tsv")                                  \
	SRC(X, sitrep_evidence, "src/data/evidence.tsv")                              \
	SRC(X, sitrep_dedup_types, "src/data/dedup_types.tsv")                        \
	SRC(X, sitrep_dedup_actors, "src/data/dedup_actors.tsv")                      \
	SRC(X, sitrep_world, "src/data/world.tsv")                                    \
	SRC(X, sitrep_report_css, "src/report/report.css")                            \
	SRC(X, sitrep_report_js, "src/report/report.js")                              \
	SRC(X, sitrep_schema_document, "schemas/document.schema.json")               \
	SRC(X, sitrep_schema_event, "schemas/event.schema.json")                     \
	SRC(X, sitrep_schema_place, "schemas/place.schema.json")                     \
	SRC(X, sitrep_schema_actor, "schemas/actor.schema.json")                     \
	SRC(X, sitrep_schema_quote, "schemas/quote.schema.json")                     \
	SRC(X, sitrep_schema_mention, "schemas/mention.schema.json")

#define INCBIN(sym, dir, path, name)                                                   \
	__asm__(".section .rodata\n.balign 16\n.globl " #sym "\n" #sym ":\n"            \
		".incbin \"" dir "/" path "\"\n.byte 0\n.globl " #sym "_end\n"            \
		#sym "_end:\n.previous\n");                                             \
	extern const char sym[];                                                       \
	extern const char sym##_end[];
EMBEDDED_FILES(INCBIN)

#define ENTRY(sym, dir, path, name) { name, sym, 0 },
static struct embedded_file files[] = { EMBEDDED_FILES(ENTRY) { NULL, NULL, 0 } };

#define END(sym, dir, path, name) sym##_end,
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

/* Where an address lies in the files the program is made of: the file (the program's own is
 * named "") and its offset there, from the loadable segment that holds it. */
struct source {
	uintptr_t addr;
	size_t len;
	const char *path;
	off_t offset;
};

static int find_segment(struct dl_phdr_info *info, size_t size, void *vctx)
{
	struct source *src = vctx;
	(void)size;
	for (size_t i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t start = (uintptr_t)info->dlpi_addr + ph->p_vaddr;
		if (ph->p_type == PT_LOAD && src->addr >= start &&
		    src->addr + src->len <= start + ph->p_filesz) {
			src->path = info->dlpi_name;
			src->offset = (off_t)(ph->p_offset + (src->addr - start));
			return 1;
		}
	}
	return 0;
}

int embedded_open_source(const struct embedded_file *ef, off_t *offset)
{
	struct source src = { (uintptr_t)ef->data, ef->len, NULL, 0 };
	if (!dl_iterate_phdr(find_segment, &src) || !src.path)
		return -1;
	int fd = open(*src.path ? src.path : "/proc/self/exe", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	/* The file is the one the program was loaded from if it has the same bytes there (not a
	 * newer build in its place: /proc/self/exe is the file that was run, even replaced). */
	char head[64];
	size_t n = ef->len < sizeof(head) ? ef->len : sizeof(head);
	if (pread(fd, head, n, src.offset) != (ssize_t)n || memcmp(head, ef->data, n) != 0) {
		close(fd);
		return -1;
	}
	*offset = src.offset;
	return fd;
}
