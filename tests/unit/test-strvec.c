/* base/strvec.c: a NULL-terminated list of owned strings. */
#include "compat.h"
#include "strvec.h"
#include "unit.h"

START_TEST(push_copies_and_terminates)
{
	struct strvec sv = STRVEC_INIT;
	char word[] = "page=1";

	strvec_push(&sv, word);
	word[5] = '2';	/* the vector holds its own copy */
	strvec_pushf(&sv, "per_page=%d", 100);
	strvec_push(&sv, "");
	ck_assert_uint_eq(sv.nr, 3);
	ck_assert_str_eq(sv.v[0], "page=1");
	ck_assert_str_eq(sv.v[1], "per_page=100");
	ck_assert_str_eq(sv.v[2], "");
	ck_assert_ptr_null(sv.v[3]);
	strvec_clear(&sv);
	ck_assert_ptr_null(sv.v);
	ck_assert_uint_eq(sv.nr, 0);
	ck_assert_uint_eq(sv.alloc, 0);
	strvec_clear(&sv);	/* twice is fine */
}
END_TEST

START_TEST(many_pushes_grow)
{
	struct strvec sv = STRVEC_INIT;

	for (int i = 0; i < 1000; i++)
		strvec_pushf(&sv, "%d", i);
	ck_assert_uint_eq(sv.nr, 1000);
	ck_assert_str_eq(sv.v[0], "0");
	ck_assert_str_eq(sv.v[999], "999");
	ck_assert_ptr_null(sv.v[1000]);
	ck_assert_uint_ge(sv.alloc, 1001);
	strvec_clear(&sv);
}
END_TEST

static Suite *strvec_suite(void)
{
	Suite *s = suite_create("strvec");
	TCase *tc = tcase_create("strvec");

	tcase_add_test(tc, push_copies_and_terminates);
	tcase_add_test(tc, many_pushes_grow);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(strvec_suite)
