/*
 * Work on a ticket: comments, timer entries (and charging them), ticket
 * line items, and GET /ticket_timers.
 */
#include "compat.h"
#include <math.h>
#include "handlers.h"
#include "filter.h"
#include "render.h"
#include "sbuf.h"
#include "timeutil.h"
#include "xmalloc.h"

static cJSON *sub(cJSON *ticket, const char *field)
{
	return cJSON_GetObjectItemCaseSensitive(ticket, field);
}

/* Add a new record of kind to the ticket's field array; returns it. */
static cJSON *add_record(struct api_req *r, cJSON *ticket, const char *field, cJSON *rec)
{
	cJSON *full;

	set_field(rec, "id", cJSON_CreateNumber(next_id(coll(r->st, "tickets"), field)));
	set_field(rec, "ticket_id", cJSON_CreateNumber(num_field(ticket, "id", 0)));
	touch(rec, 1);
	full = normalize(field, rec);
	cJSON_Delete(rec);
	cJSON_AddItemToArray(sub(ticket, field), full);
	touch(ticket, 0);
	return full;
}

/* The element of the ticket's field whose id is the body's id_arg, or NULL after 404. */
static cJSON *find_sub_or_404(struct api_req *r, cJSON *ticket, const char *field,
			      const char *id_arg)
{
	double id;
	cJSON *found = NULL;

	if (arg_num(r, id_arg, &id))
		found = find_by_id(sub(ticket, field), id);
	if (!found)
		reply_not_found(r);
	return found;
}

static const char *user_name(struct state *st, double id)
{
	return str_field(find_by_id(coll(st, "users"), id), "full_name");
}

static void comment_time(struct api_req *r, cJSON *ticket, const cJSON *comment);

void post_comment(struct api_req *r)
{
	cJSON *t = ticket_by_id_or_404(r), *rec;
	const char *subject = arg_str(r, "subject"), *body = arg_str(r, "body");
	const char *tech = arg_str(r, "tech");
	struct strvec messages = STRVEC_INIT;
	int hidden = 0, no_email = 0;
	double me = req_user_id(r);

	if (!t)
		return;
	if (!body || !*body)
		strvec_push(&messages, "Body can't be blank");
	if (!subject || !*subject)
		strvec_push(&messages, "Subject can't be blank");
	if (messages.nr) {
		reply_rejected(r, &messages, NULL);
		strvec_clear(&messages);
		return;
	}
	arg_bool(r, "hidden", &hidden);
	arg_bool(r, "do_not_email", &no_email);
	rec = cJSON_CreateObject();
	cJSON_AddStringToObject(rec, "subject", subject);
	cJSON_AddStringToObject(rec, "body", body);
	if (!tech)
		tech = user_name(r->st, me);
	cJSON_AddItemToObject(rec, "tech", tech ? cJSON_CreateString(tech) : cJSON_CreateNull());
	cJSON_AddBoolToObject(rec, "hidden", hidden);
	cJSON_AddNumberToObject(rec, "user_id", me);
	if (arg_str(r, "sms_body"))
		cJSON_AddStringToObject(rec, "sms_body", arg_str(r, "sms_body"));
	if (!hidden && !no_email) {
		const cJSON *customer = find_by_id(coll(r->st, "customers"),
						   num_field(t, "customer_id", -1));
		const char *email = str_field(customer, "email");

		if (email)
			cJSON_AddStringToObject(rec, "destination_emails", email);
	}
	rec = add_record(r, t, "comments", rec);
	if (r->st->quirks & QUIRK_COMMENT_TIME)
		comment_time(r, t, rec);
	reply(r, 200, wrap("comment", cJSON_Duplicate(rec, 1)));
}

static cJSON *comment_with_user(struct state *st, const cJSON *c)
{
	return render_comment(st, c, 1);
}

