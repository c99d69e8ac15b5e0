#include "compat.h"
#include <ctype.h>
#include <cjson/cJSON.h>
#include "api.h"
#include "cache.h"
#include "date.h"
#include "json.h"
#include "name-match.h"
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
	/* TICKET_LIST_DETAILS: */
	char *tech, *priority;
	time_t due, created, updated;	/* 0: none */
	int done;
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
	enum ticket_list_sort sort;
	const char *priority;	/* ticket_list_require_priority(), or NULL */
	const char *priority_option;
	int priority_matched;
	int priority_listed;	/* checked against the settings' "priorities" */
	struct strvec priorities;	/* the values the tickets carried */
};

struct ticket_list *ticket_list_new(unsigned flags, long limit)
{
	struct ticket_list *tl = xcalloc(1, sizeof(*tl));

	tl->flags = flags;
	tl->limit = limit > 0 ? limit : 0;
	tl->cache = (struct cache_batch)CACHE_BATCH_INIT;
	tl->priorities = (struct strvec)STRVEC_INIT;
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

void ticket_list_sort_by(struct ticket_list *tl, enum ticket_list_sort sort)
{
	tl->sort = sort;
}


/* "1 High" is also "high": the number Syncro puts first is optional. */
static int priority_is(const char *priority, const char *typed)
{
	const char *p = priority;

	if (!strcasecmp(priority, typed))
		return 1;
	while (isdigit((unsigned char)*p))
		p++;
	if (p == priority || *p != ' ')
		return 0;
	return !strcasecmp(p + 1, typed);
}

static int priority_wanted(struct ticket_list *tl, const cJSON *ticket)
{
	const char *priority = json_string(ticket, "priority", "");
	size_t i;

	if (!tl->priority)
		return 1;
	for (i = 0; i < tl->priorities.nr && strcmp(tl->priorities.v[i], priority); i++)
		;
	if (i == tl->priorities.nr && *priority)
		strvec_push(&tl->priorities, priority);
	if (!priority_is(priority, tl->priority))
		return 0;
	tl->priority_matched = 1;
	return 1;
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

static time_t time_of(const cJSON *ticket, const char *key)
{
	time_t t;

	if (parse_timestamp(json_string(ticket, key, ""), &t))
		return 0;
	return t;
}

/* The tech's name: the ticket's own, else the settings' (one request a day), else the id. */
static char *tech_of(const cJSON *ticket)
{
	const char *name = json_string(ticket, "user.full_name", NULL);
	long id = json_long(ticket, "user_id", -1);

	if (name && *name)
		return xstrdup(name);
	if (id <= 0)
		return xstrdup("-");
	name = ticket_settings_tech_name(id);
	return name ? xstrdup(name) : xstrfmt("%ld", id);
}

static void fill_row(struct ticket_list *tl, struct row *r, const cJSON *ticket)
{
	r->number = json_long(ticket, "number", -1);
	r->status = xstrdup(json_string(ticket, "status", ""));
	r->customer = xstrdup(json_string(ticket, "customer_business_then_name", ""));
	r->subject = xstrdup(json_string(ticket, "subject", ""));
	r->tech = r->priority = NULL;
	if (!(tl->flags & TICKET_LIST_DETAILS))
		return;
	r->tech = tech_of(ticket);
	r->priority = xstrdup(json_string(ticket, "priority", ""));
	r->due = time_of(ticket, "due_date");
	r->created = time_of(ticket, "created_at");
	r->updated = time_of(ticket, "updated_at");
	r->done = ticket_status_done(r->status);
}

static void add_row(struct ticket_list *tl, struct table *t, struct row *r);

static void keep_row(struct ticket_list *tl, const cJSON *ticket)
{
	struct row *r;

	if (tl->table) {
		struct row now;

		fill_row(tl, &now, ticket);
		add_row(tl, tl->table, &now);
		return;
	}
	ALLOC_GROW(tl->rows, tl->nr + 1, tl->alloc);
	r = &tl->rows[tl->nr];
	fill_row(tl, r, ticket);
	if (tl->nr && r->number > tl->rows[tl->nr - 1].number)
		tl->unsorted = 1;
	r->order = tl->nr++;
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

/* "3d" since t: minutes, hours, then days. */
static void add_age(struct table *t, time_t since)
{
	long s = since ? (long)(date_now() - since) : -1;

	if (s < 0)
		table_add_cell(t, "-");
	else if (s < 3600)
		table_add_cellf(t, "%ldm", s / 60);
	else if (s < 86400)
		table_add_cellf(t, "%ldh", s / 3600);
	else
		table_add_cellf(t, "%ldd", s / 86400);
}

/* The due day; "!" after it when an open ticket is past it. */
static void add_due(struct table *t, const struct row *r)
{
	struct sbuf sb = SBUF_INIT;

	if (!r->due) {
		table_add_cell(t, "-");
		return;
	}
	date_addf(&sb, "%Y-%m-%d", r->due);
	if (!r->done && r->due < date_now()) {
		sbuf_addch(&sb, '!');
		table_add_colored(t, COLOR_RED, sb.buf);
	} else {
		table_add_cell(t, sb.buf);
	}
	sbuf_release(&sb);
}

static struct table *new_table(const struct ticket_list *tl)
{
	struct table *t;

	if (!(tl->flags & TICKET_LIST_DETAILS))
		return ticket_table_new();
	t = table_new(8);
	table_set_shrink(t, 1, 6);	/* status */
	table_set_shrink(t, 2, 4);	/* priority */
	table_set_max(t, 3, 16);	/* tech */
	table_set_shrink(t, 3, 5);
	table_set_align(t, 5, TABLE_RIGHT);	/* age */
	table_set_shrink(t, 6, 8);	/* customer */
	table_set_max(t, 6, 24);
	table_set_flex(t, 7, 12);	/* subject */
	return t;
}

static void add_row(struct ticket_list *tl, struct table *t, struct row *r)
{
	if (!(tl->flags & TICKET_LIST_DETAILS)) {
		ticket_table_add_fields(t, r->number, r->status, r->customer, r->subject);
	} else {
		table_add_row(t, NULL);
		table_add_cellf(t, "#%ld", r->number);
		table_add_colored(t, status_color(r->status), r->status);
		table_add_cell(t, *r->priority ? r->priority : "-");
		table_add_cell(t, r->tech);
		add_due(t, r);
		add_age(t, r->created);
		table_add_cell(t, r->customer);
		table_add_cell(t, r->subject);
	}
	free(r->status);
	free(r->customer);
	free(r->subject);
	free(r->tech);
	free(r->priority);
}

/*
 * Too many rows to keep, newest first so far: print them and every later
 * one as it comes, the status column as wide as the widest status, the
 * customer's as wide as it goes, the subject to the end of the line.
 * Later rows come in the API's order (newest first, as far as it goes).
 */
static void start_printing(struct ticket_list *tl)
{
	size_t customer = (tl->flags & TICKET_LIST_DETAILS) ? 6 : 2;

	tl->table = new_table(tl);
	table_reserve(tl->table, 1, widest_status());
	if (tl->flags & TICKET_LIST_DETAILS) {
		table_reserve(tl->table, 2, utf8_width("2 Normal"));
		table_reserve(tl->table, 3, TABLE_FILL);
		table_reserve(tl->table, 4, utf8_width("YYYY-MM-DD!"));
		table_reserve(tl->table, 5, utf8_width("999d"));
	}
	table_reserve(tl->table, customer, TABLE_FILL);
	table_reserve(tl->table, customer + 1, TABLE_FILL);
	for (size_t i = 0; i < tl->nr; i++)
		add_row(tl, tl->table, &tl->rows[i]);
	tl->nr = 0;
	table_flush(tl->table);
}

static void page_done(struct ticket_list *tl)
{
	if (tl->table)
		table_flush(tl->table);
	else if (tl->nr >= KEEP_ROWS && !tl->unsorted && !(tl->flags & TICKET_LIST_MERGE) &&
		 tl->sort == TICKET_LIST_BY_NUMBER && !tl->priority)
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
		if (!has_every_word(tl, t) || !priority_wanted(tl, t))
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

/* Earliest first, none last; then newest first. */
static int by_time(time_t x, time_t y)
{
	if (x == y)
		return 0;
	if (!x || !y)
		return !x ? 1 : -1;
	return x < y ? -1 : 1;
}

static enum ticket_list_sort sorting;

static int by_key(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int c = 0;

	switch (sorting) {
	case TICKET_LIST_BY_NUMBER:
		break;
	case TICKET_LIST_BY_UPDATED:	/* the latest first */
		c = by_time(y->updated, x->updated);
		break;
	case TICKET_LIST_BY_DUE:
		c = by_time(x->due, y->due);
		break;
	case TICKET_LIST_BY_PRIORITY:	/* "1 High" before "2 Normal"; none last */
		if (!*x->priority != !*y->priority)
			c = !*x->priority ? 1 : -1;
		else
			c = strcmp(x->priority, y->priority);
		break;
	case TICKET_LIST_BY_AGE:	/* the oldest first */
		c = by_time(x->created, y->created);
		break;
	}
	return c ? c : newest_first(a, b);
}

static void print_rows(struct ticket_list *tl)
{
	struct table *t = tl->table ? tl->table : new_table(tl);

	sorting = tl->sort;
	if (tl->nr)
		qsort(tl->rows, tl->nr, sizeof(*tl->rows), by_key);
	for (size_t i = 0; i < tl->nr; i++)
		add_row(tl, t, &tl->rows[i]);
	table_print(t);
	table_free(t);
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Exit 2 with did-you-mean unless typed is one of valid (none: nothing to check). */
static void check_priority_in(struct strvec *valid, const char *typed, const char *option)
{
	const char *closest;
	struct sbuf sb = SBUF_INIT;

	for (size_t i = 0; i < valid->nr; i++)
		if (priority_is(valid->v[i], typed))
			return;
	if (!valid->nr)
		return;
	closest = name_match_closest(valid, typed);
	name_match_join(&sb, valid);
	if (closest)
		die_with(EXIT_USAGE, "unknown priority '%s' for %s; did you mean '%s'?\nvalid priorities: %s",
			 typed, option, closest, sb.buf);
	die_with(EXIT_USAGE, "unknown priority '%s' for %s\nvalid priorities: %s",
		 typed, option, sb.buf);
}

void ticket_list_require_priority(struct ticket_list *tl, const char *priority, const char *option)
{
	struct strvec listed = STRVEC_INIT, valid = STRVEC_INIT;

	tl->priority = priority;
	tl->priority_option = option;
	ticket_settings_strings(ticket_settings(), "priorities", &listed);
	for (size_t i = 0; i < listed.nr; i++)
		if (*listed.v[i])
			strvec_push(&valid, listed.v[i]);
	check_priority_in(&valid, priority, option);
	tl->priority_listed = valid.nr > 0;
	strvec_clear(&listed);
	strvec_clear(&valid);
}

/* A --priority no ticket carried (the account listing none): exit 2 with the ones they did. */
static void check_priority(struct ticket_list *tl)
{
	if (!tl->priority || tl->priority_matched || tl->priority_listed)
		return;
	qsort(tl->priorities.v, tl->priorities.nr, sizeof(*tl->priorities.v), by_string);
	check_priority_in(&tl->priorities, tl->priority, tl->priority_option);
}

size_t ticket_list_finish(struct ticket_list *tl)
{
	size_t shown = tl->shown;

	if (!(tl->flags & TICKET_LIST_JSON))
		check_priority(tl);

	if (tl->flags & TICKET_LIST_JSON)
		json_array_end(&tl->json);
	else
		print_rows(tl);
	fflush(stdout);
	cache_batch_commit(&tl->cache, (tl->flags & TICKET_LIST_COMPLETE) && !tl->truncated);
	strvec_clear(&tl->priorities);
	free(tl->rows);
	free(tl);
	return shown;
}
