#include "compat.h"
#include <time.h>
#include "date.h"
#include "output.h"
#include "table.h"
#include "utf8.h"
#include "unit.h"
#include "unit-tty.h"

#define CAFE_DECOMPOSED "cafe\xcc\x81"		/* e + U+0301 COMBINING ACUTE */
#define NIHONGO "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"	/* 日本語 */
#define THUMBS_UP "\xf0\x9f\x91\x8d"			/* U+1F44D */

static void clean_env(void)
{
	unsetenv("COLUMNS");
	unsetenv("SYNCRO_COLOR");
	unsetenv("NO_COLOR");
	unsetenv("TERM");
	unsetenv("SYNCRO_TEST_NOW");
	setenv("TZ", "UTC", 1);
	tzset();
}

START_TEST(width_of_ascii_accented_cjk_emoji_combining)
{
	ck_assert_uint_eq(utf8_width(""), 0);
	ck_assert_uint_eq(utf8_width("Jerry Burger"), 12);
	ck_assert_uint_eq(utf8_width("caf\xc3\xa9"), 4);		/* precomposed é */
	ck_assert_uint_eq(utf8_width(CAFE_DECOMPOSED), 4);
	ck_assert_uint_eq(utf8_width(NIHONGO), 6);
	ck_assert_uint_eq(utf8_width("\xed\x95\x9c\xea\xb5\xad"), 4);	/* 한국 */
	ck_assert_uint_eq(utf8_width(THUMBS_UP " ok"), 5);
	ck_assert_uint_eq(utf8_width("a\xe2\x80\x8b" "b"), 2);	/* zero-width space */
	ck_assert_uint_eq(utf8_width("\xef\xbc\xa1"), 2);		/* fullwidth A */
	ck_assert_uint_eq(utf8_width("a\tb\n"), 4);		/* controls show as spaces */
	ck_assert_uint_eq(utf8_width("\xff" "a\xc3"), 3);		/* invalid bytes: 1 each */
}
END_TEST

