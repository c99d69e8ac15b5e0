/*
 * The Syncro API for verbs: requests, unwrapping, pagination, ticket
 * numbers. Verbs call this, never http.h or libcurl.
 *
 * Two ways to make a request:
 *   - api_get/api_post/api_put/api_delete and api_ticket() die on failure
 *     with the message and exit code of api-error.h (most verbs want this);
 *   - api_call() and api_ticket_call() return -1 and fill a struct
 *     api_error instead, for a verb that must carry on (bill journals the
 *     step, then calls api_die(&err) itself).
 *
 * Ownership: every cJSON * returned is the caller's (cJSON_Delete); every
 * const cJSON * handed to a callback is borrowed for the call only; bodies
 * passed in are only read.
 *
 *   cJSON *t = api_ticket_get(number);
 *   printf("%s\n", json_string(t, "subject", ""));
 *   cJSON_Delete(t);
 */
#ifndef SYNCRO_API_H
#define SYNCRO_API_H

#include <stdio.h>
#include <cjson/cJSON.h>
#include "api-error.h"
#include "http.h"
#include "sbuf.h"
#include "ticket-number.h"

struct api_request {
	const char *method;		/* "GET" (also when NULL), "POST", "PUT", "PATCH", "DELETE" */
	const char *path;		/* under the base URL: "/tickets/108430330/comment" */
	const struct strvec *query;	/* "key=value" pairs, unescaped; may be NULL */
	const cJSON *body;		/* sent as JSON; may be NULL */
	const char *what;		/* what path names, for a 404 or 422 ("ticket #32164"); may be NULL */
};

/*
 * Send req. On success (2xx) returns 0 and the parsed body in *out (NULL
 * for an empty body such as a 204). On failure returns -1, *out NULL, and
 * err filled (the caller releases it or passes it to api_die()).
 */
int api_call(const struct api_request *req, cJSON **out, struct api_error *err);

/*
 * The same, also handing back the raw response (status, headers, body) in
 * resp, which the caller releases: for `syncro api`, which shows them.
 */
int api_exchange(const struct api_request *req, struct http_response *resp,
		 cJSON **out, struct api_error *err);

/*
 * Reads that do not depend on each other, sent at once (http_get_many():
 * within the shared rate limit, on the connections the process holds):
 * reqs[i] must be a GET (method NULL or "GET"). Each outs[i] and errs[i]
 * is filled as api_call() fills them (errs initialised by the caller with
 * API_ERROR_INIT, released by it). Returns 0 when every one succeeded,
 * else -1.
 *
 *   struct api_request reqs[2] = { { "GET", ticket_path, ... },
 *                                  { "GET", "/products/26118", ... } };
 *   cJSON *outs[2];
 *   struct api_error errs[2] = { API_ERROR_INIT, API_ERROR_INIT };
 *   if (api_get_many(reqs, 2, outs, errs)) ...
 */
int api_get_many(const struct api_request *reqs, size_t n, cJSON **outs, struct api_error *errs);

/* Die on failure; the result may be NULL only for an empty 2xx body. */
cJSON *api_get(const char *path, const struct strvec *query);
cJSON *api_post(const char *path, const cJSON *body);
cJSON *api_put(const char *path, const cJSON *body);
cJSON *api_delete(const char *path);

/*
 * Take the member key out of a wrapped answer ({"ticket":{...}} -> the
 * ticket) and free the rest. Consumes resp; returns the member, owned by the
 * caller. An answer without that member (endpoints that answer flat: timers,
 * /me) is returned unchanged. NULL in, NULL out.
 */
cJSON *api_unwrap(cJSON *resp, const char *key);

/*
 * The array key of a list answer (NULL: the first array in it, or the
 * answer itself when it is one), checked: at most API_LIST_MAX items (Syncro
 * sends 25, or up to 100, a page), each an object. 0 and *items (borrowed
 * from answer), or -1, *items NULL and err (exit 7, "the Syncro API answered
 * 'GET /tickets' (page 2) with a malformed list: no 'tickets' array") for
 * an empty body, an answer without the array, an item that is not an
 * object, or too many. path is the request's, page its page (0: none).
 */
