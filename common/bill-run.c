#include "compat.h"
#include "interrupt.h"
#include <math.h>
#include "api.h"
#include "cache.h"
#include "bill-run.h"
#include "date.h"
#include "draft.h"
#include "invoice.h"
#include "money.h"
#include "name-match.h"
#include "product.h"
#include "table.h"
#include "ticket-settings.h"
#include "json.h"
#include "output.h"
#include "prefetch.h"
#include "prompt.h"
#include "usage.h"
#include "xmalloc.h"

/* A journal that cannot be written stops the run: it could not be resumed. */
static int mark(struct bill *b, const char *step, enum step_state state, struct api_error *err)
{
	if (!journal_mark(&b->j, step, state))
		return 0;
	return api_error_set(err, EXIT_ERROR, 0, xstrfmt("stopped billing #%ld before the %s step: its "
						      "journal cannot be saved", b->number, step),
			     xstrdup("make $XDG_STATE_HOME/syncro writable, then run it again"));
}

static void progress(const char *fmt, ...) PRINTF_LIKE(1, 2);
static void progress(const char *fmt, ...)
{
	struct sbuf line = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&line, fmt, ap);
	va_end(ap);
	output_text(stderr, line.buf, SAFE_ONE_LINE);	/* invoice numbers come from the API */
	fputc('\n', stderr);
	sbuf_release(&line);
}

void bill_init(struct bill *b, long number, int with_comment)
{
	const struct syncro_config *cfg = config_get();

	memset(b, 0, sizeof(*b));
	b->number = number;
	b->with_comment = with_comment;
	b->method = cfg->billing;
	b->labor.number = b->comment.number = number;
	b->labor.charge = 1;
	b->comment.subject = "Update";
	b->comment.do_not_email = !cfg->email_comments;
	b->prepay_hours = -1;
	b->status = cfg->billing_status;
}

void bill_release(struct bill *b)
{
	cJSON_Delete(b->ticket);
	cJSON_Delete(b->invoice);
	journal_release(&b->j);
	free(b->first_line);
	memset(b, 0, sizeof(*b));
}

static long number_of(const cJSON *v)
{
	return cJSON_IsNumber(v) ? json_long(v, "", 0) : 0;
}

static long max_id(const cJSON *ticket, const char *field)
{
	const cJSON *item;
	long max = 0;

	cJSON_ArrayForEach(item, json_get(ticket, field))
		if (json_long(item, "id", 0) > max)
			max = json_long(item, "id", 0);
	return max;
}

void bill_describe_done(const struct journal *j, struct sbuf *sb)
{
	const cJSON *v;
	size_t start = sb->len;
#define SEP (sb->len > start ? ", " : "")

	if (journal_get_long(j, "comment", "id", 0) > 0)
		sbuf_addf(sb, "%scomment %ld posted", SEP, journal_get_long(j, "comment", "id", 0));
	if (journal_get_long(j, "labor", "timer_id", 0) > 0)
		sbuf_addf(sb, "%stimer %ld recorded", SEP, journal_get_long(j, "labor", "timer_id", 0));
	if (journal_get_long(j, "labor", "line_id", 0) > 0)
		sbuf_addf(sb, "%sline item %ld added", SEP, journal_get_long(j, "labor", "line_id", 0));
	if (journal_state(j, "charge") == STEP_DONE)
		sbuf_addf(sb, "%stimer %ld charged (line item %ld)", SEP,
			  journal_get_long(j, "labor", "timer_id", 0),
			  journal_get_long(j, "charge", "line_id", 0));
	cJSON_ArrayForEach(v, journal_get_json(j, "charge_others", "charged"))
		sbuf_addf(sb, "%stimer %ld charged", SEP, number_of(v));
	if (journal_get_long(j, "invoice", "id", 0) > 0)
		sbuf_addf(sb, "%sinvoice %s made", SEP, journal_get_string(j, "invoice", "number"));
	if (journal_state(j, "verify") == STEP_DONE)
		sbuf_addf(sb, "%sinvoice checked", SEP);
	if (journal_state(j, "status") == STEP_DONE)
		sbuf_addf(sb, "%sstatus %s", SEP, config_get()->billing_status);
#undef SEP
}

static int snapshot_invoices(struct bill *b, struct api_error *err)
{
	cJSON *found, *ids = cJSON_CreateArray();
	const cJSON *inv;

	if (invoice_find_for_ticket(b->ticket_id, b->customer_id, &found, err)) {
		cJSON_Delete(ids);
		return -1;
	}
	cJSON_ArrayForEach(inv, found) {
		cJSON *one = cJSON_CreateObject();

		cJSON_AddNumberToObject(one, "id", (double)json_long(inv, "id", 0));
		cJSON_AddStringToObject(one, "number", json_string(inv, "number", "?"));
		cJSON_AddItemToArray(ids, one);
	}
	cJSON_Delete(found);
	journal_set_json(&b->j, "start", "invoices", ids);
	return 0;
}

/* The steps of a bill's journal, in their order. */
static const char *const bill_steps[] = {
	"start", "comment", "labor", "charge", "charge_others", "invoice", "verify", "status", NULL
};

static void read_ahead(const struct bill *b)
{
	struct api_error ignored = API_ERROR_INIT;
	struct ticket_cache cache;
	const struct cached_ticket *t;
	long product;

	api_ticket_want(b->number);
	/* The snapshot of its invoices (a first run's), when the cache knows its customer. */
	if (!journal_exists(&b->j)) {
		if (!ticket_cache_load(&cache) && (t = ticket_cache_find(&cache, b->number)) &&
		    t->customer_id > 0)
			invoice_want_for_ticket(t->id, t->customer_id);
		ticket_cache_release(&cache);
	}
	ticket_settings_want();
	if (b->labor_ahead && !labor_product(b->labor_ahead, &product, &ignored))
		product_want(product);
	api_error_release(&ignored);	/* a wrong alias is said where it is asked */
	prefetch_send();
}

