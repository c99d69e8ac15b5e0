#include "compat.h"
#include <pwd.h>
#include <sys/stat.h>
#include "paths.h"
#include "sbuf.h"
#include "usage.h"
#include "xmalloc.h"

static const char *home_dir(void)
{
	const char *home = getenv("HOME");
	struct passwd *pw;

	if (home && home[0] == '/')
		return home;
	pw = getpwuid(getuid());
	if (pw && pw->pw_dir && pw->pw_dir[0] == '/')
		return pw->pw_dir;
	die_with(EXIT_AUTH, "cannot find your home directory: set HOME");
}

/* An XDG base directory: the variable if absolute, else $HOME/fallback. */
static char *xdg_path(const char *var, const char *fallback, const char *file)
{
	const char *base = getenv(var);
	struct sbuf sb = SBUF_INIT;

	if (base && base[0] == '/') {
		sbuf_addstr(&sb, base);
	} else {
		sbuf_addstr(&sb, home_dir());
		sbuf_addch(&sb, '/');
		sbuf_addstr(&sb, fallback);
	}
	while (sb.len > 1 && sb.buf[sb.len - 1] == '/')
		sbuf_setlen(&sb, sb.len - 1);
	sbuf_addf(&sb, "/%s", PATHS_APP_DIR);
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
