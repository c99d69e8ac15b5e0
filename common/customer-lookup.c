#include "compat.h"
#include "api.h"
#include "customer-cache.h"
#include "customer-lookup.h"
#include "exit-codes.h"
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
		strvec_pushf(&shown, "%ld  %s%s", json_long(c, "id", 0),
			     json_string(c, "business_then_name", ""),
			     json_bool(c, "disabled", 0) ? "  (disabled)" : "");
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

/*
 * For a write, the disabled customers of found are dropped; when they are
 * all it found, that is the error (exit 5, as the API would refuse it).
 */
static void drop_disabled(cJSON *found)
{
	const cJSON *disabled = NULL;
	int active = 0;

	for (const cJSON *c = found->child; c; c = c->next)
		if (!json_bool(c, "disabled", 0))
			active++;
		else if (!disabled)
			disabled = c;
	if (!active && disabled)
		die_with(EXIT_REJECTED, "customer '%s' is disabled in Syncro; enable it there "
			 "first, or choose another customer",
			 json_string(disabled, "business_then_name", "?"));
	for (cJSON *c = found->child, *next; c; c = next) {
		next = c->next;
		if (json_bool(c, "disabled", 0))
			cJSON_Delete(cJSON_DetachItemViaPointer(found, c));
	}
}

static long resolve(const char *arg, const char *option, char **name, int history)
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
	strvec_push(&query, "include_disabled=true");
	answer = api_get("/customers", &query);
	strvec_clear(&query);
	found = api_list_or_die(answer, "customers", "/customers");
	customer_cache_store(found);
	if (!history)
		drop_disabled((cJSON *)found);
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

long customer_lookup_resolve(const char *arg, const char *option, char **name)
{
	return resolve(arg, option, name, 0);
}

long customer_lookup_history(const char *arg, const char *option, char **name)
{
	return resolve(arg, option, name, 1);
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
