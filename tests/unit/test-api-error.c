#include "compat.h"
#include "api-error.h"
#include "json.h"
#include "ticket-number.h"
#include "unit.h"

/* The words api_error_words() finds in body; NULL-safe comparison. */
static void expect_words(const char *body, const char *want)
{
	cJSON *json = json_parse(body, strlen(body));
	char *words;

	ck_assert_msg(json != NULL, "not JSON: %s", body);
	words = api_error_words(json);
	if (!want)
		ck_assert_msg(words == NULL, "found '%s' in %s", words, body);
	else
		ck_assert_msg(words && !strcmp(words, want), "'%s' from %s, want '%s'",
			      words ? words : "(null)", body, want);
	free(words);
	cJSON_Delete(json);
}

/* Every error body of the reference catalogue (syncro-api.md section 4). */
START_TEST(every_shape_of_the_catalogue)
{
	expect_words("{\"error\": \"Not authorized. Please ask account admin to update your group permissions.\"}",
		     "Not authorized. Please ask account admin to update your group permissions.");
	expect_words("{\"message\": \"Not found\"}", "Not found");
	expect_words("{\"error\": \"Customer required field\"}", "Customer required field");
	expect_words("{\"success\": false, \"message\": [\"Subject can't be blank\"]}",
		     "Subject can't be blank");
	expect_words("{\"success\": false, \"message\": [\"Body can't be blank\", \"Subject can't be blank\"]}",
		     "Body can't be blank; Subject can't be blank");
	expect_words("{\"error\": \"no implicit conversion of nil into String\"}",
		     "no implicit conversion of nil into String");
	expect_words("{\"errors\": \"Name can't be blank, Description can't be blank\", \"params\": {}}",
		     "Name can't be blank, Description can't be blank");
	expect_words("{\"errors\": [\"billable must be true or false\"]}", "billable must be true or false");
	expect_words("{\"success\": false, \"message\": [\"Email is not an email\", "
		     "\"Email Only able to parse up to \\\"it is not an email\\\"\"], \"params\": "
		     "{\"business_name\": \"Real Business\", \"email\": \"it is not an email\"}}",
		     "Email is not an email; Email Only able to parse up to \"it is not an email\"");
	expect_words("{\"success\": false, \"message\": [\"Name can't be blank\", \"Description can't be blank\"], "
		     "\"params\": {\"name\": \"\", \"maintain_stock\": false}}",
		     "Name can't be blank; Description can't be blank");
	expect_words("{\"record\": {\"id\": null, \"email\": \"x\"}, \"errors\": \"Email is not an email\"}",
		     "Email is not an email");
	expect_words("{\"customer_id\": [\"can't be blank\"], \"date\": [\"can't be blank\"]}",
		     "customer_id can't be blank; date can't be blank");
	expect_words("{\"message\": [\"Vendor is blank\", \"Value is blank\"]}",
		     "Vendor is blank; Value is blank");
	/* Live reports: errors as an object of field -> messages. */
	expect_words("{\"errors\": {\"mute_for\": [\"is not included in the list\"]}}",
		     "mute_for is not included in the list");
	expect_words("{\"errors\":\"Name can't be blank\"}", "Name can't be blank");
}
END_TEST

START_TEST(bodies_without_words)
{
	expect_words("{\"success\": false}", NULL);
	expect_words("{}", NULL);
	expect_words("{\"error\": \"\", \"message\": \"  \"}", NULL);
	expect_words("{\"error\": null, \"errors\": [], \"message\": {}}", NULL);
	expect_words("{\"ticket\": {\"id\": 1}}", NULL);
	expect_words("[]", NULL);
	expect_words("42", NULL);
	expect_words("\"Disabled\"", "Disabled");
	/* error wins over message when both are there */
	expect_words("{\"message\": \"second\", \"error\": \"first\"}", "first");
}
END_TEST

/* Like http_response_release(), without linking the transfer code. */
static void clear(struct http_response *resp)
{
	free(resp->error);
	free(resp->content_type);
	sbuf_release(&resp->headers);
	sbuf_release(&resp->body);
	resp->error = resp->content_type = NULL;
}

