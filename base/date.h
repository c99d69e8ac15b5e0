/*
 * Times for people, in local time ($TZ). "Now" comes from one place,
 * date_now(), which honours SYNCRO_TEST_NOW (seconds since the epoch) so
 * that tests, draft names and relative dates are deterministic. It sets
 * the times syncro posts (a timer's start and end), so its name says it is
 * for tests: a stray export of a plain name would back-date billed time.
 * It is documented for the test harness only, never to users. Parsing the
 * API's timestamps is parse_timestamp() in json.h.
 */
#ifndef SYNCRO_DATE_H
#define SYNCRO_DATE_H

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

#endif
