#include "compat.h"
#include <ctype.h>
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
		BUG("cannot format time %lld as '%s'", (long long)t, strftime_format);
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

/* n digits at *p into *out; advances *p. */
static int digits(const char **p, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

static int days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

int parse_timestamp_ms(const char *s, int64_t *ms)
{
	int year, mon, day, hour = 0, min = 0, sec = 0, off = 0, frac = 0;
	const char *p = s;
	struct tm tm = { 0 };
	time_t t;

	if (!s || digits(&p, 4, &year) || *p++ != '-' || digits(&p, 2, &mon) ||
	    *p++ != '-' || digits(&p, 2, &day))
		return -1;
	if (mon < 1 || mon > 12 || day < 1 || day > days_in_month(year, mon))
		return -1;
	if (*p == 'T' || *p == ' ') {
		p++;
		if (digits(&p, 2, &hour) || *p++ != ':' || digits(&p, 2, &min))
			return -1;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &sec))
				return -1;
			if (*p == '.' || *p == ',') {	/* milliseconds; finer is dropped */
				int scale = 100;

				p++;
				if (!isdigit((unsigned char)*p))
					return -1;
				for (; isdigit((unsigned char)*p); p++, scale /= 10)
					frac += (*p - '0') * scale;
			}
		}
		if (hour > 23 || min > 59 || sec > 60)
			return -1;
		if (*p == 'Z' || *p == 'z') {
			p++;
		} else if (*p == '+' || *p == '-') {
			int sign = *p++ == '-' ? -1 : 1, oh, om;

			if (digits(&p, 2, &oh))
				return -1;
			if (*p == ':')
				p++;
			if (digits(&p, 2, &om) || oh > 23 || om > 59)
				return -1;
			off = sign * (oh * 3600 + om * 60);
		} else if (*p) {
			return -1;
		}
	}
	if (*p)
		return -1;
	tm.tm_year = year - 1900;
	tm.tm_mon = mon - 1;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = min;
	tm.tm_sec = sec;
	t = timegm(&tm);
	if (t == (time_t)-1 && !(year == 1969 && mon == 12 && day == 31))
		return -1;
	*ms = ((int64_t)t - off) * 1000 + frac;
	return 0;
}

int parse_timestamp(const char *s, time_t *out)
{
	int64_t ms;

	if (parse_timestamp_ms(s, &ms))
		return -1;
	/* the whole seconds, down: fractions are dropped */
	*out = (time_t)(ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000));
	return 0;
}

char *format_timestamp(time_t t, char *buf, size_t size)
{
	struct tm tm;

	if (!gmtime_r(&t, &tm) || !strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm)) {
		if (size)
			buf[0] = '\0';
	}
	return buf;
}

void format_timestamp_ms(int64_t ms, char *buf, size_t size)
{
	int64_t rem = ms % 1000;
	time_t t = (time_t)((ms - (rem < 0 ? rem + 1000 : rem)) / 1000);
	struct tm tm;

	if (rem < 0)
		rem += 1000;
	if (!gmtime_r(&t, &tm) ||
	    snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
		     tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
		     (int)rem) < 0) {
		if (size)
			buf[0] = '\0';
	}
}

double clock_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int64_t clock_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void sleep_seconds(double seconds)
{
	struct timespec ts;

	if (!(seconds > 0))
		return;
	ts.tv_sec = (time_t)seconds;
	ts.tv_nsec = (long)((seconds - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
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
