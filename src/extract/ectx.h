/* ectx: the per-document state shared by the extraction passes (mentions, dates,
 * claims, events) and the extractor's run-wide state. Not a public API: only src/extract/
 * includes it.
 * Ownership: struct ectx owns every array in it; strings point into the document text, the
 * lexicons, or ectx's own string pool, and live until ectx_release. */
#ifndef SITREP_ECTX_H
#define SITREP_ECTX_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "lexicon/acled.h"
#include "lexicon/actors.h"
#include "lexicon/caslex.h"
#include "lexicon/cues.h"
#include "lexicon/frames.h"
#include "lexicon/rules.h"
#include "base/dates.h"
#include "io/doc.h"
#include "lexicon/gazetteer.h"
#include "text/numbers.h"
#include "text/phrase.h"
#include "base/strbuf.h"
#include "text/text.h"
#include "lexicon/triggers.h"
#include "text/wordset.h"

#define MAX_CAND 16
_Static_assert(MAX_CAND <= 16, "place_mention.own_mask holds a bit per candidate");

struct extractor {
	int *capital;                 /* adm1 place -> its seat + 2 (1: none), 0 until looked up */
	int *place_count;             /* scratch: mentions per place, zero between documents */
	struct gazetteer *gz;
	struct actor_lex *actors;
	struct trigger_lex *triggers;
	struct cas_lex *casualties;
	struct cue_lex *cues;
	struct rule_lex *rules;
	struct frame_lex *frames;
	double min_confidence;        /* events below it are dropped */
	int explain;
	unsigned types;
	/* Composed actor names ("Civilians (Nigeria)", "Military Forces of Mali") by base string
	 * address and country, made once per run rather than once per document. */
	struct name_cache *names;
	struct ectx *spare;           /* arrays kept between documents (see move_arrays) */
	struct strbuf *place_json;    /* per place: its location fields as JSON, made on first use */
	struct index_list *place_json_made; /* the places whose JSON was made, to free only them */
	void (*flush)(void *ctx, struct strbuf *out); /* see extractor_set_flush */
	void *flush_ctx;
};

struct index_list {
	int *at;
	size_t n, cap;
};

struct name_cache {
	struct name_entry { const char *base; int country; char *name; } *e;
	size_t cap, used;
};

enum place_mention_flags {
	PM_MOTION = 1 << 0,   /* "from X", "to X" after a motion verb: not where it happened */
	PM_MODIFIER = 1 << 1, /* "Kabul government", "Kunduz police": names an actor */
	PM_BORDER = 1 << 2,   /* "border with X" */
	PM_NEAR = 1 << 3,     /* "outskirts of X", "near X": precision 2 */
	PM_CAPITAL_OF = 1 << 4, /* "capital of X province": the capital city */
	PM_IN_ACTOR = 1 << 5, /* inside or right before a force noun ("Afghan forces") */
	PM_DATELINE = 1 << 6, /* "KABUL, Afghanistan (Jan. 27)": where the report was filed */
	PM_LOCATIVE = 1 << 7, /* "in X", "near X", "at X": the words before say it is a place */
	PM_UNIT_TAIL = 1 << 8, /* "(Qandala, Bari)", "X, Bay region": the unit that holds X */
	PM_COMPOUND = 1 << 9, /* a town name inside a longer proper name ("Masjid Cali Gaduud",
			       * "Dasht-e-Abdan", "Toyota Probox"): a place only on evidence */
	PM_UNLISTED = 1 << 10 /* a village the gazetteer lacks, named with the unit holding it
			       * ("Balade village (Bosaso, Bari)"): named as written, located at
			       * the unit (place), precision 2 */
};

