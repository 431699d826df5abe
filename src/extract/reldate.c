/* reldate: date expressions in the text ("on Sunday", "yesterday", "on Dec. 13", "last week",
 * "in late September 2015", "the next day"), resolved against the publication date with an
 * ACLED time precision (1 day, 2 week, 3 month). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "extract/ectx.h"
#include "base/util.h"


static struct ymd shift(struct ymd d, long days)
{
	return civil_from_days(days_from_civil(d.y, d.m, d.d) + days);
}

/* The rule of a relative date counted from publication: refine_time_of_day knows it by it. */
static const char rule_from_publication[] = "relative to publication";

static struct date_mention *add(struct ectx *cx, size_t first, size_t last, int precision,
				const char *rule)
{
	struct date_mention *m = ECTX_PUSH(cx->dm, cx->n_dm, cx->alloc_dm);
	m->first = first;
	m->last = last;
	m->date = (struct ymd){ 0, 0, 0 };
	m->precision = precision;
	m->flags = 0;
	m->rule = rule;
	m->relative = 0;
	m->rel_days = 0;
	return m;
}

/* Token index covering byte offset end (last token that ends at or before it), from i. */
static size_t token_end(const struct ectx *cx, size_t i, size_t byte_end)
{
	size_t j = i;
	while (j < cx->t.n && cx->t.tok[j].end <= byte_end)
		j++;
	return j;
}

/* Most recent given weekday on or before the publication date. */
static struct ymd last_weekday(struct ymd pub, int wday)
{
	int back = (weekday_of(pub) - wday + 7) % 7;
	return shift(pub, -back);
}

/* Month (and maybe day) without a year: the latest such date on or before publication. */
static struct ymd complete_year(struct ymd pub, int m, int d)
{
	/* A day up to two months ahead is an announced date this year; later ones are last
	 * year's. */
	struct ymd out = { pub.y, m, d };
	long ahead = days_from_civil(pub.y, m, d ? d : 1) - days_from_civil(pub.y, pub.m, pub.d);
	if (ahead > 62)
		out.y--;
	return out;
}

static int part_of_day(const struct ectx *cx, size_t i)
{
	return cx_cue(cx, i, CUE_part_of_day);
}

static size_t weekday_expr(struct ectx *cx, size_t i)
{
	size_t len;
	if (!(cx->t.tok[i].flags & TOK_CAP))
		return 0;
	const char *w = cx->d->text.buf + cx->t.tok[i].start;
	int wd = weekday_at(w, &len);
	if (wd < 0 || !(cx->t.tok[i].flags & TOK_CAP) || strlen(cx->t.tok[i].norm) < 3)
		return 0;
	/* "Sun." abbreviations only when a dot follows; bare "Sun" is too ambiguous. */
	if (strlen(cx->t.tok[i].norm) == 3 && !cx_is(cx, i + 1, "."))
		return 0;
	size_t last = i + 1;
	if (part_of_day(cx, last))
		last++;
	struct date_mention *m = add(cx, i, last, 1, "weekday: latest on or before publication");
	if (i >= 1 && (cx_is(cx, i - 1, "next") || cx_is(cx, i - 1, "coming")))
		m->flags |= DM_FUTURE;
	if (cx->pub.y) {
		m->date = last_weekday(cx->pub, wd);
		if (i >= 1 && cx_is(cx, i - 1, "last") && m->date.d == cx->pub.d)
			m->date = shift(m->date, -7);
	}
	return last - i;
}

