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
#include "complete.h"
#include "customer-lookup.h"
#include "exit-codes.h"
#include "invoice-view.h"
#include "json.h"
#include "money.h"
#include "name-match.h"
#include "json-fields.h"
#include "output.h"
#include "product-lookup.h"
#include "parse-options.h"
#include "usage.h"
#include "write-plan.h"
#include "xmalloc.h"

static const char *opt_customer, *opt_since, *opt_message, *opt_product, *opt_quantity, *opt_price;
static int opt_unpaid, opt_dry_run, opt_yes;
static const char *sub;

/* "line add|rm": the words after line. */
static int line_words(const char *values, const char *prefix)
{
	(void)values;
	if (starts_with("add", prefix))
		complete_candidate("add", "add a line: N --product ID|NAME");
	if (starts_with("rm", prefix))
		complete_candidate("rm", "remove a line: N LINE");
	return DIRECTIVE_NO_FILE;
}

static const struct complete_source line_source = { line_words };
/* What completes the operands after each subcommand: the invoice, or the line's word then it. */
static const struct complete_source *const invoice_args[] = { COMPLETE_INVOICE, NULL };
static const struct complete_source *const line_args[] = { &line_source, COMPLETE_INVOICE, NULL };

static const struct option_spec options[] = {
	OPT_STRING_C(0, "customer", &opt_customer, "NAME|ID", "only this customer's invoices (list)", COMPLETE_CUSTOMER),
	OPT_BOOL(0, "unpaid", &opt_unpaid, "only the unpaid ones (list)"),
	OPT_STRING(0, "since", &opt_since, "DATE", "only those changed since DATE, YYYY-MM-DD (list)"),
	OPT_STRING('m', "message", &opt_message, "TEXT", "the note (note)"),
	OPT_STRING(0, "product", &opt_product, "ID|NAME", "the line's product (line add)"),
	OPT_STRING(0, "quantity", &opt_quantity, "QTY", "the line's quantity, default 1 (line add)"),
	OPT_STRING(0, "price", &opt_price, "PRICE", "the line's price, default the product's (line add)"),
	OPT_JSON("print the API's objects as JSON (list, show)"),
	OPT_DRY_RUN(&opt_dry_run),
	OPT_YES(&opt_yes, "send without asking (a delete asks otherwise)"),
	OPT_SUBCOMMAND("list", &sub, NULL, "list invoices"),
	OPT_SUBCOMMAND("show", &sub, invoice_args, "one invoice: N"),
	OPT_SUBCOMMAND("note", &sub, invoice_args, "add a note: N -m TEXT"),
	OPT_SUBCOMMAND("line", &sub, line_args, "add or remove a line: add|rm N ..."),
	OPT_SUBCOMMAND("email", &sub, invoice_args, "email it to the customer: N"),
	OPT_SUBCOMMAND("rm", &sub, invoice_args, "delete it: N"),
	OPT_EXAMPLE("syncro invoice list --unpaid --customer \"copper state\"",
		    "a customer's unpaid invoices"),
	OPT_EXAMPLE("syncro invoice line add 1045 --product 4471206 --quantity 2",
		    "add two of a product to invoice 1045"),
	OPT_EXAMPLE("syncro invoice rm 1045 --dry-run",
		    "show the delete without sending it"),
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
	COMPLETE_NONE,
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
		int set = given[i].set == &opt_unpaid ||
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

	cJSON *named, *it;

	ls->n += cJSON_GetArraySize(items);
	if (opt_json) {
		cJSON_ArrayForEach(inv, items)
			json_array_add(&ls->json, inv);
		return 0;
	}
	/* for people (and completion): with the customer's name */
	named = cJSON_Duplicate(items, 1);
	cJSON_ArrayForEach(it, named) {
		invoice_name_customer(it);
		invoice_table_add(ls->t, it);
	}
	invoice_cache_add_list(named);
	cJSON_Delete(named);
	return 0;
}