struct place_mention {
	size_t first, last;  /* tokens [first, last) */
	int cand[MAX_CAND];  /* gazetteer place indexes */
	size_t n_cand;
	int place;           /* resolved place index, -1 if none */
	int precision;       /* ACLED geo_precision 1-3 */
	unsigned flags;
	int within;          /* mention of the unit named right after it ("X, in Y"), or -1 */
	unsigned char name_class; /* enum name_class of the words: a date, word or person's name
				   * is a place only on evidence */
	unsigned char vote[MAX_CAND]; /* votes this mention gave cand[k]'s country */
	uint16_t own_mask;   /* bit k: the words are cand[k]'s own name, not an alternate one
			      * (worked out only when there are several candidates) */
	const char *name;    /* the name as written (pool string) where it is the location:
			      * PM_UNLISTED, or a town's or district's own spelling that differs
			      * from the gazetteer's ("Charbolak" for Chahar Bolak); else NULL */
	const char *admin2;  /* PM_UNLISTED: the district holding it, or NULL */
};

enum actor_mention_flags {
	AM_SPEAKER = 1 << 0,  /* part of a "X said" source phrase */
	AM_VICTIM = 1 << 1,   /* named as killed or wounded */
	AM_MODIFIER = 1 << 2, /* "linked to al Qaeda": qualifies another actor, is not one */
	AM_NO_NATION = 1 << 3, /* "security forces" with no nation named: the document's guess */
	AM_GROUP_NAMED = 1 << 4, /* "Pokot raiders": a militia named by its people from name_first */
	AM_KIND_NEXT = 1 << 5,  /* "Garre and Degodia militias": Garre's kind is the next mention's */
	AM_HOME_ONLY = 1 << 6   /* a group of the lexicon's kind "local": only in its home country */
};

struct actor_mention {
	size_t first, last;
	const char *name;    /* normalised name (pool or lexicon) */
	int inter;
	char iso3[4];
	enum actor_kind kind;
	unsigned flags;
	const char *rule;    /* how it was recognised, for --explain */
	size_t name_first;   /* AM_GROUP_NAMED: first token of the group's name */
};

enum date_flags {
	DM_SPEECH = 1 << 0,     /* "said Sunday": when it was said, not when it happened */
	DM_BACKGROUND = 1 << 1, /* years or months before publication */
	DM_FUTURE = 1 << 2,     /* "next week", "Friday's meeting" ahead: not an event date */
	DM_SINCE = 1 << 3,      /* "since May 1": the start of a period, not an event date */
	DM_RANGE_END = 1 << 4,  /* "Saturday" in "Friday and Saturday": the first one dates it */
	DM_REFERENCE = 1 << 5   /* "the July 2 attack", "Tuesday's raid": names an event told before */
};

struct date_mention {
	size_t first, last;
	struct ymd date;     /* resolved; y == 0 if it cannot be (no publication date) */
	int precision;       /* ACLED time_precision 1-3 */
	unsigned flags;
	const char *rule;
	int relative;        /* "the next day": rel_days from the previous date in context */
	long rel_days;
};

struct casualty {
	size_t pos;          /* token of the count */
	size_t np_end;       /* end of the victims' phrase */
	enum casualty_kind kind;
	struct count count;
	int civilians;       /* the victims are civilians */
	int victim;          /* actor mention index of the victims, -1 if none */
	int definite;        /* one victim named as known ("the commander", "he") */
	size_t count_end;    /* end of the figure ("two" in "two insurgents"), set by reconcile */
	int head;            /* token of the victims' noun ("insurgents"), -1 if none; ditto */
	int summary;         /* told in a sentence totalling several operations; ditto */
	int retells;         /* the first telling of the same victims in the document, or -1 */
	int replaced;        /* a vague or summary count an exact one told after it replaced */
	int claimed;         /* a side's claim of what it did ("claimed to have killed 40") */
	int dropped;         /* given to no event: a claim where the document has a report */
	int counted;         /* given to an event (for the first telling: it or a retelling) */
	int event;           /* the event it was given to, -1 */
};

struct trigger_mention {
	size_t first, last;
	int def;             /* trigger_def index */
	/* trigger_veto's answer, kept because building asks it two or three times per trigger
	 * (the sentence's strength, the clause's end, the event) and it reads only mentions. */
	int veto_known;
	const char *veto, *veto_kind;
};

struct claim {
	size_t first, last;  /* the speaker phrase */
	size_t verb;         /* token of the speech verb */
	const char *speaker; /* pool string */
};

