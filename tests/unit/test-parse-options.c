#include "compat.h"
#include "parse-options.h"
#include "unit.h"

static int yes;
static const char *message;
static long minutes;
static struct strvec statuses = STRVEC_INIT;

static const struct option_spec options[] = {
	OPT_BOOL('y', "yes", &yes, "answer yes"),
	OPT_STRING('m', "message", &message, "TEXT", "the text"),
	OPT_INT(0, "time", &minutes, "MIN", "minutes"),
	OPT_LIST(0, "status", &statuses, "S", "a status", COMPLETE_NONE),
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

static Suite *parse_options_suite(void)
{
	Suite *s = suite_create("parse-options");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, long_short_and_operands);
	tcase_add_test(tc, attached_short_value_and_double_dash);
	tcase_add_exit_test(tc, unknown_option_exits_2, 2);
	tcase_add_exit_test(tc, bad_number_exits_2, 2);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(parse_options_suite)
