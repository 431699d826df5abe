/* JSON and CSV writers, schemas. */
#include <string.h>

#include "io/csvio.h"
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
	tcase_add_test(tc, csv_fields_are_quoted_only_when_needed);
	tcase_add_test(tc, schemas_give_tables_and_ordered_columns);
	tcase_add_test(tc, schemas_reject_wrong_types_and_values);
	suite_add_tcase(s, tc);
	return s;
}
