#include "compat.h"
#include <cjson/cJSON.h>
#include "api.h"
#include "cache.h"
#include "json.h"
#include "output.h"
#include "table.h"
#include "ticket-list.h"
#include "ticket-settings.h"
#include "ticket-status.h"
#include "usage.h"
#include "utf8.h"
#include "xmalloc.h"

/* Syncro honours per_page on /tickets up to 100: the fewest requests. */
#define PER_PAGE 100

/*
 * A list of up to this many rows is kept and printed at the end, in the
 * widths its rows need. A longer one that came newest first so far is
 * printed page by page from then on, in widths fixed up front.
 */
#define KEEP_ROWS 1000
/* The widest status Syncro ships with, when the account's are not cached. */
#define WIDEST_STATUS "Waiting on Customer"

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
	int unsorted;		/* a row came with a higher number than the one before */
	size_t streams;		/* ticket_list_fetch() calls */
	struct table *table;	/* once the rows are printed as they come */
	struct json_array_out json;
	struct cache_batch cache;
	const struct strvec *words;	/* ticket_list_require_words(), or NULL */
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

void ticket_list_require_words(struct ticket_list *tl, const struct strvec *words)
{
	tl->words = words;
}

static int word_in(const cJSON *ticket, const char *word)
{
	long number = json_long(ticket, "number", -1);
	char *end;
	long n;

	errno = 0;
	n = strtol(word + (*word == '#'), &end, 10);
	if (!errno && !*end && end != word + (*word == '#') && n == number)
		return 1;
	return strcasestr(json_string(ticket, "subject", ""), word) ||
		strcasestr(json_string(ticket, "customer_business_then_name", ""), word);
}

static int has_every_word(const struct ticket_list *tl, const cJSON *ticket)
{
	for (size_t i = 0; tl->words && i < tl->words->nr; i++)
		if (!word_in(ticket, tl->words->v[i]))
			return 0;
	return 1;
}

static void keep_row(struct ticket_list *tl, const cJSON *ticket)
{
	struct row *r;

	if (tl->table) {
		ticket_table_add(tl->table, ticket);
		return;
	}
	ALLOC_GROW(tl->rows, tl->nr + 1, tl->alloc);
	r = &tl->rows[tl->nr];
	r->number = json_long(ticket, "number", -1);
	if (tl->nr && r->number > tl->rows[tl->nr - 1].number)
		tl->unsorted = 1;
	r->order = tl->nr++;
	r->status = xstrdup(json_string(ticket, "status", ""));
	r->customer = xstrdup(json_string(ticket, "customer_business_then_name", ""));
	r->subject = xstrdup(json_string(ticket, "subject", ""));
}

/* The widest status the account has, without a request; else WIDEST_STATUS. */
static size_t widest_status(void)
{
	cJSON *settings = cache_read_json(TICKET_SETTINGS_CACHE, -1);
	struct strvec statuses = STRVEC_INIT;
	size_t widest = utf8_width(WIDEST_STATUS);

	if (settings) {
		ticket_settings_strings(settings, "ticket_status_list", &statuses);
		if (statuses.nr)
			widest = 0;
		for (size_t i = 0; i < statuses.nr; i++)
			if (utf8_width(statuses.v[i]) > widest)
				widest = utf8_width(statuses.v[i]);
	}
	strvec_clear(&statuses);
	cJSON_Delete(settings);
	return widest;
}

static void add_row(struct table *t, struct row *r)
{
	ticket_table_add_fields(t, r->number, r->status, r->customer, r->subject);
	free(r->status);
	free(r->customer);
	free(r->subject);
}

/*
 * Too many rows to keep, newest first so far: print them and every later
 * one as it comes, the status column as wide as the widest status, the
 * customer's as wide as it goes, the subject to the end of the line.
 * Later rows come in the API's order (newest first, as far as it goes).
 */
static void start_printing(struct ticket_list *tl)
{
	tl->table = ticket_table_new();
	table_reserve(tl->table, 1, widest_status());
	table_reserve(tl->table, 2, TABLE_FILL);
	table_reserve(tl->table, 3, TABLE_FILL);
	for (size_t i = 0; i < tl->nr; i++)
		add_row(tl->table, &tl->rows[i]);
	tl->nr = 0;
	table_flush(tl->table);
}

static void page_done(struct ticket_list *tl)
{
	if (tl->table)
		table_flush(tl->table);
	else if (tl->nr >= KEEP_ROWS && !tl->unsorted && !(tl->flags & TICKET_LIST_MERGE))
		start_printing(tl);
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
		if (!has_every_word(tl, t))
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
	page_done(tl);
	return 0;
}

void ticket_list_fetch(struct ticket_list *tl, const struct strvec *query)
{
	if (tl->streams++ && !(tl->flags & TICKET_LIST_MERGE))
		BUG("several request streams need TICKET_LIST_MERGE");
	if (ticket_list_full(tl))
		return;
	/* Without a limit every page is wanted: fetch those known at once. */
	(tl->limit ? api_paginate : api_paginate_all)("/tickets", query, "tickets", PER_PAGE,
						       take_page, tl);
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
	struct table *t = tl->table ? tl->table : ticket_table_new();

	if (tl->nr)
		qsort(tl->rows, tl->nr, sizeof(*tl->rows), newest_first);
	for (size_t i = 0; i < tl->nr; i++)
		add_row(t, &tl->rows[i]);
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
