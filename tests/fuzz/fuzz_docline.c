/* Fuzz target: a record line read straight from its text (doc_read_line) must come out as the
 * JSON tree reads it (json_parse, then doc_read_json): the same verdict, the same document. */
#include <string.h>

#include "fuzz_common.h"
#include "io/json.h"

static int same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int same_doc(const struct doc *a, const struct doc *b)
{
	if (!same_str(a->doc_id, b->doc_id) || !same_str(a->title, b->title) ||
	    !same_str(a->publisher, b->publisher) || !same_str(a->author, b->author) ||
	    !same_str(a->published, b->published) || a->published_from != b->published_from ||
	    !same_str(a->url, b->url) || !same_str(a->dateline, b->dateline) ||
	    !same_str(a->source, b->source) || a->n_warnings != b->n_warnings ||
	    a->text.len != b->text.len || memcmp(a->text.buf, b->text.buf, a->text.len) != 0)
		return 0;
	for (size_t i = 0; i < a->n_warnings; i++)
		if (strcmp(a->warnings[i], b->warnings[i]) != 0)
			return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *line = (const char *)data;
	struct doc fast, tree;
	fuzz_quiet();
	doc_init(&fast);
	doc_init(&tree);
	int got = doc_read_line(&fast, line, size);
	if (got != DOC_LINE_GENERAL) {
		size_t off;
		const char *why;
		struct jvalue *rec = json_parse(line, size, &off);
		if (!rec || json_kind(rec) != JSON_OBJECT)
			abort(); /* read as a record, yet not valid JSON */
		const char *type = json_get_str(rec, "type");
		if ((got == DOC_LINE_OTHER) != (type && strcmp(type, "document") != 0))
			abort();
		if (got == DOC_LINE_DOCUMENT && (doc_read_json(&tree, rec, &why) < 0 || !same_doc(&fast, &tree)))
			abort();
		doc_release(&tree); /* its text is borrowed from rec */
		json_free(rec);
	}
	doc_release(&fast);
	return 0;
}
