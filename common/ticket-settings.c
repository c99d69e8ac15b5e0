#include "compat.h"
#include "api.h"
#include "cache.h"
#include "json.h"
#include "name-match.h"
#include "prefetch.h"
#include "ticket-settings.h"
#include "usage.h"
#include "xmalloc.h"

static cJSON *settings;

/*
 * The answer to GET path, or its object at key when key is not NULL
 * (an empty object when it has none), from cache when younger than a day,
 * else from the API (then cached). The caller's to free.
 */
/* The day's copy of cache, or NULL when it is missing, old or not an object. */
static cJSON *fresh_copy(const char *cache)
{
	cJSON *got = cache_read_json(cache, TICKET_SETTINGS_MAX_AGE);

	if (cJSON_IsObject(got))
		return got;
	cJSON_Delete(got);
	return NULL;
}

static cJSON *cached_get(const char *cache, const char *path, const char *key)
{
	cJSON *got = fresh_copy(cache), *all;

	if (got)
		return got;
	got = all = api_get(path, NULL);
	if (!cJSON_IsObject(all))
		die_with(EXIT_NETWORK, "GET %s: the answer is not an object; try again later", path);
	if (key) {
		got = cJSON_DetachItemFromObjectCaseSensitive(all, key);
		cJSON_Delete(all);
		if (!cJSON_IsObject(got)) {
			cJSON_Delete(got);
			got = cJSON_CreateObject();
		}
	}
	cache_write_json(cache, got);
	return got;
}

#define TICKET_SETTINGS_PATH "/tickets/settings"

const cJSON *ticket_settings(void)
{
	if (!settings)
		settings = cached_get(TICKET_SETTINGS_CACHE, TICKET_SETTINGS_PATH, NULL);
	return settings;
}

void ticket_settings_want(void)
{
	if (!settings && !(settings = fresh_copy(TICKET_SETTINGS_CACHE)))
		prefetch_want(TICKET_SETTINGS_PATH);
}

const char *ticket_settings_tech_name(long id)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(ticket_settings(), "users"))
		if (json_long(it, "id", -1) == id)
			return json_string(it, "name", NULL);
	return NULL;
}

void ticket_settings_strings(const cJSON *s, const char *key, struct strvec *out)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(s, key))
		if (cJSON_IsString(it))
			strvec_push(out, it->valuestring);
}

void ticket_settings_names(const cJSON *s, const char *key, struct strvec *out)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(s, key))
		strvec_push(out, json_string(it, "name", ""));
}

/*
 * typed in the spelling of valid (ignoring case), the caller's to free;
 * else exit 2 naming option, the closest of valid and all of them.
 * Frees valid.
 */
static char *check_in(struct strvec *valid, const char *typed, const char *option,
		      const char *what, const char *whats)
{
	struct sbuf msg = SBUF_INIT;
	const char *closest;
	long i = name_match_equal(valid, typed);

	if (i >= 0) {
		char *found = xstrdup(valid->v[i]);

		strvec_clear(valid);
		return found;
	}
	sbuf_addf(&msg, "unknown %s '%s' for %s", what, typed, option);
	closest = name_match_closest(valid, typed);
	if (closest)
		sbuf_addf(&msg, "; did you mean '%s'?", closest);
	sbuf_addf(&msg, "\nvalid %s: ", whats);
	name_match_join(&msg, valid);
	strvec_clear(valid);
	die_with(EXIT_USAGE, "%s", msg.buf);
}

char *ticket_settings_check_status(const char *status, const char *option)
{
	struct strvec statuses = STRVEC_INIT;

	ticket_settings_strings(ticket_settings(), "ticket_status_list", &statuses);
	return check_in(&statuses, status, option, "status", "statuses");
}

static cJSON *account_ticket;

const cJSON *ticket_settings_account(void)
{
	if (!account_ticket)
		account_ticket = cached_get(ACCOUNT_TICKET_CACHE, "/settings", "ticket");
	return account_ticket;
}

char *ticket_settings_check_account(const char *typed, const char *key, const char *option,
				    const char *what, const char *whats)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(ticket_settings_account(), key);
	struct strvec valid = STRVEC_INIT;
	const cJSON *it;

	cJSON_ArrayForEach(it, list) {
		if (!cJSON_IsString(it))
			continue;
		if (!*it->valuestring) {
			if (!*typed)	/* the account allows none: clearing it */
				return xstrdup("");
			continue;
		}
		strvec_push(&valid, it->valuestring);
	}
	if (!valid.nr)		/* the account lists none: nothing to check against */
		return xstrdup(typed);
	return check_in(&valid, typed, option, what, whats);
}

long ticket_settings_resolve_type(const char *arg, char **name)
{
	const cJSON *type = name_match_pick(cJSON_GetObjectItemCaseSensitive(ticket_settings(), "ticket_types"),
				      "name", arg, "ticket type", "Ticket type", "--type");
	struct strvec names = STRVEC_INIT;
	struct sbuf msg = SBUF_INIT;

	if (type) {
		if (name)
			*name = xstrdup(json_string(type, "name", ""));
		return json_long(type, "id", -1);
	}
	ticket_settings_names(ticket_settings(), "ticket_types", &names);
	sbuf_addf(&msg, "unknown ticket type '%s' for --type\nticket types: ", arg);
	name_match_join(&msg, &names);
	strvec_clear(&names);
	die_with(EXIT_USAGE, "%s", msg.buf);
}
