/* gazpack: pack a gazetteer table into the town index image that sitrep embeds (see
 * src/lexicon/townindex.h). Run by make: gazpack src/data/cities_world.tsv build/gen/towns.bin */
#include <stdio.h>
#include <stdlib.h>

#include "base/strbuf.h"
#include "lexicon/townindex.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: gazpack TABLE.tsv OUT.bin\n");
		return 2;
	}
	FILE *in = fopen(argv[1], "rb");
	if (!in) {
		perror(argv[1]);
		return 1;
	}
	struct strbuf text = STRBUF_INIT;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		strbuf_add(&text, buf, n);
	fclose(in);
	size_t len;
	void *img = townix_write(text.buf, text.len, argv[1], &len);
	strbuf_release(&text);
	if (!img)
		return 1;
	FILE *out = fopen(argv[2], "wb");
	if (!out || fwrite(img, 1, len, out) != len || fclose(out) != 0) {
		perror(argv[2]);
		free(img);
		return 1;
	}
	free(img);
	return 0;
}
