#include "compat.h"
#include <signal.h>
#ifndef _WIN32
#include <sys/ioctl.h>
#include <sys/wait.h>
#endif
#include <fcntl.h>
#include "json.h"
#include "json-fields.h"
#include "output.h"
#include "table.h"
#include "usage.h"
#include "xmalloc.h"

/* Set while the pager runs: stdout is its pipe, so remember the terminal. */
static pid_t pager_pid;
static size_t pager_columns;
static int pager_color;
static int saved_stdout = -1, saved_stderr = -1;	/* -1: not redirected */

size_t term_columns(void)
{
	const char *env = getenv("COLUMNS");
#ifndef _WIN32
	struct winsize ws;
#endif

	if (env && *env) {
		char *end;
		long v;

		errno = 0;
		v = strtol(env, &end, 10);
		if (!errno && !*end && v > 0 && v <= 100000)
			return (size_t)v;
	}
	if (pager_pid)
		return pager_columns;
#ifdef _WIN32
	/* mintty's pipe has no size: Git Bash exports COLUMNS to its programs */
	if (isatty(STDOUT_FILENO))
		return (size_t)compat_console_columns(STDOUT_FILENO);
#else
	if (isatty(STDOUT_FILENO) && !ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) && ws.ws_col)
		return ws.ws_col;
#endif
	return 0;
}

int color_enabled(void)
{
	const char *force = getenv("SYNCRO_COLOR");
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	if (force && !strcmp(force, "always"))
		return 1;
	if (force && !strcmp(force, "never"))
		return 0;
	if ((no_color && *no_color) || (term && !strcmp(term, "dumb")))
		return 0;
	if (pager_pid)
		return pager_color;
	return isatty(STDOUT_FILENO);
}

const char *status_color(const char *status)
{
	static const struct {
		const char *status;
		const char *color;
	} colors[] = {
		{ "New", COLOR_BOLD_YELLOW },
		{ "In Progress", COLOR_CYAN },
		{ "Scheduled", COLOR_BLUE },
		{ "Customer Reply", COLOR_BOLD_RED },
		{ "Resolved", COLOR_GREEN },
		{ "Invoiced", COLOR_DIM },
		{ "Closed", COLOR_DIM },
	};

	if (!status)
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(colors); i++)
		if (!strcasecmp(status, colors[i].status))
			return colors[i].color;
	if (!strncasecmp(status, "Waiting", 7))
		return COLOR_MAGENTA;
	return NULL;
}

struct table *ticket_table_new(void)
{
	struct table *t = table_new(4);

	table_set_shrink(t, 1, 6);	/* status */
	table_set_shrink(t, 2, 8);	/* customer */
	table_set_max(t, 2, 24);
	table_set_flex(t, 3, 12);	/* subject */
	return t;
}

void ticket_table_add_fields(struct table *t, long number, const char *status,
			     const char *customer, const char *subject)
{
	table_add_row(t, NULL);
	if (number >= 0)
		table_add_cellf(t, "#%ld", number);
	else
		table_add_cell(t, "");
	table_add_colored(t, status_color(status), status);
	table_add_cell(t, customer);
	table_add_cell(t, subject);
}

void ticket_table_add(struct table *t, const cJSON *ticket)
{
	ticket_table_add_fields(t, json_long(ticket, "number", -1),
				json_string(ticket, "status", ""),
				json_string(ticket, "customer_business_then_name", ""),
				json_string(ticket, "subject", ""));
}

void output_status_change(long number, const char *before, const char *after)
{
	printf("#%ld  ", number);
	output_text(stdout, before, SAFE_ONE_LINE);
	fputs(" -> ", stdout);
	output_text(stdout, after, SAFE_ONE_LINE);
	putchar('\n');
}

void output_json(const cJSON *value)
{
	cJSON *selected = json_fields_select(value);
	char *text = value ? json_print(selected ? selected : value) : xstrdup("null\n");

	fputs(text, stdout);
	free(text);
	cJSON_Delete(selected);
}

void json_array_add(struct json_array_out *out, const cJSON *item)
{
	cJSON *selected = json_fields_select(item);
	struct sbuf sb = SBUF_INIT;

	sbuf_addstr(&sb, out->nr++ ? ",\n  " : "[\n  ");
	json_add_printed(&sb, selected ? selected : item, 1);
	fwrite(sb.buf, 1, sb.len, stdout);
	sbuf_release(&sb);
	cJSON_Delete(selected);
}

void json_array_end(struct json_array_out *out)
{
	fputs(out->nr ? "\n]\n" : "[]\n", stdout);
	out->nr = 0;
}

#ifdef _WIN32
/*
 * The pager runs through Git's sh.exe (less comes with Git for Windows);
 * without one there is no pager.
 */
