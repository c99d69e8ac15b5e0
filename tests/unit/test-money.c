/* common/money.c: two decimals, cents rounded half away from zero. */
#include "compat.h"
#include "money.h"
#include "unit.h"

static void expect_format(double amount, const char *want)
{
	char buf[MONEY_MAX];

	ck_assert_ptr_eq(money_format(amount, buf, sizeof(buf)), buf);
	ck_assert_msg(!strcmp(buf, want), "%.17g gave '%s', want '%s'", amount, buf, want);
}

START_TEST(format_two_decimals)
{
	expect_format(150, "150.00");
	expect_format(62.5, "62.50");
	expect_format(-3.1, "-3.10");
	expect_format(0, "0.00");
	expect_format(-0.004, "0.00");
	expect_format(0.005, "0.01");
	expect_format(-0.005, "-0.01");
	expect_format(0.1 + 0.2, "0.30");
	expect_format(1.5 * 125.0, "187.50");
	expect_format(0.333 * 90, "29.97");
	expect_format(1234567.891, "1234567.89");
	expect_format(-0.5, "-0.50");
}
END_TEST

START_TEST(format_truncates_to_the_buffer)
{
	char buf[4];

	money_format(150, buf, sizeof(buf));
	ck_assert_str_eq(buf, "150");
}
END_TEST

START_TEST(round_to_the_cent)
{
	ck_assert(money_round(29.97) == 29.97);
	ck_assert(money_round(0.333 * 90) == 29.97);
	ck_assert(money_round(2.675) == 2.68);
	ck_assert(money_round(-2.675) == -2.68);
	ck_assert(money_round(0.004) == 0);
	ck_assert(money_round(20.0 / 60 * 125) == 41.67);
}
END_TEST

START_TEST(equal_to_the_cent)
{
	ck_assert(money_equal(0.1 + 0.2, 0.3));
	ck_assert(money_equal(125, 125.004));
	ck_assert(!money_equal(125, 125.005));
	ck_assert(!money_equal(125, 124.99));
	ck_assert(money_equal(-1.5, -1.5));
	ck_assert(!money_equal(1.5, -1.5));
}
END_TEST

START_TEST(huge_amounts_saturate)
{
	char buf[MONEY_MAX];
	double amount;

	ck_assert_str_eq(money_format(1e24, buf, sizeof(buf)), ">100000000000.00");
	ck_assert_str_eq(money_format(-1e24, buf, sizeof(buf)), "<-100000000000.00");
	ck_assert_str_eq(money_format(1e11, buf, sizeof(buf)), "100000000000.00");
	ck_assert_str_eq(money_format(0.0 / 0.0, buf, sizeof(buf)), "?");
	ck_assert(money_round(1e300) == MONEY_LIMIT);
	ck_assert(money_equal(1e24, 2e24));
	ck_assert(money_line(999999999999.0, 999999999998.0, &amount) == -1 && amount == 0);
	ck_assert(money_line(2e6, 3, &amount) == -1);
	ck_assert(money_line(1e6, 1e5, &amount) == 0 && amount == 1e11);
	ck_assert(money_line(1e6, 1e5 + 1, &amount) == -1);
	ck_assert(money_line(1, 1e11 + 1, &amount) == -1);
	ck_assert(money_line(1.5, 100, &amount) == 0 && amount == 150);
}
END_TEST

static Suite *money_suite(void)
{
	Suite *s = suite_create("money");
	TCase *tc = tcase_create("money");

	tcase_add_test(tc, format_two_decimals);
	tcase_add_test(tc, format_truncates_to_the_buffer);
	tcase_add_test(tc, round_to_the_cent);
	tcase_add_test(tc, equal_to_the_cent);
	tcase_add_test(tc, huge_amounts_saturate);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(money_suite)
