/*
 * Estimates: GET/POST /estimates, GET/PUT/DELETE /estimates/{id} and POST
 * /estimates/{id}/line_items, as the OpenAPI file shapes them. Estimate
 * lines are filled from the product (as invoice lines are, unlike ticket
 * lines); the ticket's add_line_item path knows no estimate (404). The
 * collection starts empty and is made on the first POST.
 */
#include "compat.h"
#include <math.h>
#include "handlers.h"
#include "render.h"
#include "timeutil.h"
#include "xmalloc.h"

static cJSON *estimates(struct state *st)
{
	cJSON *list = coll(st, "estimates");

	return list ? list : cJSON_AddArrayToObject(st->data, "estimates");
}

static cJSON *render_estimate(struct state *st, const cJSON *est)
{
	cJSON *out = cJSON_Duplicate(est, 1);
	const cJSON *customer = find_by_id(coll(st, "customers"), num_field(est, "customer_id", -1));
	struct sbuf then = SBUF_INIT;

	if (customer)
		customer_then_name(customer, &then);
	set_field(out, "customer_business_then_name",
		  customer ? cJSON_CreateString(then.buf) : cJSON_CreateNull());
	sbuf_release(&then);
	return out;
}

static cJSON *estimate_summary(struct state *st, const cJSON *est)
{
	cJSON *out = render_estimate(st, est);

	cJSON_DeleteItemFromObjectCaseSensitive(out, "line_items");
	return out;
}

static void set_money(cJSON *obj, const char *field, double v)
{
	char buf[64];

	format_decimal(v, 2, buf, sizeof(buf));
	set_field(obj, field, cJSON_CreateString(buf));
}

static void recalculate_estimate(cJSON *est)
{
	double subtotal = 0;
	const cJSON *line;

	cJSON_ArrayForEach(line, cJSON_GetObjectItemCaseSensitive(est, "line_items"))
		subtotal += num_field(line, "price", 0) * num_field(line, "quantity", 0);
	subtotal = round(subtotal * 100) / 100;
	set_money(est, "subtotal", subtotal);
	set_money(est, "tax", 0);
	set_money(est, "total", subtotal);
}

void get_estimates(struct api_req *r)
{
	cJSON *list = coll(r->st, "estimates"), *est;
	const cJSON **items = xcalloc((size_t)cJSON_GetArraySize(list) + 1, sizeof(*items));
	const char *status = str_field(r->query, "status");
	int n = 0;

	cJSON_ArrayForEach(est, list)
		if (!status || !*status || !strcasecmp(status, str_field(est, "status")))
			items[n++] = est;
	reply_list(r, "estimates", items, n, estimate_summary, (int)r->st->page_size, META_PAGES);
	free(items);
}

static cJSON *find_estimate(struct api_req *r)
{
	cJSON *est = find_by_id(coll(r->st, "estimates"), cap_id(r, 0));

	if (!est)
		reply_not_found(r);
	return est;
}

static void reply_estimate(struct api_req *r, const cJSON *est)
{
	reply(r, 200, wrap("estimate", render_estimate(r->st, est)));
}

void get_estimate(struct api_req *r)
{
	cJSON *est = find_estimate(r);

	if (est)
		reply_estimate(r, est);
}

/* Fresh, Draft, Approved or Declined, as the spec lists them. */
static int valid_status(const char *s)
{
	return s && (!strcmp(s, "Fresh") || !strcmp(s, "Draft") || !strcmp(s, "Approved") ||
		     !strcmp(s, "Declined"));
}

static void reject_field(struct api_req *r, const char *field, const char *message)
{
	cJSON *o = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(o, field);

	cJSON_AddItemToArray(list, cJSON_CreateString(message));
	reply(r, 422, o);
}

void post_estimates(struct api_req *r)
{
	cJSON *rec, *list = estimates(r->st);
	double customer = -1, ticket = -1, number = 0;
	const cJSON *it;
	char buf[64];

	arg_num(r, "customer_id", &customer);
	if (!find_by_id(coll(r->st, "customers"), customer)) {
		reject_field(r, "customer_id", "can't be blank");
		return;
	}
	if (!arg_str(r, "date") || !*arg_str(r, "date")) {
		reject_field(r, "date", "can't be blank");
		return;
	}
	if (arg_num(r, "ticket_id", &ticket) && !find_by_id(coll(r->st, "tickets"), ticket)) {
		reject_field(r, "ticket_id", "is invalid");
		return;
	}
	if (has_arg(r, "status") && !valid_status(arg_str(r, "status"))) {
		reject_field(r, "status", "is not included in the list");
		return;
	}
	cJSON_ArrayForEach(it, list)
		if (num_field(it, "number", 0) > number)
			number = num_field(it, "number", 0);
	rec = cJSON_CreateObject();
	cJSON_AddNumberToObject(rec, "id", fmax(next_id(list, NULL), 2210001));
	cJSON_AddNumberToObject(rec, "customer_id", customer);
	cJSON_AddStringToObject(rec, "name", arg_str(r, "name") ? arg_str(r, "name") : "");
	snprintf(buf, sizeof(buf), "%.0f", number ? number + 1 : 2001);
	cJSON_AddStringToObject(rec, "number", arg_str(r, "number") ? arg_str(r, "number") : buf);
	cJSON_AddStringToObject(rec, "status", arg_str(r, "status") ? arg_str(r, "status") : "Fresh");
	touch(rec, 1);
	cJSON_AddStringToObject(rec, "date", arg_str(r, "date"));
	cJSON_AddItemToObject(rec, "ticket_id", ticket > 0 ? cJSON_CreateNumber(ticket) : cJSON_CreateNull());
	cJSON_AddItemToObject(rec, "note", arg_str(r, "note") ? cJSON_CreateString(arg_str(r, "note")) : cJSON_CreateNull());
	cJSON_AddNullToObject(rec, "pdf_url");
	cJSON_AddNullToObject(rec, "location_id");
	cJSON_AddNullToObject(rec, "invoice_id");
	cJSON_AddNumberToObject(rec, "user_id", req_user_id(r));
	cJSON_AddArrayToObject(rec, "line_items");
	recalculate_estimate(rec);
	cJSON_AddItemToArray(list, rec);
	reply(r, 200, wrap("estimate", estimate_summary(r->st, rec)));
}

