#include "compat.h"
#include "date.h"
#include "http.h"
#include "ratelimit.h"
#include "sbuf.h"
#include "unit.h"

static int near(double a, double b)
{
	return a - b < 1e-9 && b - a < 1e-9;
}

START_TEST(burst_is_ten_seconds_worth)
{
	ck_assert(near(ratelimit_burst(180), 30));
	ck_assert(near(ratelimit_burst(60), 10));
	ck_assert(near(ratelimit_burst(5), 1));
	ck_assert(near(ratelimit_burst(1), 1));
}
END_TEST

START_TEST(a_full_bucket_lets_the_burst_through_then_paces)
{
	struct token_bucket b = { 30, 1000 };

	for (int i = 0; i < 30; i++)
		ck_assert(near(ratelimit_bucket_take(&b, 1000, 180), 0));
	/* 180 a minute is one every 1/3 s: the queue grows by that much each. */
	ck_assert(near(ratelimit_bucket_take(&b, 1000, 180), 1.0 / 3));
	ck_assert(near(ratelimit_bucket_take(&b, 1000, 180), 2.0 / 3));
	ck_assert(near(ratelimit_bucket_take(&b, 1000, 180), 1.0));
	ck_assert(near(b.tokens, -3));
}
END_TEST

START_TEST(refill_is_capped_and_ignores_a_clock_going_back)
{
	struct token_bucket b = { 0, 1000 };

	ratelimit_bucket_refill(&b, 1010, 60);	/* 10 s at 1/s */
	ck_assert(near(b.tokens, 10));
	ratelimit_bucket_refill(&b, 5000, 60);	/* long idle: no more than the burst */
	ck_assert(near(b.tokens, 10));
	ck_assert(near(b.stamp, 5000));
	b.tokens = 2;
	ratelimit_bucket_refill(&b, 4000, 60);	/* the clock went back */
	ck_assert(near(b.tokens, 2));
	ck_assert(near(b.stamp, 5000));
	b.tokens = 0.5;
	ck_assert(near(ratelimit_bucket_take(&b, 5000, 60), 0.5));
}
END_TEST

START_TEST(a_pause_holds_everyone_back)
{
	struct token_bucket b = { 30, 1000 };

	ratelimit_bucket_pause(&b, 1000, 5, 180);
	ck_assert(near(b.tokens, -15));
	/* The next request waits out the pause and its own slot. */
	ck_assert(near(ratelimit_bucket_take(&b, 1000, 180), 16.0 / 3));
	ck_assert(near(ratelimit_bucket_take(&b, 1006, 180), 0));
}
END_TEST

START_TEST(a_steady_run_keeps_to_the_limit)
{
	struct token_bucket b = { 10, 0 };
	double now = 0;

	/* 1000 requests, each sent when allowed: 60/min after the burst. */
	for (int i = 0; i < 1000; i++)
		now += ratelimit_bucket_take(&b, now, 60);
	ck_assert(now >= 989.0 && now <= 991.0);
}
END_TEST

static char *temp_state(void)
{
	char *path = strdup("/tmp/syncro-ratelimit-XXXXXX");
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	close(fd);
	return path;
}

START_TEST(the_state_file_is_shared)
{
	char *path = temp_state();
	struct sbuf text = SBUF_INIT;
	double level, waited;

	/* An empty (or corrupt) file is a full bucket. */
	ck_assert_int_eq(ratelimit_level(path, 60, &level), 0);
	ck_assert(level >= 10 - 1e-6 && level <= 10);
	for (int i = 0; i < 10; i++) {
		ck_assert_int_eq(ratelimit_acquire(path, 60, &waited), 0);
		ck_assert(near(waited, 0));
	}
	ck_assert_int_eq(ratelimit_level(path, 60, &level), 0);
	ck_assert(level < 0.1);
	ck_assert_int_eq(sbuf_read_file(&text, path), 0);
	ck_assert_int_eq(text.buf[text.len - 1], '\n');
	sbuf_release(&text);

	/* A 429 pushes the level far down for everyone. */
	ck_assert_int_eq(ratelimit_pause(path, 60, 30), 0);
	ck_assert_int_eq(ratelimit_level(path, 60, &level), 0);
	ck_assert(level < -29.5);

	/* A limit of 0 or less is off and touches nothing. */
	ck_assert_int_eq(ratelimit_acquire(path, 0, &waited), 0);
	ck_assert(near(waited, 0));
	unlink(path);
	ck_assert_int_eq(ratelimit_acquire("/nonexistent/dir/ratelimit", 60, &waited), -1);
	free(path);
}
END_TEST

