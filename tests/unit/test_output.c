/* JSON and CSV writers, schemas. */
#include <string.h>

#include "io/csvio.h"
#include "io/doc.h"
#include "io/json.h"
#include "io/jsonw.h"
#include "io/schema.h"
#include "base/strbuf.h"
#include "unit.h"

START_TEST(jsonw_escapes_control_characters_and_quotes)
{
	struct strbuf sb = STRBUF_INIT;
	jsonw_begin(&sb);
	jsonw_str(&sb, "a", "q\"b\\n\n\t\x01");
	jsonw_count(&sb, "n", -1);
	jsonw_count(&sb, "m", 7);
	jsonw_end(&sb);
	ck_assert_str_eq(sb.buf, "{\"a\":\"q\\\"b\\\\n\\n\\t\\u0001\",\"n\":null,\"m\":7}");
	size_t off;
	struct jvalue *v = json_parse(sb.buf, sb.len, &off);
	ck_assert_ptr_nonnull(v);
	ck_assert_str_eq(json_get_str(v, "a"), "q\"b\\n\n\t\x01");
	json_free(v);
	strbuf_release(&sb);
}
END_TEST

START_TEST(json_parse_rejects_trailing_garbage)
{
	size_t off = 0;
	ck_assert_ptr_null(json_parse("{\"a\":1} x", 9, &off));
	ck_assert_uint_eq(off, 8);
	struct jvalue *v = json_parse("{\"a\":1}  ", 9, &off);
	ck_assert_ptr_nonnull(v);
	json_free(v);
}
END_TEST

/* A document read from its line (no tree) equals the one read through the tree. */
START_TEST(doc_read_line_reads_a_document_as_the_tree_does)
{
	static const char line[] =
		"{\"type\":\"document\",\"doc_id\":\"r\\u00e9f-\\ud83d\\ude00\",\"title\":\"A \\\"raid\\\"\","
		"\"publisher\":\"\",\"author\":null,\"published\":\"2022-05-06\",\"url\":\"a\\/b\","
		"\"text\":\"Shells fell.\\n\\nTwo died.\\t\\u00b0\",\"n_chars\":31,\"removed\":-1.5e2,"
		"\"warnings\":[]}";
	struct doc a, b;
	const char *why;
	size_t off;
	doc_init(&a);
	doc_init(&b);
	ck_assert_int_eq(doc_read_line(&a, line, strlen(line)), DOC_LINE_DOCUMENT);
	struct jvalue *rec = json_parse(line, strlen(line), &off);
	ck_assert_int_eq(doc_read_json(&b, rec, &why), 0);
	ck_assert_str_eq(a.doc_id, "r\xc3\xa9" "f-\xf0\x9f\x98\x80");
	ck_assert_str_eq(a.doc_id, b.doc_id);
	ck_assert_str_eq(a.title, "A \"raid\"");
	ck_assert_ptr_null(a.publisher); /* empty, as doc_set makes it */
	ck_assert_ptr_null(a.author);
	ck_assert_str_eq(a.published, b.published);
	ck_assert_str_eq(a.url, "a/b");
	ck_assert_str_eq(a.text.buf, "Shells fell.\n\nTwo died.\t\xc2\xb0");
	ck_assert_uint_eq(a.text.len, b.text.len);
	doc_release(&a);
	doc_release(&b);
	json_free(rec);
}
END_TEST

/* What the tree reads otherwise, rejects, or has a message for is left to it; a record of
 * another type is only told apart. */
