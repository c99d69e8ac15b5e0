#include "compat.h"
#include "quirks.h"

const struct quirk_info quirk_table[] = {
	{ "timer-ignores-product", QUIRK_TIMER_IGNORES_PRODUCT,
	  "timer_entry and update_timer_entry ignore product_id: a timer gets default_labor_product_id",
	  "a live test log of an account (2026-04); an MSP's notes from its live account (2026-05)" },
	{ "timer-unbillable", QUIRK_TIMER_UNBILLABLE,
	  "every timer answer says billable: false, whatever was sent",
	  "the OpenAPI document's example answer; an MSP's notes (billable:false is ignored)" },
	{ "invoice-filter-ignored", QUIRK_INVOICE_FILTER_IGNORED,
	  "GET /invoices ignores its ticket_id filter",
	  "an MSP's notes from its live account: the filter is not confirmed" },
	{ "no-invoiced-status", QUIRK_NO_INVOICED_STATUS,
	  "the account's status list has no \"Invoiced\"",
	  "the OpenAPI document (the list is per account); a live test log's status set without it" },
	{ "fill-line-price", QUIRK_FILL_LINE_PRICE,
	  "add_line_item fills price_cost, price_retail and taxable from product_id",
	  "invoice lines do so; the sandbox before (live reports: ticket lines are not filled)" },
	{ "comment-time", QUIRK_COMMENT_TIME,
	  "a comment's minutes_spent (product_id, bill_time_now) makes a timer (and charges it)",
	  "the web app's comment form; the sandbox before (they are no API fields)" },
	{ "charge-line-id", QUIRK_CHARGE_LINE_ID,
	  "charge_timer_entry sets the timer's ticket_line_item_id to the new line",
	  "the timer model's field; the sandbox before (the OpenAPI example answers null)" },
	{ "invoice-ticket-id", QUIRK_INVOICE_TICKET_ID,
	  "GET /invoices list items are whole invoices, ticket_id included",
	  "the OpenAPI document's example list item; the sandbox before" },
	{ "form-bodies", QUIRK_FORM_BODIES,
	  "a form body is read as Rails reads a query, and a JSON body needs no Content-Type",
	  "Rails' reading of a form; the sandbox before (an MSP's notes report a 400 page)" },
	{ "kind", QUIRK_KIND,
	  "all five kind ones: fill-line-price, comment-time, charge-line-id, invoice-ticket-id, form-bodies",
	  "the sandbox before" },
};
const size_t quirk_table_nr = ARRAY_SIZE(quirk_table);

int quirk_parse(const char *name, unsigned *bits)
{
	for (size_t i = 0; i < quirk_table_nr; i++)
		if (!strcmp(quirk_table[i].name, name)) {
			*bits |= quirk_table[i].bits;
			return 0;
		}
	return -1;
}