int bill_start(struct bill *b, struct api_error *err)
{
	cJSON *t;

	if (journal_load_steps(&b->j, "bill", b->number, bill_steps) < 0)
		return api_error_set(err, EXIT_ERROR, 0,
				     xstrfmt("cannot bill #%ld now", b->number), NULL);
	read_ahead(b);
	if (api_ticket_get_gently(b->number, &t, err))
		return -1;
	b->ticket = t;
	b->ticket_id = json_long(b->ticket, "id", -1);
	b->customer_id = json_long(b->ticket, "customer_id", -1);
	b->customer = json_string(b->ticket, "customer_business_then_name", "");
	b->resuming = journal_exists(&b->j);
	interrupt_note("interrupted; run 'syncro bill %ld' again: it resumes where this one "
		       "stopped", b->number);
	if (b->resuming) {
		struct sbuf done = SBUF_INIT;

		bill_describe_done(&b->j, &done);
		progress("resuming the bill of #%ld begun %s; done already: %s", b->number,
			 json_string(b->j.root, "started_at", "?"), done.len ? done.buf : "nothing");
		sbuf_release(&done);
		return 0;
	}
	journal_begin(&b->j, NULL);
	journal_set_long(&b->j, "start", "comment_max", max_id(b->ticket, "comments"));
	journal_set_long(&b->j, "start", "timer_max", max_id(b->ticket, "ticket_timers"));
	journal_set_long(&b->j, "start", "line_max", max_id(b->ticket, "line_items"));
	return snapshot_invoices(b, err);
}

int bill_refuse_invoiced(struct bill *b, int force, struct api_error *err)
{
	const cJSON *invoices = journal_get_json(&b->j, "start", "invoices"), *inv;
	const char *status = json_string(b->ticket, "status", "");
	struct sbuf why = SBUF_INIT;

	if (cJSON_GetArraySize(invoices)) {
		sbuf_addf(&why, "ticket #%ld already has invoice", b->number);
		cJSON_ArrayForEach(inv, invoices)
			sbuf_addf(&why, "%s %s", inv == invoices->child ? "" : ",",
				  json_string(inv, "number", "?"));
		if (strcasecmp(status, "Invoiced"))
			sbuf_addf(&why, " (status %s)", status);
	} else if (!strcasecmp(status, "Invoiced") || !strcasecmp(status, b->status)) {
		sbuf_addf(&why, "ticket #%ld is already %s", b->number, status);
	} else {
		return 0;
	}
	if (force) {
		warning("%s; billing it again (--force)", why.buf);
		sbuf_release(&why);
		return 0;
	}
	return api_error_set(err, EXIT_ERROR, 0, sbuf_detach(&why, NULL),
			     xstrdup("bill it again anyway with --force"));
}

const char *bill_option(const struct bill *b, const char *key)
{
	return b->resuming ? json_string(journal_options(&b->j), key, NULL) : NULL;
}

const char *bill_draft(const struct bill *b)
{
	return journal_get_string(&b->j, "comment", "draft");
}

int bill_comment_done(const struct bill *b)
{
	return journal_state(&b->j, "comment") == STEP_DONE;
}

char *bill_read_draft(const char *path)
{
	struct sbuf sb = SBUF_INIT;

	if (sbuf_read_file(&sb, path) < 0) {
		error_errno("cannot read the draft '%s' of the work notes", path);
		sbuf_release(&sb);
		return NULL;
	}
	sbuf_trim(&sb);
	return sbuf_detach(&sb, NULL);
}

int bill_set_options(struct bill *b, const char *notes, struct api_error *err)
{
	cJSON *now = cJSON_CreateObject();
	struct sbuf why = SBUF_INIT;
	char digest[17], text[32];

	b->comment.body = notes;
	free(b->first_line);
	b->first_line = notes ? labor_first_line(notes)
		: xstrdup(journal_get_string(&b->j, "comment", "first_line") ?
			  journal_get_string(&b->j, "comment", "first_line") : "");
	b->labor.notes = b->first_line;
	cJSON_AddBoolToObject(now, "comment", b->with_comment);
	if (b->with_comment) {
		snprintf(text, sizeof(text), "%ld", b->labor.minutes);
		cJSON_AddStringToObject(now, "minutes", text);
		snprintf(text, sizeof(text), "%ld", b->labor.product_id);
		cJSON_AddStringToObject(now, "labor", text);
		cJSON_AddStringToObject(now, "method", config_billing_method_name(b->method));
		if (notes && !b->dry_run) {
			journal_digest(notes, digest);
			cJSON_AddStringToObject(now, "notes", digest);
		}
	}
	if (!b->resuming) {
		journal_set_options(&b->j, now);
		return 0;
	}
	if (!journal_options_differ(&b->j, now, &why)) {
		cJSON_Delete(now);
		sbuf_release(&why);
		return 0;
	}
	cJSON_Delete(now);
	if (why.len && why.buf[why.len - 1] == '\n')
		sbuf_setlen(&why, why.len - 1);
	api_error_set(err, EXIT_USAGE, 0,
		      xstrfmt("the unfinished bill of #%ld began with other options:\n%s",
			      b->number, why.buf),
		      xstrfmt("leave them out to take the journal's, or forget the journal with "
			      "'syncro bill --abandon %ld'", b->number));
	sbuf_release(&why);
	return -1;
}


/* ---- before anything is sent ---- */

static void prepaid_words(const struct bill *b, struct sbuf *sb);

int bill_check_status(struct bill *b, struct api_error *err)
{
	struct strvec statuses = STRVEC_INIT;
	struct sbuf list = SBUF_INIT;
	long i;

	ticket_settings_strings(ticket_settings(), "ticket_status_list", &statuses);
	if ((i = name_match_equal(&statuses, config_get()->billing_status)) >= 0) {
		static char *found;

		free(found);
		found = xstrdup(statuses.v[i]);
		b->status = found;
		strvec_clear(&statuses);
		return 0;
	}
	name_match_join(&list, &statuses);
	strvec_clear(&statuses);
	api_error_set(err, EXIT_USAGE, 0,
		  xstrfmt("the account has no status '%s' for billing.status; nothing was sent",
			  config_get()->billing_status),
		  xstrfmt("set billing.status in the config to one of: %s", list.buf));
	sbuf_release(&list);
	return -1;
}

long bill_logged_minutes(const struct bill *b)
{
	return labor_uninvoiced_minutes(b->ticket);
}

static void add_expected(cJSON *expect, long product_id, const char *name, double quantity,
			 double price, const char *source)
{
	cJSON *one = cJSON_CreateObject();

	cJSON_AddNumberToObject(one, "product_id", (double)product_id);
	cJSON_AddStringToObject(one, "name", name ? name : "");
	cJSON_AddNumberToObject(one, "quantity", quantity);
	cJSON_AddNumberToObject(one, "price", price);
	cJSON_AddStringToObject(one, "source", source);
	cJSON_AddItemToArray(expect, one);
}

