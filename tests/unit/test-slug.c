#include "compat.h"
#include "slug.h"
#include "unit.h"

static void check_slug(const char *text, size_t max, const char *want)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addstr(&sb, "x/");
	ck_assert_uint_eq(slug_add(&sb, text, max, "none"), strlen(want));
	ck_assert_str_eq(sb.buf + 2, want);
	sbuf_release(&sb);
}

START_TEST(lowercase_and_dashes)
{
	check_slug("Desert Sun Dental", 0, "desert-sun-dental");
	check_slug("Jerry Burger", 0, "jerry-burger");
	check_slug("Remote - Jim cant access his email", 0, "remote-jim-cant-access-his-email");
	check_slug("QuickBooks won't open company file", 0, "quickbooks-won-t-open-company-file");
	check_slug("Windows 11 upgrade", 0, "windows-11-upgrade");
}
END_TEST

START_TEST(no_dash_at_the_ends)
{
	check_slug("  --Hello, World!-- ", 0, "hello-world");
	check_slug("a\tb\nc", 0, "a-b-c");
}
END_TEST

START_TEST(non_ascii_is_a_separator)
{
	check_slug("Caf\xc3\xa9 Ol\xc3\xa9", 0, "caf-ol");
	check_slug("\xe6\x97\xa5\xe6\x9c\xac", 0, "none");
}
END_TEST

START_TEST(path_characters_cannot_escape)
{
	check_slug("../../etc/passwd", 0, "etc-passwd");
	check_slug("..", 0, "none");
	check_slug("", 0, "none");
	check_slug(NULL, 0, "none");
}
END_TEST

START_TEST(cut_at_a_word)
{
	/* "printer-offline-in" is 18; the cut word goes */
	check_slug("Printer offline in front office", 20, "printer-offline-in");
	/* cut exactly at a word's end: kept whole */
	check_slug("Printer offline in front office", 15, "printer-offline");
	/* one long word: cut inside it rather than lose it */
	check_slug("Supercalifragilistic", 10, "supercalif");
	check_slug("ab Supercalifragilistic", 10, "ab-superca");
}
END_TEST

static Suite *slug_suite(void)
{
	Suite *s = suite_create("slug");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, lowercase_and_dashes);
	tcase_add_test(tc, no_dash_at_the_ends);
	tcase_add_test(tc, non_ascii_is_a_separator);
	tcase_add_test(tc, path_characters_cannot_escape);
	tcase_add_test(tc, cut_at_a_word);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(slug_suite)
