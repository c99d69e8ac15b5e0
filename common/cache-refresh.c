#include "compat.h"
#include <fcntl.h>
#include <sys/file.h>
#include "api.h"
#include "cache.h"
#include "cache-dir.h"
#include "cache-refresh.h"
#include "config.h"
#include "json.h"
#include "ticket-settings.h"
#include "usage.h"
#include "xmalloc.h"

/* Pages go into one batch: tickets.tsv is written once, not once a page. */
static int store_page(const cJSON *tickets, void *data)
{
	cache_batch_add(data, tickets);
	return 0;
}

/*
 * The refresh lock, held (its fd), or -1 when another refresh holds it.
 * Without an account, NO_LOCK: the first request dies saying so.
 */
#define NO_LOCK (-2)

static int lock_refresh(void)
{
	char *path = cache_path(CACHE_REFRESH_LOCK);
	int fd;

	if (!path)
		return NO_LOCK;
	if (mkdir_for_file(path) < 0 ||
	    (fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600)) < 0)
		die_errno("cannot open '%s'", path);
	free(path);
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int cache_refresh(void)
{
	struct strvec query = STRVEC_INIT;
	struct cache_batch batch = CACHE_BATCH_INIT;
	long age = cache_age("tickets.tsv");
	cJSON *settings;
	int fd = lock_refresh();

	if (fd == -1)
		return 1;

	settings = api_get("/tickets/settings", NULL);
	cache_write_json(TICKET_SETTINGS_CACHE, settings);
	cJSON_Delete(settings);

	strvec_push(&query, "status=Not Closed");
	api_paginate("/tickets", &query, "tickets", 100, store_page, &batch);
	strvec_clear(&query);
	if (age >= 0) {
		char since[32];

		format_timestamp(time(NULL) - age - 3600, since, sizeof(since));
		strvec_pushf(&query, "since_updated_at=%s", since);
		api_paginate("/tickets", &query, "tickets", 100, store_page, &batch);
		strvec_clear(&query);
	}
	/*
	 * Every open ticket is in the batch: a cached one it lacks that is
	 * still marked open was closed or deleted. Written even when nothing
	 * changed, so that completion sees a fresh cache.
	 */
	cache_batch_commit(&batch, 1);
	if (fd >= 0)
		close(fd);
	return 0;
}
