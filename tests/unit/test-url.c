#include "compat.h"
#include "url.h"
#include "unit.h"

#define BASE "https://acme.syncromsp.com/api/v1"

/* url_build() that must succeed; the result is checked and freed. */
static void expect_url(const char *base, const char *path, const struct strvec *query,
		       const char *key, const char *want)
{
	struct sbuf err = SBUF_INIT;
	char *url = url_build(base, path, query, key, &err);

	ck_assert_msg(url != NULL, "'%s' refused: %s", path, err.buf);
	ck_assert_str_eq(url, want);
	free(url);
	sbuf_release(&err);
}

static void expect_refused(const char *base, const char *path, const char *want)
{
	struct sbuf err = SBUF_INIT;
	char *url = url_build(base, path, NULL, "k3y", &err);

	ck_assert_msg(url == NULL, "'%s' accepted as '%s'", path, url);
	ck_assert_str_eq(err.buf, want);
	ck_assert_ptr_null(strstr(err.buf, "k3y"));
	sbuf_release(&err);
}

START_TEST(paths_join_the_base)
{
	expect_url(BASE, "/tickets", NULL, NULL, BASE "/tickets");
	expect_url(BASE, "tickets/108430330", NULL, NULL, BASE "/tickets/108430330");
	expect_url(BASE "/", "/me", NULL, NULL, BASE "/me");
	expect_url("http://127.0.0.1:8080/api/v1", "/me", NULL, NULL, "http://127.0.0.1:8080/api/v1/me");
	expect_url(BASE, "/tickets#frag", NULL, NULL, BASE "/tickets");
}
END_TEST

START_TEST(query_pairs_are_escaped)
{
	struct strvec q = STRVEC_INIT;

	strvec_push(&q, "query=Jerry & Sons #1");
	strvec_push(&q, "status=Not Closed");
	strvec_push(&q, "since=2019-02-25T00:00:00+07:00");
	expect_url(BASE, "/tickets", &q, NULL,
		   BASE "/tickets?query=Jerry+%26+Sons+%231&status=Not+Closed"
		   "&since=2019-02-25T00%3a00%3a00%2b07%3a00");
	strvec_clear(&q);
}
END_TEST

START_TEST(a_query_in_the_path_is_kept)
{
	struct strvec q = STRVEC_INIT;

	strvec_push(&q, "page=2");
	expect_url(BASE, "/tickets?status=In Progress&mine=true", &q, NULL,
		   BASE "/tickets?status=In+Progress&mine=true&page=2");
	expect_url(BASE, "/tickets?query=a%20b", NULL, NULL, BASE "/tickets?query=a%20b");
	strvec_clear(&q);
}
END_TEST

START_TEST(the_key_is_the_first_parameter)
{
	struct strvec q = STRVEC_INIT;

	strvec_push(&q, "number=32164");
	expect_url(BASE, "/tickets?status=New", &q, "test-key-3c5f9e1a",
		   BASE "/tickets?api_key=test-key-3c5f9e1a&status=New&number=32164");
	expect_url(BASE, "/me", NULL, "a+b/c=", BASE "/me?api_key=a%2bb%2fc%3d");
	strvec_clear(&q);
}
END_TEST

START_TEST(plain_http_only_to_loopback)
{
	struct sbuf err = SBUF_INIT;

	ck_assert_int_eq(url_check_transport("https://acme.syncromsp.com/api/v1", &err), 0);
	ck_assert_int_eq(url_check_transport("http://127.0.0.1:5/api/v1", &err), 0);
	ck_assert_int_eq(url_check_transport("http://127.8.9.10/api/v1", &err), 0);
	ck_assert_int_eq(url_check_transport("http://localhost:9/api/v1", &err), 0);
	ck_assert_int_eq(url_check_transport("http://[::1]:9/api/v1", &err), 0);
	ck_assert_str_eq(err.buf, "");
	ck_assert_int_eq(url_check_transport("http://acme.syncromsp.com/api/v1", &err), -1);
	ck_assert_str_eq(err.buf, "refusing to send the API key over plain http to "
			 "'acme.syncromsp.com'; use https");
	sbuf_reset(&err);
	ck_assert_int_eq(url_check_transport("http://128.0.0.1/api/v1", &err), -1);
	sbuf_reset(&err);
	ck_assert_int_eq(url_check_transport("http://localhost.evil.com/", &err), -1);
	sbuf_reset(&err);
	ck_assert_int_eq(url_check_transport("ftp://acme.syncromsp.com/", &err), -1);
	ck_assert_str_eq(err.buf, "'ftp://acme.syncromsp.com/' is not an http or https URL");
	sbuf_reset(&err);
	ck_assert_int_eq(url_check_transport("not a url", &err), -1);
	ck_assert_str_eq(err.buf, "'not a url' is not a URL");
	sbuf_release(&err);
}
END_TEST

START_TEST(paths_cannot_leave_the_base)
{
	expect_refused(BASE, "https://evil.example/x",
		       "'https://evil.example/x' is a URL; give a path under the API base URL, like '/tickets'");
	expect_refused(BASE, "/../../admin", "'/../../admin' is outside the API base URL");
	expect_refused("http://acme.syncromsp.com/api/v1", "/me",
		       "refusing to send the API key over plain http to 'acme.syncromsp.com'; use https");
	expect_refused(NULL, "/me", "base URL '' is not a URL");
}
END_TEST

static void expect_redacted(const char *in, const char *key, const char *want)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addstr(&sb, in);
	url_redact(&sb, key);
	ck_assert_str_eq(sb.buf, want);
	sbuf_release(&sb);
}

START_TEST(redaction)
{
	expect_redacted("Authorization: Bearer test-key-3c5f9e1a", "test-key-3c5f9e1a",
			"Authorization: Bearer REDACTED");
	expect_redacted("authorization: bearer something-else", NULL,
			"authorization: bearer REDACTED");
	expect_redacted("GET /api/v1/me?api_key=test-key-3c5f9e1a&page=2 HTTP/1.1", "test-key-3c5f9e1a",
			"GET /api/v1/me?api_key=REDACTED&page=2 HTTP/1.1");
	expect_redacted("GET /me?api_key=other HTTP/1.1", "unrelated-key", "GET /me?api_key=REDACTED HTTP/1.1");
	expect_redacted("key k+y/z twice: k+y/z, escaped k%2By%2Fz", "k+y/z",
			"key REDACTED twice: REDACTED, escaped REDACTED");
	expect_redacted("nothing secret here", "test-key", "nothing secret here");
	expect_redacted("api_key=REDACTED&api_key=", "", "api_key=REDACTED&api_key=");
	expect_redacted("", "test-key", "");
}
END_TEST

static Suite *url_suite(void)
{
	Suite *s = suite_create("url");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, paths_join_the_base);
	tcase_add_test(tc, query_pairs_are_escaped);
	tcase_add_test(tc, a_query_in_the_path_is_kept);
	tcase_add_test(tc, the_key_is_the_first_parameter);
	tcase_add_test(tc, plain_http_only_to_loopback);
	tcase_add_test(tc, paths_cannot_leave_the_base);
	tcase_add_test(tc, redaction);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(url_suite)
