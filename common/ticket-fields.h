/*
 * The ticket fields `create` and `update` share, from the command line to
 * the request body, checked before anything is sent.
 */
#ifndef SYNCRO_TICKET_FIELDS_H
#define SYNCRO_TICKET_FIELDS_H

#include <cjson/cJSON.h>

/* As typed; NULL when not given. Borrowed (argv). */
struct ticket_fields {
	const char *subject;		/* --subject */
	const char *status;		/* --status: checked against the account's list */
	const char *priority;		/* --priority: the account's own words, sent as typed */
	const char *problem_type;	/* --problem-type: sent as typed */
	const char *due;		/* --due: YYYY-MM-DD, a full timestamp, or a relative day (date.h) */
	const char *assign;		/* --tech or --assign: TECH|me (tech-lookup.h) */
	const char *contact;		/* --contact: NAME|ID (customer-lookup.h) */
	const char *type;		/* --type: NAME|ID of a ticket type */
};

/* Whether any field is given. */
int ticket_fields_any(const struct ticket_fields *f);

/*
 * Add the given fields but the contact to body under the API's names
 * (subject, status in the account's spelling, priority, problem_type,
 * due_date, ticket_type_id, user_id). What needs no request is checked
 * first, then the ticket settings are read (status, type, a tech's name;
 * cached a day), then GET /me for "me". Dies on bad input (exit 2) and on
 * API failures.
 */
void ticket_fields_add(cJSON *body, const struct ticket_fields *f);

/*
 * Add contact_id for --contact, a contact of customer_id (a name costs one
 * GET /contacts; customer-lookup.h). Apart from the rest so that the
 * customer is looked up after everything else was checked.
 */
void ticket_fields_add_contact(cJSON *body, const struct ticket_fields *f, long customer_id);

#endif
