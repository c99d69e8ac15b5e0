/*
 * A product as the user names it (--product, an estimate's --line).
 */
#ifndef SYNCRO_PRODUCT_LOOKUP_H
#define SYNCRO_PRODUCT_LOOKUP_H

#include <cjson/cJSON.h>

/*
 * Digits are a product id (GET /products/ID; none is exit 4). Otherwise
 * GET /products?name=ARG: the product whose name is ARG ignoring case, else
 * the only one found; several are exit 2 and none exit 4, listing what was
 * found and naming option. The product is the caller's.
 */
cJSON *product_resolve(const char *arg, const char *option);
/* The same, but NULL when no product has that name (an unknown id is still exit 4). */
cJSON *product_find(const char *arg, const char *option);

#endif
