/*
 * Invoices (with "Make Invoice" from a ticket's charged lines) and the
 * product catalogue.
 */
#include "compat.h"
#include <math.h>
#include "handlers.h"
#include "filter.h"
#include "render.h"
#include "sbuf.h"
#include "timeutil.h"
#include "xmalloc.h"

/*
 * A list item: only number, total, status, date and customer_id, as live
 * accounts are reported to answer; the whole invoice (ticket_id too) with
 * --quirk invoice-ticket-id.
 */
static cJSON *invoice_summary(struct state *st, const cJSON *inv)
{
	cJSON *out;

	if (st->quirks & QUIRK_INVOICE_TICKET_ID)
		return render_invoice(st, inv, 0);
	out = cJSON_CreateObject();
	cJSON_AddItemToObject(out, "number", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(inv, "number"), 1));
	cJSON_AddItemToObject(out, "total", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(inv, "total"), 1));
	cJSON_AddStringToObject(out, "status", cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(inv, "is_paid")) ?
				"Paid" : "Unpaid");
	cJSON_AddItemToObject(out, "date", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(inv, "date"), 1));
	cJSON_AddItemToObject(out, "customer_id", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(inv, "customer_id"), 1));
	return out;
}

static int by_id_desc(const void *a, const void *b)
{
	double x = num_field(*(const cJSON *const *)a, "id", 0);
	double y = num_field(*(const cJSON *const *)b, "id", 0);

	return x < y ? 1 : x > y ? -1 : 0;
}

void get_invoices(struct api_req *r)
{
	cJSON *invoices = coll(r->st, "invoices"), *inv;
	const cJSON **items = xcalloc((size_t)cJSON_GetArraySize(invoices) + 1, sizeof(*items));
	const char *paid = str_field(r->query, "paid"), *unpaid = str_field(r->query, "unpaid");
	const char *since = str_field(r->query, "since_updated_at");
	int n = 0;

	cJSON_ArrayForEach(inv, invoices) {
		int is_paid = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(inv, "is_paid"));
		int64_t at, bound;
		char ticket[32], customer[32];
		const char *want;

		snprintf(ticket, sizeof(ticket), "%.0f", num_field(inv, "ticket_id", -1));
		snprintf(customer, sizeof(customer), "%.0f", num_field(inv, "customer_id", -1));
		if (!(r->st->quirks & QUIRK_INVOICE_FILTER_IGNORED) &&
		    (want = str_field(r->query, "ticket_id")) && *want && strcmp(want, ticket))
			continue;
		if ((want = str_field(r->query, "customer_id")) && *want && strcmp(want, customer))
			continue;
		if ((paid && !strcmp(paid, "true") && !is_paid) ||
		    (unpaid && !strcmp(unpaid, "true") && is_paid))
			continue;
		if (since && parse_timestamp_ms(since, &bound) == 0 &&
		    (parse_timestamp_ms(str_field(inv, "updated_at"), &at) < 0 || at <= bound))
			continue;
		items[n++] = inv;
	}
	qsort(items, (size_t)n, sizeof(*items), by_id_desc);
	reply_list(r, "invoices", items, n, invoice_summary, (int)r->st->page_size, META_PAGES);
	free(items);
}

/* By id, or by number (a string) as "GET /invoices/{id}" allows. */
cJSON *find_invoice(struct api_req *r)
{
	cJSON *invoices = coll(r->st, "invoices"), *inv = find_by_id(invoices, cap_id(r, 0));

	if (inv)
		return inv;
	cJSON_ArrayForEach(inv, invoices)
		if (str_field(inv, "number") && !strcmp(str_field(inv, "number"), r->caps.v[0]))
			return inv;
	return NULL;
}

void reply_invoice(struct api_req *r, const cJSON *inv)
{
	reply(r, 200, wrap("invoice", render_invoice(r->st, inv, 1)));
}

void get_invoice(struct api_req *r)
{
	cJSON *inv = find_invoice(r);

	if (inv)
		reply_invoice(r, inv);
	else
		reply_not_found(r);
}

/* Returns 200 whether or not there was such an invoice, as the spec says. */
void delete_invoice(struct api_req *r)
{
	cJSON *inv = find_invoice(r);

	/* a paid invoice stays: the delete fails, the answer does not say so */
	if (inv && !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(inv, "is_paid")))
		cJSON_Delete(cJSON_DetachItemViaPointer(coll(r->st, "invoices"), inv));
	reply_msg(r, 200, "message", "Invoice was successfully deleted.");
}

static void set_decimal(cJSON *obj, const char *field, double v, int places)
{
	char buf[64];

	format_decimal(v, places, buf, sizeof(buf));
	set_field(obj, field, cJSON_CreateString(buf));
}