/* The customer's prepay_hours: on the ticket's customer, else GET /customers/ID. */
static int read_prepaid(struct bill *b, struct api_error *err)
{
	const cJSON *embedded = json_get(b->ticket, "customer");
	char path[64];
	struct api_request req = { "GET", path, NULL, NULL, "the customer" };
	cJSON *c;

	if (json_get(embedded, "prepay_hours")) {
		b->prepay_hours = json_double(embedded, "prepay_hours", 0);
		return 0;
	}
	snprintf(path, sizeof(path), "/customers/%ld", b->customer_id);
	if (api_call(&req, &c, err))
		return -1;
	c = api_unwrap(c, "customer");
	b->prepay_hours = json_double(c, "prepay_hours", 0);
	cJSON_Delete(c);
	return 0;
}

/*
 * The expected labor lines that prepaid hours may pay: *hours their
 * quantity, *amount their worth at the price sent, *lines how many.
 */
static void prepaid_labor(const struct bill *b, double *hours, double *amount, int *lines)
{
	const cJSON *e;

	*hours = *amount = 0;
	*lines = 0;
	cJSON_ArrayForEach(e, journal_get_json(&b->j, "invoice", "expect"))
		if (config_labor_alias(json_long(e, "product_id", -1)) &&
		    json_double(e, "price", 0) > 0) {
			*hours += json_double(e, "quantity", 0);
			*amount += money_round(json_double(e, "quantity", 0) * json_double(e, "price", 0));
			(*lines)++;
		}
}

/*
 * Hours of the expected labor the prepaid hours are known to cover: all
 * of it when it fits in them (reported: a $0 invoice, the hours drop by
 * the quantity), else 0: what Syncro does with labor beyond the balance
 * is not known (syncro-api.md §14 row 9), so nothing is claimed.
 */
static double covered_hours(const struct bill *b)
{
	double hours, amount;
	int lines;

	prepaid_labor(b, &hours, &amount, &lines);
	return b->prepay_hours > 0 && hours > 0 && hours <= b->prepay_hours + 0.005 ? hours : 0;
}

/* The labor is more than the prepaid hours: Syncro decides what they cover. */
static int prepaid_unknown(const struct bill *b)
{
	double hours, amount;
	int lines;

	prepaid_labor(b, &hours, &amount, &lines);
	return b->prepay_hours > 0 && hours > b->prepay_hours + 0.005;
}

/* The most hours an invoice's 0.00 labor lines may take: the balance, or the labor. */
static double prepaid_bound(const struct bill *b)
{
	double hours, amount;
	int lines;

	prepaid_labor(b, &hours, &amount, &lines);
	return b->prepay_hours > 0 ? (hours < b->prepay_hours ? hours : b->prepay_hours) : 0;
}

/* A line of the invoice to be must be money: a quantity and price past the bounds are an answer no bill can hold. */
static int check_amount(const struct bill *b, const cJSON *e, struct api_error *err)
{
	double amount, quantity = json_double(e, "quantity", 0), price = json_double(e, "price", 0);
	char money[MONEY_MAX], limit[MONEY_MAX];

	if (!money_line(quantity, price, &amount))
		return 0;
	return api_error_set(err, EXIT_NETWORK, 0,
			 xstrfmt("%s of ticket #%ld is %.15g x %s, past what a bill can hold "
				 "(%.0f x, %s at most): a malformed answer; nothing was sent",
				 json_string(e, "source", "a line"), b->number, quantity,
				 money_format(price, money, sizeof(money)), QUANTITY_LIMIT,
				 money_format(MONEY_LIMIT, limit, sizeof(limit))),
			 xstrfmt("correct the line in Syncro, then run 'syncro bill %ld' again",
				 b->number));
}

/* A line worth 0: fine when its product costs 0 or prepaid hours cover it, else an error. */
static int explain_zero(struct bill *b, const cJSON *e, struct api_error *err)
{
	const struct product *p;
	char price[MONEY_MAX];

	if (json_double(e, "price", 0) > 0)
		return 0;
	if (product_get(json_long(e, "product_id", -1), &p, err))
		return -1;
	if (p->price_retail <= 0 || !strcmp(json_string(e, "source", ""), "rate")) {
		progress("%s '%s' is priced 0.00: that line bills nothing",
			 !strcmp(json_string(e, "source", ""), "rate") ? "the labor table's rate for" :
			 "product", p->name);
		return 0;
	}
	return api_error_set(err, EXIT_ERROR, 0,
			 xstrfmt("%s of ticket #%ld is priced 0.00 but product %ld '%s' costs %s; "
				 "an invoice now would bill nothing for it; nothing was sent",
				 json_string(e, "source", "a line"), b->number, p->id, p->name,
				 money_format(p->price_retail, price, sizeof(price))),
			 xstrfmt("fix the line's price in Syncro, then run 'syncro bill %ld' again",
				 b->number));
}

