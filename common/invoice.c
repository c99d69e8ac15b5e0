#include "compat.h"
#include <math.h>
#include "config.h"
#include "invoice.h"
#include "json.h"
#include "table.h"
#include "web-url.h"
#include "xmalloc.h"

/* An upper bound on pages of /invoices, against an endpoint that never ends. */
#define MAX_PAGES 1000

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

/* 1 if inv belongs to ticket_id, 0 if not, -1 on a failed look-up. */
static int belongs(const cJSON *inv, long ticket_id, struct api_error *err)
{
	const cJSON *t = json_get(inv, "ticket_id");
	cJSON *full;
	int ret;

	if (t && !cJSON_IsNull(t))
		return json_long(inv, "ticket_id", -1) == ticket_id;
	if (invoice_get(json_long(inv, "id", -1), &full, err))
		return -1;
	ret = json_long(full, "ticket_id", -1) == ticket_id;
	cJSON_Delete(full);
	return ret;
}

int invoice_find_for_ticket(long ticket_id, cJSON **found, struct api_error *err)
{
	*found = cJSON_CreateArray();
	for (long page = 1; page <= MAX_PAGES; page++) {
		struct strvec q = STRVEC_INIT;
		const cJSON *inv, *list;
		cJSON *answer;
		int ret = 0;

		strvec_pushf(&q, "ticket_id=%ld", ticket_id);
		if (page > 1)
			strvec_pushf(&q, "page=%ld", page);
		ret = get("/invoices", &q, &answer, err);
		strvec_clear(&q);
		if (ret)
			goto fail;
		if (api_list_items(answer, "invoices", "/invoices", page, &list, err)) {
			cJSON_Delete(answer);
			goto fail;
		}
		cJSON_ArrayForEach(inv, list) {
			int mine = belongs(inv, ticket_id, err);

			if (mine < 0) {
				cJSON_Delete(answer);
				goto fail;
			}
			if (mine)
				cJSON_AddItemToArray(*found, cJSON_Duplicate(inv, 1));
		}
		if (!cJSON_GetArraySize(list) ||
		    page >= json_long(answer, "meta.total_pages", 1)) {
			cJSON_Delete(answer);
			return 0;
		}
		cJSON_Delete(answer);
	}
	return 0;
fail:
	cJSON_Delete(*found);
	*found = NULL;
	return -1;
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
	const cJSON *line, *lines = json_get(invoice, "line_items");

	cJSON_ArrayForEach(line, lines)
		if (json_long(line, "product_id", -1) == want->product_id &&
		    same_quantity(json_double(line, "quantity", -1), want->quantity))
			return 1;
	sbuf_addf(why, "invoice %s has no line of %.2f h of product %ld",
		  json_string(invoice, "number", "?"), want->quantity, want->product_id);
	if (want->name)
		sbuf_addf(why, " '%s'", want->name);
	if (!cJSON_GetArraySize(lines)) {
		sbuf_addstr(why, "; it has no lines at all");
		return 0;
	}
	sbuf_addstr(why, "; it holds:");
	cJSON_ArrayForEach(line, lines)
		sbuf_addf(why, "\n  %s of product %ld '%s'", json_string(line, "quantity", "?"),
			  json_long(line, "product_id", -1), json_string(line, "item", ""));
	return 0;
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
	char *url = invoice_url(json_long(invoice, "id", -1));

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
		table_add_cell(t, json_string(line, "price", ""));
	}
	table_add_row(t, NULL);
	table_add_cell(t, "total");
	table_add_cell(t, "");
	table_add_cell(t, json_string(invoice, "total", "?"));
	table_print(t);
	table_free(t);
	printf("%s\n", url);
	free(url);
}
