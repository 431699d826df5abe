/* feedkeys: reads feed_fields.tsv into one NULL-terminated key list per document field. */
#include "parse/feedkeys.h"

#include <pthread.h>
#include <string.h>

#include "base/util.h"
#include "io/tsv.h"
#include "lexicon/embedded.h"

static const char *const field_names[FF_COUNT] = { "id", "text", "title", "published", "url",
	"publisher", "author" };
static char **keys[FF_COUNT];
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int status;

static int field_row(void *ctx, char **f, size_t n, unsigned long line)
{
	(void)ctx;
	(void)n;
	int field = -1;
	for (int i = 0; i < FF_COUNT; i++)
		if (!strcmp(f[0], field_names[i]))
			field = i;
	if (field < 0)
		return error("src/data/feed_fields.tsv:%lu: unknown field '%s'", line, f[0]);
	size_t count = 1;
	for (const char *p = f[1]; *p; p++)
		count += *p == '|';
	char **list = xcalloc(count + 1, sizeof(*list));
	size_t k = 0;
	for (char *save = NULL, *tok = strtok_r(f[1], "|", &save); tok; tok = strtok_r(NULL, "|", &save))
		list[k++] = xstrdup(tok);
	keys[field] = list;
	return 0;
}

static void load_once(void)
{
	const struct embedded_file *ef = embedded_find("src/data/feed_fields.tsv");
	if (!ef || tsv_parse(ef->data, ef->len, ef->name, "field,keys", field_row, NULL) != 0) {
		status = -1;
		return;
	}
	for (int i = 0; i < FF_COUNT; i++)
		if (!keys[i])
			status = error("src/data/feed_fields.tsv: no keys for field '%s'", field_names[i]);
}

int feedkeys_load(void)
{
	pthread_once(&once, load_once);
	return status;
}

const char *const *feedkeys(enum feed_field field)
{
	static const char *const none = NULL; /* an empty list */
	return keys[field] ? (const char *const *)keys[field] : &none;
}
