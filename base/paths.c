#include "compat.h"
#ifndef _WIN32
#include <pwd.h>
#endif
#include <sys/stat.h>
#include "paths.h"
#include "sbuf.h"
#include "usage.h"
#include "xmalloc.h"

static const char *home_dir(void)
{
	const char *home = getenv("HOME");
#ifdef _WIN32
	/* compat_startup() set HOME from USERPROFILE when it was unset */
	if (home && is_absolute_path(home))
		return home;
#else
	struct passwd *pw;

	if (home && home[0] == '/')
		return home;
	pw = getpwuid(getuid());
	if (pw && pw->pw_dir && pw->pw_dir[0] == '/')
		return pw->pw_dir;
#endif
	die_with(EXIT_AUTH, "cannot find your home directory: set HOME");
}

#ifdef _WIN32
/*
 * Windows, when the XDG variable is unset: config in %APPDATA% (it roams
 * with the user), the rest in %LOCALAPPDATA%, each app directory with a
 * folder per kind after it (see windows_suffix). 0, or -1 when unset.
 */
static int windows_base(const char *var, struct sbuf *sb)
{
	int roaming = !strcmp(var, "XDG_CONFIG_HOME");
	const char *dir = getenv(roaming ? "APPDATA" : "LOCALAPPDATA");

	if (!dir || !is_absolute_path(dir))
		return -1;
	sbuf_addstr(sb, dir);
	for (size_t i = 0; i < sb->len; i++)
		if (sb->buf[i] == '\\')
			sb->buf[i] = '/';
	return 0;
}

/* What comes after %LOCALAPPDATA%/APP: "/state", "/cache", "/data"; "" for config. */
static const char *windows_suffix(const char *var)
{
	if (!strcmp(var, "XDG_STATE_HOME"))
		return "/state";
	if (!strcmp(var, "XDG_CACHE_HOME"))
		return "/cache";
	if (!strcmp(var, "XDG_DATA_HOME"))
		return "/data";
	return "";
}
#endif

/*
 * An XDG base directory: the variable if absolute, else on Windows the
 * folder of windows_base(), else $HOME/fallback.
 */
static char *xdg_path(const char *var, const char *fallback, const char *file)
{
	const char *base = getenv(var);
	struct sbuf sb = SBUF_INIT;
	const char *suffix = "";

	if (base && is_absolute_path(base)) {
		sbuf_addstr(&sb, base);
#ifdef _WIN32
	} else if (!windows_base(var, &sb)) {
		suffix = windows_suffix(var);
#endif
	} else {
		sbuf_addstr(&sb, home_dir());
		sbuf_addch(&sb, '/');
		sbuf_addstr(&sb, fallback);
	}
	while (sb.len > 1 && sb.buf[sb.len - 1] == '/')
		sbuf_setlen(&sb, sb.len - 1);
	sbuf_addf(&sb, "/%s%s", PATHS_APP_DIR, suffix);
	if (file && *file)
		sbuf_addf(&sb, "/%s", file);
	return sbuf_detach(&sb, NULL);
}

char *xdg_config_path(const char *file)
{
	return xdg_path("XDG_CONFIG_HOME", ".config", file);
}

char *xdg_state_path(const char *file)
{
	return xdg_path("XDG_STATE_HOME", ".local/state", file);
}

char *xdg_cache_path(const char *file)
{
	return xdg_path("XDG_CACHE_HOME", ".cache", file);
}

char *xdg_data_path(const char *file)
{
	return xdg_path("XDG_DATA_HOME", ".local/share", file);
}

int mkdir_for_file(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');

	if (!slash || slash == dir) {
		free(dir);
		return 0;
	}
	*slash = '\0';
	for (char *p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;

			*p = '\0';
			if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
				int saved = errno;

				free(dir);
				errno = saved;
				return -1;
			}
			*p = c;
			if (!c)
				break;
		}
	}
	free(dir);
	return 0;
}

char *expand_home(const char *path)
{
	if (path[0] == '~' && (path[1] == '/' || path[1] == '\0'))
		return xstrfmt("%s%s", home_dir(), path + 1);
	return xstrdup(path);
}

char *path_for_display(const char *path)
{
	const char *home = getenv("HOME");
	size_t len = home ? strlen(home) : 0;

	while (len > 1 && home[len - 1] == '/')
		len--;
	if (len > 1 && !strncmp(path, home, len) && path[len] == '/')
		return xstrfmt("~%s", path + len);
	return xstrdup(path);
}
