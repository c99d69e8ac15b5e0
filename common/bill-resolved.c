/* `syncro bill --resolved`: month end, steps 4-8 for every Resolved ticket with labor. */
#include "compat.h"
#include "api.h"
#include "bill-run.h"
#include "customer-lookup.h"
#include "invoice.h"
#include "json.h"
#include "labor.h"
#include "money.h"
#include "product.h"
#include "output.h"
#include "prompt.h"
#include "table.h"
#include "usage.h"
#include "xmalloc.h"

struct candidate {
	long number;
	long id;
	char *customer;
	long minutes;
	double amount;
	char *result;		/* the final table's words */
	int failed;
};

struct candidates {
	struct candidate *v;
	size_t nr, alloc;
};

/* A product's price at bill time (product.h); 0 when it cannot be read. */
static double product_price(long product_id)
{
	struct api_error err = API_ERROR_INIT;
	const struct product *p;
	double price = product_get(product_id, &p, &err) ? 0 : p->price_retail;

	api_error_release(&err);
	return price;
}

static int collect(const cJSON *items, void *data)
{
	struct candidates *all = data;
	const cJSON *t;

	cJSON_ArrayForEach(t, items) {
		struct candidate *c;

		ALLOC_GROW(all->v, all->nr + 1, all->alloc);
		c = &all->v[all->nr++];
		memset(c, 0, sizeof(*c));
		c->number = json_long(t, "number", 0);
		c->id = json_long(t, "id", 0);
		c->customer = xstrdup(json_string(t, "customer_business_then_name", ""));
	}
	return 0;
}

/* Minutes and amount of the ticket's labor not invoiced: lines not converted, timers not charged. */
static void measure(struct candidate *c)
{
	char *path = xstrfmt("/tickets/%ld", c->id);
	cJSON *t = api_unwrap(api_get(path, NULL), "ticket");
	const cJSON *item;

	cJSON_ArrayForEach(item, json_get(t, "line_items")) {
		double qty = json_double(item, "quantity", 0);

		if (json_bool(item, "converted", 0))
			continue;
		c->minutes = labor_minutes_add(c->minutes, labor_line_minutes(item, 0));
		c->amount += qty * json_double(item, "price_retail", 0);
	}
	cJSON_ArrayForEach(item, json_get(t, "ticket_timers")) {
		long minutes = labor_timer_minutes(item);

		if (json_bool(item, "recorded", 0) || minutes <= 0)
			continue;
		c->minutes = labor_minutes_add(c->minutes, minutes);
		c->amount += minutes / 60.0 * product_price(json_long(item, "product_id", -1));
	}
	cJSON_Delete(t);
	free(path);
}

/* 1 if an unfinished bill of the ticket is journaled, -1 if one that needs its comment. */
static int journaled(long number)
{
	struct journal j = JOURNAL_INIT;
	int ret = 0;

	if (!journal_peek(&j, "bill", number) && journal_exists(&j))
		ret = json_bool(journal_options(&j), "comment", 0) ? -1 : 1;
	journal_release(&j);
	return ret;
}

static void print_listing(const struct candidates *all, long minutes, double amount)
{
	struct table *t = table_new(4);
	char money[MONEY_MAX];

	table_set_flex(t, 1, 10);
	table_set_align(t, 2, TABLE_RIGHT);
	table_set_align(t, 3, TABLE_RIGHT);
	table_add_row(t, NULL);
	table_add_cell(t, "TICKET");
	table_add_cell(t, "CUSTOMER");
	table_add_cell(t, "MINUTES");
	table_add_cell(t, "AMOUNT");
	for (size_t i = 0; i < all->nr; i++) {
		table_add_row(t, NULL);
		table_add_cellf(t, "#%ld", all->v[i].number);
		table_add_cell(t, all->v[i].customer);
		table_add_cellf(t, "%ld", all->v[i].minutes);
		table_add_cell(t, money_format(all->v[i].amount, money, sizeof(money)));
	}
	table_add_row(t, NULL);
	table_add_cell(t, "total");
	table_add_cell(t, "");
	table_add_cellf(t, "%ld", minutes);
	table_add_cell(t, money_format(amount, money, sizeof(money)));
	table_print(t);
	table_free(t);
}

