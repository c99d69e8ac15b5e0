#include "compat.h"
#include "handlers.h"
#include "paging.h"

static const struct route {
	const char *method;
	const char *pattern;
	void (*handler)(struct api_req *r);
} routes[] = {
	{ "GET", "/me", get_me },
	{ "GET", "/users", get_users },
	{ "GET", "/users/{id}", get_user },
	{ "GET", "/tickets", get_tickets },
	{ "POST", "/tickets", post_tickets },
	{ "GET", "/tickets/settings", get_ticket_settings },
	{ "GET", "/tickets/{id}", get_ticket },
	{ "PUT", "/tickets/{id}", put_ticket },
	{ "DELETE", "/tickets/{id}", delete_ticket },
	{ "POST", "/tickets/{id}/comment", post_comment },
	{ "GET", "/tickets/{id}/comments", get_comments },
	{ "POST", "/tickets/{id}/timer_entry", post_timer_entry },
	{ "PUT", "/tickets/{id}/update_timer_entry", put_update_timer_entry },
	{ "POST", "/tickets/{id}/delete_timer_entry", post_delete_timer_entry },
	{ "POST", "/tickets/{id}/charge_timer_entry", post_charge_timer_entry },
	{ "POST", "/tickets/{id}/add_line_item", post_add_line_item },
	{ "PUT", "/tickets/{id}/update_line_item", put_update_line_item },
	{ "POST", "/tickets/{id}/remove_line_item", post_remove_line_item },
	{ "GET", "/ticket_timers", get_ticket_timers },
	{ "GET", "/customers", get_customers },
	{ "POST", "/customers", post_customers },
	{ "GET", "/customers/autocomplete", get_customers_autocomplete },
	{ "GET", "/customers/{id}", get_customer },
	{ "GET", "/contacts", get_contacts },
	{ "GET", "/invoices", get_invoices },
	{ "POST", "/invoices", post_invoices },
	{ "GET", "/invoices/{id}", get_invoice },
	{ "DELETE", "/invoices/{id}", delete_invoice },
	{ "POST", "/invoices/{id}/line_items", post_invoice_line_items },
	{ "PUT", "/invoices/{id}", put_invoice },
	{ "POST", "/invoices/{id}/email", post_invoice_email },
	{ "DELETE", "/invoices/{id}/line_items/{id}", delete_invoice_line_item },
	{ "GET", "/invoices/{id}/ticket", get_invoice_ticket },
	{ "GET", "/settings", get_settings },
	{ "GET", "/schedules", get_schedules },
	{ "GET", "/schedules/{id}", get_schedule },
	{ "GET", "/appointments", get_appointments },
	{ "POST", "/appointments", post_appointments },
	{ "GET", "/appointments/{id}", get_appointment },
	{ "PUT", "/appointments/{id}", put_appointment },
	{ "DELETE", "/appointments/{id}", delete_appointment },
	{ "GET", "/estimates", get_estimates },
	{ "POST", "/estimates", post_estimates },
	{ "GET", "/estimates/{id}", get_estimate },
	{ "PUT", "/estimates/{id}", put_estimate },
	{ "DELETE", "/estimates/{id}", delete_estimate },
	{ "POST", "/estimates/{id}/line_items", post_estimate_line_items },
	{ "GET", "/products", get_products },
	{ "GET", "/products/categories", get_product_categories },
	{ "GET", "/products/{id}", get_product },
};

void api_dispatch(struct api_req *r)
{
	for (size_t i = 0; i < ARRAY_SIZE(routes); i++) {
		if (strcmp(routes[i].method, r->method) ||
		    !path_match(routes[i].pattern, r->path, &r->caps))
			continue;
		routes[i].handler(r);
		return;
	}
	reply_not_found(r);
}

void reply_list(struct api_req *r, const char *key, const cJSON **items, int n,
		render_fn render, int default_size, enum meta_style meta)
{
	const char *per_page = str_field(r->query, "per_page");
	char capped[32];
	struct page p;
	cJSON *out = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(out, key), *m;

	/* --max-per-page: an account that honours per_page only up to a point. */
	if (per_page && r->st->per_page_max && strtol(per_page, NULL, 10) > r->st->per_page_max) {
		snprintf(capped, sizeof(capped), "%ld", r->st->per_page_max);
		per_page = capped;
	}
	p = paging_compute(n, str_field(r->query, "page"), per_page, default_size);
	for (int i = p.first; i < p.first + p.count; i++)
		cJSON_AddItemToArray(list, render(r->st, items[i]));
	if (meta != META_NONE) {
		m = cJSON_AddObjectToObject(out, "meta");
		cJSON_AddNumberToObject(m, "total_pages", p.total_pages);
		if (meta == META_ENTRIES) {
			cJSON_AddNumberToObject(m, "total_entries", p.total_entries);
			cJSON_AddNumberToObject(m, "per_page", p.per_page);
		}
		cJSON_AddNumberToObject(m, "page", p.page);
		if (meta == META_PER_PAGE)
			cJSON_AddNumberToObject(m, "per_page", p.per_page);
	}
	reply(r, 200, out);
}

cJSON *ticket_by_id_or_404(struct api_req *r)
{
	cJSON *t = find_by_id(coll(r->st, "tickets"), cap_id(r, 0));

	if (!t)
		reply_not_found(r);
	return t;
}
