#include "compat.h"
#include "levenshtein.h"
#include "unit.h"

START_TEST(identical_is_zero)
{
	ck_assert_int_eq(suggestion_distance("close", "close"), 0);
}
END_TEST

START_TEST(swap_is_free)
{
	/* git's weights: swapping neighbours costs nothing */
	ck_assert_int_eq(suggestion_distance("clsoe", "close"), 0);
}
END_TEST

START_TEST(weights)
{
	ck_assert_int_eq(suggestion_distance("tiket", "ticket"), 1);	/* insertion */
	ck_assert_int_eq(suggestion_distance("ticket", "tiket"), 3);	/* deletion */
	ck_assert_int_eq(suggestion_distance("bell", "bill"), 2);	/* substitution */
	ck_assert_int_eq(suggestion_distance("", "list"), 4);
	ck_assert_int_eq(levenshtein("abc", "", 0, 2, 1, 3), 9);
}
END_TEST

static Suite *levenshtein_suite(void)
{
	Suite *s = suite_create("levenshtein");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, identical_is_zero);
	tcase_add_test(tc, swap_is_free);
	tcase_add_test(tc, weights);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(levenshtein_suite)
