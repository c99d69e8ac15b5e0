#include "compat.h"
#include "api.h"
#include "json.h"
#include "name-match.h"
#include "tech-lookup.h"
#include "ticket-settings.h"
#include "usage.h"
#include "xmalloc.h"

static long me(char **name)
{
	cJSON *answer = api_get("/me", NULL);
	long id = json_long(answer, "user_id", -1);

	if (id <= 0)
		die_with(EXIT_NETWORK, "GET /me: the answer has no user_id; try again later");
	if (name)
		*name = xstrdup(json_string(answer, "user_name", ""));
	cJSON_Delete(answer);
	return id;
}

long tech_resolve(const char *arg, const char *option, char **name)
{
	const cJSON *users, *tech;
	struct strvec names = STRVEC_INIT;
	struct sbuf msg = SBUF_INIT;
	long id = name_match_id(arg);

	if (!strcasecmp(arg, "me"))
		return me(name);
	users = cJSON_GetObjectItemCaseSensitive(ticket_settings(), "users");
	tech = name_match_pick(users, "name", arg, "tech", "Tech", option);
	if (tech || id > 0) {
		if (name)
			*name = tech ? xstrdup(json_string(tech, "name", "")) : NULL;
		return tech ? json_long(tech, "id", -1) : id;
	}
	ticket_settings_names(ticket_settings(), "users", &names);
	sbuf_addf(&msg, "unknown tech '%s' for %s\ntechs: ", arg, option);
	name_match_join(&msg, &names);
	sbuf_addstr(&msg, " (or 'me', or a user id)");
	strvec_clear(&names);
	die_with(EXIT_USAGE, "%s", msg.buf);
}
