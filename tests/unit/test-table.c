#include "compat.h"
#include "output.h"
#include "table.h"
#include "unit.h"
#include "xmalloc.h"

/* What fn(t) writes to stdout, with COLUMNS=columns ("" for none). */
static char *captured(void (*fn)(struct table *), struct table *t, const char *columns)
{
	FILE *tmp = tmpfile();
	int saved = dup(STDOUT_FILENO);
	char *text = xcalloc(1, 4096);

	ck_assert_ptr_nonnull(tmp);
	setenv("SYNCRO_COLOR", "never", 1);
	if (*columns)
		setenv("COLUMNS", columns, 1);
	else
		unsetenv("COLUMNS");
	fflush(stdout);
	dup2(fileno(tmp), STDOUT_FILENO);
	fn(t);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	rewind(tmp);
	ck_assert_uint_lt(fread(text, 1, 4095, tmp), 4095);
	fclose(tmp);
	return text;
}

static void print(struct table *t)
{
	table_print(t);
}

static struct table *three_columns(void)
{
	struct table *t = table_new(3);

	table_set_max(t, 1, 8);
	return t;
}

static void add(struct table *t, const char *a, const char *b, const char *c)
{
	table_add_row(t, NULL);
	table_add_cell(t, a);
	table_add_cell(t, b);
	table_add_cell(t, c);
}

START_TEST(flush_keeps_the_first_widths)
{
	struct table *t = three_columns();
	char *out;

	table_reserve(t, 0, 5);
	add(t, "a", "bb", "first subject");
	out = captured(table_flush, t, "");
	ck_assert_str_eq(out, "a      bb  first subject\n");
	free(out);
	ck_assert_uint_eq(table_rows(t), 0);
	/* Wider cells later are cut to the widths of the first flush. */
	add(t, "abcdefg", "bbbb", "second");
	out = captured(print, t, "");
	ck_assert_str_eq(out, "abcd\xe2\x80\xa6  b\xe2\x80\xa6  second\n");
	free(out);
	table_free(t);
}
END_TEST

START_TEST(fill_takes_the_terminal_or_no_limit)
{
	struct table *t = three_columns();
	char *out;

	/* The middle column fills up to its maximum, the last the rest of the line. */
	table_reserve(t, 1, TABLE_FILL);
	table_reserve(t, 2, TABLE_FILL);
	add(t, "#1", "New", "a subject long enough to be cut");
	out = captured(table_flush, t, "30");
	ck_assert_str_eq(out, "#1  New       a subject long \xe2\x80\xa6\n");
	free(out);
	add(t, "#2", "Scheduled", "short");
	out = captured(table_flush, t, "");
	ck_assert_str_eq(out, "#2  Schedul\xe2\x80\xa6  short\n");
	free(out);
	table_free(t);

	/* Without a terminal nothing is cut, however long. */
	t = three_columns();
	table_reserve(t, 2, TABLE_FILL);
	add(t, "#1", "New", "a subject long enough to be cut anywhere else");
	out = captured(table_flush, t, "");
	ck_assert_str_eq(out, "#1  New  a subject long enough to be cut anywhere else\n");
	free(out);
	table_free(t);
}
END_TEST

START_TEST(print_without_flush_is_unchanged)
{
	struct table *t = three_columns();
	struct sbuf sb = SBUF_INIT;
	char *out;

	add(t, "#1", "New", "one");
	add(t, "#22", "Scheduled", "two");
	table_render(t, &sb, 0, 0);
	out = captured(print, t, "");
	ck_assert_str_eq(out, sb.buf);
	ck_assert_str_eq(out, "#1   New       one\n#22  Schedul\xe2\x80\xa6  two\n");
	free(out);
	sbuf_release(&sb);
	table_free(t);
}
END_TEST

static Suite *table_suite(void)
{
	Suite *s = suite_create("table");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, flush_keeps_the_first_widths);
	tcase_add_test(tc, fill_takes_the_terminal_or_no_limit);
	tcase_add_test(tc, print_without_flush_is_unchanged);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(table_suite)
