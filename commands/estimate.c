/*
 * syncro estimate: make an estimate for a job the way the shop does it
 * (a ticket first, named with the config's prefix, then the estimate
 * linked to it, its lines through the estimate's own line endpoint, the
 * purchase notes as a private comment on the ticket), list and show
 * estimates, and approve or decline one. Every write is previewed
 * (--dry-run) and confirmed when the config says `confirm: writes`.
 */
#include "compat.h"
#include <cjson/cJSON.h>
#include <math.h>
#include "api.h"
#include "complete.h"
#include "config.h"
#include "customer-lookup.h"
#include "date.h"
#include "exit-codes.h"
#include "invoice-view.h"
#include "id-cache.h"
#include "json.h"
#include "money.h"
#include "name-match.h"
#include "json-fields.h"
#include "output.h"
#include "parse-options.h"
#include "product-lookup.h"
#include "usage.h"
#include "write-plan.h"
#include "xmalloc.h"

static const char *opt_customer, *opt_subject, *opt_note, *opt_status;
static struct strvec opt_lines = STRVEC_INIT;
static int opt_dry_run, opt_yes;
static const char *sub_given;

/* What completes the operands after each subcommand: an estimate id from the cache. */
static const struct complete_source *const estimate_args[] = { COMPLETE_ESTIMATE, NULL };

