#include "compat.h"
#include <cjson/cJSON.h>
#include "api.h"
#include "cache.h"
#include "json.h"
#include "output.h"
#include "ticket-list.h"
#include "ticket-status.h"
#include "xmalloc.h"

/* Syncro honours per_page on /tickets up to 100: the fewest requests. */
#define PER_PAGE 100

struct row {
	long number;
	size_t order;		/* arrival, to keep the API's order among equals */
	char *status, *customer, *subject;
};

struct ticket_list {
	unsigned flags;
	long limit;
	int truncated;		/* the limit stopped a stream early */
	size_t shown;
	struct row *rows;
	size_t nr, alloc;
	struct json_array_out json;
	struct cache_batch cache;
};

struct ticket_list *ticket_list_new(unsigned flags, long limit)
{
	struct ticket_list *tl = xcalloc(1, sizeof(*tl));

	tl->flags = flags;
	tl->limit = limit > 0 ? limit : 0;
	tl->cache = (struct cache_batch)CACHE_BATCH_INIT;
	return tl;
}

int ticket_list_full(const struct ticket_list *tl)
{
	return tl->limit && tl->shown >= (size_t)tl->limit;
}

static void keep_row(struct ticket_list *tl, const cJSON *ticket)
{
	struct row *r;

	ALLOC_GROW(tl->rows, tl->nr + 1, tl->alloc);
	r = &tl->rows[tl->nr];
	r->number = json_long(ticket, "number", -1);
	r->order = tl->nr++;
	r->status = xstrdup(json_string(ticket, "status", ""));
	r->customer = xstrdup(json_string(ticket, "customer_business_then_name", ""));
	r->subject = xstrdup(json_string(ticket, "subject", ""));
}

static int take_page(const cJSON *items, void *data)
{
	struct ticket_list *tl = data;
	const cJSON *t;

	cache_batch_add(&tl->cache, items);
	cJSON_ArrayForEach(t, items) {
		if ((tl->flags & TICKET_LIST_OPEN) &&
		    ticket_status_done(json_string(t, "status", NULL)))
			continue;
		if (ticket_list_full(tl)) {
			tl->truncated = 1;
			return 1;
		}
		tl->shown++;
		if (tl->flags & TICKET_LIST_JSON)
			json_array_add(&tl->json, t);
		else
			keep_row(tl, t);
	}
	if (ticket_list_full(tl)) {
		tl->truncated = 1;
		return 1;
	}
	return 0;
}

void ticket_list_fetch(struct ticket_list *tl, const struct strvec *query)
{
	if (ticket_list_full(tl))
		return;
	api_paginate("/tickets", query, "tickets", PER_PAGE, take_page, tl);
}

static int newest_first(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->number != y->number)
		return x->number < y->number ? 1 : -1;
	return (x->order > y->order) - (x->order < y->order);
}

static void print_rows(struct ticket_list *tl)
{
	struct table *t = ticket_table_new();

	if (tl->nr)
		qsort(tl->rows, tl->nr, sizeof(*tl->rows), newest_first);
	for (size_t i = 0; i < tl->nr; i++) {
		struct row *r = &tl->rows[i];

		ticket_table_add_fields(t, r->number, r->status, r->customer, r->subject);
		free(r->status);
		free(r->customer);
		free(r->subject);
	}
	table_print(t);
	table_free(t);
}

size_t ticket_list_finish(struct ticket_list *tl)
{
	size_t shown = tl->shown;

	if (tl->flags & TICKET_LIST_JSON)
		json_array_end(&tl->json);
	else
		print_rows(tl);
	fflush(stdout);
	cache_batch_commit(&tl->cache, (tl->flags & TICKET_LIST_COMPLETE) && !tl->truncated);
	free(tl->rows);
	free(tl);
	return shown;
}
