#include "compat.h"
#include "session-log.h"
#include "unit.h"
#include "unit-home.h"

START_TEST(path_from_customer_date_number_subject)
{
	cJSON *t = cJSON_Parse("{\"number\":32164,\"subject\":\"Own cloud thing -- again!\","
			       "\"customer_business_then_name\":\"Jerry Burger\"}");
	char *path;

	setenv("TZ", "UTC", 1);
	path = session_log_path("/logs", t, 1777000000);
	ck_assert_str_eq(path, "/logs/clients/jerry-burger/session-logs/"
			 "2026-04-24-32164-own-cloud-thing-again.md");
	free(path);
	cJSON_Delete(t);
	/* the detail shape names the customer in an object; nothing: fallbacks */
	t = cJSON_Parse("{\"number\":5,\"customer\":{\"business_then_name\":\"Caf\xc3\xa9 \\u00c9t\xc3\xa9\"}}");
	path = session_log_path("/logs", t, 1777000000);
	ck_assert_str_eq(path, "/logs/clients/caf-t/session-logs/2026-04-24-5-ticket.md");
	free(path);
	cJSON_Delete(t);
}
END_TEST

static void check_file(const char *path, const char *want)
{
	struct sbuf sb = SBUF_INIT;

	ck_assert_int_eq(sbuf_read_file(&sb, path), 0);
	ck_assert_str_eq(sb.buf, want);
	sbuf_release(&sb);
}

START_TEST(write_never_replaces)
{
	char *path = home_file("a/b/log.md"), *got;

	got = session_log_write(path, "one", 3);
	ck_assert_str_eq(got, path);
	free(got);
	got = session_log_write(path, "two", 3);
	assert_home_path(got, "a/b/log-2.md");
	got = session_log_write(path, "three", 5);
	assert_home_path(got, "a/b/log-3.md");
	check_file(path, "one");
	got = home_file("a/b/log-2.md");
	check_file(got, "two");
	free(got);
	free(path);
}
END_TEST

static Suite *session_log_suite(void)
{
	Suite *s = suite_create("session-log");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, home_setup, home_teardown);
	tcase_add_test(tc, path_from_customer_date_number_subject);
	tcase_add_test(tc, write_never_replaces);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(session_log_suite)