static size_t calendar_expr(struct ectx *cx, size_t i)
{
	/* Dates start with a number or a capitalised month. */
	if (!(cx->t.tok[i].flags & (TOK_CAP | TOK_NUMBER)))
		return 0;
	const char *s = cx->d->text.buf + cx->t.tok[i].start;
	switch (s[0] | 0x20) { /* a digit or a month's first letter: anything else is no date */
	case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8':
	case '9': case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd':
		break;
	default:
		return 0;
	}
	struct ymd v;
	size_t bytes = date_scan(s, &v, 1), ml;
	/* "on Highway 1 August 31": a number after a name is the name's; the date is the month's. */
	if (bytes && !v.y && (cx->t.tok[i].flags & TOK_NUMBER) && i >= 1 &&
	    (cx->t.tok[i - 1].flags & TOK_CAP) && !(cx->t.tok[i].flags & TOK_PARA) &&
	    cx->t.tok[i - 1].sentence == cx->t.tok[i].sentence && i + 2 < cx->t.n &&
	    (cx->t.tok[i + 2].flags & TOK_NUMBER) &&
	    cx->t.tok[i + 2].start < cx->t.tok[i].start + bytes + 3)
		return 0;
	int qualifier = 0; /* 1 early, 2 mid, 3 late */
	if (!bytes) {
		/* "in the 1990s": a decade, always background. */
		const char *w = cx->t.tok[i].norm;
		if (strlen(w) == 5 && w[4] == 's' && w[3] == '0' && (w[0] == '1' || w[0] == '2') &&
		    i >= 1 && cx_is(cx, i - 1, "the")) {
			struct date_mention *m = add(cx, i - 1, i + 1, 3, "decade");
			m->date = (struct ymd){ (int)strtol(w, NULL, 10), 1, 1 };
			m->flags |= DM_BACKGROUND;
			return 1;
		}
		/* "in 2015", "since 2015": a bare year after a preposition. */
		long y;
		if ((cx->t.tok[i].flags & TOK_NUMBER) && strlen(cx->t.tok[i].norm) == 4 && i >= 1 &&
		    (cx_is(cx, i - 1, "in") || cx_is(cx, i - 1, "since") || cx_is(cx, i - 1, "of")) &&
		    (y = strtol(cx->t.tok[i].norm, NULL, 10)) >= 1900 && y <= 2100) {
			struct date_mention *m = add(cx, i, i + 1, 3, "year");
			m->date = (struct ymd){ (int)y, 1, 1 };
			if (cx->pub.y && y < cx->pub.y)
				m->flags |= DM_BACKGROUND;
			return 1;
		}
		/* "in May", "in late September": a month alone. */
		int mon = month_at(s, &ml);
		if (!mon || !(cx->t.tok[i].flags & TOK_CAP) || i == 0)
			return 0;
		if (!(cx_is(cx, i - 1, "in") || cx_is(cx, i - 1, "since") || cx_is(cx, i - 1, "early") ||
		      cx_is(cx, i - 1, "late") || cx_is(cx, i - 1, "mid") || cx_is(cx, i - 1, "until") ||
		      cx_is(cx, i - 1, "by") || cx_is(cx, i - 1, "of")))
			return 0;
		if (mon == 5 && !cx_is(cx, i - 1, "in") && !cx_is(cx, i - 1, "since"))
			return 0; /* "may" the verb */
		v = (struct ymd){ 0, mon, 0 };
		bytes = ml;
	}
	size_t last = token_end(cx, i, cx->t.tok[i].start + bytes);
	if (last <= i)
		last = i + 1;
	if (i >= 1 && cx_is(cx, i - 1, "early"))
		qualifier = 1;
	else if (i >= 1 && (cx_is(cx, i - 1, "mid") || cx_is(cx, i - 1, "middle")))
		qualifier = 2;
	else if (i >= 1 && cx_is(cx, i - 1, "late"))
		qualifier = 3;
	int precision = v.d ? 1 : 3;
	struct date_mention *m = add(cx, qualifier ? i - 1 : i, last, precision,
				     v.d ? "calendar date" : "month");
	if (!v.y && cx->pub.y)
		v = complete_year(cx->pub, v.m, v.d);
	if (v.y && !v.d)
		v.d = qualifier == 1 ? 5 : qualifier == 2 ? 15 : qualifier == 3 ? 25 : 1;
	if (v.y)
		m->date = v;
	if (v.y && cx->pub.y &&
	    days_from_civil(cx->pub.y, cx->pub.m, cx->pub.d) - days_from_civil(v.y, v.m, v.d) > 60)
		m->flags |= DM_BACKGROUND;
	return last - i;
}

struct relative_word {
	const char *w1, *w2, *w3;
	long days;
	int precision;
	int base; /* 0 publication, 1 previous date in the sentence */
};

static const struct relative_word relative_words[] = {
	{ "earlier", "today", NULL, 0, 1, 0 }, { "today", NULL, NULL, 0, 1, 0 },
	{ "tonight", NULL, NULL, 0, 1, 0 }, { "this", "morning", NULL, 0, 1, 0 },
	{ "this", "afternoon", NULL, 0, 1, 0 }, { "this", "evening", NULL, 0, 1, 0 },
	{ "yesterday", NULL, NULL, -1, 1, 0 }, { "last", "night", NULL, -1, 1, 0 },
	{ "overnight", NULL, NULL, 0, 1, 0 }, { "last", "week", NULL, -7, 2, 0 },
	{ "earlier", "this", "week", 0, 2, 0 }, { "this", "week", NULL, 0, 2, 0 },
	{ "last", "weekend", NULL, -3, 2, 0 }, { "over", "the", "weekend", -1, 2, 0 },
	{ "this", "weekend", NULL, 0, 2, 0 }, { "last", "month", NULL, -30, 3, 0 },
	{ "earlier", "this", "month", 0, 3, 0 }, { "this", "month", NULL, 0, 3, 0 },
	{ "the", "previous", "day", -1, 1, 1 }, { "the", "day", "before", -1, 1, 1 },
	{ "a", "day", "earlier", -1, 1, 1 }, { "the", "next", "day", 1, 1, 1 },
	{ "the", "following", "day", 1, 1, 1 }, { "a", "day", "later", 1, 1, 1 },
	{ "the", "next", "morning", 1, 1, 1 }, { "hours", "later", NULL, 0, 1, 1 },
	{ NULL, NULL, NULL, 0, 0, 0 }
};

