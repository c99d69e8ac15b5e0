/*
 * Invoices as `syncro invoice` shows them: one by number or id, its
 * description in one phrase for previews and results, its detail, the
 * list's rows, and the invoice numbers kept for completion.
 *
 * Amounts are formatted by invoice_amount() alone (two decimals), so that
 * one line changes when the shared money module arrives.
 * Ownership: every cJSON * returned is the caller's; inputs are borrowed.
 */
#ifndef SYNCRO_INVOICE_VIEW_H
#define SYNCRO_INVOICE_VIEW_H

#include <cjson/cJSON.h>
#include "sbuf.h"
#include "table.h"

/* "420.00" for 420, appended to out. */
void invoice_amount(struct sbuf *out, double amount);
/* Whether the invoice is paid (is_paid or verified_paid). */
int invoice_is_paid(const cJSON *invoice);
/* A money field of obj (a decimal string or a number in the API) as a number. */
double invoice_money(const cJSON *obj, const char *field);

/*
 * GET /invoices/{number or id} (a leading '#' is dropped), unwrapped. A
 * word that is neither is exit 2; no such invoice is exit 4
 * "invoice 'N' not found". Remembered for completion.
 */
cJSON *invoice_fetch(const char *number_or_id);

/* "invoice #1042 (Copper State Logistics, total 420.00, unpaid)" appended to out. */
void invoice_describe(const cJSON *invoice, struct sbuf *out);

/*
 * The invoice's ticket as GET /invoices/{id}/ticket answers it, or NULL
 * when it has none (ticket_id null, or a 404).
 */
cJSON *invoice_ticket(const cJSON *invoice);

/*
 * How many invoices ticket ticket_id has: GET /invoices?ticket_id=ID, every
 * page, the filter not trusted; a list item without ticket_id (the strict
 * list has only number, total, status, date, customer_id) is read by its
 * number to learn its ticket. Dies on failure.
 */
int invoice_count_for_ticket(long ticket_id);

/* The detail for people: header, ticket, lines with their ids, totals. */
void invoice_print_detail(const cJSON *invoice, const cJSON *ticket);

/*
 * List items may carry only number, total, status, date and customer_id
 * (and schedules no name at all): give any object with a customer_id a
 * customer_business_then_name from the customer cache, else
 * from GET /customers/ID (then cached), so that people see a name.
 */
void invoice_name_customer(cJSON *invoice);

/* The list's table: number, date, customer, total, paid state. */
struct table *invoice_table_new(void);
void invoice_table_add(struct table *t, const cJSON *invoice);

/*
 * Completion: invoices seen by list and show are kept in the account's
 * cache (invoices.json, the latest 500); complete_invoices() offers their
 * numbers with customer, total and paid state, without the network.
 */
void invoice_cache_add(const cJSON *invoice);
void invoice_cache_add_list(const cJSON *invoices);
int complete_invoices(const char *prefix);
/* A deleted invoice: no longer offered. */
void invoice_cache_forget(const char *number);

#endif
