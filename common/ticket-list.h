/*
 * Lists of tickets as `syncro list`, `search` and `customers ID` show
 * them: GET /tickets page by page (per_page=100, one request a page and
 * nothing more), the summary line of output.h, newest first, --limit,
 * --json, and the cache updated from what came back.
 *
 *   struct ticket_list *tl = ticket_list_new(TICKET_LIST_OPEN, 0);
 *   strvec_push(&query, "status=Not Closed");
 *   ticket_list_fetch(tl, &query);      // once per request stream
 *   shown = ticket_list_finish(tl);     // prints, updates the cache, frees
 *
 * Memory stays flat however many tickets there are: of a list of up to
 * 1000 tickets only the rows (four short strings each) are kept, to be
 * aligned to their widths and sorted at the end; a longer one that has
 * come newest first is printed page by page from there, in widths fixed
 * up front (the status column as wide as the account's widest status, the
 * customer's at its maximum); --json output is streamed page by page.
 * The cache lines of every ticket are kept (cache.h).
 */
#ifndef SYNCRO_TICKET_LIST_H
#define SYNCRO_TICKET_LIST_H

#include <stddef.h>

#include "sbuf.h"

enum ticket_list_flags {
	TICKET_LIST_OPEN = 1 << 0,	/* leave out done tickets (ticket-status.h) */
	TICKET_LIST_JSON = 1 << 1,	/* print the API objects as one JSON array */
	/* The fetches cover every open ticket: the cache drops those it still
	 * holds as open that did not come back (cache_batch_commit). */
	TICKET_LIST_COMPLETE = 1 << 2,
	/* More than one ticket_list_fetch(), merged newest first: every row is kept. */
	TICKET_LIST_MERGE = 1 << 3,
};

struct ticket_list;

/* limit: stop once that many are kept (0: no limit). */
struct ticket_list *ticket_list_new(unsigned flags, long limit);

/*
 * One request stream: GET /tickets?QUERY&page=N&per_page=100 for N = 1,
 * 2, ... until the last page or the limit. query is only read. Dies on an
 * API error (api.h). A second call needs TICKET_LIST_MERGE.
 */
void ticket_list_fetch(struct ticket_list *tl, const struct strvec *query);

/*
 * Keep only the tickets in which every one of words (borrowed; lasting
 * until ticket_list_finish()) occurs, ignoring case, in the subject or
 * the customer's name, or is the number ("32164", "#32164"): the API's
 * query matches one phrase, so a search for several words in any order
 * sends one of them and checks the others here.
 */
void ticket_list_require_words(struct ticket_list *tl, const struct strvec *words);

/* Whether the limit has been reached (no need for more streams). */
int ticket_list_full(const struct ticket_list *tl);

/*
 * Print the rows (those not printed yet), highest number (newest) first,
 * cut to the terminal (or close the JSON array); write the cache once;
 * free tl. Returns how many tickets were shown.
 */
size_t ticket_list_finish(struct ticket_list *tl);

#endif