struct event {
	enum ev_class cls;
	enum acled_sub sub;  /* ACLED sub-event type (and so event type) */
	const char *cameo;
	int trigger;         /* trigger mention index */
	size_t sentence;
	int place;           /* place mention index, -1 if none */
	int place_idx;       /* gazetteer place, -1 if none */
	int place_inherited; /* the place came from context, not from this sentence */
	int precision;
	int actor1, actor2;  /* actor mention indexes, -1 if none */
	const char *actor1_name, *actor2_name; /* names when not from a mention */
	int inter1, inter2;
	int assoc1;          /* associated actor mention for actor1, -1 */
	int date;            /* date mention index, -1 if inherited */
	struct ymd event_date;
	int time_precision;
	const char *date_text;
	long fatalities, fat_low, fat_high, injuries, detained; /* -1 unknown */
	const char *victims; /* who the fatalities were (actor name), NULL if not said */
	int victim_am;       /* actor mention of those victims, -1 */
	int civilian_targeting;
	int claim;           /* claim index, -1 */
	int merged_into;     /* -1, or the event this one was folded into */
	int coref;           /* -1, or an earlier event this mention refers back to */
	int passive;         /* "was killed by X": the victim is the subject */
	int dropped;         /* history, not news: not written */
	unsigned evidence;   /* bit per enum evidence (frames.h) */
	double confidence;   /* 0..1, from the evidence */
	struct strbuf why;   /* explanation */
};

struct ectx {
	const struct extractor *ex;
	const struct doc *d;
	struct tokens t;
	const uint64_t **cue_row; /* token -> the bit row of its cues (cues_row) */
	size_t alloc_cue_row;
	struct ymd pub;          /* publication date, y == 0 if unknown */
	int country;             /* the document's country index, -1 if unknown */
	int responsible;         /* actor mention that claimed responsibility, -1 if none */
	int blamed;              /* actor mention blamed for an attack, -1 if none */
	int main_place;          /* place mention the article is mostly about; -2 not computed */
	int protagonist;         /* most named non-state group; -2 not computed */
	int protest_ctx, riot_ctx; /* protest / riot named in the document; -1 not computed */
	int last_dated;          /* latest event with a date, -1 if none */
	int relevance;           /* how much the document is about conflict; -1 not computed */
	int other_topic;         /* words of sport, business, culture, technology in the text */
	int *votes;              /* country index -> how often the text points at it */
	struct place_mention *pm;
	size_t n_pm, alloc_pm;
	struct actor_mention *am;
	size_t n_am, alloc_am;
	struct date_mention *dm;
	size_t n_dm, alloc_dm;
	struct casualty *cas;
	size_t n_cas, alloc_cas;
	struct trigger_mention *tm;
	size_t n_tm, alloc_tm;
	struct claim *cl;
	size_t n_cl, alloc_cl;
	struct event *ev;
	size_t n_ev, alloc_ev;
	struct arena strings;    /* strings made during extraction (ectx_strdup) */
	/* Lookup tables behind the *_lower functions, made once the pass that fills an array is
	 * over (NULL before: the functions then search): pm_at[tok] is the first place mention
	 * at or after token tok, and so on; cl_at and cas_at are indexed by sentence. */
	uint32_t *pm_at, *am_at, *dm_at, *cl_at, *cas_at;
	struct strbuf doc_id_json; /* the document id escaped for JSON, without quotes */
	size_t base;               /* byte offset of this text in the document (long texts go
				    * window by window) */
	size_t n_quotes;           /* quotes of the document written so far (ids go on) */
	struct strbuf dropped;     /* --explain: triggers set aside, one line each */
};

/* Generic growth for the arrays above. */
#define ECTX_PUSH(arr, n, alloc)                                                   \
	((n) == (alloc) ? ((alloc) = (alloc) ? (alloc) * 2 : 32,                     \
			   (arr) = xrealloc((arr), (alloc) * sizeof(*(arr)))) : (arr), \
	 &(arr)[(n)++])

/* A string that lives as long as the context. */
const char *ectx_strdup(struct ectx *cx, const char *s, size_t len);