static int cmd_list(void)
{
	struct strvec query = STRVEC_INIT;
	struct list_state ls = { NULL, JSON_ARRAY_OUT_INIT, 0 };
	time_t since;

	if (opt_customer)
		strvec_pushf(&query, "customer_id=%ld", customer_lookup_history(opt_customer, "--customer", NULL));
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

/*
 * What a write holds while it runs, freed at exit (also after a die()):
 * the invoice as it was and as read back, the request's path and body,
 * the plan and the phrases that describe the change.
 */
static struct {
	cJSON *inv, *after, *body, *product, *ticket;
	char *path;
	struct sbuf what, detail;
	struct write_plan plan;
} h = { NULL, NULL, NULL, NULL, NULL, NULL, SBUF_INIT, SBUF_INIT, WRITE_PLAN_INIT };

static void release_held(void)
{
	cJSON_Delete(h.inv);
	cJSON_Delete(h.after);
	cJSON_Delete(h.body);
	cJSON_Delete(h.product);
	cJSON_Delete(h.ticket);
	free(h.path);
	sbuf_release(&h.what);
	sbuf_release(&h.detail);
	write_plan_release(&h.plan);
}

/* Fetch the invoice of the operand into h, with its description and the path of suffix. */
static void hold_invoice(const char *arg, const char *suffix)
{
	h.inv = invoice_fetch(arg);
	h.path = xstrfmt("/invoices/%ld%s", json_long(h.inv, "id", -1), suffix);
	invoice_describe(h.inv, &h.what);
}

static const char *number(void)
{
	return json_string(h.inv, "number", "?");
}

/* The read-back did not show the change: say so and exit 1. */
static _Noreturn void fail_check(const char *why)
{
	die("Syncro answered, but invoice #%s does not show the change: %s; check it with "
	    "'syncro invoice show %s' before trying again", number(), why, number());
}

/* GET the invoice again by id (after a write) into h.after; NULL on a 404. */
static const cJSON *read_back(void)
{
	struct api_error err = API_ERROR_INIT;
	char *path = xstrfmt("/invoices/%ld", json_long(h.inv, "id", -1));
	struct api_request req = { "GET", path, NULL, NULL, NULL };
	cJSON *out;

	if (api_call(&req, &out, &err)) {
		free(path);
		if (err.status != 404)
			api_die(&err);
		api_error_release(&err);
		return NULL;
	}
	free(path);
	h.after = api_unwrap(out, "invoice");
	invoice_cache_add(h.after);
	return h.after;
}

static int cmd_note(const char *arg)
{
	const char *was;

	if (!opt_message)
		usage_error(&verb, "'syncro invoice note' needs -m TEXT");
	hold_invoice(arg, "");
	was = json_string(h.inv, "note", NULL);
	write_plan_say(&h.plan, "set the note of %s", h.what.buf);
	write_plan_say(&h.plan, "  from: %s", was && *was ? was : "(none)");
	write_plan_say(&h.plan, "  to:   %s", opt_message);
	h.body = cJSON_CreateObject();
	cJSON_AddStringToObject(h.body, "note", opt_message);
	write_plan_request(&h.plan, "PUT", h.path, h.body);
	write_plan_go(&h.plan, &verb, opt_dry_run, opt_yes, 0);
	h.after = api_unwrap(api_put(h.path, h.body), "invoice");
	if (strcmp(json_string(h.after, "note", ""), opt_message))
		fail_check("the note is not the one sent");
	printf("noted invoice #%s\n", number());
	return 0;
}

/* Within half a cent. */

/* Within half a cent. */
static int cmd_line_add(const char *arg)
{
	double qty = opt_quantity ? number_option(opt_quantity, "--quantity", 0) : 1, before;
	double price = opt_price ? number_option(opt_price, "--price", 1) : 0;
	struct sbuf amount = SBUF_INIT, total = SBUF_INIT;
	const cJSON *after;
	char why[160];

	if (!opt_product)
		usage_error(&verb, "'syncro invoice line add' needs --product ID|NAME");
	hold_invoice(arg, "/line_items");
	before = invoice_money(h.inv, "subtotal");
	h.product = product_resolve(opt_product, "--product");
	if (!opt_price)
		price = invoice_money(h.product, "price_retail");
	invoice_amount(&amount, price);
	invoice_amount(&total, qty * price);
	sbuf_addf(&h.detail, "%g x %s at %s = %s", qty, json_string(h.product, "name", "?"),
		  amount.buf, total.buf);
	sbuf_release(&amount);
	sbuf_release(&total);
	write_plan_say(&h.plan, "add to %s:", h.what.buf);
	write_plan_say(&h.plan, "  %s%s", h.detail.buf, opt_price ? "" : " (the product's price)");
	h.body = cJSON_CreateObject();
	cJSON_AddNumberToObject(h.body, "product_id", (double)json_long(h.product, "id", -1));
	cJSON_AddStringToObject(h.body, "item", json_string(h.product, "name", ""));
	cJSON_AddStringToObject(h.body, "name", json_string(h.product, "description", ""));
	cJSON_AddNumberToObject(h.body, "quantity", qty);
	cJSON_AddNumberToObject(h.body, "price", price);
	cJSON_AddNumberToObject(h.body, "cost", invoice_money(h.product, "price_cost"));
	cJSON_AddBoolToObject(h.body, "taxable", json_bool(h.product, "taxable", 0));
	write_plan_request(&h.plan, "POST", h.path, h.body);
	write_plan_go(&h.plan, &verb, opt_dry_run, opt_yes, 0);
	cJSON_Delete(api_post(h.path, h.body));
	after = read_back();
	if (!after || !money_equal(invoice_money(after, "subtotal"), before + qty * price)) {
		char got[MONEY_MAX], was[MONEY_MAX], added[MONEY_MAX];

		snprintf(why, sizeof(why), "its subtotal is %s, not %s + %s",
			 money_format(invoice_money(after, "subtotal"), got, sizeof(got)),
			 money_format(before, was, sizeof(was)),
			 money_format(qty * price, added, sizeof(added)));
		fail_check(why);
	}
	printf("added %s to invoice #%s\n", h.detail.buf, number());
	print_amount("total now ", invoice_money(after, "total"));
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
	long id = name_match_id(line_arg);
	const cJSON *line, *after;
	double amount;
	char suffix[64], why[160];

	if (id < 0)
		usage_error(&verb, "'%s' is not a line id; 'syncro invoice show %s' shows them",
			    line_arg, arg);
	snprintf(suffix, sizeof(suffix), "/line_items/%ld", id);
	hold_invoice(arg, suffix);
	line = find_line(h.inv, id);
	if (!line)
		die_with(EXIT_NOT_FOUND, "invoice #%s has no line %ld; 'syncro invoice show %s' "
			 "shows its lines", number(), id, arg);
	amount = invoice_money(line, "quantity") * invoice_money(line, "price");
	describe_line(line, &h.detail);
	write_plan_say(&h.plan, "remove from %s:", h.what.buf);
	write_plan_say(&h.plan, "  %s", h.detail.buf);
	write_plan_request(&h.plan, "DELETE", h.path, NULL);
	write_plan_go(&h.plan, &verb, opt_dry_run, opt_yes, 0);
	cJSON_Delete(api_delete(h.path));
	after = read_back();
	if (!after || find_line(after, id) ||
	    !money_equal(invoice_money(after, "subtotal"), invoice_money(h.inv, "subtotal") - amount)) {
		char dropped[MONEY_MAX];

		snprintf(why, sizeof(why), "line %ld is still there or the subtotal did not drop by %s",
			 id, money_format(amount, dropped, sizeof(dropped)));
		fail_check(why);
	}
	printf("removed %s from invoice #%s\n", h.detail.buf, number());
	print_amount("total now ", invoice_money(after, "total"));
	return 0;
}

static int cmd_email(const char *arg)
{
	hold_invoice(arg, "/email");
	write_plan_say(&h.plan, "email %s to the customer", h.what.buf);
	/* an empty JSON body: a write without one is refused as not JSON */
	h.body = cJSON_CreateObject();
	write_plan_request(&h.plan, "POST", h.path, h.body);
	write_plan_go(&h.plan, &verb, opt_dry_run, opt_yes, 0);
	cJSON_Delete(api_post(h.path, h.body));
	printf("emailed invoice #%s to %s\n", number(),
	       json_string(h.inv, "customer_business_then_name", "the customer"));
	return 0;
}

/*
 * Delete, then read back: DELETE /invoices/{id} answers 200 whether or
 * not it deleted. What the API cannot undo is said, not hidden: the
 * ticket's lines stay marked as invoiced.
 */
static int cmd_rm(const char *arg)
{
	const cJSON *after;
	long ticket;

	hold_invoice(arg, "");
	h.ticket = invoice_ticket(h.inv);
	ticket = json_long(h.ticket, "number", -1);
	write_plan_say(&h.plan, "delete %s", h.what.buf);
	if (h.ticket)
		write_plan_say(&h.plan, "  made from ticket #%ld, whose lines stay marked as invoiced",
			       ticket);
	if (invoice_is_paid(h.inv))
		write_plan_say(&h.plan, "  it is paid: Syncro may refuse to delete it");
	write_plan_request(&h.plan, "DELETE", h.path, NULL);
	write_plan_go(&h.plan, &verb, opt_dry_run, opt_yes, 1);
	cJSON_Delete(api_delete(h.path));
	after = read_back();
	if (after)
		die("Syncro answered the delete, but invoice #%s is still there (%s): "
		    "nothing was deleted; %s", number(), invoice_is_paid(after) ? "paid" : "unpaid",
		    invoice_is_paid(after) ? "a paid invoice must have its payment removed first, in the web app" :
		    "see why in the web app");
	invoice_cache_forget(number());
	printf("deleted %s\n", h.what.buf);
	if (h.ticket)
		printf("ticket #%ld keeps its lines marked as invoiced: the Syncro API cannot make them\n"
		       "billable again, so a new invoice from it would be empty; add the work again\n"
		       "('syncro time add %ld ...' or 'syncro bill %ld') or bill it in the web app\n",
		       ticket, ticket, ticket);
	return 0;
}

int main(int argc, char **argv)
{
	const char *sub;

	argc = parse_options(&verb, argc, argv);
	atexit(release_held);
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
