/*
 * The keys of --user-key KEY=USER_ID: a key per tech. Strings stay the
 * caller's (argv); user_key_me() returns a new object.
 */
#ifndef SANDBOX_USER_KEYS_H
#define SANDBOX_USER_KEYS_H

#include <cjson/cJSON.h>
#include "sbuf.h"

struct state;

/* Is spec "KEY=NUMBER" with a non-empty KEY? */
int user_key_valid(const char *spec);
/* The user id of key among keys ("KEY=ID" each), or -1 when it is none of them. */
double user_key_lookup(const struct strvec *keys, const char *key);
/* GET /me's answer for user_id: the account's, with that user's id, name and email. */
cJSON *user_key_me(struct state *st, double user_id);

#endif