void put_estimate(struct api_req *r)
{
	static const char *const texts[] = { "name", "note" };
	cJSON *est = find_estimate(r);

	if (!est)
		return;
	if (has_arg(r, "status") && !valid_status(arg_str(r, "status"))) {
		reject_field(r, "status", "is not included in the list");
		return;
	}
	if (has_arg(r, "status"))
		set_field(est, "status", cJSON_CreateString(arg_str(r, "status")));
	for (size_t i = 0; i < ARRAY_SIZE(texts); i++)
		if (arg_str(r, texts[i]))
			set_field(est, texts[i], cJSON_CreateString(arg_str(r, texts[i])));
	touch(est, 0);
	reply(r, 200, wrap("estimate", estimate_summary(r->st, est)));
}

void delete_estimate(struct api_req *r)
{
	cJSON *est = find_estimate(r);
	char msg[96];

	if (!est)
		return;
	snprintf(msg, sizeof(msg), "1: We deleted # %s", str_field(est, "number") ? str_field(est, "number") : "");
	cJSON_Delete(cJSON_DetachItemViaPointer(coll(r->st, "estimates"), est));
	reply_msg(r, 200, "message", msg);
}

/* Line ids of their own range, one more than the largest of any estimate. */
static double next_line_id(struct state *st)
{
	double max = 88000000;
	const cJSON *est, *line;

	cJSON_ArrayForEach(est, coll(st, "estimates"))
		cJSON_ArrayForEach(line, cJSON_GetObjectItemCaseSensitive(est, "line_items"))
			max = fmax(max, num_field(line, "id", 0));
	return max + 1;
}

/* product_id (and quantity) is enough: the product fills in the rest. */
void post_estimate_line_items(struct api_req *r)
{
	cJSON *est = find_estimate(r), *line, *lines, *out;
	const cJSON *product = NULL;
	double d = 0, qty = 1, price, cost;
	char buf[64];

	if (!est)
		return;
	if (arg_num(r, "product_id", &d))
		product = find_by_id(coll(r->st, "products"), d);
	if (!product && (!arg_str(r, "item") || !*arg_str(r, "item"))) {
		reject_field(r, "item", "can't be blank");
		return;
	}
	lines = cJSON_GetObjectItemCaseSensitive(est, "line_items");
	line = cJSON_CreateObject();
	cJSON_AddNumberToObject(line, "id", next_line_id(r->st));
	touch(line, 1);
	cJSON_AddNumberToObject(line, "estimate_id", num_field(est, "id", 0));
	cJSON_AddStringToObject(line, "item", arg_str(r, "item") ? arg_str(r, "item") : str_field(product, "name"));
	cJSON_AddStringToObject(line, "name", arg_str(r, "name") ? arg_str(r, "name") :
				str_field(product, "description") ? str_field(product, "description") : "");
	price = num_field(product, "price_retail", 0);
	cost = num_field(product, "price_cost", 0);
	arg_num(r, "price", &price);
	arg_num(r, "cost", &cost);
	arg_num(r, "quantity", &qty);
	set_money(line, "cost", cost);
	set_money(line, "price", price);
	format_decimal(qty, 4, buf, sizeof(buf));
	cJSON_AddStringToObject(line, "quantity", buf);
	cJSON_AddItemToObject(line, "product_id", product ? cJSON_CreateNumber(d) : cJSON_CreateNull());
	cJSON_AddBoolToObject(line, "taxable", product && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(product, "taxable")));
	cJSON_AddNumberToObject(line, "position", cJSON_GetArraySize(lines) + 1);
	cJSON_AddItemToArray(lines, line);
	recalculate_estimate(est);
	touch(est, 0);
	out = wrap("estimate", estimate_summary(r->st, est));
	cJSON_AddItemToObject(out, "line_item", cJSON_Duplicate(line, 1));
	reply(r, 200, out);
}
