/* common/bill-run.c: the start of a bill, its refusals and what it did (unit-server.h). */
#include "compat.h"
#include <unistd.h>
#include "bill-run.h"
#include "cache.h"
#include "json.h"
#include "ticket-settings.h"
#include "unit.h"
#include "unit-run.h"	/* POSIX-only: the server runs threads (tools/windows-test skips it) */
#include "unit-server.h"

#define TICKET(status) REPLY(200, "{\"ticket\":{\"id\":" TICKET_ID ",\"number\":32164," \
	"\"customer_id\":3001,\"customer_business_then_name\":\"Jerry Burger\",\"status\":\"" status "\"," \
	"\"comments\":[{\"id\":10},{\"id\":11}],\"ticket_timers\":[{\"id\":5}]," \
	"\"line_items\":[{\"id\":9},{\"id\":7}]}}")

/*
 * The day's statuses in the cache: with only the ticket's lookup left to
 * read ahead, bill_start() sends its reads one after the other, in the
 * order the replies are scripted (t5001 checks the reads sent at once).
 */
static void statuses_cached(void)
{
	cJSON *settings = parse("{\"ticket_status_list\":[\"New\",\"Resolved\",\"Invoiced\"]}");

	ck_assert_int_eq(cache_write_json(TICKET_SETTINGS_CACHE, settings), 0);
	cJSON_Delete(settings);
}

START_TEST(start_reads_the_ticket_and_notes_what_it_had)
{
	struct server_reply r[] = {
		LOOKUP, TICKET("Resolved"),
		REPLY(200, "{\"invoices\":[{\"id\":1700,\"number\":\"1049\",\"ticket_id\":" TICKET_ID "},"
			   "{\"id\":1701,\"number\":\"1050\",\"ticket_id\":1}],\"meta\":{\"total_pages\":1}}"),
	};
	struct api_error err = API_ERROR_INIT;
	struct bill b;
	char *text;

	SCRIPT(r);
	statuses_cached();
	bill_init(&b, 32164, 1);
	ck_assert_int_eq(bill_start(&b, &err), 0);
	ck_assert_int_eq(b.resuming, 0);
	ck_assert_int_eq(b.ticket_id, 108430330);
	ck_assert_int_eq(b.customer_id, 3001);
	ck_assert_str_eq(b.customer, "Jerry Burger");
	ck_assert_int_eq(journal_get_long(&b.j, "start", "comment_max", -1), 11);
	ck_assert_int_eq(journal_get_long(&b.j, "start", "timer_max", -1), 5);
	ck_assert_int_eq(journal_get_long(&b.j, "start", "line_max", -1), 9);
	text = cJSON_PrintUnformatted(journal_get_json(&b.j, "start", "invoices"));
	ck_assert_str_eq(text, "[{\"id\":1700,\"number\":\"1049\"}]");
	cJSON_free(text);
	assert_server_log("GET /api/v1/tickets?number=32164\n"
			  "GET /api/v1/tickets/" TICKET_ID "\n"
			  "GET /api/v1/invoices?ticket_id=" TICKET_ID "&customer_id=3001\n");
	/* Refused: it has an invoice already. */
	ck_assert_int_eq(bill_refuse_invoiced(&b, 0, &err), -1);
	ck_assert_int_eq(err.code, EXIT_ERROR);
	ck_assert_str_eq(err.message, "ticket #32164 already has invoice 1049 (status Resolved)");
	ck_assert_str_eq(err.hint, "bill it again anyway with --force");
	api_error_release(&err);
	bill_release(&b);
}
END_TEST

START_TEST(invoiced_status_is_refused_unless_forced)
{
	struct server_reply r[] = {
		LOOKUP, TICKET("Invoiced"), REPLY(200, "{\"invoices\":[],\"meta\":{\"total_pages\":1}}"),
	};
	struct api_error err = API_ERROR_INIT;
	struct bill b;

	SCRIPT(r);
	statuses_cached();
	bill_init(&b, 32164, 1);
	ck_assert_int_eq(bill_start(&b, &err), 0);
	ck_assert_int_eq(bill_refuse_invoiced(&b, 0, &err), -1);
	ck_assert_str_eq(err.message, "ticket #32164 is already Invoiced");
	api_error_release(&err);
	ck_assert_int_eq(bill_refuse_invoiced(&b, 1, &err), 0);
	ck_assert_int_eq(err.code, 0);
	bill_release(&b);
}
END_TEST

