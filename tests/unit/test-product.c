/* common/product.c: GET /products/{id}, read once per process (unit-server.h). */
#include "compat.h"
#include <unistd.h>
#include "product.h"
#include "unit.h"
#include "unit-run.h"	/* POSIX-only: the server runs threads (tools/windows-test skips it) */
#include "unit-server.h"

START_TEST(product_is_read_once)
{
	struct server_reply r[] = {
		REPLY(200, "{\"product\":{\"id\":1190473,\"name\":\"Labor - Remote Business\","
			   "\"price_retail\":\"125.0\",\"taxable\":true}}"),
		REPLY(200, "{\"id\":26118,\"name\":\"Travel\",\"price_retail\":90.5}"),
	};
	struct api_error err = API_ERROR_INIT;
	const struct product *p, *again, *other;

	SCRIPT(r);
	ck_assert_int_eq(product_get(1190473, &p, &err), 0);
	ck_assert_int_eq(p->id, 1190473);
	ck_assert_str_eq(p->name, "Labor - Remote Business");
	ck_assert(p->price_retail == 125.0);
	ck_assert_int_eq(p->taxable, 1);
	ck_assert_int_eq(product_get(1190473, &again, &err), 0);
	ck_assert_ptr_eq(again, p);
	/* A flat answer, no taxable flag. */
	ck_assert_int_eq(product_get(26118, &other, &err), 0);
	ck_assert_str_eq(other->name, "Travel");
	ck_assert(other->price_retail == 90.5);
	ck_assert_int_eq(other->taxable, 0);
	ck_assert_ptr_eq(p->name, again->name);
	assert_server_log("GET /api/v1/products/1190473\nGET /api/v1/products/26118\n");
}
END_TEST

START_TEST(missing_product_is_exit_4)
{
	struct server_reply r[] = { REPLY(404, "{\"message\":\"Not found\"}") };
	struct api_error err = API_ERROR_INIT;
	const struct product *p = NULL;

	SCRIPT(r);
	ck_assert_int_eq(product_get(99, &p, &err), -1);
	ck_assert_ptr_null(p);
	ck_assert_int_eq(err.code, EXIT_NOT_FOUND);
	ck_assert_int_eq(err.status, 404);
	ck_assert_str_eq(err.message, "product 99 not found");
	api_error_release(&err);
}
END_TEST

START_TEST(answer_without_a_name_is_exit_7)
{
	struct server_reply r[] = { REPLY(200, "{\"product\":{\"id\":5,\"price_retail\":10}}"),
				    REPLY(200, "{\"product\":{\"id\":5,\"name\":\"Five\"}}") };
	struct api_error err = API_ERROR_INIT;
	const struct product *p = NULL;

	SCRIPT(r);
	ck_assert_int_eq(product_get(5, &p, &err), -1);
	ck_assert_int_eq(err.code, EXIT_NETWORK);
	ck_assert_int_eq(err.status, 200);
	ck_assert_str_eq(err.message, "product 5 came back without a name");
	api_error_release(&err);
	/* Not remembered: asked again, and a price of none is 0. */
	ck_assert_int_eq(product_get(5, &p, &err), 0);
	ck_assert_str_eq(p->name, "Five");
	ck_assert(p->price_retail == 0);
	assert_server_log("GET /api/v1/products/5\nGET /api/v1/products/5\n");
}
END_TEST

static Suite *product_suite(void)
{
	Suite *s = suite_create("product");
	TCase *tc = tcase_create("product");

	tcase_add_checked_fixture(tc, server_setup, server_teardown);
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, product_is_read_once);
	tcase_add_test(tc, missing_product_is_exit_4);
	tcase_add_test(tc, answer_without_a_name_is_exit_7);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(product_suite)
