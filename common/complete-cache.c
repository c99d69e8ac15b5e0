/*
 * The completion kinds whose values live in Syncro: ticket numbers,
 * statuses, customers and techs from the local cache, labor aliases from
 * the config. Never the network: a stale cache starts a background refresh
 * and is answered from as it is.
 */
#include "compat.h"
#include "cache.h"
#include "cache-refresh.h"
#include "complete.h"
#include "config.h"
#include "customer-cache.h"
#include "json.h"
#include "sbuf.h"
#include "ticket-settings.h"
#include "ticket-status.h"
#include "xmalloc.h"

static void ticket_candidate(const struct cached_ticket *t, int hash, struct sbuf *desc)
{
	char value[32];

	snprintf(value, sizeof(value), "%s%ld", hash ? "#" : "", t->number);
	sbuf_reset(desc);
	/* "New · Jerry Burger · Own cloud thing again" */
	sbuf_addstr(desc, t->status);
	sbuf_addstr(desc, " \xc2\xb7 ");
	sbuf_addstr(desc, t->customer);
	sbuf_addstr(desc, " \xc2\xb7 ");
	sbuf_addstr(desc, t->subject);
	complete_candidate(value, desc->buf);
}

/*
 * Ticket numbers that start with prefix ("321" or "#321"; the values keep
 * the '#' the user typed): open tickets first, then the done ones
 * (ticket-status.h), each newest first. With nothing typed yet, only the open tickets: those are
 * what a technician works on, and a big account has tens of thousands of
 * closed ones.
 */
int complete_tickets(const char *prefix)
{
	struct ticket_cache cache;
	struct sbuf desc = SBUF_INIT;
	int hash = prefix[0] == '#';
	const char *digits = prefix + hash;

	if (strspn(digits, "0123456789") != strlen(digits))
		return DIRECTIVE_NO_FILE;
	/* Read before a refresh can start: the answer is the cache as it was. */
	ticket_cache_load_prefix(&cache, digits);
	cache_refresh_if_stale();
	for (int done = 0; done <= !!*digits; done++)
		for (size_t i = 0; i < cache.nr; i++)
			if (!!ticket_status_done(cache.items[i].status) == done)
				ticket_candidate(&cache.items[i], hash, &desc);
	sbuf_release(&desc);
	ticket_cache_release(&cache);
	return DIRECTIVE_NO_FILE | DIRECTIVE_KEEP_ORDER;
}

/* The statuses of the cached GET /tickets/settings, in Syncro's order. */
int complete_statuses(const char *prefix)
{
	cJSON *settings, *status;

	settings = cache_read_json(TICKET_SETTINGS_CACHE, -1);
	cache_refresh_if_stale();
	cJSON_ArrayForEach(status, cJSON_GetObjectItemCaseSensitive(settings, "ticket_status_list"))
		if (cJSON_IsString(status) && starts_with(status->valuestring, prefix))
			complete_candidate(status->valuestring, NULL);
	cJSON_Delete(settings);
	return DIRECTIVE_NO_FILE | DIRECTIVE_KEEP_ORDER;
}

/* The techs (users) of the cached settings, with their ids. */
int complete_techs(const char *prefix)
{
	cJSON *settings, *user;

	settings = cache_read_json(TICKET_SETTINGS_CACHE, -1);
	cache_refresh_if_stale();
	cJSON_ArrayForEach(user, cJSON_GetObjectItemCaseSensitive(settings, "users")) {
		const char *name = json_string(user, "name", NULL);
		char id[32];

		if (!name || !starts_with(name, prefix))
			continue;
		snprintf(id, sizeof(id), "id %ld", json_long(user, "id", 0));
		complete_candidate(name, id);
	}
	cJSON_Delete(settings);
	return DIRECTIVE_NO_FILE;
}

/* The labor aliases of the config, with their product ids. */
int complete_labor(const char *prefix)
{
	const struct syncro_config *cfg = config_get();

	for (size_t i = 0; i < cfg->labor_nr; i++) {
		char product[48];

		if (!starts_with(cfg->labor[i].alias, prefix))
			continue;
		snprintf(product, sizeof(product), "product %ld%s", cfg->labor[i].product_id,
			 cfg->labor_default && !strcmp(cfg->labor_default, cfg->labor[i].alias) ?
			 ", the default" : "");
		complete_candidate(cfg->labor[i].alias, product);
	}
	return DIRECTIVE_NO_FILE;
}

struct named_id {
	const char *name;	/* borrowed from the cache or the JSON */
	long id;
	int disabled;		/* disabled in Syncro: offered, marked */
};

static int by_name(const void *a, const void *b)
{
	const struct named_id *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : (x->id > y->id) - (x->id < y->id);
}

/*
 * Customers: those syncro has fetched (customer-cache.h) and those of the
 * cached tickets, each name once, sorted.
 */
int complete_customers(const char *prefix)
{
	struct ticket_cache cache;
	struct named_id *all;
	size_t nr = 0, alloc = 0;
	cJSON *customers, *c;

	customers = cache_read_json(CUSTOMER_CACHE, -1);
	ticket_cache_load(&cache);
	cache_refresh_if_stale();
	all = NULL;
	cJSON_ArrayForEach(c, customers) {
		const char *name = json_string(c, "business_then_name", NULL);

		if (name && starts_with(name, prefix)) {
			ALLOC_GROW(all, nr + 1, alloc);
			all[nr].name = name;
			all[nr].disabled = json_bool(c, "disabled", 0);
			all[nr++].id = json_long(c, "id", 0);
		}
	}
	for (size_t i = 0; i < cache.nr; i++) {
		const struct cached_ticket *t = &cache.items[i];

		if (*t->customer && starts_with(t->customer, prefix)) {
			ALLOC_GROW(all, nr + 1, alloc);
			all[nr].name = t->customer;
			all[nr].disabled = 0;
			all[nr++].id = t->customer_id;
		}
	}
	if (nr)
		qsort(all, nr, sizeof(*all), by_name);
	for (size_t i = 0, j; i < nr; i = j) {
		int disabled = all[i].disabled;
		char id[48];

		for (j = i + 1; j < nr && !strcmp(all[j].name, all[i].name); j++)
			disabled |= all[j].disabled;
		snprintf(id, sizeof(id), "id %ld%s", all[i].id, disabled ? ", disabled" : "");
		complete_candidate(all[i].name, id);
	}
	free(all);
	ticket_cache_release(&cache);
	cJSON_Delete(customers);
	return DIRECTIVE_NO_FILE;
}

/* The sources option tables name (complete.h): values are not used. */
#define SOURCE(name, fn) \
	static int name##_source(const char *values, const char *prefix) \
	{ \
		(void)values; \
		return fn(prefix); \
	} \
	const struct complete_source complete_source_##name = { name##_source }

SOURCE(tickets, complete_tickets);
SOURCE(statuses, complete_statuses);
SOURCE(labor, complete_labor);
SOURCE(customers, complete_customers);
SOURCE(techs, complete_techs);
