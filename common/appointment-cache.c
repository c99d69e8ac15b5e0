#include "compat.h"
#include <cjson/cJSON.h>
#include "appointment-cache.h"
#include "cache.h"
#include "complete.h"
#include "json.h"

#define APPOINTMENT_CACHE "appointments"
#define APPOINTMENT_CACHE_MAX 200

/* Rewrite the cache without id, then with it (about != NULL) at the end. */
static void update(long id, const char *about)
{
	int lock = cache_lock("appointments.lock");
	cJSON *all = cache_read_json(APPOINTMENT_CACHE, -1), *list;

	if (!cJSON_IsArray(list = cJSON_GetObjectItemCaseSensitive(all, "appointments"))) {
		cJSON_Delete(all);
		all = cJSON_CreateObject();
		list = cJSON_AddArrayToObject(all, "appointments");
	}
	for (int i = 0; i < cJSON_GetArraySize(list); i++) {
		if (json_long(cJSON_GetArrayItem(list, i), "id", -1) == id) {
			cJSON_DeleteItemFromArray(list, i);
			break;
		}
	}
	if (about) {
		cJSON *entry = cJSON_CreateObject();

		cJSON_AddNumberToObject(entry, "id", (double)id);
		cJSON_AddStringToObject(entry, "about", about);
		cJSON_AddItemToArray(list, entry);
	}
	while (cJSON_GetArraySize(list) > APPOINTMENT_CACHE_MAX)
		cJSON_DeleteItemFromArray(list, 0);
	cache_write_json(APPOINTMENT_CACHE, all);
	cache_unlock(lock);
	cJSON_Delete(all);
}

void appointment_cache_add(long id, const char *about)
{
	update(id, about);
}

void appointment_cache_forget(long id)
{
	update(id, NULL);
}

static int appointments(const char *values, const char *prefix)
{
	cJSON *all = cache_read_json(APPOINTMENT_CACHE, -1);
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(all, "appointments");

	(void)values;
	for (int i = cJSON_GetArraySize(list) - 1; i >= 0; i--) {
		const cJSON *it = cJSON_GetArrayItem(list, i);
		char id[32];

		snprintf(id, sizeof(id), "%ld", json_long(it, "id", -1));
		if (starts_with(id, prefix))
			complete_candidate(id, json_string(it, "about", NULL));
	}
	cJSON_Delete(all);
	return DIRECTIVE_NO_FILE | DIRECTIVE_KEEP_ORDER;
}

const struct complete_source complete_source_appointments = { appointments };
