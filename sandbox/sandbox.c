/*
 * syncro-sandbox: a local emulator of the Syncro API v1 with demo data, for
 * trying syncro without an account, developing plugins, and as the server
 * of the integration tests. See syncro-sandbox(1).
 */
#include "compat.h"
#include <limits.h>
#include <signal.h>
#include <pthread.h>
#include "parse-options.h"
#include "quirks.h"
#include "server.h"
#include "user-keys.h"
#include "usage.h"
#include "xmalloc.h"

static long port = 8180;
static const char *data_file;
static const char *api_key = "sandbox";
static long rate_limit = 180;
static long page_size = 25;
static long per_page_max = 100;
static int no_retry_after;
static int test_controls;
static int ignore_comment_time;
static struct strvec quirk_names = STRVEC_INIT;
static struct strvec user_keys = STRVEC_INIT;

static const struct option_spec options[] = {
	OPT_INT(0, "port", &port, "N", "listen on 127.0.0.1:N (0: a free port; default 8180)"),
	OPT_STRING_C(0, "data", &data_file, "FILE", "load the account's data from FILE (default: the demo data)", COMPLETE_FILE),
	OPT_STRING(0, "api-key", &api_key, "KEY", "the API key clients must send (default: sandbox)"),
	OPT_INT(0, "rate-limit", &rate_limit, "N", "requests per minute per client (default 180; 0: none)"),
	OPT_INT(0, "page-size", &page_size, "N", "default page size of the lists (default 25)"),
	OPT_INT(0, "max-per-page", &per_page_max, "N", "the largest per_page honoured (default 100)"),
	OPT_BOOL(0, "no-retry-after", &no_retry_after, "send 429 answers without Retry-After"),
	OPT_BOOL(0, "test-controls", &test_controls, "serve the /__sandbox/ test controls"),
	OPT_LIST(0, "quirk", &quirk_names, "NAME",
		 "behave as some accounts are reported to (repeatable; listed below)", COMPLETE_NONE),
	OPT_BOOL(0, "ignore-comment-time", &ignore_comment_time,
		 "ignore a comment's minutes_spent (the default now; overrides comment-time)"),
	OPT_LIST(0, "user-key", &user_keys, "KEY=USER_ID", "also accept KEY as the key of that user (repeatable)", COMPLETE_NONE),
	OPT_END(),
};

static const struct verb_spec verb = {
	"sandbox", "syncro sandbox [options]",
	"run a local emulator of the Syncro API, seeded with demo data", options,
	COMPLETE_NONE,
};

/*
 * The installed demo data, or, when that is missing (not installed yet),
 * sandbox/demo.json beside the executable, as in a build tree. The caller
 * frees the result.
 */
static char *default_data_file(void)
{
	char self[PATH_MAX];
#ifdef _WIN32
	ssize_t n = compat_self_path() ? snprintf(self, sizeof(self), "%s", compat_self_path()) : -1;
#else
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
#endif
	char *slash;

	if (!access(PKGDATADIR "/demo.json", R_OK) || n <= 0 || (size_t)n >= sizeof(self))
		return xstrdup(PKGDATADIR "/demo.json");
	self[n] = '\0';
	slash = strrchr(self, '/');
	if (slash)
		*slash = '\0';
	return xstrfmt("%s/sandbox/demo.json", self);
}

/* --help: the options, then the quirks, each with who reports it. */
static void print_help(void)
{
	print_usage(&verb, stdout);
	fputs("\nThe default is the strict behaviour real accounts are reported to have.\n"
	      "Quirks (--quirk NAME) turn on another:\n", stdout);
	for (size_t i = 0; i < quirk_table_nr; i++)
		printf("    %-24s  %s\n    %-24s  (%s)\n", quirk_table[i].name,
		       quirk_table[i].what, "", quirk_table[i].source);
}

static int wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return 1;
	return 0;
}

