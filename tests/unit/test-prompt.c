#include "compat.h"
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include "draft.h"
#include "exit-codes.h"
#include "editor.h"
#include "prompt.h"
#include "quote.h"
#include "unit.h"
#include "unit-home.h"
#include "unit-run.h"
#include "unit-tty.h"

static char *slurp(const char *path)
{
	struct sbuf sb = SBUF_INIT;

	ck_assert_int_eq(sbuf_read_file(&sb, path), 0);
	return sbuf_detach(&sb, NULL);
}

/* stderr into a file, to compare what a prompt or hint printed. */
struct capture {
	char path[64];
	int saved;
};

static void capture_start(struct capture *c)
{
	int fd;

	snprintf(c->path, sizeof(c->path), "/tmp/syncro-stderr-XXXXXX");
	fd = mkstemp(c->path);
	ck_assert_int_ge(fd, 0);
	fflush(stderr);
	c->saved = dup(STDERR_FILENO);
	dup2(fd, STDERR_FILENO);
	close(fd);
}

/* The captured text; the caller frees it. */
static char *capture_end(struct capture *c)
{
	char *text;

	fflush(stderr);
	dup2(c->saved, STDERR_FILENO);
	close(c->saved);
	text = slurp(c->path);
	unlink(c->path);
	return text;
}

/* stdin from a terminal on which the "user" has typed input. */
static int type_on_tty(struct test_tty *tty, const char *input)
{
	test_tty_open(tty, 80);
	ck_assert_int_eq(write(tty->master, input, strlen(input)), (ssize_t)strlen(input));
	return test_tty_attach(tty, STDIN_FILENO);
}

static void stdin_from_null(void)
{
	int fd = open("/dev/null", O_RDONLY);

	ck_assert_int_ge(fd, 0);
	dup2(fd, STDIN_FILENO);
	close(fd);
}

START_TEST(no_prompt_without_a_terminal)
{
	struct strvec items = STRVEC_INIT;
	struct capture cap;
	char *answer = NULL, *err;
	size_t index;
	int yes = -1;

	stdin_from_null();
	capture_start(&cap);
	ck_assert_int_eq(prompt_can_ask(), 0);
	ck_assert_int_eq(prompt_line("Minutes", "60", &answer), PROMPT_NO_TTY);
	ck_assert_int_eq(prompt_yes_no("Charge it?", 1, &yes), PROMPT_NO_TTY);
	strvec_push(&items, "Jerry Burger");
	ck_assert_int_eq(prompt_choose("Customer", &items, &index), PROMPT_NO_TTY);
	err = capture_end(&cap);
	ck_assert_str_eq(err, "");		/* not even the question */
	ck_assert_ptr_null(answer);
	ck_assert_int_eq(yes, -1);
	free(err);
	strvec_clear(&items);
}
END_TEST

struct missing {
	const char *option;
	int on_tty, disable;
};

static void call_die_missing(void *arg)
{
	const struct missing *m = arg;
	struct test_tty tty;

	if (m->on_tty)
		type_on_tty(&tty, "");
	else
		stdin_from_null();
	if (m->disable)
		prompt_disable();
	prompt_die_missing(m->option);
}

static void assert_missing(const char *option, int on_tty, int disable, const char *want)
{
	struct missing m = { option, on_tty, disable };
	struct sbuf err = SBUF_INIT;

	ck_assert_int_eq(run_in_child(call_die_missing, &m, &err), EXIT_USAGE);
	ck_assert_str_eq(err.buf, want);
	sbuf_release(&err);
}

START_TEST(missing_value_names_the_option)
{
	assert_missing("--minutes", 0, 0, "syncro: missing --minutes; pass it or run on a terminal\n");
	assert_missing("--customer", 1, 1,
		       "syncro: missing --customer; pass it (prompts are off with --no-input)\n");
	assert_missing("--labor", 1, 0, "syncro: missing --labor; pass it or answer the prompt\n");
}
END_TEST

START_TEST(prompt_line_with_default)
{
	struct test_tty tty;
	struct capture cap;
	char *a = NULL, *b = NULL, *c = NULL, *err;
	int saved = type_on_tty(&tty, "  45 \n\n\n\nremote\n");

	capture_start(&cap);
	ck_assert_int_eq(prompt_can_ask(), 1);
	ck_assert_int_eq(prompt_line("Minutes", "60", &a), PROMPT_OK);
	ck_assert_int_eq(prompt_line("Minutes", "60", &b), PROMPT_OK);
	ck_assert_int_eq(prompt_line("Labor", NULL, &c), PROMPT_OK);	/* asks until answered */
	err = capture_end(&cap);
	ck_assert_str_eq(a, "45");
	ck_assert_str_eq(b, "60");
	ck_assert_str_eq(c, "remote");
	ck_assert_str_eq(err, "Minutes [60]: Minutes [60]: Labor: Labor: Labor: ");
	free(a);
	free(b);
	free(c);
	free(err);
	test_tty_detach(STDIN_FILENO, saved);
	test_tty_close(&tty);
}
END_TEST

