/* Byte scans of the readers and writers: every position, every word alignment. */
#include <string.h>

#include "base/scan.h"
#include "base/strbuf.h"
#include "io/csvio.h"
#include "io/flatjson.h"
#include "io/jsonw.h"
#include "unit.h"

/* Ordinary bytes around the one sought, among them bytes next to the special ones in value
 * (space, DEL, high bytes of UTF-8), which a wrong bit trick would take for a match. */
static void fill(char *buf, size_t len)
{
	static const char plain[] = "a \x7f\xc3\xa9#!]^\x21\x5b\x5d";
	for (size_t i = 0; i < len; i++)
		buf[i] = plain[i % (sizeof(plain) - 1)];
}

START_TEST(json_special_scan_finds_the_first_special_byte_at_every_position)
{
	static const char specials[] = { '"', '\\', '\0', '\x01', '\n', '\x1f' };
	char buf[48];
	for (size_t len = 0; len <= sizeof(buf); len++) {
		fill(buf, len);
		ck_assert_ptr_eq(scan_json_special(buf, buf + len), buf + len);
		for (size_t at = 0; at < len; at++)
			for (size_t k = 0; k < sizeof(specials); k++) {
				fill(buf, len);
				buf[at] = specials[k];
				if (at + 3 < len)
					buf[at + 3] = '"'; /* a later one must not win */
				ck_assert_ptr_eq(scan_json_special(buf, buf + len), buf + at);
			}
	}
}
END_TEST

START_TEST(any4_scan_finds_the_first_of_four_bytes_at_every_position)
{
	char buf[40];
	for (size_t len = 0; len <= sizeof(buf); len++) {
		fill(buf, len);
		ck_assert_ptr_eq(scan_any4(buf, buf + len, ',', '"', '\n', '\r'), buf + len);
		for (size_t at = 0; at < len; at++) {
			fill(buf, len);
			buf[at] = "\r\n\",x"[at % 4];
			ck_assert_ptr_eq(scan_any4(buf, buf + len, ',', '"', '\n', '\r'), buf + at);
		}
	}
}
END_TEST

START_TEST(flatjson_finds_the_end_of_strings_with_escapes_anywhere)
{
	struct strbuf line = STRBUF_INIT, want = STRBUF_INIT, got = STRBUF_INIT;
	for (size_t n = 0; n < 40; n++) {
		strbuf_reset(&line);
		strbuf_reset(&want);
		strbuf_addstr(&line, "{\"notes\":\"");
		for (size_t i = 0; i < n; i++) {
			strbuf_addstr(&line, i % 3 ? "ab" : "\\\"\\n");
			strbuf_addstr(&want, i % 3 ? "ab" : "\"\n");
		}
		strbuf_addstr(&line, "\",\"n\":1}");
		struct flat_field f[4];
		ck_assert_int_eq(flatjson_parse(line.buf, line.len, f, 4), 2);
		ck_assert_int_eq(f[0].escaped, n > 0);
		strbuf_reset(&got);
		flatjson_unescape(f[0].val, f[0].val_len, &got);
		ck_assert_str_eq(got.buf, want.buf);
		ck_assert_int_eq(f[1].kind, FLAT_NUMBER);
	}
	/* A raw control byte anywhere in a string, before or after an escape, is for cJSON. */
	static const char raw[] = "{\"a\":\"x\ty\\nz\"}", raw2[] = "{\"a\":\"x\\ny\tz\"}";
	struct flat_field f[2];
	ck_assert_int_eq(flatjson_parse(raw, strlen(raw), f, 2), -1);
	ck_assert_int_eq(flatjson_parse(raw2, strlen(raw2), f, 2), -1);
	strbuf_release(&line);
	strbuf_release(&want);
	strbuf_release(&got);
}
END_TEST

