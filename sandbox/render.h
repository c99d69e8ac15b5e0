/*
 * The API shapes built from stored records. Every function returns a new
 * cJSON object the caller owns; stored records are never changed. A result
 * may refer to stored strings, objects and arrays instead of copying them:
 * print it before the state lock is released.
 */
#ifndef SANDBOX_RENDER_H
#define SANDBOX_RENDER_H

#include <cjson/cJSON.h>
#include "sbuf.h"
#include "state.h"

/* "Business" when the customer has one, else "First Last" (business_then_name). */
void customer_then_name(const cJSON *customer, struct sbuf *out);
/* The compact user {id,email,full_name,...} of id, or JSON null. */
cJSON *render_user(struct state *st, double id);
/* A customer with its derived names and contacts; detail adds the links. */
cJSON *render_customer(struct state *st, const cJSON *customer, int detail);
/* A ticket as GET /tickets lists it (a summary, first comment only). */
cJSON *render_ticket_summary(struct state *st, const cJSON *ticket);
/* A ticket as GET /tickets/{id} returns it (inside "ticket"). */
cJSON *render_ticket(struct state *st, const cJSON *ticket);
/* A comment; with_user adds the "user" object of GET /tickets/{id}/comments. */
cJSON *render_comment(struct state *st, const cJSON *comment, int with_user);
/* A plain copy of rec (for lists of stored records). */
cJSON *render_copy(struct state *st, const cJSON *rec);
/* An invoice as listed; detail adds line_items, payments and customer. */
cJSON *render_invoice(struct state *st, const cJSON *invoice, int detail);

#endif
