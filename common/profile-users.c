#include "compat.h"
#include "cache.h"
#include "complete.h"
#include "config.h"
#include "json.h"
#include "profile-users.h"

#define PROFILES_CACHE "profiles"

void profile_users_store(const char *profile, const cJSON *me)
{
	int lock = cache_lock("profiles.lock");
	cJSON *all = cache_read_json(PROFILES_CACHE, -1), *entry = cJSON_CreateObject();

	if (!cJSON_IsObject(all)) {
		cJSON_Delete(all);
		all = cJSON_CreateObject();
	}
	cJSON_AddNumberToObject(entry, "user_id", (double)json_long(me, "user_id", -1));
	cJSON_AddStringToObject(entry, "user_name", json_string(me, "user_name", ""));
	cJSON_DeleteItemFromObjectCaseSensitive(all, profile);
	cJSON_AddItemToObject(all, profile, entry);
	cache_write_json(PROFILES_CACHE, all);
	cache_unlock(lock);
	cJSON_Delete(all);
}

int profile_user_describe(const char *profile, struct sbuf *out)
{
	cJSON *all = cache_read_json(PROFILES_CACHE, -1);
	const cJSON *entry = cJSON_GetObjectItemCaseSensitive(all, profile);
	int ret = -1;

	if (cJSON_IsObject(entry)) {
		sbuf_addf(out, "%s (user %ld)", json_string(entry, "user_name", "?"),
			  json_long(entry, "user_id", -1));
		ret = 0;
	}
	cJSON_Delete(all);
	return ret;
}

int complete_profiles(const char *prefix)
{
	const struct syncro_config *cfg = config_get();
	cJSON *all = cache_read_json(PROFILES_CACHE, -1);

	for (size_t i = 0; i < cfg->profiles_nr; i++) {
		const char *name = cfg->profiles[i].name;
		const cJSON *entry = cJSON_GetObjectItemCaseSensitive(all, name);

		if (starts_with(name, prefix))
			complete_candidate(name, json_string(entry, "user_name", NULL));
	}
	cJSON_Delete(all);
	return DIRECTIVE_NO_FILE;
}

static int profiles(const char *values, const char *prefix)
{
	(void)values;
	return complete_profiles(prefix);
}

const struct complete_source complete_source_profiles = { profiles };