START_TEST(a_corrupt_file_starts_over)
{
	char *path = temp_state();
	FILE *fp = fopen(path, "w");
	double level;

	fputs("garbage\n", fp);
	fclose(fp);
	ck_assert_int_eq(ratelimit_level(path, 180, &level), 0);
	ck_assert(level > 29.9 && level <= 30);
	unlink(path);
	free(path);
}
END_TEST

static void write_state(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	ck_assert_ptr_nonnull(fp);
	fputs(text, fp);
	fclose(fp);
}

START_TEST(a_state_file_cannot_make_anyone_wait_forever)
{
	char *path = temp_state();
	char line[128];
	double wait;
	int paused;

	snprintf(line, sizeof(line), "-1e12 %.6f\n", clock_now());
	write_state(path, line);
	ck_assert_int_eq(ratelimit_reserve(path, 180, &wait, &paused), 0);
	ck_assert(wait > 600 && wait <= RATELIMIT_MAX_WAIT + 1);
	ck_assert_int_eq(paused, 0);

	snprintf(line, sizeof(line), "0 %.6f 1e300\n", clock_now());
	write_state(path, line);
	ck_assert_int_eq(ratelimit_reserve(path, 180, &wait, &paused), 0);
	ck_assert_int_eq(paused, 1);
	ck_assert(wait <= RATELIMIT_MAX_WAIT + 1);

	write_state(path, "nan inf\n");
	ck_assert_int_eq(ratelimit_reserve(path, 180, &wait, &paused), 0);
	ck_assert(near(wait, 0));
	unlink(path);
	free(path);
}
END_TEST

START_TEST(a_pause_is_said_to_be_one)
{
	char *path = temp_state();
	double wait;
	int paused;

	ck_assert_int_eq(ratelimit_reserve(path, 60, &wait, &paused), 0);
	ck_assert_int_eq(paused, 0);
	ck_assert_int_eq(ratelimit_pause(path, 60, 30), 0);
	ck_assert_int_eq(ratelimit_reserve(path, 60, &wait, &paused), 0);
	ck_assert_int_eq(paused, 1);
	ck_assert(wait > 29 && wait <= 31);
	unlink(path);
	free(path);
}
END_TEST

START_TEST(each_account_has_its_own_state)
{
	char *a, *b, *a2;

	setenv("XDG_STATE_HOME", "/tmp/state", 1);
	a = ratelimit_path("https://acme.syncromsp.com/api/v1");
	a2 = ratelimit_path("https://acme.syncromsp.com/api/v1");
	b = ratelimit_path("https://other.syncromsp.com/api/v1");
	ck_assert_str_eq(a, a2);
	ck_assert_str_ne(a, b);
	ck_assert(!strncmp(a, "/tmp/state/syncro/ratelimit-acme-syncromsp-com-", 47));
	free(a);
	free(a2);
	free(b);
}
END_TEST

START_TEST(retry_after_is_seconds_or_a_date)
{
	ck_assert_int_eq(http_parse_retry_after("600", 0), 600);
	ck_assert_int_eq(http_parse_retry_after("0", 0), 0);
	ck_assert_int_eq(http_parse_retry_after("7 ", 0), 7);
	ck_assert_int_eq(http_parse_retry_after("600x", 0), -1);
	ck_assert_int_eq(http_parse_retry_after("-5", 0), -1);
	ck_assert_int_eq(http_parse_retry_after("1.5", 0), -1);
	ck_assert_int_eq(http_parse_retry_after("", 0), -1);
	ck_assert_int_eq(http_parse_retry_after("soon", 0), -1);
	ck_assert(http_parse_retry_after("99999999999999999999", 0) > 600);
	/* Thu, 01 Jan 1970 00:02:00 GMT is 120 s after the epoch. */
	ck_assert_int_eq(http_parse_retry_after("Thu, 01 Jan 1970 00:02:00 GMT", 100), 20);
	ck_assert_int_eq(http_parse_retry_after("Thu, 01 Jan 1970 00:02:00 GMT", 500), 0);
}
END_TEST

static Suite *ratelimit_suite(void)
{
	Suite *s = suite_create("ratelimit");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, burst_is_ten_seconds_worth);
	tcase_add_test(tc, a_full_bucket_lets_the_burst_through_then_paces);
	tcase_add_test(tc, refill_is_capped_and_ignores_a_clock_going_back);
	tcase_add_test(tc, a_pause_holds_everyone_back);
	tcase_add_test(tc, a_steady_run_keeps_to_the_limit);
	tcase_add_test(tc, the_state_file_is_shared);
	tcase_add_test(tc, a_corrupt_file_starts_over);
	tcase_add_test(tc, a_state_file_cannot_make_anyone_wait_forever);
	tcase_add_test(tc, a_pause_is_said_to_be_one);
	tcase_add_test(tc, each_account_has_its_own_state);
	tcase_add_test(tc, retry_after_is_seconds_or_a_date);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(ratelimit_suite)
