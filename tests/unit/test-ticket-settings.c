/* common/ticket-settings.c: the account's statuses, techs and lists (unit-server.h). */
#include "compat.h"
#include <unistd.h>
#include "cache.h"
#include "exit-codes.h"
#include "json.h"
#include "strvec.h"
#include "ticket-settings.h"
#include "unit.h"
#include "unit-run.h"	/* POSIX-only: fork, and the server runs threads */
#include "unit-server.h"

#define SETTINGS "{\"ticket_status_list\":[\"New\",\"In Progress\",\"Waiting on Customer\"," \
	"\"Resolved\",\"Invoiced\"],\"ticket_types\":[{\"id\":1,\"name\":\"Hardware\"}]," \
	"\"users\":[{\"id\":7,\"name\":\"Howard Cunningham\"},{\"id\":8,\"name\":\"Ron Howard\"}]}"

START_TEST(settings_are_read_once_and_cached)
{
	struct server_reply r[] = { REPLY(200, SETTINGS), REPLY(200, "{}") };
	struct strvec names = STRVEC_INIT;
	cJSON *cached;
	char *s;

	SCRIPT(r);
	ck_assert_str_eq(ticket_settings_tech_name(8), "Ron Howard");
	ck_assert_ptr_null(ticket_settings_tech_name(9));
	s = ticket_settings_check_status("in progress", "--status");
	ck_assert_str_eq(s, "In Progress");
	free(s);
	ticket_settings_names(ticket_settings(), "ticket_types", &names);
	ck_assert_uint_eq(names.nr, 1);
	ck_assert_str_eq(names.v[0], "Hardware");
	strvec_clear(&names);
	assert_server_log("GET /api/v1/tickets/settings\n");
	cached = cache_read_json(TICKET_SETTINGS_CACHE, TICKET_SETTINGS_MAX_AGE);
	ck_assert_int_eq(cJSON_GetArraySize(json_get(cached, "ticket_status_list")), 5);
	cJSON_Delete(cached);
}
END_TEST

START_TEST(settings_come_from_the_cache_when_young)
{
	cJSON *settings = json_parse(SETTINGS, strlen(SETTINGS));
	struct strvec statuses = STRVEC_INIT;

	ck_assert_int_eq(cache_write_json(TICKET_SETTINGS_CACHE, settings), 0);
	cJSON_Delete(settings);
	ticket_settings_strings(ticket_settings(), "ticket_status_list", &statuses);
	ck_assert_uint_eq(statuses.nr, 5);
	ck_assert_str_eq(statuses.v[2], "Waiting on Customer");
	strvec_clear(&statuses);
	ck_assert_uint_eq(server.got_nr, 0);
}
END_TEST

static void check_status(void *arg)
{
	free(ticket_settings_check_status(arg, "--status"));
}

START_TEST(unknown_status_is_exit_2_with_the_closest)
{
	cJSON *settings = json_parse(SETTINGS, strlen(SETTINGS));
	struct sbuf err = SBUF_INIT;

	ck_assert_int_eq(cache_write_json(TICKET_SETTINGS_CACHE, settings), 0);
	cJSON_Delete(settings);
	server_stop();	/* no fork while its threads run; the cache answers */
	ck_assert_int_eq(run_in_child(check_status, "in progres", &err), EXIT_USAGE);
	ck_assert_str_eq(err.buf, "syncro: unknown status 'in progres' for --status; did you mean "
			 "'In Progress'?\nvalid statuses: New, In Progress, Waiting on Customer, "
			 "Resolved, Invoiced\n");
	sbuf_release(&err);
}
END_TEST

static Suite *ticket_settings_suite(void)
{
	Suite *s = suite_create("ticket-settings");
	TCase *tc = tcase_create("ticket-settings");

	tcase_add_checked_fixture(tc, server_setup, server_teardown);
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, settings_are_read_once_and_cached);
	tcase_add_test(tc, settings_come_from_the_cache_when_young);
	tcase_add_test(tc, unknown_status_is_exit_2_with_the_closest);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(ticket_settings_suite)
