/* common/ticket-number.c: ticket references as users type them (unit-server.h). */
#include "compat.h"
#include <unistd.h>
#include "api.h"
#include "ticket-number.h"
#include "unit.h"
#include "unit-run.h"	/* POSIX-only: the server runs threads (tools/windows-test skips it) */
#include "unit-server.h"

START_TEST(numbers_as_typed)
{
	ck_assert_int_eq(ticket_number_parse("32164"), 32164);
	ck_assert_int_eq(ticket_number_parse("#32164"), 32164);
	ck_assert_int_eq(ticket_number_parse("007"), 7);
	static const char *const bad[] = { "", "#", "0", "-5", "+5", " 32164", "32164 ", "32164x",
					   "##1", "99999999999999999999999", "https://acme.syncromsp.com/customers/5" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(ticket_number_parse(bad[i]) == -1, "'%s' taken", bad[i]);
	ck_assert_int_eq(ticket_number_parse(NULL), -1);
	ck_assert_uint_eq(server.got_nr, 0);
}
END_TEST

START_TEST(web_url_is_looked_up_and_cached)
{
	struct server_reply r[] = {
		REPLY(200, "{\"ticket\":{\"id\":108430330,\"number\":32164,\"status\":\"New\"}}"),
		REPLY(200, "{\"ticket\":{\"id\":108430331,\"number\":32165}}"),
	};

	SCRIPT(r);
	ck_assert_int_eq(ticket_number_parse("https://acme.syncromsp.com/tickets/108430330"), 32164);
	ck_assert_int_eq(ticket_number_parse("http://127.0.0.1/x/tickets/108430331/?tab=1#c"), 32165);
	/* Stored in the cache: the number's id needs no request now. */
	ck_assert_int_eq(api_ticket_id(32164), 108430330);
	assert_server_log("GET /api/v1/tickets/108430330\nGET /api/v1/tickets/108430331\n");
}
END_TEST

START_TEST(urls_that_are_not_a_ticket)
{
	ck_assert_int_eq(ticket_number_parse("https://acme.syncromsp.com/tickets/"), -1);
	ck_assert_int_eq(ticket_number_parse("https://acme.syncromsp.com/tickets/12/edit"), -1);
	ck_assert_int_eq(ticket_number_parse("ftp://acme.syncromsp.com/tickets/12"), -1);
	ck_assert_int_eq(ticket_number_parse("https://acme.syncromsp.com/tickets/0"), -1);
	ck_assert_uint_eq(server.got_nr, 0);
}
END_TEST

static Suite *ticket_number_suite(void)
{
	Suite *s = suite_create("ticket-number");
	TCase *tc = tcase_create("ticket-number");

	tcase_add_checked_fixture(tc, server_setup, server_teardown);
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, numbers_as_typed);
	tcase_add_test(tc, web_url_is_looked_up_and_cached);
	tcase_add_test(tc, urls_that_are_not_a_ticket);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(ticket_number_suite)