static int by_created(const void *a, const void *b)
{
	return strcmp(str_field(*(const cJSON *const *)a, "created_at") ?
		      str_field(*(const cJSON *const *)a, "created_at") : "",
		      str_field(*(const cJSON *const *)b, "created_at") ?
		      str_field(*(const cJSON *const *)b, "created_at") : "");
}

/* Newest first (as live), or oldest first with sort_direction=ASC. */
void get_comments(struct api_req *r)
{
	cJSON *t = ticket_by_id_or_404(r), *c;
	const char *dir = str_field(r->query, "sort_direction");
	const cJSON **items;
	int n = 0;

	if (!t)
		return;
	items = xcalloc((size_t)cJSON_GetArraySize(sub(t, "comments")) + 1, sizeof(*items));
	cJSON_ArrayForEach(c, sub(t, "comments"))
		items[n++] = c;
	qsort(items, (size_t)n, sizeof(*items), by_created);
	if (!dir || strcasecmp(dir, "ASC"))
		for (int i = 0; i < n / 2; i++) {
			const cJSON *tmp = items[i];

			items[i] = items[n - 1 - i];
			items[n - 1 - i] = tmp;
		}
	reply_list(r, "comments", items, n, comment_with_user, 10, META_PER_PAGE);
	free(items);
}

/* Set start_time, end_time and active_duration from start and end (ms). */
static void set_times(cJSON *timer, int64_t start, int64_t end, int has_end)
{
	char buf[TIMESTAMP_MS_LEN];

	format_timestamp_ms(start, buf, sizeof(buf));
	set_field(timer, "start_time", cJSON_CreateString(buf));
	if (has_end) {
		long secs = (long)((end - start) / 1000);

		format_timestamp_ms(end, buf, sizeof(buf));
		set_field(timer, "end_time", cJSON_CreateString(buf));
		set_field(timer, "active_duration", cJSON_CreateNumber(secs));
		set_field(timer, "billable_time", cJSON_CreateNumber((secs + 59) / 60));
	}
}

/* The end of a timer from end_at or start + duration_minutes. */
static int timer_end(struct api_req *r, int64_t start, int64_t *end)
{
	double minutes;

	if (parse_timestamp_ms(arg_str(r, "end_at"), end) == 0)
		return 1;
	if (arg_num(r, "duration_minutes", &minutes)) {
		*end = start + (int64_t)llround(minutes * 60000.0);
		return 1;
	}
	return 0;
}

/* A timer as answered: billable always false with --quirk timer-unbillable. */
static cJSON *timer_answer(struct api_req *r, const cJSON *timer)
{
	cJSON *out = cJSON_Duplicate(timer, 1);

	if (r->st->quirks & QUIRK_TIMER_UNBILLABLE)
		set_field(out, "billable", cJSON_CreateFalse());
	return out;
}

static double default_labor(struct state *st)
{
	return num_field(cJSON_GetObjectItemCaseSensitive(st->data, "ticket_settings"),
			 "default_labor_product_id", -1);
}

void post_timer_entry(struct api_req *r)
{
	cJSON *t = ticket_by_id_or_404(r), *rec;
	int64_t start, end;
	double d;
	int b, has_end;

	if (!t)
		return;
	if (parse_timestamp_ms(arg_str(r, "start_at"), &start) < 0) {
		reply_msg(r, 422, "error", "no implicit conversion of nil into String");
		return;
	}
	rec = cJSON_CreateObject();
	has_end = timer_end(r, start, &end);
	set_times(rec, start, end, has_end);
	cJSON_AddNumberToObject(rec, "user_id", arg_num(r, "user_id", &d) ? d : req_user_id(r));
	d = default_labor(r->st);
	if (!(r->st->quirks & QUIRK_TIMER_IGNORES_PRODUCT))
		arg_num(r, "product_id", &d);
	cJSON_AddItemToObject(rec, "product_id", d >= 0 ? cJSON_CreateNumber(d) : cJSON_CreateNull());
	if (arg_str(r, "notes"))
		cJSON_AddStringToObject(rec, "notes", arg_str(r, "notes"));
	if (arg_bool(r, "billable", &b))
		cJSON_AddBoolToObject(rec, "billable", b);
	rec = add_record(r, t, "ticket_timers", rec);
	reply(r, 200, timer_answer(r, rec));
}

