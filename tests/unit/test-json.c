#include "compat.h"
#include <limits.h>
#include "json.h"
#include "sbuf.h"
#include "unit.h"

static cJSON *parse(const char *text)
{
	cJSON *v = json_parse(text, strlen(text));

	ck_assert_ptr_nonnull(v);
	return v;
}

START_TEST(nested_paths_and_arrays)
{
	cJSON *t = parse("{\"ticket\":{\"id\":108430330,\"number\":32164,"
			 "\"customer\":{\"business_then_name\":\"Jerry Burger\"},"
			 "\"comments\":[{\"body\":\"first\"},{\"body\":\"second\"}]}}");

	ck_assert_str_eq(json_string(t, "ticket.customer.business_then_name", "?"), "Jerry Burger");
	ck_assert_str_eq(json_string(t, "ticket.comments.1.body", "?"), "second");
	ck_assert_str_eq(json_string(t, "ticket.comments.2.body", "none"), "none");
	ck_assert_str_eq(json_string(t, "ticket.comments.x.body", "none"), "none");
	ck_assert_int_eq(json_long(t, "ticket.id", -1), 108430330);
	ck_assert_int_eq(json_long(t, "ticket.number", -1), 32164);
	ck_assert_ptr_null(json_get(t, "ticket.missing.deeper"));
	ck_assert_ptr_null(json_get(t, "ticket.id.deeper"));
	ck_assert_ptr_eq(json_get(t, ""), t);
	cJSON_Delete(t);
}
END_TEST

START_TEST(missing_and_null_fields_give_the_default)
{
	cJSON *t = parse("{\"user\":null,\"user_id\":null,\"subject\":null,\"hidden\":null}");

	ck_assert_str_eq(json_string(t, "subject", "(none)"), "(none)");
	ck_assert_ptr_null(json_string(t, "user.full_name", NULL));
	ck_assert_int_eq(json_long(t, "user_id", -1), -1);
	ck_assert_int_eq(json_long(t, "nothing", 7), 7);
	ck_assert_int_eq(json_bool(t, "hidden", 1), 1);
	ck_assert_int_eq(json_bool(t, "nothing", 0), 0);
	ck_assert(json_double(t, "user_id", 2.5) == 2.5);
	ck_assert_int_eq((long)json_time(t, "subject"), -1);
	ck_assert_str_eq(json_string(NULL, "a.b", "d"), "d");
	cJSON_Delete(t);
}
END_TEST

START_TEST(numbers_written_as_strings)
{
	cJSON *t = parse("{\"quantity\":\"1.0\",\"price\":\"64.99\",\"number\":\"32164\","
			 "\"half\":0.5,\"big\":1e300,\"text\":\"abc\",\"frac\":\"1.5\","
			 "\"ok\":true,\"no\":false,\"word\":\"true\"}");

	ck_assert(json_double(t, "quantity", -1) == 1.0);
	ck_assert(json_double(t, "price", -1) == 64.99);
	ck_assert(json_double(t, "half", -1) == 0.5);
	ck_assert(json_double(t, "text", -1) == -1);
	ck_assert_int_eq(json_long(t, "number", -1), 32164);
	ck_assert_int_eq(json_long(t, "half", -1), -1);
	ck_assert_int_eq(json_long(t, "big", -1), -1);
	ck_assert_int_eq(json_long(t, "frac", -1), -1);
	ck_assert_int_eq(json_long(t, "text", -1), -1);
	ck_assert_int_eq(json_bool(t, "ok", 0), 1);
	ck_assert_int_eq(json_bool(t, "no", 1), 0);
	ck_assert_int_eq(json_bool(t, "word", 0), 0);
	ck_assert_ptr_null(json_string(t, "half", NULL));
	cJSON_Delete(t);
}
END_TEST

