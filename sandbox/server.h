/*
 * The HTTP side of the sandbox (libmicrohttpd): one thread per connection,
 * bound to 127.0.0.1. Each request goes through, in order: the test
 * controls, injected failures, the rate limit, authentication, and the
 * route. The server owns its controls and rate limiter; the state is the
 * caller's.
 */
#ifndef SANDBOX_SERVER_H
#define SANDBOX_SERVER_H

#include <stdatomic.h>
#include "controls.h"
#include "client-limit.h"
#include "state.h"

struct server {
	struct state *st;
	const char *api_key;
	const struct strvec *user_keys;	/* --user-key KEY=USER_ID, or NULL */
	int test_controls;
	int retry_after;		/* send Retry-After with a 429 */
	int verbose;			/* one line per request on stderr */
	struct controls ctl;
	struct client_limit rl;
	struct MHD_Daemon *daemon;
	atomic_long connections;	/* TCP connections accepted so far */
};

/* Listen on 127.0.0.1:port (0: any free port); returns the port, or -1. */
int server_start(struct server *srv, int port);
void server_stop(struct server *srv);

#endif
