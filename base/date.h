/*
 * Times for people, in local time ($TZ). "Now" comes from one place,
 * date_now(), which honours SYNCRO_TEST_NOW (seconds since the epoch) so
 * that tests, draft names and relative dates are deterministic. It sets
 * the times syncro posts (a timer's start and end), so its name says it is
 * for tests: a stray export of a plain name would back-date billed time.
 * It is documented for the test harness only, never to users.
 *
 * Also here: the one ISO-8601 parser and its formatters (the API's
 * timestamps, the sandbox's too), the wall clock and sleeping.
 */
#ifndef SYNCRO_DATE_H
#define SYNCRO_DATE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "sbuf.h"

/* $SYNCRO_TEST_NOW if it is a whole number, else the clock. */
time_t date_now(void);

/* t formatted by strftime(3) in local time, appended to sb. */
void date_addf(struct sbuf *sb, const char *strftime_format, time_t t);

/* "2026-11-28 14:05" in local time. */
void date_add_local(struct sbuf *sb, time_t t);

/*
 * t relative to date_now(): "just now" (under a minute either way),
 * "5 minutes ago", "1 hour ago", "3 days ago", "2 months ago" (30 days),
 * "1 year ago" (365 days); the future as "in 3 days".
 */
void date_add_relative(struct sbuf *sb, time_t t);

/*
 * ISO-8601 as Syncro writes it: "2019-11-04T08:59:31.034Z",
 * "2026-05-01T09:00:00-07:00", "+0530" offsets, or a bare date
 * "2019-02-25" (midnight UTC). 0 and *out, or -1 when malformed; the
 * fraction of a second is dropped.
 */
int parse_timestamp(const char *s, time_t *out);
/* The same in milliseconds since the epoch (digits past the third are dropped). */
int parse_timestamp_ms(const char *s, int64_t *ms);
/* t as "2026-05-01T16:00:00Z" into buf (at least 21 bytes); returns buf. */
char *format_timestamp(time_t t, char *buf, size_t size);

/* ms as "2026-04-21T15:04:05.123Z" into buf (at least 25 bytes; TIMESTAMP_MS_LEN). */
#define TIMESTAMP_MS_LEN 32
void format_timestamp_ms(int64_t ms, char *buf, size_t size);

/* The wall clock in seconds, with a fraction, and in milliseconds; never SYNCRO_TEST_NOW. */
double clock_now(void);
int64_t clock_now_ms(void);
/* Sleep that many seconds (0 or less: not at all), through signals. */
void sleep_seconds(double seconds);

/*
 * A day as people say it, relative to date_now() in local time, appended
 * to sb as "YYYY-MM-DD": "today", "tomorrow", "+3" or "+3d" (days), "+2w"
 * (weeks), or a weekday ("friday", "fri": the next one after today).
 * Case is ignored. Returns 0, or -1 (sb untouched) for anything else.
 */
int date_parse_relative_day(const char *s, struct sbuf *sb);

#endif
