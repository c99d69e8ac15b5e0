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
