/* common/api.c against a scripted server in the test process (unit-server.h). */
#include "compat.h"
#include <unistd.h>
#include "api.h"
#include "json.h"
#include "strvec.h"
#include "unit.h"
#include "unit-run.h"	/* POSIX-only: the server runs threads (tools/windows-test skips it) */
#include "unit-server.h"


/* api_call(req) on the replies r: its result, with out and err filled. */
#define CALL(r, req, out, err) (SCRIPT(r), api_call(req, out, err))

/* An error's code, status and message, exactly. */
static void assert_error(const struct api_error *err, int code, long status, const char *message)
{
	ck_assert_int_eq(err->code, code);
	ck_assert_int_eq(err->status, status);
	ck_assert_str_eq(err->message, message);
}

START_TEST(call_parses_the_answer)
{
	struct server_reply r[] = { REPLY(200, "{\"ticket\":{\"id\":108430330,\"number\":32164}}") };
	struct api_request req = { NULL, "/tickets/108430330", NULL, NULL, "ticket #32164" };
	struct api_error err = API_ERROR_INIT;
	cJSON *out;

	ck_assert_int_eq(CALL(r, &req, &out, &err), 0);
	ck_assert_int_eq(err.code, 0);
	out = api_unwrap(out, "ticket");
	ck_assert_int_eq(json_long(out, "number", -1), 32164);
	ck_assert_int_eq(json_long(out, "id", -1), 108430330);
	assert_server_log("GET /api/v1/tickets/108430330\n");
	cJSON_Delete(out);
}
END_TEST

START_TEST(call_sends_the_body_as_json)
{
	struct server_reply r[] = { { 204, "", NULL, NULL, 0, 0 } };
	cJSON *body = cJSON_CreateObject();
	struct api_request req = { "PUT", "/tickets/5", NULL, body, NULL };
	struct api_error err = API_ERROR_INIT;
	cJSON *out = (cJSON *)&err;

	cJSON_AddStringToObject(body, "status", "Resolved");
	cJSON_AddNumberToObject(body, "user_id", 7);
	ck_assert_int_eq(CALL(r, &req, &out, &err), 0);
	ck_assert_ptr_null(out);
	assert_server_log("PUT /api/v1/tickets/5 {\"status\":\"Resolved\",\"user_id\":7}\n");
	ck_assert_str_eq(server.got[0].content_type, "application/json");
	cJSON_Delete(body);
}
END_TEST

START_TEST(body_that_is_not_json_is_exit_7)
{
	struct server_reply r[] = { { 200, "<html>maintenance</html>", "text/html", NULL, 0, 0 } };
	struct api_request req = { "GET", "/me", NULL, NULL, NULL };
	struct api_error err = API_ERROR_INIT;
	cJSON *out;

	ck_assert_int_eq(CALL(r, &req, &out, &err), -1);
	ck_assert_ptr_null(out);
	assert_error(&err, EXIT_NETWORK, 200, "the Syncro API answered 'GET /me' with 200 and a body "
		     "that is not JSON (text/html)");
	api_error_release(&err);
}
END_TEST

START_TEST(rejection_gives_the_api_words)
{
	struct server_reply r[] = { REPLY(422, "{\"success\":false,\"message\":[\"Subject can't be blank\"]}") };
	struct api_request req = { "POST", "/tickets", NULL, NULL, NULL };
	struct api_error err = API_ERROR_INIT;
	cJSON *out;

	ck_assert_int_eq(CALL(r, &req, &out, &err), -1);
	assert_error(&err, EXIT_REJECTED, 422, "the Syncro API rejected 'POST /tickets': Subject can't be blank");
	ck_assert_int_eq(err.unsent, 0);
	assert_server_log("POST /api/v1/tickets\n");
	api_error_release(&err);
}
END_TEST

START_TEST(not_found_names_what)
{
	struct server_reply r[] = { REPLY(404, "{\"message\":\"Not found\"}") };
	struct api_request req = { "GET", "/customers/9", NULL, NULL, "customer 9" };
	struct api_error err = API_ERROR_INIT;
	cJSON *out;

	ck_assert_int_eq(CALL(r, &req, &out, &err), -1);
	assert_error(&err, EXIT_NOT_FOUND, 404, "customer 9 not found");
	api_error_release(&err);
}
END_TEST

START_TEST(unauthorized_names_the_permission)
{
	struct server_reply r[] = { REPLY(401, "{\"error\":\"Not authorized\"}") };
	struct api_request req = { "GET", "/invoices", NULL, NULL, NULL };
	struct api_error err = API_ERROR_INIT;
	cJSON *out;

	ck_assert_int_eq(CALL(r, &req, &out, &err), -1);
	assert_error(&err, EXIT_AUTH, 401, "the Syncro API refused 'GET /invoices' (401): Not authorized");
	ck_assert_str_eq(err.hint, "the API key may be wrong or expired, or lack the permission "
			 "'Invoices - List/Search'; check it with 'syncro doctor'");
	api_error_release(&err);
}
END_TEST