START_TEST(csv_quotes_double_every_quote_wherever_it_is)
{
	struct strbuf sb = STRBUF_INIT;
	csvio_field(&sb, "\"", 1, ',');
	ck_assert_str_eq(sb.buf, "\"\"\"\"");
	strbuf_reset(&sb);
	csvio_field(&sb, "\"\"a, b\"", 7, ',');
	ck_assert_str_eq(sb.buf, "\"\"\"\"\"a, b\"\"\"");
	strbuf_reset(&sb);
	csvio_field(&sb, "a\tb", 3, '\t');
	ck_assert_str_eq(sb.buf, "\"a\tb\"");
	strbuf_reset(&sb);
	csvio_field(&sb, "a\tb", 3, ',');
	ck_assert_str_eq(sb.buf, "a\tb");
	strbuf_release(&sb);
}
END_TEST

START_TEST(jsonw_escape_round_trips_every_byte_below_space)
{
	char in[64];
	for (size_t i = 0; i < sizeof(in); i++)
		in[i] = (char)(i % 2 ? i / 2 : 'x');
	struct strbuf sb = STRBUF_INIT, back = STRBUF_INIT;
	jsonw_escape(&sb, in, sizeof(in));
	ck_assert_ptr_eq(scan_json_special(sb.buf, sb.buf + sb.len), strchr(sb.buf, '\\'));
	flatjson_unescape(sb.buf, sb.len, &back);
	ck_assert_uint_eq(back.len, sizeof(in));
	ck_assert_int_eq(memcmp(back.buf, in, sizeof(in)), 0);
	strbuf_release(&sb);
	strbuf_release(&back);
}
END_TEST

/* The escape of one byte, written the plain way, to compare the block copies with. */
static void escape_slowly(struct strbuf *sb, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			strbuf_addf(sb, "\\%c", c);
		else if (c == '\n')
			strbuf_add(sb, "\\n", 2);
		else if (c < 0x20 && c != '\t')
			strbuf_addf(sb, "\\u%04x", c);
		else if (c == '\t')
			strbuf_add(sb, "\\t", 2);
		else
			strbuf_addch(sb, c);
	}
}

/* Every length up to three blocks, a special byte at every position (or none), after some
 * bytes already written: the writer copies whole blocks and words, and must neither lose nor
 * leave a byte. */
START_TEST(jsonw_string_values_escape_at_every_length_and_position)
{
	static const char specials[] = { '"', '\\', '\n', '\t', 0x01, 0x1f };
	char in[50];
	struct strbuf got = STRBUF_INIT, want = STRBUF_INIT;
	for (size_t len = 0; len <= 48; len++)
		for (size_t pos = 0; pos <= len; pos++)
			for (size_t k = 0; k < sizeof(specials); k++) {
				fill(in, len);
				if (pos < len)
					in[pos] = specials[k];
				if (pos + 3 < len)
					in[len - 1] = specials[(k + 1) % sizeof(specials)];
				strbuf_reset(&got);
				strbuf_reset(&want);
				strbuf_addstr(&got, "[1,");
				strbuf_addstr(&want, "[1,\"");
				jsonw_strn_value(&got, in, len);
				escape_slowly(&want, in, len);
				strbuf_addch(&want, '"');
				ck_assert_uint_eq(got.len, want.len);
				ck_assert_str_eq(got.buf, want.buf);
				strbuf_reset(&got);
				jsonw_escape(&got, in, len);
				ck_assert_uint_eq(got.len, want.len - 5); /* without [1," and " */
				ck_assert_int_eq(memcmp(got.buf, want.buf + 4, got.len), 0);
				if (pos == len && k > 0)
					break; /* no special byte: once is enough */
			}
	strbuf_release(&got);
	strbuf_release(&want);
}
END_TEST

Suite *suite_scan(void)
{
	Suite *s = suite_create("scan");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, json_special_scan_finds_the_first_special_byte_at_every_position);
	tcase_add_test(tc, any4_scan_finds_the_first_of_four_bytes_at_every_position);
	tcase_add_test(tc, flatjson_finds_the_end_of_strings_with_escapes_anywhere);
	tcase_add_test(tc, csv_quotes_double_every_quote_wherever_it_is);
	tcase_add_test(tc, jsonw_escape_round_trips_every_byte_below_space);
	tcase_add_test(tc, jsonw_string_values_escape_at_every_length_and_position);
	suite_add_tcase(s, tc);
	return s;
}