/* duration_minutes is ignored here, as a live tenant was seen to do. */
void put_update_timer_entry(struct api_req *r)
{
	cJSON *t = ticket_by_id_or_404(r), *timer;
	int64_t start, end;
	double d;

	if (!t || !(timer = find_sub_or_404(r, t, "ticket_timers", "timer_entry_id")))
		return;
	if (parse_timestamp_ms(arg_str(r, "start_at"), &start) == 0) {
		int has_end = parse_timestamp_ms(arg_str(r, "end_at"), &end) == 0;
		int64_t old_end;

		if (!has_end && parse_timestamp_ms(str_field(timer, "end_time"), &old_end) == 0) {
			end = old_end;
			has_end = 1;
		}
		set_times(timer, start, end, has_end);
	}
	if (arg_num(r, "user_id", &d))
		set_field(timer, "user_id", cJSON_CreateNumber(d));
	if (!(r->st->quirks & QUIRK_TIMER_IGNORES_PRODUCT) && arg_num(r, "product_id", &d))
		set_field(timer, "product_id", cJSON_CreateNumber(d));
	if (has_arg(r, "notes"))
		set_field(timer, "notes", cJSON_Duplicate(arg(r, "notes"), 1));
	touch(timer, 0);
	reply(r, 200, timer_answer(r, timer));
}

void post_delete_timer_entry(struct api_req *r)
{
	cJSON *t = ticket_by_id_or_404(r), *timer, *ok;

	if (!t || !(timer = find_sub_or_404(r, t, "ticket_timers", "timer_entry_id")))
		return;
	cJSON_Delete(cJSON_DetachItemViaPointer(sub(t, "ticket_timers"), timer));
	ok = cJSON_CreateObject();
	cJSON_AddTrueToObject(ok, "success");
	reply(r, 200, ok);
}

static void set_money(cJSON *line, double cost, double retail)
{
	set_field(line, "price_cost", cJSON_CreateNumber(cost));
	set_field(line, "price_retail", cJSON_CreateNumber(retail));
	set_field(line, "cost_cents", cJSON_CreateNumber(llround(cost * 100)));
	set_field(line, "retail_cents", cJSON_CreateNumber(llround(retail * 100)));
}

static void set_quantity(cJSON *line, double qty)
{
	char buf[64];

	format_decimal(qty, 4, buf, sizeof(buf));
	set_field(line, "quantity", cJSON_CreateString(buf));
}

/* Charging creates a line each time (a second charge duplicates it, as live). */
static void charge_timer(struct api_req *r, cJSON *t, cJSON *timer)
{
	cJSON *line;
	const cJSON *product;

	product = find_by_id(coll(r->st, "products"), num_field(timer, "product_id", -1));
	line = cJSON_CreateObject();
	cJSON_AddNumberToObject(line, "user_id", num_field(timer, "user_id", req_user_id(r)));
	cJSON_AddItemToObject(line, "product_id", product ?
			      cJSON_CreateNumber(num_field(product, "id", 0)) : cJSON_CreateNull());
	cJSON_AddStringToObject(line, "name", str_field(product, "name") ?
				str_field(product, "name") : "Labor");
	cJSON_AddStringToObject(line, "description", str_field(timer, "notes") ?
				str_field(timer, "notes") : str_field(product, "description") ?
				str_field(product, "description") : "Labor");
	set_quantity(line, num_field(timer, "active_duration", 0) / 3600.0);
	set_money(line, num_field(product, "price_cost", 0), num_field(product, "price_retail", 0));
	cJSON_AddItemToObject(line, "product_category", str_field(product, "product_category") ?
			      cJSON_CreateString(str_field(product, "product_category")) : cJSON_CreateNull());
	cJSON_AddBoolToObject(line, "taxable", cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(product, "taxable")));
	cJSON_AddNumberToObject(line, "position", cJSON_GetArraySize(sub(t, "line_items")) + 1);
	line = add_record(r, t, "line_items", line);
	set_field(timer, "recorded", cJSON_CreateTrue());
	/* the OpenAPI example's answer leaves it null */
	if (r->st->quirks & QUIRK_CHARGE_LINE_ID)
		set_field(timer, "ticket_line_item_id", cJSON_CreateNumber(num_field(line, "id", 0)));
	touch(timer, 0);
}

