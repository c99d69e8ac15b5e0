/* common/labor.c: the labor steps and their checks, on the test server (unit-server.h). */
#include "compat.h"
#include <unistd.h>
#include "date.h"
#include "json.h"
#include "labor.h"
#include "unit.h"
#include "unit-run.h"	/* POSIX-only: the server runs threads (tools/windows-test skips it) */
#include "unit-server.h"

/* The config of the test, replacing the fixture's (before the first request). */
static void config_text(const char *text)
{
	char *path = home_file("config.yaml");

	write_file(path, text);
	free(path);
}

START_TEST(hours_with_four_decimals)
{
	ck_assert(labor_hours(20) == 0.3333);
	ck_assert(labor_hours(40) == 0.6667);
	ck_assert(labor_hours(30) == 0.5);
	ck_assert(labor_hours(45) == 0.75);
	ck_assert(labor_hours(1) == 0.0167);
	ck_assert(labor_hours(90) == 1.5);
	ck_assert(labor_hours(480) == 8);
}
END_TEST

START_TEST(minutes_are_whole_and_bounded)
{
	struct api_error err = API_ERROR_INIT;
	long m = 0;

	ck_assert_int_eq(labor_minutes("--time", "30", &m, &err), 0);
	ck_assert_int_eq(m, 30);
	ck_assert_int_eq(labor_minutes("MIN", "100000", &m, &err), 0);
	ck_assert_int_eq(m, 100000);
	static const char *const bad[] = { "0", "-5", "+5", "1.5", "30m", "", " 30", "100001",
					   "99999999999999999999" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char want[128];

		m = 7;
		ck_assert_int_eq(labor_minutes("--time", bad[i], &m, &err), -1);
		ck_assert_int_eq(m, 7);
		ck_assert_int_eq(err.code, EXIT_USAGE);
		snprintf(want, sizeof(want), "'--time' takes a whole number of minutes from 1 to "
			 "100000, not '%s'", bad[i]);
		ck_assert_str_eq(err.message, want);
		api_error_release(&err);
	}
}
END_TEST

START_TEST(sums_of_minutes_saturate)
{
	cJSON *ticket = cJSON_CreateObject(), *timers = cJSON_AddArrayToObject(ticket, "ticket_timers");

	ck_assert_int_eq(labor_minutes_add(10, 5), 15);
	ck_assert_int_eq(labor_minutes_add(10, -1), 10);	/* a timer whose minutes are unknown */
	ck_assert_int_eq(labor_minutes_add(LABOR_MINUTES_SUM_MAX - 1, 5), LABOR_MINUTES_SUM_MAX);
	ck_assert_int_eq(labor_minutes_add(LABOR_MINUTES_SUM_MAX, LABOR_MINUTES_SUM_MAX),
			 LABOR_MINUTES_SUM_MAX);
	/* 20 timers of nearly a million hours each: 1.2e9 minutes, past a 32-bit long's sum bound */
	for (int i = 0; i < 20; i++)
		cJSON_AddItemToArray(timers, parse("{\"recorded\":false,\"active_duration\":3599999999}"));
	ck_assert_int_eq(labor_uninvoiced_minutes(ticket), LABOR_MINUTES_SUM_MAX);
	cJSON_Delete(ticket);
	ticket = parse("{\"ticket_timers\":[{\"recorded\":false,\"active_duration\":1800},"
		       "{\"recorded\":true,\"active_duration\":60},{\"recorded\":false}],"
		       "\"line_items\":[{\"product_id\":1190473,\"quantity\":0.5},"
		       "{\"product_id\":1190473,\"quantity\":2,\"converted\":true},"
		       "{\"product_id\":555,\"quantity\":3}]}");
	ck_assert_int_eq(labor_uninvoiced_minutes(ticket), 60);
	cJSON_Delete(ticket);
}
END_TEST