START_TEST(prompt_end_of_input_and_disable)
{
	struct test_tty tty;
	struct capture cap;
	char *a = NULL, *err;
	int saved = type_on_tty(&tty, "\004");	/* ^D */

	capture_start(&cap);
	ck_assert_int_eq(prompt_line("Subject", NULL, &a), PROMPT_EOF);
	prompt_disable();
	ck_assert_int_eq(prompt_can_ask(), 0);
	ck_assert_int_eq(prompt_line("Subject", NULL, &a), PROMPT_NO_TTY);
	err = capture_end(&cap);
	ck_assert_ptr_null(a);
	ck_assert_str_eq(err, "Subject: \n");
	free(err);
	test_tty_detach(STDIN_FILENO, saved);
	test_tty_close(&tty);
}
END_TEST

START_TEST(yes_no_asks_until_understood)
{
	struct test_tty tty;
	struct capture cap;
	int saved = type_on_tty(&tty, "maybe\nYes\n\nn\n");
	int a = -1, b = -1, c = -1;
	char *err;

	capture_start(&cap);
	ck_assert_int_eq(prompt_yes_no("Charge 2 timers?", 0, &a), PROMPT_OK);
	ck_assert_int_eq(prompt_yes_no("Charge 2 timers?", 0, &b), PROMPT_OK);
	ck_assert_int_eq(prompt_yes_no("Set Invoiced?", 1, &c), PROMPT_OK);
	err = capture_end(&cap);
	ck_assert_int_eq(a, 1);
	ck_assert_int_eq(b, 0);		/* empty: the default */
	ck_assert_int_eq(c, 0);
	ck_assert_str_eq(err, "Charge 2 timers? [y/N]: please answer y or n\n"
			 "Charge 2 timers? [y/N]: Charge 2 timers? [y/N]: Set Invoiced? [Y/n]: ");
	free(err);
	test_tty_detach(STDIN_FILENO, saved);
	test_tty_close(&tty);
}
END_TEST

START_TEST(choose_one_of_several)
{
	struct strvec items = STRVEC_INIT;
	struct test_tty tty;
	struct capture cap;
	int saved = type_on_tty(&tty, "0\nthree\n2\n");
	size_t index = 99;
	char *err;

	strvec_push(&items, "Jerry Burger (id 1001)");
	strvec_push(&items, "Jerry's Garage (id 1002)");
	strvec_push(&items, "Jerome Kline (id 1003)");
	capture_start(&cap);
	ck_assert_int_eq(prompt_choose("Customer", &items, &index), PROMPT_OK);
	err = capture_end(&cap);
	ck_assert_uint_eq(index, 1);
	ck_assert_str_eq(err,
		"   1) Jerry Burger (id 1001)\n"
		"   2) Jerry's Garage (id 1002)\n"
		"   3) Jerome Kline (id 1003)\n"
		"Customer [1-3, or type to narrow]: please answer a number from 1 to 3\n"
		"Customer [1-3, or type to narrow]: nothing matches 'three'; answer a number from 1 to 3\n"
		"Customer [1-3, or type to narrow]: ");
	free(err);
	strvec_clear(&items);
	test_tty_detach(STDIN_FILENO, saved);
	test_tty_close(&tty);
}
END_TEST

START_TEST(choose_by_typing_part_of_a_name)
{
	struct strvec items = STRVEC_INIT;
	struct test_tty tty;
	struct capture cap;
	int saved = type_on_tty(&tty, "jerr\ngarage\n");
	size_t index = 99;
	char *err;

	strvec_push(&items, "Jerry Burger (id 1001)");
	strvec_push(&items, "Jerome Kline (id 1003)");
	strvec_push(&items, "Jerry's Garage (id 1002)");
	capture_start(&cap);
	ck_assert_int_eq(prompt_choose("Customer", &items, &index), PROMPT_OK);
	err = capture_end(&cap);
	ck_assert_uint_eq(index, 2);
	ck_assert_str_eq(err,
		"   1) Jerry Burger (id 1001)\n"
		"   2) Jerome Kline (id 1003)\n"
		"   3) Jerry's Garage (id 1002)\n"
		"Customer [1-3, or type to narrow]: "
		"   1) Jerry Burger (id 1001)\n"
		"   2) Jerry's Garage (id 1002)\n"
		"Customer [1-2, or type to narrow]:   -> Jerry's Garage (id 1002)\n");
	free(err);
	strvec_clear(&items);
	test_tty_detach(STDIN_FILENO, saved);
	test_tty_close(&tty);
}
END_TEST