static const struct option_spec options[] = {
	OPT_STRING_C(0, "customer", &opt_customer, "NAME|ID", "the customer (create)", COMPLETE_CUSTOMER),
	OPT_STRING(0, "subject", &opt_subject, "TEXT", "what the estimate is for (create)"),
	OPT_LIST(0, "line", &opt_lines, "\"PRODUCT_OR_TEXT QTY [PRICE]\"", "a line; repeat for more (create)", COMPLETE_NONE),
	OPT_STRING(0, "private-note", &opt_note, "TEXT", "purchase notes, a private comment on the ticket (create)"),
	OPT_CHOICE(0, "status", &opt_status, "STATUS", "only estimates of this status (list)", "approved declined"),
	OPT_JSON("print the API's objects as JSON (list, show)"),
	OPT_DRY_RUN(&opt_dry_run),
	OPT_YES(&opt_yes, "send without asking"),
	OPT_SUBCOMMAND("create", &sub_given, NULL, "make one, with its ticket: --customer C --subject S"),
	OPT_SUBCOMMAND("list", &sub_given, NULL, "list estimates"),
	OPT_SUBCOMMAND("show", &sub_given, estimate_args, "one estimate with its lines: ID"),
	OPT_SUBCOMMAND("approve", &sub_given, estimate_args, "mark it approved: ID"),
	OPT_SUBCOMMAND("decline", &sub_given, estimate_args, "mark it declined: ID"),
	OPT_EXAMPLE("syncro estimate list --status approved",
		    "the approved estimates"),
	OPT_EXAMPLE("syncro estimate show 2210001",
		    "one estimate with its lines"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"estimate",
	"syncro estimate create --customer NAME|ID --subject TEXT [--line \"ITEM QTY [PRICE]\"]... [--private-note TEXT]\n"
	"   or: syncro estimate list [--status approved|declined] [--json]\n"
	"   or: syncro estimate show ID [--json]\n"
	"   or: syncro estimate approve ID\n"
	"   or: syncro estimate decline ID",
	"make, list, show, approve and decline estimates", options,
	COMPLETE_NONE,
};

/* A line of --line: a product, or free text with a price. */
struct est_line {
	char *text;		/* as typed, without the numbers */
	cJSON *product;		/* NULL: free text */
	double qty, price;
};

/* What create holds, freed at exit (also after a die()). */
static struct {
	struct est_line *lines;
	size_t nr;
	char *customer_name;
	cJSON *ticket, *estimate, *after, *body;
	struct write_plan plan;
} h = { NULL, 0, NULL, NULL, NULL, NULL, NULL, WRITE_PLAN_INIT };

static void release_held(void)
{
	for (size_t i = 0; i < h.nr; i++) {
		free(h.lines[i].text);
		cJSON_Delete(h.lines[i].product);
	}
	free(h.lines);
	free(h.customer_name);
	cJSON_Delete(h.ticket);
	cJSON_Delete(h.estimate);
	cJSON_Delete(h.after);
	cJSON_Delete(h.body);
	write_plan_release(&h.plan);
	strvec_clear(&opt_lines);
}

static int number_word(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return *s && !*end && !errno && isfinite(*out) && *out >= 0;
}

/* "Cat6 Patch Cable 7ft 2 8.00": the text, then QTY, then maybe PRICE. */
static void parse_line(const char *spec, struct est_line *line)
{
	char *copy = xstrdup(spec), *last = strrchr(copy, ' '), *before;
	double a, b;
	int have_price = 0;

	if (!last || !number_word(last + 1, &a))
		usage_error(&verb, "--line '%s' needs a quantity: \"PRODUCT_OR_TEXT QTY [PRICE]\"", spec);
	*last = '\0';
	before = strrchr(copy, ' ');
	if (before && number_word(before + 1, &b)) {
		*before = '\0';
		line->qty = b;
		line->price = a;
		have_price = 1;
	} else {
		line->qty = a;
	}
	if (!*copy || line->qty <= 0)
		usage_error(&verb, "--line '%s' needs a product or text and a positive quantity", spec);
	line->text = copy;
	line->product = product_find(copy, "--line");
	if (!line->product && !have_price)
		usage_error(&verb, "--line '%s': no product is called '%s'; give a price for a line "
			    "of text, or the product's id", spec, copy);
	if (!have_price)
		line->price = json_double(line->product, "price_retail", 0);
}

static cJSON *line_body(const struct est_line *line)
{
	cJSON *body = cJSON_CreateObject();

	if (line->product) {
		cJSON_AddNumberToObject(body, "product_id", (double)json_long(line->product, "id", -1));
		cJSON_AddStringToObject(body, "item", json_string(line->product, "name", ""));
		cJSON_AddStringToObject(body, "name", json_string(line->product, "description", ""));
	} else {
		cJSON_AddStringToObject(body, "item", line->text);
		cJSON_AddStringToObject(body, "name", line->text);
	}
	cJSON_AddNumberToObject(body, "quantity", line->qty);
	cJSON_AddNumberToObject(body, "price", line->price);
	return body;
}

/* Add est's id for completion to entries: "#2210 · Desert Sun Dental · Approved". */
/* How completion describes est (the caller's to free). */
static char *about(const cJSON *est)
{
	return xstrfmt("#%s · %s · %s", json_string(est, "number", "?"),
		       json_string(est, "customer_business_then_name", ""),
		       json_string(est, "status", ""));
}

static void remember(cJSON *entries, const cJSON *est)
{
	char *text = about(est);

	id_cache_entry(entries, json_long(est, "id", -1), text);
	free(text);
}

static void remember_one(const cJSON *est)
{
	char *text = about(est);

	id_cache_add(ID_CACHE_ESTIMATES, json_long(est, "id", -1), text);
	free(text);
}

/*
 * POST after the ticket is made; a failure says what Syncro holds now (the
 * ticket, and the estimate with lines of its lines when est) and how to go
 * on, as running create again makes another ticket.
 */
static cJSON *post_or_die(const char *path, const cJSON *body, const cJSON *est, size_t lines)
{
	struct api_request req = { "POST", path, NULL, body, NULL };
	struct api_error err = API_ERROR_INIT;
	struct strvec hints = STRVEC_INIT;
	long number = json_long(h.ticket, "number", -1);
	cJSON *out;

	if (!api_call(&req, &out, &err))
		return out;
	if (!est) {
		strvec_pushf(&hints, "ticket #%ld (\"%s\") was made for the estimate and is kept; "
			     "running this again makes another", number, json_string(h.ticket, "subject", ""));
		strvec_pushf(&hints, "make the estimate on #%ld in Syncro, or remove the ticket with "
			     "'syncro delete %ld' and run this again", number, number);
	} else {
		strvec_pushf(&hints, "estimate #%s (id %ld) on ticket #%ld was made with %zu of its "
			     "%zu lines; running this again makes another", json_string(est, "number", "?"),
			     json_long(est, "id", -1), number, lines, h.nr);
		strvec_pushf(&hints, "add the rest in Syncro, and check it with 'syncro estimate show %ld'",
			     json_long(est, "id", -1));
	}
	api_die_hints(&err, &hints);
}

static int cmd_create(void)
{
	const struct syncro_config *cfg = config_get();
	struct sbuf subject = SBUF_INIT, sb = SBUF_INIT, date = SBUF_INIT;
	cJSON *ticket_body = cJSON_CreateObject(), *est_body = cJSON_CreateObject();
	long customer, ticket_id, estimate_id;
	double total = 0;
	char *path;

	if (!opt_customer || !opt_subject || !*opt_subject)
		usage_error(&verb, "'syncro estimate create' needs --customer and --subject");
	customer = customer_lookup_resolve(opt_customer, "--customer", &h.customer_name);
	h.lines = xcalloc(opt_lines.nr + 1, sizeof(*h.lines));
	for (; h.nr < opt_lines.nr; h.nr++)
		parse_line(opt_lines.v[h.nr], &h.lines[h.nr]);
	sbuf_addf(&subject, "%s%s", cfg->estimate_prefix, opt_subject);
	date_addf(&date, "%Y-%m-%d", date_now());

	if (h.customer_name)
		write_plan_say(&h.plan, "create ticket \"%s\" for %s", subject.buf, h.customer_name);
	else
		write_plan_say(&h.plan, "create ticket \"%s\" for customer %ld", subject.buf, customer);
	if (opt_note)
		write_plan_say(&h.plan, "  with the purchase notes as a private comment");
	write_plan_say(&h.plan, "then estimate \"%s\" of %s on that ticket, with %zu line%s%s",
		       opt_subject, date.buf, h.nr, h.nr == 1 ? "" : "s", h.nr ? ":" : "");
	for (size_t i = 0; i < h.nr; i++) {
		struct est_line *l = &h.lines[i];

		sbuf_reset(&sb);
		sbuf_addf(&sb, "%g x %s at ", l->qty, l->product ? json_string(l->product, "name", "?") : l->text);
		invoice_amount(&sb, l->price);
		sbuf_addstr(&sb, " = ");
		invoice_amount(&sb, l->qty * l->price);
		write_plan_say(&h.plan, "  %s%s", sb.buf, l->product ? "" : " (text)");
		total += round(l->qty * l->price * 100) / 100;
	}
	sbuf_reset(&sb);
	invoice_amount(&sb, total);
	write_plan_say(&h.plan, "total %s", sb.buf);
	write_plan_say(&h.plan, "(NEW_TICKET_ID and NEW_ESTIMATE_ID: the ids Syncro gives them)");

	cJSON_AddNumberToObject(ticket_body, "customer_id", (double)customer);
	cJSON_AddStringToObject(ticket_body, "subject", subject.buf);
	if (opt_note) {
		cJSON *comments = cJSON_AddArrayToObject(ticket_body, "comments_attributes");
		cJSON *c = cJSON_CreateObject();

		cJSON_AddStringToObject(c, "subject", "Purchase notes");
		cJSON_AddStringToObject(c, "body", opt_note);
		cJSON_AddTrueToObject(c, "hidden");
		cJSON_AddTrueToObject(c, "do_not_email");
		cJSON_AddItemToArray(comments, c);
	}
	cJSON_AddNumberToObject(est_body, "customer_id", (double)customer);
	cJSON_AddStringToObject(est_body, "date", date.buf);
	cJSON_AddStringToObject(est_body, "name", opt_subject);
	cJSON_AddStringToObject(est_body, "ticket_id", "NEW_TICKET_ID");
	write_plan_request(&h.plan, "POST", "/tickets", ticket_body);
	write_plan_request(&h.plan, "POST", "/estimates", est_body);
	for (size_t i = 0; i < h.nr; i++) {
		cJSON *b = line_body(&h.lines[i]);

		write_plan_request(&h.plan, "POST", "/estimates/NEW_ESTIMATE_ID/line_items", b);
		cJSON_Delete(b);
	}
	write_plan_go(&h.plan, &verb, opt_dry_run, opt_yes, 0);

	h.body = ticket_body;
	h.ticket = api_unwrap(api_post("/tickets", ticket_body), "ticket");
	ticket_id = json_long(h.ticket, "id", -1);
	cJSON_DeleteItemFromObjectCaseSensitive(est_body, "ticket_id");
	cJSON_AddNumberToObject(est_body, "ticket_id", (double)ticket_id);
	cJSON_Delete(h.body);
	h.body = est_body;
	h.estimate = api_unwrap(post_or_die("/estimates", est_body, NULL, 0), "estimate");
	estimate_id = json_long(h.estimate, "id", -1);
	path = xstrfmt("/estimates/%ld/line_items", estimate_id);
	for (size_t i = 0; i < h.nr; i++) {
		cJSON *b = line_body(&h.lines[i]);

		cJSON_Delete(post_or_die(path, b, h.estimate, i));
		cJSON_Delete(b);
	}
	free(path);
	path = xstrfmt("/estimates/%ld", estimate_id);
	h.after = api_unwrap(api_get(path, NULL), "estimate");
	remember_one(h.after);
	free(path);
	if (!money_equal(invoice_money(h.after, "subtotal"), total)) {
		char got[MONEY_MAX], want[MONEY_MAX];

		die("Syncro made estimate #%s on ticket #%ld, but its subtotal is %s, not %s; "
		    "check it with 'syncro estimate show %ld'", json_string(h.estimate, "number", "?"),
		    json_long(h.ticket, "number", -1),
		    money_format(invoice_money(h.after, "subtotal"), got, sizeof(got)),
		    money_format(total, want, sizeof(want)), estimate_id);
	}
	sbuf_reset(&sb);
	invoice_amount(&sb, invoice_money(h.after, "total"));
	printf("created estimate #%s (id %ld) for %s on ticket #%ld, total %s\n",
	       json_string(h.estimate, "number", "?"), estimate_id,
	       json_string(h.after, "customer_business_then_name", "?"),
	       json_long(h.ticket, "number", -1), sb.buf);
	sbuf_release(&subject);
	sbuf_release(&sb);
	sbuf_release(&date);
	return 0;
}

static long id_operand(const char *arg)
{
	long id = name_match_id(arg);

	if (id < 0)
		usage_error(&verb, "'%s' is not an estimate id; 'syncro estimate list' shows them", arg);
	return id;
}

static cJSON *fetch(long id)
{
	char *path = xstrfmt("/estimates/%ld", id);
	struct api_request req = { "GET", path, NULL, NULL, "estimate" };
	struct api_error err = API_ERROR_INIT;
	cJSON *out;

	if (api_call(&req, &out, &err)) {
		free(path);
		if (err.status == 404)
			die_with(EXIT_NOT_FOUND, "estimate %ld not found; 'syncro estimate list' shows them", id);
		api_die(&err);
	}
	free(path);
	out = api_unwrap(out, "estimate");
	remember_one(out);
	return out;
}

static void print_estimate(const cJSON *est)
{
	const cJSON *line;
	struct sbuf sb = SBUF_INIT;
	char date[11];

	snprintf(date, sizeof(date), "%s", json_string(est, "date", "?"));
	printf("estimate #%s (id %ld)  %s  %s  ", json_string(est, "number", "?"),
	       json_long(est, "id", -1), date, json_string(est, "status", "?"));
	output_text(stdout, json_string(est, "customer_business_then_name", ""), SAFE_ONE_LINE);
	putchar('\n');
	printf("name     ");
	output_text(stdout, json_string(est, "name", ""), SAFE_ONE_LINE);
	putchar('\n');
	cJSON_ArrayForEach(line, json_get(est, "line_items")) {
		double qty = invoice_money(line, "quantity"), price = invoice_money(line, "price");

		sbuf_reset(&sb);
		sbuf_addf(&sb, "  %g x %s at ", qty, json_string(line, "item", "?"));
		invoice_amount(&sb, price);
		sbuf_addstr(&sb, " = ");
		invoice_amount(&sb, qty * price);
		output_text(stdout, sb.buf, SAFE_ONE_LINE);
		putchar('\n');
	}
	sbuf_reset(&sb);
	invoice_amount(&sb, invoice_money(est, "total"));
	printf("total    %s\n", sb.buf);
	sbuf_release(&sb);
}

static int cmd_show(long id)
{
	cJSON *est = fetch(id);

	if (opt_json)
		output_json(est);
	else
		print_estimate(est);
	cJSON_Delete(est);
	return 0;
}

struct list_out {
	struct table *t;
	struct json_array_out json;	/* --json: one array of every page's */
};

static int list_page(const cJSON *items, void *data)
{
	struct list_out *out = data;
	struct table *t = out->t;
	const cJSON *est;
	cJSON *entries = cJSON_CreateArray();

	cJSON_ArrayForEach(est, items)
		remember(entries, est);
	id_cache_add_list(ID_CACHE_ESTIMATES, entries);
	cJSON_Delete(entries);
	cJSON_ArrayForEach(est, items) {
		char date[11];

		if (opt_json) {
			json_array_add(&out->json, est);
			continue;
		}
		snprintf(date, sizeof(date), "%s", json_string(est, "date", "?"));
		table_add_row(t, NULL);
		table_add_cellf(t, "%ld", json_long(est, "id", -1));
		table_add_cellf(t, "#%s", json_string(est, "number", "?"));
		table_add_cell(t, date);
		table_add_cell(t, json_string(est, "status", ""));
		table_add_cell(t, json_string(est, "customer_business_then_name", ""));
		table_add_cell(t, json_string(est, "name", ""));
	}
	return 0;
}

static int cmd_list(void)
{
	struct strvec query = STRVEC_INIT;
	struct table *t = table_new(6);
	struct list_out out = { t, JSON_ARRAY_OUT_INIT };

	if (opt_status)
		strvec_pushf(&query, "status=%s", opt_status);
	api_paginate("/estimates", &query, "estimates", 0, list_page, &out);
	if (opt_json)
		json_array_end(&out.json);
	else if (table_rows(t))
		table_print(t);
	else
		fprintf(stderr, "%s: no estimates match\n", program_name());
	table_free(t);
	strvec_clear(&query);
	return 0;
}

static int cmd_set_status(long id, const char *status)
{
	char *path = xstrfmt("/estimates/%ld", id);

	h.estimate = fetch(id);
	h.body = cJSON_CreateObject();
	cJSON_AddStringToObject(h.body, "status", status);
	write_plan_say(&h.plan, "mark estimate #%s (%s) %s, was %s", json_string(h.estimate, "number", "?"),
		       json_string(h.estimate, "customer_business_then_name", "?"), status,
		       json_string(h.estimate, "status", "?"));
	write_plan_request(&h.plan, "PUT", path, h.body);
	write_plan_go(&h.plan, &verb, opt_dry_run, opt_yes, 0);
	h.after = api_unwrap(api_put(path, h.body), "estimate");
	remember_one(h.after);
	free(path);
	if (strcmp(json_string(h.after, "status", ""), status))
		die("Syncro answered, but estimate #%s is %s, not %s", json_string(h.estimate, "number", "?"),
		    json_string(h.after, "status", "?"), status);
	printf("estimate #%s  %s -> %s\n", json_string(h.estimate, "number", "?"),
	       json_string(h.estimate, "status", "?"), status);
	return 0;
}

int main(int argc, char **argv)
{
	const char *sub;

	argc = parse_options(&verb, argc, argv);
	atexit(release_held);
	if (!argc)
		usage_error(&verb, "say what to do: create, list, show, approve or decline");
	sub = argv[0];
	if ((opt_customer || opt_subject || opt_lines.nr || opt_note) && strcmp(sub, "create"))
		usage_error(&verb, "--customer, --subject, --line and --private-note are for create");
	if (opt_status && strcmp(sub, "list"))
		usage_error(&verb, "--status is for list");
	if (!strcmp(sub, "create") && argc == 1)
		return cmd_create();
	if (!strcmp(sub, "list") && argc == 1)
		return cmd_list();
	if (!strcmp(sub, "show") && argc == 2)
		return cmd_show(id_operand(argv[1]));
	if (!strcmp(sub, "approve") && argc == 2)
		return cmd_set_status(id_operand(argv[1]), "Approved");
	if (!strcmp(sub, "decline") && argc == 2)
		return cmd_set_status(id_operand(argv[1]), "Declined");
	usage_error(&verb, "unknown subcommand or wrong arguments: '%s'", sub);
}