START_TEST(doc_read_line_leaves_to_the_tree_what_it_reads_otherwise)
{
	static const char *const general[] = {
		"{\"doc_id\":\"a\",\"text\":\"nul \\u0000 in it\"}",   /* the tree cuts the text */
		"{\"doc_id\":\"a\",\"text\":\"bad \\u00zz hex\"}",      /* read as a NUL */
		"{\"doc_id\":\"a\",\"text\":\"lone \\udc00\"}",         /* rejected */
		"{\"doc_id\":\"a\",\"text\":\"high \\ud800 alone\"}",   /* rejected */
		"{\"doc_id\":\"a\",\"text\":\"\\x\"}",                  /* unknown escape */
		"{\"doc_id\":\"a\",\"text\":\"t\",\"n\":1e}",             /* strtod stops early */
		"{\"doc_id\":\"a\",\"text\":\"t\",\"n\":1.5.3}",
		"{\"doc_id\":\"a\",\"text\":\"t\",\"w\":[}",              /* unbalanced */
		"{\"doc_id\":\"a\",\"text\":\"t\",\"w\":[\"x\"]}",        /* nested, not empty */
		"{\"doc_id\":null,\"text\":\"t\"}",                       /* messages of the tree */
		"{\"doc_id\":\"a\",\"text\":\"t\",\"doc_id\":\"b\",\"text\":5,\"x\":1,}",
		"{\"text\":\"t\"}",
		"{\"type\":\"place\",\"text\":1e}",                 /* a text that is no string */
		"{\"type\":\"place\",\"text\":\"\\q\"}",
		"[1]",
	};
	struct doc d;
	doc_init(&d);
	for (size_t i = 0; i < sizeof(general) / sizeof(general[0]); i++)
		ck_assert_msg(doc_read_line(&d, general[i], strlen(general[i])) == DOC_LINE_GENERAL,
			      "%s", general[i]);
	ck_assert_ptr_null(d.doc_id);
	static const char other[] = "{\"type\":\"ev\\u0065nt\",\"fatalities\":2,\"x\":null}";
	ck_assert_int_eq(doc_read_line(&d, other, strlen(other)), DOC_LINE_OTHER);
	static const char doc[] = "{\"type\":\"docum\\u0065nt\",\"doc_id\":\"a\",\"text\":\"\"}";
	ck_assert_int_eq(doc_read_line(&d, doc, strlen(doc)), DOC_LINE_DOCUMENT);
	ck_assert_uint_eq(d.text.len, 0);
	doc_release(&d);
}
END_TEST

START_TEST(csv_fields_are_quoted_only_when_needed)
{
	struct strbuf sb = STRBUF_INIT;
	csvio_field(&sb, "plain", 5, ',');
	strbuf_addch(&sb, '|');
	csvio_field(&sb, "a,b", 3, ',');
	strbuf_addch(&sb, '|');
	csvio_field(&sb, "say \"hi\"\n", 9, ',');
	ck_assert_str_eq(sb.buf, "plain|\"a,b\"|\"say \"\"hi\"\"\n\"");
	strbuf_release(&sb);
}
END_TEST

START_TEST(schemas_give_tables_and_ordered_columns)
{
	struct schema_set set;
	ck_assert_int_eq(schema_load_all(&set), 0);
	const struct schema *ev = schema_for_type(&set, "event");
	ck_assert_ptr_nonnull(ev);
	ck_assert_str_eq(ev->table, "events");
	ck_assert_str_eq(ev->columns[0].name, "doc_id");
	ck_assert_str_eq(ev->columns[1].name, "event_id");
	int fat = -1;
	for (size_t i = 0; i < ev->n_columns; i++)
		if (!strcmp(ev->columns[i].name, "fatalities"))
			fat = (int)i;
	ck_assert_int_ge(fat, 0);
	ck_assert_int_eq(ev->columns[fat].type, COL_INTEGER);
	ck_assert_ptr_nonnull(schema_for_table(&set, "documents"));
	schema_free_all(&set);
}
END_TEST

START_TEST(schemas_reject_wrong_types_and_values)
{
	struct schema_set set;
	schema_load_all(&set);
	const struct schema *q = schema_for_type(&set, "quote");
	static const char good[] = "{\"type\":\"quote\",\"doc_id\":\"d\",\"quote_id\":\"q\",\"speaker\":null,"
				   "\"text\":\"t\",\"char_start\":0,\"char_end\":1}";
	static const char bad[] = "{\"type\":\"quote\",\"doc_id\":\"d\",\"quote_id\":\"q\",\"speaker\":3,"
				  "\"text\":\"t\",\"char_start\":-1}";
	size_t off;
	struct strbuf why = STRBUF_INIT;
	struct jvalue *g = json_parse(good, strlen(good), &off), *b = json_parse(bad, strlen(bad), &off);
	ck_assert_int_eq(schema_validate(q, g, &why), 0);
	ck_assert_int_eq(schema_validate(q, b, &why), 3);
	ck_assert_ptr_nonnull(strstr(why.buf, "char_end: required"));
	json_free(g);
	json_free(b);
	strbuf_release(&why);
	schema_free_all(&set);
}
END_TEST

Suite *suite_output(void)
{
	Suite *s = suite_create("output");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, jsonw_escapes_control_characters_and_quotes);
	tcase_add_test(tc, json_parse_rejects_trailing_garbage);
	tcase_add_test(tc, doc_read_line_reads_a_document_as_the_tree_does);
	tcase_add_test(tc, doc_read_line_leaves_to_the_tree_what_it_reads_otherwise);
	tcase_add_test(tc, csv_fields_are_quoted_only_when_needed);
	tcase_add_test(tc, schemas_give_tables_and_ordered_columns);
	tcase_add_test(tc, schemas_reject_wrong_types_and_values);
	suite_add_tcase(s, tc);
	return s;
}
