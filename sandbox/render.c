#include "compat.h"
#include "render.h"

static const char *const ticket_summary_keys[] = {
	"id", "number", "subject", "created_at", "customer_id",
	"customer_business_then_name", "due_date", "resolved_at", "start_at",
	"end_at", "location_id", "location_name", "problem_type", "status",
	"ticket_type_id", "ticket_type_name", "properties", "user_id",
	"updated_at", "pdf_url", "priority", "billing_status", "tag_list",
	"sla_name", "creator_name_or_email", "contact_fullname", "contract_name",
	"address_id", "parent", "parent_id", "child", "recurring",
	"customer_reply", "total_formatted_billable_time", "contact_id",
	"sla_breached", "sla_breaching_soon", "contract_id", "sla_id",
	"customer_tag_list", "resolution_time", "response_time",
	"customer_icons", "comments", "user", NULL,
};
static const char *const user_keys[] = {
	"id", "email", "full_name", "created_at", "updated_at", "group", "admin", "color", NULL,
};
static const char *const ticket_link_keys[] = { "id", "number", "status", "subject", NULL };
static const char *const invoice_link_keys[] = { "id", "number", "is_paid", "total", "date", NULL };

/*
 * A reference to v for a reply: strings, objects and arrays are not
 * copied, so the reply must be printed before the data can change (the
 * server prints it under the state lock).
 */
static cJSON *ref(const cJSON *v)
{
	if (cJSON_IsString(v))
		return cJSON_CreateStringReference(v->valuestring);
	if (cJSON_IsObject(v))
		return cJSON_CreateObjectReference(v->child);
	if (cJSON_IsArray(v))
		return cJSON_CreateArrayReference(v->child);
	return cJSON_Duplicate(v, 0);
}

/*
 * A new object with the keys, valued from computed, else obj (by
 * reference, see ref()), else null. Values from computed are moved out of it.
 */
static cJSON *pick(const cJSON *obj, const char *const *keys, cJSON *computed)
{
	cJSON *out = cJSON_CreateObject();

	for (; *keys; keys++) {
		cJSON *v = computed ? cJSON_DetachItemFromObjectCaseSensitive(computed, *keys) : NULL;

		if (!v) {
			const cJSON *stored = cJSON_GetObjectItemCaseSensitive(obj, *keys);

			v = stored ? ref(stored) : cJSON_CreateNull();
		}
		cJSON_AddItemToObjectCS(out, *keys, v);
	}
	return out;
}

/* Copy every member of extra into obj (replacing). */
static void merge(cJSON *obj, const cJSON *extra)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, extra)
		set_field(obj, it->string, cJSON_Duplicate(it, 1));
}

static int blank(const char *s)
{
	return !s || !*s;
}

static void full_name(const cJSON *c, struct sbuf *out)
{
	const char *first = str_field(c, "firstname"), *last = str_field(c, "lastname");

	sbuf_addstr(out, first ? first : "");
	if (!blank(first) && !blank(last))
		sbuf_addch(out, ' ');
	sbuf_addstr(out, last ? last : "");
}

void customer_then_name(const cJSON *customer, struct sbuf *out)
{
	const char *business = str_field(customer, "business_name");

	if (!blank(business))
		sbuf_addstr(out, business);
	else
		full_name(customer, out);
}

cJSON *render_user(struct state *st, double id)
{
	const cJSON *u = find_by_id(coll(st, "users"), id);

	return u ? pick(u, user_keys, NULL) : cJSON_CreateNull();
}

static cJSON *customer_links(struct state *st, double id, int tickets)
{
	cJSON *links = cJSON_CreateArray();
	const cJSON *it;

	cJSON_ArrayForEach(it, coll(st, tickets ? "tickets" : "invoices")) {
		if (num_field(it, "customer_id", -1) != id)
			continue;
		cJSON_AddItemToArray(links, pick(it, tickets ? ticket_link_keys : invoice_link_keys, NULL));
	}
	return links;
}

cJSON *render_customer(struct state *st, const cJSON *customer, int detail)
{
	cJSON *out = cJSON_Duplicate(customer, 1), *contacts = cJSON_CreateArray();
	struct sbuf name = SBUF_INIT, then = SBUF_INIT, both = SBUF_INIT;
	const char *business = str_field(customer, "business_name");
	double id = num_field(customer, "id", 0);
	const cJSON *it;

	full_name(customer, &name);
	customer_then_name(customer, &then);
	if (!blank(business) && name.len)
		sbuf_addf(&both, "%s - %s", business, name.buf);
	else
		sbuf_addstr(&both, then.buf);
	set_field(out, "fullname", cJSON_CreateString(name.buf));
	set_field(out, "business_and_full_name", cJSON_CreateString(both.buf));
	set_field(out, "business_then_name", cJSON_CreateString(then.buf));
	cJSON_ArrayForEach(it, coll(st, "contacts"))
		if (num_field(it, "customer_id", -1) == id)
			cJSON_AddItemToArray(contacts, cJSON_Duplicate(it, 1));
	set_field(out, "contacts", contacts);
	if (detail) {
		set_field(out, "ticket_links", customer_links(st, id, 1));
		set_field(out, "invoice_links", customer_links(st, id, 0));
		set_field(out, "phones", cJSON_CreateArray());
		set_field(out, "contracts", cJSON_CreateArray());
		set_field(out, "addresses", cJSON_CreateArray());
	}
	sbuf_release(&name);
	sbuf_release(&then);
	sbuf_release(&both);
	return out;
}

