/* common/http.c against a scripted server in the test process (unit-server.h). */
#include "compat.h"
#include <unistd.h>
#include "http.h"
#include "strvec.h"
#include "unit.h"
#include "unit-run.h"	/* POSIX-only: the server runs threads (tools/windows-test skips it) */
#include "unit-server.h"

/* Script the replies r, then send method path body: http_send()'s result. */
#define SEND(r, method, path, body, resp) \
	(SCRIPT(r), http_send(method, path, NULL, body, resp))

START_TEST(get_sends_path_query_and_headers)
{
	struct server_reply r[] = { REPLY(200, "{\"user\":{\"id\":7}}") };
	struct http_response resp = HTTP_RESPONSE_INIT;
	struct strvec q = STRVEC_INIT;

	SCRIPT(r);
	strvec_push(&q, "query=own cloud");
	strvec_push(&q, "page=2");
	ck_assert_int_eq(http_send("GET", "/tickets", &q, NULL, &resp), 0);
	ck_assert_int_eq(resp.failure, HTTP_DONE);
	ck_assert_int_eq(resp.status, 200);
	ck_assert_int_eq(resp.attempts, 1);
	ck_assert_str_eq(resp.body.buf, "{\"user\":{\"id\":7}}");
	ck_assert_str_eq(resp.content_type, "application/json");
	ck_assert_ptr_null(resp.error);
	assert_server_log("GET /api/v1/tickets?query=own cloud&page=2\n");
	ck_assert_str_eq(server.got[0].authorization, "Bearer " SERVER_KEY);
	ck_assert_str_eq(server.got[0].accept, "application/json");
	ck_assert_ptr_null(server.got[0].content_type);
	ck_assert_msg(!strncmp(server.got[0].user_agent, "syncro/", 7), "User-Agent: %s",
		      server.got[0].user_agent);
	http_response_release(&resp);
	strvec_clear(&q);
}
END_TEST

START_TEST(post_sends_json_body)
{
	struct server_reply r[] = { REPLY(201, "{\"comment\":{\"id\":5}}") };
	struct http_response resp = HTTP_RESPONSE_INIT;

	ck_assert_int_eq(SEND(r, "POST", "/tickets/108430330/comment", "{\"subject\":\"Update\",\"body\":\"done\"}", &resp), 0);
	ck_assert_int_eq(resp.status, 201);
	ck_assert_int_eq(resp.attempts, 1);
	assert_server_log("POST /api/v1/tickets/108430330/comment {\"subject\":\"Update\",\"body\":\"done\"}\n");
	ck_assert_str_eq(server.got[0].content_type, "application/json");
	ck_assert_str_eq(server.got[0].authorization, "Bearer " SERVER_KEY);
	http_response_release(&resp);
}
END_TEST

START_TEST(client_error_is_a_response_not_retried)
{
	struct server_reply r[] = { REPLY(422, "{\"message\":[\"Subject can't be blank\"]}") };
	struct http_response resp = HTTP_RESPONSE_INIT;

	ck_assert_int_eq(SEND(r, "PUT", "/tickets/1", "{}", &resp), 0);
	ck_assert_int_eq(resp.status, 422);
	ck_assert_int_eq(resp.attempts, 1);
	ck_assert_str_eq(resp.body.buf, "{\"message\":[\"Subject can't be blank\"]}");
	assert_server_log("PUT /api/v1/tickets/1 {}\n");
	http_response_release(&resp);
}
END_TEST

START_TEST(get_after_500_is_retried)
{
	struct server_reply r[] = { REPLY(500, "{\"error\":\"boom\"}"), REPLY(200, "[1]") };
	struct http_response resp = HTTP_RESPONSE_INIT;

	ck_assert_int_eq(SEND(r, "GET", "/me", NULL, &resp), 0);
	ck_assert_int_eq(resp.status, 200);
	ck_assert_int_eq(resp.attempts, 2);
	ck_assert_str_eq(resp.body.buf, "[1]");
	assert_server_log("GET /api/v1/me\nGET /api/v1/me\n");
	http_response_release(&resp);
}
END_TEST

