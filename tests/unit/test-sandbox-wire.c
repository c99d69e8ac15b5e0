/* The sandbox's pure pieces: query strings, path patterns, paging, times, the rate limit. */
#include "compat.h"
#include "sandbox/paging.h"
#include "sandbox/query.h"
#include "sandbox/client-limit.h"
#include "sandbox/route.h"
#include "sandbox/timeutil.h"
#include "unit.h"

START_TEST(query_parse_decodes_and_keeps_first)
{
	cJSON *q = query_parse("status=Not+Closed&query=own%20cloud&page=2&page=3&flag&=x");

	ck_assert_str_eq(cJSON_GetObjectItem(q, "status")->valuestring, "Not Closed");
	ck_assert_str_eq(cJSON_GetObjectItem(q, "query")->valuestring, "own cloud");
	ck_assert_str_eq(cJSON_GetObjectItem(q, "page")->valuestring, "2");
	ck_assert_str_eq(cJSON_GetObjectItem(q, "flag")->valuestring, "");
	ck_assert_int_eq(cJSON_GetArraySize(q), 4);
	cJSON_Delete(q);
	q = query_parse(NULL);
	ck_assert_int_eq(cJSON_GetArraySize(q), 0);
	cJSON_Delete(q);
}
END_TEST

START_TEST(query_mask_hides_every_api_key)
{
	struct sbuf sb = SBUF_INIT;

	query_mask_api_key(&sb, "api_key=s3cret&page=1&api%5Fkey=again&x_api_key=keep");
	ck_assert_str_eq(sb.buf, "api_key=REDACTED&page=1&api%5Fkey=REDACTED&x_api_key=keep");
	sbuf_reset(&sb);
	query_mask_api_key(&sb, "number=32164");
	ck_assert_str_eq(sb.buf, "number=32164");
	sbuf_release(&sb);
}
END_TEST

START_TEST(path_match_segments_and_captures)
{
	struct route_captures caps;

	ck_assert(path_match("/tickets/{id}/comment", "/tickets/108430330/comment", &caps));
	ck_assert_int_eq(caps.nr, 1);
	ck_assert_str_eq(caps.v[0], "108430330");
	ck_assert(path_match("/api/v1/tickets/*/comment", "/api/v1/tickets/5/comment", NULL));
	ck_assert(!path_match("/api/v1/tickets/*/comment", "/api/v1/tickets/5/6/comment", NULL));
	ck_assert(!path_match("/tickets/{id}", "/tickets/", &caps));
	ck_assert(!path_match("/tickets/{id}", "/tickets", &caps));
	ck_assert(!path_match("/tickets", "/tickets/1", NULL));
	ck_assert(!path_match("/ticket", "/tickets", NULL));
	ck_assert(path_match("/tickets/settings", "/tickets/settings", NULL));
}
END_TEST

START_TEST(paging_slices_and_caps)
{
	struct page p = paging_compute(45, NULL, NULL, 25);

	ck_assert_int_eq(p.page, 1);
	ck_assert_int_eq(p.per_page, 25);
	ck_assert_int_eq(p.total_pages, 2);
	ck_assert_int_eq(p.first, 0);
	ck_assert_int_eq(p.count, 25);
	p = paging_compute(45, "2", NULL, 25);
	ck_assert_int_eq(p.first, 25);
	ck_assert_int_eq(p.count, 20);
	p = paging_compute(45, "3", NULL, 25);
	ck_assert_int_eq(p.count, 0);
	ck_assert_int_eq(p.page, 3);
	p = paging_compute(45, "0", "500", 25);
	ck_assert_int_eq(p.page, 1);
	ck_assert_int_eq(p.per_page, PER_PAGE_MAX);
	ck_assert_int_eq(p.count, 45);
	p = paging_compute(45, "x", "-3", 10);
	ck_assert_int_eq(p.page, 1);
	ck_assert_int_eq(p.per_page, 10);
	p = paging_compute(0, NULL, NULL, 25);
	ck_assert_int_eq(p.total_pages, 1);
	ck_assert_int_eq(p.count, 0);
	p = paging_compute(10, "99999999999999", NULL, 25);
	ck_assert_int_eq(p.count, 0);
}
END_TEST

