/* base/utf8.c: widths, cuts and safe text for a terminal, whatever the locale. */
#include "compat.h"
#include "utf8.h"
#include "unit.h"

static void expect_decode(const char *s, size_t len, uint32_t cp, size_t bytes)
{
	uint32_t got = 0;

	ck_assert_uint_eq(utf8_decode(s, len, &got), bytes);
	ck_assert_msg(got == cp, "U+%04X, want U+%04X", (unsigned)got, (unsigned)cp);
}

START_TEST(decode_valid_and_invalid)
{
	expect_decode("A", 1, 'A', 1);
	expect_decode("\xc3\xa9", 2, 0xe9, 2);			/* é */
	expect_decode("\xe2\x80\xa6", 3, 0x2026, 3);		/* … */
	expect_decode("\xf0\x9f\x98\x80", 4, 0x1f600, 4);	/* 😀 */
	expect_decode("\xc0\xaf", 2, 0xfffd, 1);		/* overlong '/' */
	expect_decode("\xed\xa0\x80", 3, 0xfffd, 1);		/* a surrogate */
	expect_decode("\xe2\x80", 2, 0xfffd, 1);		/* truncated */
	expect_decode("\xff", 1, 0xfffd, 1);
	expect_decode("\xc3\xa9", 1, 0xfffd, 1);		/* cut by len */
}
END_TEST

START_TEST(widths)
{
	ck_assert_int_eq(utf8_char_width('a'), 1);
	ck_assert_int_eq(utf8_char_width(0x4e2d), 2);	/* 中 */
	ck_assert_int_eq(utf8_char_width(0x1f600), 2);
	ck_assert_int_eq(utf8_char_width(0x301), 0);	/* combining acute */
	ck_assert_int_eq(utf8_char_width(0x200b), 0);	/* zero-width space */
	ck_assert_uint_eq(utf8_width("Jerry Burger"), 12);
	ck_assert_uint_eq(utf8_width("\xe4\xb8\xad\xe6\x96\x87"), 4);	/* 中文 */
	ck_assert_uint_eq(utf8_width("e\xcc\x81t\xc3\xa9"), 3);	/* é as e + mark, then é */
	ck_assert_uint_eq(utf8_width("a\tb\xff"), 4);
	ck_assert_uint_eq(utf8_width(""), 0);
}
END_TEST

static void expect_cut(const char *s, size_t width, const char *want)
{
	char *got = utf8_cut(s, width);

	ck_assert_str_eq(got, want);
	ck_assert_uint_le(utf8_width(got), width);
	free(got);
}

START_TEST(cut_to_a_width)
{
	expect_cut("Printer offline", 20, "Printer offline");
	expect_cut("Printer offline", 15, "Printer offline");
	expect_cut("Printer offline", 8, "Printe" "r" UTF8_ELLIPSIS);
	expect_cut("Printer offline", 1, UTF8_ELLIPSIS);
	expect_cut("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", 4, "\xe4\xb8\xad" UTF8_ELLIPSIS);
	expect_cut("cafe\xcc\x81s", 5, "cafe\xcc\x81s");	/* the mark stays with its e */
	expect_cut("cafe\xcc\x81s!", 5, "cafe\xcc\x81" UTF8_ELLIPSIS);
	expect_cut("a\nb\x1b[2Jc", 20, "a b [2Jc");
	expect_cut("bad\xff", 20, "bad\xef\xbf\xbd");
}
END_TEST

START_TEST(safe_text_for_a_terminal)
{
	struct sbuf sb = SBUF_INIT;

	utf8_add_safe(&sb, "line 1\r\nline 2\t\x1b]0;title\x07\xc2\x9b" "end", SAFE_LINES);
	ck_assert_str_eq(sb.buf, "line 1\nline 2\t ]0;title  end");
	sbuf_reset(&sb);
	utf8_add_safe(&sb, "line 1\r\nline 2\tx", SAFE_ONE_LINE);
	ck_assert_str_eq(sb.buf, "line 1  line 2 x");
	sbuf_reset(&sb);
	/* U+202E reverses what follows: dropped; U+2028 is a control. */
	utf8_add_safe(&sb, "abc\xe2\x80\xae" "def\xe2\x80\xa8g", SAFE_LINES);
	ck_assert_str_eq(sb.buf, "abcdef g");
	ck_assert(utf8_is_bidi_control(0x202e));
	ck_assert(utf8_is_bidi_control(0x2066));
	ck_assert(!utf8_is_bidi_control(0x2028));
	sbuf_release(&sb);
}
END_TEST

START_TEST(wrap_at_spaces)
{
	struct sbuf sb = SBUF_INIT;

	utf8_add_wrapped(&sb, "one two three four\nfive", "  ", 10);
	ck_assert_str_eq(sb.buf, "  one two\n  three\n  four\n  five\n");
	sbuf_reset(&sb);
	utf8_add_wrapped(&sb, "a supercalifragilistic b", "", 8);
	ck_assert_str_eq(sb.buf, "a\nsupercalifragilistic\nb\n");
	sbuf_reset(&sb);
	utf8_add_wrapped(&sb, "no wrapping at all here", "> ", 0);
	ck_assert_str_eq(sb.buf, "> no wrapping at all here\n");
	sbuf_release(&sb);
}
END_TEST

static Suite *utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("utf8");

	tcase_add_test(tc, decode_valid_and_invalid);
	tcase_add_test(tc, widths);
	tcase_add_test(tc, cut_to_a_width);
	tcase_add_test(tc, safe_text_for_a_terminal);
	tcase_add_test(tc, wrap_at_spaces);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(utf8_suite)
