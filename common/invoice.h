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
 * The invoices of ticket ticket_id (of customer customer_id), as a new
 * array in *found: GET /invoices?ticket_id=ID&customer_id=C. Neither the
 * filter nor the items are trusted (an API may ignore the filter and leave
 * ticket_id out of list items): an item counts when its ticket_id is this
 * ticket; an item without ticket_id, of this customer or of none said, is
 * read (GET /invoices/{id}), newest first, at most INVOICE_READS of them;
 * an item of another customer is not this ticket's. At most INVOICE_PAGES
 * pages. 0, or -1 with err filled.
 */
#define INVOICE_PAGES 4
#define INVOICE_READS 10
/* Name the first read of invoice_find_for_ticket() as one to send ahead (prefetch.h). */
void invoice_want_for_ticket(long ticket_id, long customer_id);
int invoice_find_for_ticket(long ticket_id, long customer_id, cJSON **found,
			    struct api_error *err);

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

/* A line the invoice must hold: a product, a quantity in hours, a price. */
struct invoice_line {
	long product_id;
	double quantity;
	const char *name;	/* for messages; borrowed, may be NULL */
	double price;		/* per hour, to the cent */
	int may_be_free;	/* also 0 will do */
};

/*
 * Whether invoice has a line of line's product with its quantity (within
 * half a hundredth) and its price (or 0 when may_be_free). 1 if so; 0 if
 * not, with why filled: what is missing and every line the invoice holds.
 */
int invoice_has_line(const cJSON *invoice, const struct invoice_line *line, struct sbuf *why);

/* The invoice's total as a number (a decimal string in the API). */
double invoice_total(const cJSON *invoice);

/* The sum of its lines' quantity x price, each to the cent (tax aside). */
double invoice_lines_total(const cJSON *invoice);

/* "; it holds:\n  1.0 x 125.00 of product 1190473 'Labor'..." or "; it has no lines at all". */
void invoice_describe_lines(const cJSON *invoice, struct sbuf *out);

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
