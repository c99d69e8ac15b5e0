/* common/comment.c: a comment's body, its POST and the hints (unit-server.h). */
#include "compat.h"
#include <unistd.h>
#include "comment.h"
#include "json.h"
#include "write-plan.h"
#include "unit.h"
#include "unit-run.h"	/* POSIX-only: the server runs threads (tools/windows-test skips it) */
#include "unit-server.h"

static const struct comment note = { 32164, "Update", "Replaced the toner", 1, 0 };
static const struct labor thirty = { 32164, 30, 1190473, NULL, 1, NULL, 0, 0, 0, 0, 0, NULL };

START_TEST(body_with_and_without_labor)
{
	struct comment c = { 32164, "Update", "done", 0, 1 };
	struct labor later = thirty;

	assert_json(comment_body(&c, NULL),
		    "{\"subject\":\"Update\",\"body\":\"done\",\"hidden\":false,\"do_not_email\":true}");
	assert_json(comment_body(&note, &thirty),
		    "{\"subject\":\"Update\",\"body\":\"Replaced the toner\",\"hidden\":true,"
		    "\"do_not_email\":false,\"product_id\":1190473,\"minutes_spent\":30,"
		    "\"bill_time_now\":true}");
	later.charge = 0;
	later.minutes = 45;
	assert_json(comment_body(&c, &later),
		    "{\"subject\":\"Update\",\"body\":\"done\",\"hidden\":false,\"do_not_email\":true,"
		    "\"product_id\":1190473,\"minutes_spent\":45,\"bill_time_now\":false}");
}
END_TEST

START_TEST(plan_says_and_shows_the_post)
{
	struct write_plan plan = WRITE_PLAN_INIT;
	struct comment c = { 32164, "Update", "done", 0, 0 };
	char *text = NULL, want[512];
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	comment_plan(&plan, &c, NULL, "/tickets/" TICKET_ID);
	write_plan_print(&plan, fp);
	fclose(fp);
	snprintf(want, sizeof(want), "add a comment \"Update\" to ticket #32164, emailed to the customer\n"
		 "POST http://127.0.0.1:%u/api/v1/tickets/" TICKET_ID "/comment\n"
		 "{\n  \"subject\": \"Update\",\n  \"body\": \"done\",\n  \"hidden\": false,\n"
		 "  \"do_not_email\": false\n}\n", server.port);
	ck_assert_str_eq(text, want);
	free(text);
	write_plan_release(&plan);
	ck_assert_uint_eq(server.got_nr, 0);
}
END_TEST

START_TEST(post_takes_the_answered_id)
{
	struct server_reply r[] = { LOOKUP, REPLY(200, "{\"comment\":{\"id\":5501,\"subject\":\"Update\"}}") };
	struct api_error err = API_ERROR_INIT;
	long id = -1;

	SCRIPT(r);
	ck_assert_int_eq(comment_post(&note, NULL, &id, &err), 0);
	ck_assert_int_eq(id, 5501);
	assert_server_log("GET /api/v1/tickets?number=32164\n"
			  "POST /api/v1/tickets/" TICKET_ID "/comment {\"subject\":\"Update\","
			  "\"body\":\"Replaced the toner\",\"hidden\":true,\"do_not_email\":false}\n");
}
END_TEST

START_TEST(post_with_labor_reads_the_ticket_back)
{
	struct server_reply r[] = {
		LOOKUP,
		REPLY(200, "{\"comment\":{\"id\":5501}}"),
		REPLY(200, "{\"ticket\":{\"id\":" TICKET_ID ",\"comments\":[{\"id\":5500}]}}"),
	};
	struct api_error err = API_ERROR_INIT;
	long id = -1;

	SCRIPT(r);
	ck_assert_int_eq(comment_post(&note, &thirty, &id, &err), -1);
	ck_assert_int_eq(id, 5501);
	ck_assert_int_eq(err.code, EXIT_ERROR);
	ck_assert_str_eq(err.message, "ticket #32164 holds no comment 5501 after Syncro answered that it made it");
	ck_assert_str_eq(server.got[2].target, "/api/v1/tickets/" TICKET_ID);
	api_error_release(&err);
}
END_TEST

START_TEST(rejected_post_has_no_id)
{
	struct server_reply r[] = { LOOKUP, REPLY(422, "{\"message\":[\"Body can't be blank\"]}") };
	struct api_error err = API_ERROR_INIT;
	long id = -1;

	SCRIPT(r);
	ck_assert_int_eq(comment_post(&note, NULL, &id, &err), -1);
	ck_assert_int_eq(id, 0);
	ck_assert_int_eq(err.code, EXIT_REJECTED);
	ck_assert_str_eq(err.message, "the Syncro API rejected the change to ticket #32164: "
			 "Body can't be blank");
	api_error_release(&err);
}
END_TEST

struct hints_case {
	int code;
	int unsent;
	long comment_id;
};

static void print_hints(void *arg)
{
	const struct hints_case *h = arg;
	struct api_error err = API_ERROR_INIT;

	err.code = h->code;
	err.unsent = h->unsent;
	comment_hints(&err, 32164, h->comment_id);
}

static void expect_hints(int code, int unsent, long comment_id, const char *want)
{
	struct hints_case h = { code, unsent, comment_id };
	struct sbuf err = SBUF_INIT;

	ck_assert_int_eq(run_in_child(print_hints, &h, &err), 0);
	ck_assert_str_eq(err.buf, want);
	sbuf_release(&err);
}

START_TEST(hints_when_the_comment_may_exist)
{
	server_stop();	/* no fork while its threads run */
	expect_hints(EXIT_ERROR, 0, 5501, "hint: Syncro answered that it made comment 5501: look at "
		     "'syncro ticket 32164' before you send it again\n");
	expect_hints(EXIT_NETWORK, 0, 0, "hint: the comment may have reached Syncro: look at "
		     "'syncro ticket 32164' before you send it again\n");
	expect_hints(EXIT_NETWORK, 1, 0, "");
	expect_hints(EXIT_REJECTED, 0, 0, "");
}
END_TEST

static Suite *comment_suite(void)
{
	Suite *s = suite_create("comment");
	TCase *tc = tcase_create("comment");

	tcase_add_checked_fixture(tc, server_setup, server_teardown);
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, body_with_and_without_labor);
	tcase_add_test(tc, plan_says_and_shows_the_post);
	tcase_add_test(tc, post_takes_the_answered_id);
	tcase_add_test(tc, post_with_labor_reads_the_ticket_back);
	tcase_add_test(tc, rejected_post_has_no_id);
	tcase_add_test(tc, hints_when_the_comment_may_exist);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(comment_suite)
