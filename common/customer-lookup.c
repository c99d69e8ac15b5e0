#include "compat.h"
#include "api.h"
#include "customer-cache.h"
#include "customer-lookup.h"
#include "json.h"
#include "name-match.h"
#include "usage.h"
#include "xmalloc.h"

/* The customer of several that the user meant. */
static const cJSON *choose_customer(const cJSON *found, const char *arg, const char *option,
				    int more)
{
	struct strvec names = STRVEC_INIT, shown = STRVEC_INIT;
	const cJSON *c;
	long exact;
	size_t pick;

	cJSON_ArrayForEach(c, found) {
		strvec_push(&names, json_string(c, "business_then_name", ""));
		strvec_pushf(&shown, "%ld  %s", json_long(c, "id", 0),
			     json_string(c, "business_then_name", ""));
	}
	if (more)
		strvec_push(&shown, "... more; narrow the name down");
	exact = name_match_equal(&names, arg);
	strvec_clear(&names);
	if (exact >= 0) {
		strvec_clear(&shown);
		return cJSON_GetArrayItem(found, (int)exact);
	}
	do {
		pick = name_match_pick_one("customer", "Customer", arg, option, &shown);
	} while (more && pick == shown.nr - 1);
	strvec_clear(&shown);
	return cJSON_GetArrayItem(found, (int)pick);
}

long customer_lookup_resolve(const char *arg, const char *option, char **name)
{
	struct strvec query = STRVEC_INIT;
	const cJSON *found, *customer;
	cJSON *answer;
	long id = name_match_id(arg);
	int more;

	if (name)
		*name = NULL;
	if (id > 0)
		return id;
	if (!*arg)
		die_with(EXIT_USAGE, "empty customer for %s; pass a name or an id", option);
	strvec_pushf(&query, "query=%s", arg);
	answer = api_get("/customers", &query);
	strvec_clear(&query);
	found = api_list_or_die(answer, "customers", "/customers");
	customer_cache_store(found);
	more = json_long(answer, "meta.total_pages", 1) > 1;
	if (!cJSON_GetArraySize(found))
		die_with(EXIT_NOT_FOUND, "no customer matches '%s'; try 'syncro customers %s'",
			 arg, arg);
	customer = cJSON_GetArraySize(found) == 1 && !more ? cJSON_GetArrayItem(found, 0) :
		choose_customer(found, arg, option, more);
	id = json_long(customer, "id", -1);
	if (name)
		*name = xstrdup(json_string(customer, "business_then_name", ""));
	cJSON_Delete(answer);
	return id;
}

long customer_lookup_contact(long customer_id, const char *arg, const char *option, char **name)
{
	struct strvec query = STRVEC_INIT, names = STRVEC_INIT;
	struct sbuf msg = SBUF_INIT;
	const cJSON *contacts, *contact, *it;
	cJSON *answer;
	long id = name_match_id(arg);

	if (name)
		*name = NULL;
	if (id > 0)
		return id;
	strvec_pushf(&query, "customer_id=%ld", customer_id);
	answer = api_get("/contacts", &query);
	strvec_clear(&query);
	contacts = api_list_or_die(answer, "contacts", "/contacts");
	contact = name_match_pick(contacts, "name", arg, "contact", "Contact", option);
	if (contact) {
		id = json_long(contact, "id", -1);
		if (name)
			*name = xstrdup(json_string(contact, "name", ""));
		cJSON_Delete(answer);
		return id;
	}
	cJSON_ArrayForEach(it, contacts)
		strvec_pushf(&names, "%s (%ld)", json_string(it, "name", ""), json_long(it, "id", 0));
	sbuf_addf(&msg, "no contact '%s' for customer %ld (%s)", arg, customer_id, option);
	if (names.nr) {
		sbuf_addstr(&msg, "\ncontacts: ");
		name_match_join(&msg, &names);
	} else {
		sbuf_addstr(&msg, "; the customer has no contacts");
	}
	strvec_clear(&names);
	cJSON_Delete(answer);
	die_with(EXIT_NOT_FOUND, "%s", msg.buf);
}