int bill_prepare(struct bill *b, struct api_error *err)
{
	cJSON *expect;
	const cJSON *item, *e;
	int timer_method = b->method != BILLING_LINE_ITEM;

	if (b->labor.minutes > 0) {
		char product[MONEY_MAX], table[MONEY_MAX];

		if (labor_price(b->labor_name, &b->labor, err))
			return -1;
		if (timer_method && !money_equal(b->labor.price, b->labor.product_price))
			return api_error_set(err, EXIT_USAGE, 0,
					 xstrfmt("billing.method %s bills the product's price (%s), "
						 "not the labor table's %s; nothing was sent",
						 config_billing_method_name(b->method),
						 money_format(b->labor.product_price, product, sizeof(product)),
						 money_format(b->labor.price, table, sizeof(table))),
					 xstrdup("bill it with billing.method line-item"));
	}
	if (read_prepaid(b, err))
		return -1;
	if (journal_get_json(&b->j, "invoice", "expect"))
		return 0;	/* a resume: the first run's lines */
	expect = cJSON_CreateArray();
	cJSON_ArrayForEach(item, json_get(b->ticket, "line_items")) {
		char what[64];

		if (json_bool(item, "converted", 0))
			continue;
		snprintf(what, sizeof(what), "line item %ld", json_long(item, "id", 0));
		add_expected(expect, json_long(item, "product_id", -1), json_string(item, "name", ""),
			     json_double(item, "quantity", 0), json_double(item, "price_retail", 0), what);
	}
	cJSON_ArrayForEach(e, journal_get_json(&b->j, "charge_others", "timers")) {
		const cJSON *timer = labor_find_id(b->ticket, "ticket_timers", (long)e->valuedouble);
		const struct product *p;
		char what[64];

		if (product_get(json_long(timer, "product_id", -1), &p, err)) {
			cJSON_Delete(expect);
			return -1;
		}
		snprintf(what, sizeof(what), "timer %ld", json_long(timer, "id", 0));
		add_expected(expect, p->id, p->name, labor_hours(labor_timer_minutes(timer)),
			     p->price_retail, what);
	}
	if (b->with_comment && b->labor.minutes > 0)
		add_expected(expect, b->labor.product_id, b->labor.product_name,
			     labor_hours(b->labor.minutes), b->labor.price,
			     b->labor.rate != b->labor.product_price ? "rate" : "the new labor");
	journal_set_json(&b->j, "invoice", "expect", expect);
	if (!cJSON_GetArraySize(expect))
		return api_error_set(err, EXIT_ERROR, 0,
				 xstrfmt("ticket #%ld has no labor to invoice", b->number),
				 xstrfmt("give the minutes with 'syncro bill %ld --minutes N'", b->number));
	cJSON_ArrayForEach(e, expect)
		if (check_amount(b, e, err) || explain_zero(b, e, err))
			return -1;
	if (b->prepay_hours > 0 && !b->dry_run) {
		struct sbuf words = SBUF_INIT;

		prepaid_words(b, &words);
		progress("%s", words.buf);	/* said before anything is sent */
		sbuf_release(&words);
	}
	return 0;
}

static double expected_total(const struct bill *b)
{
	const cJSON *e;
	double total = 0;

	cJSON_ArrayForEach(e, journal_get_json(&b->j, "invoice", "expect"))
		total += money_round(json_double(e, "quantity", 0) * json_double(e, "price", 0));
	return total;
}

static void prepaid_words(const struct bill *b, struct sbuf *sb)
{
	double covered = covered_hours(b), hours, amount;
	int lines;

	prepaid_labor(b, &hours, &amount, &lines);
	if (b->prepay_hours <= 0)
		sbuf_addstr(sb, "prepaid hours: none");
	else if (covered > 0)
		sbuf_addf(sb, "covered by prepaid hours: %.2f h left, %.2f h used", b->prepay_hours,
			  covered);
	else if (prepaid_unknown(b) && lines == 1)
		sbuf_addf(sb, "%.2f h prepaid; the %.2f h line is more than that: Syncro decides "
			  "what it covers", b->prepay_hours, hours);
	else if (prepaid_unknown(b))
		sbuf_addf(sb, "%.2f h prepaid; the %d labor lines (%.2f h) are more than that: "
			  "Syncro decides what it covers", b->prepay_hours, lines, hours);
	else
		sbuf_addf(sb, "prepaid hours: %.2f h left", b->prepay_hours);
}

void bill_print_preview(const struct bill *b, FILE *fp)
{
	struct table *t = table_new(4);
	struct sbuf prepaid = SBUF_INIT;
	const cJSON *e;
	char money[MONEY_MAX];
	double hours, amount, covered;
	int lines;

	table_set_flex(t, 0, 10);
	for (int i = 1; i < 4; i++)
		table_set_align(t, i, TABLE_RIGHT);
	table_add_row(t, NULL);
	table_add_cell(t, "PRODUCT");
	table_add_cell(t, "HOURS");
	table_add_cell(t, "PRICE");
	table_add_cell(t, "AMOUNT");
	cJSON_ArrayForEach(e, journal_get_json(&b->j, "invoice", "expect")) {
		double qty = json_double(e, "quantity", 0), price = json_double(e, "price", 0);

		table_add_row(t, NULL);
		table_add_cell(t, json_string(e, "name", ""));
		table_add_cellf(t, "%.2f", qty);
		table_add_cell(t, money_format(price, money, sizeof(money)));
		table_add_cell(t, money_format(qty * price, money, sizeof(money)));
	}
	prepaid_labor(b, &hours, &amount, &lines);
	if ((covered = covered_hours(b)) > 0) {	/* known: the prepaid hours pay all the labor */
		table_add_row(t, NULL);
		table_add_cell(t, "prepaid hours");
		table_add_cellf(t, "%.2f", -covered);
		table_add_cell(t, "");
		table_add_cell(t, money_format(-amount, money, sizeof(money)));
	}
	table_add_row(t, NULL);
	table_add_cell(t, prepaid_unknown(b) ? "total before prepaid hours" : "total");
	table_add_cell(t, "");
	table_add_cell(t, "");
	table_add_cell(t, money_format(expected_total(b) - (covered > 0 ? amount : 0), money,
				       sizeof(money)));
	{
		struct sbuf out = SBUF_INIT;

		table_render(t, &out, 0, 0);
		fputs(out.buf, fp);
		sbuf_release(&out);
	}
	table_free(t);
	prepaid_words(b, &prepaid);
	fprintf(fp, "%s\n", prepaid.buf);
	sbuf_release(&prepaid);
}

/* ---- step 4's question ---- */

int bill_ask_charge(struct bill *b, int yes, struct api_error *err)
{
	cJSON *ids;
	const cJSON *timer;
	long minutes = 0;
	int n = 0, agreed = 1;
	char question[160];

	(void)err;
	if (b->resuming)
		return 0;
	ids = cJSON_CreateArray();
	cJSON_ArrayForEach(timer, json_get(b->ticket, "ticket_timers")) {
		if (json_bool(timer, "recorded", 0))
			continue;
		cJSON_AddItemToArray(ids, cJSON_CreateNumber((double)json_long(timer, "id", 0)));
		minutes = labor_minutes_add(minutes, labor_timer_minutes(timer));
		n++;
	}
	if (n && !yes) {
		snprintf(question, sizeof(question), "Charge %d %suncharged timer%s (%ld minutes) on #%ld?",
			 n, b->with_comment ? "more " : "", n == 1 ? "" : "s", minutes, b->number);
		switch (prompt_yes_no(question, 1, &agreed)) {
		case PROMPT_OK:
			break;
		case PROMPT_EOF:
			die("aborting the bill of #%ld: no answer", b->number);
		default:
			prompt_die_missing("--yes (to charge the uncharged timers)");
		}
	}
	if (!agreed) {
		cJSON_Delete(ids);
		ids = cJSON_CreateArray();
	}
	journal_set_json(&b->j, "charge_others", "timers", ids);
	return 0;
}