static void assert_strip(const char *in, const char *want)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addstr(&sb, in);
	editor_strip(&sb);
	ck_assert_str_eq(sb.buf, want);
	ck_assert_uint_eq(sb.len, strlen(want));
	sbuf_release(&sb);
}

START_TEST(strip_comments_and_blank_ends)
{
	assert_strip("", "");
	assert_strip("# only\n#\n\n  \n", "");
	assert_strip("Fixed it.\n", "Fixed it.");
	assert_strip("\n \nFixed it.\n# note\n\nRestarted.\n\t\n\n# end\n",
		     "Fixed it.\n\nRestarted.");
	assert_strip("Line with # inside\n  # indented is text\nno newline",
		     "Line with # inside\n  # indented is text\nno newline");
}
END_TEST

START_TEST(comment_template_shows_the_ticket)
{
	cJSON *tk = cJSON_Parse("{\"number\":32164,\"subject\":\"Own cloud thing again\","
		"\"customer_business_then_name\":\"Jerry Burger\",\"comments\":["
		"{\"id\":9,\"tech\":\"Mike Ritter\",\"hidden\":true,\"created_at\":\"2026-11-27T09:12:00.000-05:00\","
		"\"body\":\"Newest\\n\\nsecond line\"},"
		"{\"id\":3,\"tech\":null,\"body\":\"Oldest\"}]}");
	cJSON *bare = cJSON_Parse("{\"number\":\"7\"}");
	struct sbuf tpl = SBUF_INIT;

	setenv("TZ", "UTC", 1);
	tzset();
	editor_comment_template(&tpl, tk);
	ck_assert_str_eq(tpl.buf,
		"\n"
		"# Comment on ticket #32164: Own cloud thing again\n"
		"# Customer: Jerry Burger\n"
		"# Lines starting with '#' are ignored; an empty comment aborts.\n"
		"#\n"
		"# Last comment by Mike Ritter on 2026-11-27 14:12 (hidden):\n"
		"# Newest\n"
		"#\n"
		"# second line\n");
	sbuf_reset(&tpl);
	editor_comment_template(&tpl, bare);
	ck_assert_str_eq(tpl.buf,
		"\n"
		"# Comment on ticket #7\n"
		"# Lines starting with '#' are ignored; an empty comment aborts.\n");
	sbuf_release(&tpl);
	cJSON_Delete(tk);
	cJSON_Delete(bare);
}
END_TEST

/* A fake editor: a shell script NAME in HOME running body; the caller frees the path. */
static char *fake_editor(const char *name, const char *body)
{
	char *path = home_file(name), *script = xstrfmt("#!/bin/sh\n%s\n", body);

	write_file(path, script);
	ck_assert_int_eq(chmod(path, 0755), 0);
	free(script);
	return path;
}

/*
 * The editor's files go beside the drafts, in the state directory: one of
 * its own in HOME, to see what the editor leaves. Its drafts directory.
 */
static char *own_tmpdir(void)
{
	char *state = home_file("state"), *syncro = xstrfmt("%s/syncro", state);
	char *drafts = xstrfmt("%s/drafts", syncro);

	ck_assert_int_eq(mkdir(state, 0700), 0);
	ck_assert_int_eq(mkdir(syncro, 0700), 0);
	ck_assert_int_eq(mkdir(drafts, 0700), 0);
	setenv("XDG_STATE_HOME", state, 1);
	setenv("TMPDIR", "/nonexistent-tmp", 1);	/* not used */
	free(syncro);
	free(state);
	return drafts;
}

static int count_files(const char *dir)
{
	char cmd[512];
	FILE *p;
	int n = -1;

	snprintf(cmd, sizeof(cmd), "ls -A '%s' | wc -l", dir);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(fscanf(p, "%d", &n), 1);
	pclose(p);
	return n;
}

