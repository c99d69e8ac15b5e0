/*
 * syncro customers [QUERY|ID]: the customers that match, or one customer
 * with its prepaid hours, contacts, open invoices and open tickets; and
 * syncro customers create, which refuses a near-duplicate unless --force.
 */
#include "compat.h"
#include "api.h"
#include "complete.h"
#include "customer-cache.h"
#include "customer-create.h"
#include "exit-codes.h"
#include "invoice-view.h"
#include "json.h"
#include "name-match.h"
#include "json-fields.h"
#include "output.h"
#include "parse-options.h"
#include "table.h"
#include "ticket-list.h"
#include "usage.h"
#include "write-plan.h"
#include "xmalloc.h"

static int opt_force, opt_dry_run, opt_yes;
static const char *sub;
static struct new_customer opt_new;

static const struct option_spec options[] = {
	OPT_JSON("print the customers (or the one shown or made) as JSON"),
	OPT_STRING(0, "business", &opt_new.business, "NAME", "the business name (create)"),
	OPT_STRING(0, "first", &opt_new.first, "NAME", "the contact's first name (create)"),
	OPT_STRING(0, "last", &opt_new.last, "NAME", "the contact's last name (create)"),
	OPT_STRING(0, "email", &opt_new.email, "EMAIL", "the email (create)"),
	OPT_STRING(0, "phone", &opt_new.phone, "PHONE", "the phone (create)"),
	OPT_BOOL(0, "force", &opt_force, "create even when a customer looks the same (create)"),
	OPT_DRY_RUN(&opt_dry_run),
	OPT_YES(&opt_yes, "create without asking (create)"),
	OPT_SUBCOMMAND("create", &sub, NULL, "make a customer: --business NAME | --first F --last L"),
	OPT_EXAMPLE("syncro customers dental",
		    "customers whose name has \"dental\""),
	OPT_EXAMPLE("syncro customers 34288075",
		    "one customer's detail"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"customers", "syncro customers [options] [QUERY|ID]\n"
	"   or: syncro customers create --business NAME | --first F --last L [--email E] [--phone P] [--force]",
	"find customers, or show one with contacts", options, COMPLETE_CUSTOMER,
};

struct matches {
	struct table *table;
	struct json_array_out json;
	size_t nr;
};

static void customer_row(struct table *t, const cJSON *c)
{
	table_add_row(t, NULL);
	table_add_cellf(t, "%ld", json_long(c, "id", 0));
	if (json_bool(c, "disabled", 0))
		table_add_cellf(t, "%s (disabled)", json_string(c, "business_then_name", ""));
	else
		table_add_cell(t, json_string(c, "business_then_name", ""));
	table_add_cell(t, json_string(c, "email", ""));
	table_add_cell(t, json_string(c, "phone", ""));
}

static int take_page(const cJSON *items, void *data)
{
	struct matches *m = data;
	const cJSON *c;

	customer_cache_store(items);
	cJSON_ArrayForEach(c, items) {
		m->nr++;
		if (opt_json)
			json_array_add(&m->json, c);
		else
			customer_row(m->table, c);
	}
	return 0;
}

/* Every customer matching text (NULL: all of them), every page. */
static void list_customers(const char *text)
{
	struct strvec query = STRVEC_INIT;
	struct matches m = { NULL, JSON_ARRAY_OUT_INIT, 0 };

	if (text)
		strvec_pushf(&query, "query=%s", text);
	strvec_push(&query, "include_disabled=true");	/* marked, for their history */
	m.table = table_new(4);
	table_set_flex(m.table, 1, 12);
	table_set_shrink(m.table, 2, 10);
	api_paginate("/customers", &query, "customers", 100, take_page, &m);
	strvec_clear(&query);
	if (opt_json)
		json_array_end(&m.json);
	else
		table_print(m.table);
	table_free(m.table);
	/* Finding nothing is an answer, not an error (as for search). */
	if (!m.nr && text)
		fprintf(stderr, "no customers match '%s'\n", text);
}

static void print_contacts(const cJSON *customer)
{
	const cJSON *contacts = json_get(customer, "contacts"), *c;
	struct table *t;

	if (!cJSON_GetArraySize(contacts)) {
		printf("\ncontacts: none\n");
		return;
	}
	printf("\ncontacts\n");
	t = table_new(4);
	table_set_flex(t, 0, 10);
	cJSON_ArrayForEach(c, contacts) {
		table_add_row(t, NULL);
		table_add_cellf(t, "  %s", json_string(c, "name", ""));
		table_add_cell(t, json_string(c, "properties.title", ""));
		table_add_cell(t, json_string(c, "email", ""));
		table_add_cell(t, json_string(c, "phone", ""));
	}
	table_print(t);
	table_free(t);
}

/* The detail's invoice_links that are not paid: number, date, total. */
static void print_open_invoices(const cJSON *customer)
{
	struct table *t = table_new(3);
	const cJSON *inv;
	struct sbuf sb = SBUF_INIT;

	table_set_align(t, 2, TABLE_RIGHT);
	cJSON_ArrayForEach(inv, json_get(customer, "invoice_links")) {
		char date[11];

		if (json_bool(inv, "is_paid", 0) || json_bool(inv, "took_payment", 0))
			continue;
		snprintf(date, sizeof(date), "%s", json_string(inv, "date", "?"));
		table_add_row(t, NULL);
		table_add_cellf(t, "#%s", json_string(inv, "number", "?"));
		table_add_cell(t, date);
		sbuf_reset(&sb);
		invoice_amount(&sb, invoice_money(inv, "total"));
		table_add_cell(t, sb.buf);
	}
	printf("\nopen invoices\n");
	if (table_rows(t))
		table_print(t);
	else
		printf("none\n");
	table_free(t);
	sbuf_release(&sb);
}

/* Refuse a near-duplicate unless --force; preview; POST; the new id. */
static int create_customer(void)
{
	struct write_plan plan = WRITE_PLAN_INIT;
	struct sbuf name = SBUF_INIT;
	cJSON *dups, *body, *made, *one;
	const cJSON *d;

	if (!opt_new.business && !opt_new.last)
		usage_error(&verb, "'syncro customers create' needs --business or --last");
	new_customer_name(&opt_new, &name);
	dups = customer_near_duplicates(&opt_new);
	if (cJSON_GetArraySize(dups) && !opt_force) {
		fprintf(stderr, "%s: '%s' looks like %s already there; pass --force to create it anyway:\n",
			program_name(), name.buf, cJSON_GetArraySize(dups) == 1 ? "a customer" : "customers");
		cJSON_ArrayForEach(d, dups)
			fprintf(stderr, "  %ld  %s  %s\n", json_long(d, "id", -1),
				json_string(d, "business_then_name", ""), json_string(d, "email", ""));
		cJSON_Delete(dups);
		sbuf_release(&name);
		exit(EXIT_USAGE);
	}
	body = new_customer_body(&opt_new);
	write_plan_say(&plan, "create customer %s%s%s", name.buf, opt_new.email ? ", " : "",
		       opt_new.email ? opt_new.email : "");
	cJSON_ArrayForEach(d, dups)
		write_plan_say(&plan, "  though %ld %s looks the same (--force)", json_long(d, "id", -1),
			       json_string(d, "business_then_name", ""));
	cJSON_Delete(dups);
	write_plan_request(&plan, "POST", "/customers", body);
	write_plan_go(&plan, &verb, opt_dry_run, opt_yes, 0);
	made = api_unwrap(api_post("/customers", body), "customer");
	one = cJSON_CreateArray();
	cJSON_AddItemToArray(one, cJSON_Duplicate(made, 1));
	customer_cache_store(one);
	if (opt_json)
		output_json(made);
	else
		printf("created customer %ld %s\n", json_long(made, "id", -1),
		       json_string(made, "business_then_name", name.buf));
	cJSON_Delete(one);
	cJSON_Delete(made);
	cJSON_Delete(body);
	sbuf_release(&name);
	write_plan_release(&plan);
	return 0;
}

/* GET /customers/ID, then its open tickets. */
static void show_customer(long id)
{
	struct strvec query = STRVEC_INIT;
	char path[64], what[64];
	struct api_request req = { "GET", path, NULL, NULL, what };
	struct api_error err = API_ERROR_INIT;
	struct ticket_list *tl;
	struct table *t;
	cJSON *answer, *customer;

	snprintf(path, sizeof(path), "/customers/%ld", id);
	snprintf(what, sizeof(what), "customer %ld", id);
	if (api_call(&req, &answer, &err))
		api_die(&err);
	customer = api_unwrap(answer, "customer");
	if (opt_json) {
		output_json(customer);
		cJSON_Delete(customer);
		return;
	}
	t = table_new(2);
	output_text(stdout, json_string(customer, "business_then_name", ""), SAFE_ONE_LINE);
	fputs(json_bool(customer, "disabled", 0) ? " (disabled)\n" : "\n", stdout);
	table_add_row(t, NULL);
	table_add_cell(t, "id");
	table_add_cellf(t, "%ld", json_long(customer, "id", id));
	table_add_row(t, NULL);
	table_add_cell(t, "email");
	table_add_cell(t, json_string(customer, "email", ""));
	table_add_row(t, NULL);
	table_add_cell(t, "phone");
	table_add_cell(t, json_string(customer, "phone", ""));
	table_add_row(t, NULL);
	table_add_cell(t, "prepay hours");
	table_add_cell(t, json_string(customer, "prepay_hours", NULL) ? json_string(customer, "prepay_hours", "") : "none");
	table_print(t);
	table_free(t);
	print_contacts(customer);
	print_open_invoices(customer);
	cJSON_Delete(customer);

	printf("\nopen tickets\n");
	fflush(stdout);
	strvec_pushf(&query, "customer_id=%ld", id);
	strvec_push(&query, "status=Not Closed");
	tl = ticket_list_new(TICKET_LIST_OPEN, 0);
	ticket_list_fetch(tl, &query);
	if (!ticket_list_finish(tl))
		printf("none\n");
	strvec_clear(&query);
}

int main(int argc, char **argv)
{
	long id;

	argc = parse_options(&verb, argc, argv);
	if (argc == 1 && !strcmp(argv[0], "create"))
		return create_customer();
	if (opt_new.business || opt_new.first || opt_new.last || opt_new.email || opt_new.phone ||
	    opt_force || opt_dry_run || opt_yes)
		usage_error(&verb, "--business, --first, --last, --email, --phone, --force, --dry-run "
			    "and --yes are for 'syncro customers create'");
	if (argc > 1)
		usage_error(&verb, "one query at a time; quote a name with spaces");
	id = argc ? name_match_id(argv[0]) : -1;
	if (id > 0)
		show_customer(id);
	else
		list_customers(argc && *argv[0] ? argv[0] : NULL);
	return 0;
}