/* ---- the steps ---- */

/* A comment newer than the first run saw, with these notes: a post whose answer was lost. */
static long posted_comment(const struct bill *b)
{
	long after = journal_get_long(&b->j, "start", "comment_max", 0);
	const cJSON *c;

	if (!b->comment.body)
		return 0;
	cJSON_ArrayForEach(c, json_get(b->ticket, "comments"))
		if (json_long(c, "id", 0) > after &&
		    !strcmp(json_string(c, "body", ""), b->comment.body))
			return json_long(c, "id", 0);
	return 0;
}

/* The notes kept as a draft until Syncro has the comment. */
static int keep_draft(struct bill *b, struct api_error *err)
{
	char *path;

	if (bill_draft(b) || !b->comment.body)
		return 0;
	if (!(path = draft_save(b->number, b->comment.body)))
		/* nothing is sent, nor lost: the text is printed, as comment does */
		return api_error_set(err, EXIT_ERROR, 0,
				     xstrfmt("not billing #%ld without a draft of the work notes; "
					     "your text follows\n%s", b->number, b->comment.body),
				     NULL);
	journal_set_string(&b->j, "comment", "draft", path);
	free(path);
	return 0;
}

static int step_comment(struct bill *b, struct api_error *err)
{
	enum step_state state = journal_state(&b->j, "comment");
	const char *draft = bill_draft(b);
	long id = journal_get_long(&b->j, "comment", "id", 0);
	int ret;

	if (state == STEP_DONE)
		return 0;
	if (state == STEP_STARTED && (id > 0 || (id = posted_comment(b)) > 0)) {
		if (!labor_find_id(b->ticket, "comments", id))
			return api_error_set(err, EXIT_ERROR, 0,
					     xstrfmt("Syncro answered with comment %ld, but ticket #%ld "
						     "does not hold it", id, b->number),
					     xstrdup("look at the ticket before you bill it again"));
		progress("comment %ld was posted before its answer was lost", id);
		goto done;
	}
	if (keep_draft(b, err))
		return -1;
	draft = bill_draft(b);
	journal_set_string(&b->j, "comment", "first_line", b->first_line);
	if (mark(b, "comment", STEP_STARTED, err))
		return -1;
	ret = comment_post(&b->comment, b->method == BILLING_COMMENT && b->labor.minutes > 0 ?
			   &b->labor : NULL, &id, err);
	if (id > 0)
		journal_set_long(&b->j, "comment", "id", id);
	if (ret) {
		journal_save(&b->j);
		return -1;
	}
	progress("posted comment %ld on #%ld", id, b->number);
done:
	journal_set_long(&b->j, "comment", "id", id);
	if (mark(b, "comment", STEP_DONE, err))
		return -1;
	if ((draft = bill_draft(b)))
		draft_delete(draft);
	return 0;
}

/* A timer or line of the product newer than the first run saw: a post whose answer was lost. */
static long posted_labor(const struct bill *b, const char *field, const char *start_key)
{
	long after = journal_get_long(&b->j, "start", start_key, 0), found = 0;
	const cJSON *item;

	/* A timer by its duration only: a tenant may have put another product on it. */
	cJSON_ArrayForEach(item, json_get(b->ticket, field))
		if (json_long(item, "id", 0) > after &&
		    (!strcmp(field, "ticket_timers") ? labor_timer_minutes(item) == b->labor.minutes :
		     json_long(item, "product_id", -1) == b->labor.product_id))
			found = json_long(item, "id", 0);
	return found;
}

/*
 * The timer this bill recorded has a product other than the one sent
 * (an account that puts its default labor product on timers, §14 row 5):
 * -1 with err saying what the ticket holds and how to go on, the journal
 * marked so that no hint promises a resume, and --abandon refuses while
 * the timer is there uncharged. 0 when its product is right.
 */
static int refuse_wrong_timer(struct bill *b, const cJSON *timer, struct api_error *err)
{
	long id = json_long(timer, "id", 0);
	char *message;

	if (json_long(timer, "product_id", -1) == b->labor.product_id)
		return 0;
	api_error_release(err);
	labor_check_timer(b->number, timer, b->labor.product_id, b->labor.minutes, err);
	message = xstrfmt("%s: this account put its own product on the timer; %snothing was "
			  "charged or invoiced", err->message,
			  bill_comment_done(b) ? "" : "the comment is not posted and ");
	free(err->message);
	err->message = message;
	free(err->hint);
	err->hint = xstrfmt("timer %ld stays on #%ld, uncharged: remove it with 'syncro time rm "
			    "%ld %ld', forget this bill with 'syncro bill --abandon %ld', then bill "
			    "it with billing.method line-item ('syncro config set billing.method "
			    "line-item'), which sends the product and its price on a line",
			    id, b->number, b->number, id, b->number);
	journal_set_long(&b->j, "labor", "wrong_product", json_long(timer, "product_id", -1));
	journal_save(&b->j);
	return -1;
}

/* After a timer's check failed: the timer as the ticket holds it, refused if its product is wrong. */
static int check_new_timer(struct bill *b, long id, struct api_error *err)
{
	struct api_error read_err = API_ERROR_INIT;
	cJSON *ticket;
	const cJSON *timer;
	int ret = 0;

	if (labor_read_ticket(b->number, &ticket, &read_err)) {
		api_error_release(&read_err);
		return 0;	/* the check's own error stands */
	}
	if ((timer = labor_find_id(ticket, "ticket_timers", id)))
		ret = refuse_wrong_timer(b, timer, err);
	cJSON_Delete(ticket);
	return ret;
}

