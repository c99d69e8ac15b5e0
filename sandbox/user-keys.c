/*
 * More than one API key: --user-key KEY=USER_ID makes KEY a key of that
 * user, as Syncro gives each tech a token of their own. GET /me then
 * answers as that user.
 */
#include "compat.h"
#include "user-keys.h"
#include "state.h"

/* The user id of "KEY=ID" when its KEY is key, else -1. */
static double match(const char *spec, const char *key)
{
	const char *eq = strrchr(spec, '=');
	char *end;
	double id;

	if (!eq || (size_t)(eq - spec) != strlen(key) || strncmp(spec, key, strlen(key)))
		return -1;
	id = strtod(eq + 1, &end);
	return end == eq + 1 || *end ? -1 : id;
}

int user_key_valid(const char *spec)
{
	const char *eq = strrchr(spec, '=');
	char *end;

	if (!eq || eq == spec)
		return 0;
	strtod(eq + 1, &end);
	return end != eq + 1 && !*end;
}

double user_key_lookup(const struct strvec *keys, const char *key)
{
	for (size_t i = 0; key && keys && i < keys->nr; i++) {
		double id = match(keys->v[i], key);

		if (id >= 0)
			return id;
	}
	return -1;
}

cJSON *user_key_me(struct state *st, double user_id)
{
	cJSON *me = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(st->data, "me"), 1);
	const cJSON *u = find_by_id(coll(st, "users"), user_id);

	if (!u)
		return me;
	set_field(me, "user_id", cJSON_CreateNumber(user_id));
	set_field(me, "user_name", cJSON_CreateString(str_field(u, "full_name") ? str_field(u, "full_name") : ""));
	set_field(me, "user_email", cJSON_CreateString(str_field(u, "email") ? str_field(u, "email") : ""));
	set_field(me, "admin", cJSON_CreateBool(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(u, "admin"))));
	return me;
}
