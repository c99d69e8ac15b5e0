/*
 * The account's ticket settings, GET /tickets/settings: its statuses
 * ("ticket_status_list"), ticket types ("ticket_types": [{id, name}]) and
 * techs ("users": [{id, name}]). They are kept in the cache as
 * TICKET_SETTINGS_CACHE for a day, which completion reads too, so verbs
 * ask the API for them at most once a day.
 */
#ifndef SYNCRO_TICKET_SETTINGS_H
#define SYNCRO_TICKET_SETTINGS_H

#include <cjson/cJSON.h>

#include "sbuf.h"

#define TICKET_SETTINGS_CACHE "ticket-settings"
#define TICKET_SETTINGS_MAX_AGE (24L * 60 * 60)

/*
 * The settings: from the cache when younger than a day, else from the API
 * (then cached). Owned by this module and kept until exit. Dies with the
 * API's error when they cannot be had.
 */
const cJSON *ticket_settings(void);

/*
 * The name of tech id from the settings' "users" (ticket_settings(), so
 * perhaps a GET /tickets/settings); NULL when they do not list it.
 */
const char *ticket_settings_tech_name(long id);
/* The strings of the array at key in settings ("ticket_status_list"), into out. */
void ticket_settings_strings(const cJSON *settings, const char *key, struct strvec *out);
/* The "name" of each object of the array at key ("users", "ticket_types"), into out. */
void ticket_settings_names(const cJSON *settings, const char *key, struct strvec *out);

/*
 * The account's spelling of status (case-insensitive: "in progress" ->
 * "In Progress"), checked before anything is sent. An unknown status dies
 * with exit 2, naming option ("--status"), the closest status and every
 * valid one:
 *   syncro: unknown status 'in progres' for --status; did you mean 'In Progress'?
 *   valid statuses: New, In Progress, Resolved, ...
 * The result is the caller's to free.
 */
char *ticket_settings_check_status(const char *status, const char *option);

/*
 * --type NAME|ID: a ticket type of the settings by id or by name (whole or
 * a unique part, case-insensitive; several: the user picks on a terminal).
 * Returns its id; *name (if name is not NULL) gets its name, the caller's
 * to free. Unknown: exit 2 listing the types.
 */
long ticket_settings_resolve_type(const char *arg, char **name);

#endif