static int step_labor(struct bill *b, struct api_error *err)
{
	enum step_state state = journal_state(&b->j, "labor");
	int timer = b->method != BILLING_LINE_ITEM;
	const char *key = timer ? "timer_id" : "line_id";
	long id = journal_get_long(&b->j, "labor", key, 0);
	int ret;

	if (state == STEP_DONE || b->labor.minutes <= 0)
		return 0;
	/* The timer refused for its product was removed: record the time again. */
	if (timer && state == STEP_STARTED && journal_get_long(&b->j, "labor", "wrong_product", 0) &&
	    !labor_find_id(b->ticket, "ticket_timers", id)) {
		progress("timer %ld is no longer on #%ld", id, b->number);
		journal_set_long(&b->j, "labor", "wrong_product", 0);
		journal_set_long(&b->j, "labor", "timer_id", 0);
		journal_set_long(&b->j, "start", "timer_max", max_id(b->ticket, "ticket_timers"));
		id = 0;
		state = STEP_NONE;
	}
	if (b->method != BILLING_COMMENT && state == STEP_STARTED &&
	    (id > 0 || (id = timer ? posted_labor(b, "ticket_timers", "timer_max")
			: posted_labor(b, "line_items", "line_max")) > 0)) {
		const cJSON *made = labor_find_id(b->ticket, timer ? "ticket_timers" : "line_items", id);

		journal_set_long(&b->j, "labor", key, id);
		/* Never a second one, and never one with the wrong product charged. */
		if (timer && made && (refuse_wrong_timer(b, made, err) ||
				      labor_check_timer(b->number, made, b->labor.product_id,
							b->labor.minutes, err))) {
			journal_save(&b->j);
			return -1;
		}
		progress("%s %ld was recorded before its answer was lost",
			 timer ? "timer" : "line item", id);
		goto done;
	}
	/* The comment's time was ignored and then recorded by hand: take that line. */
	if (b->method == BILLING_COMMENT && state == STEP_STARTED &&
	    (id = posted_labor(b, "line_items", "line_max")) > 0) {
		progress("line item %ld holds the time", id);
		journal_set_long(&b->j, "labor", "line_id", id);
		return mark(b, "labor", STEP_DONE, err);
	}
	if (mark(b, "labor", STEP_STARTED, err))
		return -1;
	if (b->method == BILLING_COMMENT)
		ret = labor_comment_time(&b->labor, journal_get_long(&b->j, "comment", "id", 0),
					 &id, err);
	else if (timer)
		ret = labor_timer_add(&b->labor, &id, err);
	else
		ret = labor_line_add(&b->labor, &id, err);
	if (id > 0)
		journal_set_long(&b->j, "labor", key, id);
	if (ret) {
		if (b->method == BILLING_TIMER && id > 0)
			check_new_timer(b, id, err);
		journal_save(&b->j);
		return -1;
	}
	progress("recorded %ld minutes of product %ld as %s %ld", b->labor.minutes,
		 b->labor.product_id, timer ? "timer" : "line item", id);
done:
	journal_set_long(&b->j, "labor", key, id);
	return mark(b, "labor", STEP_DONE, err);
}

/* The line a timer was charged onto, when the ticket as read says it is charged; else 0. */
static long charged_line(const struct bill *b, long timer_id)
{
	const cJSON *timer = labor_find_id(b->ticket, "ticket_timers", timer_id), *line;

	if (!json_bool(timer, "recorded", 0))
		return 0;
	line = labor_charged_line(b->ticket, timer, journal_get_long(&b->j, "start", "line_max", 0));
	return line ? json_long(line, "id", 0) : -1;
}

static int step_charge(struct bill *b, struct api_error *err)
{
	long timer = journal_get_long(&b->j, "labor", "timer_id", 0), line;

	if (b->method != BILLING_TIMER || journal_state(&b->j, "charge") == STEP_DONE ||
	    b->labor.minutes <= 0)
		return 0;
	if ((line = charged_line(b, timer))) {
		progress("timer %ld was charged before its answer was lost", timer);
	} else {
		if (mark(b, "charge", STEP_STARTED, err))
			return -1;
		if (labor_timer_charge(b->number, timer, &b->labor,
				       journal_get_long(&b->j, "start", "line_max", 0), &line, err))
			return -1;
		progress("charged timer %ld onto line item %ld", timer, line);
	}
	journal_set_long(&b->j, "charge", "line_id", line);
	return mark(b, "charge", STEP_DONE, err);
}

static int step_charge_others(struct bill *b, struct api_error *err)
{
	const cJSON *v;

	if (journal_state(&b->j, "charge_others") == STEP_DONE)
		return 0;
	cJSON_ArrayForEach(v, journal_get_json(&b->j, "charge_others", "timers")) {
		long timer = number_of(v), line;

		if (journal_has_long(&b->j, "charge_others", "charged", timer))
			continue;
		if (charged_line(b, timer)) {
			progress("timer %ld was charged before its answer was lost", timer);
		} else {
			journal_set_long(&b->j, "charge_others", "current", timer);
			if (mark(b, "charge_others", STEP_STARTED, err))
				return -1;
			if (labor_timer_charge(b->number, timer, NULL,
					       journal_get_long(&b->j, "start", "line_max", 0), &line, err))
				return -1;
			progress("charged timer %ld onto line item %ld", timer, line);
		}
		journal_add_long(&b->j, "charge_others", "charged", timer);
		if (mark(b, "charge_others", STEP_STARTED, err))
			return -1;
	}
	return mark(b, "charge_others", STEP_DONE, err);
}

/* An invoice of the ticket that was not there at the first run: a post whose answer was lost. */
static int posted_invoice(struct bill *b, long *id, struct api_error *err)
{
	cJSON *found;
	const cJSON *inv, *old;

	*id = 0;
	if (invoice_find_for_ticket(b->ticket_id, b->customer_id, &found, err))
		return -1;
	cJSON_ArrayForEach(inv, found) {
		int known = 0;

		cJSON_ArrayForEach(old, journal_get_json(&b->j, "start", "invoices"))
			known |= json_long(old, "id", 0) == json_long(inv, "id", -1);
		if (!known) {
			*id = json_long(inv, "id", 0);
			journal_set_string(&b->j, "invoice", "number", json_string(inv, "number", "?"));
			break;
		}
	}
	cJSON_Delete(found);
	return 0;
}

static int step_invoice(struct bill *b, struct api_error *err)
{
	enum step_state state = journal_state(&b->j, "invoice");
	cJSON *inv;
	long id;

	if (state == STEP_DONE)
		return 0;
	if (state == STEP_STARTED) {
		if (posted_invoice(b, &id, err))
			return -1;
		if (id > 0) {
			progress("invoice %s was made before its answer was lost",
				 journal_get_string(&b->j, "invoice", "number"));
			journal_set_long(&b->j, "invoice", "id", id);
			return mark(b, "invoice", STEP_DONE, err);
		}
	}
	if (mark(b, "invoice", STEP_STARTED, err))
		return -1;
	if (invoice_make(b->ticket_id, b->customer_id, &inv, err))
		return -1;
	id = json_long(inv, "id", 0);
	journal_set_long(&b->j, "invoice", "id", id);
	journal_set_string(&b->j, "invoice", "number", json_string(inv, "number", "?"));
	/* Checked from the answer when it carries the lines (no second read). */
	cJSON_Delete(b->invoice);
	b->invoice = cJSON_IsArray(json_get(inv, "line_items")) ? inv : (cJSON_Delete(inv), NULL);
	if (id <= 0)
		return api_error_set(err, EXIT_NETWORK, 0, xstrdup("Syncro answered the invoice without an id"),
				     xstrfmt("look for the invoice of ticket #%ld before you bill it again",
					     b->number));
	progress("made invoice %s", journal_get_string(&b->j, "invoice", "number"));
	return mark(b, "invoice", STEP_DONE, err);
}

