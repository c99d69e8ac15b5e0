/* common/invoice.c: finding, making and checking a ticket's invoice (unit-server.h). */
#include "compat.h"
#include <unistd.h>
#include "invoice.h"
#include "json.h"
#include "unit.h"
#include "unit-run.h"	/* POSIX-only: the server runs threads (tools/windows-test skips it) */
#include "unit-server.h"

/* The ids of the invoices in list, "10 20 ". */
static char *ids(const cJSON *list)
{
	struct sbuf sb = SBUF_INIT;
	const cJSON *inv;

	cJSON_ArrayForEach(inv, list)
		sbuf_addf(&sb, "%ld ", json_long(inv, "id", -1));
	return sbuf_detach(&sb, NULL);
}

#define assert_ids(list, want) do { \
	char *got_ = ids(list); \
	ck_assert_str_eq(got_, want); \
	free(got_); \
} while (0)

START_TEST(find_trusts_ticket_id_and_reads_the_unsure)
{
	struct server_reply r[] = {
		REPLY(200, "{\"invoices\":["
			   "{\"id\":10,\"ticket_id\":5,\"customer_id\":3001},"
			   "{\"id\":11,\"ticket_id\":6,\"customer_id\":3001},"
			   "{\"id\":12,\"customer_id\":77},"
			   "{\"id\":13,\"customer_id\":3001,\"ticket_id\":null},"
			   "{\"number\":\"1049\"}],"
			   "\"meta\":{\"total_pages\":1}}"),
		REPLY(200, "{\"invoice\":{\"id\":1700,\"number\":\"1049\",\"ticket_id\":5}}"),
		REPLY(200, "{\"invoice\":{\"id\":13,\"ticket_id\":99}}"),
	};
	struct api_error err = API_ERROR_INIT;
	cJSON *found;

	SCRIPT(r);
	ck_assert_int_eq(invoice_find_for_ticket(5, 3001, &found, &err), 0);
	assert_ids(found, "10 1700 ");
	/* Newest first: the number 1049 before id 13; never the other customer's 12. */
	assert_server_log("GET /api/v1/invoices?ticket_id=5&customer_id=3001\n"
			  "GET /api/v1/invoices/1049\n"
			  "GET /api/v1/invoices/13\n");
	cJSON_Delete(found);
}
END_TEST

START_TEST(find_reads_the_pages_the_meta_says)
{
	struct server_reply r[] = {
		REPLY(200, "{\"invoices\":[{\"id\":10,\"ticket_id\":5}],\"meta\":{\"total_pages\":2}}"),
		REPLY(200, "{\"invoices\":[{\"id\":9,\"ticket_id\":5}],\"meta\":{\"total_pages\":2}}"),
		REPLY(200, "{\"invoices\":[{\"id\":8,\"ticket_id\":5}],\"meta\":{\"total_pages\":2}}"),
	};
	struct api_error err = API_ERROR_INIT;
	cJSON *found;

	SCRIPT(r);
	ck_assert_int_eq(invoice_find_for_ticket(5, 0, &found, &err), 0);
	assert_ids(found, "10 9 ");
	assert_server_log("GET /api/v1/invoices?ticket_id=5\nGET /api/v1/invoices?ticket_id=5&page=2\n");
	cJSON_Delete(found);
}
END_TEST

START_TEST(find_failure_hands_back_the_error)
{
	struct server_reply r[] = { REPLY(200, "{\"invoice\":[]}") };
	struct api_error err = API_ERROR_INIT;
	cJSON *found;

	SCRIPT(r);
	ck_assert_int_eq(invoice_find_for_ticket(5, 3001, &found, &err), -1);
	ck_assert_ptr_null(found);
	ck_assert_int_eq(err.code, EXIT_NETWORK);
	ck_assert_str_eq(err.message, "the Syncro API answered 'GET /invoices' (page 1) with a "
			 "malformed list: no 'invoices' array");
	api_error_release(&err);
}
END_TEST

START_TEST(make_posts_ticket_and_customer)
{
	struct server_reply r[] = {
		REPLY(200, "{\"invoice\":{\"id\":1649827699,\"number\":\"1049\",\"total\":\"125.0\"}}"),
	};
	struct api_error err = API_ERROR_INIT;
	cJSON *inv;

	SCRIPT(r);
	ck_assert_int_eq(invoice_make(108430330, 3001, &inv, &err), 0);
	ck_assert_int_eq(json_long(inv, "id", -1), 1649827699);
	ck_assert(invoice_total(inv) == 125.0);
	assert_server_log("POST /api/v1/invoices {\"ticket_id\":108430330,\"customer_id\":3001}\n");
	cJSON_Delete(inv);
}
END_TEST

