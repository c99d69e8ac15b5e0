#include "compat.h"
#include "cache.h"
#include "customer-cache.h"
#include "json.h"

#define CUSTOMER_CACHE_LOCK "customers.lock"

/* The cached entry with this id, or NULL. */
static cJSON *find_id(const cJSON *cached, long id)
{
	cJSON *c;

	cJSON_ArrayForEach(c, cached)
		if (json_long(c, "id", -1) == id)
			return c;
	return NULL;
}

int customer_cache_store(const cJSON *customers)
{
	const cJSON *c;
	cJSON *cached;
	int ret, lock;

	if (!cJSON_GetArraySize(customers))
		return 0;
	lock = cache_lock(CUSTOMER_CACHE_LOCK);
	cached = cache_read_json(CUSTOMER_CACHE, -1);
	if (!cJSON_IsArray(cached)) {
		cJSON_Delete(cached);
		cached = cJSON_CreateArray();
	}
	cJSON_ArrayForEach(c, customers) {
		long id = json_long(c, "id", -1);
		const char *name = json_string(c, "business_then_name", NULL);
		cJSON *entry;

		if (id <= 0 || !name || !*name)
			continue;
		entry = find_id(cached, id);
		if (entry) {
			cJSON_ReplaceItemInObjectCaseSensitive(entry, "business_then_name",
							       cJSON_CreateString(name));
		} else {
			entry = cJSON_CreateObject();
			cJSON_AddNumberToObject(entry, "id", (double)id);
			cJSON_AddStringToObject(entry, "business_then_name", name);
			cJSON_AddItemToArray(cached, entry);
		}
		cJSON_DeleteItemFromObjectCaseSensitive(entry, "disabled");
		if (json_bool(c, "disabled", 0))
			cJSON_AddTrueToObject(entry, "disabled");
	}
	ret = cache_write_json(CUSTOMER_CACHE, cached);
	cache_unlock(lock);
	cJSON_Delete(cached);
	return ret;
}
