#include "compat.h"
#include <cjson/cJSON.h>
#include "account-time.h"
#include "api.h"
#include "cache.h"
#include "date.h"
#include "json.h"
#include "xmalloc.h"

#define LOCALE_CACHE "locale"
#define LOCALE_MAX_AGE 86400

const char *account_time_use(void)
{
	static char zone[128];
	cJSON *locale;

	if (*zone)
		return zone;
	locale = cache_read_json(LOCALE_CACHE, LOCALE_MAX_AGE);
	if (!json_string(locale, "time_zone", NULL)) {
		cJSON *settings = api_get("/settings", NULL);

		cJSON_Delete(locale);
		locale = cJSON_DetachItemFromObjectCaseSensitive(settings, "locale");
		cJSON_Delete(settings);
		if (locale)
			cache_write_json(LOCALE_CACHE, locale);
	}
	snprintf(zone, sizeof(zone), "%s", json_string(locale, "time_zone", "UTC"));
	cJSON_Delete(locale);
	setenv("TZ", zone, 1);
	tzset();
	return zone;
}

/* "HH:MM" or "H:MM" into *h and *m. */
static int clock_time(const char *s, int *h, int *m)
{
	char end;

	if (sscanf(s, "%d:%d%c", h, m, &end) != 2 || *h < 0 || *h > 23 || *m < 0 || *m > 59 ||
	    strspn(s, "0123456789:") != strlen(s))
		return -1;
	return 0;
}

/* Day offset and clock time on the day of date_now(). */
static time_t on_day(int days, int h, int m)
{
	time_t now = date_now();
	struct tm tm;

	localtime_r(&now, &tm);
	tm.tm_mday += days;
	tm.tm_hour = h;
	tm.tm_min = m;
	tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

int account_time_parse(const char *text, time_t *out)
{
	struct tm tm = { 0 };
	int h, m, n;
	char unit, end;

	if (sscanf(text, "+%d%c%c", &n, &unit, &end) == 2 && n >= 0 && n < 10000 &&
	    strchr("dhm", unit)) {
		*out = date_now() + (time_t)n * (unit == 'd' ? 86400 : unit == 'h' ? 3600 : 60);
		*out -= *out % 60;
		return 0;
	}
	if (!strncmp(text, "today ", 6) && !clock_time(text + 6, &h, &m)) {
		*out = on_day(0, h, m);
		return 0;
	}
	if (!strncmp(text, "tomorrow ", 9) && !clock_time(text + 9, &h, &m)) {
		*out = on_day(1, h, m);
		return 0;
	}
	if (!clock_time(text, &h, &m)) {
		*out = on_day(0, h, m);
		return 0;
	}
	if (sscanf(text, "%4d-%2d-%2d %d:%d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
		   &tm.tm_hour, &tm.tm_min, &end) == 5 && tm.tm_mon >= 1 && tm.tm_mon <= 12 &&
	    tm.tm_mday >= 1 && tm.tm_mday <= 31 && tm.tm_hour >= 0 && tm.tm_hour <= 23 &&
	    tm.tm_min >= 0 && tm.tm_min <= 59 && tm.tm_year >= 1970 && tm.tm_year < 3000) {
		int day = tm.tm_mday, month = tm.tm_mon;

		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		tm.tm_isdst = -1;
		*out = mktime(&tm);
		/* 2026-02-31 is not a day */
		return tm.tm_mday == day && tm.tm_mon == month - 1 ? 0 : -1;
	}
	return -1;
}

void account_time_format(struct sbuf *out, time_t t)
{
	date_addf(out, "%a %Y-%m-%d %H:%M %Z", t);
}

void account_time_iso(struct sbuf *out, time_t t)
{
	struct tm tm;
	char buf[32];

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S.000Z", &tm);
	sbuf_addstr(out, buf);
}
