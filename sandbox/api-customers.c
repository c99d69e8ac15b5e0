/* GET/POST /customers, GET /customers/{id}, /customers/autocomplete, GET /contacts. */
#include "compat.h"
#include "handlers.h"
#include "filter.h"
#include "render.h"
#include "sbuf.h"
#include "xmalloc.h"

static const char *const customer_fields[] = {
	"business_name", "firstname", "lastname", "email", "phone", "mobile",
	"address", "address_2", "city", "state", "zip", "notes", "get_sms",
	"opt_out", "no_email", "referred_by", "notification_email",
	"invoice_cc_emails", "properties", "tax_rate_id", "invoice_term_id",
	"ref_customer_id",
};

static cJSON *customer_summary(struct state *st, const cJSON *c)
{
	return render_customer(st, c, 0);
}

/* The customers passing the query's filters, by business-then-name. */
static const cJSON **matching_customers(struct api_req *r, int *n)
{
	cJSON *customers = coll(r->st, "customers"), *c;
	const cJSON **items = xcalloc((size_t)cJSON_GetArraySize(customers) + 1, sizeof(*items));

	*n = 0;
	cJSON_ArrayForEach(c, customers)
		if (customer_matches(r->st, c, r->query))
			items[(*n)++] = c;
	return items;
}

void get_customers(struct api_req *r)
{
	int n;
	const cJSON **items = matching_customers(r, &n);

	reply_list(r, "customers", items, n, customer_summary, (int)r->st->page_size, META_ENTRIES);
	free(items);
}

void get_customers_autocomplete(struct api_req *r)
{
	int n;
	const cJSON **items = matching_customers(r, &n);

	reply_list(r, "customers", items, n, customer_summary, (int)r->st->page_size, META_NONE);
	free(items);
}

void get_customer(struct api_req *r)
{
	const cJSON *c = find_by_id(coll(r->st, "customers"), cap_id(r, 0));

	if (!c) {
		reply_not_found(r);
		return;
	}
	reply(r, 200, wrap("customer", render_customer(r->st, c, 1)));
}

static int looks_like_email(const char *s)
{
	const char *at = strchr(s, '@');

	return at && at != s && strchr(at, '.') && !strchr(s, ' ');
}

void post_customers(struct api_req *r)
{
	const char *email = arg_str(r, "email");
	struct strvec messages = STRVEC_INIT;
	cJSON *rec, *full, *params;

	if (email && *email && !looks_like_email(email))
		strvec_push(&messages, "Email is not an email");
	if (!arg_str(r, "business_name") && !arg_str(r, "firstname") && !arg_str(r, "lastname"))
		strvec_push(&messages, "Lastname can't be blank");
	if (messages.nr) {
		params = cJSON_IsObject(r->body) ? cJSON_Duplicate(r->body, 1) : cJSON_CreateObject();
		reply_rejected(r, &messages, params);
		strvec_clear(&messages);
		return;
	}
	rec = cJSON_CreateObject();
	cJSON_AddNumberToObject(rec, "id", next_id(coll(r->st, "customers"), NULL));
	for (size_t i = 0; i < ARRAY_SIZE(customer_fields); i++)
		if (has_arg(r, customer_fields[i]))
			cJSON_AddItemToObject(rec, customer_fields[i],
					      cJSON_Duplicate(arg(r, customer_fields[i]), 1));
	touch(rec, 1);
	full = normalize("customers", rec);
	cJSON_Delete(rec);
	cJSON_AddItemToArray(coll(r->st, "customers"), full);
	reply(r, 200, wrap("customer", render_customer(r->st, full, 0)));
}

void get_contacts(struct api_req *r)
{
	cJSON *contacts = coll(r->st, "contacts"), *c;
	const cJSON **items = xcalloc((size_t)cJSON_GetArraySize(contacts) + 1, sizeof(*items));
	const char *customer = str_field(r->query, "customer_id");
	int n = 0;

	cJSON_ArrayForEach(c, contacts) {
		char id[32];

		snprintf(id, sizeof(id), "%.0f", num_field(c, "customer_id", -1));
		if (!customer || !*customer || !strcmp(customer, id))
			items[n++] = c;
	}
	reply_list(r, "contacts", items, n, render_copy, 50, META_ENTRIES);
	free(items);
}