static void respond(struct http_response *resp, long status, const char *ctype, const char *body)
{
	clear(resp);
	resp->failure = HTTP_DONE;
	resp->status = status;
	resp->content_type = ctype ? strdup(ctype) : NULL;
	sbuf_addstr(&resp->body, body);
}

static void expect_error(const struct http_response *resp, const char *method, const char *path,
			 const char *what, int code, const char *message, const char *hint)
{
	struct api_error err = API_ERROR_INIT;

	api_error_from_response(&err, resp, method, path, what);
	ck_assert_int_eq(err.code, code);
	ck_assert_str_eq(err.message, message);
	if (hint)
		ck_assert_str_eq(err.hint ? err.hint : "(none)", hint);
	else
		ck_assert_msg(err.hint == NULL, "unexpected hint '%s'", err.hint);
	api_error_release(&err);
	ck_assert_ptr_null(err.message);
}

START_TEST(statuses_map_to_exit_codes)
{
	struct http_response resp = HTTP_RESPONSE_INIT;

	respond(&resp, 401, "application/json", "{\"error\":\"Not authorized\"}");
	expect_error(&resp, "PUT", "/tickets/108430330", NULL, EXIT_AUTH,
		     "the Syncro API refused 'PUT /tickets/108430330' (401): Not authorized",
		     "the API key may be wrong or expired, or lack the permission 'Tickets - Edit'; "
		     "check it with 'syncro doctor'");
	respond(&resp, 403, NULL, "");
	expect_error(&resp, "GET", "/callerid", NULL, EXIT_AUTH,
		     "the Syncro API refused 'GET /callerid' (403): not authorized",
		     "the API key may be wrong or expired, or lack a permission this request needs; "
		     "check it with 'syncro doctor'");
	respond(&resp, 404, "application/json", "{\"message\":\"Not found\"}");
	expect_error(&resp, "GET", "/tickets/99999999", "ticket #99999", EXIT_NOT_FOUND,
		     "ticket #99999 not found", NULL);
	respond(&resp, 404, "text/html", "<html>Not Found</html>");
	expect_error(&resp, "GET", "/customers/7?include=x", NULL, EXIT_NOT_FOUND,
		     "'/customers/7' not found", NULL);
	respond(&resp, 422, "application/json", "{\"success\":false,\"message\":[\"Subject can't be blank\"]}");
	expect_error(&resp, "PUT", "/tickets/1", NULL, EXIT_REJECTED,
		     "the Syncro API rejected 'PUT /tickets/1': Subject can't be blank", NULL);
	expect_error(&resp, "PUT", "/tickets/108430301", "ticket #32163", EXIT_REJECTED,
		     "the Syncro API rejected the change to ticket #32163: Subject can't be blank",
		     NULL);
	expect_error(&resp, "GET", "/tickets", "ticket #32163", EXIT_REJECTED,
		     "the Syncro API rejected the request for ticket #32163: Subject can't be blank",
		     NULL);
	respond(&resp, 422, "application/json", "");
	expect_error(&resp, "POST", "/invoices", NULL, EXIT_REJECTED,
		     "the Syncro API rejected 'POST /invoices' (422) without saying why", NULL);
	expect_error(&resp, "POST", "/tickets/108430330/comment", "ticket #32164", EXIT_REJECTED,
		     "the Syncro API rejected the change to ticket #32164 (422) without saying why",
		     NULL);
	respond(&resp, 400, "application/json", "{\"message\":[\"Vendor is blank\"]}");
	expect_error(&resp, "POST", "/products/1/product_skus", NULL, EXIT_REJECTED,
		     "the Syncro API rejected 'POST /products/1/product_skus': Vendor is blank", NULL);
	respond(&resp, 429, "application/json", "{\"error\":\"Rate limit exceeded\"}");
	expect_error(&resp, "GET", "/tickets?page=2", NULL, EXIT_RATE_LIMITED,
		     "rate limited by the Syncro API on 'GET /tickets', still after 3 retries",
		     "wait a minute and try again; other programs on this network may share the limit");
	respond(&resp, 500, "text/html", "<html>oops</html>");
	expect_error(&resp, "GET", "/tickets", NULL, EXIT_NETWORK,
		     "the Syncro API answered 'GET /tickets' with 500 and a body that is not JSON (text/html)",
		     "try again later; 'syncro doctor' checks the connection");
	respond(&resp, 503, "application/json", "{\"error\":\"maintenance\"}");
	expect_error(&resp, "GET", "/me", NULL, EXIT_NETWORK,
		     "the Syncro API failed on 'GET /me' with 503 (application/json): maintenance",
		     "try again later; Syncro may be having trouble");
	respond(&resp, 502, NULL, "");
	expect_error(&resp, "GET", "/me", NULL, EXIT_NETWORK,
		     "the Syncro API failed on 'GET /me' with 502 (no content type)",
		     "try again later; Syncro may be having trouble");
	respond(&resp, 200, "text/html; charset=utf-8", "<html>Log in</html>");
	expect_error(&resp, "GET", "/me", NULL, EXIT_NETWORK,
		     "the Syncro API answered 'GET /me' with 200 and a body that is not JSON (text/html; charset=utf-8)",
		     "a login page or a proxy may be in the way; check the base URL with 'syncro doctor'");
	respond(&resp, 200, "application/json", "{\"tickets\": [");
	expect_error(&resp, "GET", "/tickets", NULL, EXIT_NETWORK,
		     "the Syncro API answered 'GET /tickets' with 200 and a body that is not JSON (application/json)",
		     "a login page or a proxy may be in the way; check the base URL with 'syncro doctor'");
	{
		/* More values than json_parse() reads: its own words, not "not JSON". */
		struct sbuf big = SBUF_INIT;

		sbuf_addstr(&big, "{\"tickets\":[");
		for (int i = 0; i < JSON_MAX_VALUES; i++)
			sbuf_addstr(&big, "0,");
		sbuf_addstr(&big, "0]}");
		respond(&resp, 200, "application/json", big.buf);
		sbuf_release(&big);
	}
	expect_error(&resp, "GET", "/tickets", NULL, EXIT_NETWORK,
		     "the Syncro API answered 'GET /tickets' with 200 and a body of more than 2000000 "
		     "JSON values, more than any answer is read with",
		     "ask for less (a smaller per_page, a filter), or try again later");
	respond(&resp, 405, "application/json", "{\"error\":\"Method not allowed\"}");
	expect_error(&resp, "PATCH", "/me", NULL, EXIT_ERROR,
		     "the Syncro API answered 'PATCH /me' with 405: Method not allowed", NULL);
	clear(&resp);
}
END_TEST

