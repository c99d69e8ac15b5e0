/*
 * --json[=FIELDS], the same in every verb that has it: "--json" prints
 * the API's objects whole, "--json=number,subject,status" only those
 * fields of each, in the order given (a field an object lacks is null).
 * output_json() and json_array_add() (output.h) apply it, so verbs only
 * declare the option:
 *
 *   OPT_JSON("print the tickets as one JSON array"),
 *   ...
 *   if (opt_json)
 *       output_json(tickets);
 */
#ifndef SYNCRO_JSON_FIELDS_H
#define SYNCRO_JSON_FIELDS_H

#include <cjson/cJSON.h>

#include "parse-options.h"

/* NULL: no --json; "": --json alone; otherwise the FIELDS given. Owned by argv. */
extern const char *opt_json;

#define OPT_JSON(h) OPT_OPTIONAL(0, "json", &opt_json, "FIELDS", (h))

/*
 * value as --json=FIELDS asks for it: an object with only those fields,
 * or an array of such objects; NULL when --json asks for everything (print
 * value itself). The caller frees the result with cJSON_Delete(). A field
 * that the first object does not have is a usage error (exit 2) naming
 * the fields there are and the closest one.
 */
cJSON *json_fields_select(const cJSON *value);

#endif
