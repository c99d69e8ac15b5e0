/* The sandbox's routes and filters, on a small data set, without HTTP. */
#include "compat.h"
#include "sandbox/handlers.h"
#include "sandbox/query.h"
#include "unit.h"

static const char data[] =
	"{\"me\":{\"user_id\":7},"
	"\"users\":[{\"id\":7,\"full_name\":\"Mike Ritter\"}],"
	"\"customers\":[{\"id\":10,\"firstname\":\"Jerry\",\"lastname\":\"Burger\"},"
	"  {\"id\":11,\"firstname\":\"Linda\",\"lastname\":\"Chavez\",\"business_name\":\"Desert Sun Dental\"}],"
	"\"tickets\":["
	"  {\"id\":900,\"number\":3,\"subject\":\"Own cloud thing\",\"customer_id\":10,\"status\":\"New\","
	"   \"updated_at\":\"2026-04-03T00:00:00.000Z\",\"comments\":[{\"id\":1,\"subject\":\"a\",\"body\":\"b\"}]},"
	"  {\"id\":800,\"number\":2,\"subject\":\"Printer offline\",\"customer_id\":11,\"status\":\"Resolved\","
	"   \"user_id\":7,\"updated_at\":\"2026-04-02T00:00:00.000Z\"},"
	"  {\"id\":700,\"number\":1,\"subject\":\"Slow PC\",\"customer_id\":11,\"status\":\"Invoiced\","
	"   \"updated_at\":\"2026-04-01T00:00:00.000Z\"}],"
	"\"ticket_settings\":{\"ticket_status_list\":[\"New\",\"Resolved\",\"Invoiced\"]}}";

static struct state st;

static void setup(void)
{
	struct sbuf err = SBUF_INIT;

	memset(&st, 0, sizeof(st));
	ck_assert_int_eq(state_load_string(&st, data, "test", &err), 0);
	st.page_size = 2;
	sbuf_release(&err);
}

static void teardown(void)
{
	state_free(&st);
}

/* Run METHOD PATH?QUERY with body; returns the reply as compact JSON (caller frees). */
static char *call(const char *method, const char *path, const char *query, const char *body, int *status)
{
	struct api_req r = { 0 };
	char *out;

	r.st = &st;
	r.method = method;
	r.path = path;
	r.query = query_parse(query);
	r.body = body ? cJSON_Parse(body) : NULL;
	api_dispatch(&r);
	*status = r.status;
	out = cJSON_PrintUnformatted(r.reply);
	cJSON_Delete(r.reply);
	cJSON_Delete(r.query);
	cJSON_Delete(r.body);
	return out;
}

/* The numbers of GET /tickets?query, as "3,2". */
static void numbers(const char *query, char *buf, size_t size)
{
	int status;
	char *out = call("GET", "/tickets", query, NULL, &status);
	cJSON *j = cJSON_Parse(out), *t;

	buf[0] = '\0';
	cJSON_ArrayForEach(t, cJSON_GetObjectItem(j, "tickets")) {
		size_t len = strlen(buf);

		snprintf(buf + len, size - len, "%s%d", len ? "," : "",
			 cJSON_GetObjectItem(t, "number")->valueint);
	}
	cJSON_Delete(j);
	free(out);
}

