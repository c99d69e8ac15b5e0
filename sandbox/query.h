/*
 * Query strings as the sandbox receives them: parsed into a cJSON object of
 * strings (the caller owns it; the first occurrence of a name wins), and
 * masked for the request log so an api_key value never reaches it.
 */
#ifndef SANDBOX_QUERY_H
#define SANDBOX_QUERY_H

#include <cjson/cJSON.h>
#include "sbuf.h"

/* Decode %XX escapes and '+' (a space) in place. */
void url_decode(char *s);

/* "a=1&b=x+y" -> {"a":"1","b":"x y"}; NULL or "" gives {}. */
cJSON *query_parse(const char *raw);

/* Append raw to out with the value of every api_key replaced by REDACTED. */
void query_mask_api_key(struct sbuf *out, const char *raw);

#endif
