/* extract: one document in, its event, place, actor and quote records out.
 * Ownership: an extractor owns its lexicons (a worker extractor borrows them from another);
 * extractor_run borrows the doc and appends JSON lines to the caller's buffer. An extractor
 * keeps caches: use each from one thread at a time, and one per thread for parallel work. */
#ifndef SITREP_EXTRACT_H
#define SITREP_EXTRACT_H

#include <stddef.h>

#include "io/doc.h"
#include "base/strbuf.h"

struct extract_opts {
	const char *const *gazetteers; /* user gazetteer files */
	size_t n_gazetteers;
	const char *const *actor_files;
	size_t n_actor_files;
	const char *const *trigger_files;
	size_t n_trigger_files;
	const char *const *casualty_files; /* user casualty tables (casualties.tsv columns) */
	size_t n_casualty_files;
	const char *const *cue_files;  /* user cue tables (cues.tsv's columns) */
	size_t n_cue_files;
	const char *const *rule_files; /* user rule tables (rules.tsv's columns) */
	size_t n_rule_files;
	const char *const *frame_files; /* user frame tables (frames.tsv's columns) */
	size_t n_frame_files;
	double min_confidence;         /* drop events below it (0 keeps every framed event) */
	int explain;                   /* append a human explanation per event */
	unsigned types;                /* EXTRACT_* record types to write; 0 = all */
};

/* The default --min-confidence: an event whose only support is one weak sign (a place, a
 * date, a target) is dropped even where its frame would take it (see sitrep.1). */
#define EXTRACT_MIN_CONFIDENCE 0.3

enum extract_types {
	EXTRACT_EVENTS = 1 << 0,
	EXTRACT_PLACES = 1 << 1,
	EXTRACT_ACTORS = 1 << 2,
	EXTRACT_QUOTES = 1 << 3
};

struct extractor;

/* Load lexicons (embedded plus user files). NULL after an error message. Also builds, in
 * the calling thread, the tables the rules would otherwise build on first use: make it before
 * starting threads that use it or its workers. */
struct extractor *extractor_new(const struct extract_opts *opts);
void extractor_free(struct extractor *ex);
/* An extractor for another thread: ex's lexicons and options (only read while extracting,
 * so shared), caches of its own. Free it with extractor_free_worker, before ex. */
struct extractor *extractor_new_worker(const struct extractor *ex);
void extractor_free_worker(struct extractor *w);
/* Texts longer than this are read window by window (cut at paragraph breaks where they can
 * be), each window as a document of its own with the same metadata, so that memory does not
 * grow with a document's length. A window's working set (tokens, mentions, their tables) is
 * about fifteen times its size; 128 KiB is still some 20,000 words, longer than nearly any
 * article, so only books and dumps are ever cut. */
#define EXTRACT_WINDOW (128 * 1024)

/* Append the document's records (JSON Lines) to out; explanations, if asked for, to explain.
 * Returns the number of events written. */
size_t extractor_run(struct extractor *ex, const struct doc *d, struct strbuf *out,
		     struct strbuf *explain);
/* Called with the records so far in out whenever they pass EXTRACT_FLUSH_BYTES and after
 * each window of a long text: the caller writes them and empties out. Without it, out holds
 * the whole document's records at the end. */
#define EXTRACT_FLUSH_BYTES (64 * 1024)
void extractor_set_flush(struct extractor *ex, void (*flush)(void *ctx, struct strbuf *out),
			 void *ctx);
const struct gazetteer *extractor_gazetteer(const struct extractor *ex);
/* Run each rule's two examples (rules.tsv's fires and spares columns): a rule must fire on the
 * first, and must not on the second, which must still give an event. Appends a line per
 * failure to report; returns the number of failures and sets *n_rules. */
size_t extractor_check_rules(struct extractor *ex, struct strbuf *report, size_t *n_rules);

#endif