static void fail_transfer(struct http_response *resp, enum http_failure failure, const char *why)
{
	clear(resp);
	resp->failure = failure;
	resp->error = strdup(why);
}

START_TEST(transport_failures_are_network_errors)
{
	struct http_response resp = HTTP_RESPONSE_INIT;

	fail_transfer(&resp, HTTP_TIMEOUT, "Operation timed out after 1000 milliseconds");
	expect_error(&resp, "GET", "/tickets", NULL, EXIT_NETWORK,
		     "no answer from the Syncro API to 'GET /tickets' in time: Operation timed out after 1000 milliseconds",
		     "try again; if it keeps happening, raise 'timeout' in config.yaml");
	fail_transfer(&resp, HTTP_CONNECT, "Failed to connect to 127.0.0.1 port 9");
	expect_error(&resp, "POST", "/tickets", NULL, EXIT_NETWORK,
		     "cannot reach the Syncro API for 'POST /tickets': Failed to connect to 127.0.0.1 port 9",
		     "check the network and the base URL with 'syncro doctor'");
	fail_transfer(&resp, HTTP_CLOSED, "Empty reply from server");
	expect_error(&resp, "GET", "/me", NULL, EXIT_NETWORK,
		     "the Syncro API closed the connection during 'GET /me': Empty reply from server",
		     "try again; 'syncro doctor' checks the connection");
	fail_transfer(&resp, HTTP_TLS, "SSL certificate problem");
	expect_error(&resp, "GET", "/me", NULL, EXIT_NETWORK,
		     "TLS failure talking to the Syncro API for 'GET /me': SSL certificate problem",
		     "check the system clock and CA certificates; syncro never turns verification off");
	fail_transfer(&resp, HTTP_TOO_BIG, "the response is larger than 32 MiB");
	expect_error(&resp, "GET", "/tickets", NULL, EXIT_NETWORK,
		     "the answer to 'GET /tickets' is too large: the response is larger than 32 MiB",
		     "ask for less, e.g. one page at a time");
	fail_transfer(&resp, HTTP_REFUSED, "'/../x' is outside the API base URL");
	expect_error(&resp, "GET", "/../x", NULL, EXIT_USAGE,
		     "'/../x' is outside the API base URL", NULL);
	fail_transfer(&resp, HTTP_DNS, "");
	expect_error(&resp, "GET", "/me", NULL, EXIT_NETWORK,
		     "cannot reach the Syncro API for 'GET /me': host not found",
		     "check the network and the base URL with 'syncro doctor'");
	clear(&resp);
}
END_TEST