static void print_results(const struct candidates *all)
{
	struct table *t = table_new(3);

	table_set_flex(t, 2, 20);
	table_set_shrink(t, 1, 10);
	table_add_row(t, NULL);
	table_add_cell(t, "TICKET");
	table_add_cell(t, "CUSTOMER");
	table_add_cell(t, "RESULT");
	for (size_t i = 0; i < all->nr; i++) {
		table_add_row(t, NULL);
		table_add_cellf(t, "#%ld", all->v[i].number);
		table_add_cell(t, all->v[i].customer);
		table_add_colored(t, all->v[i].failed ? COLOR_RED : NULL, all->v[i].result);
	}
	table_print(t);
	table_free(t);
}

/* Steps 4-8 for one ticket; the result's words in c. */
static void bill_one(struct candidate *c, int dry_run)
{
	struct api_error err = API_ERROR_INIT;
	struct bill b;

	bill_init(&b, c->number, 0);
	b.dry_run = dry_run;
	if (bill_start(&b, &err) || bill_check_status(&b, &err) ||
	    bill_set_options(&b, NULL, &err) || bill_ask_charge(&b, 1, &err) ||
	    bill_prepare(&b, &err)) {
		/* nothing sent */
	} else if (dry_run) {
		printf("# #%ld\n", c->number);
		bill_print_preview(&b, stdout);
		bill_print_requests(&b, stdout);
	} else if (!bill_run(&b, &err)) {
		char total[MONEY_MAX];

		c->result = xstrfmt("billed: invoice %s, %s", json_string(b.invoice, "number", "?"),
				    money_format(invoice_total(b.invoice), total, sizeof(total)));
		bill_finish(&b);
	}
	if (err.code) {
		const char *why = err.message ? err.message : "unknown error";
		char *msg = xstrfmt("#%ld: %s", c->number, why);

		c->failed = 1;
		c->result = xstrfmt("failed: %s", why);
		die_message(msg);	/* the API's words, made safe */
		free(msg);
		if (err.hint)
			hint("%s", err.hint);
		hint("'syncro bill %ld' resumes it", c->number);
	}
	api_error_release(&err);
	bill_release(&b);
}

int bill_resolved(const char *customer, int yes, int dry_run)
{
	struct strvec q = STRVEC_INIT;
	struct candidates all = { NULL, 0, 0 }, chosen = { NULL, 0, 0 };
	long minutes = 0;
	double amount = 0;
	int failed = 0, go = 0;
	char question[160], money[MONEY_MAX];

	strvec_push(&q, "status=Resolved");
	if (customer)
		strvec_pushf(&q, "customer_id=%ld", customer_lookup_resolve(customer, "--customer", NULL));
	api_paginate("/tickets", &q, "tickets", 100, collect, &all);
	strvec_clear(&q);
	for (size_t i = 0; i < all.nr; i++) {
		struct candidate *c = &all.v[i];
		int resume = journaled(c->number);

		measure(c);
		if (resume < 0) {
			warning("#%ld has an unfinished 'syncro bill %ld'; run that to finish it",
				c->number, c->number);
			resume = 0;
		}
		if (c->minutes <= 0 && !resume) {
			free(c->customer);
			continue;
		}
		minutes = labor_minutes_add(minutes, c->minutes);
		amount += c->amount;
		ALLOC_GROW(chosen.v, chosen.nr + 1, chosen.alloc);
		chosen.v[chosen.nr++] = *c;
	}
	free(all.v);
	if (!chosen.nr) {
		fprintf(stderr, "no Resolved ticket%s has labor to invoice\n",
			customer ? " of that customer" : "");
		return 0;
	}
	print_listing(&chosen, minutes, amount);
	fflush(stdout);
	snprintf(question, sizeof(question), "Bill %zu ticket%s (%ld minutes, %s)?", chosen.nr,
		 chosen.nr == 1 ? "" : "s", minutes, money_format(amount, money, sizeof(money)));
	if (yes || dry_run)
		go = 1;
	else if (prompt_yes_no(question, 0, &go) == PROMPT_NO_TTY)
		prompt_die_missing("--yes");
	if (go) {
		for (size_t i = 0; i < chosen.nr; i++) {
			bill_one(&chosen.v[i], dry_run);
			failed |= chosen.v[i].failed;
		}
		if (!dry_run)
			print_results(&chosen);
	}
	for (size_t i = 0; i < chosen.nr; i++) {
		free(chosen.v[i].customer);
		free(chosen.v[i].result);
	}
	free(chosen.v);
	return failed ? EXIT_ERROR : 0;
}