static int verify_failed(const struct bill *b, char *why, struct api_error *err)
{
	char *url = invoice_url(json_long(b->invoice, "id", 0)), *prepaid = NULL;

	if (prepaid_unknown(b))	/* what Syncro does then is not known: it is what it holds */
		prepaid = xstrfmt("the labor was more than the %.2f h prepaid and Syncro decided "
				  "what they cover; ", b->prepay_hours);
	api_error_set(err, EXIT_ERROR, 0, why,
		  xstrfmt("%sthe status is unchanged; see it at %s; once it is right, "
			  "'syncro bill %ld' checks it again", prepaid ? prepaid : "", url, b->number));
	free(prepaid);
	free(url);
	return -1;
}

static int step_verify(struct bill *b, struct api_error *err)
{
	const cJSON *e;
	double total, want = expected_total(b), free_hours = 0, covered = prepaid_bound(b);
	struct sbuf why = SBUF_INIT;
	char a[MONEY_MAX], c[MONEY_MAX];

	if (!b->invoice &&
	    invoice_get(journal_get_long(&b->j, "invoice", "id", 0), &b->invoice, err))
		return -1;
	if (journal_state(&b->j, "verify") == STEP_DONE)
		return 0;
	cJSON_ArrayForEach(e, journal_get_json(&b->j, "invoice", "expect")) {
		struct invoice_line line = {
			json_long(e, "product_id", -1), json_double(e, "quantity", 0),
			json_string(e, "name", NULL), 0, 0
		};

		/* Prepaid hours may have made a labor line 0: that much less is due. */
		if (covered > 0 && json_double(e, "price", 0) > 0 &&
		    config_labor_alias(line.product_id) && invoice_has_line(b->invoice, &line, &why) &&
		    free_hours + line.quantity <= covered + 0.005) {
			free_hours += line.quantity;
			want -= money_round(line.quantity * json_double(e, "price", 0));
			continue;
		}
		sbuf_reset(&why);
		line.price = json_double(e, "price", 0);
		if (!invoice_has_line(b->invoice, &line, &why))
			return verify_failed(b, sbuf_detach(&why, NULL), err);
	}
	sbuf_reset(&why);
	total = invoice_lines_total(b->invoice);
	if (!money_equal(total, want)) {
		sbuf_addf(&why, "invoice %s comes to %s, not the %s expected",
			  json_string(b->invoice, "number", "?"), money_format(total, a, sizeof(a)),
			  money_format(want, c, sizeof(c)));
		invoice_describe_lines(b->invoice, &why);
		return verify_failed(b, sbuf_detach(&why, NULL), err);
	}
	sbuf_release(&why);
	/* What Syncro did with the prepaid hours, as the invoice holds it. */
	if (free_hours > 0)
		progress("prepaid hours paid %.2f h of the labor", free_hours);
	else if (prepaid_unknown(b))
		progress("prepaid hours paid none of the labor: Syncro billed it in full");
	progress("checked invoice %s: its lines come to %s as expected",
		 journal_get_string(&b->j, "invoice", "number"), money_format(total, a, sizeof(a)));
	return mark(b, "verify", STEP_DONE, err);
}

/* {status} and, when the labor table gives one the subject lacks, the subject with its prefix. */
static cJSON *status_body(const struct bill *b)
{
	cJSON *body = cJSON_CreateObject();
	const char *prefix = b->labor.subject_prefix, *subject = json_string(b->ticket, "subject", "");

	cJSON_AddStringToObject(body, "status", b->status);
	if (prefix && *prefix && b->labor.minutes > 0 && strncmp(subject, prefix, strlen(prefix))) {
		char *with = xstrfmt("%s%s", prefix, subject);

		cJSON_AddStringToObject(body, "subject", with);
		free(with);
	}
	return body;
}

static int step_status(struct bill *b, struct api_error *err)
{
	cJSON *body, *t = NULL;
	int ret;

	if (journal_state(&b->j, "status") == STEP_DONE)
		return 0;
	body = status_body(b);
	ret = api_ticket_call(b->number, "PUT", "", body, &t, err);
	cJSON_Delete(body);
	if (ret)
		return -1;
	t = api_unwrap(t, "ticket");
	if (strcasecmp(json_string(t, "status", ""), b->status)) {
		api_error_set(err, EXIT_ERROR, 0,
			  xstrfmt("ticket #%ld has status '%s' after Syncro answered that it set "
				  "%s", b->number, json_string(t, "status", ""), b->status),
			  xstrfmt("set it with 'syncro bill %ld' again, or in Syncro", b->number));
		cJSON_Delete(t);
		return -1;
	}
	cJSON_Delete(t);
	progress("set #%ld to %s", b->number, b->status);
	return mark(b, "status", STEP_DONE, err);
}

int bill_run(struct bill *b, struct api_error *err)
{
	/*
	 * The timer method records the timer first: an account that puts its
	 * own product on it is found before the comment is posted.
	 */
	if (b->with_comment && b->method == BILLING_TIMER &&
	    (keep_draft(b, err) || step_labor(b, err) || step_comment(b, err) ||
	     step_charge(b, err)))
		return -1;
	if (b->with_comment && b->method != BILLING_TIMER &&
	    (step_comment(b, err) || step_labor(b, err) || step_charge(b, err)))
		return -1;
	if (step_charge_others(b, err) || step_invoice(b, err) || step_verify(b, err) ||
	    step_status(b, err))
		return -1;
	return 0;
}

void bill_print_summary(const struct bill *b)
{
	/* What the prepaid hours paid was said by step_verify(), from the invoice. */
	invoice_print_summary(b->invoice, b->number);
}

