/*
 * The per-client rate limit: a token bucket for each client address that
 * holds `limit` requests and refills at limit per minute (token-bucket.h).
 * Not thread-safe:
 * the caller holds the state lock.
 */
#ifndef SANDBOX_CLIENT_LIMIT_H
#define SANDBOX_CLIENT_LIMIT_H

struct client_bucket;

struct client_limit {
	long limit;		/* requests per minute; 0 means no limit */
	struct client_bucket *clients;	/* owned */
	int nr, alloc;
};

/*
 * Take one request for addr at time now (seconds, monotonic). Returns 1
 * when allowed; 0 when limited, with *retry_after set to the whole seconds
 * until a request would be allowed again (at least 1). A refused request
 * takes nothing from the bucket.
 */
int client_limit_take(struct client_limit *rl, const char *addr, double now, long *retry_after);
/* Forget every client (full buckets again). */
void client_limit_reset(struct client_limit *rl);

#endif