/* subtotal, tax and total from the lines (no tax rates in the sandbox). */
void recalculate(cJSON *inv)
{
	double subtotal = 0;
	const cJSON *line;

	cJSON_ArrayForEach(line, cJSON_GetObjectItemCaseSensitive(inv, "line_items"))
		subtotal += num_field(line, "price", 0) * num_field(line, "quantity", 0);
	subtotal = round(subtotal * 100) / 100;
	set_decimal(inv, "subtotal", subtotal, 2);
	set_decimal(inv, "tax", 0, 2);
	set_decimal(inv, "total", subtotal, 2);
}

/*
 * Prepaid hours: a labour line (a product of category "Labor") with a
 * price is covered when the customer's prepay_hours hold its whole
 * quantity: its price becomes 0.00 and the hours drop by the quantity.
 * Otherwise it is billed in full and the hours stay.
 */
static void apply_prepay(struct state *st, const cJSON *inv, cJSON *line)
{
	cJSON *customer = find_by_id(coll(st, "customers"), num_field(inv, "customer_id", -1));
	const cJSON *product = find_by_id(coll(st, "products"), num_field(line, "product_id", -1));
	const char *category = str_field(product, "product_category");
	double hours = num_field(customer, "prepay_hours", 0), qty = num_field(line, "quantity", 0);
	char buf[64];

	if (!category || strcmp(category, "Labor") || num_field(line, "price", 0) <= 0 ||
	    qty <= 0 || hours + 1e-9 < qty)
		return;
	set_decimal(line, "price", 0, 2);
	format_decimal(hours - qty, 4, buf, sizeof(buf));
	set_field(customer, "prepay_hours", cJSON_CreateString(buf));
	touch(customer, 0);
}

/* Append an invoice line (fields of line given; the rest defaulted). */
static void add_invoice_line(struct state *st, cJSON *inv, cJSON *line)
{
	cJSON *lines = cJSON_GetObjectItemCaseSensitive(inv, "line_items"), *full;

	apply_prepay(st, inv, line);
	set_field(line, "id", cJSON_CreateNumber(next_id(coll(st, "invoices"), "line_items")));
	set_field(line, "invoice_id", cJSON_CreateNumber(num_field(inv, "id", 0)));
	set_field(line, "position", cJSON_CreateNumber(cJSON_GetArraySize(lines) + 1));
	touch(line, 1);
	full = normalize("invoice_line_items", line);
	cJSON_Delete(line);
	cJSON_AddItemToArray(lines, full);
}

/* "Make Invoice": the ticket's lines not yet on an invoice move onto inv. */
static void pull_ticket_lines(struct state *st, cJSON *inv, cJSON *ticket)
{
	cJSON *tl;

	cJSON_ArrayForEach(tl, cJSON_GetObjectItemCaseSensitive(ticket, "line_items")) {
		cJSON *line;

		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(tl, "converted")))
			continue;
		line = cJSON_CreateObject();
		cJSON_AddItemToObject(line, "item", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(tl, "name"), 1));
		cJSON_AddItemToObject(line, "name", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(tl, "description"), 1));
		set_decimal(line, "cost", num_field(tl, "price_cost", 0), 2);
		set_decimal(line, "price", num_field(tl, "price_retail", 0), 2);
		cJSON_AddItemToObject(line, "quantity", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(tl, "quantity"), 1));
		cJSON_AddItemToObject(line, "product_id", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(tl, "product_id"), 1));
		cJSON_AddItemToObject(line, "taxable", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(tl, "taxable"), 1));
		cJSON_AddItemToObject(line, "product_category", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(tl, "product_category"), 1));
		add_invoice_line(st, inv, line);
		set_field(tl, "converted", cJSON_CreateTrue());
		touch(tl, 0);
	}
}

static double next_invoice_number(struct state *st)
{
	double max = 0;
	const cJSON *inv;

	cJSON_ArrayForEach(inv, coll(st, "invoices"))
		if (num_field(inv, "number", 0) > max)
			max = num_field(inv, "number", 0);
	return max + 1;
}

