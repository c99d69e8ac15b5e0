#include "compat.h"
#include <sys/wait.h>
#include "parse-options.h"
#include "unit.h"

static int yes;
static const char *message;
static long minutes;
static struct strvec statuses = STRVEC_INIT;
static const char *fields;

static const struct option_spec options[] = {
	OPT_BOOL('y', "yes", &yes, "answer yes"),
	OPT_STRING('m', "message", &message, "TEXT", "the text"),
	OPT_INT(0, "time", &minutes, "MIN", "minutes"),
	OPT_LIST(0, "status", &statuses, "S", "a status", COMPLETE_NONE),
	OPT_OPTIONAL(0, "json", &fields, "FIELDS", "as JSON"),
	OPT_END(),
};
static const struct verb_spec verb = {
	"test", "syncro test [options] N", "a test verb", options, COMPLETE_FILE,
};

static void reset(void)
{
	yes = 0;
	message = NULL;
	minutes = 0;
	fields = NULL;
	strvec_clear(&statuses);
}

START_TEST(long_short_and_operands)
{
	char *argv[] = { "syncro-test", "32164", "-m", "fixed it", "--time=60", "-y",
			 "--status", "New", "--status", "In Progress", "#7", NULL };
	int n;

	reset();
	n = parse_options(&verb, 11, argv);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(argv[0], "32164");
	ck_assert_str_eq(argv[1], "#7");
	ck_assert_ptr_null(argv[2]);
	ck_assert_str_eq(message, "fixed it");
	ck_assert_int_eq(minutes, 60);
	ck_assert_int_eq(yes, 1);
	ck_assert_uint_eq(statuses.nr, 2);
	ck_assert_str_eq(statuses.v[1], "In Progress");
}
END_TEST

START_TEST(attached_short_value_and_double_dash)
{
	char *argv[] = { "syncro-test", "-ymhello", "--", "-5", NULL };
	int n;

	reset();
	n = parse_options(&verb, 4, argv);
	ck_assert_int_eq(yes, 1);
	ck_assert_str_eq(message, "hello");
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(argv[0], "-5");
}
END_TEST

START_TEST(an_optional_value_follows_the_equals_sign_only)
{
	char *alone[] = { "syncro-test", "--json", "32164", NULL };
	char *given[] = { "syncro-test", "--json=number,subject", "-", NULL };
	int n;

	reset();
	ck_assert_ptr_null(fields);
	n = parse_options(&verb, 3, alone);
	ck_assert_str_eq(fields, "");
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(alone[0], "32164");
	reset();
	n = parse_options(&verb, 3, given);
	ck_assert_str_eq(fields, "number,subject");
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(given[0], "-");
}
END_TEST

START_TEST(unknown_option_exits_2)
{
	char *argv[] = { "syncro-test", "--nope", NULL };

	reset();
	parse_options(&verb, 2, argv);
}
END_TEST

START_TEST(bad_number_exits_2)
{
	char *argv[] = { "syncro-test", "--time", "sixty", NULL };

	reset();
	parse_options(&verb, 3, argv);
}
END_TEST

/* ---- what the parser enforces and knows besides options ---- */

static int log_it, no_log, force;
static const char *sub;

static int timer_ids(const char *values, const char *prefix)
{
	(void)values;
	(void)prefix;
	complete_candidate("TIMER", NULL);
	return DIRECTIVE_NO_FILE;
}

static int tickets(const char *values, const char *prefix)
{
	(void)values;
	(void)prefix;
	complete_candidate("TICKET", NULL);
	return DIRECTIVE_NO_FILE;
}

static const struct complete_source timer_source = { timer_ids };
static const struct complete_source ticket_source = { tickets };
static const struct complete_source *const edit_args[] = { &ticket_source, &timer_source, NULL };
static const struct complete_source *const add_args[] = { &ticket_source, NULL };

static const struct option_spec rich_options[] = {
	OPT_BOOL('y', "yes", &yes, "answer yes"),
	OPT_BOOL(0, "force", &force, "force it"),
	OPT_BOOL(0, "log", &log_it, "write the log"),
	OPT_BOOL(0, "no-log", &no_log, "never write the log"),
	OPT_STRING('m', "message", &message, "TEXT", "the text"),
	OPT_INT(0, "time", &minutes, "MIN", "minutes"),
	OPT_EXCLUSIVE("force message"),
	OPT_SUBCOMMAND("add", &sub, add_args, "add time to a ticket"),
	OPT_SUBCOMMAND("edit", &sub, edit_args, "change a timer"),
	OPT_EXAMPLE("syncro rich add 32164 --time 30", "add half an hour to #32164"),
	OPT_LEARN_MORE("syncro help rich"),
	OPT_END(),
};
static const struct verb_spec rich = {
	"rich", "syncro rich [add|edit] [options] N", "a verb with subcommands", rich_options,
	&ticket_source,
};

static void reset_rich(void)
{
	reset();
	log_it = no_log = force = 0;
	sub = NULL;
}

