/* palette: Okabe and Ito's colours, told apart with the common colour-vision deficiencies,
 * in the order of the schema's event types (Battles, Explosions/Remote violence, Violence
 * against civilians, Protests, Riots, Strategic developments); a ninth grey for the rest. */
#include "report/palette.h"

#include <stdio.h>

static const char *const colours[] = { "#d55e00", "#e69f00", "#cc79a7", "#009e73", "#8c6d00",
				       "#0072b2", "#56b4e9", "#000000" };
#define N_COLOURS (sizeof(colours) / sizeof(colours[0]))
#define OTHER_COLOUR "#8a8a8a"

void palette_class(char buf[PALETTE_CLASS_SIZE], unsigned type, size_t n_types)
{
	if (type < n_types)
		snprintf(buf, PALETTE_CLASS_SIZE, "t%u", type);
	else
		snprintf(buf, PALETTE_CLASS_SIZE, "tx");
}

void palette_css(struct strbuf *sb, size_t n_types)
{
	for (size_t i = 0; i < n_types; i++)
		strbuf_addf(sb, ".t%zu{--c:%s}", i, i < N_COLOURS ? colours[i] : OTHER_COLOUR);
	strbuf_addstr(sb, ".tx{--c:" OTHER_COLOUR "}\n");
}
