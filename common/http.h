/*
 * HTTP to the Syncro API: the only file that calls libcurl's transfer
 * functions. Verbs do not call it; they use api.h, which sits on top.
 *
 * One easy handle per process, reused so the connection stays open; gzip;
 * "User-Agent: syncro/VERSION"; "Accept: application/json"; a JSON
 * Content-Type on bodies; the connect and total timeouts of the config.
 * The key (cred.h) is read on the first request and sent as
 * "Authorization: Bearer KEY", or as the first query parameter api_key
 * with config `auth: query`. Plain http is refused except to loopback; TLS
 * is always verified (the CAs: http_ca_choose()); HTTP/2 when a TLS server
 * offers it. Bodies past HTTP_BODY_CAP (http_set_body_cap()) are
 * refused.
 *
 * Every attempt first takes a token from the shared rate limit
 * (ratelimit.h). Retries:
 *   429               waits Retry-After (whole seconds or an HTTP date;
 *                     a malformed one is ignored), else config
 *                     rate_limit.wait (a countdown on a TTY, a line on
 *                     stderr otherwise) and retries, at most
 *                     HTTP_RATE_RETRIES times; a wait over
 *                     HTTP_RATE_MAX_WAIT seconds, or one that would take
 *                     the process's waits on the rate limit past config
 *                     rate_limit.max_wait in all, is not waited out
 *                     (resp->retry_after says how long it was);
 *   5xx, timeout,     GET, PUT and DELETE are tried HTTP_TRIES times in all,
 *   connection lost   waiting 0.5 s, then 1 s; POST and PATCH are sent again
 *                     only when the connection was never made (nothing left).
 * libcurl itself never sends a POST or PATCH twice: the body cannot be
 * rewound, so a reused connection that dies under it is a failure
 * (HTTP_CLOSED), not a silent second request. A POST reuses the open
 * connection only when it was used in the last HTTP_ONCE_MAX_IDLE seconds,
 * so the POSTs of one command share the connection of its reads.
 *
 * With config connection.keep on (connection-keep.h), each request goes
 * to the account's connection keeper over its Unix socket, which sends it
 * once on its kept connection and answers what the API answered, or what
 * failed (then resp is as a direct failure makes it). A keeper that does
 * not answer the connection (no socket, a stale one) is left for the rest
 * of the process, silently: the request goes direct and a keeper is
 * started for the next command.
 *
 * With --verbose (opt_verbose) each request and response line goes to
 * stderr as "> ..." and "< ...", the key shown as REDACTED.
 */
#ifndef SYNCRO_HTTP_H
#define SYNCRO_HTTP_H

#include <time.h>
#include "sbuf.h"

#define HTTP_BODY_CAP (32L * 1024 * 1024)
#define HTTP_TRIES 3
#define HTTP_RATE_RETRIES 3
#define HTTP_RATE_MAX_WAIT 600
/* A wait for the shared rate limit this long (seconds) or more is said on stderr. */
#define HTTP_RATE_SAY_WAIT 5
/* A POST or PATCH reuses a connection idle at most this long (seconds). */
#define HTTP_ONCE_MAX_IDLE 2

enum http_failure {
	HTTP_DONE = 0,	/* a response arrived, whatever its status */
	HTTP_REFUSED,	/* not sent: the URL was refused (error says why) */
	HTTP_CONNECT,	/* could not connect: nothing was sent */
	HTTP_DNS,	/* the host name did not resolve: nothing was sent */
	HTTP_TLS,	/* certificate or TLS handshake failure */
	HTTP_TIMEOUT,	/* no complete answer within config timeout */
	HTTP_CLOSED,	/* the connection dropped without an answer */
	HTTP_TOO_BIG,	/* the body was larger than HTTP_BODY_CAP */
	HTTP_OTHER,	/* anything else libcurl reports */
};

struct http_response {
	enum http_failure failure;
	long status;		/* the final status; 0 unless failure == HTTP_DONE */
	char *error;		/* owned: why the transfer failed (no key in it); NULL if done */
	char *content_type;	/* owned: the Content-Type, or NULL */
	struct sbuf headers;	/* the final response's status and header lines */
	struct sbuf body;	/* the final response's body */
	int attempts;		/* how many times the request was sent */
	long retry_after;	/* a final 429's wait in seconds when over HTTP_RATE_MAX_WAIT; else 0 */
};
#define HTTP_RESPONSE_INIT { HTTP_DONE, 0, NULL, NULL, SBUF_INIT, SBUF_INIT, 0, 0 }

