/*
 * One place that turns a failed request into a message and an exit code
 * (design.md): 401/403 -> 3 with a hint naming the permission the endpoint
 * needs; 404 -> 4 naming what was not found; 400/422 -> 5 with the API's
 * own words; 429 (after the retries) -> 6; 5xx, timeouts, DNS, TLS and
 * bodies that are not JSON -> 7 with the status and content type. The
 * message is never empty and never holds the key.
 */
#ifndef SYNCRO_API_ERROR_H
#define SYNCRO_API_ERROR_H

#include <cjson/cJSON.h>
#include "exit-codes.h"
#include "http.h"
#include "sbuf.h"

struct api_error {
	int code;		/* the exit code (exit-codes.h); 0 = no error */
	long status;		/* the HTTP status, 0 when no response came */
	char *message;		/* owned; never empty: "ticket #99999 not found" */
	char *hint;		/* owned, or NULL: what the user can do next */
	int unsent;		/* the request never left (refused, no connection): nothing can have changed */
};
#define API_ERROR_INIT { 0, 0, NULL, NULL, 0 }

/*
 * The API's own words in an error body, trying in order `error`, `errors`
 * (string, array or object), `message` (string or array), then an object
 * of field -> messages ({"date":["can't be blank"]} -> "date can't be
 * blank"). Several messages are joined with "; ". NULL when there are none.
 * The caller frees the result.
 */
char *api_error_words(const cJSON *body);

/*
 * Fill err (released first) for a request that failed: a transport failure,
 * a status of 400 or more, or a body that is not JSON (then status is what
 * came). method and path name the request ("GET", "/tickets/108430330");
 * what, if not NULL, names its subject ("ticket #32164") for a 404 and a
 * 400 or 422: "the Syncro API rejected the change to ticket #32164: ...".
 */
void api_error_from_response(struct api_error *err, const struct http_response *resp,
			     const char *method, const char *path, const char *what);

/*
 * The Syncro permission an endpoint needs ("Tickets - Edit"), from the
 * OpenAPI descriptions; NULL when unknown. path may hold ids and a query.
 */
const char *api_permission(const char *method, const char *path);

/*
 * Print "PROGRAM: message", err's hint, then each of hints (may be NULL)
 * as "hint: ..." lines on stderr, stdout flushed first.
 */
void api_error_print(const struct api_error *err, const struct strvec *hints);
/* api_error_print(), release err, exit with err->code (1 when it is 0). */
_Noreturn void api_die_hints(struct api_error *err, const struct strvec *hints);
/* api_die_hints() without more hints. */
_Noreturn void api_die(struct api_error *err);
void api_error_release(struct api_error *err);
/*
 * Fill err (released first) with code, status (0: no response came), and
 * message and hint (may be NULL), which it takes: both must be allocated.
 * Returns -1, for `return api_error_set(err, ...);`.
 */
int api_error_set(struct api_error *err, int code, long status, char *message, char *hint);

/*
 * For 'syncro doctor' itself: hints from now on leave out "check it with
 * 'syncro doctor'" and the like, which would send the user in a circle.
 */
void api_error_hints_in_doctor(void);

#endif
