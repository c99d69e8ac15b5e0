#include "compat.h"
#include <cjson/cJSON.h>
#include "cache.h"
#include "complete.h"
#include "id-cache.h"
#include "json.h"
#include "parse-options.h"
#include "xmalloc.h"

#define ID_CACHE_MAX 200

static void drop(cJSON *list, long id)
{
	for (int i = 0; i < cJSON_GetArraySize(list); i++) {
		if (json_long(cJSON_GetArrayItem(list, i), "id", -1) == id) {
			cJSON_DeleteItemFromArray(list, i);
			return;
		}
	}
}

/* Rewrite cache name without forget, and with entries ({"id", "about"}) moved to the end. */
static void update(const char *name, const cJSON *entries, long forget)
{
	char *lock_name = xstrfmt("%s.lock", name);
	int lock = cache_lock(lock_name);
	cJSON *all = cache_read_json(name, -1), *list;
	const cJSON *it;

	if (!cJSON_IsArray(list = cJSON_GetObjectItemCaseSensitive(all, name))) {
		cJSON_Delete(all);
		all = cJSON_CreateObject();
		list = cJSON_AddArrayToObject(all, name);
	}
	if (forget > 0)
		drop(list, forget);
	cJSON_ArrayForEach(it, entries) {
		drop(list, json_long(it, "id", -1));
		cJSON_AddItemToArray(list, cJSON_Duplicate(it, 1));
	}
	while (cJSON_GetArraySize(list) > ID_CACHE_MAX)
		cJSON_DeleteItemFromArray(list, 0);
	cache_write_json(name, all);
	cache_unlock(lock);
	cJSON_Delete(all);
	free(lock_name);
}

void id_cache_entry(cJSON *entries, long id, const char *about)
{
	cJSON *entry;

	if (id <= 0)
		return;
	entry = cJSON_CreateObject();
	cJSON_AddNumberToObject(entry, "id", (double)id);
	cJSON_AddStringToObject(entry, "about", about ? about : "");
	cJSON_AddItemToArray(entries, entry);
}

void id_cache_add(const char *name, long id, const char *about)
{
	cJSON *entries = cJSON_CreateArray();

	id_cache_entry(entries, id, about);
	id_cache_add_list(name, entries);
	cJSON_Delete(entries);
}

void id_cache_add_list(const char *name, const cJSON *entries)
{
	if (cJSON_GetArraySize(entries))
		update(name, entries, 0);
}

void id_cache_forget(const char *name, long id)
{
	update(name, NULL, id);
}

int id_cache_complete(const char *name, const char *prefix)
{
	cJSON *all = cache_read_json(name, -1);
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(all, name);

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

static int appointments(const char *values, const char *prefix)
{
	(void)values;
	return id_cache_complete(ID_CACHE_APPOINTMENTS, prefix);
}

static int estimates(const char *values, const char *prefix)
{
	(void)values;
	return id_cache_complete(ID_CACHE_ESTIMATES, prefix);
}

static int schedules(const char *values, const char *prefix)
{
	(void)values;
	return id_cache_complete(ID_CACHE_SCHEDULES, prefix);
}

const struct complete_source complete_source_appointments = { appointments },
	complete_source_estimates = { estimates }, complete_source_schedules = { schedules };