static const cJSON *ticket_type(struct state *st, const cJSON *ticket)
{
	const cJSON *settings = cJSON_GetObjectItemCaseSensitive(st->data, "ticket_settings");

	return find_by_id(cJSON_GetObjectItemCaseSensitive(settings, "ticket_types"),
			  num_field(ticket, "ticket_type_id", -1));
}

/* The fields of a ticket that come from other records. */
static cJSON *ticket_computed(struct state *st, const cJSON *ticket)
{
	cJSON *c = cJSON_CreateObject();
	const cJSON *customer = find_by_id(coll(st, "customers"), num_field(ticket, "customer_id", -1));
	const cJSON *contact = find_by_id(coll(st, "contacts"), num_field(ticket, "contact_id", -1));
	const cJSON *type = ticket_type(st, ticket);
	struct sbuf then = SBUF_INIT;

	if (customer)
		customer_then_name(customer, &then);
	cJSON_AddItemToObject(c, "customer_business_then_name",
			      customer ? cJSON_CreateString(then.buf) : cJSON_CreateNull());
	cJSON_AddItemToObject(c, "user", render_user(st, num_field(ticket, "user_id", -1)));
	cJSON_AddItemToObject(c, "ticket_type_name", str_field(type, "name") ?
			      cJSON_CreateString(str_field(type, "name")) : cJSON_CreateNull());
	cJSON_AddItemToObject(c, "contact_fullname", str_field(contact, "name") ?
			      cJSON_CreateString(str_field(contact, "name")) : cJSON_CreateNull());
	sbuf_release(&then);
	return c;
}

cJSON *render_ticket_summary(struct state *st, const cJSON *ticket)
{
	cJSON *c = ticket_computed(st, ticket), *out, *first = cJSON_CreateArray();
	const cJSON *comments = cJSON_GetObjectItemCaseSensitive(ticket, "comments");
	const char *status = str_field(ticket, "status");

	if (cJSON_GetArraySize(comments) > 0)
		cJSON_AddItemToArray(first, render_comment(st, cJSON_GetArrayItem(comments, 0), 0));
	cJSON_AddItemToObject(c, "comments", first);
	cJSON_AddBoolToObject(c, "parent", 0);
	cJSON_AddBoolToObject(c, "child", !cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(ticket, "parent_id")));
	cJSON_AddBoolToObject(c, "customer_reply", status && !strcmp(status, "Customer Reply"));
	cJSON_AddBoolToObject(c, "sla_breached", 0);
	cJSON_AddBoolToObject(c, "sla_breaching_soon", 0);
	cJSON_AddItemToObject(c, "customer_tag_list", cJSON_CreateArray());
	cJSON_AddItemToObject(c, "customer_icons", cJSON_CreateArray());
	out = pick(ticket, ticket_summary_keys, c);
	cJSON_Delete(c);
	return out;
}

cJSON *render_ticket(struct state *st, const cJSON *ticket)
{
	cJSON *out = cJSON_Duplicate(ticket, 1), *c = ticket_computed(st, ticket), *comments;
	const cJSON *customer = find_by_id(coll(st, "customers"), num_field(ticket, "customer_id", -1));
	const cJSON *contact = find_by_id(coll(st, "contacts"), num_field(ticket, "contact_id", -1));
	const cJSON *type = ticket_type(st, ticket), *it;

	cJSON_DeleteItemFromObjectCaseSensitive(c, "ticket_type_name");
	cJSON_DeleteItemFromObjectCaseSensitive(c, "contact_fullname");
	merge(out, c);
	cJSON_Delete(c);
	comments = cJSON_CreateArray();
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(ticket, "comments"))
		cJSON_AddItemToArray(comments, render_comment(st, it, 0));
	set_field(out, "comments", comments);
	set_field(out, "customer", customer ? render_customer(st, customer, 0) : cJSON_CreateNull());
	set_field(out, "contact", contact ? cJSON_Duplicate(contact, 1) : cJSON_CreateNull());
	set_field(out, "ticket_type", type ? cJSON_Duplicate(type, 1) : cJSON_CreateNull());
	set_field(out, "address", cJSON_CreateNull());
	return out;
}

cJSON *render_comment(struct state *st, const cJSON *comment, int with_user)
{
	cJSON *out = cJSON_Duplicate(comment, 1);
	double uid = num_field(comment, "user_id", -1);

	if (with_user)
		set_field(out, "user", uid >= 0 ? render_user(st, uid) : cJSON_CreateObject());
	return out;
}

cJSON *render_invoice(struct state *st, const cJSON *invoice, int detail)
{
	cJSON *out = cJSON_Duplicate(invoice, 1);
	const cJSON *customer = find_by_id(coll(st, "customers"), num_field(invoice, "customer_id", -1));
	struct sbuf then = SBUF_INIT;

	if (customer)
		customer_then_name(customer, &then);
	set_field(out, "customer_business_then_name",
		  customer ? cJSON_CreateString(then.buf) : cJSON_CreateNull());
	if (detail) {
		set_field(out, "payments", cJSON_CreateArray());
		set_field(out, "customer", customer ? render_customer(st, customer, 0)
			  : cJSON_CreateNull());
	} else {
		cJSON_DeleteItemFromObjectCaseSensitive(out, "line_items");
	}
	sbuf_release(&then);
	return out;
}

cJSON *render_copy(struct state *st, const cJSON *rec)
{
	(void)st;
	return cJSON_Duplicate(rec, 1);
}
