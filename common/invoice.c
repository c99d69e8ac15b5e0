#include "compat.h"
#include <math.h>
#include "config.h"
#include "invoice.h"
#include "json.h"
#include "money.h"
#include "prefetch.h"
#include "table.h"
#include "web-url.h"
#include "xmalloc.h"

static int get(const char *path, const struct strvec *query, cJSON **out,
	       struct api_error *err)
{
	struct api_request req = { "GET", path, query, NULL, NULL };

	return api_call(&req, out, err);
}

int invoice_get(long id, cJSON **invoice, struct api_error *err)
{
	char *path = xstrfmt("/invoices/%ld", id), *what = xstrfmt("invoice %ld", id);
	struct api_request req = { "GET", path, NULL, NULL, what };
	int ret = api_call(&req, invoice, err);

	if (!ret)
		*invoice = api_unwrap(*invoice, "invoice");
	free(path);
	free(what);
	return ret;
}

/* Newest first: by id, else (list items may carry none) by number. */
static long newness(const cJSON *inv)
{
	long id = json_long(inv, "id", -1);

	return id > 0 ? id : json_long(inv, "number", 0);
}

static int by_id_desc(const void *a, const void *b)
{
	long x = newness(*(const cJSON *const *)a);
	long y = newness(*(const cJSON *const *)b);

	return x < y ? 1 : x > y ? -1 : 0;
}

/* The query of page of invoice_find_for_ticket()'s list. */
static void find_query(struct strvec *q, long ticket_id, long customer_id, long page)
{
	strvec_pushf(q, "ticket_id=%ld", ticket_id);
	if (customer_id > 0)
		strvec_pushf(q, "customer_id=%ld", customer_id);
	if (page > 1)
		strvec_pushf(q, "page=%ld", page);
}

void invoice_want_for_ticket(long ticket_id, long customer_id)
{
	struct strvec q = STRVEC_INIT;

	find_query(&q, ticket_id, customer_id, 1);
	prefetch_want_query("/invoices", &q);
	strvec_clear(&q);
}

int invoice_find_for_ticket(long ticket_id, long customer_id, cJSON **found,
			    struct api_error *err)
{
	cJSON *unsure = cJSON_CreateArray();	/* items that do not say their ticket */
	const cJSON **order = NULL;
	size_t n = 0;
	const cJSON *inv;
	int ret = -1;

	*found = cJSON_CreateArray();
	for (long page = 1; page <= INVOICE_PAGES; page++) {
		struct strvec q = STRVEC_INIT;
		const cJSON *list;
		cJSON *answer;
		int failed, last;

		find_query(&q, ticket_id, customer_id, page);
		failed = get("/invoices", &q, &answer, err);
		strvec_clear(&q);
		if (failed)
			goto out;
		if (api_list_items(answer, "invoices", "/invoices", page, &list, err)) {
			cJSON_Delete(answer);
			goto out;
		}
		cJSON_ArrayForEach(inv, list) {
			const cJSON *t = json_get(inv, "ticket_id");

			if (t && !cJSON_IsNull(t)) {
				if (json_long(inv, "ticket_id", -1) == ticket_id)
					cJSON_AddItemToArray(*found, cJSON_Duplicate(inv, 1));
			} else if (customer_id <= 0 || json_long(inv, "customer_id", customer_id) == customer_id) {
				cJSON_AddItemToArray(unsure, cJSON_Duplicate(inv, 1));
			}
		}
		last = !cJSON_GetArraySize(list) ||
			page >= json_long(answer, "meta.total_pages", 1);
		cJSON_Delete(answer);
		if (last)
			break;
	}
	order = xcalloc((size_t)cJSON_GetArraySize(unsure) + 1, sizeof(*order));
	cJSON_ArrayForEach(inv, unsure)
		order[n++] = inv;
	qsort(order, n, sizeof(*order), by_id_desc);
	for (size_t i = 0; i < n && i < INVOICE_READS; i++) {
		long key = json_long(order[i], "id", -1);
		cJSON *full;

		/* GET /invoices/{id} takes a number too, for items that carry no id. */
		if (key <= 0)
			key = json_long(order[i], "number", -1);
		if (key <= 0)
			continue;
		if (invoice_get(key, &full, err))
			goto out;
		if (json_long(full, "ticket_id", -1) == ticket_id)
			cJSON_AddItemToArray(*found, full);
		else
			cJSON_Delete(full);
	}
	ret = 0;
out:
	free(order);
	cJSON_Delete(unsure);
	if (ret) {
		cJSON_Delete(*found);
		*found = NULL;
	}
	return ret;
}

