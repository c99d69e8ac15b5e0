/*
 * Request URLs, built and escaped with libcurl's URL API (CURLU), and the
 * redaction of the API key from anything shown to the user.
 */
#ifndef SYNCRO_URL_H
#define SYNCRO_URL_H

#include "sbuf.h"

/* The placeholder shown instead of the key. */
#define REDACTED "REDACTED"

/*
 * The URL for path under base: base "https://acme.syncromsp.com/api/v1",
 * path "/tickets/108430330" or "tickets?status=New" (a query written in
 * the path is kept as written, spaces encoded), then query: "key=value"
 * pairs, unescaped (may be NULL). With key non-NULL, "api_key=KEY" is the
 * first query parameter (Syncro reads it only there).
 *
 * The URL is refused unless it is https, or http to a loopback host; a path
 * that is a URL of its own or leaves base's host is refused too. Returns
 * the URL (owned by the caller), or NULL with a message (no key in it) in err.
 */
char *url_build(const char *base, const char *path, const struct strvec *query,
		const char *key, struct sbuf *err);

/*
 * 0 if url may carry the key: https, or http to 127.0.0.0/8, ::1 or
 * localhost. Else -1 and a message in err.
 */
int url_check_transport(const char *url, struct sbuf *err);

/*
 * Remove the key from text in place: every occurrence of key itself (and
 * of its URL-escaped form), every "api_key=VALUE" and every
 * "Authorization: Bearer VALUE" becomes REDACTED. key may be NULL.
 */
void url_redact(struct sbuf *text, const char *key);

#endif
