/* html: libxml2 HTML parser, recover mode, no network. */
#include "parse/html.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

#include "parse/pagewords.h"
#include "parse/article.h"
#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/util.h"

struct paras {
	char **items;
	size_t n, alloc;
};

static int name_is(const xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && node->name &&
	       ascii_casecmp((const char *)node->name, name) == 0;
}

static int skipped_element(const xmlNode *node)
{
	const char *const *skip = pagewords(PW_html_skip);
	for (size_t i = 0; skip[i]; i++)
		if (name_is(node, skip[i]))
			return 1;
	return 0;
}

static void collect_text(const xmlNode *node, struct strbuf *sb)
{
	for (const xmlNode *c = node; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content) {
			strbuf_addstr(sb, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE && !skipped_element(c)) {
			if (name_is(c, "br"))
				strbuf_addch(sb, ' ');
			collect_text(c->children, sb);
		}
	}
}

static void add_para(struct paras *ps, struct strbuf *text)
{
	/* Collapse runs of whitespace: HTML source line breaks are not paragraph breaks. */
	struct strbuf out = STRBUF_INIT;
	int space = 0;
	for (size_t i = 0; i < text->len; i++) {
		char c = text->buf[i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			space = out.len > 0;
			continue;
		}
		if (space)
			strbuf_addch(&out, ' ');
		space = 0;
		strbuf_addch(&out, c);
	}
	if (!out.len) {
		strbuf_release(&out);
		return;
	}
	if (ps->n == ps->alloc) {
		ps->alloc = ps->alloc ? ps->alloc * 2 : 32;
		ps->items = xrealloc(ps->items, ps->alloc * sizeof(*ps->items));
	}
	ps->items[ps->n++] = strbuf_detach(&out, NULL);
}

static void collect_paragraphs(const xmlNode *node, struct paras *ps)
{
	for (const xmlNode *c = node; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || skipped_element(c))
			continue;
		if (name_is(c, "p") || name_is(c, "h2") || name_is(c, "h3") || name_is(c, "li") ||
		    name_is(c, "blockquote")) {
			struct strbuf sb = STRBUF_INIT;
			collect_text(c->children, &sb);
			add_para(ps, &sb);
			strbuf_release(&sb);
		} else {
			collect_paragraphs(c->children, ps);
		}
	}
}

static const xmlNode *find_element(const xmlNode *node, const char *name)
{
	for (const xmlNode *c = node; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (name_is(c, name))
			return c;
		const xmlNode *r = find_element(c->children, name);
		if (r)
			return r;
	}
	return NULL;
}

static char *attr(const xmlNode *node, const char *name)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *out = xstrdup((const char *)v);
	xmlFree(v);
	return out;
}

/* Meta tags by property/name/itemprop; the first non-empty match wins per field. */
static void read_meta(struct doc *d, const xmlNode *node)
{
	const char *const *date_keys = pagewords(PW_html_date_key);
	for (const xmlNode *c = node; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (name_is(c, "meta") || name_is(c, "time")) {
			char *key = attr(c, "property");
			if (!key)
				key = attr(c, "name");
			if (!key)
				key = attr(c, "itemprop");
			char *content = attr(c, name_is(c, "time") ? "datetime" : "content");
			if (content && key) {
				for (size_t i = 0; date_keys[i]; i++)
					if (ascii_casecmp(key, date_keys[i]) == 0)
						doc_set_published(d, content, DATE_INPUT);
				if (!ascii_casecmp(key, "og:title") && !d->title)
					doc_set(&d->title, content);
				if (!ascii_casecmp(key, "og:site_name") && !d->publisher)
					doc_set(&d->publisher, content);
				if (!ascii_casecmp(key, "author") && !d->author)
					doc_set(&d->author, content);
				if (!ascii_casecmp(key, "og:url") && !d->url)
					doc_set(&d->url, content);
			} else if (content && name_is(c, "time") && !d->published) {
				doc_set_published(d, content, DATE_INPUT);
			}
			free(key);
			free(content);
		} else if (name_is(c, "link")) {
			char *rel = attr(c, "rel");
			if (rel && !ascii_casecmp(rel, "canonical") && !d->url) {
				char *href = attr(c, "href");
				doc_set(&d->url, href);
				free(href);
			}
			free(rel);
		}
		read_meta(d, c->children);
	}
}

int html_to_doc(struct doc *d, const char *page, size_t len)
{
	struct strbuf clean = STRBUF_INIT;
	size_t bad = utf8_clean(page, len, &clean);
	if (bad)
		doc_warn(d, "%zu invalid UTF-8 sequences replaced", bad);
	if (clean.len > (size_t)0x7fffffff) {
		strbuf_release(&clean);
		return error("page too large for the HTML parser");
	}
	htmlDocPtr html = htmlReadMemory(clean.buf, (int)clean.len, NULL, "UTF-8",
					 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
					 HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	strbuf_release(&clean);
	if (!html)
		return -1;
	const xmlNode *root = xmlDocGetRootElement(html);
	read_meta(d, root);
	const xmlNode *title = find_element(root, "title");
	if (title && !d->title) {
		struct strbuf sb = STRBUF_INIT;
		collect_text(title->children, &sb);
		strbuf_trim(&sb);
		doc_set(&d->title, sb.buf);
		strbuf_release(&sb);
	}
	struct paras ps = { NULL, 0, 0 };
	const xmlNode *article = find_element(root, "article");
	if (!article)
		article = find_element(root, "main");
	collect_paragraphs(article ? article->children : root, &ps);
	/* Headline inside the article repeats the title: the title rule drops it. */
	article_from_paragraphs(d, ps.items, ps.n, 0);
	for (size_t i = 0; i < ps.n; i++)
		free(ps.items[i]);
	free(ps.items);
	xmlFreeDoc(html);
	return 0;
}
