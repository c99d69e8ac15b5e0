/*
 * Reads sent ahead. A verb that knows the reads it will make before its
 * first write names them with prefetch_want() (each module names its own:
 * api_ticket_want(), ticket_settings_want(), product_want()) and sends
 * them at once with prefetch_send(), which costs one round trip instead of
 * one each. The api_call() that makes the same read later takes the answer
 * instead of sending it again, so the requests stay the same in number and
 * the code that reads stays as it was.
 *
 * Only answers that succeeded are kept: a read that failed ahead is sent
 * again by its own call, which reports it in its own words. Each answer is
 * taken once; a later read of the same path is sent as usual. Answers never
 * taken are freed at exit, and forgotten by any write (api_call()). A read
 * matches a call with the same path and the same query in the same order
 * (values that hold no '&').
 *
 *   api_ticket_want(number);
 *   ticket_settings_want();
 *   prefetch_send();
 *   t = api_ticket_get(number);	(no request: the answer sent ahead)
 */
#ifndef SYNCRO_PREFETCH_H
#define SYNCRO_PREFETCH_H

#include <cjson/cJSON.h>

#include "compat.h"

/* Name the GET of path (copied) as one to send ahead; the same read twice is one. */
void prefetch_want(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* The same for path with query ("key=value" items), as the call that takes it will send them. */
struct strvec;
void prefetch_want_query(const char *path, const struct strvec *query);

/*
 * Send the reads named since the last call, at once (api_get_many()), and
 * keep their answers. Two or more go out together; a single one is left to
 * its own call, which sends it as soon.
 */
void prefetch_send(void);

/*
 * The answer to GET path with query (NULL or "key=value" items) sent
 * ahead, handed to the caller (who owns it) and forgotten here; 0 and
 * *out, or -1 when there is none (an empty answer is not kept either).
 */
int prefetch_take(const char *path, const struct strvec *query, cJSON **out);

/* Forget the answers not taken: after a write, a read of the same path must be sent. */
void prefetch_forget(void);

#endif
