#include "compat.h"
#include "cache.h"
#include "json.h"
#include "name-match.h"
#include "prompt.h"
#include "ticket-settings.h"
#include "unit.h"
#include "unit-home.h"

static const char *const status_list[] = {
	"New", "In Progress", "Resolved", "Invoiced", "Waiting for Parts",
	"Waiting on Customer", "Scheduled", "Customer Reply",
};

static void statuses(struct strvec *sv)
{
	for (size_t i = 0; i < ARRAY_SIZE(status_list); i++)
		strvec_push(sv, status_list[i]);
}

START_TEST(equal_ignores_case)
{
	struct strvec sv = STRVEC_INIT;

	statuses(&sv);
	ck_assert_int_eq(name_match_equal(&sv, "in progress"), 1);
	ck_assert_int_eq(name_match_equal(&sv, "RESOLVED"), 2);
	ck_assert_int_eq(name_match_equal(&sv, "in progres"), -1);
	ck_assert_int_eq(name_match_equal(&sv, "Progress"), -1);
	strvec_clear(&sv);
}
END_TEST

START_TEST(match_exact_first_then_parts)
{
	struct strvec sv = STRVEC_INIT;
	size_t m[ARRAY_SIZE(status_list)];

	statuses(&sv);
	ck_assert_uint_eq(name_match(&sv, "new", m), 1);
	ck_assert_uint_eq(m[0], 0);
	/* "customer" is part of two: both */
	ck_assert_uint_eq(name_match(&sv, "customer", m), 2);
	ck_assert_uint_eq(m[0], 5);
	ck_assert_uint_eq(m[1], 7);
	ck_assert_uint_eq(name_match(&sv, "PARTS", m), 1);
	ck_assert_uint_eq(m[0], 4);
	ck_assert_uint_eq(name_match(&sv, "closed", m), 0);
	ck_assert_uint_eq(name_match(&sv, "", m), 0);
	strvec_clear(&sv);
}
END_TEST

START_TEST(closest_for_did_you_mean)
{
	struct strvec sv = STRVEC_INIT;

	statuses(&sv);
	ck_assert_str_eq(name_match_closest(&sv, "in progres"), "In Progress");
	ck_assert_str_eq(name_match_closest(&sv, "Resovled"), "Resolved");
	ck_assert_str_eq(name_match_closest(&sv, "sheduled"), "Scheduled");
	ck_assert_str_eq(name_match_closest(&sv, "parts"), "Waiting for Parts");
	ck_assert_ptr_null(name_match_closest(&sv, "xyzzy frobnicate"));
	strvec_clear(&sv);
}
END_TEST

START_TEST(join)
{
	struct strvec sv = STRVEC_INIT;
	struct sbuf sb = SBUF_INIT;

	name_match_join(&sb, &sv);
	ck_assert_str_eq(sb.buf, "");
	strvec_push(&sv, "New");
	strvec_push(&sv, "In Progress");
	name_match_join(&sb, &sv);
	ck_assert_str_eq(sb.buf, "New, In Progress");
	sbuf_release(&sb);
	strvec_clear(&sv);
}
END_TEST

START_TEST(ids)
{
	ck_assert_int_eq(name_match_id("34288070"), 34288070);
	ck_assert_int_eq(name_match_id("0"), -1);
	ck_assert_int_eq(name_match_id("-5"), -1);
	ck_assert_int_eq(name_match_id("12a"), -1);
	ck_assert_int_eq(name_match_id(" 12"), -1);
	ck_assert_int_eq(name_match_id(""), -1);
	ck_assert_int_eq(name_match_id("99999999999999999999999"), -1);
}
END_TEST

START_TEST(pick_by_id_or_name)
{
	cJSON *items = cJSON_Parse("[{\"id\":74571,\"name\":\"Mike Ritter\"},"
				   "{\"id\":74572,\"name\":\"Sam Ortega\"}]");

	ck_assert_int_eq(json_long(name_match_pick(items, "name", "74572", "tech", "Tech", "--assign"),
				   "id", 0), 74572);
	ck_assert_ptr_null(name_match_pick(items, "name", "74599", "tech", "Tech", "--assign"));
	ck_assert_int_eq(json_long(name_match_pick(items, "name", "sam", "tech", "Tech", "--assign"),
				   "id", 0), 74572);
	ck_assert_int_eq(json_long(name_match_pick(items, "name", "MIKE RITTER", "tech", "Tech",
					     "--assign"), "id", 0), 74571);
	ck_assert_ptr_null(name_match_pick(items, "name", "priya", "tech", "Tech", "--assign"));
	cJSON_Delete(items);
}
END_TEST

/* Several fit and there is no terminal: exit 2 (the message is checked by t3001). */
START_TEST(pick_ambiguous_without_a_terminal)
{
	cJSON *items = cJSON_Parse("[{\"id\":1,\"name\":\"Sam A\"},{\"id\":2,\"name\":\"Sam B\"}]");

	prompt_disable();

	name_match_pick(items, "name", "sam", "tech", "Tech", "--assign");
}
END_TEST

START_TEST(status_check_uses_the_cached_settings)
{
	cJSON *s = cJSON_Parse("{\"ticket_status_list\":[\"New\",\"In Progress\",\"Resolved\"]}");
	char *status;

	ck_assert_int_eq(cache_write_json(TICKET_SETTINGS_CACHE, s), 0);
	cJSON_Delete(s);
	/* The base URL is .invalid: a request would fail; the cache answers. */
	status = ticket_settings_check_status("in PROGRESS", "--status");
	ck_assert_str_eq(status, "In Progress");
	free(status);
	status = ticket_settings_check_status("New", "--status");
	ck_assert_str_eq(status, "New");
	free(status);
}
END_TEST

START_TEST(status_check_refuses_unknown)
{
	cJSON *s = cJSON_Parse("{\"ticket_status_list\":[\"New\",\"In Progress\"]}");

	cache_write_json(TICKET_SETTINGS_CACHE, s);
	cJSON_Delete(s);
	ticket_settings_check_status("Closed", "--status");
}
END_TEST

static Suite *name_match_suite(void)
{
	Suite *s = suite_create("name-match");
	TCase *tc = tcase_create("core");
	TCase *settings = tcase_create("settings");

	tcase_add_test(tc, equal_ignores_case);
	tcase_add_test(tc, match_exact_first_then_parts);
	tcase_add_test(tc, closest_for_did_you_mean);
	tcase_add_test(tc, join);
	tcase_add_test(tc, ids);
	tcase_add_test(tc, pick_by_id_or_name);
	tcase_add_exit_test(tc, pick_ambiguous_without_a_terminal, 2);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(settings, home_setup_account, home_teardown);
	tcase_add_test(settings, status_check_uses_the_cached_settings);
	tcase_add_exit_test(settings, status_check_refuses_unknown, 2);
	suite_add_tcase(s, settings);
	return s;
}

UNIT_MAIN(name_match_suite)