START_TEST(timestamps_in_both_forms)
{
	time_t t;

	ck_assert_int_eq(parse_timestamp("2019-11-04T08:59:31.034Z", &t), 0);
	ck_assert_int_eq((long)t, 1572857971L);
	ck_assert_int_eq(parse_timestamp("2019-11-04T01:59:31-07:00", &t), 0);
	ck_assert_int_eq((long)t, 1572857971L);
	ck_assert_int_eq(parse_timestamp("2019-11-04T14:29:31.5+0530", &t), 0);
	ck_assert_int_eq((long)t, 1572857971L);
	ck_assert_int_eq(parse_timestamp("2019-11-04T08:59:31Z", &t), 0);
	ck_assert_int_eq((long)t, 1572857971L);
	ck_assert_int_eq(parse_timestamp("2019-02-25", &t), 0);
	ck_assert_int_eq((long)t, 1551052800L);
	ck_assert_int_eq(parse_timestamp("2024-02-29T00:00:00Z", &t), 0);
	ck_assert_int_eq(parse_timestamp("1970-01-01T00:00:00Z", &t), 0);
	ck_assert_int_eq((long)t, 0);
}
END_TEST

START_TEST(malformed_timestamps_are_refused)
{
	static const char *const bad[] = {
		"", "2019", "2019-11-04T", "2019-13-01", "2019-02-29", "2019-11-04T24:00:00Z",
		"2019-11-04T08:59:31.Z", "2019-11-04T08:59:31+7", "2019-11-04T08:59:31Zjunk",
		"yesterday", "2019-11-04T08:59:31 UTC", "2019/11/04",
	};
	time_t t = 42;

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		ck_assert_msg(parse_timestamp(bad[i], &t) == -1, "accepted '%s'", bad[i]);
	ck_assert_int_eq(parse_timestamp(NULL, &t), -1);
	ck_assert_int_eq((long)t, 42);
}
END_TEST

START_TEST(json_time_reads_a_field)
{
	cJSON *c = parse("{\"comment\":{\"created_at\":\"2026-05-01T09:00:00-07:00\"}}");
	char buf[32];

	ck_assert_int_eq((long)json_time(c, "comment.created_at"), 1777651200L);
	ck_assert_str_eq(format_timestamp(json_time(c, "comment.created_at"), buf, sizeof(buf)),
			 "2026-05-01T16:00:00Z");
	cJSON_Delete(c);
}
END_TEST

START_TEST(parse_takes_whole_documents_only)
{
	cJSON *v;

	ck_assert_ptr_null(json_parse("<html>oops</html>", 17));
	ck_assert_ptr_null(json_parse("{\"a\":1} trailing", 16));
	ck_assert_ptr_null(json_parse("{\"a\":", 5));
	ck_assert_ptr_null(json_parse("", 0));
	ck_assert_ptr_null(json_parse("{}\0{}", 5));
	v = json_parse(" {\"a\":[1,2]}\n\n", 14);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(json_long(v, "a.1", 0), 2);
	cJSON_Delete(v);
}
END_TEST

/* More values than JSON_MAX_VALUES are refused before cJSON allocates them. */
START_TEST(parse_refuses_millions_of_values)
{
	struct sbuf sb = SBUF_INIT;
	cJSON *v;

	sbuf_addch(&sb, '[');
	for (int i = 1; i < JSON_MAX_VALUES - 1; i++)
		sbuf_addstr(&sb, "0,");
	sbuf_addstr(&sb, "0]");
	v = json_parse(sb.buf, sb.len);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(cJSON_GetArraySize(v), JSON_MAX_VALUES - 1);
	cJSON_Delete(v);
	sb.buf[sb.len - 1] = ',';
	sbuf_addstr(&sb, "0,\"a,b,c\"]");
	ck_assert_ptr_null(json_parse(sb.buf, sb.len));
	sbuf_release(&sb);
}
END_TEST

