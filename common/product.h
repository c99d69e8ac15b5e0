/*
 * A product as Syncro has it now: GET /products/{id}, the one place that
 * reads a product. Read at most once per process and never from a disk
 * cache, so that a price is the one Syncro holds at bill time.
 *
 * Ownership: the struct is this module's, kept until exit.
 */
#ifndef SYNCRO_PRODUCT_H
#define SYNCRO_PRODUCT_H

#include "api-error.h"

struct product {
	long id;
	char *name;		/* "Labor - Remote Business" */
	double price_retail;	/* dollars; 0 for a product without a price */
	int taxable;		/* the product's own flag */
};

/* The product (borrowed); 0, or -1 with err (a 404, or no name in the answer). */
int product_get(long id, const struct product **out, struct api_error *err);
/* Name product_get(id)'s read as one to send ahead (prefetch.h), unless it is known already. */
void product_want(long id);

#endif
