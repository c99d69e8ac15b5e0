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
 * Each account (base URL) has its own bucket, ratelimit_path(): a 429 from
 * one account pauses only the processes talking to that account.
 *
 * The file holds one line, "TOKENS TIME PAUSED_UNTIL\n" (times in seconds
 * since the epoch with a fraction; PAUSED_UNTIL is 0, or the end of a pause
 * after a 429; a line without it is read as 0); a missing or unreadable
 * one is a full bucket. What it says is clamped (ratelimit_clamp()): no file
 * makes anyone wait more than RATELIMIT_MAX_WAIT seconds.
 */
#ifndef SYNCRO_RATELIMIT_H
#define SYNCRO_RATELIMIT_H

#include "token-bucket.h"

/* The longest wait a state file can impose: a 600 s pause and a minute of queue. */
#define RATELIMIT_MAX_WAIT 660

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
 * Make what a state file said usable at now: a level or pause
 * (*paused_until, the end of a pause after a 429, or 0) that would wait
 * past RATELIMIT_MAX_WAIT, a stamp in the future or a value that is not a
 * number becomes the nearest sane value (a full bucket for nonsense).
 */
void ratelimit_clamp(struct token_bucket *b, double *paused_until, double now, long per_minute);

/*
 * The state file of the account at base_url:
 * $XDG_STATE_HOME/syncro/ratelimit-NAME, NAME as cache_dir_name() makes
 * it. The caller frees it.
 */
char *ratelimit_path(const char *base_url);

/*
 * The same on the shared state file (its directory must exist). per_minute
 * <= 0 turns the limit off. Each returns 0, or -1 with errno when the file
 * cannot be used (the caller may warn and carry on without the limit).
 */
/* Wait for a token; *waited (may be NULL) gets the seconds slept. */
int ratelimit_acquire(const char *state_file, long per_minute, double *waited);
/*
 * Take a token without sleeping: *wait gets the seconds to wait before
 * sending, *paused (may be NULL) 1 when that is a pause after a 429.
 */
int ratelimit_reserve(const char *state_file, long per_minute, double *wait, int *paused);
int ratelimit_pause(const char *state_file, long per_minute, double seconds);
/* The tokens available now, without taking one (for `syncro doctor`). */
int ratelimit_level(const char *state_file, long per_minute, double *tokens);

/* seconds rounded up to a whole number, for a message (0 or less: 0). */
long seconds_up(double seconds);

#endif