START_TEST(iso_times_round_trip)
{
	int64_t ms, other;
	char buf[TIMESTAMP_MS_LEN];

	ck_assert_int_eq(parse_timestamp_ms("2026-04-21T15:04:05.123Z", &ms), 0);
	format_timestamp_ms(ms, buf, sizeof(buf));
	ck_assert_str_eq(buf, "2026-04-21T15:04:05.123Z");
	ck_assert_int_eq(parse_timestamp_ms("2026-04-21T08:04:05.123-07:00", &other), 0);
	ck_assert(ms == other);
	ck_assert_int_eq(parse_timestamp_ms("2026-04-21", &ms), 0);
	format_timestamp_ms(ms, buf, sizeof(buf));
	ck_assert_str_eq(buf, "2026-04-21T00:00:00.000Z");
	ck_assert_int_eq(parse_timestamp_ms("2026-04-21T15:00", &ms), 0);
	ck_assert_int_eq(parse_timestamp_ms("yesterday", &ms), -1);
	ck_assert_int_eq(parse_timestamp_ms("2026-13-01", &ms), -1);
	ck_assert_int_eq(parse_timestamp_ms("2026-04-21T15:00:00Zjunk", &ms), -1);
	ck_assert_int_eq(parse_timestamp_ms(NULL, &ms), -1);
}
END_TEST

START_TEST(decimals_as_rails_prints_them)
{
	char buf[32];

	format_decimal(0.5, 4, buf, sizeof(buf));
	ck_assert_str_eq(buf, "0.5");
	format_decimal(1, 4, buf, sizeof(buf));
	ck_assert_str_eq(buf, "1.0");
	format_decimal(20.0 / 60, 4, buf, sizeof(buf));
	ck_assert_str_eq(buf, "0.3333");
	format_decimal(64.99, 2, buf, sizeof(buf));
	ck_assert_str_eq(buf, "64.99");
	format_decimal(0, 2, buf, sizeof(buf));
	ck_assert_str_eq(buf, "0.0");
}
END_TEST

START_TEST(rate_limit_per_client_refills)
{
	struct client_limit rl = { .limit = 3 };
	long retry = 0;

	for (int i = 0; i < 3; i++)
		ck_assert(client_limit_take(&rl, "127.0.0.1", 100.0, &retry));
	ck_assert(!client_limit_take(&rl, "127.0.0.1", 100.0, &retry));
	ck_assert_int_eq(retry, 20);
	ck_assert(client_limit_take(&rl, "127.0.0.2", 100.0, &retry));
	ck_assert(!client_limit_take(&rl, "127.0.0.1", 110.0, &retry));
	ck_assert_int_eq(retry, 10);
	ck_assert(client_limit_take(&rl, "127.0.0.1", 120.0, &retry));
	ck_assert(!client_limit_take(&rl, "127.0.0.1", 120.0, &retry));
	client_limit_reset(&rl);
	ck_assert(client_limit_take(&rl, "127.0.0.1", 120.0, &retry));
	client_limit_reset(&rl);
	rl.limit = 0;
	for (int i = 0; i < 1000; i++)
		ck_assert(client_limit_take(&rl, "127.0.0.1", 1.0, &retry));
}
END_TEST

static Suite *sandbox_wire_suite(void)
{
	Suite *s = suite_create("sandbox-wire");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, query_parse_decodes_and_keeps_first);
	tcase_add_test(tc, query_mask_hides_every_api_key);
	tcase_add_test(tc, path_match_segments_and_captures);
	tcase_add_test(tc, paging_slices_and_caps);
	tcase_add_test(tc, iso_times_round_trip);
	tcase_add_test(tc, decimals_as_rails_prints_them);
	tcase_add_test(tc, rate_limit_per_client_refills);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(sandbox_wire_suite)
