/*
 * Times in the account's own zone, which is the Syncro account's setting
 * (GET /settings: locale.time_zone, cached for a day), not $TZ: a tech's
 * shell may be anywhere, or ignore TZ altogether. Appointments are shown
 * with their weekday and zone ("Fri 2026-12-04 09:30 MST") because a
 * booking on the wrong day is the mistake this prevents.
 */
#ifndef SYNCRO_ACCOUNT_TIME_H
#define SYNCRO_ACCOUNT_TIME_H

#include <time.h>
#include "sbuf.h"

/* Make local time the account's (sets TZ for this process); the zone's name, static. */
const char *account_time_use(void);

/*
 * A time the user typed, in the account's zone, relative to date_now():
 * "2026-12-04 09:30", "today 14:00", "tomorrow 9:30", "9:30" (today),
 * "+2d" (the same time two days on), "+3h", "+90m". 0, or -1 when it is
 * none of those. account_time_use() first.
 */
int account_time_parse(const char *text, time_t *out);

/* "Fri 2026-12-04 09:30 MST", appended. */
void account_time_format(struct sbuf *out, time_t t);

/* "2026-12-04T16:30:00.000Z": UTC for the API, appended. */
void account_time_iso(struct sbuf *out, time_t t);

#endif
