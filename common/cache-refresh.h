/*
 * Keeping the completion cache fresh without ever making completion wait.
 *
 * Completion calls cache_refresh_if_stale(): when tickets.tsv is older than
 * CACHE_FRESH_SECONDS, or missing while a key is configured, it starts
 * `$SYNCRO __refresh-cache` (the dispatcher's hidden command, which runs
 * syncro-refresh-cache) fully
 * detached and returns at once. It starts at most one a minute, and the
 * refresh itself holds refresh.lock, so at most one ever runs.
 */
#ifndef SYNCRO_CACHE_REFRESH_H
#define SYNCRO_CACHE_REFRESH_H

#define CACHE_FRESH_SECONDS 600
/* Held by a running refresh; its mtime is when one last started. */
#define CACHE_REFRESH_LOCK "refresh.lock"

void cache_refresh_if_stale(void);

/*
 * Fetch into the cache: GET /tickets/settings, the tickets that are not
 * closed, and (when the cache existed) every ticket updated since an hour
 * before it was written, so that tickets closed since then lose their open
 * status; then tickets.tsv is rewritten once, even when nothing changed,
 * without the tickets it held as open that are open no more (but for
 * those updated in the last hour: cache_batch_commit()). Returns
 * 0, or 1 without a request when another refresh holds the lock. Dies as
 * api.h does on a failed request.
 */
int cache_refresh(void);

#endif
