/*
 * Typed reads over cJSON that tolerate what Syncro sends: missing fields,
 * nulls, numbers sent as strings ("quantity": "1.0", "number": "32164") and
 * timestamps with `Z` or with an offset.
 *
 * path is a dotted path: "customer.business_then_name"; a segment of digits
 * indexes an array ("comments.0.body"). obj may be NULL. Nothing here
 * allocates except json_parse() and json_print(), whose results the caller
 * owns; every const pointer returned is borrowed from obj.
 */
#ifndef SYNCRO_JSON_H
#define SYNCRO_JSON_H

#include <stddef.h>
#include <time.h>
#include <cjson/cJSON.h>

#include "date.h"	/* parse_timestamp() */

/* The item at path, or NULL when missing (a JSON null is returned as such). */
const cJSON *json_get(const cJSON *obj, const char *path);

/* A string field; def when missing, null or not a string. */
const char *json_string(const cJSON *obj, const char *path, const char *def);
/*
 * The one place where numbers from the API become C numbers: beyond
 * JSON_NUMBER_MAX either way (a thousand billion: no id, count, minute or
 * amount comes near) a number is taken as missing, so that sums and
 * products of them (minutes * 60, quantity * price, a page's total) can
 * never overflow. 1e300 or -9223372036854775808 give def. json_long()
 * also gives def past what a long holds (2147483647 where it has 32 bits).
 */
#define JSON_NUMBER_MAX 1e12
/* A whole number, from a JSON number or a string of digits; def otherwise. */
long json_long(const cJSON *obj, const char *path, long def);
/* A number, from a JSON number or a numeric string ("1.0"); def otherwise. */
double json_double(const cJSON *obj, const char *path, double def);
/* true/false; def when missing, null or not a boolean. */
int json_bool(const cJSON *obj, const char *path, int def);
/* A timestamp field (see parse_timestamp); -1 when missing or malformed. */
time_t json_time(const cJSON *obj, const char *path);

/*
 * Parse the whole of text[0..len), which must be followed by a '\0' (an
 * sbuf is); trailing blanks are allowed. NULL if it is not one JSON value,
 * or if it holds more than JSON_MAX_VALUES values (a page of Syncro holds
 * some thousands; 16 million zeros would take a gigabyte parsed).
 */
#define JSON_MAX_VALUES 2000000
cJSON *json_parse(const char *text, size_t len);
/* Whether text[0..len) holds more than JSON_MAX_VALUES values (counted without parsing). */
int json_too_many_values(const char *text, size_t len);
/* Pretty-printed text (two-space indent, as jq) with a final newline; the caller frees it. */
char *json_print(const cJSON *value);
/*
 * The same onto the end of out, without the final newline, as if value
 * sat depth levels deep (for printing an array one element at a time).
 */
struct sbuf;
void json_add_printed(struct sbuf *out, const cJSON *value, int depth);

#endif
