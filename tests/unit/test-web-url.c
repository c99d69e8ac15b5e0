#include "compat.h"
#include "web-url.h"
#include "unit.h"

static void check(const char *base, const char *want)
{
	char *got = web_url(base, "tickets", 108430330);

	if (want)
		ck_assert_str_eq(got, want);
	else
		ck_assert_ptr_null(got);
	free(got);
}

START_TEST(syncromsp_hosts)
{
	check("https://acme-it.syncromsp.com/api/v1", "https://acme-it.syncromsp.com/tickets/108430330");
	check("https://acme-it.syncromsp.com/api/v1/", "https://acme-it.syncromsp.com/tickets/108430330");
	/* the web app is https even when the API is reached otherwise */
	check("http://acme-it.SyncroMSP.com:8443/api/v1", "https://acme-it.SyncroMSP.com/tickets/108430330");
}
END_TEST

START_TEST(other_hosts)
{
	check("http://127.0.0.1:8080/api/v1", "http://127.0.0.1:8080/tickets/108430330");
	check("https://proxy.example/syncro/api/v1/", "https://proxy.example/syncro/tickets/108430330");
	check("https://proxy.example/syncro", "https://proxy.example/syncro/tickets/108430330");
	check("https://syncromsp.com.evil.example/api/v1",
	      "https://syncromsp.com.evil.example/tickets/108430330");
}
END_TEST

START_TEST(no_base)
{
	check(NULL, NULL);
	check("not a url", NULL);
}
END_TEST

static Suite *web_url_suite(void)
{
	Suite *s = suite_create("web-url");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, syncromsp_hosts);
	tcase_add_test(tc, other_hosts);
	tcase_add_test(tc, no_base);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(web_url_suite)