#define API_LIST_MAX 1000
int api_list_items(const cJSON *answer, const char *key, const char *path, long page,
		   const cJSON **items, struct api_error *err);
/* The same, dying instead (exit 7). */
const cJSON *api_list_or_die(const cJSON *answer, const char *key, const char *path);

/*
 * Page through a list: GET path with query plus page=1, 2, ... (and
 * per_page=N when per_page > 0; Syncro honours it on some endpoints, up to
 * 100). Each page's array `key` ("tickets"; NULL: the first array in the
 * answer) goes to fn, borrowed for the call, so memory stays flat. Stops
 * after meta.total_pages, on an empty page, on a page that repeats the
 * previous one (an endpoint that ignores page), or when fn returns
 * non-zero, which is then returned. Dies on failure, and with exit 7 on a
 * page that api_list_items() refuses or past 10000 pages.
 *
 * api_paginate_all() is for a caller that wants every page: once page 1
 * gives meta.total_pages, the pages left are fetched up to
 * HTTP_CONCURRENCY at once (api_get_many()), still handed to fn in order;
 * at most that many pages are held at a time (when fn stops early, the
 * others of its round were fetched for nothing).
 */
typedef int (*api_page_fn)(const cJSON *items, void *data);
int api_paginate(const char *path, const struct strvec *query, const char *key,
		 int per_page, api_page_fn fn, void *data);
int api_paginate_all(const char *path, const struct strvec *query, const char *key,
		     int per_page, api_page_fn fn, void *data);

/*
 * The internal id of ticket number (the cache first, else GET
 * /tickets?number=N, whose answer is stored in the cache). Dies with exit 4
 * "ticket #N not found"; api_ticket_id_gently() returns -1 and fills err.
 */
long api_ticket_id(long number);

/*
 * Ticket number as GET /tickets?number=N returns it (the list's summary
 * shape: status, priority, user, due_date, contact_fullname...), stored in
 * the cache; the request that api_ticket_id() makes when the number is not
 * cached, for a verb that also wants the ticket's current values. The
 * result is the caller's. Dies with exit 4 "ticket #N not found"; the
 * _gently form returns -1 and fills err instead.
 */
cJSON *api_ticket_lookup(long number);
int api_ticket_lookup_gently(long number, cJSON **ticket, struct api_error *err);

/*
 * The ticket as last seen, to show what a change changes without a
 * request when possible: from the cache when the number is in it (then
 * only number, id, status, customer_id, customer_business_then_name,
 * subject and updated_at are present), else api_ticket_lookup(). The
 * result is the caller's.
 */
cJSON *api_ticket_last_seen(long number);
long api_ticket_id_gently(long number, struct api_error *err);

/*
 * METHOD /tickets/ID{suffix} for ticket number (suffix "" or "/comment"...).
 * A 404 on a cached id forgets it, resolves the number again through the
 * API and retries once; a 404 then is "ticket #N not found" (exit 4).
 * Returns like api_call(); api_ticket() dies instead.
 */
int api_ticket_call(long number, const char *method, const char *suffix,
		    const cJSON *body, cJSON **out, struct api_error *err);
cJSON *api_ticket(long number, const char *method, const char *suffix, const cJSON *body);

/*
 * GET /tickets/ID for ticket number (api_ticket_call()), unwrapped: the
 * ticket object, the caller's. api_ticket_get() dies on failure; the
 * _gently form returns -1 and fills err.
 */
cJSON *api_ticket_get(long number);
int api_ticket_get_gently(long number, cJSON **ticket, struct api_error *err);

/*
 * Name GET /tickets/ID of ticket number as a read to send ahead
 * (prefetch.h) when the cache knows its id, else its lookup by number.
 */
void api_ticket_want(long number);

/*
 * Print what req would send, without sending it, for --dry-run:
 * "POST https://acme.syncromsp.com/api/v1/tickets/108430330/comment" and
 * the body as JSON. The key is never part of it.
 */
void api_print_request(FILE *fp, const struct api_request *req);

#endif