START_TEST(product_by_alias_or_id)
{
	struct api_error err = API_ERROR_INIT;
	long id = 0;

	config_text("labor:\n  products:\n    consult: 4471201\n");
	ck_assert_int_eq(labor_product("remote", &id, &err), 0);
	ck_assert_int_eq(id, 1190473);
	ck_assert_int_eq(labor_product("consult", &id, &err), 0);
	ck_assert_int_eq(id, 4471201);
	ck_assert_int_eq(labor_product("555", &id, &err), 0);
	ck_assert_int_eq(id, 555);
	id = 0;
	ck_assert_int_eq(labor_product("remot", &id, &err), -1);
	ck_assert_int_eq(id, 0);
	ck_assert_int_eq(err.code, EXIT_USAGE);
	ck_assert_str_eq(err.message, "unknown labor 'remot'; did you mean 'remote'?");
	/* Closest first. */
	ck_assert_str_eq(err.hint, "give a product id or one of: remote, project, website, onsite, "
			 "internal, travel, emergency, consult");
	api_error_release(&err);
	ck_assert_uint_eq(server.got_nr, 0);
}
END_TEST

START_TEST(timer_minutes_from_times_or_duration)
{
	cJSON *t = parse("{\"start_time\":\"2026-11-27T10:00:00-05:00\",\"end_time\":\"2026-11-27T10:29:40-05:00\",\"active_duration\":60}");

	ck_assert_int_eq(labor_timer_minutes(t), 30);
	cJSON_Delete(t);
	t = parse("{\"start_time\":\"2026-11-27T10:00:00Z\",\"active_duration\":2700}");
	ck_assert_int_eq(labor_timer_minutes(t), 45);
	cJSON_Delete(t);
	t = parse("{\"start_time\":\"2026-11-27T10:00:00Z\",\"end_time\":\"2026-11-27T09:00:00Z\"}");
	ck_assert_int_eq(labor_timer_minutes(t), -1);
	cJSON_Delete(t);
	t = parse("{}");
	ck_assert_int_eq(labor_timer_minutes(t), -1);
	cJSON_Delete(t);
}
END_TEST

START_TEST(first_line_and_find_id)
{
	char *s = labor_first_line("\n  Replaced the toner \t\r\nand more");
	cJSON *ticket = parse("{\"line_items\":[{\"id\":8},{\"id\":9,\"item\":\"x\"}]}");

	ck_assert_str_eq(s, "Replaced the toner");
	free(s);
	s = labor_first_line(" \n ");
	ck_assert_str_eq(s, "");
	free(s);
	ck_assert_str_eq(json_string(labor_find_id(ticket, "line_items", 9), "item", ""), "x");
	ck_assert_ptr_null(labor_find_id(ticket, "line_items", 10));
	ck_assert_ptr_null(labor_find_id(ticket, "ticket_timers", 8));
	cJSON_Delete(ticket);
}
END_TEST

START_TEST(bodies_as_sent)
{
	struct labor l = { 32164, 90, 1190473, "Replaced the toner", 1, "Labor - Remote Business",
			   125, 125, 1, 125, 0, NULL };

	/* 1764000000 is 2025-11-24T16:00:00Z. */
	assert_json(labor_timer_body(&l, 1764000000),
		    "{\"start_at\":\"2025-11-24T14:30:00Z\",\"end_at\":\"2025-11-24T16:00:00Z\","
		    "\"product_id\":1190473,\"notes\":\"Replaced the toner\",\"billable\":true}");
	assert_json(labor_line_body(&l),
		    "{\"product_id\":1190473,\"name\":\"Labor - Remote Business\","
		    "\"description\":\"Replaced the toner\",\"quantity\":1.5,\"price_retail\":125,"
		    "\"taxable\":false}");
	assert_json(labor_charge_body(5), "{\"timer_entry_id\":5}");
	l.notes = "";
	l.product_name = NULL;
	l.minutes = 20;
	l.price = 41.67;
	l.taxable = 1;
	assert_json(labor_line_body(&l),
		    "{\"product_id\":1190473,\"name\":\"Labor\",\"description\":\"Labor\","
		    "\"quantity\":0.3333,\"price_retail\":41.67,\"taxable\":true}");
}
END_TEST

