#include "compat.h"
#include <ctype.h>
#include "api.h"
#include "customer-create.h"
#include "json.h"
#include "levenshtein.h"
#include "xmalloc.h"

void new_customer_name(const struct new_customer *c, struct sbuf *out)
{
	if (c->business && *c->business)
		sbuf_addstr(out, c->business);
	else
		sbuf_addf(out, "%s%s%s", c->first ? c->first : "", c->first && c->last ? " " : "",
			  c->last ? c->last : "");
}

cJSON *new_customer_body(const struct new_customer *c)
{
	static const char *const keys[] = { "business_name", "firstname", "lastname", "email", "phone" };
	const char *values[] = { c->business, c->first, c->last, c->email, c->phone };
	cJSON *body = cJSON_CreateObject();

	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		if (values[i])
			cJSON_AddStringToObject(body, keys[i], values[i]);
	return body;
}

static int has_id(const cJSON *list, long id)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, list)
		if (json_long(it, "id", -1) == id)
			return 1;
	return 0;
}

/* Same name ignoring case, or within a quarter of its length of edits. */
static int near_name(const char *a, const char *b)
{
	char *x = xstrdup(a), *y = xstrdup(b);
	int d, len = (int)strlen(a);

	for (char *p = x; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	for (char *p = y; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	d = levenshtein(x, y, 0, 1, 1, 1);
	free(x);
	free(y);
	return d <= len / 4;
}

static void add_from(cJSON *out, const char *param, const char *value, const char *name)
{
	struct strvec query = STRVEC_INIT;
	cJSON *found;
	const cJSON *it;

	strvec_pushf(&query, "%s=%s", param, value);
	found = api_get("/customers", &query);
	cJSON_ArrayForEach(it, json_get(found, "customers")) {
		if (has_id(out, json_long(it, "id", -1)))
			continue;
		if (!name || near_name(name, json_string(it, "business_then_name", "")))
			cJSON_AddItemToArray(out, cJSON_Duplicate(it, 1));
	}
	cJSON_Delete(found);
	strvec_clear(&query);
}

cJSON *customer_near_duplicates(const struct new_customer *c)
{
	cJSON *out = cJSON_CreateArray();
	struct sbuf name = SBUF_INIT;
	char *word;

	if (c->email && *c->email)
		add_from(out, "email", c->email, NULL);
	new_customer_name(c, &name);
	word = xstrndup(name.buf, strcspn(name.buf, " "));
	if (*word)
		add_from(out, "query", word, name.buf);
	free(word);
	sbuf_release(&name);
	return out;
}
