/*
 * Invoices of a ticket, for `syncro bill`: finding them, "Make Invoice"
 * (POST /invoices with the ticket, which pulls its charged lines in),
 * checking that the lines arrived, and the summary people read.
 *
 * Every request here returns -1 and fills err instead of dying, so that a
 * journaled verb can record where it stopped (api.h, api_call()).
 * Ownership: every cJSON * handed back is the caller's; inputs are read.
 */
#ifndef SYNCRO_INVOICE_H
#define SYNCRO_INVOICE_H

#include <cjson/cJSON.h>

#include "api.h"
#include "sbuf.h"

/*
 * The invoices of ticket ticket_id, newest first, as a new array in *found:
 * GET /invoices?ticket_id=ID, every page. The filter is not trusted (an
 * API that ignores it returns every invoice): an item counts only when its
 * ticket_id is this ticket, or, for an item without ticket_id, when GET
 * /invoices/{id} says so. 0, or -1 with err filled.
 */
int invoice_find_for_ticket(long ticket_id, cJSON **found, struct api_error *err);

/*
 * The request that makes the invoice of a ticket: POST /invoices with
 * {ticket_id, customer_id}. *body is new (the caller frees it); req points
 * into it. No "category": the API's schema for POST /invoices has none.
 */
void invoice_make_request(long ticket_id, long customer_id, struct api_request *req,
			  cJSON **body);

/* POST it; the invoice (unwrapped) in *invoice. 0, or -1 with err. */
int invoice_make(long ticket_id, long customer_id, cJSON **invoice, struct api_error *err);

/* GET /invoices/{id}, unwrapped, with its line_items. 0, or -1 with err. */
int invoice_get(long id, cJSON **invoice, struct api_error *err);

/* A line the invoice must hold: a product and a quantity in hours. */
struct invoice_line {
	long product_id;
	double quantity;
	const char *name;	/* for messages; borrowed, may be NULL */
};

/*
 * Whether invoice has a line of line's product with its quantity (within
 * half a hundredth). 1 if so; 0 if not, with why filled: what is missing
 * and every line the invoice holds instead.
 */
int invoice_has_line(const cJSON *invoice, const struct invoice_line *line, struct sbuf *why);

/* The invoice's total as a number (a decimal string in the API). */
double invoice_total(const cJSON *invoice);

/* The invoice's page for people (web-url.h). The caller frees it. */
char *invoice_url(long id);

/*
 * The summary on stdout:
 *   invoice 1049 for #32164 (Jerry Burger)
 *   ITEM                     QTY     PRICE
 *   Labor - Remote Business  1.0    125.00
 *   total                           125.00
 *   https://acme.syncromsp.com/invoices/1649827699
 */
void invoice_print_summary(const cJSON *invoice, long ticket_number);

#endif
