/*
 * The emulated endpoints of Syncro's API v1. api_dispatch() finds the route
 * for r->method and r->path and runs its handler; the handlers live in the
 * api-*.c files, one file per area. The caller holds st->lock.
 */
#ifndef SANDBOX_HANDLERS_H
#define SANDBOX_HANDLERS_H

#include "request.h"

/* Run the handler of the request's route; a path with no route gets 404. */
void api_dispatch(struct api_req *r);

/* How a list endpoint shapes its "meta" (each as in the OpenAPI examples). */
enum meta_style {
	META_NONE,	/* no meta (products, autocomplete) */
	META_PAGES,	/* {total_pages, page}: tickets, invoices, ticket_timers */
	META_ENTRIES,	/* {total_pages, total_entries, per_page, page}: customers, contacts */
	META_PER_PAGE,	/* {total_pages, page, per_page}: ticket comments */
};

typedef cJSON *(*render_fn)(struct state *st, const cJSON *rec);

/* Answer {"key":[page of items, rendered], "meta":{...}} (items stay the caller's). */
void reply_list(struct api_req *r, const char *key, const cJSON **items, int n,
		render_fn render, int default_size, enum meta_style meta);

/* The ticket of the route's {id}, or NULL after answering 404. */
cJSON *ticket_by_id_or_404(struct api_req *r);

void get_me(struct api_req *r);
void get_users(struct api_req *r);
void get_user(struct api_req *r);

void get_tickets(struct api_req *r);
void post_tickets(struct api_req *r);
void get_ticket(struct api_req *r);
void put_ticket(struct api_req *r);
void delete_ticket(struct api_req *r);
void get_ticket_settings(struct api_req *r);

void post_comment(struct api_req *r);
void get_comments(struct api_req *r);
void post_timer_entry(struct api_req *r);
void put_update_timer_entry(struct api_req *r);
void post_delete_timer_entry(struct api_req *r);
void post_charge_timer_entry(struct api_req *r);
void get_ticket_timers(struct api_req *r);
void post_add_line_item(struct api_req *r);
void put_update_line_item(struct api_req *r);
void post_remove_line_item(struct api_req *r);

void get_customers(struct api_req *r);
void post_customers(struct api_req *r);
void get_customer(struct api_req *r);
void get_customers_autocomplete(struct api_req *r);
void get_contacts(struct api_req *r);

void get_invoices(struct api_req *r);
void post_invoices(struct api_req *r);
void get_invoice(struct api_req *r);
void delete_invoice(struct api_req *r);
void post_invoice_line_items(struct api_req *r);
/* The invoice of the route's {id} (an id or a number), or NULL. */
cJSON *find_invoice(struct api_req *r);
/* 200 {"invoice": the detail of inv}. */
void reply_invoice(struct api_req *r, const cJSON *inv);
/* subtotal, tax and total of inv from its lines. */
void recalculate(cJSON *inv);
/* api-schedules.c */
void get_schedules(struct api_req *r);
void get_schedule(struct api_req *r);
/* api-appointments.c */
void get_settings(struct api_req *r);
void get_appointments(struct api_req *r);
void post_appointments(struct api_req *r);
void get_appointment(struct api_req *r);
void put_appointment(struct api_req *r);
void delete_appointment(struct api_req *r);
/* api-estimates.c */
void get_estimates(struct api_req *r);
void post_estimates(struct api_req *r);
void get_estimate(struct api_req *r);
void put_estimate(struct api_req *r);
void delete_estimate(struct api_req *r);
void post_estimate_line_items(struct api_req *r);
/* api-invoices-write.c */
void put_invoice(struct api_req *r);
void post_invoice_email(struct api_req *r);
void delete_invoice_line_item(struct api_req *r);
void get_invoice_ticket(struct api_req *r);

void get_products(struct api_req *r);
void get_product(struct api_req *r);
void get_product_categories(struct api_req *r);

#endif
