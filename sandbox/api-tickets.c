/* GET/POST /tickets, GET/PUT/DELETE /tickets/{id}, GET /tickets/settings. */
#include "compat.h"
#include "handlers.h"
#include "filter.h"
#include "render.h"
#include "sbuf.h"
#include "timeutil.h"
#include "xmalloc.h"

/* Fields of the ticket request body (components.requestBodies.Ticket). */
static const char *const ticket_text_fields[] = {
	"subject", "due_date", "start_at", "end_at", "problem_type", "status",
	"properties", "asset_ids", "signature_name", "priority", "tag_list",
	"outtake_form_date", "outtake_form_name",
};
static const char *const ticket_number_fields[] = {
	"customer_id", "ticket_type_id", "location_id", "user_id", "sla_id", "contact_id",
};

static int by_number_desc(const void *a, const void *b)
{
	double x = num_field(*(const cJSON *const *)a, "number", 0);
	double y = num_field(*(const cJSON *const *)b, "number", 0);

	return x < y ? 1 : x > y ? -1 : 0;
}

void get_tickets(struct api_req *r)
{
	cJSON *tickets = coll(r->st, "tickets"), *t;
	const cJSON **items = xcalloc((size_t)cJSON_GetArraySize(tickets) + 1, sizeof(*items));
	int n = 0;

	cJSON_ArrayForEach(t, tickets)
		if (ticket_matches(r->st, req_user_id(r), t, r->query))
			items[n++] = t;
	qsort(items, (size_t)n, sizeof(*items), by_number_desc);
	reply_list(r, "tickets", items, n, render_ticket_summary, (int)r->st->page_size, META_PAGES);
	free(items);
}

static void reply_ticket(struct api_req *r, const cJSON *ticket)
{
	reply(r, 200, wrap("ticket", render_ticket(r->st, ticket)));
}

void get_ticket(struct api_req *r)
{
	cJSON *t = ticket_by_id_or_404(r);

	if (t)
		reply_ticket(r, t);
}

static int status_known(struct api_req *r, const char *status)
{
	const cJSON *settings = cJSON_GetObjectItemCaseSensitive(r->st->data, "ticket_settings");
	const cJSON *it;

	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(settings, "ticket_status_list"))
		if (cJSON_IsString(it) && !strcmp(it->valuestring, status))
			return 1;
	return 0;
}

/*
 * Check and copy the body's ticket fields into t. Returns 0, or -1 after
 * answering 422 (t may then be half-changed; callers work on a copy).
 */
static int apply_ticket_fields(struct api_req *r, cJSON *t)
{
	struct strvec messages = STRVEC_INIT;
	const char *status = arg_str(r, "status");
	const char *old_status = str_field(t, "status");
	double d;

	if (has_arg(r, "customer_id") &&
	    (!arg_num(r, "customer_id", &d) || !find_by_id(coll(r->st, "customers"), d))) {
		reply_msg(r, 422, "error", "Customer required field");
		return -1;
	}
	if (has_arg(r, "subject") && (!arg_str(r, "subject") || !*arg_str(r, "subject")))
		strvec_push(&messages, "Subject can't be blank");
	if (status && !status_known(r, status))
		strvec_push(&messages, "Status is not included in the list");
	if (messages.nr) {
		reply_rejected(r, &messages, NULL);
		strvec_clear(&messages);
		return -1;
	}
	if (status && !strcmp(status, "Resolved") && (!old_status || strcmp(old_status, "Resolved"))) {
		char now[TIMESTAMP_MS_LEN];

		format_timestamp_ms(clock_now_ms(), now, sizeof(now));
		set_field(t, "resolved_at", cJSON_CreateString(now));
	}
	for (size_t i = 0; i < ARRAY_SIZE(ticket_text_fields); i++)
		if (has_arg(r, ticket_text_fields[i]))
			set_field(t, ticket_text_fields[i],
				  cJSON_Duplicate(arg_text(r, ticket_text_fields[i]), 1));
	for (size_t i = 0; i < ARRAY_SIZE(ticket_number_fields); i++) {
		const char *f = ticket_number_fields[i];

		if (arg_num(r, f, &d))
			set_field(t, f, cJSON_CreateNumber(d));
		else if (cJSON_IsNull(arg(r, f)))
			set_field(t, f, cJSON_CreateNull());
	}
	return 0;
}

