/* doc: document record lifecycle and its JSON form. */
#include "doc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "json.h"
#include "jsonw.h"
#include "util.h"

void doc_init(struct doc *d)
{
	memset(d, 0, sizeof(*d));
	strbuf_init(&d->text, 0);
}

void doc_release(struct doc *d)
{
	free(d->doc_id);
	free(d->title);
	free(d->publisher);
	free(d->author);
	free(d->published);
	free(d->url);
	free(d->dateline);
	free(d->source);
	strbuf_release(&d->text);
	for (size_t i = 0; i < d->n_warnings; i++)
		free(d->warnings[i]);
	free(d->warnings);
	doc_init(d);
}

void doc_set(char **field, const char *value)
{
	free(*field);
	*field = value && *value ? xstrdup(value) : NULL;
}

void doc_warn(struct doc *d, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	d->warnings = xrealloc(d->warnings, (d->n_warnings + 1) * sizeof(*d->warnings));
	d->warnings[d->n_warnings++] = strbuf_detach(&sb, NULL);
}

int doc_set_published(struct doc *d, const char *written, enum date_source src)
{
	struct ymd date;
	char buf[16];
	if (!written || !*written || src < d->published_from)
		return 0;
	if (!date_parse(written, &date) || date.d == 0) {
		doc_warn(d, "unreadable publication date '%s'", written);
		return 0;
	}
	ymd_format(date, buf, sizeof(buf));
	doc_set(&d->published, buf);
	d->published_from = src;
	return 1;
}

void doc_write_json(const struct doc *d, struct strbuf *out)
{
	jsonw_begin(out);
	jsonw_str(out, "type", "document");
	jsonw_str(out, "doc_id", d->doc_id);
	jsonw_str(out, "title", d->title);
	jsonw_str(out, "publisher", d->publisher);
	jsonw_str(out, "author", d->author);
	jsonw_str(out, "published", d->published);
	jsonw_str(out, "url", d->url);
	jsonw_str(out, "dateline", d->dateline);
	jsonw_strn(out, "text", d->text.buf, d->text.len);
	jsonw_int(out, "n_chars", (long long)d->text.len);
	jsonw_str(out, "source", d->source);
	jsonw_int(out, "removed", d->removed);
	jsonw_array_begin(out, "warnings");
	for (size_t i = 0; i < d->n_warnings; i++)
		jsonw_str(out, NULL, d->warnings[i]);
	jsonw_array_end(out);
	jsonw_end(out);
	strbuf_addch(out, '\n');
}

static void read_str(char **field, const struct jvalue *rec, const char *key)
{
	doc_set(field, json_get_str(rec, key));
}

int doc_read_json(struct doc *d, const struct jvalue *rec, const char **why)
{
	const char *type = json_get_str(rec, "type");
	const char *text = json_get_str(rec, "text");
	if (json_kind(rec) != JSON_OBJECT) {
		*why = "record is not a JSON object";
		return -1;
	}
	if (type && strcmp(type, "document") != 0) {
		*why = "not a document record";
		return -1;
	}
	if (!json_get_str(rec, "doc_id")) {
		*why = "document has no string \"doc_id\"";
		return -1;
	}
	if (!text) {
		*why = "document has no string \"text\"";
		return -1;
	}
	read_str(&d->doc_id, rec, "doc_id");
	read_str(&d->title, rec, "title");
	read_str(&d->publisher, rec, "publisher");
	read_str(&d->author, rec, "author");
	read_str(&d->url, rec, "url");
	read_str(&d->dateline, rec, "dateline");
	read_str(&d->source, rec, "source");
	const char *published = json_get_str(rec, "published");
	if (published)
		doc_set_published(d, published, DATE_INPUT);
	/* Borrowed, not copied: a document's text can be megabytes. */
	strbuf_release(&d->text);
	d->text.buf = (char *)text;
	d->text.len = strlen(text);
	d->text.alloc = 0;
	return 0;
}
