/* pagewords: the phrases the parse stage recognises in a page besides the article: furniture,
 * captions, credits, release headers, HTML elements and meta names (article_words.tsv).
 * Ownership: the table is loaded once per process and lives until exit; lists are borrowed. */
#ifndef SITREP_PAGEWORDS_H
#define SITREP_PAGEWORDS_H

#define PAGEWORD_LISTS(X)                                                                        \
	X(furniture) X(trailer) X(caption) X(story_from) X(web_domain) X(mirror_lead_in)        \
	X(release_marker) X(date_lead_in) X(html_skip) X(html_date_key)

enum pageword_list {
#define PAGEWORD_ENUM(name) PW_##name,
	PAGEWORD_LISTS(PAGEWORD_ENUM)
#undef PAGEWORD_ENUM
	PW_COUNT
};

/* The phrases of a list, in the table's order, NULL-terminated; an empty list if the table
 * cannot be read (after one error message). Thread-safe. */
const char *const *pagewords(enum pageword_list list);

#endif