START_TEST(post_on_a_server_error_is_not_sent_again)
{
	struct server_reply r[] = { REPLY(500, "{\"error\":\"boom\"}"), REPLY(201, "{}") };
	cJSON *body = cJSON_CreateObject();
	struct api_request req = { "POST", "/tickets/5/comment", NULL, body, NULL };
	struct api_error err = API_ERROR_INIT;
	cJSON *out;

	cJSON_AddStringToObject(body, "body", "done");
	ck_assert_int_eq(CALL(r, &req, &out, &err), -1);
	assert_error(&err, EXIT_NETWORK, 500, "the Syncro API failed on 'POST /tickets/5/comment' "
		     "with 500 (application/json): boom");
	ck_assert_str_eq(err.hint, "try again later; Syncro may be having trouble");
	assert_server_log("POST /api/v1/tickets/5/comment {\"body\":\"done\"}\n");
	api_error_release(&err);
	cJSON_Delete(body);
}
END_TEST

START_TEST(unwrap_takes_the_member)
{
	cJSON *flat = json_parse("{\"id\":3}", 8), *got;

	got = api_unwrap(json_parse("{\"customer\":{\"id\":3},\"meta\":{}}", 31), "customer");
	ck_assert(cJSON_Compare(got, flat, 1));
	cJSON_Delete(got);
	got = api_unwrap(cJSON_Duplicate(flat, 1), "customer");	/* flat stays */
	ck_assert(cJSON_Compare(got, flat, 1));
	cJSON_Delete(got);
	got = api_unwrap(json_parse("{\"customer\":\"x\",\"id\":3}", 23), "customer");
	ck_assert_str_eq(json_string(got, "customer", ""), "x");
	cJSON_Delete(got);
	ck_assert_ptr_null(api_unwrap(NULL, "customer"));
	cJSON_Delete(flat);
}
END_TEST

/* api_list_items() on text: its message, or "" when it takes the list. */
static void expect_list(const char *text, const char *key, long page, const char *want)
{
	cJSON *answer = text ? json_parse(text, strlen(text)) : NULL;
	struct api_error err = API_ERROR_INIT;
	const cJSON *items;

	if (!*want) {
		ck_assert_int_eq(api_list_items(answer, key, "/tickets?x=1", page, &items, &err), 0);
		ck_assert_ptr_nonnull(items);
	} else {
		ck_assert_int_eq(api_list_items(answer, key, "/tickets?x=1", page, &items, &err), -1);
		ck_assert_ptr_null(items);
		assert_error(&err, EXIT_NETWORK, 200, want);
		ck_assert_str_eq(err.hint, "try again later; 'syncro api /tickets' shows the answer");
	}
	api_error_release(&err);
	cJSON_Delete(answer);
}

START_TEST(list_items_are_checked)
{
	expect_list("{\"tickets\":[{\"id\":1}],\"meta\":{}}", "tickets", 1, "");
	expect_list("[{\"id\":1}]", NULL, 0, "");
	expect_list("{\"meta\":{},\"x\":[{\"id\":1}]}", NULL, 0, "");
	expect_list(NULL, "tickets", 2,
		    "the Syncro API answered 'GET /tickets' (page 2) with a malformed list: an empty body");
	expect_list("{\"ticket\":[]}", "tickets", 0,
		    "the Syncro API answered 'GET /tickets' with a malformed list: no 'tickets' array");
	expect_list("{\"tickets\":[{\"id\":1},7]}", "tickets", 0,
		    "the Syncro API answered 'GET /tickets' with a malformed list: item 2 is not an object");
}
END_TEST

static int collect_ids(const cJSON *items, void *data)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, items)
		sbuf_addf(data, "%ld ", json_long(item, "id", -1));
	return 0;
}

START_TEST(paginate_follows_total_pages)
{
	struct server_reply r[] = {
		REPLY(200, "{\"customers\":[{\"id\":1},{\"id\":2}],\"meta\":{\"total_pages\":2}}"),
		REPLY(200, "{\"customers\":[{\"id\":3}],\"meta\":{\"total_pages\":2}}"),
		REPLY(200, "{\"customers\":[{\"id\":4}],\"meta\":{\"total_pages\":2}}"),
	};
	struct strvec q = STRVEC_INIT;
	struct sbuf ids = SBUF_INIT;

	SCRIPT(r);
	strvec_push(&q, "query=acme");
	ck_assert_int_eq(api_paginate("/customers", &q, "customers", 100, collect_ids, &ids), 0);
	ck_assert_str_eq(ids.buf, "1 2 3 ");
	assert_server_log("GET /api/v1/customers?query=acme&page=1&per_page=100\n"
			  "GET /api/v1/customers?query=acme&page=2&per_page=100\n");
	sbuf_release(&ids);
	strvec_clear(&q);
}
END_TEST

