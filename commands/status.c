/*
 * syncro status: my day. The open tickets assigned to the key's own user
 * by status (overdue ones marked), the time they logged in the last 30
 * days that is not charged yet, and the live timers of this machine.
 * Requests: GET /me, GET /tickets?user_id=ME&status=Not Closed (every
 * page) and GET /ticket_timers?created_at_gt=... (every page).
 */
#include "compat.h"
#include "api.h"
#include "cache.h"
#include "date.h"
#include "json.h"
#include "live-timer.h"
#include "output.h"
#include "parse-options.h"
#include "tech-lookup.h"
#include "ticket-settings.h"
#include "ticket-status.h"
#include "usage.h"
#include "xmalloc.h"

#define TIME_WINDOW_DAYS 30

static const struct option_spec options[] = {
	OPT_EXAMPLE("syncro status",
		    "my day: open tickets by status, uncharged time, live timers"),
	OPT_EXAMPLE("syncro status --as work",
		    "my day on the account of profile work"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"status", "syncro status",
	"my day: my open tickets, overdue ones, uncharged time, live timers", options,
	COMPLETE_NONE,
};

struct day {
	long me;
	time_t now;
	cJSON *tickets;		/* mine, open: the list's summaries */
	cJSON *timers;		/* mine, not charged */
	struct cache_batch cache;
};

static int take_tickets(const cJSON *items, void *data)
{
	struct day *d = data;
	const cJSON *t;

	cache_batch_add(&d->cache, items);
	cJSON_ArrayForEach(t, items)
		if (!ticket_status_done(json_string(t, "status", NULL)))
			cJSON_AddItemToArray(d->tickets, cJSON_Duplicate(t, 1));
	return 0;
}

static int take_timers(const cJSON *items, void *data)
{
	struct day *d = data;
	const cJSON *t;

	cJSON_ArrayForEach(t, items)
		if (json_long(t, "user_id", -1) == d->me && !json_bool(t, "recorded", 0))
			cJSON_AddItemToArray(d->timers, cJSON_Duplicate(t, 1));
	return 0;
}

static int overdue(const struct day *d, const cJSON *ticket)
{
	time_t due = json_time(ticket, "due_date");

	return due != (time_t)-1 && due < d->now;
}

static void print_ticket(const struct day *d, const cJSON *t)
{
	printf("  #%ld  ", json_long(t, "number", -1));
	output_text(stdout, json_string(t, "customer_business_then_name", ""), SAFE_ONE_LINE);
	fputs("  ", stdout);
	output_text(stdout, json_string(t, "subject", ""), SAFE_ONE_LINE);
	if (overdue(d, t)) {
		struct sbuf when = SBUF_INIT;

		date_add_relative(&when, json_time(t, "due_date"));
		printf("  [overdue: due %s]", when.buf);
		sbuf_release(&when);
	}
	putchar('\n');
}

/* Mine by status, in the account's order of statuses; returns how many are overdue. */
static size_t print_tickets(const struct day *d, const char *name)
{
	struct strvec statuses = STRVEC_INIT;
	size_t late = 0, nr = (size_t)cJSON_GetArraySize(d->tickets);
	const cJSON *t;

	printf("Assigned to ");
	output_text(stdout, name, SAFE_ONE_LINE);
	printf(": %zu open ticket%s\n", nr, nr == 1 ? "" : "s");
	ticket_settings_strings(ticket_settings(), "ticket_status_list", &statuses);
	/* A status the settings do not list still shows, after the others. */
	cJSON_ArrayForEach(t, d->tickets) {
		const char *s = json_string(t, "status", "");
		size_t i;

		for (i = 0; i < statuses.nr && strcmp(statuses.v[i], s); i++)
			;
		if (i == statuses.nr)
			strvec_push(&statuses, s);
	}
	for (size_t i = 0; i < statuses.nr; i++) {
		size_t in = 0;

		cJSON_ArrayForEach(t, d->tickets)
			in += !strcmp(json_string(t, "status", ""), statuses.v[i]);
		if (!in)
			continue;
		printf("\n");
		output_text(stdout, statuses.v[i], SAFE_ONE_LINE);
		printf(" (%zu)\n", in);
		cJSON_ArrayForEach(t, d->tickets)
			if (!strcmp(json_string(t, "status", ""), statuses.v[i]))
				print_ticket(d, t);
	}
	cJSON_ArrayForEach(t, d->tickets)
		late += overdue(d, t);
	strvec_clear(&statuses);
	return late;
}

/* The number of the ticket with internal id: from my tickets, the cache, else GET /tickets/ID. */
static long number_of(const struct day *d, const struct ticket_cache *cache, long id)
{
	const cJSON *t;

	cJSON_ArrayForEach(t, d->tickets)
		if (json_long(t, "id", -1) == id)
			return json_long(t, "number", -1);
	for (size_t i = 0; i < cache->nr; i++)
		if (cache->items[i].id == id)
			return cache->items[i].number;
	return ticket_number_of_id(id);
}

static void print_timers(const struct day *d)
{
	struct ticket_cache cache = TICKET_CACHE_INIT;
	long minutes = 0;
	size_t nr = (size_t)cJSON_GetArraySize(d->timers);
	const cJSON *t;

	cJSON_ArrayForEach(t, d->timers)
		minutes += json_long(t, "billable_time", 0);
	printf("\nUncharged time, last %d days: ", TIME_WINDOW_DAYS);
	if (!nr) {
		printf("none\n");
		return;
	}
	printf("%ld min in %zu timer%s\n", minutes, nr, nr == 1 ? "" : "s");
	ticket_cache_load(&cache);
	cJSON_ArrayForEach(t, d->timers) {
		long number = number_of(d, &cache, json_long(t, "ticket_id", -1));
		char *notes = xstrdup(json_string(t, "notes", ""));

		notes[strcspn(notes, "\n")] = '\0';
		printf("  #%ld  %ld min  ", number, json_long(t, "billable_time", 0));
		output_text(stdout, notes, SAFE_ONE_LINE);
		printf("  (timer %ld)\n", json_long(t, "id", -1));
		free(notes);
	}
	ticket_cache_release(&cache);
}

static void print_live_timers(void)
{
	struct live_timer *timers;
	size_t nr = live_timers(&timers);

	if (nr)
		printf("\nLive timers on this machine\n");
	for (size_t i = 0; i < nr; i++) {
		struct sbuf since = SBUF_INIT;
		long minutes = (long)((date_now() - timers[i].started) / 60);

		date_add_local(&since, timers[i].started);
		printf("  #%ld  %ld:%02ld  since %s\n", timers[i].number,
		       minutes < 0 ? 0 : minutes / 60, minutes < 0 ? 0 : minutes % 60, since.buf);
		sbuf_release(&since);
	}
	free(timers);
}

int main(int argc, char **argv)
{
	struct day d = { 0, 0, NULL, NULL, CACHE_BATCH_INIT };
	struct strvec query = STRVEC_INIT;
	char *name = NULL, when[32];
	size_t late;

	if (parse_options(&verb, argc, argv))
		usage_error(&verb, "'syncro status' takes no arguments");
	d.now = date_now();
	d.me = tech_resolve("me", "status", &name);
	d.tickets = cJSON_CreateArray();
	d.timers = cJSON_CreateArray();

	strvec_pushf(&query, "user_id=%ld", d.me);
	strvec_push(&query, "status=Not Closed");
	api_paginate("/tickets", &query, "tickets", 100, take_tickets, &d);
	strvec_clear(&query);
	format_timestamp(d.now - TIME_WINDOW_DAYS * 86400, when, sizeof(when));
	strvec_pushf(&query, "created_at_gt=%s", when);
	api_paginate("/ticket_timers", &query, "ticket_timers", 0, take_timers, &d);
	strvec_clear(&query);
	cache_batch_commit(&d.cache, 0);

	pager_start();
	late = print_tickets(&d, name);
	if (late)
		printf("\nOverdue: %zu\n", late);
	print_timers(&d);
	print_live_timers();
	cJSON_Delete(d.tickets);
	cJSON_Delete(d.timers);
	cache_batch_release(&d.cache);
	free(name);
	return fflush(stdout) ? EXIT_ERROR : EXIT_OK;
}
