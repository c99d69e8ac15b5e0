#include "compat.h"
#include "customer-lookup.h"
#include "date.h"
#include "json.h"
#include "tech-lookup.h"
#include "ticket-fields.h"
#include "ticket-settings.h"
#include "usage.h"
#include "xmalloc.h"

int ticket_fields_any(const struct ticket_fields *f)
{
	return f->subject || f->status || f->priority || f->problem_type || f->due ||
		f->assign || f->contact || f->type;
}

/* --due as the API takes it: a date or timestamp as typed, or a relative day made a date. */
static char *due_date(const char *due)
{
	struct sbuf day = SBUF_INIT;
	time_t t;

	if (parse_timestamp(due, &t) == 0)
		return xstrdup(due);
	if (date_parse_relative_day(due, &day) < 0)
		die_with(EXIT_USAGE, "invalid date '%s' for --due; use YYYY-MM-DD, today, "
			 "tomorrow, +3d, +2w or a weekday (friday)", due);
	return sbuf_detach(&day, NULL);
}

void ticket_fields_add(cJSON *body, const struct ticket_fields *f)
{
	/* What needs no request is checked first. */
	char *due = f->due ? due_date(f->due) : NULL;

	if (f->subject) {
		if (!*f->subject)
			die_with(EXIT_USAGE, "empty --subject; a ticket needs one");
		cJSON_AddStringToObject(body, "subject", f->subject);
	}
	if (f->status) {
		char *status = ticket_settings_check_status(f->status, "--status");

		cJSON_AddStringToObject(body, "status", status);
		free(status);
	}
	if (f->priority)
		cJSON_AddStringToObject(body, "priority", f->priority);
	if (f->problem_type)
		cJSON_AddStringToObject(body, "problem_type", f->problem_type);
	if (due)
		cJSON_AddStringToObject(body, "due_date", due);
	free(due);
	if (f->type)
		cJSON_AddNumberToObject(body, "ticket_type_id",
					(double)ticket_settings_resolve_type(f->type, NULL));
	if (f->assign)
		cJSON_AddNumberToObject(body, "user_id",
					(double)tech_resolve(f->assign, "--assign", NULL));
}

void ticket_fields_add_contact(cJSON *body, const struct ticket_fields *f, long customer_id)
{
	if (f->contact)
		cJSON_AddNumberToObject(body, "contact_id",
					(double)customer_lookup_contact(customer_id, f->contact, "--contact", NULL));
}
