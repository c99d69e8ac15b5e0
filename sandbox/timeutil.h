/*
 * Time and number formats of the Syncro API: UTC ISO-8601 with
 * milliseconds ("2026-04-21T15:04:05.000Z") and decimal strings ("0.5").
 */
#ifndef SANDBOX_TIMEUTIL_H
#define SANDBOX_TIMEUTIL_H

#include <stddef.h>

/*
 * Timestamps are base's (date.h): parse_timestamp_ms(), format_timestamp_ms()
 * and clock_now_ms(), the parser the client uses too.
 */
#include "date.h"

/*
 * A decimal string as Rails prints a decimal column: at most `places`
 * decimals, trailing zeros dropped, at least one decimal ("1.0", "0.25").
 */
void format_decimal(double v, int places, char *buf, size_t size);

#endif