/* The distinct first words of relative_words, as a word list for a quick rejection, and
 * their first letters, for a quicker one: most words start with none of them. Made on the
 * first call (the extractor's warm-up, before any worker thread). */
static struct {
	const char *first[sizeof(relative_words) / sizeof(relative_words[0])];
	unsigned char letter[256];
} relative_starts;

static const char *const *relative_first_words(void)
{
	if (!relative_starts.first[0]) {
		size_t n = 0;
		for (size_t k = 0; relative_words[k].w1; k++) {
			size_t j = 0;
			while (j < n && strcmp(relative_starts.first[j], relative_words[k].w1) != 0)
				j++;
			if (j == n)
				relative_starts.first[n++] = relative_words[k].w1;
			relative_starts.letter[(unsigned char)relative_words[k].w1[0]] = 1;
		}
	}
	return relative_starts.first;
}

#define NO_PREV ((size_t)-1)

/* prev: index of the sentence's previous date mention, or NO_PREV (an index, not a pointer:
 * adding a mention may move the array). has_ago: the sentence has "ago", without which "two
 * days ago" cannot start at i. */
static size_t relative_expr(struct ectx *cx, size_t i, size_t prev_idx, int has_ago)
{
	const char *const *first = relative_first_words();
	if (!relative_starts.letter[(unsigned char)cx->t.tok[i].norm[0]] || !cx_is_any(cx, i, first))
		goto counted;
	for (size_t k = 0; relative_words[k].w1; k++) {
		const struct relative_word *r = &relative_words[k];
		if (!cx_is(cx, i, r->w1) || (r->w2 && !cx_is(cx, i + 1, r->w2)) ||
		    (r->w3 && !cx_is(cx, i + 2, r->w3)))
			continue;
		size_t n = 1 + (r->w2 != NULL) + (r->w3 != NULL);
		struct date_mention *m = add(cx, i, i + n, r->precision, rule_from_publication);
		const struct date_mention *prev = prev_idx != NO_PREV ? &cx->dm[prev_idx] : NULL;
		struct ymd base = cx->pub;
		m->relative = r->base == 1;
		m->rel_days = r->days;
		if (r->base == 1 && prev && prev->date.y) {
			m->relative = 0; /* anchored within the sentence */
			base = prev->date;
			m->rule = "relative to the previous date in the sentence";
		}
		if (base.y)
			m->date = shift(base, r->days);
		return n;
	}
counted:
	/* "two days ago", "three weeks ago" */
	if (!has_ago)
		return 0;
	struct count c;
	size_t n = number_at(&cx->t, i, cx->t.n, &c);
	if (n && !c.vague && (cx_is(cx, i + n, "years") || cx_is(cx, i + n, "year") ||
			      cx_is(cx, i + n, "months") || cx_is(cx, i + n, "month")) &&
	    cx_is(cx, i + n + 1, "ago")) {
		/* "ten years ago": background at month precision. */
		int years = cx_is(cx, i + n, "years") || cx_is(cx, i + n, "year");
		struct date_mention *m = add(cx, i, i + n + 2, 3, "N years or months ago");
		if (cx->pub.y) {
			long back = years ? 365 * c.value : 30 * c.value;
			m->date = shift(cx->pub, -back);
			m->date.d = 1;
		}
		m->flags |= DM_BACKGROUND;
		return n + 2;
	}
	if (n && !c.vague && (cx_is(cx, i + n, "days") || cx_is(cx, i + n, "weeks") ||
			      cx_is(cx, i + n, "day") || cx_is(cx, i + n, "week")) &&
	    cx_is(cx, i + n + 1, "ago")) {
		int weeks = cx_is(cx, i + n, "weeks") || cx_is(cx, i + n, "week");
		struct date_mention *m = add(cx, i, i + n + 2, weeks ? 2 : 1, "N days ago");
		if (cx->pub.y)
			m->date = shift(cx->pub, -(weeks ? 7 : 1) * c.value);
		return n + 2;
	}
	return 0;
}

static inline int sentence_has(const struct ectx *cx, size_t s, const char *word)
{
	for (size_t i = cx->t.sent[s].first; i < cx->t.sent[s].last; i++)
		if (cx_is(cx, i, word))
			return 1;
	return 0;
}