/* Huge numbers are missing numbers: nothing can overflow on them. */
START_TEST(huge_numbers_give_the_default)
{
	cJSON *v = parse("{\"a\":1e300,\"b\":-9223372036854775808,\"c\":\"9223372036854775807\","
			 "\"d\":1000000000000,\"e\":-1e12,\"f\":1000000000001,\"g\":\"1e13\","
			 "\"h\":\"-1000000000001\",\"i\":1.5e12}");

	ck_assert_int_eq(json_long(v, "a", -7), -7);
	ck_assert_int_eq(json_long(v, "b", -7), -7);
	ck_assert_int_eq(json_long(v, "c", -7), -7);
#if LONG_MAX > 1000000000000
	ck_assert_int_eq(json_long(v, "d", -7), 1000000000000L);
	ck_assert_int_eq(json_long(v, "e", -7), -1000000000000L);
#else
	/* Windows: long has 32 bits, so the bound is LONG_MAX */
	ck_assert_int_eq(json_long(v, "d", -7), -7);
	ck_assert_int_eq(json_long(v, "e", -7), -7);
#endif
	ck_assert_int_eq(json_long(v, "f", -7), -7);
	ck_assert_int_eq(json_long(v, "h", -7), -7);
	ck_assert(json_double(v, "a", -7) == -7);
	ck_assert(json_double(v, "b", -7) == -7);
	ck_assert(json_double(v, "d", -7) == 1e12);
	ck_assert(json_double(v, "g", -7) == -7);
	ck_assert(json_double(v, "i", -7) == -7);
	cJSON_Delete(v);
}
END_TEST

/* Controls cJSON leaves raw are escaped: a terminal showing --json never obeys them. */
START_TEST(print_escapes_terminal_controls)
{
	cJSON *v = parse("[\"a\xc2\x9b" "31mb\xc2\x85" "c\x7f" "d\xe2\x80\xae" "e\xe2\x80\xa8" "f\xe2\x81\xa6" "g\u00e9\"]");
	char *s = json_print(v);

	ck_assert_str_eq(s, "[\n  \"a\\u009b31mb\\u0085c\\u007fd\\u202ee\\u2028f\\u2066g\xc3\xa9\"\n]\n");
	free(s);
	cJSON_Delete(v);
}
END_TEST

/* An escaped NUL would cut the string short: it is read as U+FFFD. */
START_TEST(an_escaped_nul_hides_nothing)
{
	cJSON *v = parse("{\"body\":\"before\\u0000after\",\"k\\u0000\":\"\\\\u0000\"}");

	ck_assert_str_eq(json_string(v, "body", ""), "before\xef\xbf\xbd" "after");
	ck_assert_str_eq(v->child->next->string, "k\xef\xbf\xbd");
	ck_assert_str_eq(json_string(v, "k\xef\xbf\xbd", ""), "\\u0000");
	cJSON_Delete(v);
}
END_TEST

START_TEST(print_indents_like_jq)
{
	cJSON *v = parse("{\"a\":\"b\\\"c\",\"n\":[1,2.5,null,{}],\"e\":[],\"o\":{\"x\":true}}");
	char *s = json_print(v);

	ck_assert_str_eq(s, "{\n  \"a\": \"b\\\"c\",\n  \"n\": [\n    1,\n    2.5,\n    null,\n    {}\n  ],\n"
			 "  \"e\": [],\n  \"o\": {\n    \"x\": true\n  }\n}\n");
	free(s);
	cJSON_Delete(v);
	v = parse("\"plain\"");
	s = json_print(v);
	ck_assert_str_eq(s, "\"plain\"\n");
	free(s);
	cJSON_Delete(v);
}
END_TEST

static Suite *json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, nested_paths_and_arrays);
	tcase_add_test(tc, missing_and_null_fields_give_the_default);
	tcase_add_test(tc, numbers_written_as_strings);
	tcase_add_test(tc, timestamps_in_both_forms);
	tcase_add_test(tc, malformed_timestamps_are_refused);
	tcase_add_test(tc, json_time_reads_a_field);
	tcase_add_test(tc, parse_takes_whole_documents_only);
	tcase_add_test(tc, print_indents_like_jq);
	tcase_add_test(tc, print_escapes_terminal_controls);
	tcase_add_test(tc, an_escaped_nul_hides_nothing);
	suite_add_tcase(s, tc);
	/* Two million values take seconds under the sanitizers on a busy machine. */
	tc = tcase_create("limits");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, parse_refuses_millions_of_values);
	tcase_add_test(tc, huge_numbers_give_the_default);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(json_suite)
