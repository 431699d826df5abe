/* match: the rule that says whether two event records can be reports of one event, over a
 * compact key per event (about 120 bytes) so that a window of them fits in memory.
 * Ownership: dedup_rules_load fills a caller-owned struct released with dedup_rules_release;
 * keys are plain values (no pointers) that may be copied, sorted and written to disk. */
#ifndef SITREP_MATCH_H
#define SITREP_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "io/flatjson.h"
#include "lexicon/acled.h"

/* The widest date interval a report can stand for (a month either side), in days. */
#define DKEY_MAX_SPAN 62

struct dedup_type {
	const char *sub_event_type; /* borrowed from the ACLED table */
	const char *event_type;
	uint32_t groups;            /* bit per group named in dedup_types.tsv */
	int specificity;
	int listed;                 /* has its row in dedup_types.tsv */
};

struct dedup_rules {
	struct dedup_type types[SUB_COUNT]; /* by enum acled_sub (acled.tsv's order) */
	size_t n_types;
	char **wildcards;  /* actor name prefixes that stand for an unnamed party */
	size_t n_wildcards;
	int days;          /* --days: slack between two reports' dates (default 1) */
	double km;         /* --km: distance within which two points agree (default 25) */
};

/* Load the embedded tables (src/data/dedup_types.tsv, dedup_actors.tsv, and acled.tsv for the
 * names); -1 after a message. */
int dedup_rules_load(struct dedup_rules *r, int days, double km);
void dedup_rules_release(struct dedup_rules *r);
/* Index of a sub-event type (by its name) in r->types, or -1. */
int dedup_type_index(const struct dedup_rules *r, const char *name, size_t len);

/* How precisely a report places the event. */
enum place_level { LEVEL_POINT, LEVEL_ADMIN2, LEVEL_ADMIN1, LEVEL_COUNTRY };

enum dkey_flags {
	DK_ACTOR1_WILD = 1 << 0, /* actor1 is an unnamed party */
	DK_ACTOR2_WILD = 1 << 1,
	DK_WRITTEN_DAY = 1 << 2  /* the date was written as a calendar day ("14 March") */
};

/* What matching needs of one event. Strings are 64-bit hashes of their case-folded text
 * (0: null or absent). The date is an interval: the day, widened by the precision. */
struct dkey {
	uint64_t country;   /* iso3 packed (A-Z order), else a hash of the name */
	int32_t lo, hi;     /* first and last day the report's date may stand for */
	int32_t day;        /* event_date, days since 1970-01-01 */
	uint32_t spill_len; /* the record's line in the spill file */
	uint64_t spill_off;
	uint64_t order;     /* hash of doc_id and event_id: canonical order, sort tie-break */
	uint64_t line_hash; /* hash of the whole line: the last tie-break */
	uint64_t doc;       /* doc_id */
	uint64_t place, admin1, admin2;
	uint64_t actor1, actor2;
	float lat, lon;     /* NAN when unknown */
	uint8_t precision;  /* time_precision 1-3 */
	uint8_t geo_precision;
	uint8_t level;      /* enum place_level */
	int8_t type;        /* enum acled_sub, -1 when unknown */
	uint8_t flags;      /* enum dkey_flags */
};

enum dkey_verdict {
	DKEY_OK,    /* the event can be matched */
	DKEY_ALONE, /* it lacks a date or a place: it can only stand alone */
	DKEY_NO_ID  /* it has no doc_id or event_id to be told apart by */
};

/* Fill k from an event record's fields (spill position and line hash are the caller's).
 * Unless DKEY_OK, *why says what the event lacks. */
enum dkey_verdict dkey_build(const struct dedup_rules *r, const struct flat_field *f, int n, struct dkey *k,
	       const char **why);
/* Sort order of keys: last day, reports with a written calendar day first, country, then
 * canonical order. Coarse dates thus come after the precise reports they may join. */
int dkey_compare(const void *a, const void *b);

enum dedup_verdict { DV_MATCH, DV_SAME_DOC, DV_COUNTRY, DV_DATE, DV_TYPE, DV_PLACE, DV_ACTORS };
enum place_agreement { PA_NONE, PA_NEAR, PA_INSIDE, PA_SAME };

struct dedup_pair {
	enum dedup_verdict verdict; /* the first rule that failed, or DV_MATCH */
	enum place_agreement place;
	int days_apart;
	double km;                  /* distance between two points, or -1 */
	int slack;                  /* days the date intervals could be apart */
	int swapped;                /* the actors agree once actor1 and actor2 are swapped */
	int score;                  /* higher: a closer match (chooses among candidate events) */
};

/* Judge a pair: same country, dates within the window (no slack between two written
 * calendar days), compatible types, places that agree,
 * actors that do not contradict, and never two events of one document. */
void dedup_pair(const struct dedup_rules *r, const struct dkey *a, const struct dkey *b,
		struct dedup_pair *out);
/* 0 when the actors of a and b contradict, 1 when they fit as given, 2 when they fit once
 * one report's actor1 and actor2 are swapped. */
int dedup_actors_agree(const struct dkey *a, const struct dkey *b);
/* Kilometres between two reports placed at points with coordinates, else -1. */
double dkey_km(const struct dkey *a, const struct dkey *b);
/* Two sub-event types (indexes) that may describe one event. */
int dedup_types_compatible(const struct dedup_rules *r, int a, int b);
/* Words for a verdict ("places disagree"). */
const char *dedup_verdict_name(enum dedup_verdict v);

/* 64-bit FNV-1a of len bytes, ASCII letters folded to lower case (0 is never returned). */
uint64_t dedup_hash(const char *s, size_t len);
/* The same without folding (a line's hash). */
uint64_t dedup_hash_exact(const char *s, size_t len);
/* Hash of a field's string value, unescaped first when it holds escapes; 0 for null or an
 * absent or empty field. tmp is scratch space. */
uint64_t dedup_field_hash(const struct flat_field *f, struct strbuf *tmp);

#endif
