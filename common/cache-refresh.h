/*
 * Filling the cache that completion reads, for `syncro list
 * --refresh-cache` and `syncro __refresh-cache`.
 */
#ifndef SYNCRO_CACHE_REFRESH_H
#define SYNCRO_CACHE_REFRESH_H

/*
 * Fetch every open ticket (GET /tickets?status=Not Closed, every page,
 * per_page=100) into tickets.tsv, dropping cached tickets that are no
 * longer open, and the ticket settings when the cached ones are older than
 * a day (ticket-settings.h). Prints nothing on stdout; an API error dies
 * with its message and exit code (api.h). Returns how many open tickets
 * there are.
 */
long cache_refresh(void);

#endif