void invoice_make_request(long ticket_id, long customer_id, struct api_request *req,
			  cJSON **body)
{
	*body = cJSON_CreateObject();
	cJSON_AddNumberToObject(*body, "ticket_id", (double)ticket_id);
	cJSON_AddNumberToObject(*body, "customer_id", (double)customer_id);
	req->method = "POST";
	req->path = "/invoices";
	req->query = NULL;
	req->body = *body;
	req->what = NULL;
}

int invoice_make(long ticket_id, long customer_id, cJSON **invoice, struct api_error *err)
{
	struct api_request req;
	cJSON *body;
	int ret;

	invoice_make_request(ticket_id, customer_id, &req, &body);
	ret = api_call(&req, invoice, err);
	if (!ret)
		*invoice = api_unwrap(*invoice, "invoice");
	cJSON_Delete(body);
	return ret;
}

static int same_quantity(double a, double b)
{
	return fabs(a - b) < 0.005;
}

int invoice_has_line(const cJSON *invoice, const struct invoice_line *want, struct sbuf *why)
{
	const cJSON *line;
	char price[MONEY_MAX];

	cJSON_ArrayForEach(line, json_get(invoice, "line_items")) {
		double has = json_double(line, "price", -1);

		if (json_long(line, "product_id", -1) == want->product_id &&
		    same_quantity(json_double(line, "quantity", -1), want->quantity) &&
		    (money_equal(has, want->price) || (want->may_be_free && money_equal(has, 0))))
			return 1;
	}
	sbuf_addf(why, "invoice %s has no line of %.2f h of product %ld",
		  json_string(invoice, "number", "?"), want->quantity, want->product_id);
	if (want->name)
		sbuf_addf(why, " '%s'", want->name);
	sbuf_addf(why, " at %s", money_format(want->price, price, sizeof(price)));
	invoice_describe_lines(invoice, why);
	return 0;
}

void invoice_describe_lines(const cJSON *invoice, struct sbuf *why)
{
	const cJSON *line, *lines = json_get(invoice, "line_items");
	char price[MONEY_MAX];

	if (!cJSON_GetArraySize(lines)) {
		sbuf_addstr(why, "; it has no lines at all");
		return;
	}
	sbuf_addstr(why, "; Syncro holds:");
	cJSON_ArrayForEach(line, lines)
		sbuf_addf(why, "\n  %s h x %s of product %ld '%s'", json_string(line, "quantity", "?"),
			  money_format(json_double(line, "price", 0), price, sizeof(price)),
			  json_long(line, "product_id", -1), json_string(line, "item", ""));
}

double invoice_lines_total(const cJSON *invoice)
{
	const cJSON *line;
	double total = 0;

	cJSON_ArrayForEach(line, json_get(invoice, "line_items"))
		total += money_round(json_double(line, "quantity", 0) * json_double(line, "price", 0));
	return total;
}

double invoice_total(const cJSON *invoice)
{
	return json_double(invoice, "total", 0);
}

char *invoice_url(long id)
{
	char *url = web_url(config_get()->base_url, "invoices", id);

	return url ? url : xstrfmt("invoice %ld", id);
}

void invoice_print_summary(const cJSON *invoice, long ticket_number)
{
	struct table *t = table_new(3);
	const cJSON *line;
	char *url = invoice_url(json_long(invoice, "id", -1)), money[MONEY_MAX];

	printf("invoice %s for #%ld (%s)\n", json_string(invoice, "number", "?"), ticket_number,
	       json_string(invoice, "customer_business_then_name", "?"));
	table_set_align(t, 1, TABLE_RIGHT);
	table_set_align(t, 2, TABLE_RIGHT);
	table_set_flex(t, 0, 10);
	table_add_row(t, NULL);
	table_add_cell(t, "ITEM");
	table_add_cell(t, "QTY");
	table_add_cell(t, "PRICE");
	cJSON_ArrayForEach(line, json_get(invoice, "line_items")) {
		table_add_row(t, NULL);
		table_add_cell(t, json_string(line, "item", ""));
		table_add_cell(t, json_string(line, "quantity", ""));
		table_add_cell(t, money_format(json_double(line, "price", 0), money, sizeof(money)));
	}
	table_add_row(t, NULL);
	table_add_cell(t, "total");
	table_add_cell(t, "");
	table_add_cell(t, money_format(invoice_total(invoice), money, sizeof(money)));
	table_print(t);
	table_free(t);
	printf("%s\n", url);
	free(url);
}
