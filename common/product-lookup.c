/* Products as the user names them: by id or by name. */
#include "compat.h"
#include "api.h"
#include "exit-codes.h"
#include "json.h"
#include "name-match.h"
#include "product-lookup.h"
#include "usage.h"
#include "xmalloc.h"

cJSON *product_find(const char *arg, const char *option)
{
	long id = name_match_id(arg);
	struct strvec query = STRVEC_INIT;
	struct sbuf list = SBUF_INIT;
	cJSON *found, *match = NULL;
	const cJSON *p;
	int n = 0;

	if (id > 0) {
		char *path = xstrfmt("/products/%ld", id);
		struct api_request req = { "GET", path, NULL, NULL, NULL };
		struct api_error err = API_ERROR_INIT;

		if (api_call(&req, &found, &err)) {
			free(path);
			if (err.status == 404)
				die_with(EXIT_NOT_FOUND, "product %ld not found", id);
			api_die(&err);
		}
		free(path);
		return api_unwrap(found, "product");
	}
	strvec_pushf(&query, "name=%s", arg);
	found = api_get("/products", &query);
	strvec_clear(&query);
	cJSON_ArrayForEach(p, json_get(found, "products")) {
		sbuf_addf(&list, "\n  %ld  %s", json_long(p, "id", -1), json_string(p, "name", ""));
		if (!strcasecmp(json_string(p, "name", ""), arg)) {
			match = (cJSON *)p;
			n = 1;
			break;
		}
		match = (cJSON *)p;
		n++;
	}
	match = n == 1 ? cJSON_Duplicate(match, 1) : NULL;
	cJSON_Delete(found);
	if (n > 1)
		die_with(EXIT_USAGE, "product '%s' is ambiguous; pass its id with %s:%s", arg, option, list.buf);
	sbuf_release(&list);
	return match;
}

cJSON *product_resolve(const char *arg, const char *option)
{
	cJSON *p = product_find(arg, option);

	if (!p)
		die_with(EXIT_NOT_FOUND, "product '%s' not found; pass its id with %s", arg, option);
	return p;
}
