#include "compat.h"
#include "tz-rule.h"
#include "unit.h"

/* 2026-MM-DD hh:mm:ss UTC */
static time_t utc(int mon, int day, int h, int m, int s)
{
	struct tm tm = { 0 };

	tm.tm_year = 2026 - 1900;
	tm.tm_mon = mon - 1;
	tm.tm_mday = day;
	tm.tm_hour = h;
	tm.tm_min = m;
	tm.tm_sec = s;
	return timegm(&tm);
}

static long offset_of(const char *zone, time_t t, int *dst)
{
	struct tz_rule rule;

	ck_assert_ptr_nonnull(tz_rule_for(zone));
	ck_assert_int_eq(tz_rule_parse(tz_rule_for(zone), &rule), 0);
	return tz_rule_offset(&rule, t, dst);
}

START_TEST(zones_and_their_changes)
{
	struct tz_rule rule;
	int dst;

	/* the sandbox's account: MST in December, MDT in July */
	ck_assert_int_eq(offset_of("America/Denver", utc(12, 4, 16, 30, 0), &dst), -25200);
	ck_assert_int_eq(dst, 0);
	ck_assert_int_eq(offset_of("America/Denver", utc(7, 1, 12, 0, 0), &dst), -21600);
	ck_assert_int_eq(dst, 1);
	ck_assert_int_eq(tz_rule_parse(tz_rule_for("America/Denver"), &rule), 0);
	ck_assert_str_eq(rule.std, "MST");
	ck_assert_str_eq(rule.dst, "MDT");
	/* US: 2026-03-08 02:00 MST is 09:00 UTC */
	ck_assert_int_eq(offset_of("America/Denver", utc(3, 8, 8, 59, 59), NULL), -25200);
	ck_assert_int_eq(offset_of("America/Denver", utc(3, 8, 9, 0, 0), NULL), -21600);
	/* the EU changes at 01:00 UTC on the last Sunday of March */
	ck_assert_int_eq(offset_of("Europe/Berlin", utc(3, 29, 0, 59, 59), NULL), 3600);
	ck_assert_int_eq(offset_of("Europe/Berlin", utc(3, 29, 1, 0, 0), NULL), 7200);
	ck_assert_int_eq(offset_of("Europe/Berlin", utc(10, 25, 0, 59, 59), NULL), 7200);
	ck_assert_int_eq(offset_of("Europe/Berlin", utc(10, 25, 1, 0, 0), NULL), 3600);
	/* the south: summer time across the new year */
	ck_assert_int_eq(offset_of("Australia/Sydney", utc(1, 15, 0, 0, 0), &dst), 39600);
	ck_assert_int_eq(dst, 1);
	ck_assert_int_eq(offset_of("Australia/Sydney", utc(4, 4, 15, 59, 59), NULL), 39600);
	ck_assert_int_eq(offset_of("Australia/Sydney", utc(4, 4, 16, 0, 0), NULL), 36000);
	ck_assert_int_eq(offset_of("Australia/Sydney", utc(10, 3, 16, 0, 0), NULL), 39600);
	/* no summer time, a half hour, a quoted name */
	ck_assert_int_eq(offset_of("America/Phoenix", utc(7, 1, 0, 0, 0), &dst), -25200);
	ck_assert_int_eq(dst, 0);
	ck_assert_int_eq(offset_of("Asia/Kolkata", utc(7, 1, 0, 0, 0), NULL), 19800);
	ck_assert_int_eq(tz_rule_parse(tz_rule_for("Asia/Dubai"), &rule), 0);
	ck_assert_str_eq(rule.std, "+04");
	ck_assert_int_eq(rule.std_offset, 14400);
	ck_assert_ptr_null(tz_rule_for("America/Nowhere"));
}
END_TEST

START_TEST(what_is_no_rule)
{
	struct tz_rule rule;

	ck_assert_int_eq(tz_rule_parse("EST5EDT,M3.2.0/2,M11.1.0/2:00:00", &rule), 0);
	ck_assert_int_eq(tz_rule_parse("EST5EDT", &rule), 0);	/* the US dates, as the C library */
	ck_assert_int_eq(rule.start.month, 3);
	ck_assert_int_eq(tz_rule_parse("America/Denver", &rule), -1);
	ck_assert_int_eq(tz_rule_parse("", &rule), -1);
	ck_assert_int_eq(tz_rule_parse("ES5", &rule), -1);
	ck_assert_int_eq(tz_rule_parse("EST5EDT,M13.1.0,M11.1.0", &rule), -1);
	ck_assert_int_eq(tz_rule_parse("EST5EDT,M3.6.0,M11.1.0", &rule), -1);
	ck_assert_int_eq(tz_rule_parse("EST5EDT,M3.2.0", &rule), -1);
	ck_assert_int_eq(tz_rule_parse("EST5EDT,M3.2.0,M11.1.0x", &rule), -1);
	ck_assert_int_eq(tz_rule_parse("<+03", &rule), -1);
	ck_assert_int_eq(tz_rule_parse("EST999", &rule), -1);
	ck_assert_int_eq(tz_rule_parse(NULL, &rule), -1);
}
END_TEST

#ifndef _WIN32
/*
 * Every rule of the table read as the C library reads the same TZ string:
 * the offset and abbreviation over six years, and each change to the
 * second. (The rule, not the zone's name: the C library would read this
 * machine's tz database, which may be newer or older than the table.)
 */
START_TEST(every_zone_as_the_c_library)
{
	time_t from = utc(1, 1, 0, 0, 0) + 366 * 86400, to = from + 6 * 366 * 86400L;
	size_t i;

	for (i = 0; i < tz_zones_nr; i++) {
		struct tz_rule rule;
		time_t t, prev = 0;
		int prev_dst = -1;

		ck_assert_msg(tz_rule_parse(tz_zones[i].rule, &rule) == 0, "%s: '%s'",
			      tz_zones[i].name, tz_zones[i].rule);
		setenv("TZ", tz_zones[i].rule, 1);
		tzset();
		for (t = from; t < to; t += 86400 + 3607) {
			struct tm tm;
			int dst;
			long off = tz_rule_offset(&rule, t, &dst);

			localtime_r(&t, &tm);
			ck_assert_msg(off == tm.tm_gmtoff, "%s at %lld: %ld, the C library %ld",
				      tz_zones[i].name, (long long)t, off, (long)tm.tm_gmtoff);
			ck_assert_str_eq(dst ? rule.dst : rule.std, tm.tm_zone);
			if (prev_dst >= 0 && dst != prev_dst) {
				/* the second of the change, found with the C library */
				time_t lo = prev, hi = t;

				while (hi - lo > 1) {
					time_t mid = lo + (hi - lo) / 2;

					localtime_r(&mid, &tm);
					*(tm.tm_isdst == prev_dst ? &lo : &hi) = mid;
				}
				ck_assert_msg(tz_rule_offset(&rule, hi, NULL) == off &&
					      tz_rule_offset(&rule, lo, NULL) != off,
					      "%s: the change at %lld", tz_zones[i].name, (long long)hi);
			}
			prev = t;
			prev_dst = dst;
		}
	}
	unsetenv("TZ");
}
END_TEST
#endif

static Suite *tz_rule_suite(void)
{
	Suite *s = suite_create("tz-rule");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, zones_and_their_changes);
	tcase_add_test(tc, what_is_no_rule);
#ifndef _WIN32
	tcase_add_test(tc, every_zone_as_the_c_library);
	tcase_set_timeout(tc, 60);
#endif
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(tz_rule_suite)
