#include "compat.h"
#include "sbuf.h"
#include "unit.h"

START_TEST(empty_buffer_is_a_string)
{
	struct sbuf sb = SBUF_INIT;

	ck_assert_ptr_nonnull(sb.buf);
	ck_assert_str_eq(sb.buf, "");
	sbuf_trim(&sb);
	ck_assert_str_eq(sb.buf, "");
	sbuf_release(&sb);
	ck_assert_str_eq(sb.buf, "");
}
END_TEST

START_TEST(add_and_format)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addstr(&sb, "#");
	sbuf_addf(&sb, "%d", 32164);
	sbuf_addch(&sb, ' ');
	sbuf_add(&sb, "New!", 3);
	ck_assert_str_eq(sb.buf, "#32164 New");
	ck_assert_uint_eq(sb.len, 10);
	sbuf_release(&sb);
}
END_TEST

START_TEST(grows_past_many_pages)
{
	struct sbuf sb = SBUF_INIT;

	for (int i = 0; i < 10000; i++)
		sbuf_addstr(&sb, "0123456789");
	ck_assert_uint_eq(sb.len, 100000);
	ck_assert_int_eq(sb.buf[sb.len], '\0');
	sbuf_release(&sb);
}
END_TEST

START_TEST(trim_and_detach)
{
	struct sbuf sb = SBUF_INIT;
	size_t len;
	char *s;

	sbuf_addstr(&sb, " \n\tkey-value \n");
	sbuf_trim(&sb);
	ck_assert_str_eq(sb.buf, "key-value");
	s = sbuf_detach(&sb, &len);
	ck_assert_str_eq(s, "key-value");
	ck_assert_uint_eq(len, 9);
	ck_assert_str_eq(sb.buf, "");
	free(s);
	s = sbuf_detach(&sb, NULL);	/* an empty sbuf detaches a real buffer */
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(strvec_keeps_order_and_null)
{
	struct strvec sv = STRVEC_INIT;

	strvec_push(&sv, "a b");
	strvec_pushf(&sv, "#%d", 7);
	ck_assert_uint_eq(sv.nr, 2);
	ck_assert_str_eq(sv.v[0], "a b");
	ck_assert_str_eq(sv.v[1], "#7");
	ck_assert_ptr_null(sv.v[2]);
	strvec_clear(&sv);
	ck_assert_uint_eq(sv.nr, 0);
}
END_TEST

static Suite *sbuf_suite(void)
{
	Suite *s = suite_create("sbuf");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, empty_buffer_is_a_string);
	tcase_add_test(tc, add_and_format);
	tcase_add_test(tc, grows_past_many_pages);
	tcase_add_test(tc, trim_and_detach);
	tcase_add_test(tc, strvec_keeps_order_and_null);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(sbuf_suite)
