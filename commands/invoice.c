/*
 * syncro invoice: the invoices of the account, listed and shown, and
 * corrected: a note, a line added or removed, the invoice emailed or
 * deleted. Every change is previewed (--dry-run), asked for when the config
 * says `confirm: writes` (a delete always asks), and read back: the API
 * answers a failed delete with 200, so only a GET says what happened.
 */
#include "compat.h"
#include <cjson/cJSON.h>
#include <math.h>
#include "api.h"
#include "customer-lookup.h"
#include "exit-codes.h"
#include "invoice-view.h"
#include "json.h"
#include "name-match.h"
#include "output.h"
#include "parse-options.h"
#include "usage.h"
#include "write-plan.h"
#include "xmalloc.h"

static const char *opt_customer, *opt_since, *opt_message, *opt_product, *opt_quantity, *opt_price;
static int opt_unpaid, opt_json, opt_dry_run, opt_yes;

static const struct option_spec options[] = {
	OPT_STRING_C(0, "customer", &opt_customer, "NAME|ID", "only this customer's invoices (list)", COMPLETE_CUSTOMER),
	OPT_BOOL(0, "unpaid", &opt_unpaid, "only the unpaid ones (list)"),
	OPT_STRING(0, "since", &opt_since, "DATE", "only those changed since DATE, YYYY-MM-DD (list)"),
	OPT_STRING('m', "message", &opt_message, "TEXT", "the note (note)"),
	OPT_STRING(0, "product", &opt_product, "ID|NAME", "the line's product (line add)"),
	OPT_STRING(0, "quantity", &opt_quantity, "QTY", "the line's quantity, default 1 (line add)"),
	OPT_STRING(0, "price", &opt_price, "PRICE", "the line's price, default the product's (line add)"),
	OPT_BOOL(0, "json", &opt_json, "print the API's objects as JSON (list, show)"),
	OPT_BOOL('n', "dry-run", &opt_dry_run, "say what would change and print the requests, send none"),
	OPT_BOOL('y', "yes", &opt_yes, "send without asking (a delete asks otherwise)"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"invoice",
	"syncro invoice list [--customer NAME|ID] [--unpaid] [--since DATE] [--json]\n"
	"   or: syncro invoice show N [--json]\n"
	"   or: syncro invoice note N -m TEXT\n"
	"   or: syncro invoice line add N --product ID|NAME [--quantity QTY] [--price PRICE]\n"
	"   or: syncro invoice line rm N LINE\n"
	"   or: syncro invoice email N\n"
	"   or: syncro invoice rm N",
	"list, show and correct invoices", options,
	COMPLETE_INVOICE,
};

/* Options that only some subcommands take. */
static void only_for(const char *sub, const char *allowed)
{
	static const struct {
		const char *name;
		const void *set;
	} given[] = {
		{ "--customer", &opt_customer }, { "--unpaid", &opt_unpaid },
		{ "--since", &opt_since }, { "--message", &opt_message },
		{ "--product", &opt_product }, { "--quantity", &opt_quantity },
		{ "--price", &opt_price }, { "--json", &opt_json },
		{ "--dry-run", &opt_dry_run }, { "--yes", &opt_yes },
	};

	for (size_t i = 0; i < ARRAY_SIZE(given); i++) {
		int set = given[i].set == &opt_unpaid || given[i].set == &opt_json ||
			given[i].set == &opt_dry_run || given[i].set == &opt_yes ?
			*(const int *)given[i].set : *(const char *const *)given[i].set != NULL;
		char word[32];

		snprintf(word, sizeof(word), " %s ", given[i].name);
		if (set && !strstr(allowed, word))
			usage_error(&verb, "'syncro invoice %s' does not take %s", sub, given[i].name);
	}
}

static void need_operands(int argc, int want, const char *sub)
{
	if (argc != want)
		usage_error(&verb, "'syncro invoice %s' takes %d argument%s", sub, want - 1,
			    want == 2 ? "" : "s");
}

/* A quantity or price: a plain decimal number, positive (or zero for a price). */
static double number_option(const char *value, const char *option, int zero_ok)
{
	char *end;
	double d;

	errno = 0;
	d = strtod(value, &end);
	if (errno || end == value || *end || !isfinite(d) || d < 0 || (!zero_ok && d == 0))
		usage_error(&verb, "'%s' is not a %s number for %s", value,
			    zero_ok ? "positive or zero" : "positive", option);
	return d;
}

static void print_amount(const char *label, double amount)
{
	struct sbuf sb = SBUF_INIT;

	invoice_amount(&sb, amount);
	printf("%s%s\n", label, sb.buf);
	sbuf_release(&sb);
}

/* ---- list and show ---- */

struct list_state {
	struct table *t;
	struct json_array_out json;
	int n;
};

static int list_page(const cJSON *items, void *data)
{
	struct list_state *ls = data;
	const cJSON *inv;

	invoice_cache_add_list(items);
	cJSON_ArrayForEach(inv, items) {
		if (opt_json)
			json_array_add(&ls->json, inv);
		else
			invoice_table_add(ls->t, inv);
		ls->n++;
	}
	return 0;
}

static int cmd_list(void)
{
	struct strvec query = STRVEC_INIT;
	struct list_state ls = { NULL, JSON_ARRAY_OUT_INIT, 0 };
	time_t since;

	if (opt_customer)
		strvec_pushf(&query, "customer_id=%ld", customer_resolve(opt_customer, "--customer", NULL));
	if (opt_unpaid)
		strvec_push(&query, "unpaid=true");
	if (opt_since) {
		if (parse_timestamp(opt_since, &since) < 0)
			usage_error(&verb, "invalid date '%s' for --since; use YYYY-MM-DD", opt_since);
		strvec_pushf(&query, "since_updated_at=%s", opt_since);
	}
	ls.t = invoice_table_new();
	api_paginate("/invoices", &query, "invoices", 0, list_page, &ls);
	if (opt_json)
		json_array_end(&ls.json);
	else if (ls.n)
		table_print(ls.t);
	else
		fprintf(stderr, "%s: no invoices match\n", program_name());
	table_free(ls.t);
	strvec_clear(&query);
	return 0;
}

static int cmd_show(const char *arg)
{
	cJSON *inv = invoice_fetch(arg), *ticket;

	if (opt_json) {
		output_json(inv);
		cJSON_Delete(inv);
		return 0;
	}
	ticket = invoice_ticket(inv);
	invoice_print_detail(inv, ticket);
	cJSON_Delete(ticket);
	cJSON_Delete(inv);
	return 0;
}

/* ---- writes ---- */

static char *invoice_path(const cJSON *inv, const char *suffix)
{
	return xstrfmt("/invoices/%ld%s", json_long(inv, "id", -1), suffix);
}

/* The read-back did not show the change: say so (inv is freed) and exit 1. */
static _Noreturn void fail_check(cJSON *inv, const char *why)
{
	char number[64];

	snprintf(number, sizeof(number), "%s", json_string(inv, "number", "?"));
	cJSON_Delete(inv);
	die("Syncro answered, but invoice #%s does not show the change: %s; check it with "
	    "'syncro invoice show %s' before trying again", number, why, number);
}

/* GET the invoice again by id (after a write), unwrapped; NULL on a 404. */
static cJSON *read_back(const cJSON *inv)
{
	struct api_error err = API_ERROR_INIT;
	char *path = invoice_path(inv, "");
	struct api_request req = { "GET", path, NULL, NULL, NULL };
	cJSON *out;

	if (api_call(&req, &out, &err)) {
		if (err.status != 404)
			api_die(&err);
		api_error_release(&err);
		out = NULL;
	}
	free(path);
	return api_unwrap(out, "invoice");
}

static int cmd_note(const char *arg)
{
	cJSON *inv = invoice_fetch(arg), *body = cJSON_CreateObject(), *after;
	struct write_plan plan = WRITE_PLAN_INIT;
	struct sbuf what = SBUF_INIT;
	char *path = invoice_path(inv, "");
	const char *was = json_string(inv, "note", NULL);

	if (!opt_message)
		usage_error(&verb, "'syncro invoice note' needs -m TEXT");
	invoice_describe(inv, &what);
	write_plan_say(&plan, "set the note of %s", what.buf);
	write_plan_say(&plan, "  from: %s", was && *was ? was : "(none)");
	write_plan_say(&plan, "  to:   %s", opt_message);
	cJSON_AddStringToObject(body, "note", opt_message);
	write_plan_request(&plan, "PUT", path, body);
	write_plan_go(&plan, &verb, opt_dry_run, opt_yes, 0);
	after = api_unwrap(api_put(path, body), "invoice");
	if (strcmp(json_string(after, "note", ""), opt_message)) {
		cJSON_Delete(after);
		fail_check(inv, "the note is not the one sent");
	}
	printf("noted invoice #%s\n", json_string(inv, "number", "?"));
	cJSON_Delete(after);
	cJSON_Delete(body);
	cJSON_Delete(inv);
	sbuf_release(&what);
	write_plan_release(&plan);
	free(path);
	return 0;
}

/* The product of --product: an id (GET /products/ID) or a name matching one product. */
static cJSON *find_product(const char *arg)
{
	long id = parse_id(arg);
	struct strvec query = STRVEC_INIT;
	cJSON *found, *match = NULL;
	const cJSON *p;
	int n = 0;

	if (id > 0) {
		char *path = xstrfmt("/products/%ld", id);
		struct api_request req = { "GET", path, NULL, NULL, NULL };
		struct api_error err = API_ERROR_INIT;

		if (api_call(&req, &found, &err)) {
			if (err.status == 404)
				die_with(EXIT_NOT_FOUND, "product %ld not found", id);
			api_die(&err);
		}
		free(path);
		return api_unwrap(found, "product");
	}
	strvec_pushf(&query, "name=%s", arg);
	found = api_get("/products", &query);
	cJSON_ArrayForEach(p, json_get(found, "products")) {
		if (!strcasecmp(json_string(p, "name", ""), arg)) {
			match = (cJSON *)p;
			n = 1;
			break;
		}
		match = (cJSON *)p;
		n++;
	}
	if (n != 1) {
		fprintf(stderr, "%s: product '%s' %s; pass its id with --product%s\n", program_name(),
			arg, n ? "is ambiguous" : "not found", n ? ":" : "");
		cJSON_ArrayForEach(p, json_get(found, "products"))
			fprintf(stderr, "  %ld  %s\n", json_long(p, "id", -1), json_string(p, "name", ""));
		exit(n ? EXIT_USAGE : EXIT_NOT_FOUND);
	}
	match = cJSON_Duplicate(match, 1);
	cJSON_Delete(found);
	strvec_clear(&query);
	return match;
}

/* Within half a cent. */
static int same_money(double a, double b)
{
	return fabs(a - b) < 0.005;
}

static int cmd_line_add(const char *arg)
{
	cJSON *inv = invoice_fetch(arg), *product, *body = cJSON_CreateObject(), *after;
	struct write_plan plan = WRITE_PLAN_INIT;
	struct sbuf what = SBUF_INIT, amount = SBUF_INIT, total = SBUF_INIT;
	char *path = invoice_path(inv, "/line_items");
	double qty = opt_quantity ? number_option(opt_quantity, "--quantity", 0) : 1, price;
	double before = invoice_money(inv, "subtotal");

	if (!opt_product)
		usage_error(&verb, "'syncro invoice line add' needs --product ID|NAME");
	product = find_product(opt_product);
	price = opt_price ? number_option(opt_price, "--price", 1) : invoice_money(product, "price_retail");
	invoice_describe(inv, &what);
	invoice_amount(&amount, price);
	invoice_amount(&total, qty * price);
	write_plan_say(&plan, "add to %s:", what.buf);
	write_plan_say(&plan, "  %g x %s at %s = %s%s", qty, json_string(product, "name", "?"),
		       amount.buf, total.buf, opt_price ? "" : " (the product's price)");
	cJSON_AddNumberToObject(body, "product_id", (double)json_long(product, "id", -1));
	cJSON_AddStringToObject(body, "item", json_string(product, "name", ""));
	cJSON_AddStringToObject(body, "name", json_string(product, "description", ""));
	cJSON_AddNumberToObject(body, "quantity", qty);
	cJSON_AddNumberToObject(body, "price", price);
	cJSON_AddNumberToObject(body, "cost", invoice_money(product, "price_cost"));
	cJSON_AddBoolToObject(body, "taxable", json_bool(product, "taxable", 0));
	write_plan_request(&plan, "POST", path, body);
	write_plan_go(&plan, &verb, opt_dry_run, opt_yes, 0);
	cJSON_Delete(api_post(path, body));
	after = read_back(inv);
	if (!after || !same_money(invoice_money(after, "subtotal"), before + qty * price)) {
		char why[128];

		snprintf(why, sizeof(why), "its subtotal is %.2f, not %.2f + %.2f",
			 invoice_money(after, "subtotal"), before, qty * price);
		cJSON_Delete(after);
		cJSON_Delete(product);
		fail_check(inv, why);
	}
	printf("added %g x %s at %s = %s to invoice #%s\n", qty, json_string(product, "name", "?"),
	       amount.buf, total.buf, json_string(inv, "number", "?"));
	print_amount("total now ", invoice_money(after, "total"));
	invoice_cache_add(after);
	cJSON_Delete(after);
	cJSON_Delete(product);
	cJSON_Delete(body);
	cJSON_Delete(inv);
	sbuf_release(&what);
	sbuf_release(&amount);
	sbuf_release(&total);
	write_plan_release(&plan);
	free(path);
	return 0;
}

static const cJSON *find_line(const cJSON *inv, long id)
{
	const cJSON *line;

	cJSON_ArrayForEach(line, json_get(inv, "line_items"))
		if (json_long(line, "id", -1) == id)
			return line;
	return NULL;
}

static void describe_line(const cJSON *line, struct sbuf *out)
{
	double qty = invoice_money(line, "quantity"), price = invoice_money(line, "price");

	sbuf_addf(out, "line %ld, %g x %s at ", json_long(line, "id", -1), qty,
		  json_string(line, "item", "?"));
	invoice_amount(out, price);
	sbuf_addstr(out, " = ");
	invoice_amount(out, qty * price);
}

static int cmd_line_rm(const char *arg, const char *line_arg)
{
	cJSON *inv = invoice_fetch(arg), *after;
	struct write_plan plan = WRITE_PLAN_INIT;
	struct sbuf what = SBUF_INIT, which = SBUF_INIT;
	long id = parse_id(line_arg);
	const cJSON *line;
	char *suffix, *path;
	double amount;

	if (id < 0)
		usage_error(&verb, "'%s' is not a line id; 'syncro invoice show %s' shows them",
			    line_arg, arg);
	line = find_line(inv, id);
	if (!line)
		die_with(EXIT_NOT_FOUND, "invoice #%s has no line %ld; 'syncro invoice show %s' "
			 "shows its lines", json_string(inv, "number", "?"), id, arg);
	amount = invoice_money(line, "quantity") * invoice_money(line, "price");
	suffix = xstrfmt("/line_items/%ld", id);
	path = invoice_path(inv, suffix);
	invoice_describe(inv, &what);
	describe_line(line, &which);
	write_plan_say(&plan, "remove from %s:", what.buf);
	write_plan_say(&plan, "  %s", which.buf);
	write_plan_request(&plan, "DELETE", path, NULL);
	write_plan_go(&plan, &verb, opt_dry_run, opt_yes, 0);
	cJSON_Delete(api_delete(path));
	after = read_back(inv);
	if (!after || find_line(after, id) ||
	    !same_money(invoice_money(after, "subtotal"), invoice_money(inv, "subtotal") - amount)) {
		char why[128];

		snprintf(why, sizeof(why), "line %ld is still there or the subtotal did not drop by %.2f",
			 id, amount);
		cJSON_Delete(after);
		fail_check(inv, why);
	}
	printf("removed %s from invoice #%s\n", which.buf, json_string(inv, "number", "?"));
	print_amount("total now ", invoice_money(after, "total"));
	invoice_cache_add(after);
	cJSON_Delete(after);
	cJSON_Delete(inv);
	sbuf_release(&what);
	sbuf_release(&which);
	write_plan_release(&plan);
	free(suffix);
	free(path);
	return 0;
}

static int cmd_email(const char *arg)
{
	cJSON *inv = invoice_fetch(arg);
	struct write_plan plan = WRITE_PLAN_INIT;
	struct sbuf what = SBUF_INIT;
	char *path = invoice_path(inv, "/email");

	invoice_describe(inv, &what);
	write_plan_say(&plan, "email %s to the customer", what.buf);
	write_plan_request(&plan, "POST", path, NULL);
	write_plan_go(&plan, &verb, opt_dry_run, opt_yes, 0);
	cJSON_Delete(api_post(path, NULL));
	printf("emailed invoice #%s to %s\n", json_string(inv, "number", "?"),
	       json_string(inv, "customer_business_then_name", "the customer"));
	cJSON_Delete(inv);
	sbuf_release(&what);
	write_plan_release(&plan);
	free(path);
	return 0;
}

/*
 * Delete, then read back: DELETE /invoices/{id} answers 200 whether or
 * not it deleted. What the API cannot undo is said, not hidden: the
 * ticket's lines stay marked as invoiced.
 */
static int cmd_rm(const char *arg)
{
	cJSON *inv = invoice_fetch(arg), *ticket = invoice_ticket(inv), *after;
	struct write_plan plan = WRITE_PLAN_INIT;
	struct sbuf what = SBUF_INIT;
	char *path = invoice_path(inv, "");
	const char *number = json_string(inv, "number", "?");

	invoice_describe(inv, &what);
	write_plan_say(&plan, "delete %s", what.buf);
	if (ticket)
		write_plan_say(&plan, "  made from ticket #%ld, whose lines stay marked as invoiced",
			       json_long(ticket, "number", -1));
	if (invoice_is_paid(inv))
		write_plan_say(&plan, "  it is paid: Syncro may refuse to delete it");
	write_plan_request(&plan, "DELETE", path, NULL);
	write_plan_go(&plan, &verb, opt_dry_run, opt_yes, 1);
	cJSON_Delete(api_delete(path));
	after = read_back(inv);
	if (after) {
		struct sbuf msg = SBUF_INIT;

		sbuf_addf(&msg, "Syncro answered the delete, but invoice #%s is still there (%s): "
			  "nothing was deleted; %s", number, invoice_is_paid(after) ? "paid" : "unpaid",
			  invoice_is_paid(after) ? "a paid invoice must have its payment removed first, in the web app" :
			  "see why in the web app");
		cJSON_Delete(after);
		cJSON_Delete(ticket);
		cJSON_Delete(inv);
		die("%s", msg.buf);
	}
	invoice_cache_forget(number);
	printf("deleted %s\n", what.buf);
	if (ticket) {
		printf("ticket #%ld keeps its lines marked as invoiced: the Syncro API cannot make them\n"
		       "billable again, so a new invoice from it would be empty; add the work again\n"
		       "('syncro time add %ld ...' or 'syncro bill %ld') or bill it in the web app\n",
		       json_long(ticket, "number", -1), json_long(ticket, "number", -1),
		       json_long(ticket, "number", -1));
	}
	cJSON_Delete(ticket);
	cJSON_Delete(inv);
	sbuf_release(&what);
	write_plan_release(&plan);
	free(path);
	return 0;
}

int main(int argc, char **argv)
{
	const char *sub;

	set_program_name("syncro invoice");
	argc = parse_options(&verb, argc, argv);
	if (!argc)
		usage_error(&verb, "say what to do: list, show, note, line, email or rm");
	sub = argv[0];
	if (!strcmp(sub, "list")) {
		need_operands(argc, 1, sub);
		only_for(sub, " --customer --unpaid --since --json ");
		return cmd_list();
	}
	if (!strcmp(sub, "show")) {
		need_operands(argc, 2, sub);
		only_for(sub, " --json ");
		return cmd_show(argv[1]);
	}
	if (!strcmp(sub, "note")) {
		need_operands(argc, 2, sub);
		only_for(sub, " --message --dry-run --yes ");
		return cmd_note(argv[1]);
	}
	if (!strcmp(sub, "line") && argc >= 2 && !strcmp(argv[1], "add")) {
		need_operands(argc - 1, 2, "line add");
		only_for("line add", " --product --quantity --price --dry-run --yes ");
		return cmd_line_add(argv[2]);
	}
	if (!strcmp(sub, "line") && argc >= 2 && !strcmp(argv[1], "rm")) {
		need_operands(argc - 1, 3, "line rm");
		only_for("line rm", " --dry-run --yes ");
		return cmd_line_rm(argv[2], argv[3]);
	}
	if (!strcmp(sub, "line"))
		usage_error(&verb, "'syncro invoice line' takes add or rm");
	if (!strcmp(sub, "email")) {
		need_operands(argc, 2, sub);
		only_for(sub, " --dry-run --yes ");
		return cmd_email(argv[1]);
	}
	if (!strcmp(sub, "rm")) {
		need_operands(argc, 2, sub);
		only_for(sub, " --dry-run --yes ");
		return cmd_rm(argv[1]);
	}
	usage_error(&verb, "unknown subcommand '%s'; use list, show, note, line, email or rm", sub);
}
