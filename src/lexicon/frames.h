/* frames: what a trigger class needs before its candidate is an event (frames.tsv), and how
 * much each kind of evidence counts towards an event's confidence (evidence.tsv). The kinds
 * of evidence are found by the extractor (extract/evidence.c); the tables say which are
 * needed and how much they weigh.
 * Ownership: the lexicon owns its table; read-only once loaded, so threads may share it. */
#ifndef SITREP_FRAMES_H
#define SITREP_FRAMES_H

#include <stddef.h>

#include "lexicon/triggers.h"

/* The kinds of evidence for an event, each a named test in extract/evidence.c. */
#define EVIDENCE_NAMES(X)                                                                       \
	X(armed) X(state) X(nonstate) X(weapon) X(casualties) X(place) X(date) X(crowd)      \
	X(political) X(specific) X(conflict_doc) X(group) X(context) X(off_topic) X(target)

enum evidence {
#define EVIDENCE_ENUM(name) EV_##name,
	EVIDENCE_NAMES(EVIDENCE_ENUM)
#undef EVIDENCE_ENUM
	EV_COUNT
};

#define FRAME_MAX_TERMS 8

/* A class's frame: any one of its terms, each a set of evidence that must all be there. */
struct frame {
	unsigned term[FRAME_MAX_TERMS]; /* bit per enum evidence */
	size_t n_terms;
};

struct frame_lex {
	struct frame frame[EC_COUNT];
	double prior[EC_COUNT];       /* what the trigger alone gives the confidence, by class */
	struct frame off_topic;       /* what any event of an off-topic document needs besides */
	double weight[EV_COUNT];      /* 0..1: how much the evidence alone makes an event sure */
};

/* The embedded tables, then user frames files (a row for a class replaces its frame). NULL
 * after an error message naming file and line. */
struct frame_lex *frames_load(const char *const *user_files, size_t n_user);
void frames_free(struct frame_lex *lex);
/* Does the evidence (bit per enum evidence) meet the class's frame, and in a document about
 * something else (EV_off_topic), the OFF_TOPIC row's frame as well? */
int frame_met(const struct frame_lex *lex, enum ev_class cls, unsigned evidence);
const char *evidence_name(enum evidence ev);
/* "armed|weapon+conflict_doc" for --explain; into buf. */
const char *frame_describe(const struct frame_lex *lex, enum ev_class cls, char *buf, size_t size);

#endif