START_TEST(get_gives_up_after_three_500s)
{
	struct server_reply r[] = { REPLY(502, "a"), REPLY(503, "b"), REPLY(500, "c"), REPLY(200, "[]") };
	struct http_response resp = HTTP_RESPONSE_INIT;

	ck_assert_int_eq(SEND(r, "GET", "/me", NULL, &resp), 0);
	ck_assert_int_eq(resp.status, 500);
	ck_assert_int_eq(resp.attempts, HTTP_TRIES);
	ck_assert_str_eq(resp.body.buf, "c");
	assert_server_log("GET /api/v1/me\nGET /api/v1/me\nGET /api/v1/me\n");
	http_response_release(&resp);
}
END_TEST

START_TEST(post_after_500_is_not_sent_again)
{
	struct server_reply r[] = { REPLY(500, "{\"error\":\"boom\"}"), REPLY(201, "{}") };
	struct http_response resp = HTTP_RESPONSE_INIT;

	ck_assert_int_eq(SEND(r, "POST", "/tickets/5/comment", "{\"body\":\"x\"}", &resp), 0);
	ck_assert_int_eq(resp.status, 500);
	ck_assert_int_eq(resp.attempts, 1);
	ck_assert_str_eq(resp.body.buf, "{\"error\":\"boom\"}");
	assert_server_log("POST /api/v1/tickets/5/comment {\"body\":\"x\"}\n");
	http_response_release(&resp);
}
END_TEST

START_TEST(body_past_the_cap_is_refused)
{
	struct server_reply r[] = { { 200, NULL, NULL, NULL, 0, 4096 }, REPLY(200, "[]") };
	struct http_response resp = HTTP_RESPONSE_INIT;

	SCRIPT(r);
	http_set_body_cap(1000);
	ck_assert_int_eq(http_send("GET", "/tickets", NULL, NULL, &resp), -1);
	ck_assert_int_eq(resp.failure, HTTP_TOO_BIG);
	ck_assert_int_eq(resp.attempts, 1);
	ck_assert_str_eq(resp.error, "the response is larger than 1000 bytes");
	ck_assert_uint_eq(resp.body.len, 0);
	assert_server_log("GET /api/v1/tickets\n");
	http_response_release(&resp);
}
END_TEST

START_TEST(body_at_the_cap_is_kept)
{
	struct server_reply r[] = { { 200, NULL, "text/plain", NULL, 0, 1000 } };
	struct http_response resp = HTTP_RESPONSE_INIT;

	SCRIPT(r);
	http_set_body_cap(1000);
	ck_assert_int_eq(http_send("GET", "/tickets", NULL, NULL, &resp), 0);
	ck_assert_uint_eq(resp.body.len, 1000);
	ck_assert_str_eq(resp.content_type, "text/plain");
	http_response_release(&resp);
}
END_TEST

START_TEST(slow_post_times_out_once)
{
	struct server_reply r[] = { { 201, "{}", NULL, NULL, 1500, 0 } };
	struct http_response resp = HTTP_RESPONSE_INIT;

	ck_assert_int_eq(SEND(r, "POST", "/customers", "{\"business_name\":\"A\"}", &resp), -1);
	ck_assert_int_eq(resp.failure, HTTP_TIMEOUT);
	ck_assert_int_eq(resp.status, 0);
	ck_assert_int_eq(resp.attempts, 1);
	ck_assert_ptr_nonnull(resp.error);
	ck_assert_msg(strstr(resp.error, "imed out"), "error: %s", resp.error);
	assert_server_log("POST /api/v1/customers {\"business_name\":\"A\"}\n");
	http_response_release(&resp);
}
END_TEST

START_TEST(redirect_is_not_followed)
{
	struct server_reply r[] = { { 302, "", NULL, "/api/v1/elsewhere", 0, 0 }, REPLY(200, "[]") };
	struct http_response resp = HTTP_RESPONSE_INIT;

	ck_assert_int_eq(SEND(r, "GET", "/me", NULL, &resp), 0);
	ck_assert_int_eq(resp.status, 302);
	ck_assert_int_eq(resp.attempts, 1);
	ck_assert_msg(strstr(resp.headers.buf, "Location: /api/v1/elsewhere\r\n"), "headers: %s",
		      resp.headers.buf);
	assert_server_log("GET /api/v1/me\n");
	http_response_release(&resp);
}
END_TEST

START_TEST(connection_refused_post_is_tried_again)
{
	struct http_response resp = HTTP_RESPONSE_INIT;

	/* Nothing listens on the port any more: the POST never left. */
	MHD_stop_daemon(server.daemon);
	server.daemon = NULL;
	ck_assert_int_eq(http_send("POST", "/customers", NULL, "{}", &resp), -1);
	ck_assert_int_eq(resp.failure, HTTP_CONNECT);
	ck_assert_int_eq(resp.attempts, HTTP_TRIES);
	ck_assert_ptr_nonnull(resp.error);
	ck_assert_ptr_null(strstr(resp.error, SERVER_KEY));
	http_response_release(&resp);
}
END_TEST