START_TEST(editor_round_trip)
{
	char *tmp = own_tmpdir(), *seen_path = home_file("seen");
	char *editor, *seen, *text = NULL;
	struct sbuf tpl = SBUF_INIT;

	/* The "user" types above the comments, as in git commit. */
	editor = fake_editor("edit", "cp \"$1\" \"$SEEN\" &&\n"
		"{ printf 'Fixed the sync client.\\n\\nRestarted it.\\n'; cat \"$1\"; } >\"$1.new\" &&\n"
		"mv \"$1.new\" \"$1\"");
	setenv("SEEN", seen_path, 1);
	setenv("EDITOR", "false", 1);
	setenv("VISUAL", editor, 1);		/* VISUAL wins over EDITOR */
	ck_assert_str_eq(editor_command(), editor);

	sbuf_addstr(&tpl, "\n# Comment on ticket #32164\n");
	ck_assert_int_eq(edit_text(tpl.buf, &text), EDIT_OK);
	ck_assert_str_eq(text, "Fixed the sync client.\n\nRestarted it.");
	seen = slurp(seen_path);
	ck_assert_str_eq(seen, tpl.buf);	/* the editor got the template */
	ck_assert_int_eq(count_files(tmp), 0);	/* and its file is gone */

	free(seen);
	free(text);
	free(editor);
	free(seen_path);
	free(tmp);
	sbuf_release(&tpl);
}
END_TEST

START_TEST(editor_command_through_the_shell)
{
	char *tmp = own_tmpdir(), *text = NULL, *editor, *cmd;

	setenv("VISUAL", "", 1);		/* empty counts as unset */
	editor = fake_editor("edit", "printf '%s\\n' \"$1\" >\"$2\"");
	/* A command with its own argument: the file name comes after it, as "$2". */
	cmd = xstrfmt("%s 'Urgent fix'", editor);
	setenv("EDITOR", cmd, 1);
	ck_assert_int_eq(edit_text("\n", &text), EDIT_OK);
	ck_assert_str_eq(text, "Urgent fix");
	free(text);
	unsetenv("EDITOR");
	unsetenv("VISUAL");
	ck_assert_str_eq(editor_command(), "vi");

	free(cmd);
	free(editor);
	free(tmp);
}
END_TEST

START_TEST(editor_empty_aborts_failure_keeps_the_file)
{
	char *tmp = own_tmpdir(), *text = NULL, *err;
	struct capture cap;

	unsetenv("VISUAL");
	setenv("EDITOR", "true", 1);		/* leaves only the comments */
	ck_assert_int_eq(edit_text("\n# Comment on ticket #32164\n", &text), EDIT_EMPTY);
	ck_assert_ptr_null(text);
	ck_assert_int_eq(count_files(tmp), 0);

	setenv("EDITOR", "echo typed >>\"$1\"; exit 3; :", 1);
	capture_start(&cap);
	ck_assert_int_eq(edit_text("\n# Comment\n", &text), EDIT_FAILED);
	err = capture_end(&cap);
	ck_assert_ptr_null(text);
	ck_assert_int_eq(count_files(tmp), 1);	/* what was typed is kept */
	ck_assert_ptr_nonnull(strstr(err, "syncro: the editor 'echo typed >>\"$1\"; exit 3; :' exited with status 3\n"
				     "hint: the text is kept in '"));
	ck_assert_ptr_nonnull(strstr(err, tmp));
	free(err);
	free(tmp);
}
END_TEST

START_TEST(quote_for_the_shell)
{
	struct sbuf sb = SBUF_INIT;

	shell_quote(&sb, "/home/mike/.local/state/syncro/drafts/32164-20261128-140501.txt");
	sbuf_addch(&sb, ' ');
	shell_quote(&sb, "a b");
	sbuf_addch(&sb, ' ');
	shell_quote(&sb, "it's $HOME");
	sbuf_addch(&sb, ' ');
	shell_quote(&sb, "");
	ck_assert_str_eq(sb.buf, "/home/mike/.local/state/syncro/drafts/32164-20261128-140501.txt "
			 "'a b' 'it'\\''s $HOME' ''");
	sbuf_release(&sb);
}
END_TEST

static void at_fixed_time(void)
{
	setenv("SYNCRO_TEST_NOW", "1795874701", 1);	/* 2026-11-28 14:05:01 UTC */
	setenv("TZ", "UTC", 1);
	tzset();
}