START_TEST(open_ticket_is_not_refused)
{
	struct server_reply r[] = {
		LOOKUP, TICKET("In Progress"), REPLY(200, "{\"invoices\":[],\"meta\":{\"total_pages\":1}}"),
	};
	struct api_error err = API_ERROR_INIT;
	struct bill b;

	SCRIPT(r);
	statuses_cached();
	bill_init(&b, 32164, 1);
	ck_assert_int_eq(bill_start(&b, &err), 0);
	ck_assert_int_eq(bill_refuse_invoiced(&b, 0, &err), 0);
	ck_assert_int_eq(err.code, 0);
	bill_release(&b);
}
END_TEST

START_TEST(logged_minutes_not_invoiced)
{
	struct bill b;

	bill_init(&b, 32164, 1);
	b.ticket = parse("{\"ticket_timers\":["
			 "{\"id\":1,\"recorded\":false,\"active_duration\":1800},"
			 "{\"id\":2,\"recorded\":true,\"active_duration\":3600},"
			 "{\"id\":3,\"active_duration\":900},"
			 "{\"id\":4,\"recorded\":false}],"
			 "\"line_items\":["
			 "{\"id\":7,\"product_id\":1190473,\"quantity\":\"0.75\"},"
			 "{\"id\":8,\"product_id\":1190473,\"quantity\":\"2.0\",\"converted\":true},"
			 "{\"id\":9,\"product_id\":555,\"quantity\":\"3.0\"},"
			 "{\"id\":10,\"product_id\":26118,\"quantity\":1}]}");
	/* 30 + 15 of the uncharged timers, 45 + 60 of the labor lines not invoiced */
	ck_assert_int_eq(bill_logged_minutes(&b), 150);
	bill_release(&b);
}
END_TEST

START_TEST(what_a_journal_says_was_done)
{
	struct journal j;
	struct sbuf sb = SBUF_INIT;
	cJSON *charged = cJSON_CreateArray();

	memset(&j, 0, sizeof(j));
	ck_assert_int_eq(journal_load(&j, "bill", 32164), 0);
	journal_begin(&j, NULL);
	bill_describe_done(&j, &sb);
	ck_assert_str_eq(sb.buf ? sb.buf : "", "");
	journal_set_long(&j, "comment", "id", 5501);
	journal_set_long(&j, "labor", "timer_id", 5);
	journal_set_long(&j, "charge", "line_id", 9);
	journal_mark(&j, "charge", STEP_DONE);
	cJSON_AddItemToArray(charged, cJSON_CreateNumber(6));
	journal_set_json(&j, "charge_others", "charged", charged);
	journal_set_long(&j, "invoice", "id", 1700);
	journal_set_string(&j, "invoice", "number", "1049");
	journal_mark(&j, "verify", STEP_DONE);
	journal_mark(&j, "status", STEP_DONE);
	bill_describe_done(&j, &sb);
	ck_assert_str_eq(sb.buf, "comment 5501 posted, timer 5 recorded, timer 5 charged (line item 9), "
			 "timer 6 charged, invoice 1049 made, invoice checked, status Invoiced");
	sbuf_release(&sb);
	journal_release(&j);
}
END_TEST

static Suite *bill_run_suite(void)
{
	Suite *s = suite_create("bill-run");
	TCase *tc = tcase_create("bill-run");

	tcase_add_checked_fixture(tc, server_setup, server_teardown);
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, start_reads_the_ticket_and_notes_what_it_had);
	tcase_add_test(tc, invoiced_status_is_refused_unless_forced);
	tcase_add_test(tc, open_ticket_is_not_refused);
	tcase_add_test(tc, logged_minutes_not_invoiced);
	tcase_add_test(tc, what_a_journal_says_was_done);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(bill_run_suite)
