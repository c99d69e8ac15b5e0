/*
 * syncro schedule: a customer's recurring invoice schedules, listed and
 * shown (template, frequency, next run, lines). Read-only on purpose: a
 * DELETE /schedules/{id} destroys the template at once with no undo, so
 * no verb of syncro changes or deletes a schedule; that stays in the web
 * app.
 */
#include "compat.h"
#include <cjson/cJSON.h>
#include "account-time.h"
#include "api.h"
#include "complete.h"
#include "customer-lookup.h"
#include "date.h"
#include "exit-codes.h"
#include "invoice-view.h"
#include "id-cache.h"
#include "json.h"
#include "name-match.h"
#include "json-fields.h"
#include "output.h"
#include "parse-options.h"
#include "table.h"
#include "usage.h"
#include "xmalloc.h"

static const char *opt_customer, *sub;

/* What completes show's operand: a schedule id from the cache. */
static const struct complete_source *const schedule_args[] = { COMPLETE_SCHEDULE, NULL };

static const struct option_spec options[] = {
	OPT_STRING_C(0, "customer", &opt_customer, "NAME|ID", "only this customer's schedules (list)", COMPLETE_CUSTOMER),
	OPT_JSON("print the API's objects as JSON"),
	OPT_SUBCOMMAND("list", &sub, NULL, "list schedules"),
	OPT_SUBCOMMAND("show", &sub, schedule_args, "one schedule with its lines: ID"),
	OPT_EXAMPLE("syncro schedule list --customer \"desert sun\"",
		    "a customer's recurring invoices"),
	OPT_EXAMPLE("syncro schedule show 730101",
		    "one schedule with its lines and next run"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"schedule",
	"syncro schedule list [--customer NAME|ID] [--json]\n"
	"   or: syncro schedule show ID [--json]",
	"list and show recurring invoice schedules (read-only)", options,
	COMPLETE_NONE,
};

static void next_run(struct sbuf *out, const cJSON *s)
{
	time_t t;

	if (parse_timestamp(json_string(s, "next_run", ""), &t) < 0) {
		sbuf_addstr(out, "none");
		return;
	}
	account_time_use();
	date_addf(out, "%a %Y-%m-%d", t);
}

/* Add s's id for completion to entries: "Desert Sun Dental · monthly · Managed services". */
/* How completion describes s (the caller's to free). */
static char *about(const cJSON *s)
{
	return xstrfmt("%s · %s · %s", json_string(s, "customer_business_then_name", ""),
		       json_string(s, "frequency", "?"), json_string(s, "name", ""));
}

static void remember(cJSON *entries, const cJSON *s)
{
	char *text = about(s);

	id_cache_entry(entries, json_long(s, "id", -1), text);
	free(text);
}

static struct json_array_out json_out = JSON_ARRAY_OUT_INIT;	/* --json: one array of every page */

static int list_page(const cJSON *items, void *data)
{
	struct table *t = data;
	cJSON *named, *s;
	struct sbuf sb = SBUF_INIT;
	cJSON *entries;
	const cJSON *item;

	if (opt_json) {
		cJSON_ArrayForEach(item, items)
			json_array_add(&json_out, item);
		return 0;
	}
	named = cJSON_Duplicate(items, 1);
	entries = cJSON_CreateArray();
	cJSON_ArrayForEach(s, named) {
		invoice_name_customer(s);
		remember(entries, s);
		table_add_row(t, NULL);
		table_add_cellf(t, "%ld", json_long(s, "id", -1));
		table_add_cell(t, json_string(s, "frequency", "?"));
		sbuf_reset(&sb);
		sbuf_addstr(&sb, "next ");
		next_run(&sb, s);
		table_add_cell(t, sb.buf);
		table_add_cell(t, json_string(s, "customer_business_then_name", ""));
		sbuf_reset(&sb);
		invoice_amount(&sb, invoice_money(s, "subtotal"));
		table_add_cell(t, sb.buf);
		table_add_cell(t, json_string(s, "name", ""));
	}
	id_cache_add_list(ID_CACHE_SCHEDULES, entries);
	cJSON_Delete(entries);
	sbuf_release(&sb);
	cJSON_Delete(named);
	return 0;
}

static int cmd_list(void)
{
	struct strvec query = STRVEC_INIT;
	struct table *t = table_new(6);

	table_set_align(t, 4, TABLE_RIGHT);
	if (opt_customer)
		strvec_pushf(&query, "customer_id=%ld", customer_lookup_history(opt_customer, "--customer", NULL));
	api_paginate("/schedules", &query, "schedules", 0, list_page, t);
	if (opt_json)
		json_array_end(&json_out);
	else if (table_rows(t))
		table_print(t);
	else
		fprintf(stderr, "%s: no schedules match\n", program_name());
	table_free(t);
	strvec_clear(&query);
	return 0;
}

static int cmd_show(const char *arg)
{
	long id = name_match_id(arg);
	struct api_error err = API_ERROR_INIT;
	struct sbuf sb = SBUF_INIT;
	struct table *t;
	const cJSON *line;
	char *path;
	cJSON *s;

	if (id < 0)
		usage_error(&verb, "'%s' is not a schedule id; 'syncro schedule list' shows them", arg);
	path = xstrfmt("/schedules/%ld", id);
	{
		struct api_request req = { "GET", path, NULL, NULL, NULL };

		if (api_call(&req, &s, &err)) {
			free(path);
			if (err.status == 404)
				die_with(EXIT_NOT_FOUND, "schedule %ld not found; 'syncro schedule list' shows them", id);
			api_die(&err);
		}
	}
	free(path);
	s = api_unwrap(s, "schedule");
	if (opt_json) {
		output_json(s);
		cJSON_Delete(s);
		return 0;
	}
	invoice_name_customer(s);
	{
		char *text = about(s);

		id_cache_add(ID_CACHE_SCHEDULES, json_long(s, "id", -1), text);
		free(text);
	}
	printf("schedule  %ld  ", id);
	output_text(stdout, json_string(s, "name", ""), SAFE_ONE_LINE);
	printf("\ncustomer  ");
	output_text(stdout, json_string(s, "customer_business_then_name", ""), SAFE_ONE_LINE);
	next_run(&sb, s);
	printf("\nevery     %s%s\nnext run  %s\n\n", json_string(s, "frequency", "?"),
	       json_bool(s, "paused", 0) ? " (paused)" : "", sb.buf);
	t = table_new(5);
	table_add_row(t, NULL);
	table_add_cell(t, "QTY");
	table_add_cell(t, "ITEM");
	table_add_cell(t, "PRICE");
	table_add_cell(t, "AMOUNT");
	table_add_cell(t, "DESCRIPTION");
	table_set_align(t, 0, TABLE_RIGHT);
	table_set_align(t, 2, TABLE_RIGHT);
	table_set_align(t, 3, TABLE_RIGHT);
	cJSON_ArrayForEach(line, json_get(s, "lines")) {
		double qty = invoice_money(line, "quantity"), price = invoice_money(line, "price_retail");

		table_add_row(t, NULL);
		table_add_cellf(t, "%g", qty);
		table_add_cell(t, json_string(line, "name", ""));
		sbuf_reset(&sb);
		invoice_amount(&sb, price);
		table_add_cell(t, sb.buf);
		sbuf_reset(&sb);
		invoice_amount(&sb, qty * price);
		table_add_cell(t, sb.buf);
		table_add_cell(t, json_string(line, "description", ""));
	}
	table_print(t);
	table_free(t);
	sbuf_reset(&sb);
	invoice_amount(&sb, invoice_money(s, "subtotal"));
	printf("\nsubtotal  %s\n", sb.buf);
	sbuf_release(&sb);
	cJSON_Delete(s);
	return 0;
}

int main(int argc, char **argv)
{
	argc = parse_options(&verb, argc, argv);
	if (argc == 1 && !strcmp(argv[0], "list"))
		return cmd_list();
	if (opt_customer)
		usage_error(&verb, "--customer is for list");
	if (argc == 2 && !strcmp(argv[0], "show"))
		return cmd_show(argv[1]);
	if (argc && (!strcmp(argv[0], "rm") || !strcmp(argv[0], "delete") || !strcmp(argv[0], "edit")))
		die_with(EXIT_USAGE, "syncro does not change or delete schedules: a delete destroys the "
			 "template with no undo; do it in the web app if you must");
	usage_error(&verb, "say what to do: list or show ID");
}