static int future_sentence(const struct ectx *cx, size_t s)
{
	for (size_t i = cx->t.sent[s].first; i < cx->t.sent[s].last; i++)
		if (cx_cue(cx, i, CUE_future_word))
			return 1;
	return 0;
}

/* "the July 2 attack", "the 12 May bombing", "Tuesday's raid", "an attack Jan. 7": a day
 * used as a noun's modifier names an event by its date, often one told of before. */
static int names_told_event(const struct ectx *cx, const struct date_mention *m)
{
	if (m->precision != 1 || m->last >= cx->t.n)
		return 0;
	if (cx->t.tok[m->last - 1].flags & TOK_POSS)
		return 1;
	/* "an attack Jan. 7", "the bombing Tuesday": the date right after an event noun. */
	if (m->first >= 1 && cx_cue(cx, m->first - 1, CUE_generic_event_noun))
		return 1;
	const struct token *after = &cx->t.tok[m->last];
	return m->first >= 1 && cx_is(cx, m->first - 1, "the") && (after->flags & TOK_WORD) &&
	       !(after->flags & (TOK_CAP | TOK_NUMBER)) &&
	       after->sentence == cx->t.tok[m->first].sentence &&
	       !cx_cue(cx, m->last, CUE_date_link);
}

/* "On 10 July 2025, overnight, ...": a time of day right after a date is that date's. */
static void refine_time_of_day(struct ectx *cx, const struct date_mention *prev,
			       struct date_mention *m)
{
	if (m->rule != rule_from_publication || m->rel_days != 0 || m->precision != 1 || !prev->date.y ||
	    prev->precision != 1 ||
	    !(prev->last == m->first || (prev->last + 1 == m->first && cx_is(cx, prev->last, ","))))
		return;
	m->date = prev->date;
	m->rule = "time of day of the date before it";
}

void dates_find(struct ectx *cx)
{
	size_t prev_idx = NO_PREV;
	unsigned prev_sentence = (unsigned)-1;
	int has_ago = 0;
	for (size_t i = 0; i < cx->t.n;) {
		size_t before = cx->n_dm, n = 0;
		if (cx->t.tok[i].sentence != prev_sentence) {
			prev_idx = NO_PREV;
			prev_sentence = cx->t.tok[i].sentence;
			has_ago = sentence_has(cx, prev_sentence, "ago");
		}
		if (cx->t.tok[i].flags & TOK_WORD)
			n = weekday_expr(cx, i);
		if (!n && (cx->t.tok[i].flags & TOK_WORD))
			n = calendar_expr(cx, i);
		if (!n && (cx->t.tok[i].flags & TOK_WORD))
			n = relative_expr(cx, i, prev_idx, has_ago);
		if (cx->n_dm > before) {
			struct date_mention *m = &cx->dm[cx->n_dm - 1];
			const struct date_mention *prev = prev_idx != NO_PREV ? &cx->dm[prev_idx] : NULL;
			size_t b = m->first;
			if (b >= 1 && cx_is(cx, b - 1, "on"))
				b--;
			if (b >= 1 && cx_cue(cx, b - 1, CUE_speech_verb))
				m->flags |= DM_SPEECH;
			if (m->first >= 1 && cx_is(cx, m->first - 1, "since"))
				m->flags |= DM_SINCE;
			if (prev && prev != m && prev->last + 1 == m->first &&
			    (cx_is(cx, prev->last, "and") || cx_is(cx, prev->last, "or") ||
			     cx_is(cx, prev->last, "to") || cx_is(cx, prev->last, "through") ||
			     cx_is(cx, prev->last, "-")))
				m->flags |= DM_RANGE_END;
			/* A possessive weekday in a sentence about the future: "Friday's meeting"; in
			 * any other, it names an event told before: "Tuesday's attack". */
			if ((cx->t.tok[m->last - 1].flags & TOK_POSS) && future_sentence(cx, cx->t.tok[i].sentence))
				m->flags |= DM_FUTURE;
			else if (names_told_event(cx, m))
				m->flags |= DM_REFERENCE;
			if (prev && prev != m)
				refine_time_of_day(cx, prev, m);
			/* A day after publication in a sentence of the past is a time-zone gap or a
			 * slip in the metadata ("On 12 May, gunmen killed" filed late on 11 May UTC);
			 * later, or with a word of the future, it is a plan. */
			long ahead = m->date.y && cx->pub.y
				     ? days_from_civil(m->date.y, m->date.m, m->date.d) -
				       days_from_civil(cx->pub.y, cx->pub.m, cx->pub.d) : 0;
			if (!m->relative &&
			    (ahead > 1 || (ahead == 1 && future_sentence(cx, cx->t.tok[i].sentence))))
				m->flags |= DM_FUTURE;
			prev_idx = cx->n_dm - 1;
		}
		i += n ? n : 1;
	}
}