/* Index ranges: mention arrays are in text order, so the mentions of a stretch of text are
 * found by binary search, keeping every pass linear in the document. */
size_t pm_search(const struct ectx *cx, size_t tok);
size_t am_search(const struct ectx *cx, size_t tok);
size_t dm_search(const struct ectx *cx, size_t tok);
size_t cl_search(const struct ectx *cx, size_t s);
size_t cas_search(const struct ectx *cx, size_t s);
/* Once a pass has filled its array, its table answers in one load (inline: the rules ask
 * for nearly every trigger and mention); before, the search above. */
#define ECTX_LOWER(name, table, domain, search)                               \
	static inline size_t name(const struct ectx *cx, size_t pos)            \
	{                                                                       \
		if (cx->table)                                                  \
			return cx->table[pos < (domain) ? pos : (domain)];      \
		return search(cx, pos);                                         \
	}
ECTX_LOWER(pm_lower, pm_at, cx->t.n, pm_search)        /* first place mention at or after tok */
ECTX_LOWER(am_lower, am_at, cx->t.n, am_search)
ECTX_LOWER(dm_lower, dm_at, cx->t.n, dm_search)
ECTX_LOWER(cl_lower, cl_at, cx->t.n_sent, cl_search)   /* first claim in sentence s or later */
ECTX_LOWER(cas_lower, cas_at, cx->t.n_sent, cas_search) /* first casualty in sentence s or later */
#undef ECTX_LOWER
/* Make the lookup tables of the arrays a pass has filled. */
void index_mentions(struct ectx *cx); /* pm, am */
void index_dates(struct ectx *cx);
void index_claims(struct ectx *cx);
void index_casualties(struct ectx *cx);

/* Token helpers, inline because every rule asks them at nearly every token: most tests fail
 * on the first byte, and strcmp with a literal is expanded by the compiler. */
static inline int cx_is(const struct ectx *cx, size_t i, const char *word)
{
	if (i >= cx->t.n)
		return 0;
	return tok_is(&cx->t.tok[i], word);
}

/* words must be a static, NULL-terminated list (see wordset.h). */
static inline int cx_is_any(const struct ectx *cx, size_t i, const char *const *words)
{
	return i < cx->t.n && wordset_has(words, cx->t.tok[i].norm, cx->t.tok[i].hash);
}
/* Is token i one of the cue's words (cues.tsv)? */
static inline int cx_cue(const struct ectx *cx, size_t i, enum cue_id cue)
{
	return i < cx->t.n && cue_in_row(cx->cue_row[i], cue);
}
/* The token range of sentence s. Inline: loops test against them at every step. */
static inline size_t sentence_first(const struct ectx *cx, size_t s)
{
	return cx->t.sent[s].first;
}
static inline size_t sentence_last(const struct ectx *cx, size_t s)
{
	return cx->t.sent[s].last;
}

/* Passes, in the order extract.c runs them. */
void mentions_find(struct ectx *cx);     /* places, actors; document country; resolution */
void dates_find(struct ectx *cx);        /* date expressions, resolved against publication */
void claims_find(struct ectx *cx);       /* "X said", "according to X" */
void casualties_find(struct ectx *cx);   /* killed / wounded / detained counts */
void events_build(struct ectx *cx);      /* triggers -> events with roles, place, date */
/* The next quotation at or after *from (see claims.c). */
int quote_next(const struct ectx *cx, size_t *from, size_t *open, size_t *close, const char **speaker);

/* "Civilians (Nigeria)": base plus the country in brackets, made once per document. */
const char *ectx_actor_name(struct ectx *cx, const char *base, int country);
/* Position of "claimed to have" / "claims to have" in the sentence of token i before i, or
 * (size_t)-1: what follows is a claim, not a report. */
size_t claimed_scope(const struct ectx *cx, size_t i);
/* Name of the state forces of a country ("Military Forces of Afghanistan"). */
const char *state_force_name(struct ectx *cx, int country, int police);
/* Country index for a place index, or -1. */
int place_country(const struct ectx *cx, int place_idx);

#endif
