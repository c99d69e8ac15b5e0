#include "compat.h"
#include <limits.h>
#include "json-fields.h"
#include "exit-codes.h"
#include "levenshtein.h"
#include "sbuf.h"
#include "usage.h"
#include "xmalloc.h"

const char *opt_json;

/* The field named (name, len) of obj, or NULL. */
static const cJSON *field(const cJSON *obj, const char *name, size_t len)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, obj)
		if (item->string && strlen(item->string) == len && !strncmp(item->string, name, len))
			return item;
	return NULL;
}

/* Refuse a field that obj (the first object printed) lacks. */
static _Noreturn void unknown_field(const cJSON *obj, const char *name, size_t len)
{
	struct sbuf typed = SBUF_INIT, known = SBUF_INIT;
	const char *closest = NULL;
	int best = INT_MAX;
	const cJSON *item;

	sbuf_add(&typed, name, len);
	cJSON_ArrayForEach(item, obj) {
		int d;

		if (!item->string)
			continue;
		sbuf_addf(&known, "%s%s", known.len ? ", " : "", item->string);
		d = suggestion_distance(typed.buf, item->string);
		if (d < best) {
			best = d;
			closest = item->string;
		}
	}
	error("unknown JSON field '%s'", typed.buf);
	if (closest && best <= 6)
		hint("did you mean '%s'?", closest);
	hint("the fields are: %s", known.len ? known.buf : "(none)");
	sbuf_release(&typed);
	sbuf_release(&known);
	exit(EXIT_USAGE);
}

/* Every field asked for is one of obj's, or a usage error. */
static void check_fields(const cJSON *obj)
{
	for (const char *p = opt_json; *p; p += *p == ',') {
		size_t len = strcspn(p, ",");

		if (len && !field(obj, p, len))
			unknown_field(obj, p, len);
		p += len;
	}
}

/* obj with only the fields asked for, in their order (once each). */
static cJSON *select_object(const cJSON *obj)
{
	cJSON *out = cJSON_CreateObject();

	for (const char *p = opt_json; *p; p += *p == ',') {
		size_t len = strcspn(p, ",");
		char *name = xstrndup(p, len);
		const cJSON *item = field(obj, p, len);

		if (len && !cJSON_GetObjectItemCaseSensitive(out, name))
			cJSON_AddItemToObject(out, name, item ? cJSON_Duplicate(item, 1) :
						  cJSON_CreateNull());
		free(name);
		p += len;
	}
	return out;
}

cJSON *json_fields_select(const cJSON *value)
{
	static int checked;	/* json_array_add() passes the elements one by one */
	const cJSON *item;
	cJSON *out;

	if (!opt_json || !*opt_json || !value)
		return NULL;
	if (cJSON_IsObject(value)) {
		if (!checked++)
			check_fields(value);
		return select_object(value);
	}
	if (!cJSON_IsArray(value))
		return NULL;
	if (cJSON_IsObject(value->child))
		check_fields(value->child);
	out = cJSON_CreateArray();
	cJSON_ArrayForEach(item, value)
		cJSON_AddItemToArray(out, cJSON_IsObject(item) ? select_object(item) :
				     cJSON_Duplicate(item, 1));
	return out;
}