/* The key as a shell word: quoted unless it is plainly safe. */
static void print_shell_word(const char *s)
{
	if (*s && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/:") == strlen(s)) {
		fputs(s, stdout);
		return;
	}
	putchar('\'');
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*s);
	}
	putchar('\'');
}

#ifdef _WIN32
static HANDLE stop_event;

static BOOL WINAPI on_console_stop(DWORD type)
{
	(void)type;
	SetEvent(stop_event);
	return TRUE;
}
#endif

int main(int argc, char **argv)
{
	struct state st = { 0 };
	struct server srv = { 0 };
	struct sbuf err = SBUF_INIT;
	char *data_path;
#ifndef _WIN32
	sigset_t stop;
#endif
	int got, bound;

	set_program_name("syncro-sandbox");
	if (wants_help(argc, argv)) {
		print_help();
		return 0;
	}
	if (parse_options(&verb, argc, argv))
		usage_error(&verb, "unexpected argument '%s'", argv[0]);
	if (port < 0 || port > 65535)
		usage_error(&verb, "'--port' must be 0 to 65535, not %ld", port);
	if (rate_limit < 0)
		usage_error(&verb, "'--rate-limit' must be 0 or more, not %ld", rate_limit);
	if (page_size < 1 || page_size > 100)
		usage_error(&verb, "'--page-size' must be 1 to 100, not %ld", page_size);
	if (per_page_max < 1 || per_page_max > 100)
		usage_error(&verb, "'--max-per-page' must be 1 to 100, not %ld", per_page_max);
	if (!*api_key)
		usage_error(&verb, "'--api-key' must not be empty");
	for (size_t i = 0; i < user_keys.nr; i++)
		if (!user_key_valid(user_keys.v[i]))
			usage_error(&verb, "'--user-key' takes KEY=USER_ID, not '%s'", user_keys.v[i]);
	for (size_t i = 0; i < quirk_names.nr; i++)
		if (quirk_parse(quirk_names.v[i], &st.quirks) < 0)
			usage_error(&verb, "unknown quirk '%s'; 'syncro sandbox --help' lists them",
				    quirk_names.v[i]);
	strvec_clear(&quirk_names);
	if (ignore_comment_time)
		st.quirks &= ~(unsigned)QUIRK_COMMENT_TIME;

	data_path = data_file ? xstrdup(data_file) : default_data_file();
	got = state_load(&st, data_path, &err);
	free(data_path);
	if (got < 0)
		die("%s; give a data file with '--data FILE'", err.buf);
	sbuf_release(&err);
	st.page_size = page_size;
	st.per_page_max = per_page_max;
	state_apply_quirks(&st);

#ifdef _WIN32
	/* Ctrl-C, Ctrl-Break or the console closing stop the server */
	stop_event = CreateEventW(NULL, TRUE, FALSE, NULL);
	SetConsoleCtrlHandler(on_console_stop, TRUE);
#else
	/* Block the stop signals in every thread; main waits for them. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
#endif

	srv.st = &st;
	srv.api_key = api_key;
	srv.user_keys = &user_keys;
	srv.test_controls = test_controls;
	srv.retry_after = !no_retry_after;
	srv.verbose = opt_verbose;
	srv.rl.limit = rate_limit;
	bound = server_start(&srv, (int)port);
	if (bound < 0) {
		state_free(&st);
		die("cannot listen on 127.0.0.1:%ld; is another server using it? Try '--port 0'", port);
	}

	printf("# syncro sandbox: Syncro API v1 at http://127.0.0.1:%d/api/v1 (Ctrl-C stops it)\n", bound);
	printf("export SYNCRO_BASE_URL=http://127.0.0.1:%d/api/v1\n", bound);
	fputs("export SYNCRO_API_KEY=", stdout);
	print_shell_word(api_key);
	putchar('\n');
	fflush(stdout);

#ifdef _WIN32
	WaitForSingleObject(stop_event, INFINITE);
#else
	sigwait(&stop, &got);
#endif
	server_stop(&srv);
	state_free(&st);
	strvec_clear(&user_keys);
	return 0;
}
