#include "compat.h"
#include "interrupt.h"
#include <math.h>
#include "api.h"
#include "bill-run.h"
#include "date.h"
#include "draft.h"
#include "invoice.h"
#include "json.h"
#include "output.h"
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
		sbuf_addf(sb, "%sstatus Invoiced", SEP);
#undef SEP
}

static int snapshot_invoices(struct bill *b, struct api_error *err)
{
	cJSON *found, *ids = cJSON_CreateArray();
	const cJSON *inv;

	if (invoice_find_for_ticket(b->ticket_id, &found, err)) {
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

int bill_start(struct bill *b, struct api_error *err)
{
	cJSON *t;

	if (journal_load_steps(&b->j, "bill", b->number, bill_steps) < 0)
		return api_error_set(err, EXIT_ERROR, 0,
				     xstrfmt("cannot bill #%ld now", b->number), NULL);
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
	} else if (!strcasecmp(status, "Invoiced")) {
		sbuf_addf(&why, "ticket #%ld is already Invoiced", b->number);
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
		minutes += labor_timer_minutes(timer);
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
	if (!draft) {
		char *path = draft_save(b->number, b->comment.body);

		if (!path)	/* nothing is sent, nor lost: the text is printed, as comment does */
			return api_error_set(err, EXIT_ERROR, 0,
					     xstrfmt("not billing #%ld without a draft of the work notes; "
						     "your text follows\n%s", b->number, b->comment.body),
					     NULL);
		journal_set_string(&b->j, "comment", "draft", path);
		free(path);
		draft = bill_draft(b);
	}
	journal_set_string(&b->j, "comment", "first_line", b->first_line);
	if (mark(b, "comment", STEP_STARTED, err))
		return -1;
	ret = labor_comment_post(&b->comment, b->method == BILLING_COMMENT ? &b->labor : NULL,
				 &id, err);
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

	cJSON_ArrayForEach(item, json_get(b->ticket, field))
		if (json_long(item, "id", 0) > after &&
		    json_long(item, "product_id", -1) == b->labor.product_id)
			found = json_long(item, "id", 0);
	return found;
}

static int step_labor(struct bill *b, struct api_error *err)
{
	enum step_state state = journal_state(&b->j, "labor");
	int timer = b->method != BILLING_LINE_ITEM;
	const char *key = timer ? "timer_id" : "line_id";
	long id = journal_get_long(&b->j, "labor", key, 0);
	int ret;

	if (state == STEP_DONE)
		return 0;
	if (b->method != BILLING_COMMENT && state == STEP_STARTED &&
	    (id > 0 || (id = timer ? posted_labor(b, "ticket_timers", "timer_max")
			: posted_labor(b, "line_items", "line_max")) > 0)) {
		progress("%s %ld was recorded before its answer was lost",
			 timer ? "timer" : "line item", id);
		goto done;
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
	const cJSON *timer = labor_find_id(b->ticket, "ticket_timers", timer_id);

	if (!json_bool(timer, "recorded", 0))
		return 0;
	return json_long(timer, "ticket_line_item_id", 0) > 0 ?
		json_long(timer, "ticket_line_item_id", 0) : 1;
}

static int step_charge(struct bill *b, struct api_error *err)
{
	long timer = journal_get_long(&b->j, "labor", "timer_id", 0), line;

	if (b->method != BILLING_TIMER || journal_state(&b->j, "charge") == STEP_DONE)
		return 0;
	if ((line = charged_line(b, timer))) {
		progress("timer %ld was charged before its answer was lost", timer);
	} else {
		if (mark(b, "charge", STEP_STARTED, err))
			return -1;
		if (labor_timer_charge(b->number, timer, &b->labor, &line, err))
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
			if (labor_timer_charge(b->number, timer, NULL, &line, err))
				return -1;
			progress("charged timer %ld onto line item %ld", timer, line);
		}
		journal_add_long(&b->j, "charge_others", "charged", timer);
		if (mark(b, "charge_others", STEP_STARTED, err))
			return -1;
	}
	return mark(b, "charge_others", STEP_DONE, err);
}

/* The lines the invoice must hold: the ticket's charged lines not yet on an invoice. */
static int expect_lines(struct bill *b, struct api_error *err)
{
	cJSON *t, *expect = cJSON_CreateArray();
	const cJSON *line;

	if (api_ticket_get_gently(b->number, &t, err)) {
		cJSON_Delete(expect);
		return -1;
	}
	cJSON_ArrayForEach(line, json_get(t, "line_items")) {
		cJSON *one;

		if (json_bool(line, "converted", 0))
			continue;
		one = cJSON_CreateObject();
		cJSON_AddNumberToObject(one, "product_id", (double)json_long(line, "product_id", -1));
		cJSON_AddNumberToObject(one, "quantity", json_double(line, "quantity", 0));
		cJSON_AddStringToObject(one, "name", json_string(line, "name", ""));
		cJSON_AddItemToArray(expect, one);
	}
	cJSON_Delete(t);
	if (!cJSON_GetArraySize(expect)) {
		cJSON_Delete(expect);
		return api_error_set(err, EXIT_ERROR, 0,
				     xstrfmt("ticket #%ld has no charged labor to invoice", b->number),
				     xstrfmt("'syncro time %ld' shows its timers and lines", b->number));
	}
	journal_set_json(&b->j, "invoice", "expect", expect);
	return 0;
}

/* An invoice of the ticket that was not there at the first run: a post whose answer was lost. */
static int posted_invoice(struct bill *b, long *id, struct api_error *err)
{
	cJSON *found;
	const cJSON *inv, *old;

	*id = 0;
	if (invoice_find_for_ticket(b->ticket_id, &found, err))
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
	} else if (expect_lines(b, err)) {
		return -1;
	}
	if (mark(b, "invoice", STEP_STARTED, err))
		return -1;
	if (invoice_make(b->ticket_id, b->customer_id, &inv, err))
		return -1;
	id = json_long(inv, "id", 0);
	journal_set_long(&b->j, "invoice", "id", id);
	journal_set_string(&b->j, "invoice", "number", json_string(inv, "number", "?"));
	cJSON_Delete(inv);
	if (id <= 0)
		return api_error_set(err, EXIT_NETWORK, 0, xstrdup("Syncro answered the invoice without an id"),
				     xstrfmt("look for the invoice of ticket #%ld before you bill it again",
					     b->number));
	progress("made invoice %s", journal_get_string(&b->j, "invoice", "number"));
	return mark(b, "invoice", STEP_DONE, err);
}

static int check_line(const struct bill *b, const struct invoice_line *line, struct api_error *err)
{
	struct sbuf why = SBUF_INIT;
	char *url;

	if (invoice_has_line(b->invoice, line, &why)) {
		sbuf_release(&why);
		return 0;
	}
	url = invoice_url(json_long(b->invoice, "id", 0));
	api_error_set(err, EXIT_ERROR, 0, sbuf_detach(&why, NULL),
		      xstrfmt("see it at %s; once it is right, 'syncro bill %ld' checks it again",
			      url, b->number));
	free(url);
	return -1;
}

static int step_verify(struct bill *b, struct api_error *err)
{
	const cJSON *e;

	cJSON_Delete(b->invoice);
	b->invoice = NULL;
	if (invoice_get(journal_get_long(&b->j, "invoice", "id", 0), &b->invoice, err))
		return -1;
	if (journal_state(&b->j, "verify") == STEP_DONE)
		return 0;
	if (b->with_comment) {
		struct invoice_line labor = {
			b->labor.product_id, (double)b->labor.minutes / 60.0, NULL
		};

		if (check_line(b, &labor, err))
			return -1;
	}
	cJSON_ArrayForEach(e, journal_get_json(&b->j, "invoice", "expect")) {
		struct invoice_line line = {
			json_long(e, "product_id", -1), json_double(e, "quantity", 0),
			json_string(e, "name", NULL)
		};

		if (check_line(b, &line, err))
			return -1;
	}
	progress("checked invoice %s: it holds the ticket's labor",
		 journal_get_string(&b->j, "invoice", "number"));
	return mark(b, "verify", STEP_DONE, err);
}

static int step_status(struct bill *b, struct api_error *err)
{
	cJSON *body, *t = NULL;
	int ret;

	if (journal_state(&b->j, "status") == STEP_DONE)
		return 0;
	body = cJSON_CreateObject();
	cJSON_AddStringToObject(body, "status", "Invoiced");
	ret = api_ticket_call(b->number, "PUT", "", body, &t, err);
	cJSON_Delete(body);
	if (ret)
		return -1;
	t = api_unwrap(t, "ticket");
	if (strcmp(json_string(t, "status", ""), "Invoiced")) {
		api_error_set(err, EXIT_ERROR, 0,
			      xstrfmt("ticket #%ld has status '%s' after Syncro answered that it set "
				      "Invoiced", b->number, json_string(t, "status", "")),
			      xstrfmt("set it with 'syncro bill %ld' again, or in Syncro", b->number));
		cJSON_Delete(t);
		return -1;
	}
	cJSON_Delete(t);
	progress("set #%ld to Invoiced", b->number);
	return mark(b, "status", STEP_DONE, err);
}

int bill_run(struct bill *b, struct api_error *err)
{
	if (b->with_comment &&
	    (step_comment(b, err) || step_labor(b, err) || step_charge(b, err)))
		return -1;
	if (step_charge_others(b, err) || step_invoice(b, err) || step_verify(b, err) ||
	    step_status(b, err))
		return -1;
	return 0;
}

void bill_print_summary(const struct bill *b)
{
	invoice_print_summary(b->invoice, b->number);
	if (invoice_total(b->invoice) == 0)
		warning("invoice %s totals 0: prepaid hours may have paid it; check the "
			"customer's prepaid hours in Syncro", json_string(b->invoice, "number", "?"));
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
	if (!b->j.path || access(b->j.path, F_OK) < 0) {	/* no journal: nothing to resume */
		strvec_pushf(hints, "nothing was sent; run the same command again once it can be "
			     "saved ('syncro doctor' shows the state directory)");
		sbuf_release(&done);
		return;
	}
	strvec_pushf(hints, "'syncro bill %ld' resumes from the step that failed", b->number);
	strvec_pushf(hints, "'syncro bill --abandon %ld' forgets the journal (Syncro keeps what "
		     "is done)", b->number);
	sbuf_release(&done);
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

void bill_print_requests(struct bill *b, FILE *fp)
{
	char *ticket_path = xstrfmt("/tickets/%ld", b->ticket_id), *name = NULL;
	struct api_error err = API_ERROR_INIT;
	struct api_request req;
	const cJSON *v;
	cJSON *body;

	if (b->with_comment && !bill_comment_done(b))
		/* A plain comment is not read back (labor_comment_post()). */
		print_ticket_post(b, fp, "/comment",
				  labor_comment_body(&b->comment, b->method == BILLING_COMMENT ?
						     &b->labor : NULL), b->method == BILLING_COMMENT);
	if (b->with_comment && journal_state(&b->j, "labor") != STEP_DONE) {
		if (b->method == BILLING_TIMER)
			print_ticket_post(b, fp, "/timer_entry", labor_timer_body(&b->labor, date_now()), 1);
		else if (b->method == BILLING_COMMENT)
			print_request(fp, "GET", ticket_path, NULL);
		else if (labor_product_name(b->labor.product_id, &name, &err))
			api_die(&err);
		else
			print_ticket_post(b, fp, "/add_line_item", labor_line_body(&b->labor, name), 1);
	}
	if (b->with_comment && b->method == BILLING_TIMER &&
	    journal_state(&b->j, "charge") != STEP_DONE) {
		long timer = journal_get_long(&b->j, "labor", "timer_id", 0);

		print_ticket_post(b, fp, "/charge_timer_entry",
				  timer > 0 ? labor_charge_body(timer) : placeholder_charge(), 1);
	}
	cJSON_ArrayForEach(v, journal_get_json(&b->j, "charge_others", "timers"))
		if (!journal_has_long(&b->j, "charge_others", "charged", number_of(v)))
			print_ticket_post(b, fp, "/charge_timer_entry", labor_charge_body(number_of(v)), 1);
	if (journal_state(&b->j, "invoice") != STEP_DONE) {
		print_request(fp, "GET", ticket_path, NULL);
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
		body = cJSON_CreateObject();
		cJSON_AddStringToObject(body, "status", "Invoiced");
		print_request(fp, "PUT", ticket_path, body);
		cJSON_Delete(body);
	}
	free(name);
	free(ticket_path);
}