void post_charge_timer_entry(struct api_req *r)
{
	cJSON *t = ticket_by_id_or_404(r), *timer;

	if (!t || !(timer = find_sub_or_404(r, t, "ticket_timers", "timer_entry_id")))
		return;
	charge_timer(r, t, timer);
	reply(r, 200, timer_answer(r, timer));
}

void get_ticket_timers(struct api_req *r)
{
	cJSON *t, *timer;
	const char *ticket_id = str_field(r->query, "ticket_id");
	const char *lt = str_field(r->query, "created_at_lt"), *gt = str_field(r->query, "created_at_gt");
	const cJSON **items = NULL;
	int n = 0, alloc = 0;

	cJSON_ArrayForEach(t, coll(r->st, "tickets")) {
		char id[32];

		snprintf(id, sizeof(id), "%.0f", num_field(t, "id", 0));
		if (ticket_id && *ticket_id && strcmp(ticket_id, id))
			continue;
		cJSON_ArrayForEach(timer, sub(t, "ticket_timers")) {
			int64_t at, bound;

			if (parse_timestamp_ms(str_field(timer, "created_at"), &at) == 0 &&
			    ((lt && parse_timestamp_ms(lt, &bound) == 0 && at >= bound) ||
			     (gt && parse_timestamp_ms(gt, &bound) == 0 && at <= bound)))
				continue;
			ALLOC_GROW(items, n + 1, alloc);
			items[n++] = timer;
		}
	}
	reply_list(r, "ticket_timers", items, n, render_copy, (int)r->st->page_size, META_PAGES);
	free(items);
}

/*
 * Price, cost, category and taxable of a line: what the body sends, else
 * 0, 0 and taxable (a ticket line takes no price from its product), or
 * with --quirk fill-line-price the product's (here `product` is the line
 * itself on an update: what it holds stays).
 */
static void line_from_product(struct api_req *r, cJSON *line, const cJSON *product, int update)
{
	int fill = update || (r->st->quirks & QUIRK_FILL_LINE_PRICE);
	double cost = fill ? num_field(product, "price_cost", 0) : 0;
	double retail = fill ? num_field(product, "price_retail", 0) : 0;
	int taxable = fill ? cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(product, "taxable")) : 1;

	arg_num(r, "price_cost", &cost);
	arg_num(r, "price_retail", &retail);
	arg_bool(r, "taxable", &taxable);
	set_money(line, cost, retail);
	set_field(line, "taxable", cJSON_CreateBool(taxable));
	if (product)
		set_field(line, "product_category", str_field(product, "product_category") ?
			  cJSON_CreateString(str_field(product, "product_category")) : cJSON_CreateNull());
}