START_TEST(price_from_the_product_and_the_policy)
{
	struct server_reply r[] = {
		REPLY(200, "{\"product\":{\"id\":26184,\"name\":\"Labor - Emergency\",\"price_retail\":\"83.33\"}}"),
	};
	struct labor l = { 32164, 60, 26184, NULL, 1, NULL, 0, 0, 0, 0, 0, NULL };
	struct api_error err = API_ERROR_INIT;

	config_text("labor:\n  products:\n    emergency:\n      product: 26184\n"
		    "      multiplier: 1.5\n      taxable: true\n      subject_prefix: \"Emergency - \"\n"
		    "    flat:\n      product: 26184\n      rate: 150\n");
	SCRIPT(r);
	ck_assert_int_eq(labor_price("emergency", &l, &err), 0);
	ck_assert_str_eq(l.product_name, "Labor - Emergency");
	ck_assert(l.product_price == 83.33);
	ck_assert(l.rate == 83.33);
	ck_assert(l.multiplier == 1.5);
	ck_assert(l.price == 125.0);	/* 83.33 x 1.5 = 124.995, to the cent */
	ck_assert_int_eq(l.taxable, 1);
	ck_assert_str_eq(l.subject_prefix, "Emergency - ");
	ck_assert_int_eq(labor_price("flat", &l, &err), 0);
	ck_assert(l.rate == 150);
	ck_assert(l.price == 150);
	ck_assert_int_eq(l.taxable, 0);
	ck_assert_ptr_null(l.subject_prefix);
	/* A product id takes the policy of its first alias. */
	ck_assert_int_eq(labor_price("26184", &l, &err), 0);
	ck_assert(l.price == 125.0);
	ck_assert_str_eq(l.subject_prefix, "Emergency - ");
	assert_server_log("GET /api/v1/products/26184\n");
}
END_TEST

START_TEST(timer_add_posts_and_checks_the_answer)
{
	struct server_reply r[] = {
		LOOKUP,
		REPLY(200, "{\"id\":5,\"product_id\":1190473,\"start_time\":\"2026-11-27T10:00:00Z\","
			   "\"end_time\":\"2026-11-27T10:30:00Z\",\"billable\":false}"),
	};
	struct labor l = { 32164, 30, 1190473, "Toner", 0, NULL, 0, 0, 0, 0, 0, NULL };
	struct api_error err = API_ERROR_INIT;
	long timer = -1;
	cJSON *sent;
	time_t start, end;

	SCRIPT(r);
	ck_assert_int_eq(labor_timer_add(&l, &timer, &err), 0);
	ck_assert_int_eq(timer, 5);
	ck_assert_uint_eq(server.got_nr, 2);
	ck_assert_str_eq(server.got[1].method, "POST");
	ck_assert_str_eq(server.got[1].target, "/api/v1/tickets/" TICKET_ID "/timer_entry");
	sent = parse(server.got[1].body.buf);
	ck_assert_int_eq(json_long(sent, "product_id", -1), 1190473);
	ck_assert_str_eq(json_string(sent, "notes", ""), "Toner");
	ck_assert_int_eq(json_bool(sent, "billable", 0), 1);
	ck_assert_int_eq(parse_timestamp(json_string(sent, "start_at", ""), &start), 0);
	ck_assert_int_eq(parse_timestamp(json_string(sent, "end_at", ""), &end), 0);
	ck_assert_int_eq(end - start, 30 * 60);
	ck_assert_int_le(labs((long)(end - date_now())), 5);
	cJSON_Delete(sent);
}
END_TEST

