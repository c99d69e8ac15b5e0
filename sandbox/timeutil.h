/*
 * Time and number formats of the Syncro API: UTC ISO-8601 with
 * milliseconds ("2026-04-21T15:04:05.000Z") and decimal strings ("0.5").
 */
#ifndef SANDBOX_TIMEUTIL_H
#define SANDBOX_TIMEUTIL_H

#include <stddef.h>
#include <stdint.h>

#define ISO_TIME_LEN 80

/*
 * Parse "YYYY-MM-DD", optionally followed by "THH:MM[:SS[.fff]]" and "Z" or
 * "+HH:MM"/"-HH:MM" (no zone means UTC), into milliseconds since the epoch.
 * Returns 0, or -1 when s is not such a time.
 */
int iso_parse(const char *s, int64_t *ms);
/* Format ms as "YYYY-MM-DDTHH:MM:SS.mmmZ" into buf (ISO_TIME_LEN bytes). */
void iso_format(int64_t ms, char *buf);
/* The current time in milliseconds since the epoch. */
int64_t now_ms(void);

/*
 * A decimal string as Rails prints a decimal column: at most `places`
 * decimals, trailing zeros dropped, at least one decimal ("1.0", "0.25").
 */
void format_decimal(double v, int places, char *buf, size_t size);

#endif
