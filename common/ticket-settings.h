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
 * Name ticket_settings()'s read as one to send ahead (prefetch.h) when the
 * day's copy in the cache is missing or old; a fresh copy is loaded now.
 */
void ticket_settings_want(void);

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
 * The "ticket" object of the account settings, GET /settings: its
 * "problem_types" and "priorities" (["", "0 Urgent", "1 High", ...]),
 * which GET /tickets/settings does not carry. Cached as
 * ACCOUNT_TICKET_CACHE for a day like the ticket settings; owned by this
 * module and kept until exit. Dies with the API's error.
 */
#define ACCOUNT_TICKET_CACHE "account-ticket-settings"
const cJSON *ticket_settings_account(void);

/*
 * typed checked like a status against the strings of the account
 * settings' list at key ("priorities", "problem_types"): the account's
 * spelling, the caller's to free, or exit 2 with did-you-mean:
 *   syncro: unknown priority 'urgent' for --priority; did you mean '0 Urgent'?
 *   valid priorities: 0 Urgent, 1 High, 2 Normal, 3 Low
 * what is "priority", whats "priorities". An empty typed is accepted when
 * the list holds "" (no priority); a list the account leaves empty or
 * out checks nothing and typed is returned as is.
 */
char *ticket_settings_check_account(const char *typed, const char *key, const char *option,
				    const char *what, const char *whats);

/*
 * --type NAME|ID: a ticket type of the settings by id or by name (whole or
 * a unique part, case-insensitive; several: the user picks on a terminal).
 * Returns its id; *name (if name is not NULL) gets its name, the caller's
 * to free. Unknown: exit 2 listing the types.
 */
long ticket_settings_resolve_type(const char *arg, char **name);

#endif
