#include "compat.h"
#include "date.h"
#include "token-bucket.h"
#include "unit.h"

START_TEST(timestamp_ms_parse_and_format)
{
	char buf[TIMESTAMP_MS_LEN];
	int64_t ms;
	time_t t;

	ck_assert_int_eq(parse_timestamp_ms("2026-04-21T15:04:05.123Z", &ms), 0);
	ck_assert(ms == INT64_C(1776783845123));
	format_timestamp_ms(ms, buf, sizeof(buf));
	ck_assert_str_eq(buf, "2026-04-21T15:04:05.123Z");
	/* the same instant with an offset, and digits past milliseconds dropped */
	ck_assert_int_eq(parse_timestamp_ms("2026-04-21T08:04:05.12345-07:00", &ms), 0);
	ck_assert(ms == INT64_C(1776783845123));
	/* seconds drop the fraction */
	ck_assert_int_eq(parse_timestamp("2026-04-21T15:04:05.999Z", &t), 0);
	ck_assert(t == 1776783845);
	/* before the epoch: whole seconds go down, milliseconds stay positive */
	ck_assert_int_eq(parse_timestamp_ms("1969-12-31T23:59:59.500Z", &ms), 0);
	ck_assert(ms == -500);
	ck_assert_int_eq(parse_timestamp("1969-12-31T23:59:59.500Z", &t), 0);
	ck_assert(t == -1);
	format_timestamp_ms(-500, buf, sizeof(buf));
	ck_assert_str_eq(buf, "1969-12-31T23:59:59.500Z");
	ck_assert_int_eq(parse_timestamp_ms("2026-02-30", &ms), -1);
	ck_assert_int_eq(parse_timestamp_ms("2026-04-21T15:04:05.Z", &ms), -1);
	ck_assert_int_eq(parse_timestamp_ms(NULL, &ms), -1);
}
END_TEST

START_TEST(token_bucket_take_queues_try_refuses)
{
	struct token_bucket b = { 2, 100 };

	/* take: goes negative, the wait is the place in the queue */
	ck_assert(token_bucket_take(&b, 100, 1, 2) == 0);
	ck_assert(token_bucket_take(&b, 100, 1, 2) == 0);
	ck_assert(token_bucket_take(&b, 100, 1, 2) == 1);
	ck_assert(token_bucket_take(&b, 100, 1, 2) == 2);
	ck_assert(b.tokens == -2);
	/* try: refuses without taking, and says how long until a token */
	b.tokens = 0.5;
	b.stamp = 100;
	ck_assert(token_bucket_try(&b, 100, 0.5, 2) == 1);
	ck_assert(b.tokens == 0.5);
	ck_assert(token_bucket_try(&b, 101, 0.5, 2) == 0);
	ck_assert(b.tokens == 0);
	/* a long quiet spell refills to the capacity only; a clock going back nothing */
	token_bucket_refill(&b, 1000, 0.5, 2);
	ck_assert(b.tokens == 2);
	b.tokens = 0;
	token_bucket_refill(&b, 500, 0.5, 2);
	ck_assert(b.tokens == 0);
	ck_assert(b.stamp == 1000);
}
END_TEST

static Suite *date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, timestamp_ms_parse_and_format);
	tcase_add_test(tc, token_bucket_take_queues_try_refuses);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(date_suite)
