/* common/write-plan.c: a write's preview, its dry run and its confirmation. */
#include "compat.h"
#include <fcntl.h>
#include "exit-codes.h"
#include "write-plan.h"
#include "unit.h"
#include "unit-home.h"
#include "unit-run.h"

static const struct verb_spec verb = {
	"close", "syncro close [options] N", "close a ticket", NULL, NULL,
};

static void setup(void)
{
	home_setup_account();
	setenv("SYNCRO_API_KEY", "unit-key-1234", 1);
}

/* A plan of two requests, one without a body. */
static void make_plan(struct write_plan *plan)
{
	cJSON *body = cJSON_CreateObject();

	cJSON_AddStringToObject(body, "status", "Resolved");
	write_plan_say(plan, "set ticket #%d to %s", 32164, "Resolved");
	write_plan_say(plan, "then delete timer %d", 5);
	write_plan_request(plan, "PUT", "/tickets/108430330", body);
	write_plan_request(plan, "POST", "/tickets/108430330/delete_timer_entry", NULL);
	cJSON_Delete(body);
}

#define PRINTED "set ticket #32164 to Resolved\n" \
	"then delete timer 5\n" \
	"PUT " UNIT_BASE_URL "/tickets/108430330\n" \
	"{\n  \"status\": \"Resolved\"\n}\n" \
	"POST " UNIT_BASE_URL "/tickets/108430330/delete_timer_entry\n"

struct go {
	int dry_run, yes, ask_always;
	const char *out;	/* stdout goes to this file */
};

static void go(void *arg)
{
	const struct go *g = arg;
	struct write_plan plan = WRITE_PLAN_INIT;
	int fd = open(g->out, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	dup2(fd, STDOUT_FILENO);
	close(fd);
	/* No terminal to ask on. */
	fd = open("/dev/null", O_RDONLY);
	dup2(fd, STDIN_FILENO);
	close(fd);
	make_plan(&plan);
	write_plan_go(&plan, &verb, g->dry_run, g->yes, g->ask_always);
	write_plan_release(&plan);
	printf("sending\n");
	exit(9);	/* the verb would send now */
}

/* write_plan_go() in a child: its exit code, stdout in out, stderr in err. */
static int run_go(int dry_run, int yes, int ask_always, struct sbuf *out, struct sbuf *err)
{
	char *path = home_file("stdout");
	struct go g = { dry_run, yes, ask_always, path };
	int code = run_in_child(go, &g, err);

	ck_assert_int_eq(sbuf_read_file(out, path), 0);
	free(path);
	return code;
}

START_TEST(print_shows_words_then_requests)
{
	struct write_plan plan = WRITE_PLAN_INIT;
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	make_plan(&plan);
	write_plan_print(&plan, fp);
	fclose(fp);
	ck_assert_str_eq(text, PRINTED);
	ck_assert_ptr_null(strstr(text, "unit-key-1234"));
	free(text);
	write_plan_release(&plan);
	write_plan_release(&plan);	/* twice is fine */
}
END_TEST

START_TEST(dry_run_prints_and_sends_nothing)
{
	struct sbuf out = SBUF_INIT, err = SBUF_INIT;

	ck_assert_int_eq(run_go(1, 0, 0, &out, &err), 0);
	ck_assert_str_eq(out.buf, PRINTED);
	ck_assert_str_eq(err.buf, "");
	sbuf_release(&out);
	sbuf_release(&err);
}
END_TEST

START_TEST(no_terminal_to_confirm_is_a_usage_error)
{
	struct sbuf out = SBUF_INIT, err = SBUF_INIT;

	ck_assert_int_eq(run_go(0, 0, 1, &out, &err), EXIT_USAGE);
	ck_assert_str_eq(out.buf, "");
	ck_assert_str_eq(err.buf, "syncro: this would write to Syncro and there is no terminal to "
			 "confirm it; pass --yes to send, or --dry-run to see what it would send\n"
			 "usage: syncro close [options] N\n"
			 "run 'syncro close --help' for every option\n");
	sbuf_release(&out);
	sbuf_release(&err);
}
END_TEST

START_TEST(yes_or_no_confirmation_sends)
{
	struct sbuf out = SBUF_INIT, err = SBUF_INIT;

	ck_assert_int_eq(run_go(0, 1, 1, &out, &err), 9);
	ck_assert_str_eq(out.buf, "sending\n");
	ck_assert_str_eq(err.buf, "");
	sbuf_reset(&out);
	ck_assert_int_eq(run_go(0, 0, 0, &out, &err), 9);
	ck_assert_str_eq(out.buf, "sending\n");
	sbuf_release(&out);
	sbuf_release(&err);
}
END_TEST

START_TEST(wanted_by_dry_run_ask_or_config)
{
	char *path = home_file("config.yaml");

	ck_assert(write_plan_wanted(1, 1, 0));
	ck_assert(write_plan_wanted(0, 0, 1));
	ck_assert(!write_plan_wanted(0, 1, 1));
	write_file(path, "confirm: writes\n");
	setenv("SYNCRO_CONFIG", path, 1);
	ck_assert(write_plan_wanted(0, 0, 0));
	ck_assert(!write_plan_wanted(0, 1, 0));
	free(path);
}
END_TEST

START_TEST(not_wanted_without_config)
{
	ck_assert(!write_plan_wanted(0, 0, 0));
}
END_TEST

static Suite *write_plan_suite(void)
{
	Suite *s = suite_create("write-plan");
	TCase *tc = tcase_create("write-plan");

	tcase_add_checked_fixture(tc, setup, home_teardown);
	tcase_add_test(tc, print_shows_words_then_requests);
	tcase_add_test(tc, dry_run_prints_and_sends_nothing);
	tcase_add_test(tc, no_terminal_to_confirm_is_a_usage_error);
	tcase_add_test(tc, yes_or_no_confirmation_sends);
	tcase_add_test(tc, wanted_by_dry_run_ask_or_config);
	tcase_add_test(tc, not_wanted_without_config);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(write_plan_suite)
