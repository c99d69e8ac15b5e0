/* common/prefetch.c: reads sent ahead at once, each answer taken once (unit-server.h). */
#include "compat.h"
#include <string.h>
#include <unistd.h>
#include "api.h"
#include "prefetch.h"
#include "strvec.h"
#include "unit.h"
#include "unit-run.h"	/* POSIX-only: the server runs threads (tools/windows-test skips it) */
#include "unit-server.h"

/* GET path with query (NULL or "a=1&b=2") through api_call(): its answer as text. */
static char *read_one(const char *path, const char *query)
{
	struct strvec q = STRVEC_INIT;
	struct api_request req = { "GET", path, &q, NULL, NULL };
	struct api_error err = API_ERROR_INIT;
	cJSON *out = NULL;
	char *text;

	if (query) {
		char *copy = xstrdup(query), *s = copy, *amp;

		while ((amp = strchr(s, '&'))) {
			*amp = '\0';
			strvec_push(&q, s);
			s = amp + 1;
		}
		strvec_push(&q, s);
		free(copy);
	}
	if (api_call(&req, &out, &err)) {
		text = xstrfmt("error %d", err.code);
		api_error_release(&err);
	} else {
		text = cJSON_PrintUnformatted(out);
	}
	cJSON_Delete(out);
	strvec_clear(&q);
	return text;
}

#define ASSERT_READ(path, query, want) do { \
	char *got_ = read_one(path, query); \
	ck_assert_str_eq(got_, want); \
	free(got_); \
} while (0)

/* Whether the server got "GET target" among its requests, whatever their order. */
static int received(const char *target)
{
	size_t n = 0;

	for (size_t i = 0; i < server.got_nr; i++)
		n += !strcmp(server.got[i].method, "GET") && !strcmp(server.got[i].target, target);
	return (int)n;
}

START_TEST(two_reads_go_ahead_and_are_taken_once)
{
	struct server_reply r[] = {
		REPLY(200, "{\"n\":1}"), REPLY(200, "{\"n\":1}"), REPLY(200, "{\"n\":2}"),
	};

	SCRIPT(r);
	prefetch_want("/tickets/%d", 5);
	prefetch_want("/invoices?ticket_id=%d&customer_id=%d", 5, 7);
	prefetch_want("/tickets/%d", 5);	/* the same read twice is one */
	prefetch_send();
	ck_assert_uint_eq(server.got_nr, 2);
	ck_assert_int_eq(received("/api/v1/tickets/5"), 1);
	ck_assert_int_eq(received("/api/v1/invoices?ticket_id=5&customer_id=7"), 1);
	/* Taken by the calls that make the same reads: nothing more is sent. */
	ASSERT_READ("/invoices", "ticket_id=5&customer_id=7", "{\"n\":1}");
	ASSERT_READ("/tickets/5", NULL, "{\"n\":1}");
	ck_assert_uint_eq(server.got_nr, 2);
	/* Taken once: the same read again is sent. */
	ASSERT_READ("/tickets/5", NULL, "{\"n\":2}");
	ck_assert_uint_eq(server.got_nr, 3);
}
END_TEST

START_TEST(another_query_is_another_read)
{
	struct server_reply r[] = {
		REPLY(200, "{\"n\":1}"), REPLY(200, "{\"n\":1}"), REPLY(200, "{\"n\":3}"),
	};

	SCRIPT(r);
	prefetch_want("/invoices?ticket_id=5");
	prefetch_want("/products/9");
	prefetch_send();
	ASSERT_READ("/invoices", "ticket_id=6", "{\"n\":3}");
	ck_assert_uint_eq(server.got_nr, 3);
	ck_assert_int_eq(received("/api/v1/invoices?ticket_id=6"), 1);
}
END_TEST

START_TEST(one_read_is_left_to_its_call)
{
	struct server_reply r[] = { REPLY(200, "{\"n\":1}") };

	SCRIPT(r);
	prefetch_want("/tickets/5");
	prefetch_send();
	ck_assert_uint_eq(server.got_nr, 0);
	ASSERT_READ("/tickets/5", NULL, "{\"n\":1}");
	assert_server_log("GET /api/v1/tickets/5\n");
}
END_TEST

START_TEST(a_failed_read_is_sent_again_by_its_call)
{
	struct server_reply r[] = {
		REPLY(404, "{\"error\":\"gone\"}"), REPLY(404, "{\"error\":\"gone\"}"),
		REPLY(404, "{\"error\":\"gone\"}"),
	};

	SCRIPT(r);
	prefetch_want("/tickets/5");
	prefetch_want("/tickets/6");
	prefetch_send();
	ck_assert_uint_eq(server.got_nr, 2);
	/* Not kept: its own call sends it and reports it in its words. */
	ASSERT_READ("/tickets/5", NULL, "error 4");
	ck_assert_uint_eq(server.got_nr, 3);
}
END_TEST

START_TEST(a_write_forgets_what_was_read_ahead)
{
	struct server_reply r[] = {
		REPLY(200, "{\"n\":1}"), REPLY(200, "{\"n\":1}"), REPLY(200, "{\"posted\":1}"),
		REPLY(200, "{\"n\":2}"),
	};
	struct api_request post = { "POST", "/tickets/5/comment", NULL, NULL, NULL };
	struct api_error err = API_ERROR_INIT;
	cJSON *out = NULL;

	SCRIPT(r);
	prefetch_want("/tickets/5");
	prefetch_want("/tickets/6");
	prefetch_send();
	ck_assert_int_eq(api_call(&post, &out, &err), 0);
	cJSON_Delete(out);
	/* The ticket may have changed: read again, not the answer from before the write. */
	ASSERT_READ("/tickets/5", NULL, "{\"n\":2}");
	ck_assert_uint_eq(server.got_nr, 4);
}
END_TEST

static Suite *prefetch_suite(void)
{
	Suite *s = suite_create("prefetch");
	TCase *tc = tcase_create("prefetch");

	tcase_add_checked_fixture(tc, server_setup, server_teardown);
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, two_reads_go_ahead_and_are_taken_once);
	tcase_add_test(tc, another_query_is_another_read);
	tcase_add_test(tc, one_read_is_left_to_its_call);
	tcase_add_test(tc, a_failed_read_is_sent_again_by_its_call);
	tcase_add_test(tc, a_write_forgets_what_was_read_ahead);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(prefetch_suite)
