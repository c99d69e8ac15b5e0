#include "compat.h"
#include "api.h"
#include "cache.h"
#include "complete.h"
#include "customer-cache.h"
#include "exit-codes.h"
#include "invoice-view.h"
#include "json.h"
#include "output.h"
#include "usage.h"
#include "xmalloc.h"

cJSON *invoice_fetch(const char *arg)
{
	const char *word = *arg == '#' ? arg + 1 : arg;
	struct api_error err = API_ERROR_INIT;
	struct api_request req = { "GET", NULL, NULL, NULL, NULL };
	char *path;
	cJSON *out;

	if (!*word || strspn(word, "0123456789") != strlen(word) || strlen(word) > 18)
		die_with(EXIT_USAGE, "'%s' is not an invoice number or id", arg);
	path = xstrfmt("/invoices/%s", word);
	req.path = path;
	if (api_call(&req, &out, &err)) {
		if (err.status == 404)
			die_with(EXIT_NOT_FOUND, "invoice '%s' not found; 'syncro invoice list' "
				 "shows the invoices", word);
		api_die(&err);
	}
	free(path);
	out = api_unwrap(out, "invoice");
	invoice_cache_add(out);
	return out;
}

struct count_state {
	long ticket_id;
	int n;
};

static int count_page(const cJSON *items, void *data)
{
	struct count_state *cs = data;
	const cJSON *it;

	cJSON_ArrayForEach(it, items) {
		long ticket = json_long(it, "ticket_id", -1);

		if (!json_get(it, "ticket_id")) {
			cJSON *inv = invoice_fetch(json_string(it, "number", "?"));

			ticket = json_long(inv, "ticket_id", -1);
			cJSON_Delete(inv);
		}
		cs->n += ticket == cs->ticket_id;
	}
	return 0;
}

int invoice_count_for_ticket(long ticket_id)
{
	struct strvec query = STRVEC_INIT;
	struct count_state cs = { ticket_id, 0 };

	strvec_pushf(&query, "ticket_id=%ld", ticket_id);
	api_paginate("/invoices", &query, "invoices", 0, count_page, &cs);
	strvec_clear(&query);
	return cs.n;
}

void invoice_describe(const cJSON *inv, struct sbuf *out)
{
	sbuf_addf(out, "invoice #%s (%s, total ", json_string(inv, "number", "?"),
		  json_string(inv, "customer_business_then_name", "no customer"));
	invoice_amount(out, invoice_money(inv, "total"));
	sbuf_addf(out, ", %s)", invoice_is_paid(inv) ? "paid" : "unpaid");
}

cJSON *invoice_ticket(const cJSON *inv)
{
	struct api_error err = API_ERROR_INIT;
	struct api_request req = { "GET", NULL, NULL, NULL, NULL };
	char *path;
	cJSON *out = NULL;

	if (json_long(inv, "ticket_id", -1) <= 0)
		return NULL;
	path = xstrfmt("/invoices/%ld/ticket", json_long(inv, "id", -1));
	req.path = path;
	if (api_call(&req, &out, &err)) {
		if (err.status != 404)
			api_die(&err);
		api_error_release(&err);
	}
	free(path);
	return api_unwrap(out, "ticket");
}

static void money_cell(struct table *t, double amount)
{
	struct sbuf sb = SBUF_INIT;

	invoice_amount(&sb, amount);
	table_add_cell(t, sb.buf);
	sbuf_release(&sb);
}

static void total_line(const char *label, double amount)
{
	struct sbuf sb = SBUF_INIT;

	invoice_amount(&sb, amount);
	printf("%-9s %10s\n", label, sb.buf);
	sbuf_release(&sb);
}