START_TEST(ticket_filters)
{
	char buf[64];

	numbers("per_page=10", buf, sizeof(buf));
	ck_assert_str_eq(buf, "3,2,1");
	numbers("status=Not%20Closed&per_page=10", buf, sizeof(buf));
	ck_assert_str_eq(buf, "3,1");
	numbers("status=resolved", buf, sizeof(buf));
	ck_assert_str_eq(buf, "2");
	numbers("number=2", buf, sizeof(buf));
	ck_assert_str_eq(buf, "2");
	numbers("customer_id=11", buf, sizeof(buf));
	ck_assert_str_eq(buf, "2,1");
	numbers("user_id=7", buf, sizeof(buf));
	ck_assert_str_eq(buf, "2");
	numbers("mine=true", buf, sizeof(buf));
	ck_assert_str_eq(buf, "2");
	numbers("query=DENTAL", buf, sizeof(buf));
	ck_assert_str_eq(buf, "2,1");
	numbers("query=%233", buf, sizeof(buf));
	ck_assert_str_eq(buf, "3");
	numbers("since_updated_at=2026-04-01T12:00:00Z", buf, sizeof(buf));
	ck_assert_str_eq(buf, "3,2");
	numbers("customer_id=abc", buf, sizeof(buf));
	ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(ticket_pages_use_the_page_size)
{
	char buf[64];
	int status;
	char *out;

	numbers(NULL, buf, sizeof(buf));
	ck_assert_str_eq(buf, "3,2");
	numbers("page=2", buf, sizeof(buf));
	ck_assert_str_eq(buf, "1");
	out = call("GET", "/tickets", "page=9", NULL, &status);
	ck_assert_str_eq(out, "{\"tickets\":[],\"meta\":{\"total_pages\":2,\"page\":9}}");
	free(out);
}
END_TEST

START_TEST(wrapping_and_errors)
{
	int status;
	char *out = call("GET", "/tickets/800", NULL, NULL, &status);
	cJSON *j = cJSON_Parse(out);

	ck_assert_int_eq(status, 200);
	ck_assert_int_eq(cJSON_GetArraySize(j), 1);
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "ticket"), "customer_business_then_name")->valuestring,
			 "Desert Sun Dental");
	cJSON_Delete(j);
	free(out);
	out = call("GET", "/tickets/3", NULL, NULL, &status);
	ck_assert_int_eq(status, 404);
	ck_assert_str_eq(out, "{\"message\":\"Not found\"}");
	free(out);
	out = call("POST", "/tickets", NULL, "{\"subject\":\"x\",\"customer_id\":99}", &status);
	ck_assert_int_eq(status, 422);
	ck_assert_str_eq(out, "{\"error\":\"Customer required field\"}");
	free(out);
	out = call("PATCH", "/tickets/800", NULL, NULL, &status);
	ck_assert_int_eq(status, 404);
	free(out);
	out = call("GET", "/me", NULL, NULL, &status);
	ck_assert_str_eq(out, "{\"user_id\":7}");
	free(out);
}
END_TEST

START_TEST(reset_restores_the_loaded_data)
{
	int status;
	char *out = call("DELETE", "/tickets/900", NULL, NULL, &status);

	ck_assert_int_eq(status, 200);
	free(out);
	ck_assert_int_eq(cJSON_GetArraySize(coll(&st, "tickets")), 2);
	state_reset(&st);
	ck_assert_int_eq(cJSON_GetArraySize(coll(&st, "tickets")), 3);
}
END_TEST

START_TEST(bad_data_files_are_refused)
{
	struct state bad = { 0 };
	struct sbuf err = SBUF_INIT;

	ck_assert_int_eq(state_load_string(&bad, "[1]", "x.json", &err), -1);
	ck_assert_str_eq(err.buf, "'x.json' is not a JSON object");
	sbuf_reset(&err);
	ck_assert_int_eq(state_load_string(&bad, "{\"tickets\":{}}", "x.json", &err), -1);
	ck_assert_str_eq(err.buf, "'tickets' is not an array in 'x.json'");
	sbuf_reset(&err);
	ck_assert_int_eq(state_load_string(&bad, "{\"users\":[{\"name\":1}]}", "x.json", &err), -1);
	ck_assert_str_eq(err.buf, "an element of 'users' is not an object with a numeric id in 'x.json'");
	sbuf_release(&err);
}
END_TEST

static Suite *sandbox_routes_suite(void)
{
	Suite *s = suite_create("sandbox-routes");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, ticket_filters);
	tcase_add_test(tc, ticket_pages_use_the_page_size);
	tcase_add_test(tc, wrapping_and_errors);
	tcase_add_test(tc, reset_restores_the_loaded_data);
	tcase_add_test(tc, bad_data_files_are_refused);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(sandbox_routes_suite)
