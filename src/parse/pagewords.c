/* pagewords: reads article_words.tsv once into one NULL-terminated list per kind of phrase. */
#include "parse/pagewords.h"

#include <pthread.h>
#include <string.h>

#include "base/util.h"
#include "io/tsv.h"
#include "lexicon/embedded.h"

static const char *const list_names[PW_COUNT] = {
#define PAGEWORD_STRING(name) #name,
	PAGEWORD_LISTS(PAGEWORD_STRING)
#undef PAGEWORD_STRING
};

static struct { char **word; size_t n, cap; } lists[PW_COUNT];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int phrase_row(void *ctx, char **f, size_t n, unsigned long line)
{
	(void)ctx;
	(void)n;
	int list = -1;
	for (int i = 0; i < PW_COUNT; i++)
		if (!strcmp(f[0], list_names[i]))
			list = i;
	if (list < 0)
		return error("src/data/article_words.tsv:%lu: unknown list '%s'", line, f[0]);
	size_t len = strlen(f[1]);
	const char *p = f[1];
	if (len >= 2 && p[0] == '"' && p[len - 1] == '"') /* "download the ": spaces kept */
		p++, len -= 2;
	if (lists[list].n + 1 >= lists[list].cap) {
		lists[list].cap = lists[list].cap ? 2 * lists[list].cap : 16;
		lists[list].word = xrealloc(lists[list].word, lists[list].cap * sizeof(char *));
	}
	lists[list].word[lists[list].n++] = xstrndup(p, len);
	lists[list].word[lists[list].n] = NULL;
	return 0;
}

static void load_once(void)
{
	const struct embedded_file *ef = embedded_find("src/data/article_words.tsv");
	if (!ef)
		error("src/data/article_words.tsv: not embedded");
	else
		tsv_parse(ef->data, ef->len, ef->name, "list,phrase", phrase_row, NULL);
}

const char *const *pagewords(enum pageword_list list)
{
	static const char *empty = NULL;
	pthread_once(&once, load_once);
	return lists[list].word ? (const char *const *)lists[list].word : &empty;
}