START_TEST(decode_rejects_malformed_sequences)
{
	uint32_t cp;

	ck_assert_uint_eq(utf8_decode("\xc3\xa9", 2, &cp), 2);
	ck_assert_uint_eq(cp, 0xE9);
	ck_assert_uint_eq(utf8_decode(THUMBS_UP, 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x1F44D);
	ck_assert_uint_eq(utf8_decode("\xc0\xaf", 2, &cp), 1);	/* overlong '/' */
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(utf8_decode("\xed\xa0\x80", 3, &cp), 1);	/* surrogate */
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(utf8_decode("\xe6\x97", 2, &cp), 1);	/* truncated */
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(utf8_decode("\x80", 1, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
}
END_TEST

static void assert_cut(const char *s, size_t width, const char *want, size_t want_width)
{
	struct sbuf sb = SBUF_INIT;
	size_t got = utf8_add_cut(&sb, s, width);

	ck_assert_str_eq(sb.buf, want);
	ck_assert_uint_eq(got, want_width);
	ck_assert_uint_eq(utf8_width(sb.buf), want_width);
	sbuf_release(&sb);
}

START_TEST(cut_with_ellipsis_at_exact_widths)
{
	char *s;

	assert_cut("Own cloud thing again", 21, "Own cloud thing again", 21);
	assert_cut("Own cloud thing again", 20, "Own cloud thing aga\xe2\x80\xa6", 20);
	assert_cut("Own cloud thing again", 10, "Own cloud\xe2\x80\xa6", 10);
	assert_cut("Own cloud thing again", 1, "\xe2\x80\xa6", 1);
	assert_cut("Own cloud thing again", 0, "", 0);
	assert_cut("", 5, "", 0);
	/* A wide character that would straddle the limit is left out whole. */
	assert_cut(NIHONGO "!", 7, NIHONGO "!", 7);
	assert_cut(NIHONGO "!", 6, "\xe6\x97\xa5\xe6\x9c\xac\xe2\x80\xa6", 5);
	assert_cut(NIHONGO "!", 5, "\xe6\x97\xa5\xe6\x9c\xac\xe2\x80\xa6", 5);
	assert_cut(THUMBS_UP THUMBS_UP, 3, THUMBS_UP "\xe2\x80\xa6", 3);
	/* A combining mark stays with its letter. */
	assert_cut(CAFE_DECOMPOSED "s", 5, CAFE_DECOMPOSED "s", 5);
	assert_cut(CAFE_DECOMPOSED "s", 4, "caf\xe2\x80\xa6", 4);
	assert_cut("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, "e\xcc\x81\xe2\x80\xa6", 2);
	/* No escape or newline from the API reaches the terminal. */
	assert_cut("a\nb\033[31mc", 20, "a b [31mc", 9);
	assert_cut("bad\xff", 4, "bad\xef\xbf\xbd", 4);

	s = utf8_cut("Printer offline in front office", 8);
	ck_assert_str_eq(s, "Printer\xe2\x80\xa6");
	free(s);
}
END_TEST

static struct table *demo_tickets(void)
{
	static const char *const tickets[] = {
		"{\"number\":32164,\"status\":\"New\",\"customer_business_then_name\":"
		"\"Jerry Burger\",\"subject\":\"Own cloud thing again\"}",
		"{\"number\":32163,\"status\":\"New\",\"customer_business_then_name\":"
		"\"LeeAnn Parkinson\",\"subject\":\"Remote - Jim cant access his email\"}",
		"{\"number\":\"32161\",\"status\":\"In Progress\",\"customer_business_then_name\":"
		"\"Desert Sun Dental\",\"subject\":\"Printer offline in front office\"}",
		"{\"number\":32150,\"status\":\"Waiting on Customer\",\"customer_business_then_name\":"
		"\"Rancho Cucamonga Animal Hospital\",\"subject\":\"Backup \xe6\x97\xa5\xe6\x9c\xac failed\"}",
	};
	struct table *t = ticket_table_new();

	for (size_t i = 0; i < ARRAY_SIZE(tickets); i++) {
		cJSON *tk = cJSON_Parse(tickets[i]);

		ck_assert_ptr_nonnull(tk);
		ticket_table_add(t, tk);
		cJSON_Delete(tk);
	}
	return t;
}

static void assert_render(const struct table *t, size_t width, int color, const char *want)
{
	struct sbuf sb = SBUF_INIT;

	table_render(t, &sb, width, color);
	ck_assert_str_eq(sb.buf, want);
	sbuf_release(&sb);
}

static void assert_safe(const char *in, enum safe_text how, const char *want)
{
	struct sbuf sb = SBUF_INIT;

	utf8_add_safe(&sb, in, how);
	ck_assert_str_eq(sb.buf, want);
	sbuf_release(&sb);
}

START_TEST(safe_text_has_no_control_characters)
{
	/* ESC, BEL, DEL, C1 CSI (U+009B) and a raw 0x9b byte: one space or U+FFFD each. */
	assert_safe("a\033]0;t\007b\033[2Jc\177d\xc2\x9b" "1m\x9b" "e", SAFE_LINES,
		    "a ]0;t b [2Jc d 1m\xef\xbf\xbd" "e");
	assert_safe("one\r\ntwo\tcol\rthree\n", SAFE_LINES, "one\ntwo\tcol three\n");
	assert_safe("one\r\ntwo\tcol\n", SAFE_ONE_LINE, "one  two col ");
	assert_safe("caf\xc3\xa9 \xe4\xb8\xad", SAFE_ONE_LINE, "caf\xc3\xa9 \xe4\xb8\xad");
	assert_safe("", SAFE_LINES, "");
}
END_TEST

START_TEST(ticket_rows_without_a_limit)
{
	struct table *t = demo_tickets();

	ck_assert_uint_eq(table_rows(t), 4);
	/* The customer column stops at 24 columns; the subject is never padded. */
	assert_render(t, 0, 0,
		"#32164  New                  Jerry Burger              Own cloud thing again\n"
		"#32163  New                  LeeAnn Parkinson          Remote - Jim cant access his email\n"
		"#32161  In Progress          Desert Sun Dental         Printer offline in front office\n"
		"#32150  Waiting on Customer  Rancho Cucamonga Animal\xe2\x80\xa6  Backup \xe6\x97\xa5\xe6\x9c\xac failed\n");
	table_free(t);
}
END_TEST

START_TEST(ticket_rows_cut_to_80_and_40_columns)
{
	struct table *t = demo_tickets();

	/* 80: only the subject gives way (6+2+19+2+24+2 = 55, so 25 left). */
	assert_render(t, 80, 0,
		"#32164  New                  Jerry Burger              Own cloud thing again\n"
		"#32163  New                  LeeAnn Parkinson          Remote - Jim cant access\xe2\x80\xa6\n"
		"#32161  In Progress          Desert Sun Dental         Printer offline in front\xe2\x80\xa6\n"
		"#32150  Waiting on Customer  Rancho Cucamonga Animal\xe2\x80\xa6  Backup \xe6\x97\xa5\xe6\x9c\xac failed\n");
	/*
	 * 40: the subject keeps 12, then the customer shrinks to its 8, then
	 * the status takes the rest: 6+2+8+2+8+2+12 = 40.
	 */
	assert_render(t, 40, 0,
		"#32164  New       Jerry B\xe2\x80\xa6  Own cloud t\xe2\x80\xa6\n"
		"#32163  New       LeeAnn \xe2\x80\xa6  Remote - Ji\xe2\x80\xa6\n"
		"#32161  In Prog\xe2\x80\xa6  Desert \xe2\x80\xa6  Printer off\xe2\x80\xa6\n"
		"#32150  Waiting\xe2\x80\xa6  Rancho \xe2\x80\xa6  Backup \xe6\x97\xa5\xe6\x9c\xac\xe2\x80\xa6\n");
	table_free(t);
}
END_TEST

START_TEST(every_line_fits_the_width)
{
	struct table *t = demo_tickets();

	for (size_t width = 20; width <= 100; width++) {
		struct sbuf sb = SBUF_INIT;
		char *line, *save = NULL;

		table_render(t, &sb, width, 0);
		for (line = strtok_r(sb.buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
			ck_assert_uint_le(utf8_width(line), width);
		sbuf_release(&sb);
	}
	table_free(t);
}
END_TEST

START_TEST(table_alignment_and_missing_cells)
{
	struct table *t = table_new(3);

	table_set_align(t, 0, TABLE_RIGHT);
	table_add_row(t, NULL);
	table_add_cell(t, "7");
	table_add_cell(t, "Sam Ortega");
	table_add_cell(t, "");
	table_add_row(t, NULL);
	table_add_cellf(t, "%d", 74571);
	table_add_cell(t, "Mike");
	table_add_cell(t, "admin");
	table_add_row(t, NULL);
	table_add_cell(t, "");
	/* No trailing blanks, right-aligned numbers, empty cells keep their place. */
	assert_render(t, 0, 0,
		"    7  Sam Ortega\n"
		"74571  Mike        admin\n"
		"\n");
	table_free(t);
}
END_TEST

START_TEST(table_colour_on_and_off)
{
	cJSON *tk = cJSON_Parse("{\"number\":32161,\"status\":\"In Progress\","
				"\"customer_business_then_name\":\"Desert Sun Dental\",\"subject\":\"Printer\"}");
	struct table *t = ticket_table_new();

	ticket_table_add(t, tk);
	table_add_row(t, COLOR_BOLD);
	table_add_cell(t, "#1");
	table_add_cell(t, "Odd");
	table_add_colored(t, COLOR_RED, "Acme");
	table_add_cell(t, "");
	assert_render(t, 0, 0,
		"#32161  In Progress  Desert Sun Dental  Printer\n"
		"#1      Odd          Acme\n");
	/* Escapes take no columns: the padding stays outside them. */
	assert_render(t, 0, 1,
		"#32161  \033[36mIn Progress\033[m  Desert Sun Dental  Printer\n"
		"\033[1m#1\033[m      \033[1mOdd\033[m          \033[31mAcme\033[m\n");
	table_free(t);
	cJSON_Delete(tk);
}
END_TEST

START_TEST(status_colours)
{
	ck_assert_str_eq(status_color("New"), COLOR_BOLD_YELLOW);
	ck_assert_str_eq(status_color("in progress"), COLOR_CYAN);
	ck_assert_str_eq(status_color("Waiting for Parts"), COLOR_MAGENTA);
	ck_assert_str_eq(status_color("Waiting on Customer"), COLOR_MAGENTA);
	ck_assert_str_eq(status_color("Scheduled"), COLOR_BLUE);
	ck_assert_str_eq(status_color("Customer Reply"), COLOR_BOLD_RED);
	ck_assert_str_eq(status_color("Resolved"), COLOR_GREEN);
	ck_assert_str_eq(status_color("Invoiced"), COLOR_DIM);
	ck_assert_ptr_null(status_color("Something Custom"));
	ck_assert_ptr_null(status_color(NULL));
}
END_TEST

START_TEST(columns_from_env_tty_or_none)
{
	struct test_tty tty;
	int saved;

	clean_env();
	ck_assert_uint_eq(term_columns(), 0);	/* stdout is not a terminal here */
	setenv("COLUMNS", "40", 1);
	ck_assert_uint_eq(term_columns(), 40);
	test_tty_open(&tty, 123);
	saved = test_tty_attach(&tty, STDOUT_FILENO);
	ck_assert_uint_eq(term_columns(), 40);	/* COLUMNS wins */
	setenv("COLUMNS", "wide", 1);
	ck_assert_uint_eq(term_columns(), 123);
	setenv("COLUMNS", "-5", 1);
	ck_assert_uint_eq(term_columns(), 123);
	unsetenv("COLUMNS");
	ck_assert_uint_eq(term_columns(), 123);
	test_tty_detach(STDOUT_FILENO, saved);
	ck_assert_uint_eq(term_columns(), 0);
	test_tty_close(&tty);
}
END_TEST

START_TEST(colour_only_on_a_terminal)
{
	struct test_tty tty;
	int saved;

	clean_env();
	ck_assert_int_eq(color_enabled(), 0);
	setenv("SYNCRO_COLOR", "always", 1);
	ck_assert_int_eq(color_enabled(), 1);
	test_tty_open(&tty, 80);
	saved = test_tty_attach(&tty, STDOUT_FILENO);
	setenv("SYNCRO_COLOR", "never", 1);
	ck_assert_int_eq(color_enabled(), 0);
	unsetenv("SYNCRO_COLOR");
	ck_assert_int_eq(color_enabled(), 1);
	setenv("NO_COLOR", "", 1);		/* empty does not count */
	ck_assert_int_eq(color_enabled(), 1);
	setenv("NO_COLOR", "1", 1);
	ck_assert_int_eq(color_enabled(), 0);
	unsetenv("NO_COLOR");
	setenv("TERM", "dumb", 1);
	ck_assert_int_eq(color_enabled(), 0);
	test_tty_detach(STDOUT_FILENO, saved);
	test_tty_close(&tty);
}
END_TEST

/* Read a whole small file; the caller frees the text. */
static char *slurp(const char *path)
{
	struct sbuf sb = SBUF_INIT;

	ck_assert_int_eq(sbuf_read_file(&sb, path), 0);
	return sbuf_detach(&sb, NULL);
}

START_TEST(json_on_stdout_two_spaces)
{
	cJSON *v = cJSON_Parse("{\"ticket\":{\"number\":32164,\"tags\":[],"
			       "\"comments\":[{\"hidden\":true}]}}");
	char out[] = "/tmp/syncro-json-XXXXXX";
	int fd = mkstemp(out), saved = dup(STDOUT_FILENO);
	char *got;

	ck_assert_int_ge(fd, 0);
	dup2(fd, STDOUT_FILENO);
	output_json(v);
	output_json(NULL);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	close(fd);
	got = slurp(out);
	ck_assert_str_eq(got,
		"{\n"
		"  \"ticket\": {\n"
		"    \"number\": 32164,\n"
		"    \"tags\": [],\n"
		"    \"comments\": [\n"
		"      {\n"
		"        \"hidden\": true\n"
		"      }\n"
		"    ]\n"
		"  }\n"
		"}\n"
		"null\n");
	free(got);
	unlink(out);
	cJSON_Delete(v);
}
END_TEST

START_TEST(dates_local_and_relative)
{
	const time_t t = 1795874701;	/* 2026-11-28 14:05:01 UTC */
	struct sbuf sb = SBUF_INIT;

	clean_env();
	date_add_local(&sb, t);
	ck_assert_str_eq(sb.buf, "2026-11-28 14:05");
	sbuf_reset(&sb);
	setenv("TZ", "MST7", 1);	/* UTC-7 without the tz database */
	tzset();
	date_add_local(&sb, t);
	ck_assert_str_eq(sb.buf, "2026-11-28 07:05");
	clean_env();

	setenv("SYNCRO_TEST_NOW", "1795874701", 1);
	ck_assert_int_eq(date_now(), t);
	{
		static const struct {
			long long ago;
			const char *want;
		} cases[] = {
			{ 0, "just now" }, { 59, "just now" }, { -30, "just now" },
			{ 60, "1 minute ago" }, { 3599, "59 minutes ago" },
			{ 7200, "2 hours ago" }, { 3 * 86400 + 5, "3 days ago" },
			{ 61LL * 86400, "2 months ago" }, { 400LL * 86400, "1 year ago" },
			{ -3 * 86400, "in 3 days" }, { -3600, "in 1 hour" },
		};

		for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
			sbuf_reset(&sb);
			date_add_relative(&sb, t - (time_t)cases[i].ago);
			ck_assert_str_eq(sb.buf, cases[i].want);
		}
	}
	setenv("SYNCRO_TEST_NOW", "soon", 1);	/* not a number: the clock */
	ck_assert_int_gt(date_now(), t - 10 * 365 * 86400LL);
	sbuf_release(&sb);
}
END_TEST

START_TEST(pager_only_on_a_terminal)
{
	char dir[] = "/tmp/syncro-pager-XXXXXX", out[256], cmd[512];
	struct test_tty tty;
	char *got;
	int saved;

	clean_env();
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(out, sizeof(out), "%s/paged", dir);
	snprintf(cmd, sizeof(cmd), "sed 's/^/paged: /' >'%s'", out);
	setenv("PAGER", cmd, 1);

	pager_start();			/* stdout is not a terminal: nothing */
	ck_assert_int_eq(access(out, F_OK), -1);

	test_tty_open(&tty, 77);
	saved = test_tty_attach(&tty, STDOUT_FILENO);
	setenv("PAGER", "cat", 1);	/* cat and empty mean no pager */
	pager_start();
	setenv("PAGER", "", 1);
	pager_start();
	ck_assert_int_eq(isatty(STDOUT_FILENO), 1);

	setenv("PAGER", cmd, 1);
	pager_start();
	ck_assert_int_eq(isatty(STDOUT_FILENO), 0);
	ck_assert_uint_eq(term_columns(), 77);	/* the terminal's, not the pipe's */
	ck_assert_int_eq(color_enabled(), 1);
	printf("#32164  New\n#32163  New\n");
	pager_stop();
	ck_assert_int_eq(isatty(STDOUT_FILENO), 1);	/* the terminal again */
	got = slurp(out);
	ck_assert_str_eq(got, "paged: #32164  New\npaged: #32163  New\n");
	free(got);

	test_tty_detach(STDOUT_FILENO, saved);
	test_tty_close(&tty);
	unlink(out);
	rmdir(dir);
}
END_TEST

static void check_wrapped(const char *text, size_t width, const char *want)
{
	struct sbuf sb = SBUF_INIT;

	utf8_add_wrapped(&sb, text, "    ", width);
	ck_assert_str_eq(sb.buf, want);
	sbuf_release(&sb);
}

START_TEST(wrapped_at_spaces_never_mid_word)
{
	check_wrapped("short", 20, "    short\n");
	check_wrapped("one two three four five", 0, "    one two three four five\n");
	check_wrapped("one two three four five", 14, "    one two\n    three four\n    five\n");
	/* a word wider than the room has its own line, whole */
	check_wrapped("see https://example.com/a/very/long/path now", 20,
		      "    see\n    https://example.com/a/very/long/path\n    now\n");
	/* lines stay lines; widths count columns, not bytes */
	check_wrapped("a b\n" NIHONGO " " NIHONGO, 12, "    a b\n    " NIHONGO "\n    " NIHONGO "\n");
	check_wrapped("", 10, "");
}
END_TEST

static Suite *output_suite(void)
{
	Suite *s = suite_create("output");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, width_of_ascii_accented_cjk_emoji_combining);
	tcase_add_test(tc, decode_rejects_malformed_sequences);
	tcase_add_test(tc, cut_with_ellipsis_at_exact_widths);
	tcase_add_test(tc, wrapped_at_spaces_never_mid_word);
	tcase_add_test(tc, safe_text_has_no_control_characters);
	tcase_add_test(tc, ticket_rows_without_a_limit);
	tcase_add_test(tc, ticket_rows_cut_to_80_and_40_columns);
	tcase_add_test(tc, every_line_fits_the_width);
	tcase_add_test(tc, table_alignment_and_missing_cells);
	tcase_add_test(tc, table_colour_on_and_off);
	tcase_add_test(tc, status_colours);
	tcase_add_test(tc, columns_from_env_tty_or_none);
	tcase_add_test(tc, colour_only_on_a_terminal);
	tcase_add_test(tc, json_on_stdout_two_spaces);
	tcase_add_test(tc, dates_local_and_relative);
	tcase_add_test(tc, pager_only_on_a_terminal);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(output_suite)