void invoice_print_detail(const cJSON *inv, const cJSON *ticket)
{
	const cJSON *line, *lines = json_get(inv, "line_items");
	struct table *t = table_new(6);
	char date[11];

	snprintf(date, sizeof(date), "%s", json_string(inv, "date", "?"));
	printf("invoice #%s  %s  ", json_string(inv, "number", "?"), date);
	output_text(stdout, json_string(inv, "customer_business_then_name", "no customer"), SAFE_ONE_LINE);
	printf("  %s\n", invoice_is_paid(inv) ? "paid" : "unpaid");
	if (ticket) {
		printf("ticket   #%ld  ", json_long(ticket, "number", -1));
		output_text(stdout, json_string(ticket, "subject", ""), SAFE_ONE_LINE);
		putchar('\n');
	} else {
		printf("ticket   none\n");
	}
	if (json_string(inv, "note", NULL) && *json_string(inv, "note", "")) {
		printf("note     ");
		output_text(stdout, json_string(inv, "note", ""), SAFE_ONE_LINE);
		putchar('\n');
	}
	putchar('\n');
	table_add_row(t, NULL);
	table_add_cell(t, "LINE");
	table_add_cell(t, "ITEM");
	table_add_cell(t, "QTY");
	table_add_cell(t, "PRICE");
	table_add_cell(t, "AMOUNT");
	table_add_cell(t, "DESCRIPTION");
	for (size_t c = 2; c < 5; c++)
		table_set_align(t, c, TABLE_RIGHT);
	cJSON_ArrayForEach(line, lines) {
		double qty = invoice_money(line, "quantity"), price = invoice_money(line, "price");

		table_add_row(t, NULL);
		table_add_cellf(t, "%ld", json_long(line, "id", -1));
		table_add_cell(t, json_string(line, "item", ""));
		table_add_cellf(t, "%g", qty);
		money_cell(t, price);
		money_cell(t, qty * price);
		table_add_cell(t, json_string(line, "name", ""));
	}
	if (cJSON_GetArraySize(lines))
		table_print(t);
	else
		printf("no lines\n");
	table_free(t);
	putchar('\n');
	total_line("subtotal", invoice_money(inv, "subtotal"));
	total_line("tax", invoice_money(inv, "tax"));
	total_line("total", invoice_money(inv, "total"));
}

static cJSON *known_customers;	/* the customer cache, loaded once */

static void forget_known_customers(void)
{
	cJSON_Delete(known_customers);
}

static const char *known_name(long id)
{
	const cJSON *c;

	cJSON_ArrayForEach(c, known_customers)
		if (json_long(c, "id", -1) == id)
			return json_string(c, "business_then_name", NULL);
	return NULL;
}

void invoice_name_customer(cJSON *inv)
{
	long id = json_long(inv, "customer_id", -1);
	const char *name;

	if (json_string(inv, "customer_business_then_name", NULL) || id <= 0)
		return;
	if (!known_customers) {
		known_customers = cache_read_json(CUSTOMER_CACHE, -1);
		if (!cJSON_IsArray(known_customers)) {
			cJSON_Delete(known_customers);
			known_customers = cJSON_CreateArray();
		}
		atexit(forget_known_customers);
	}
	if (!(name = known_name(id))) {
		char *path = xstrfmt("/customers/%ld", id);
		cJSON *one = api_unwrap(api_get(path, NULL), "customer"), *list = cJSON_CreateArray();
		cJSON *entry = cJSON_CreateObject();

		cJSON_AddItemToArray(list, one);
		customer_cache_store(list);
		cJSON_AddNumberToObject(entry, "id", (double)id);
		cJSON_AddStringToObject(entry, "business_then_name",
					json_string(one, "business_then_name", ""));
		cJSON_AddItemToArray(known_customers, entry);
		cJSON_Delete(list);
		free(path);
		name = known_name(id);
	}
	cJSON_AddStringToObject(inv, "customer_business_then_name", name ? name : "");
}

struct table *invoice_table_new(void)
{
	struct table *t = table_new(5);

	table_set_flex(t, 2, 10);
	table_set_align(t, 3, TABLE_RIGHT);
	return t;
}

void invoice_table_add(struct table *t, const cJSON *inv)
{
	char date[11];

	snprintf(date, sizeof(date), "%s", json_string(inv, "date", "?"));
	table_add_row(t, NULL);
	table_add_cellf(t, "#%s", json_string(inv, "number", "?"));
	table_add_cell(t, date);
	table_add_cell(t, json_string(inv, "customer_business_then_name", ""));
	money_cell(t, invoice_money(inv, "total"));
	table_add_cell(t, invoice_is_paid(inv) ? "paid" : "unpaid");
}

