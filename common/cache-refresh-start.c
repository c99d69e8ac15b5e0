/*
 * Starting a background refresh of the cache (cache-refresh.h). Kept apart
 * from the fetch in cache-refresh.c so that the dispatcher, which
 * completes from the cache, never links the HTTP layer and starts fast.
 */
#include "compat.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "cache.h"
#include "cache-refresh.h"
#include "config.h"
#include "cred.h"
#include "xmalloc.h"

/* After starting a refresh, do not start another for this long. */
#define RETRY_SECONDS 60

/* Is a key configured? Asked without running anything that decrypts it. */
static int have_key_source(void)
{
	struct sbuf ignored = SBUF_INIT;
	enum key_source source = cred_describe(config_get(), &ignored);

	sbuf_release(&ignored);
	return source != KEY_NONE;
}

/*
 * The lock file's mtime is when a refresh was last started: 1 (and the
 * file touched) when that was long enough ago, else 0.
 */
static int claim_start(void)
{
	char *path = xdg_cache_path(CACHE_REFRESH_LOCK);
	struct stat st;
	int fd, ok = 0;

	if (!stat(path, &st) && time(NULL) - st.st_mtime < RETRY_SECONDS)
		goto out;
	if (mkdir_for_file(path) < 0)
		goto out;
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (fd >= 0) {
		ok = !futimens(fd, NULL);
		close(fd);
	}
out:
	free(path);
	return ok;
}

/* `$SYNCRO __refresh-cache`, in its own session, its stdio on /dev/null. */
static void spawn_detached_refresh(void)
{
	const char *syncro = getenv("SYNCRO");
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return;
	if (!pid) {
		int null;

		if (setsid() < 0 || fork() != 0)
			_exit(0);
		null = open("/dev/null", O_RDWR);
		if (null < 0)
			_exit(127);
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
		if (null > 2)
			close(null);
		execlp(syncro && *syncro ? syncro : "syncro", "syncro", "__refresh-cache",
		       (char *)NULL);
		_exit(127);
	}
	/* The middle process exits at once; the refresh is nobody's child. */
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
}

void cache_refresh_if_stale(void)
{
	long age = cache_age("tickets.tsv");

	if (age >= 0 && age <= CACHE_FRESH_SECONDS)
		return;
	if (age < 0 && !have_key_source())
		return;
	if (claim_start())
		spawn_detached_refresh();
}
