#include "compat.h"
#include "date.h"
#include "usage.h"

time_t date_now(void)
{
	const char *env = getenv("SYNCRO_TEST_NOW");

	if (env && *env) {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(env, &end, 10);
		if (!errno && !*end)
			return (time_t)v;
	}
	return time(NULL);
}

void date_addf(struct sbuf *sb, const char *strftime_format, time_t t)
{
	char buf[128];
	struct tm tm;

	if (!localtime_r(&t, &tm) || !strftime(buf, sizeof(buf), strftime_format, &tm))
		die("BUG: cannot format time %lld as '%s'", (long long)t, strftime_format);
	sbuf_addstr(sb, buf);
}

void date_add_local(struct sbuf *sb, time_t t)
{
	date_addf(sb, "%Y-%m-%d %H:%M", t);
}

void date_add_relative(struct sbuf *sb, time_t t)
{
	static const struct {
		long long seconds;
		const char *unit;
	} units[] = {
		{ 365LL * 86400, "year" },
		{ 30LL * 86400, "month" },
		{ 86400, "day" },
		{ 3600, "hour" },
		{ 60, "minute" },
	};
	long long diff = (long long)date_now() - (long long)t;
	long long abs = diff < 0 ? -diff : diff;

	for (size_t i = 0; i < ARRAY_SIZE(units); i++) {
		long long n = abs / units[i].seconds;

		if (!n)
			continue;
		sbuf_addf(sb, "%s%lld %s%s%s", diff < 0 ? "in " : "", n, units[i].unit,
			  n == 1 ? "" : "s", diff < 0 ? "" : " ago");
		return;
	}
	sbuf_addstr(sb, "just now");
}

static const char *const weekdays[] = {
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
};

/* The weekday s names (whole, or its first three letters or more), 0-6; else -1. */
static int weekday(const char *s)
{
	size_t len = strlen(s);

	for (int i = 0; i < 7; i++)
		if (len >= 3 && len <= strlen(weekdays[i]) && !strncasecmp(s, weekdays[i], len))
			return i;
	return -1;
}

/* How many days from today s says; -1 if it says none. */
static long days_ahead(const char *s, int today)
{
	char *end;
	long n;
	int wd;

	if (!strcasecmp(s, "today"))
		return 0;
	if (!strcasecmp(s, "tomorrow"))
		return 1;
	if (*s == '+' && s[1] >= '0' && s[1] <= '9') {
		errno = 0;
		n = strtol(s + 1, &end, 10);
		if (errno || n > 3660)
			return -1;
		if (!*end || !strcasecmp(end, "d"))
			return n;
		if (!strcasecmp(end, "w") && n <= 520)
			return n * 7;
		return -1;
	}
	if ((wd = weekday(s)) < 0)
		return -1;
	return (wd - today + 6) % 7 + 1;
}

int date_parse_relative_day(const char *s, struct sbuf *sb)
{
	time_t now = date_now();
	struct tm tm;
	long days;

	if (!localtime_r(&now, &tm) || (days = days_ahead(s, tm.tm_wday)) < 0)
		return -1;
	/* Noon, so that a change of summer time cannot move the day. */
	tm.tm_mday += (int)days;
	tm.tm_hour = 12;
	tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	if (mktime(&tm) == (time_t)-1)
		return -1;
	sbuf_addf(sb, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return 0;
}
