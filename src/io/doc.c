/* doc: document record lifecycle and its JSON form. */
#include "io/doc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "io/flatjson.h"
#include "io/json.h"
#include "io/jsonw.h"
#include "base/util.h"

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

static void set_field(struct flat_field *f, const char *key, enum flat_kind kind, const char *val,
		      size_t len)
{
	f->key = key;
	f->key_len = strlen(key);
	f->kind = val ? kind : FLAT_NULL;
	f->val = val ? val : "null";
	f->val_len = val ? len : 4;
	f->escaped = 0;
}

static void set_str(struct flat_field *f, const char *key, const char *val)
{
	set_field(f, key, FLAT_STRING, val, val ? strlen(val) : 0);
}

int doc_fields(const struct doc *d, struct flat_field *f, struct strbuf *scratch)
{
	/* Numbers and the array first, so that scratch no longer moves when pointed into. */
	strbuf_reset(scratch);
	jsonw_int_value(scratch, (long long)d->text.len);
	size_t n_chars_len = scratch->len;
	jsonw_int_value(scratch, d->removed);
	size_t removed_end = scratch->len;
	strbuf_addch(scratch, '[');
	for (size_t i = 0; i < d->n_warnings; i++)
		jsonw_str(scratch, NULL, d->warnings[i]);
	strbuf_addch(scratch, ']');
	const char *num = scratch->buf;
	int n = 0;
	set_str(&f[n++], "type", "document");
	set_str(&f[n++], "doc_id", d->doc_id);
	set_str(&f[n++], "title", d->title);
	set_str(&f[n++], "publisher", d->publisher);
	set_str(&f[n++], "author", d->author);
	set_str(&f[n++], "published", d->published);
	set_str(&f[n++], "url", d->url);
	set_str(&f[n++], "dateline", d->dateline);
	set_field(&f[n++], "text", FLAT_STRING, d->text.buf, d->text.len);
	set_field(&f[n++], "n_chars", FLAT_NUMBER, num, n_chars_len);
	set_str(&f[n++], "source", d->source);
	set_field(&f[n++], "removed", FLAT_NUMBER, num + n_chars_len, removed_end - n_chars_len);
	set_field(&f[n++], "warnings", FLAT_NESTED, num + removed_end, scratch->len - removed_end);
	return n;
}

/* The members doc_read_json reads, in the order of its value array. */
enum { F_TYPE, F_TEXT, F_DOC_ID, F_TITLE, F_PUBLISHER, F_AUTHOR, F_URL, F_DATELINE, F_SOURCE,
       F_PUBLISHED, F_COUNT };
static const char *const member_names[F_COUNT] = { "type", "text", "doc_id", "title",
	"publisher", "author", "url", "dateline", "source", "published" };

/* One pass over a record's members: for each known key, the string value of its first
 * member (NULL when that is not a string), as json_get_str gives it, without a search per
 * key. */
static void read_members(const struct jvalue *rec, const char *val[F_COUNT])
{
	unsigned seen = 0;
	for (int f = 0; f < F_COUNT; f++)
		val[f] = NULL;
	for (const struct jvalue *m = json_child(rec); m; m = json_next(m)) {
		const char *key = json_key(m);
		for (int f = 0; key && f < F_COUNT; f++)
			if (!(seen & (1u << f)) && strcmp(key, member_names[f]) == 0) {
				seen |= 1u << f;
				val[f] = json_string(m);
				break;
			}
	}
}

