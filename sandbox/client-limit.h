/*
 * The per-client rate limit: a token bucket for each client address that
 * holds `limit` requests and refills at limit per minute. Not thread-safe:
 * the caller holds the state lock.
 */
#ifndef SANDBOX_CLIENT_LIMIT_H
#define SANDBOX_CLIENT_LIMIT_H

struct rl_client;

struct ratelimit {
	long limit;		/* requests per minute; 0 means no limit */
	struct rl_client *clients;	/* owned */
	int nr, alloc;
};

/*
 * Take one request for addr at time now (seconds, monotonic). Returns 1
 * when allowed; 0 when limited, with *retry_after set to the whole seconds
 * until a request would be allowed again (at least 1). A refused request
 * takes nothing from the bucket.
 */
int ratelimit_take(struct ratelimit *rl, const char *addr, double now, long *retry_after);
/* Forget every client (full buckets again). */
void ratelimit_reset(struct ratelimit *rl);

#endif
