#include "compat.h"
#include <dirent.h>
#include <limits.h>
#include <sys/stat.h>
#include "exec-path.h"
#include "verbs.h"
#include "xmalloc.h"

/*
 * Not installed yet (a build tree): the verbs sit beside the dispatcher, so
 * `./syncro` works straight after `make`, as git's bin-wrappers do.
 */
static const char *beside_self(void)
{
	static char dir[PATH_MAX];
	char *slash;

	if (dir[0])
		return dir;
	if (!compat_self_path() || strlen(compat_self_path()) >= sizeof(dir))
		return NULL;
	snprintf(dir, sizeof(dir), "%s", compat_self_path());
	slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		dir[0] = '\0';
		return NULL;
	}
	*slash = '\0';
	return dir;
}

const char *exec_path(void)
{
	const char *env = getenv("SYNCRO_EXEC_PATH");
	struct stat st;

	if (env && *env)
		return env;
	if (stat(PKGLIBEXECDIR, &st) && beside_self())
		return beside_self();
	return PKGLIBEXECDIR;
}

int exec_path_valid_verb(const char *name)
{
	if (!(*name >= 'a' && *name <= 'z') && !(*name >= '0' && *name <= '9'))
		return 0;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return 0;
	return 1;
}

static int is_executable(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISREG(st.st_mode) && !access(path, X_OK);
}

/* path when it is executable, on Windows path.exe first; NULL if neither. Frees path. */
static char *executable(char *path)
{
#ifdef _WIN32
	char *exe = xstrfmt("%s.exe", path);

	if (is_executable(exe)) {
		free(path);
		return exe;
	}
	free(exe);
#endif
	if (is_executable(path))
		return path;
	free(path);
	return NULL;
}

char *exec_path_find_verb(const char *name, int *from_path)
{
	char *candidate = executable(xstrfmt("%s/syncro-%s", exec_path(), name));
	const char *path = getenv("PATH");

	*from_path = 0;
	if (candidate)
		return candidate;
	if (find_core_verb(name) || !path)
		return NULL;
	while (*path) {
		size_t len = strcspn(path, PATH_SEP_STR);

		/* An empty PATH entry means the current directory: never for verbs. */
		if (len) {
			candidate = executable(xstrfmt("%.*s/syncro-%s", (int)len, path, name));
			if (candidate) {
				*from_path = 1;
				return candidate;
			}
		}
		path += len;
		path += *path == PATH_SEP;
	}
	return NULL;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void exec_path_list_verbs(struct strvec *out)
{
	const char *path = getenv("PATH");
	struct strvec found = STRVEC_INIT;

	while (path && *path) {
		size_t len = strcspn(path, PATH_SEP_STR);
		char *dir = xstrndup(path, len);
		DIR *d = len ? opendir(dir) : NULL;
		struct dirent *de;

		while (d && (de = readdir(d))) {
			char *name = xstrdup(de->d_name + strlen("syncro-"));
			char *full;

#ifdef _WIN32
			/* syncro-NAME.exe is the verb NAME */
			if (strlen(name) > 4 && !strcasecmp(name + strlen(name) - 4, ".exe"))
				name[strlen(name) - 4] = '\0';
#endif
			if (strncmp(de->d_name, "syncro-", 7) || !exec_path_valid_verb(name) ||
			    find_core_verb(name)) {
				free(name);
				continue;
			}
			full = xstrfmt("%s/%s", dir, de->d_name);
			if (is_executable(full))
				strvec_push(&found, name);
			free(full);
			free(name);
		}
		if (d)
			closedir(d);
		free(dir);
		path += len;
		path += *path == PATH_SEP;
	}
	if (found.nr)
		qsort(found.v, found.nr, sizeof(char *), cmp_str);
	for (size_t i = 0; i < found.nr; i++)
		if (!i || strcmp(found.v[i], found.v[i - 1]))
			strvec_push(out, found.v[i]);
	strvec_clear(&found);
}
