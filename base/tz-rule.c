#include "compat.h"
#include <ctype.h>
#include "tz-rule.h"

static int by_name(const void *key, const void *elem)
{
	return strcmp(key, ((const struct tz_zone *)elem)->name);
}

const char *tz_rule_for(const char *name)
{
	const struct tz_zone *z = bsearch(name, tz_zones, tz_zones_nr, sizeof(*tz_zones), by_name);

	return z ? z->rule : NULL;
}

/* An abbreviation: letters ("MST"), or anything but '>' inside <...> ("<+03>"). */
static const char *parse_name(const char *s, char *out, size_t n)
{
	size_t len = 0;

	if (*s == '<') {
		for (s++; *s && *s != '>'; s++)
			if (len + 1 < n)
				out[len++] = *s;
		if (*s != '>')
			return NULL;
		s++;
	} else {
		for (; isalpha((unsigned char)*s); s++)
			if (len + 1 < n)
				out[len++] = *s;
	}
	out[len] = '\0';
	return len >= 3 ? s : NULL;
}

/* [+-]hh[:mm[:ss]] into *secs; hours up to 167 (the rules' time of day). */
static const char *parse_time(const char *s, long *secs)
{
	long sign = 1, part[3] = { 0, 0, 0 };
	int i;

	if (*s == '+' || *s == '-')
		sign = *s++ == '-' ? -1 : 1;
	for (i = 0; i < 3; i++) {
		if (!isdigit((unsigned char)*s))
			return NULL;
		for (part[i] = 0; isdigit((unsigned char)*s) && part[i] < 1000; s++)
			part[i] = part[i] * 10 + (*s - '0');
		if (*s != ':')
			break;
		s++;
	}
	if (part[0] > 167 || part[1] > 59 || part[2] > 59)
		return NULL;
	*secs = sign * (part[0] * 3600 + part[1] * 60 + part[2]);
	return s;
}

static const char *parse_number(const char *s, int *n, int lo, int hi)
{
	if (!isdigit((unsigned char)*s))
		return NULL;
	for (*n = 0; isdigit((unsigned char)*s) && *n <= hi; s++)
		*n = *n * 10 + (*s - '0');
	return *n >= lo && *n <= hi ? s : NULL;
}

static const char *parse_change(const char *s, struct tz_change *c)
{
	c->secs = 7200;	/* 02:00, POSIX's default */
	if (*s == 'M') {
		c->kind = 'M';
		if (!(s = parse_number(s + 1, &c->month, 1, 12)) || *s++ != '.' ||
		    !(s = parse_number(s, &c->week, 1, 5)) || *s++ != '.' ||
		    !(s = parse_number(s, &c->wday, 0, 6)))
			return NULL;
	} else if (*s == 'J') {
		c->kind = 'J';
		if (!(s = parse_number(s + 1, &c->day, 1, 365)))
			return NULL;
	} else {
		c->kind = 'D';
		if (!(s = parse_number(s, &c->day, 0, 365)))
			return NULL;
	}
	if (*s == '/')
		s = parse_time(s + 1, &c->secs);
	return s;
}

int tz_rule_parse(const char *s, struct tz_rule *rule)
{
	long west;

	memset(rule, 0, sizeof(*rule));
	if (!s || !(s = parse_name(s, rule->std, sizeof(rule->std))) || !(s = parse_time(s, &west)))
		return -1;
	rule->std_offset = -west;
	if (!*s)
		return 0;
	if (!(s = parse_name(s, rule->dst, sizeof(rule->dst))))
		return -1;
	rule->has_dst = 1;
	rule->dst_offset = rule->std_offset + 3600;
	if (*s && *s != ',') {
		if (!(s = parse_time(s, &west)))
			return -1;
		rule->dst_offset = -west;
	}
	if (!*s) {
		/* no dates: the US rule, as the C library assumes */
		s = ",M3.2.0,M11.1.0";
	}
	if (*s++ != ',' || !(s = parse_change(s, &rule->start)) || *s++ != ',' ||
	    !(s = parse_change(s, &rule->end)) || *s)
		return -1;
	return 0;
}

static int is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days from 1970-01-01 to y-m-d (m 1-12), for any year. */
static long days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The UTC time of change c in year y, given the offset in force before it. */
static long long change_time(const struct tz_change *c, long y, long offset)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	long day;

	if (c->kind == 'M') {
		long first = days_from_civil(y, c->month, 1);
		int first_wday = (int)(((first % 7) + 11) % 7);	/* 1970-01-01 was a Thursday */
		int len = mdays[c->month - 1] + (c->month == 2 && is_leap(y));
		int mday = 1 + (c->wday - first_wday + 7) % 7 + (c->week - 1) * 7;

		while (mday > len)
			mday -= 7;
		day = first + mday - 1;
	} else if (c->kind == 'J') {
		day = days_from_civil(y, 1, 1) + c->day - 1 + (is_leap(y) && c->day >= 60);
	} else {
		day = days_from_civil(y, 1, 1) + c->day;
	}
	return (long long)day * 86400 + c->secs - offset;
}

long tz_rule_offset(const struct tz_rule *rule, time_t t, int *is_dst)
{
	long long now = (long long)t, start, end;
	long y;
	int dst;

	if (!rule->has_dst) {
		if (is_dst)
			*is_dst = 0;
		return rule->std_offset;
	}
	/* the year of t in standard time */
	y = 1970 + (long)((now + rule->std_offset) / 31556952LL);
	while (days_from_civil(y, 1, 1) * 86400LL > now + rule->std_offset)
		y--;
	while (days_from_civil(y + 1, 1, 1) * 86400LL <= now + rule->std_offset)
		y++;
	start = change_time(&rule->start, y, rule->std_offset);
	end = change_time(&rule->end, y, rule->dst_offset);
	if (start < end)
		dst = now >= start && now < end;
	else
		dst = !(now >= end && now < start);
	if (is_dst)
		*is_dst = dst;
	return dst ? rule->dst_offset : rule->std_offset;
}