void bill_finish(struct bill *b)
{
	journal_remove(&b->j);
}

void bill_failure_hints(const struct bill *b, struct strvec *hints)
{
	struct sbuf done = SBUF_INIT;

	bill_describe_done(&b->j, &done);
	if (done.len)
		strvec_pushf(hints, "done already: %s", done.buf);
	if (b->method == BILLING_COMMENT && journal_state(&b->j, "labor") == STEP_STARTED &&
	    journal_state(&b->j, "comment") == STEP_DONE)
		strvec_pushf(hints, "the comment is posted (it is not sent again); record the time "
			     "with 'syncro time add %ld %ld --labor %ld --charge', then "
			     "'syncro bill %ld' goes on", b->number, b->labor.minutes,
			     b->labor.product_id, b->number);
	if (!b->j.path || access(b->j.path, F_OK) < 0) {	/* no journal: nothing to resume */
		strvec_pushf(hints, "nothing was sent; run the same command again once it can be "
			     "saved ('syncro doctor' shows the state directory)");
		sbuf_release(&done);
		return;
	}
	if (journal_get_long(&b->j, "labor", "wrong_product", 0)) {
		/* a re-run would refuse the same timer: the error says how to go on */
		sbuf_release(&done);
		return;
	}
	strvec_pushf(hints, "'syncro bill %ld' resumes from the step that failed", b->number);
	strvec_pushf(hints, "'syncro bill --abandon %ld' forgets the journal (Syncro keeps what "
		     "is done)", b->number);
	sbuf_release(&done);
}

int bill_check_abandon(const struct journal *j, long number, struct api_error *err)
{
	long id = journal_get_long(j, "labor", "timer_id", 0), wrong;
	long want = atol(json_string(journal_options(j), "labor", "0"));
	const cJSON *timer;
	cJSON *ticket;
	int ret = 0;

	if (!journal_get_long(j, "labor", "wrong_product", 0) || id <= 0)
		return 0;
	if (labor_read_ticket(number, &ticket, err))
		return -1;
	timer = labor_find_id(ticket, "ticket_timers", id);
	wrong = json_long(timer, "product_id", -1);
	if (timer && !json_bool(timer, "recorded", 0) && wrong != want)
		ret = api_error_set(err, EXIT_ERROR, 0,
				    xstrfmt("not forgetting the bill of #%ld: timer %ld it recorded is "
					    "still on the ticket, uncharged, with product %ld instead of "
					    "%ld; forgotten, the next bill would charge it as that product",
					    number, id, wrong, want),
				    xstrfmt("remove it with 'syncro time rm %ld %ld' (or charge it as it is "
					    "with 'syncro time charge %ld %ld'), then run 'syncro bill "
					    "--abandon %ld' again", number, id, number, id, number));
	cJSON_Delete(ticket);
	return ret;
}

/* ---- --dry-run ---- */

static void print_request(FILE *fp, const char *method, const char *path, const cJSON *body)
{
	struct api_request req = { method, path, NULL, body, NULL };

	api_print_request(fp, &req);
}

/* A POST to the ticket, then (with read_back) the read that verifies it. */
static void print_ticket_post(const struct bill *b, FILE *fp, const char *suffix, cJSON *body,
			      int read_back)
{
	char *path = xstrfmt("/tickets/%ld%s", b->ticket_id, suffix);

	print_request(fp, "POST", path, body);
	path[strlen(path) - strlen(suffix)] = '\0';
	if (read_back)
		print_request(fp, "GET", path, NULL);
	free(path);
	cJSON_Delete(body);
}

static cJSON *placeholder_charge(void)
{
	cJSON *body = cJSON_CreateObject();

	cJSON_AddStringToObject(body, "timer_entry_id", "<timer-id>");
	return body;
}

void bill_print_requests(const struct bill *b, FILE *fp)
{
	char *ticket_path = xstrfmt("/tickets/%ld", b->ticket_id);
	int with_labor = b->with_comment && b->labor.minutes > 0;
	struct api_request req;
	const cJSON *v;
	cJSON *body;

	/* The timer method records the timer before the comment (bill_run()). */
	if (with_labor && b->method == BILLING_TIMER && journal_state(&b->j, "labor") != STEP_DONE)
		print_ticket_post(b, fp, "/timer_entry", labor_timer_body(&b->labor, date_now()), 0);
	if (b->with_comment && !bill_comment_done(b))
		/* A plain comment is not read back (comment_post()). */
		print_ticket_post(b, fp, "/comment",
				  comment_body(&b->comment, b->method == BILLING_COMMENT && with_labor ?
					       &b->labor : NULL), b->method == BILLING_COMMENT && with_labor);
	if (with_labor && journal_state(&b->j, "labor") != STEP_DONE) {
		if (b->method == BILLING_TIMER)
			;	/* above */
		else if (b->method == BILLING_COMMENT)
			print_request(fp, "GET", ticket_path, NULL);
		else
			print_ticket_post(b, fp, "/add_line_item", labor_line_body(&b->labor), 0);
	}
	if (with_labor && b->method == BILLING_TIMER &&
	    journal_state(&b->j, "charge") != STEP_DONE) {
		long timer = journal_get_long(&b->j, "labor", "timer_id", 0);

		print_ticket_post(b, fp, "/charge_timer_entry",
				  timer > 0 ? labor_charge_body(timer) : placeholder_charge(), 1);
	}
	cJSON_ArrayForEach(v, journal_get_json(&b->j, "charge_others", "timers"))
		if (!journal_has_long(&b->j, "charge_others", "charged", number_of(v)))
			print_ticket_post(b, fp, "/charge_timer_entry", labor_charge_body(number_of(v)), 1);
	if (journal_state(&b->j, "invoice") != STEP_DONE) {
		invoice_make_request(b->ticket_id, b->customer_id, &req, &body);
		api_print_request(fp, &req);
		cJSON_Delete(body);
	}
	if (journal_get_long(&b->j, "invoice", "id", 0) > 0) {
		char *path = xstrfmt("/invoices/%ld", journal_get_long(&b->j, "invoice", "id", 0));

		print_request(fp, "GET", path, NULL);
		free(path);
	} else {
		print_request(fp, "GET", "/invoices/<invoice-id>", NULL);
	}
	if (journal_state(&b->j, "status") != STEP_DONE) {
		body = status_body(b);
		print_request(fp, "PUT", ticket_path, body);
		cJSON_Delete(body);
	}
	free(ticket_path);
}