START_TEST(make_rejected_is_exit_5)
{
	struct server_reply r[] = { REPLY(422, "{\"errors\":[\"Ticket has no billable items\"]}") };
	struct api_error err = API_ERROR_INIT;
	cJSON *inv;

	SCRIPT(r);
	ck_assert_int_eq(invoice_make(108430330, 3001, &inv, &err), -1);
	ck_assert_ptr_null(inv);
	ck_assert_int_eq(err.code, EXIT_REJECTED);
	ck_assert_str_eq(err.message, "the Syncro API rejected 'POST /invoices': Ticket has no billable items");
	api_error_release(&err);
}
END_TEST

#define LINES "{\"number\":\"1049\",\"total\":\"217.47\",\"line_items\":[" \
	"{\"product_id\":1190473,\"item\":\"Labor - Remote\",\"quantity\":\"1.5\",\"price\":\"125.0\"}," \
	"{\"product_id\":26118,\"item\":\"Travel\",\"quantity\":\"0.333\",\"price\":90}]}"

START_TEST(has_line_by_product_quantity_and_price)
{
	cJSON *inv = parse(LINES);
	struct invoice_line want = { 1190473, 1.5, "Labor - Remote", 125.0, 0 };
	struct sbuf why = SBUF_INIT;

	ck_assert_int_eq(invoice_has_line(inv, &want, &why), 1);
	ck_assert_uint_eq(why.len, 0);
	want.quantity = 1.504;	/* within half a hundredth */
	ck_assert_int_eq(invoice_has_line(inv, &want, &why), 1);
	want.quantity = 1.0;
	ck_assert_int_eq(invoice_has_line(inv, &want, &why), 0);
	ck_assert_str_eq(why.buf, "invoice 1049 has no line of 1.00 h of product 1190473 "
			 "'Labor - Remote' at 125.00; Syncro holds:\n"
			 "  1.5 h x 125.00 of product 1190473 'Labor - Remote'\n"
			 "  0.333 h x 90.00 of product 26118 'Travel'");
	sbuf_reset(&why);
	want.quantity = 1.5;
	want.price = 150.0;
	ck_assert_int_eq(invoice_has_line(inv, &want, &why), 0);
	cJSON_Delete(inv);
	sbuf_release(&why);
}
END_TEST

START_TEST(free_line_matches_when_allowed)
{
	cJSON *inv = parse("{\"number\":\"7\",\"line_items\":[{\"product_id\":5,\"quantity\":1,\"price\":0}]}");
	struct invoice_line want = { 5, 1, NULL, 80.0, 0 };
	struct sbuf why = SBUF_INIT;

	ck_assert_int_eq(invoice_has_line(inv, &want, &why), 0);
	sbuf_reset(&why);
	want.may_be_free = 1;
	ck_assert_int_eq(invoice_has_line(inv, &want, &why), 1);
	cJSON_Delete(inv);
	inv = parse("{\"number\":\"8\",\"line_items\":[]}");
	ck_assert_int_eq(invoice_has_line(inv, &want, &why), 0);
	ck_assert_str_eq(why.buf, "invoice 8 has no line of 1.00 h of product 5 at 80.00; "
			 "it has no lines at all");
	cJSON_Delete(inv);
	sbuf_release(&why);
}
END_TEST

START_TEST(totals_by_amounts)
{
	cJSON *inv = parse(LINES);

	/* 1.5 x 125.00 = 187.50; 0.333 x 90.00 = 29.97 */
	ck_assert_msg(invoice_lines_total(inv) == 187.50 + 29.97, "%f", invoice_lines_total(inv));
	ck_assert(invoice_total(inv) == 217.47);
	cJSON_Delete(inv);
	inv = parse("{\"number\":\"9\"}");
	ck_assert(invoice_lines_total(inv) == 0);
	ck_assert(invoice_total(inv) == 0);
	cJSON_Delete(inv);
}
END_TEST

static Suite *invoice_suite(void)
{
	Suite *s = suite_create("invoice");
	TCase *tc = tcase_create("invoice");

	tcase_add_checked_fixture(tc, server_setup, server_teardown);
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, find_trusts_ticket_id_and_reads_the_unsure);
	tcase_add_test(tc, find_reads_the_pages_the_meta_says);
	tcase_add_test(tc, find_failure_hands_back_the_error);
	tcase_add_test(tc, make_posts_ticket_and_customer);
	tcase_add_test(tc, make_rejected_is_exit_5);
	tcase_add_test(tc, has_line_by_product_quantity_and_price);
	tcase_add_test(tc, free_line_matches_when_allowed);
	tcase_add_test(tc, totals_by_amounts);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(invoice_suite)