int doc_read_json(struct doc *d, const struct jvalue *rec, const char **why)
{
	const char *val[F_COUNT];
	if (json_kind(rec) != JSON_OBJECT) {
		*why = "record is not a JSON object";
		return -1;
	}
	read_members(rec, val);
	if (val[F_TYPE] && strcmp(val[F_TYPE], "document") != 0) {
		*why = "not a document record";
		return -1;
	}
	if (!val[F_DOC_ID]) {
		*why = "document has no string \"doc_id\"";
		return -1;
	}
	if (!val[F_TEXT]) {
		*why = "document has no string \"text\"";
		return -1;
	}
	doc_set(&d->doc_id, val[F_DOC_ID]);
	doc_set(&d->title, val[F_TITLE]);
	doc_set(&d->publisher, val[F_PUBLISHER]);
	doc_set(&d->author, val[F_AUTHOR]);
	doc_set(&d->url, val[F_URL]);
	doc_set(&d->dateline, val[F_DATELINE]);
	doc_set(&d->source, val[F_SOURCE]);
	if (val[F_PUBLISHED])
		doc_set_published(d, val[F_PUBLISHED], DATE_INPUT);
	const char *text = val[F_TEXT];
	/* Borrowed, not copied: a document's text can be megabytes. */
	strbuf_release(&d->text);
	d->text.buf = (char *)text;
	d->text.len = strlen(text);
	d->text.alloc = 0;
	return 0;
}

#define DOC_LINE_MAX_FIELDS 64

/* The first field with each key of member_names, or NULL. */
static void find_members(const struct flat_field *f, int n, const struct flat_field *at[F_COUNT])
{
	size_t name_len[F_COUNT];
	for (int k = 0; k < F_COUNT; k++) {
		name_len[k] = strlen(member_names[k]);
		at[k] = NULL;
	}
	for (int i = 0; i < n; i++)
		for (int k = 0; k < F_COUNT; k++)
			if (f[i].key_len == name_len[k] && !memcmp(f[i].key, member_names[k], name_len[k])) {
				if (!at[k])
					at[k] = &f[i];
				break;
			}
}

/* A string field's characters, decoded, in sb (reset first); checked already. NULL unless a
 * string. */
static const char *flat_str(const struct flat_field *f, struct strbuf *sb)
{
	if (!f || f->kind != FLAT_STRING)
		return NULL;
	strbuf_reset(sb);
	if (f->escaped)
		flatjson_unescape_exact(f->val, f->val_len, sb);
	else
		strbuf_add(sb, f->val, f->val_len);
	return sb->buf;
}

int doc_read_line(struct doc *d, const char *line, size_t len)
{
	struct flat_field f[DOC_LINE_MAX_FIELDS];
	const struct flat_field *at[F_COUNT];
	int n = flatjson_parse(line, len, f, DOC_LINE_MAX_FIELDS);
	if (n < 0)
		return DOC_LINE_GENERAL;
	find_members(f, n, at);
	/* The text, most of the line, is checked as it is decoded: the other fields first. */
	const struct flat_field *text = at[F_TEXT];
	int t = text && text->kind == FLAT_STRING ? (int)(text - f) : n;
	if (flatjson_check_exact(f, t) < 0 ||
	    (t < n && flatjson_check_exact(f + t + 1, n - t - 1) < 0))
		return DOC_LINE_GENERAL;
	strbuf_reset(&d->text);
	if (t < n && flatjson_unescape_exact(text->val, text->val_len, &d->text) < 0) {
		strbuf_release(&d->text);
		return DOC_LINE_GENERAL;
	}
	struct strbuf sb = STRBUF_INIT;
	const char *type = flat_str(at[F_TYPE], &sb);
	int kind = DOC_LINE_DOCUMENT;
	if (type && strcmp(type, "document") != 0)
		kind = DOC_LINE_OTHER;
	else if (!at[F_DOC_ID] || at[F_DOC_ID]->kind != FLAT_STRING || t == n)
		kind = DOC_LINE_GENERAL; /* its message comes from doc_read_json */
	if (kind != DOC_LINE_DOCUMENT) {
		strbuf_release(&sb);
		strbuf_release(&d->text);
		return kind;
	}
	static const int fields[] = { F_DOC_ID, F_TITLE, F_PUBLISHER, F_AUTHOR, F_URL, F_DATELINE,
				      F_SOURCE };
	char **to[] = { &d->doc_id, &d->title, &d->publisher, &d->author, &d->url, &d->dateline,
			&d->source };
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		doc_set(to[i], flat_str(at[fields[i]], &sb));
	const char *published = flat_str(at[F_PUBLISHED], &sb);
	if (published)
		doc_set_published(d, published, DATE_INPUT);
	strbuf_release(&sb);
	return DOC_LINE_DOCUMENT;
}
