/* common/ticket-status.c: which statuses count as done. */
#include "compat.h"
#include "ticket-status.h"
#include "unit.h"

START_TEST(done_statuses_in_any_case)
{
	ck_assert(ticket_status_done("Resolved"));
	ck_assert(ticket_status_done("invoiced"));
	ck_assert(ticket_status_done("CLOSED"));
	ck_assert(!ticket_status_done("New"));
	ck_assert(!ticket_status_done("In Progress"));
	ck_assert(!ticket_status_done("Not Closed"));
	ck_assert(!ticket_status_done("Resolved "));
	ck_assert(!ticket_status_done(""));
	ck_assert(!ticket_status_done(NULL));
}
END_TEST

static Suite *ticket_status_suite(void)
{
	Suite *s = suite_create("ticket-status");
	TCase *tc = tcase_create("ticket-status");

	tcase_add_test(tc, done_statuses_in_any_case);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(ticket_status_suite)