void post_add_line_item(struct api_req *r)
{
	cJSON *t = ticket_by_id_or_404(r), *line, *err;
	const char *name = arg_str(r, "name"), *desc = arg_str(r, "description");
	const cJSON *product = NULL;
	struct sbuf why = SBUF_INIT;
	double d, qty = 1;

	if (!t)
		return;
	if (!name || !*name)
		sbuf_addstr(&why, "Name can't be blank");
	if (!desc || !*desc)
		sbuf_addf(&why, "%sDescription can't be blank", why.len ? ", " : "");
	if (why.len) {
		err = cJSON_CreateObject();
		cJSON_AddStringToObject(err, "errors", why.buf);
		cJSON_AddObjectToObject(err, "params");
		reply(r, 422, err);
		sbuf_release(&why);
		return;
	}
	if (arg_num(r, "product_id", &d)) {
		product = find_by_id(coll(r->st, "products"), d);
		if (!product) {
			reply_msg(r, 422, "errors", "Product must exist");
			return;
		}
	}
	arg_num(r, "quantity", &qty);
	line = cJSON_CreateObject();
	cJSON_AddNumberToObject(line, "user_id", req_user_id(r));
	cJSON_AddItemToObject(line, "product_id", product ? cJSON_CreateNumber(d) : cJSON_CreateNull());
	cJSON_AddStringToObject(line, "name", name);
	cJSON_AddStringToObject(line, "description", desc);
	if (arg_str(r, "upc_code"))
		cJSON_AddStringToObject(line, "upc_code", arg_str(r, "upc_code"));
	set_quantity(line, qty);
	line_from_product(r, line, product, 0);
	cJSON_AddNumberToObject(line, "position", cJSON_GetArraySize(sub(t, "line_items")) + 1);
	line = add_record(r, t, "line_items", line);
	reply(r, 200, cJSON_Duplicate(line, 1));
}

void put_update_line_item(struct api_req *r)
{
	cJSON *t = ticket_by_id_or_404(r), *line;
	static const char *const texts[] = { "name", "description", "upc_code" };
	double d;

	if (!t || !(line = find_sub_or_404(r, t, "line_items", "ticket_line_item_id")))
		return;
	for (size_t i = 0; i < ARRAY_SIZE(texts); i++)
		if (arg_str(r, texts[i]))
			set_field(line, texts[i], cJSON_CreateString(arg_str(r, texts[i])));
	if (arg_num(r, "quantity", &d))
		set_quantity(line, d);
	if (arg_num(r, "product_id", &d))
		set_field(line, "product_id", cJSON_CreateNumber(d));
	line_from_product(r, line, line, 1);
	touch(line, 0);
	reply(r, 200, wrap("ticket_line_item", cJSON_Duplicate(line, 1)));
}

void post_remove_line_item(struct api_req *r)
{
	cJSON *t = ticket_by_id_or_404(r), *line, *ok;

	if (!t || !(line = find_sub_or_404(r, t, "line_items", "ticket_line_item_id")))
		return;
	cJSON_Delete(cJSON_DetachItemViaPointer(sub(t, "line_items"), line));
	ok = cJSON_CreateObject();
	cJSON_AddTrueToObject(ok, "success");
	cJSON_AddStringToObject(ok, "message", "");
	reply(r, 200, ok);
}

/*
 * The web form's time fields on a comment (minutes_spent, product_id,
 * bill_time_now), which Syncro does not document for the API: a timer of
 * that comment ending now, charged when bill_time_now is true. Off with
 * --ignore-comment-time, for a tenant that ignores them.
 */
static void comment_time(struct api_req *r, cJSON *ticket, const cJSON *comment)
{
	cJSON *timer;
	double minutes, product = default_labor(r->st);
	int64_t end = clock_now_ms();
	int bill = 0;

	if (!arg_num(r, "minutes_spent", &minutes) || minutes <= 0)
		return;
	arg_num(r, "product_id", &product);
	arg_bool(r, "bill_time_now", &bill);
	timer = cJSON_CreateObject();
	end -= end % 1000;
	set_times(timer, end - (int64_t)llround(minutes * 60000.0), end, 1);
	cJSON_AddNumberToObject(timer, "user_id", req_user_id(r));
	cJSON_AddItemToObject(timer, "product_id", product >= 0 ? cJSON_CreateNumber(product) : cJSON_CreateNull());
	cJSON_AddStringToObject(timer, "notes", str_field(comment, "body"));
	cJSON_AddTrueToObject(timer, "billable");
	cJSON_AddNumberToObject(timer, "comment_id", num_field(comment, "id", 0));
	timer = add_record(r, ticket, "ticket_timers", timer);
	if (bill)
		charge_timer(r, ticket, timer);
}