/* Run parse_options (or complete_verb when complete) in a child: its exit code, stdout and stderr. */
static int run_child(const struct verb_spec *v, int argc, char **argv, int complete,
		     char *out, char *err, size_t size)
{
	int o[2], e[2], status;
	pid_t pid;
	ssize_t n;

	ck_assert(!pipe(o) && !pipe(e));
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (!pid) {
		dup2(o[1], STDOUT_FILENO);
		dup2(e[1], STDERR_FILENO);
		if (complete)
			complete_verb(v, argc, (const char **)argv);
		else
			parse_options(v, argc, argv);
		fflush(stdout);
		_exit(0);
	}
	close(o[1]);
	close(e[1]);
	n = read(o[0], out, size - 1);
	out[n > 0 ? n : 0] = '\0';
	n = read(e[0], err, size - 1);
	err[n > 0 ? n : 0] = '\0';
	close(o[0]);
	close(e[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}

START_TEST(a_single_value_option_given_twice_is_a_usage_error)
{
	char *argv[] = { "syncro-rich", "--time", "10", "--time=20", NULL };
	char out[4096], err[4096];

	reset_rich();
	ck_assert_int_eq(run_child(&rich, 4, argv, 0, out, err, sizeof(out)), 2);
	ck_assert_msg(starts_with(err, "syncro: option '--time' given twice; give it once\n"),
		      "got '%s'", err);
}
END_TEST

START_TEST(a_boolean_has_its_no_form)
{
	char *argv[] = { "syncro-rich", "-y", "--no-yes", "--no-force", "--no-log", NULL };

	reset_rich();
	force = 1;
	ck_assert_int_eq(parse_options(&rich, 5, argv), 0);
	ck_assert_int_eq(yes, 0);
	ck_assert_int_eq(force, 0);
	/* a table's own no-X wins over the automatic one */
	ck_assert_int_eq(no_log, 1);
	ck_assert_int_eq(log_it, 0);
}
END_TEST

START_TEST(options_of_a_group_exclude_each_other)
{
	char *argv[] = { "syncro-rich", "--force", "-y", "-m", "hi", NULL };
	char *one[] = { "syncro-rich", "--force", NULL };
	char out[4096], err[4096];

	reset_rich();
	ck_assert_int_eq(run_child(&rich, 5, argv, 0, out, err, sizeof(out)), 2);
	ck_assert_msg(starts_with(err, "syncro: '--force' and '--message' cannot go together\n"),
		      "got '%s'", err);
	reset_rich();
	ck_assert_int_eq(parse_options(&rich, 2, one), 0);
	ck_assert_int_eq(force, 1);
}
END_TEST

START_TEST(a_subcommand_is_named)
{
	char *argv[] = { "syncro-rich", "edit", "32161", "--time", "5", "7", NULL };
	char *none[] = { "syncro-rich", "32161", NULL };

	reset_rich();
	ck_assert_int_eq(parse_options(&rich, 6, argv), 3);
	ck_assert_str_eq(sub, "edit");
	ck_assert_str_eq(argv[0], "edit");
	ck_assert_str_eq(argv[2], "7");
	reset_rich();
	ck_assert_int_eq(parse_options(&rich, 2, none), 1);
	ck_assert_ptr_null(sub);
}
END_TEST

START_TEST(completion_of_subcommands_and_their_operands)
{
	char *add_prefix[] = { "a" };
	char *edit_timer[] = { "edit", "32161", "" };
	char *edit_ticket[] = { "edit", "--time", "5", "" };
	char *no_form[] = { "--no-f" };
	char out[4096], err[4096];

	ck_assert_int_eq(run_child(&rich, 1, add_prefix, 1, out, err, sizeof(out)), 0);
	ck_assert_str_eq(out, "add\tadd time to a ticket\nTICKET\n:4\n");
	ck_assert_int_eq(run_child(&rich, 3, edit_timer, 1, out, err, sizeof(out)), 0);
	ck_assert_str_eq(out, "TIMER\n:4\n");
	/* an option's value is no operand */
	ck_assert_int_eq(run_child(&rich, 4, edit_ticket, 1, out, err, sizeof(out)), 0);
	ck_assert_str_eq(out, "TICKET\n:4\n");
	ck_assert_int_eq(run_child(&rich, 1, no_form, 1, out, err, sizeof(out)), 0);
	ck_assert_str_eq(out, "--no-force\n:4\n");
}
END_TEST

START_TEST(help_shows_subcommands_examples_and_learn_more)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	print_usage(&rich, fp);
	fclose(fp);
	ck_assert_msg(strstr(buf, "\nSUBCOMMANDS\n    add                       add time to a ticket\n"
			     "    edit                      change a timer\n"), "got '%s'", buf);
	ck_assert_msg(strstr(buf, "\nEXAMPLES\n    syncro rich add 32164 --time 30\n"
			     "        add half an hour to #32164\n"), "got '%s'", buf);
	ck_assert_msg(strstr(buf, "\nLEARN MORE\n    syncro help rich\n"), "got '%s'", buf);
	/* entries that are no option are not listed as options */
	ck_assert_ptr_null(strstr(buf, "--force message"));
	free(buf);
}
END_TEST

static Suite *parse_options_suite(void)
{
	Suite *s = suite_create("parse-options");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, long_short_and_operands);
	tcase_add_test(tc, attached_short_value_and_double_dash);
	tcase_add_test(tc, an_optional_value_follows_the_equals_sign_only);
	tcase_add_exit_test(tc, unknown_option_exits_2, 2);
	tcase_add_exit_test(tc, bad_number_exits_2, 2);
	tcase_add_test(tc, a_single_value_option_given_twice_is_a_usage_error);
	tcase_add_test(tc, a_boolean_has_its_no_form);
	tcase_add_test(tc, options_of_a_group_exclude_each_other);
	tcase_add_test(tc, a_subcommand_is_named);
	tcase_add_test(tc, completion_of_subcommands_and_their_operands);
	tcase_add_test(tc, help_shows_subcommands_examples_and_learn_more);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(parse_options_suite)