START_TEST(permissions_by_endpoint)
{
	ck_assert_str_eq(api_permission("GET", "/tickets?number=32164"), "Tickets - List/Search");
	ck_assert_str_eq(api_permission("GET", "/tickets/108430330"), "Tickets - View Details");
	ck_assert_str_eq(api_permission("post", "tickets/108430330/comment"), "Tickets - Edit");
	ck_assert_str_eq(api_permission("POST", "/tickets/1/charge_timer_entry"), "Ticket Timers - Overview");
	ck_assert_str_eq(api_permission("POST", "/invoices"), "Invoices - Create");
	ck_assert_str_eq(api_permission("GET", "/customers/"), "Customers - List/Search");
	ck_assert_ptr_null(api_permission("GET", "/tickets/settings"));
	ck_assert_ptr_null(api_permission("GET", "/me"));
	ck_assert_ptr_null(api_permission("GET", "/tickets//comments"));
	ck_assert_ptr_null(api_permission("DELETE", "/tickets/1/comment"));
}
END_TEST

START_TEST(ticket_numbers)
{
	ck_assert_int_eq(ticket_number_parse("32164"), 32164);
	ck_assert_int_eq(ticket_number_parse("#32164"), 32164);
	ck_assert_int_eq(ticket_number_parse("#1"), 1);
	ck_assert_int_eq(ticket_number_parse(""), -1);
	ck_assert_int_eq(ticket_number_parse("#"), -1);
	ck_assert_int_eq(ticket_number_parse("##1"), -1);
	ck_assert_int_eq(ticket_number_parse("0"), -1);
	ck_assert_int_eq(ticket_number_parse("-5"), -1);
	ck_assert_int_eq(ticket_number_parse("+5"), -1);
	ck_assert_int_eq(ticket_number_parse(" 5"), -1);
	ck_assert_int_eq(ticket_number_parse("5 "), -1);
	ck_assert_int_eq(ticket_number_parse("32164x"), -1);
	ck_assert_int_eq(ticket_number_parse("99999999999999999999999"), -1);
	ck_assert_int_eq(ticket_number_parse(NULL), -1);
}
END_TEST

static Suite *api_error_suite(void)
{
	Suite *s = suite_create("api-error");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, every_shape_of_the_catalogue);
	tcase_add_test(tc, bodies_without_words);
	tcase_add_test(tc, statuses_map_to_exit_codes);
	tcase_add_test(tc, transport_failures_are_network_errors);
	tcase_add_test(tc, permissions_by_endpoint);
	tcase_add_test(tc, ticket_numbers);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(api_error_suite)