START_TEST(paginate_stops_when_page_is_ignored)
{
	struct server_reply r[] = {
		REPLY(200, "{\"timers\":[{\"id\":1},{\"id\":2}]}"),
		REPLY(200, "{\"timers\":[{\"id\":1},{\"id\":2}]}"),
		REPLY(200, "{\"timers\":[{\"id\":9}]}"),
	};
	struct sbuf ids = SBUF_INIT;

	SCRIPT(r);
	ck_assert_int_eq(api_paginate("/timers", NULL, NULL, 0, collect_ids, &ids), 0);
	ck_assert_str_eq(ids.buf, "1 2 ");
	assert_server_log("GET /api/v1/timers?page=1\nGET /api/v1/timers?page=2\n");
	sbuf_release(&ids);
}
END_TEST

START_TEST(ticket_number_resolves_once_then_from_the_cache)
{
	struct server_reply r[] = {
		REPLY(200, "{\"tickets\":[{\"id\":108430330,\"number\":32164,\"status\":\"New\"}]}"),
	};

	SCRIPT(r);
	ck_assert_int_eq(api_ticket_id(32164), 108430330);
	ck_assert_int_eq(api_ticket_id(32164), 108430330);
	assert_server_log("GET /api/v1/tickets?number=32164\n");
}
END_TEST

START_TEST(ticket_number_not_in_the_answer_is_exit_4)
{
	struct server_reply r[] = { REPLY(200, "{\"tickets\":[{\"id\":5,\"number\":32165}]}") };
	struct api_error err = API_ERROR_INIT;

	SCRIPT(r);
	ck_assert_int_eq(api_ticket_id_gently(32164, &err), -1);
	assert_error(&err, EXIT_NOT_FOUND, 200, "ticket #32164 not found");
	api_error_release(&err);
}
END_TEST

START_TEST(ticket_call_resolves_a_stale_id_again)
{
	struct server_reply r[] = {
		REPLY(200, "{\"tickets\":[{\"id\":111,\"number\":32164}]}"),
		REPLY(404, "{\"message\":\"Not found\"}"),
		REPLY(200, "{\"tickets\":[{\"id\":222,\"number\":32164}]}"),
		REPLY(200, "{\"ticket\":{\"id\":222,\"number\":32164,\"subject\":\"Own cloud\"}}"),
	};
	cJSON *t;

	SCRIPT(r);
	ck_assert_int_eq(api_ticket_id(32164), 111);
	t = api_ticket_get(32164);
	ck_assert_str_eq(json_string(t, "subject", ""), "Own cloud");
	assert_server_log("GET /api/v1/tickets?number=32164\n"
			  "GET /api/v1/tickets/111\n"
			  "GET /api/v1/tickets?number=32164\n"
			  "GET /api/v1/tickets/222\n");
	cJSON_Delete(t);
}
END_TEST

START_TEST(print_request_shows_url_and_body)
{
	cJSON *body = cJSON_CreateObject();
	struct api_request req = { "POST", "/tickets/108430330/comment", NULL, body, NULL };
	char *text = NULL, want[160];
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	cJSON_AddStringToObject(body, "subject", "Update");
	api_print_request(fp, &req);
	fclose(fp);
	snprintf(want, sizeof(want),
		 "POST http://127.0.0.1:%u/api/v1/tickets/108430330/comment\n"
		 "{\n  \"subject\": \"Update\"\n}\n", server.port);
	ck_assert_str_eq(text, want);
	free(text);
	cJSON_Delete(body);
	ck_assert_uint_eq(server.got_nr, 0);
}
END_TEST

static Suite *api_suite(void)
{
	Suite *s = suite_create("api");
	TCase *tc = tcase_create("api");

	tcase_add_checked_fixture(tc, server_setup, server_teardown);
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, call_parses_the_answer);
	tcase_add_test(tc, call_sends_the_body_as_json);
	tcase_add_test(tc, body_that_is_not_json_is_exit_7);
	tcase_add_test(tc, rejection_gives_the_api_words);
	tcase_add_test(tc, not_found_names_what);
	tcase_add_test(tc, unauthorized_names_the_permission);
	tcase_add_test(tc, post_on_a_server_error_is_not_sent_again);
	tcase_add_test(tc, unwrap_takes_the_member);
	tcase_add_test(tc, list_items_are_checked);
	tcase_add_test(tc, paginate_follows_total_pages);
	tcase_add_test(tc, paginate_stops_when_page_is_ignored);
	tcase_add_test(tc, ticket_number_resolves_once_then_from_the_cache);
	tcase_add_test(tc, ticket_number_not_in_the_answer_is_exit_4);
	tcase_add_test(tc, ticket_call_resolves_a_stale_id_again);
	tcase_add_test(tc, print_request_shows_url_and_body);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(api_suite)
