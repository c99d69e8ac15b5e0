/*
 * POSIX TZ rules ("MST7MDT,M3.2.0,M11.1.0"), read and applied without the
 * C library's time zone code: for Windows, whose C runtime knows neither
 * tz database names ("America/Denver") nor rules other than the US ones.
 * tz_zones (base/tz-table.c, made by tools/gen-tz-table) gives each name
 * of the tz database its rule for the years after its last listed change.
 * Nothing here allocates.
 */
#ifndef SYNCRO_TZ_RULE_H
#define SYNCRO_TZ_RULE_H

#include <stddef.h>
#include <time.h>

struct tz_change {
	char kind;	/* 'M' month.week.day, 'J' Julian 1-365, 'D' day 0-365 */
	int month, week, wday, day;
	long secs;	/* local time of day of the change; may be < 0 or > 24 h */
};

struct tz_rule {
	char std[16], dst[16];	/* abbreviations, "MST" and "MDT", "+03" */
	long std_offset;	/* seconds east of UTC: MST7 is -25200 */
	long dst_offset;
	int has_dst;
	struct tz_change start, end;
};

struct tz_zone {
	const char *name, *rule;
};
extern const struct tz_zone tz_zones[];
extern const size_t tz_zones_nr;

/* The rule of tz database name NAME, or NULL. */
const char *tz_rule_for(const char *name);

/* Read a POSIX TZ rule into *rule: 0, or -1 when it is not one. */
int tz_rule_parse(const char *text, struct tz_rule *rule);

/* Seconds east of UTC at time t; *is_dst (if not NULL) says which. */
long tz_rule_offset(const struct tz_rule *rule, time_t t, int *is_dst);

#endif
