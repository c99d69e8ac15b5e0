/*
 * A new customer, and the customers it may duplicate, for `syncro
 * customers create`. Ownership: what is returned is the caller's.
 */
#ifndef SYNCRO_CUSTOMER_CREATE_H
#define SYNCRO_CUSTOMER_CREATE_H

#include <cjson/cJSON.h>
#include "sbuf.h"

struct new_customer {
	const char *business, *first, *last, *email, *phone;	/* each may be NULL */
};

/* The name Syncro will show: the business, else "first last". */
void new_customer_name(const struct new_customer *c, struct sbuf *out);

/* The POST /customers body. */
cJSON *new_customer_body(const struct new_customer *c);

/*
 * Existing customers c may duplicate, as an array: any with the same email
 * (GET /customers?email=E), and any whose name is c's ignoring case or a
 * few letters off (also once "The", "Inc"... are left out), among those
 * GET /customers?query=WORD finds for each significant word of the name
 * (three letters or more, the first four), all asked at once. Dies on
 * failure.
 */
cJSON *customer_near_duplicates(const struct new_customer *c);

#endif
