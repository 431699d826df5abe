/* htmlesc: one scan per value; runs of bytes that need nothing are copied in one move. */
#include "report/htmlesc.h"

#include <stdio.h>

/* The replacement for byte c in element text (quotes too when in_attr), or NULL to copy it. */
static const char *markup_entity(unsigned char c, int in_attr)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return in_attr ? "&quot;" : NULL;
	case '\'': return in_attr ? "&#39;" : NULL;
	case '\n': return in_attr ? " " : NULL;
	case '\t': return NULL;
	default: return c < 0x20 || c == 0x7f ? " " : NULL;
	}
}

static void escape_markup(struct strbuf *sb, const char *s, size_t len, int in_attr)
{
	size_t run = 0;
	for (size_t i = 0; i < len; i++) {
		const char *rep = markup_entity((unsigned char)s[i], in_attr);
		if (!rep)
			continue;
		strbuf_add(sb, s + run, i - run);
		strbuf_addstr(sb, rep);
		run = i + 1;
	}
	strbuf_add(sb, s + run, len - run);
}

void html_text(struct strbuf *sb, const char *s, size_t len)
{
	escape_markup(sb, s, len, 0);
}

void html_attr(struct strbuf *sb, const char *s, size_t len)
{
	escape_markup(sb, s, len, 1);
}

void html_script_str(struct strbuf *sb, const char *s, size_t len)
{
	size_t run = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[8];
		size_t skip = 1;
		if (c == '"' || c == '\\') {
			esc[0] = '\\', esc[1] = (char)c, esc[2] = '\0';
		} else if (c == '\n') {
			snprintf(esc, sizeof(esc), "\\n");
		} else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x7f) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
		} else if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
			   ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9)) {
			/* U+2028 and U+2029 end a line in older JavaScript */
			snprintf(esc, sizeof(esc), "\\u%04x", 0x2000 + (unsigned char)s[i + 2] - 0x80);
			skip = 3;
		} else {
			continue;
		}
		strbuf_add(sb, s + run, i - run);
		strbuf_addstr(sb, esc);
		i += skip - 1;
		run = i + 1;
	}
	strbuf_add(sb, s + run, len - run);
}