START_TEST(timer_with_another_product_is_refused)
{
	struct server_reply r[] = {
		LOOKUP,
		REPLY(200, "{\"id\":5,\"product_id\":9269124,\"start_time\":\"2026-11-27T10:00:00Z\","
			   "\"end_time\":\"2026-11-27T10:30:00Z\"}"),
		REPLY(200, "{\"product\":{\"id\":9269124,\"name\":\"Labor - Internal\"}}"),
		REPLY(200, "{\"product\":{\"id\":1190473,\"name\":\"Labor - Remote Business\"}}"),
	};
	struct labor l = { 32164, 30, 1190473, NULL, 1, NULL, 0, 0, 0, 0, 0, NULL };
	struct api_error err = API_ERROR_INIT;
	long timer = -1;

	SCRIPT(r);
	ck_assert_int_eq(labor_timer_add(&l, &timer, &err), -1);
	ck_assert_int_eq(timer, 5);	/* made: it must not be charged */
	ck_assert_int_eq(err.code, EXIT_ERROR);
	ck_assert_int_eq(err.status, 200);
	ck_assert_str_eq(err.message, "timer 5 on ticket #32164 has product 9269124 'Labor - Internal' "
			 "and 30 minutes, not product 1190473 'Labor - Remote Business' and 30 minutes");
	ck_assert_str_eq(err.hint, "nothing was undone; see what the ticket holds with 'syncro time 32164'");
	api_error_release(&err);
}
END_TEST

START_TEST(answer_without_an_id)
{
	struct server_reply r[] = { LOOKUP, REPLY(200, "{\"success\":true}") };
	struct labor l = { 32164, 30, 1190473, NULL, 0, NULL, 0, 0, 0, 0, 0, NULL };
	struct api_error err = API_ERROR_INIT;
	long timer = -1;

	SCRIPT(r);
	ck_assert_int_eq(labor_timer_add(&l, &timer, &err), -1);
	ck_assert_int_eq(timer, 0);
	ck_assert_int_eq(err.code, EXIT_NETWORK);
	ck_assert_str_eq(err.message, "Syncro answered the timer entry without an id");
	ck_assert_str_eq(err.hint, "check the ticket before you try again: the timer entry may have been made");
	api_error_release(&err);
}
END_TEST

START_TEST(line_add_checks_quantity_and_price)
{
	struct server_reply r[] = {
		LOOKUP,
		REPLY(200, "{\"ticket_line_item\":{\"id\":9,\"product_id\":1190473,\"quantity\":\"0.75\",\"price_retail\":\"93.75\"}}"),
		REPLY(200, "{\"id\":10,\"product_id\":1190473,\"quantity\":0.75,\"price_retail\":0}"),
	};
	struct labor l = { 32164, 45, 1190473, "Toner", 0, "Labor", 125, 125, 1, 93.75, 0, NULL };
	struct api_error err = API_ERROR_INIT;
	long line = -1;

	SCRIPT(r);
	ck_assert_int_eq(labor_line_add(&l, &line, &err), 0);
	ck_assert_int_eq(line, 9);
	ck_assert_str_eq(server.got[1].target, "/api/v1/tickets/" TICKET_ID "/add_line_item");
	ck_assert_str_eq(server.got[1].body.buf, "{\"product_id\":1190473,\"name\":\"Labor\","
			 "\"description\":\"Toner\",\"quantity\":0.75,\"price_retail\":93.75,\"taxable\":false}");
	/* A tenant that keeps 0 as the price. */
	ck_assert_int_eq(labor_line_add(&l, &line, &err), -1);
	ck_assert_int_eq(line, 10);
	ck_assert_int_eq(err.code, EXIT_ERROR);
	ck_assert_str_eq(err.message, "line item 10 on ticket #32164 is priced 0.00, not the 93.75 sent; "
			 "an invoice now would bill the wrong amount");
	api_error_release(&err);
}
END_TEST

