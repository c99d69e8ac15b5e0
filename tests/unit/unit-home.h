/*
 * A fresh HOME per test (a checked fixture): a temporary directory, no
 * XDG_* or SYNCRO_* variables, removed afterwards.
 */
#ifndef SYNCRO_UNIT_HOME_H
#define SYNCRO_UNIT_HOME_H

#include "sbuf.h"
#include "xmalloc.h"

static char test_home[64];

static inline void home_setup(void)
{
	static const char *const vars[] = {
		"XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME",
		"SYNCRO_API_KEY", "SYNCRO_BASE_URL", "SYNCRO_SUBDOMAIN", "SYNCRO_CONFIG",
	};

	snprintf(test_home, sizeof(test_home), "/tmp/syncro-home-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(test_home));
	setenv("HOME", test_home, 1);
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		unsetenv(vars[i]);
}

/* The account of home_setup_account(): .invalid, so no request could reach it. */
#define UNIT_BASE_URL "https://acme.invalid/api/v1"

/* home_setup, with a base URL: the cache is kept per account (cache-dir.h). */
static inline void home_setup_account(void)
{
	home_setup();
	setenv("SYNCRO_BASE_URL", UNIT_BASE_URL, 1);
}

static inline void home_teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "/bin/rm -rf '%s'", test_home);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", test_home);
}

/* A path under the test's HOME; the caller frees it. */
static inline char *home_file(const char *name)
{
	return xstrfmt("%s/%s", test_home, name);
}

/* text with the test's HOME shown as "HOME", so messages compare exactly. */
static inline void add_home_masked(struct sbuf *out, const char *text)
{
	size_t home_len = strlen(test_home);

	while (*text) {
		if (!strncmp(text, test_home, home_len)) {
			sbuf_addstr(out, "HOME");
			text += home_len;
		} else {
			sbuf_addch(out, *text++);
		}
	}
}

/* got (freed here) is the file rel under the test's HOME. */
static inline void assert_home_path(char *got, const char *rel)
{
	char *want = home_file(rel);

	ck_assert_str_eq(got, want);
	free(got);
	free(want);
}

#endif
