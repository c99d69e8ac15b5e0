/*
 * The rate limit every syncro process of the user shares: Syncro allows
 * 180 requests a minute per IP, so all processes draw from one token
 * bucket kept in a small state file ($XDG_STATE_HOME/syncro/ratelimit),
 * read and rewritten under flock().
 *
 * The bucket refills at per_minute/60 tokens a second and holds at most
 * ratelimit_burst(per_minute) (ten seconds' worth), so no 60-second window
 * ever sees much more than per_minute requests. A process that finds no
 * token takes one anyway (the level goes negative: its place in the queue)
 * and sleeps, outside the lock, until its turn; waiting processes are
 * therefore served in order and never poll.
 *
 * The file holds one line, "TOKENS TIME\n" (TIME in seconds since the epoch
 * with a fraction); a missing or unreadable one is a full bucket.
 */
#ifndef SYNCRO_RATELIMIT_H
#define SYNCRO_RATELIMIT_H

#include "token-bucket.h"

/* How many requests may go at once after a quiet spell. */
double ratelimit_burst(long per_minute);

/*
 * The bucket's arithmetic (token-bucket.h) at per_minute / 60 tokens a
 * second, capped at the burst. Take a token at now; returns the seconds
 * to wait before sending (0: now).
 */
double ratelimit_bucket_take(struct token_bucket *b, double now, long per_minute);
/* Bring b up to now (a clock going back refills nothing). */
void ratelimit_bucket_refill(struct token_bucket *b, double now, long per_minute);
/* After a 429: nobody takes a token in the next `seconds`. */
void ratelimit_bucket_pause(struct token_bucket *b, double now, double seconds, long per_minute);

/*
 * The same on the shared state file (its directory must exist). per_minute
 * <= 0 turns the limit off. Each returns 0, or -1 with errno when the file
 * cannot be used (the caller may warn and carry on without the limit).
 */
/* Wait for a token; *waited (may be NULL) gets the seconds slept. */
int ratelimit_acquire(const char *state_file, long per_minute, double *waited);
int ratelimit_pause(const char *state_file, long per_minute, double seconds);
/* The tokens available now, without taking one (for `syncro doctor`). */
int ratelimit_level(const char *state_file, long per_minute, double *tokens);

#endif
