/*
 * The invoice endpoints a correction needs: PUT /invoices/{id} (a note, a
 * PO number...), POST /invoices/{id}/email, DELETE
 * /invoices/{id}/line_items/{line_item_id} and GET /invoices/{id}/ticket.
 * (DELETE /invoices/{id} itself is in api-billing.c: it answers 200 even
 * when the delete fails, as the OpenAPI file says.)
 */
#include "compat.h"
#include "handlers.h"
#include "render.h"

/* "all parameters overwrite existing params": those given, that is. */
void put_invoice(struct api_req *r)
{
	static const char *const texts[] = { "note", "po_number", "hardwarecost" };
	cJSON *inv = find_invoice(r);

	if (!inv) {
		reply_not_found(r);
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(texts); i++)
		if (has_arg(r, texts[i]))
			set_field(inv, texts[i], cJSON_IsNull(arg(r, texts[i])) ? cJSON_CreateNull() :
				  cJSON_CreateString(arg_str(r, texts[i]) ? arg_str(r, texts[i]) : ""));
	touch(inv, 0);
	reply(r, 200, wrap("invoice", render_invoice(r->st, inv, 0)));
}

/* The spec gives no body, only "Invoice email sent". */
void post_invoice_email(struct api_req *r)
{
	if (!find_invoice(r))
		reply_not_found(r);
	else
		reply_msg(r, 200, "message", "Invoice email sent");
}

/* "Returns updated invoice with recalculated totals". */
void delete_invoice_line_item(struct api_req *r)
{
	cJSON *inv = find_invoice(r), *lines, *line;

	if (!inv) {
		reply_not_found(r);
		return;
	}
	lines = cJSON_GetObjectItemCaseSensitive(inv, "line_items");
	line = find_by_id(lines, cap_id(r, 1));
	if (!line) {
		reply_not_found(r);
		return;
	}
	cJSON_Delete(cJSON_DetachItemViaPointer(lines, line));
	recalculate(inv);
	touch(inv, 0);
	reply_invoice(r, inv);
}

void get_invoice_ticket(struct api_req *r)
{
	const cJSON *inv = find_invoice(r), *ticket;

	ticket = inv ? find_by_id(coll(r->st, "tickets"), num_field(inv, "ticket_id", -1)) : NULL;
	if (!ticket)
		reply_not_found(r);
	else
		reply(r, 200, wrap("ticket", render_ticket(r->st, ticket)));
}