static HANDLE pager_proc;

static void wait_for_pager(void)
{
	dup2(saved_stdout, STDOUT_FILENO);
	close(saved_stdout);
	if (saved_stderr >= 0) {
		dup2(saved_stderr, STDERR_FILENO);
		close(saved_stderr);
	}
	saved_stdout = saved_stderr = -1;
	compat_wait(pager_proc);
	pager_proc = NULL;
	pager_pid = 0;
}

void pager_start(void)
{
	static int registered;
	const char *pager = getenv("PAGER");
	const char *sh = compat_sh();
	const char *argv[4];
	int fds[2];

	if (pager_pid || !isatty(STDOUT_FILENO) || !sh)
		return;
	if (!pager)
		pager = "less -FRX";
	if (!*pager || !strcmp(pager, "cat"))
		return;
	pager_columns = term_columns();
	pager_color = color_enabled();
	fflush(stdout);
	fflush(stderr);
	if (_pipe(fds, 65536, _O_BINARY | _O_NOINHERIT) < 0) {
		warning("cannot start the pager '%s': %s", pager, strerror(errno));
		return;
	}
	setenv("LESS", "FRX", 0);
	argv[0] = sh;
	argv[1] = "-c";
	argv[2] = pager;
	argv[3] = NULL;
	pager_proc = compat_spawn(NULL, argv, fds[0], -1, -1, 0);
	close(fds[0]);
	if (!pager_proc) {
		warning("cannot start the pager '%s': %s", pager, strerror(errno));
		close(fds[1]);
		return;
	}
	saved_stdout = dup(STDOUT_FILENO);
	dup2(fds[1], STDOUT_FILENO);
	if (isatty(STDERR_FILENO)) {
		saved_stderr = dup(STDERR_FILENO);
		dup2(fds[1], STDERR_FILENO);
	}
	close(fds[1]);
	pager_pid = 1;
	if (!registered++)
		atexit(pager_stop);
}
#else
/* Give the pager EOF and wait until the user quits it; stdout is the terminal again. */
static void wait_for_pager(void)
{
	if (saved_stdout < 0)	/* could not keep the terminal: at least close the pipe */
		saved_stdout = open("/dev/null", O_WRONLY | O_CLOEXEC);
	dup2(saved_stdout, STDOUT_FILENO);
	close(saved_stdout);
	if (saved_stderr >= 0) {
		dup2(saved_stderr, STDERR_FILENO);
		close(saved_stderr);
	}
	saved_stdout = saved_stderr = -1;
	while (waitpid(pager_pid, NULL, 0) < 0 && errno == EINTR)
		;
	pager_pid = 0;
}

/* Killed while paging: leave the terminal to the pager until it ends. */
static void pager_signal(int sig)
{
	if (pager_pid)
		wait_for_pager();
	signal(sig, SIG_DFL);
	raise(sig);
}

void pager_start(void)
{
	static const int signals[] = { SIGINT, SIGHUP, SIGTERM, SIGQUIT, SIGPIPE };
	static int registered;
	const char *pager = getenv("PAGER");
	size_t columns;
	int color, fds[2];
	pid_t pid;

	const char *term = getenv("TERM");

	/* A dumb terminal cannot run less ("not fully functional"). */
	if (pager_pid || !isatty(STDOUT_FILENO) || (term && !strcmp(term, "dumb")))
		return;
	if (!pager)
		pager = "less -FRX";
	if (!*pager || !strcmp(pager, "cat"))
		return;
	columns = term_columns();
	color = color_enabled();
	fflush(stdout);
	fflush(stderr);
	if (pipe(fds) < 0) {
		warning("cannot start the pager '%s': %s", pager, strerror(errno));
		return;
	}
	pid = fork();
	if (pid < 0) {
		warning("cannot start the pager '%s': %s", pager, strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return;
	}
	if (!pid) {
		dup2(fds[0], STDIN_FILENO);
		close(fds[0]);
		close(fds[1]);
		setenv("LESS", "FRX", 0);
		execl("/bin/sh", "sh", "-c", pager, (char *)NULL);
		_exit(127);
	}
	saved_stdout = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
	dup2(fds[1], STDOUT_FILENO);
	if (isatty(STDERR_FILENO)) {
		saved_stderr = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
		dup2(fds[1], STDERR_FILENO);
	}
	close(fds[0]);
	close(fds[1]);
	pager_pid = pid;
	pager_columns = columns;
	pager_color = color;
	for (size_t i = 0; i < ARRAY_SIZE(signals); i++)
		signal(signals[i], pager_signal);
	if (!registered++)
		atexit(pager_stop);
}
#endif

void pager_stop(void)
{
	if (!pager_pid)
		return;
	fflush(stdout);
	fflush(stderr);
	wait_for_pager();
}
