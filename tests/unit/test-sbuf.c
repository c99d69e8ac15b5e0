#include "compat.h"
#include <signal.h>
#include <sys/wait.h>
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

/* BUG() names the file and line, then aborts: a core, never exit 1 like a user's error. */
START_TEST(setlen_beyond_the_buffer_is_a_bug)
{
	char msg[512] = "";
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (!pid) {
		struct sbuf sb = SBUF_INIT;

		dup2(fds[1], STDERR_FILENO);
		sbuf_addstr(&sb, "abc");
		sbuf_setlen(&sb, sb.alloc + 1);
		_exit(0);
	}
	close(fds[1]);
	n = read(fds[0], msg, sizeof(msg) - 1);
	close(fds[0]);
	ck_assert_int_gt(n, 0);
	msg[n] = '\0';
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFSIGNALED(status));
	ck_assert_int_eq(WTERMSIG(status), SIGABRT);
	ck_assert_msg(starts_with(msg, "syncro: BUG: ") && strstr(msg, "sbuf.c:") &&
		      strstr(msg, ": sbuf_setlen beyond the buffer\n"), "got '%s'", msg);
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
	tcase_add_test(tc, setlen_beyond_the_buffer_is_a_bug);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(sbuf_suite)