/*
 * Send METHOD ("GET", "POST", "PUT", "PATCH", "DELETE") to path under the
 * configured base URL (see url_build() for path and query), with body (JSON
 * text) or NULL. Fills resp, which the caller releases. Returns 0 when a
 * response arrived (check resp->status), -1 when none did (resp->failure
 * and resp->error say why). Dies (exit 3) with no base URL or no key.
 */
int http_send(const char *method, const char *path, const struct strvec *query,
	      const char *body, struct http_response *resp);
void http_response_release(struct http_response *resp);

/*
 * Reads that do not depend on each other, at once: GET each path (with
 * query) under the base URL, at most HTTP_CONCURRENCY in flight on the
 * process's connections (HTTP/2 multiplexes them on one), each taking its
 * token from the shared rate limit first. One that fails, or answers 429
 * or 5xx, then gets the waits and retries of http_send(), alone. Fills
 * each resp, which the caller releases; returns 0 when every one got a
 * response, else -1 (check each resp->failure).
 */
#define HTTP_CONCURRENCY 4
struct http_get {
	const char *path;		/* borrowed */
	const struct strvec *query;	/* borrowed; may be NULL */
	struct http_response resp;	/* filled; HTTP_RESPONSE_INIT first */
};
int http_get_many(struct http_get *reqs, size_t n);

/*
 * Send the later requests with key (copied; the old one is wiped) instead
 * of the configured one: for `syncro doctor`, which asks GET /me with each
 * profile's key. The key is never shown.
 */
void http_set_api_key(const char *key);

/*
 * The seconds a Retry-After value asks for at now: whole seconds or an HTTP
 * date (past: 0); -1 for anything else ("600x", "-5", "").
 */
long http_parse_retry_after(const char *value, time_t now);

/*
 * The CA certificates TLS verification trusts, the first that is set of:
 * config tls.ca_file, $CURL_CA_BUNDLE, $SSL_CERT_FILE (each a PEM file);
 * else HTTP_SYSTEM_CA_DIR when it holds hashed names and libcurl uses
 * OpenSSL (only the certificates a server needs are read, not the whole
 * bundle); else libcurl's built-in bundle. A TLS failure's message names
 * the source.
 */
#define HTTP_SYSTEM_CA_DIR "/etc/ssl/certs"
struct http_ca {
	const char *path;	/* borrowed: a file, a directory (is_dir), or NULL: built in */
	int is_dir;
	const char *source;	/* static: "tls.ca_file", "SSL_CERT_FILE", ... */
};
struct syncro_config;
void http_ca_choose(const struct syncro_config *cfg, struct http_ca *ca);

/* Replace the API key in text with REDACTED (an error body that echoes it back). */
void http_redact_key(struct sbuf *text);

/* Change the cap on response bodies (bytes > 0), e.g. for a test. */
void http_set_body_cap(long bytes);

/* The value of the header name (any case) in headers, or NULL; the caller frees it. */
char *http_header_value(const struct sbuf *headers, const char *name);

/* "connect", "timeout", ... for failure (static). */
const char *http_failure_name(enum http_failure failure);

/*
 * For the connection keeper (connection-keeper.h): send method url body
 * once, on the process's kept connection, with the header lines headers
 * ("Authorization: ...", as a verb sent them; copies are wiped after) and
 * no key, rate limit or retry of its own; a POST or PATCH is guarded as
 * in http_send(). Fills resp; *maybe_sent tells a failed request that
 * may have reached the server. Returns 0 when a response arrived, else -1.
 * http_forward_init() sets the process up for it (core dumps off).
 */
void http_forward_init(void);
int http_forward(const char *method, const char *url, const struct strvec *headers,
		 const char *body, struct http_response *resp, int *maybe_sent);

/* The URL http_send() would use, without the key (for dry runs); caller frees. */
char *http_display_url(const char *path, const struct strvec *query);

#endif