START_TEST(query_auth_sends_the_key_as_first_parameter)
{
	struct server_reply r[] = { REPLY(200, "{}") };
	struct http_response resp = HTTP_RESPONSE_INIT;
	struct strvec q = STRVEC_INIT;
	char *path = home_file("config.yaml"), *shown;

	write_file(path, "timeout: 1\nauth: query\n");
	free(path);
	SCRIPT(r);
	strvec_push(&q, "number=32164");
	ck_assert_int_eq(http_send("GET", "/tickets", &q, NULL, &resp), 0);
	assert_server_log("GET /api/v1/tickets?api_key=" SERVER_KEY "&number=32164\n");
	ck_assert_ptr_null(server.got[0].authorization);
	shown = http_display_url("/tickets", &q);
	ck_assert_ptr_null(strstr(shown, SERVER_KEY));
	free(shown);
	http_response_release(&resp);
	strvec_clear(&q);
}
END_TEST

START_TEST(display_url_is_under_the_base_url)
{
	struct strvec q = STRVEC_INIT;
	char *shown, want[96];

	strvec_push(&q, "query=a b");
	shown = http_display_url("/customers", &q);
	snprintf(want, sizeof(want), "http://127.0.0.1:%u/api/v1/customers?query=a+b", server.port);
	ck_assert_str_eq(shown, want);
	free(shown);
	strvec_clear(&q);
}
END_TEST

START_TEST(retry_after_values)
{
	time_t now = 1764000000;	/* Mon, 24 Nov 2025 16:00:00 GMT */

	ck_assert_int_eq(http_parse_retry_after("30", now), 30);
	ck_assert_int_eq(http_parse_retry_after("0", now), 0);
	ck_assert_int_eq(http_parse_retry_after("Mon, 24 Nov 2025 16:00:45 GMT", now), 45);
	ck_assert_int_eq(http_parse_retry_after("Mon, 24 Nov 2025 15:00:00 GMT", now), 0);
	ck_assert_int_eq(http_parse_retry_after("600x", now), -1);
	ck_assert_int_eq(http_parse_retry_after("-5", now), -1);
	ck_assert_int_eq(http_parse_retry_after("", now), -1);
}
END_TEST

START_TEST(redact_hides_the_key)
{
	struct sbuf sb = SBUF_INIT;
	struct server_reply r[] = { REPLY(200, "{}") };
	struct http_response resp = HTTP_RESPONSE_INIT;

	SCRIPT(r);
	/* The key is read on the first request. */
	ck_assert_int_eq(http_send("GET", "/me", NULL, NULL, &resp), 0);
	sbuf_addstr(&sb, "{\"error\":\"bad key " SERVER_KEY "\"}");
	http_redact_key(&sb);
	ck_assert_str_eq(sb.buf, "{\"error\":\"bad key REDACTED\"}");
	sbuf_release(&sb);
	http_response_release(&resp);
}
END_TEST

static Suite *http_suite(void)
{
	Suite *s = suite_create("http");
	TCase *tc = tcase_create("http");

	tcase_add_checked_fixture(tc, server_setup, server_teardown);
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, get_sends_path_query_and_headers);
	tcase_add_test(tc, post_sends_json_body);
	tcase_add_test(tc, client_error_is_a_response_not_retried);
	tcase_add_test(tc, get_after_500_is_retried);
	tcase_add_test(tc, get_gives_up_after_three_500s);
	tcase_add_test(tc, post_after_500_is_not_sent_again);
	tcase_add_test(tc, body_past_the_cap_is_refused);
	tcase_add_test(tc, body_at_the_cap_is_kept);
	tcase_add_test(tc, slow_post_times_out_once);
	tcase_add_test(tc, redirect_is_not_followed);
	tcase_add_test(tc, connection_refused_post_is_tried_again);
	tcase_add_test(tc, query_auth_sends_the_key_as_first_parameter);
	tcase_add_test(tc, display_url_is_under_the_base_url);
	tcase_add_test(tc, retry_after_values);
	tcase_add_test(tc, redact_hides_the_key);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(http_suite)