START_TEST(drafts_private_unique_and_deleted)
{
	char *a, *b, *body, *drafts = home_file(".local/state/syncro/drafts");
	struct stat st;

	at_fixed_time();
	umask(0);				/* 0600 whatever the umask */
	a = draft_save(32164, "Fixed the sync client.\n\nRestarted it.");
	ck_assert_ptr_nonnull(a);
	assert_home_path(xstrdup(a), ".local/state/syncro/drafts/32164-20261128-140501.txt");
	ck_assert_int_eq(stat(a, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0600);
	ck_assert_int_eq(stat(drafts, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0700);
	body = slurp(a);
	ck_assert_str_eq(body, "Fixed the sync client.\n\nRestarted it.\n");
	free(body);

	b = draft_save(32164, "Second try\n");	/* the same second */
	ck_assert_ptr_nonnull(b);
	assert_home_path(xstrdup(b), ".local/state/syncro/drafts/32164-20261128-140501-2.txt");
	body = slurp(b);
	ck_assert_str_eq(body, "Second try\n");
	free(body);
	body = slurp(a);			/* not overwritten */
	ck_assert_str_eq(body, "Fixed the sync client.\n\nRestarted it.\n");
	free(body);

	ck_assert_int_eq(draft_delete(a), 0);
	ck_assert_int_eq(access(a, F_OK), -1);
	ck_assert_int_eq(access(b, F_OK), 0);
	ck_assert_int_eq(draft_delete(a), 0);	/* already gone is fine */
	ck_assert_int_eq(draft_delete(b), 0);
	ck_assert_int_eq(count_files(drafts), 0);

	free(a);
	free(b);
	free(drafts);
}
END_TEST

START_TEST(drafts_follow_xdg_state_home)
{
	char *state = home_file("state"), *path;

	at_fixed_time();
	setenv("XDG_STATE_HOME", state, 1);
	path = draft_save(7, "x");
	assert_home_path(path, "state/syncro/drafts/7-20261128-140501.txt");
	free(state);
}
END_TEST

START_TEST(draft_save_failure_is_reported)
{
	char *state = home_file("state"), *path;
	struct sbuf err = SBUF_INIT;
	struct capture cap;
	char *text;

	write_file(state, "a file where the state directory should be\n");
	setenv("XDG_STATE_HOME", state, 1);
	at_fixed_time();
	capture_start(&cap);
	path = draft_save(32164, "text");
	text = capture_end(&cap);
	ck_assert_ptr_null(path);
	add_home_masked(&err, text);
	ck_assert_str_eq(err.buf, "syncro: cannot create the directory for "
			 "'HOME/state/syncro/drafts/32164-20261128-140501.txt': Not a directory\n");
	free(text);
	free(state);
	sbuf_release(&err);
}
END_TEST

START_TEST(draft_hint_says_how_to_resend)
{
	struct capture cap;
	char *err;

	capture_start(&cap);
	draft_hint("/home/mike/.local/state/syncro/drafts/32164-20261128-140501.txt",
		   "syncro comment 32164 --hidden");
	draft_hint("/home/my docs/d.txt", "syncro bill 32164");
	err = capture_end(&cap);
	ck_assert_str_eq(err,
		"hint: your text is saved in '/home/mike/.local/state/syncro/drafts/32164-20261128-140501.txt'\n"
		"hint: send it again with: syncro comment 32164 --hidden -F "
		"/home/mike/.local/state/syncro/drafts/32164-20261128-140501.txt\n"
		"hint: your text is saved in '/home/my docs/d.txt'\n"
		"hint: send it again with: syncro bill 32164 -F '/home/my docs/d.txt'\n");
	free(err);
}
END_TEST

static Suite *prompt_suite(void)
{
	Suite *s = suite_create("prompt");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, home_setup, home_teardown);
	tcase_add_test(tc, no_prompt_without_a_terminal);
	tcase_add_test(tc, missing_value_names_the_option);
	tcase_add_test(tc, prompt_line_with_default);
	tcase_add_test(tc, prompt_end_of_input_and_disable);
	tcase_add_test(tc, yes_no_asks_until_understood);
	tcase_add_test(tc, choose_one_of_several);
	tcase_add_test(tc, choose_by_typing_part_of_a_name);
	tcase_add_test(tc, strip_comments_and_blank_ends);
	tcase_add_test(tc, comment_template_shows_the_ticket);
	tcase_add_test(tc, editor_round_trip);
	tcase_add_test(tc, editor_command_through_the_shell);
	tcase_add_test(tc, editor_empty_aborts_failure_keeps_the_file);
	tcase_add_test(tc, quote_for_the_shell);
	tcase_add_test(tc, drafts_private_unique_and_deleted);
	tcase_add_test(tc, drafts_follow_xdg_state_home);
	tcase_add_test(tc, draft_save_failure_is_reported);
	tcase_add_test(tc, draft_hint_says_how_to_resend);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(prompt_suite)
