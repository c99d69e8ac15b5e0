/*
 * The arithmetic of a token bucket: it refills at rate tokens a second up
 * to capacity, and a request takes one token. No clock of its own: the
 * caller passes now (seconds, on any clock that does not go back, or
 * refills nothing when it does). Used by the client's shared rate limit
 * (common/ratelimit.h) and the sandbox's per-client one.
 */
#ifndef SYNCRO_TOKEN_BUCKET_H
#define SYNCRO_TOKEN_BUCKET_H

struct token_bucket {
	double tokens;	/* may be negative: requests already waiting */
	double stamp;	/* when tokens was last brought up to date */
};

/* Bring b up to now: refill, capped at capacity. */
void token_bucket_refill(struct token_bucket *b, double now, double rate, double capacity);
/*
 * Take a token at now even when none is left (the level goes negative:
 * the caller's place in the queue); returns the seconds to wait before
 * using it (0: now).
 */
double token_bucket_take(struct token_bucket *b, double now, double rate, double capacity);
/* Take a token only if a whole one is there: 0 when taken, else the seconds until one is. */
double token_bucket_try(struct token_bucket *b, double now, double rate, double capacity);

#endif
