#include "compat.h"
#include "api.h"
#include "cache.h"
#include "json.h"
#include "name-match.h"
#include "ticket-settings.h"
#include "usage.h"
#include "xmalloc.h"

static cJSON *settings;

const cJSON *ticket_settings(void)
{
	if (settings)
		return settings;
	settings = cache_read_json(TICKET_SETTINGS_CACHE, TICKET_SETTINGS_MAX_AGE);
	if (cJSON_IsObject(settings))
		return settings;
	cJSON_Delete(settings);
	settings = api_get("/tickets/settings", NULL);
	if (!cJSON_IsObject(settings))
		die_with(EXIT_NETWORK, "GET /tickets/settings: the answer is not an object; try again later");
	cache_write_json(TICKET_SETTINGS_CACHE, settings);
	return settings;
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

char *ticket_settings_check_status(const char *status, const char *option)
{
	struct strvec statuses = STRVEC_INIT;
	struct sbuf msg = SBUF_INIT;
	const char *closest;
	long i;

	ticket_settings_strings(ticket_settings(), "ticket_status_list", &statuses);
	i = name_match_equal(&statuses, status);
	if (i >= 0) {
		char *found = xstrdup(statuses.v[i]);

		strvec_clear(&statuses);
		return found;
	}
	sbuf_addf(&msg, "unknown status '%s' for %s", status, option);
	closest = name_match_closest(&statuses, status);
	if (closest)
		sbuf_addf(&msg, "; did you mean '%s'?", closest);
	sbuf_addstr(&msg, "\nvalid statuses: ");
	name_match_join(&msg, &statuses);
	strvec_clear(&statuses);
	die_with(EXIT_USAGE, "%s", msg.buf);
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
