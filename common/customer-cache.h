/*
 * The customers syncro has fetched, kept for `--customer` completion
 * (complete-cache.c): customers.json in the account's cache (cache.h),
 * an array of {"id", "business_then_name"}, with "disabled": true for a
 * customer disabled in Syncro (nothing else: no emails or
 * phone numbers sit in the cache), one entry per id.
 */
#ifndef SYNCRO_CUSTOMER_CACHE_H
#define SYNCRO_CUSTOMER_CACHE_H

#include <cjson/cJSON.h>

#define CUSTOMER_CACHE "customers"

/*
 * Merge customers (an array of GET /customers objects) into the cache: a
 * known id gets the new name, a new one is added. Entries without an id or
 * a name are skipped. Holds customers.lock from read to write. Best effort
 * (a cache that cannot be written is a warning): 0 or -1.
 */
int customer_cache_store(const cJSON *customers);

#endif