void post_invoices(struct api_req *r)
{
	cJSON *ticket = NULL, *rec, *inv;
	double customer = -1, d;
	char buf[TIMESTAMP_MS_LEN];
	int64_t when;
	static const char *const texts[] = { "po_number", "note", "hardwarecost" };

	if (arg_num(r, "ticket_id", &d)) {
		ticket = find_by_id(coll(r->st, "tickets"), d);
		if (!ticket) {
			reply_not_found(r);
			return;
		}
		customer = num_field(ticket, "customer_id", -1);
	}
	arg_num(r, "customer_id", &customer);
	if (!find_by_id(coll(r->st, "customers"), customer)) {
		reply_msg(r, 422, "error", "Customer required field");
		return;
	}
	rec = cJSON_CreateObject();
	cJSON_AddNumberToObject(rec, "id", next_id(coll(r->st, "invoices"), NULL));
	cJSON_AddNumberToObject(rec, "customer_id", customer);
	if (arg_str(r, "number"))
		cJSON_AddStringToObject(rec, "number", arg_str(r, "number"));
	else
		cJSON_AddItemToObject(rec, "number", cJSON_CreateString(
			(snprintf(buf, sizeof(buf), "%.0f", next_invoice_number(r->st)), buf)));
	if (parse_timestamp_ms(arg_str(r, "date"), &when) < 0)
		when = clock_now_ms();
	when -= when % 86400000;
	format_timestamp_ms(when, buf, sizeof(buf));
	cJSON_AddStringToObject(rec, "date", buf);
	if (parse_timestamp_ms(arg_str(r, "due_date"), &when) == 0)
		format_timestamp_ms(when, buf, sizeof(buf));
	cJSON_AddStringToObject(rec, "due_date", buf);
	cJSON_AddItemToObject(rec, "ticket_id", ticket ? cJSON_CreateNumber(num_field(ticket, "id", 0)) : cJSON_CreateNull());
	cJSON_AddNumberToObject(rec, "user_id", req_user_id(r));
	for (size_t i = 0; i < ARRAY_SIZE(texts); i++)
		if (has_arg(r, texts[i]))
			cJSON_AddItemToObject(rec, texts[i], cJSON_Duplicate(arg(r, texts[i]), 1));
	if (arg_num(r, "contact_id", &d))
		cJSON_AddNumberToObject(rec, "contact_id", d);
	touch(rec, 1);
	inv = normalize("invoices", rec);
	cJSON_Delete(rec);
	if (ticket)
		pull_ticket_lines(r->st, inv, ticket);
	recalculate(inv);
	cJSON_AddItemToArray(coll(r->st, "invoices"), inv);
	reply(r, 200, wrap("invoice", render_invoice(r->st, inv, 0)));
}

/* product_id + quantity is enough: the product fills in the rest. */
void post_invoice_line_items(struct api_req *r)
{
	cJSON *inv = find_invoice(r), *line;
	const cJSON *product = NULL;
	double d, qty = 1, cost, price;
	char buf[64];

	if (!inv) {
		reply_not_found(r);
		return;
	}
	if (arg_num(r, "product_id", &d))
		product = find_by_id(coll(r->st, "products"), d);
	if (!product && !arg_str(r, "item") && !arg_str(r, "name")) {
		reply_msg(r, 422, "error", "Item can't be blank");
		return;
	}
	line = cJSON_CreateObject();
	cJSON_AddStringToObject(line, "item", arg_str(r, "item") ? arg_str(r, "item") :
				str_field(product, "name") ? str_field(product, "name") : arg_str(r, "name"));
	cJSON_AddStringToObject(line, "name", arg_str(r, "name") ? arg_str(r, "name") :
				str_field(product, "description") ? str_field(product, "description") : "");
	cost = num_field(product, "price_cost", 0);
	price = num_field(product, "price_retail", 0);
	arg_num(r, "cost", &cost);
	arg_num(r, "price", &price);
	arg_num(r, "quantity", &qty);
	set_decimal(line, "cost", cost, 2);
	set_decimal(line, "price", price, 2);
	format_decimal(qty, 4, buf, sizeof(buf));
	cJSON_AddStringToObject(line, "quantity", buf);
	cJSON_AddItemToObject(line, "product_id", product ? cJSON_CreateNumber(d) : cJSON_CreateNull());
	cJSON_AddBoolToObject(line, "taxable", cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(product, "taxable")));
	add_invoice_line(r->st, inv, line);
	recalculate(inv);
	touch(inv, 0);
	reply_invoice(r, inv);
}

/* The category named by category_id, or NULL. */
static const char *category_name(struct api_req *r, const char *id)
{
	char *end;
	double d = strtod(id, &end);

	return *end ? NULL : str_field(find_by_id(coll(r->st, "product_categories"), d), "name");
}

void get_products(struct api_req *r)
{
	cJSON *products = coll(r->st, "products"), *p;
	const cJSON **items = xcalloc((size_t)cJSON_GetArraySize(products) + 1, sizeof(*items));
	const char *text = str_field(r->query, "query"), *name = str_field(r->query, "name");
	const char *category = str_field(r->query, "category_id"), *want = NULL;
	int n = 0;

	if (category && *category && !(want = category_name(r, category)))
		want = "";	/* no such category: nothing matches */
	cJSON_ArrayForEach(p, products) {
		const char *cat = str_field(p, "product_category");

		if (want && (!cat || strcmp(cat, want)))
			continue;
		if (text && !contains_ci(str_field(p, "name"), text) &&
		    !contains_ci(str_field(p, "description"), text))
			continue;
		if (!contains_ci(str_field(p, "name"), name))
			continue;
		items[n++] = p;
	}
	reply_list(r, "products", items, n, render_copy, (int)r->st->page_size, META_NONE);
	free(items);
}

void get_product(struct api_req *r)
{
	const cJSON *p = find_by_id(coll(r->st, "products"), cap_id(r, 0));

	if (p)
		reply(r, 200, wrap("product", cJSON_Duplicate(p, 1)));
	else
		reply_not_found(r);
}

void get_product_categories(struct api_req *r)
{
	reply(r, 200, wrap("categories", cJSON_Duplicate(coll(r->st, "product_categories"), 1)));
}
