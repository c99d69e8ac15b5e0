/*
 * Starting a background refresh of the cache (cache-refresh.h). Kept apart
 * from the fetch in cache-refresh.c so that the dispatcher, which
 * completes from the cache, never links the HTTP layer and starts fast.
 */
#include "compat.h"
#include <fcntl.h>
#include <sys/stat.h>
#include "cache.h"
#include "cache-dir.h"
#include "cache-refresh.h"
#include "config.h"
#include "cred.h"
#include "run-command.h"
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
	char *path = cache_path(CACHE_REFRESH_LOCK);
	struct stat st;
	int fd, ok = 0;

	if (!path)
		return 0;
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
	const char *argv[] = { syncro && *syncro ? syncro : "syncro", "__refresh-cache", NULL };

	/* Completion goes on without the refresh when it cannot start. */
	run_detached(argv);
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
