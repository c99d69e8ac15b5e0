/*
 * Whose key each profile holds: the user GET /me answered for it, as
 * `syncro doctor` last saw it, kept in the account's cache (profiles.json:
 * {"howard": {"user_id": 74572, "user_name": "Howard Hughes"}}), so that
 * `syncro config` and completion can show it without the network.
 */
#ifndef SYNCRO_PROFILE_USERS_H
#define SYNCRO_PROFILE_USERS_H

#include <cjson/cJSON.h>
#include "sbuf.h"

/* Remember that profile's key is me's user (me: a GET /me answer, borrowed). */
void profile_users_store(const char *profile, const cJSON *me);
/* "Howard Hughes (user 74572)" for profile, appended to out; 0, or -1 when not known. */
int profile_user_describe(const char *profile, struct sbuf *out);
/* Completion: the config's profile names with their user when known. */
int complete_profiles(const char *prefix);

#endif
