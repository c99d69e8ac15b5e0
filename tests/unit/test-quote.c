/* base/quote.c: one word for a POSIX shell. */
#include "compat.h"
#include "quote.h"
#include "unit.h"

static void expect_quote(const char *arg, const char *want)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addstr(&sb, "syncro ");
	shell_quote(&sb, arg);
	ck_assert_str_eq(sb.buf, want);
	sbuf_release(&sb);
}

START_TEST(plain_words_stay)
{
	expect_quote("32164", "syncro 32164");
	expect_quote("--time=30", "syncro --time=30");
	expect_quote("a-z_A.Z/0:9,+@%", "syncro a-z_A.Z/0:9,+@%");
}
END_TEST

START_TEST(others_are_single_quoted)
{
	expect_quote("Own cloud", "syncro 'Own cloud'");
	expect_quote("it's", "syncro 'it'\\''s'");
	expect_quote("", "syncro ''");
	expect_quote("$HOME", "syncro '$HOME'");
	expect_quote("a;rm -rf ~", "syncro 'a;rm -rf ~'");
	expect_quote("line\nnext", "syncro 'line\nnext'");
	expect_quote("'", "syncro ''\\'''");
}
END_TEST

static Suite *quote_suite(void)
{
	Suite *s = suite_create("quote");
	TCase *tc = tcase_create("quote");

	tcase_add_test(tc, plain_words_stay);
	tcase_add_test(tc, others_are_single_quoted);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(quote_suite)