START_TEST(charged_line_by_id_or_by_match)
{
	cJSON *ticket = parse("{\"line_items\":["
			      "{\"id\":7,\"product_id\":1190473,\"quantity\":\"0.5\"},"
			      "{\"id\":8,\"product_id\":26118,\"quantity\":\"0.5\"},"
			      "{\"id\":9,\"product_id\":1190473,\"quantity\":\"0.5\"},"
			      "{\"id\":10,\"product_id\":1190473,\"quantity\":\"1.0\"}]}");
	cJSON *timer = parse("{\"id\":5,\"product_id\":1190473,\"active_duration\":1800}");
	cJSON *said = parse("{\"id\":5,\"product_id\":1190473,\"active_duration\":1800,\"ticket_line_item_id\":7}");
	cJSON *wrong = parse("{\"id\":5,\"product_id\":1190473,\"active_duration\":1800,\"ticket_line_item_id\":10}");

	ck_assert_int_eq(json_long(labor_charged_line(ticket, timer, 0), "id", -1), 9);
	/* The field names a line that matches and is new: taken. */
	ck_assert_int_eq(json_long(labor_charged_line(ticket, said, 6), "id", -1), 7);
	/* An older line than those before the charge, or another duration: never the field alone. */
	ck_assert_int_eq(json_long(labor_charged_line(ticket, said, 8), "id", -1), 9);
	ck_assert_int_eq(json_long(labor_charged_line(ticket, wrong, 0), "id", -1), 9);
	ck_assert_ptr_null(labor_charged_line(ticket, said, 9));
	ck_assert_ptr_null(labor_charged_line(ticket, timer, 9));
	ck_assert_int_eq(labor_line_max(ticket), 10);
	cJSON_Delete(ticket);
	cJSON_Delete(timer);
	cJSON_Delete(said);
	cJSON_Delete(wrong);
}
END_TEST

START_TEST(charge_reads_the_newest_line_before)
{
	struct server_reply r[] = {
		LOOKUP,
		/* before: an older line of the same product and duration */
		REPLY(200, "{\"ticket\":{\"id\":" TICKET_ID ",\"number\":32164,\"line_items\":["
			   "{\"id\":7,\"product_id\":1190473,\"quantity\":\"0.5\"}],\"ticket_timers\":["
			   "{\"id\":5,\"product_id\":1190473,\"active_duration\":1800}]}}"),
		REPLY(200, "{\"id\":5,\"recorded\":true,\"ticket_line_item_id\":7}"),
		/* after: the new line 11; the timer names the old one */
		REPLY(200, "{\"ticket\":{\"id\":" TICKET_ID ",\"number\":32164,\"line_items\":["
			   "{\"id\":7,\"product_id\":1190473,\"quantity\":\"0.5\"},"
			   "{\"id\":11,\"product_id\":1190473,\"quantity\":\"0.5\"}],\"ticket_timers\":["
			   "{\"id\":5,\"product_id\":1190473,\"active_duration\":1800,\"recorded\":true,"
			   "\"ticket_line_item_id\":7}]}}"),
	};
	struct api_error err = API_ERROR_INIT;
	long line = -1;

	SCRIPT(r);
	ck_assert_int_eq(labor_timer_charge(32164, 5, NULL, LABOR_LINE_AFTER_READ, &line, &err), 0);
	ck_assert_int_eq(line, 11);
	ck_assert_uint_eq(server.got_nr, 4);
	ck_assert_str_eq(server.got[1].method, "GET");
	ck_assert_str_eq(server.got[2].target, "/api/v1/tickets/" TICKET_ID "/charge_timer_entry");
}
END_TEST

static Suite *labor_suite(void)
{
	Suite *s = suite_create("labor");
	TCase *tc = tcase_create("labor");

	tcase_add_checked_fixture(tc, server_setup, server_teardown);
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, hours_with_four_decimals);
	tcase_add_test(tc, minutes_are_whole_and_bounded);
	tcase_add_test(tc, sums_of_minutes_saturate);
	tcase_add_test(tc, product_by_alias_or_id);
	tcase_add_test(tc, timer_minutes_from_times_or_duration);
	tcase_add_test(tc, first_line_and_find_id);
	tcase_add_test(tc, bodies_as_sent);
	tcase_add_test(tc, price_from_the_product_and_the_policy);
	tcase_add_test(tc, timer_add_posts_and_checks_the_answer);
	tcase_add_test(tc, timer_with_another_product_is_refused);
	tcase_add_test(tc, answer_without_an_id);
	tcase_add_test(tc, line_add_checks_quantity_and_price);
	tcase_add_test(tc, charged_line_by_id_or_by_match);
	tcase_add_test(tc, charge_reads_the_newest_line_before);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(labor_suite)
