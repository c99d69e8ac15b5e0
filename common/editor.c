#include "compat.h"
#include <signal.h>
#ifndef _WIN32
#include <sys/wait.h>
#endif
#include "run-command.h"
#include "config.h"
#include "date.h"
#include "editor.h"
#include "json.h"
#include "usage.h"
#include "write-full.h"
#include "xmalloc.h"

const char *editor_command(void)
{
	const char *e = getenv("VISUAL");

	if (!e || !*e)
		e = getenv("EDITOR");
#ifdef _WIN32
	/* Git for Windows brings vi with its sh.exe; cmd alone has notepad */
	if (!e || !*e)
		return compat_sh() ? "vi" : "notepad";
#endif
	return e && *e ? e : "vi";
}

void editor_add_comment(struct sbuf *tpl, const char *text)
{
	while (*text) {
		size_t len = strcspn(text, "\n");

		if (len)
			sbuf_addstr(tpl, "# ");
		else
			sbuf_addch(tpl, '#');
		sbuf_add(tpl, text, len);
		sbuf_addch(tpl, '\n');
		text += len;
		if (*text)
			text++;
	}
}

static int is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!strchr(" \t\r\f\v", s[i]))
			return 0;
	return 1;
}

void editor_strip(struct sbuf *sb)
{
	struct sbuf out = SBUF_INIT;
	size_t keep = 0;	/* out's length up to its last line that is not blank */
	const char *p = sb->buf, *end = sb->buf + sb->len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (*p != '#' && !(is_blank(p, len) && !out.len)) {
			if (out.len)
				sbuf_addch(&out, '\n');
			sbuf_add(&out, p, len);
			if (!is_blank(p, len))
				keep = out.len;
		}
		p += len + 1;
	}
	sbuf_setlen(&out, keep);
	sbuf_release(sb);
	*sb = out;
}

/* The comment with the highest id: the newest, whatever the array's order. */
static const cJSON *last_comment(const cJSON *ticket)
{
	const cJSON *c, *last = NULL;

	cJSON_ArrayForEach(c, json_get(ticket, "comments"))
		if (json_long(c, "id", -1) > (last ? json_long(last, "id", -1) : -1))
			last = c;
	return last;
}

void editor_comment_template(struct sbuf *tpl, const cJSON *ticket)
{
	long number = json_long(ticket, "number", -1);
	const char *subject = json_string(ticket, "subject", "");
	const char *customer = json_string(ticket, "customer_business_then_name", "");
	const cJSON *last = last_comment(ticket);
	struct sbuf comment = SBUF_INIT;

	sbuf_addf(&comment, "Comment on ticket #%ld", number);
	if (*subject)
		sbuf_addf(&comment, ": %s", subject);
	if (*customer)
		sbuf_addf(&comment, "\nCustomer: %s", customer);
	sbuf_addstr(&comment, "\nLines starting with '#' are ignored; an empty comment aborts.\n");
	if (last) {
		const char *tech = json_string(last, "tech", "");
		time_t when = json_time(last, "created_at");

		sbuf_addstr(&comment, "\nLast comment");
		if (*tech)
			sbuf_addf(&comment, " by %s", tech);
		if (when != -1) {
			sbuf_addstr(&comment, " on ");
			date_add_local(&comment, when);
		}
		if (json_bool(last, "hidden", 0))
			sbuf_addstr(&comment, " (hidden)");
		sbuf_addf(&comment, ":\n%s", json_string(last, "body", ""));
	}
	sbuf_addch(tpl, '\n');
	editor_add_comment(tpl, comment.buf);
	sbuf_release(&comment);
}

#ifdef _WIN32
/*
 * Run the editor on path and wait, ignoring ^C: the editor gets it. The
 * command goes through Git's sh.exe when there is one, else it is split
 * into words (split_command) and run as it is.
 */
static int run_editor(const char *editor, const char *path)
{
	struct strvec argv = STRVEC_INIT;
	char *cmd = xstrfmt("%s \"$@\"", editor);
	const char *sh = compat_sh();
	HANDLE proc = NULL;
	int code = -1;

	if (sh) {
		strvec_push(&argv, sh);
		strvec_push(&argv, "-c");
		strvec_push(&argv, cmd);
		strvec_push(&argv, editor);
		strvec_push(&argv, path);
	} else if (split_command(editor, &argv) == 0) {
		strvec_push(&argv, path);
	}
	if (argv.nr)
		proc = compat_spawn(NULL, (const char *const *)argv.v, -1, -1, -1, 0);
	strvec_clear(&argv);
	free(cmd);
	if (!proc)
		return error_errno("cannot run the editor '%s'", editor);
	SetConsoleCtrlHandler(NULL, TRUE);
	code = compat_wait(proc);
	SetConsoleCtrlHandler(NULL, FALSE);
	if (code)
		return error("the editor '%s' exited with status %d", editor, code);
	return 0;
}
#else
/* Run the editor on path and wait, ignoring ^C as system() does: the editor gets it. */
static int run_editor(const char *editor, const char *path)
{
	struct sigaction ignore = { .sa_handler = SIG_IGN }, old_int, old_quit;
	char *cmd = xstrfmt("%s \"$@\"", editor);
	int status = 0;
	pid_t pid;

	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	fflush(NULL);
	pid = fork();
	if (!pid) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		execl("/bin/sh", "sh", "-c", cmd, editor, path, (char *)NULL);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	free(cmd);
	if (pid < 0)
		return error_errno("cannot run the editor '%s'", editor);
	if (WIFSIGNALED(status))
		return error("the editor '%s' was killed by signal %d", editor, WTERMSIG(status));
	if (WEXITSTATUS(status))
		return error("the editor '%s' exited with status %d", editor, WEXITSTATUS(status));
	return 0;
}
#endif

int edit_text(const char *tpl, char **text)
{
	/* Beside the drafts: a text kept after a failed editor is where they are. */
	char *path = xdg_state_path("drafts/edit-XXXXXX.txt");
	const char *editor = editor_command();
	struct sbuf sb = SBUF_INIT;
	int fd = -1, failed;

	if (mkdir_for_file(path) == 0)
		fd = mkstemps(path, 4);
	if (fd < 0) {
		error_errno("cannot create a file for the editor as '%s'", path);
		free(path);
		return EDIT_FAILED;
	}
	failed = write_in_full(fd, tpl, strlen(tpl)) < 0;
	if (close(fd) < 0)
		failed = 1;
	if (failed) {
		error_errno("cannot write '%s'", path);
		unlink(path);
		free(path);
		return EDIT_FAILED;
	}
	if (run_editor(editor, path) < 0) {
		hint("the text is kept in '%s'", path);
		free(path);
		return EDIT_FAILED;
	}
	if (sbuf_read_file(&sb, path) < 0) {
		error_errno("cannot read '%s' back from the editor", path);
		sbuf_release(&sb);
		free(path);
		return EDIT_FAILED;
	}
	unlink(path);
	free(path);
	editor_strip(&sb);
	if (!sb.len) {
		sbuf_release(&sb);
		return EDIT_EMPTY;
	}
	*text = sbuf_detach(&sb, NULL);
	return EDIT_OK;
}
