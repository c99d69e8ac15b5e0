/* common/tech-lookup.c: techs as the user names them (unit-server.h). */
#include "compat.h"
#include <unistd.h>
#include "cache.h"
#include "exit-codes.h"
#include "tech-lookup.h"
#include "ticket-settings.h"
#include "unit.h"
#include "unit-run.h"	/* POSIX-only: fork, and the server runs threads */
#include "unit-server.h"

#define SETTINGS "{\"ticket_status_list\":[\"New\"],\"users\":[{\"id\":7,\"name\":\"Howard Cunningham\"}," \
	"{\"id\":8,\"name\":\"Ron Howard\"},{\"id\":9,\"name\":\"Ralph Malph\"}]}"

static void cache_settings(void)
{
	cJSON *settings = parse(SETTINGS);

	ck_assert_int_eq(cache_write_json(TICKET_SETTINGS_CACHE, settings), 0);
	cJSON_Delete(settings);
}

START_TEST(me_id_or_name)
{
	struct server_reply r[] = { REPLY(200, "{\"user_id\":8,\"user_name\":\"Ron Howard\"}") };
	char *name = NULL;

	cache_settings();
	SCRIPT(r);
	ck_assert_int_eq(tech_resolve("me", "--assign", &name), 8);
	ck_assert_str_eq(name, "Ron Howard");
	free(name);
	ck_assert_int_eq(tech_resolve("ralph", "--assign", &name), 9);
	ck_assert_str_eq(name, "Ralph Malph");
	free(name);
	ck_assert_int_eq(tech_resolve("HOWARD CUNNINGHAM", "--assign", &name), 7);
	free(name);
	ck_assert_int_eq(tech_resolve("7", "--assign", &name), 7);
	ck_assert_str_eq(name, "Howard Cunningham");
	free(name);
	ck_assert_int_eq(tech_resolve("4242", "--assign", &name), 4242);
	ck_assert_ptr_null(name);
	assert_server_log("GET /api/v1/me\n");
}
END_TEST

static void resolve(void *arg)
{
	tech_resolve(arg, "--tech", NULL);
}

START_TEST(unknown_or_several_is_exit_2)
{
	struct sbuf err = SBUF_INIT;

	cache_settings();
	server_stop();	/* no fork while its threads run; the cache answers */
	ck_assert_int_eq(run_in_child(resolve, "potsie", &err), EXIT_USAGE);
	ck_assert_str_eq(err.buf, "syncro: unknown tech 'potsie' for --tech\ntechs: Howard Cunningham, "
			 "Ron Howard, Ralph Malph (or 'me', or a user id)\n");
	sbuf_reset(&err);
	ck_assert_int_eq(run_in_child(resolve, "howard", &err), EXIT_USAGE);
	/* Several fit and there is no terminal to pick on. */
	ck_assert_str_eq(err.buf, "syncro: tech 'howard' is ambiguous; pass one with --tech:\n"
			 "  7  Howard Cunningham\n  8  Ron Howard\n");
	sbuf_release(&err);
}
END_TEST

static Suite *tech_lookup_suite(void)
{
	Suite *s = suite_create("tech-lookup");
	TCase *tc = tcase_create("tech-lookup");

	tcase_add_checked_fixture(tc, server_setup, server_teardown);
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, me_id_or_name);
	tcase_add_test(tc, unknown_or_several_is_exit_2);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(tech_lookup_suite)