void put_ticket(struct api_req *r)
{
	cJSON *t = ticket_by_id_or_404(r), *copy;

	if (!t)
		return;
	copy = cJSON_Duplicate(t, 1);
	if (apply_ticket_fields(r, copy) < 0) {
		cJSON_Delete(copy);
		return;
	}
	touch(copy, 0);
	cJSON_ReplaceItemViaPointer(coll(r->st, "tickets"), t, copy);
	reply_ticket(r, copy);
}

/* comments_attributes: the first comments of a new ticket, by nobody. */
static void add_initial_comments(struct api_req *r, cJSON *t)
{
	const cJSON *c;
	double id = next_id(coll(r->st, "tickets"), "comments");

	cJSON_ArrayForEach(c, arg(r, "comments_attributes")) {
		cJSON *rec = cJSON_CreateObject(), *full;
		int hidden = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "hidden"));

		cJSON_AddNumberToObject(rec, "id", id++);
		cJSON_AddNumberToObject(rec, "ticket_id", num_field(t, "id", 0));
		cJSON_AddItemToObject(rec, "subject", cJSON_CreateString(
			str_field(c, "subject") ? str_field(c, "subject") : "Initial Issue"));
		cJSON_AddItemToObject(rec, "body", cJSON_CreateString(
			str_field(c, "body") ? str_field(c, "body") : ""));
		if (str_field(c, "tech"))
			cJSON_AddStringToObject(rec, "tech", str_field(c, "tech"));
		cJSON_AddBoolToObject(rec, "hidden", hidden);
		touch(rec, 1);
		full = normalize("comments", rec);
		cJSON_Delete(rec);
		cJSON_AddItemToArray(cJSON_GetObjectItemCaseSensitive(t, "comments"), full);
	}
}

void post_tickets(struct api_req *r)
{
	cJSON *tickets = coll(r->st, "tickets"), *rec = cJSON_CreateObject(), *t;
	double number;

	if (!has_arg(r, "customer_id")) {
		reply_msg(r, 422, "error", "Customer required field");
		cJSON_Delete(rec);
		return;
	}
	if (!has_arg(r, "subject")) {
		struct strvec m = STRVEC_INIT;

		strvec_push(&m, "Subject can't be blank");
		reply_rejected(r, &m, NULL);
		strvec_clear(&m);
		cJSON_Delete(rec);
		return;
	}
	cJSON_AddNumberToObject(rec, "id", next_id(tickets, NULL));
	t = normalize("tickets", rec);
	cJSON_Delete(rec);
	if (apply_ticket_fields(r, t) < 0) {
		cJSON_Delete(t);
		return;
	}
	if (!arg_num(r, "number", &number)) {
		number = 0;
		cJSON_ArrayForEach(rec, tickets)
			if (num_field(rec, "number", 0) > number)
				number = num_field(rec, "number", 0);
		number++;
	}
	set_field(t, "number", cJSON_CreateNumber(number));
	touch(t, 1);
	add_initial_comments(r, t);
	cJSON_AddItemToArray(tickets, t);
	reply_ticket(r, t);
}

void delete_ticket(struct api_req *r)
{
	cJSON *t = ticket_by_id_or_404(r);

	if (!t)
		return;
	cJSON_Delete(cJSON_DetachItemViaPointer(coll(r->st, "tickets"), t));
	reply_msg(r, 200, "message", "Ticket was successfully deleted. ");
}

void get_ticket_settings(struct api_req *r)
{
	cJSON *out = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(r->st->data, "ticket_settings"), 1);
	cJSON *users = cJSON_CreateArray();
	const cJSON *u;

	cJSON_ArrayForEach(u, coll(r->st, "users")) {
		cJSON *one = cJSON_CreateObject();

		cJSON_AddNumberToObject(one, "id", num_field(u, "id", 0));
		cJSON_AddStringToObject(one, "name", str_field(u, "full_name") ? str_field(u, "full_name") : "");
		cJSON_AddItemToArray(users, one);
	}
	set_field(out, "users", users);
	reply(r, 200, out);
}
