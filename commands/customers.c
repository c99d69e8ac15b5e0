/*
 * syncro customers [QUERY|ID]: the customers that match, or one customer
 * with its contacts and open tickets.
 */
#include "compat.h"
#include "api.h"
#include "complete.h"
#include "customer-cache.h"
#include "json.h"
#include "name-match.h"
#include "output.h"
#include "parse-options.h"
#include "table.h"
#include "ticket-list.h"
#include "usage.h"
#include "xmalloc.h"

static int opt_json;

static const struct option_spec options[] = {
	OPT_BOOL(0, "json", &opt_json, "print the customers (or the one customer) as JSON"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"customers", "syncro customers [options] [QUERY|ID]",
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
	putchar('\n');
	table_add_row(t, NULL);
	table_add_cell(t, "id");
	table_add_cellf(t, "%ld", json_long(customer, "id", id));
	table_add_row(t, NULL);
	table_add_cell(t, "email");
	table_add_cell(t, json_string(customer, "email", ""));
	table_add_row(t, NULL);
	table_add_cell(t, "phone");
	table_add_cell(t, json_string(customer, "phone", ""));
	table_print(t);
	table_free(t);
	print_contacts(customer);
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
	if (argc > 1)
		usage_error(&verb, "one query at a time; quote a name with spaces");
	id = argc ? parse_id(argv[0]) : -1;
	if (id > 0)
		show_customer(id);
	else
		list_customers(argc && *argv[0] ? argv[0] : NULL);
	return 0;
}
