/*
 * syncro bill: turn a ticket's time into a verified invoice, one journaled
 * step after another, so that a failure at any step can be resumed by
 * running the same command again without posting anything twice.
 *
 *   1 read the ticket; refuse one already invoiced (--force to go on);
 *     billing.status must be one of the account's statuses
 *   2 minutes and labor: --minutes is new labor (0: none, bill exactly
 *     what is logged); without it, the labor logged and uncharged on the
 *     ticket, or on a terminal a prompt that proposes it and asks again
 *     on a bad answer; minutes are never invented
 *   3 the price (GET /products/ID), the prepaid hours, the preview
 *     (per line product, hours, price, amount; the total), a question
 *     on a terminal
 *   4 the work notes as a comment, the labor recorded (common/labor.h,
 *     per billing.method: line-item by default, the price sent), the
 *     timers still uncharged charged
 *   5 POST /invoices {ticket_id, customer_id}: "Make Invoice"
 *   6 verify the invoice by amounts: its lines and total
 *   7 status billing.status (Invoiced)
 *   8 the summary
 *
 * `syncro bill --resolved` does steps 4-8 for every Resolved ticket with
 * labor not yet invoiced (bill-run.h).
 */
#include "compat.h"
#include "bill-run.h"
#include "complete.h"
#include "config.h"
#include "draft.h"
#include "editor.h"
#include "json.h"
#include "labor.h"
#include "output.h"
#include "parse-options.h"
#include "prompt.h"
#include "quote.h"
#include "ticket-number.h"
#include "usage.h"
#include "write-plan.h"
#include "xmalloc.h"

static const char *opt_message, *opt_file, *opt_subject = "Update";
static const char *opt_minutes, *opt_labor, *opt_customer;
static int opt_yes, opt_force, opt_dry_run, opt_abandon, opt_resolved, opt_no_input;

static const struct option_spec options[] = {
	OPT_STRING('m', "message", &opt_message, "TEXT", "the work notes (else -F or the editor)"),
	OPT_STRING_C('F', "file", &opt_file, "FILE", "read the work notes from FILE ('-': stdin)",
		     COMPLETE_FILE),
	OPT_STRING(0, "subject", &opt_subject, "TEXT", "the comment's subject (default Update)"),
	OPT_STRING(0, "minutes", &opt_minutes, "N", "new minutes of labor (0: bill what is logged; else asked)"),
	OPT_STRING_C(0, "labor", &opt_labor, "ALIAS", "labor alias or product id (else asked)",
		     COMPLETE_LABOR),
	OPT_YES(&opt_yes, "answer every question: the logged time, labor.default, go on"),
	OPT_NO_INPUT(&opt_no_input, "never ask; a missing answer is an error"),
	OPT_BOOL(0, "force", &opt_force, "bill a ticket that is Invoiced or has an invoice"),
	OPT_DRY_RUN(&opt_dry_run),
	OPT_BOOL(0, "abandon", &opt_abandon, "forget the journal of an unfinished bill"),
	OPT_BOOL(0, "resolved", &opt_resolved, "bill every Resolved ticket with labor not invoiced"),
	OPT_STRING_C(0, "customer", &opt_customer, "NAME|ID", "with --resolved: one customer only",
		     COMPLETE_CUSTOMER),
	OPT_EXCLUSIVE("message file"),
	/* --resolved takes only --customer, --yes, --no-input and --dry-run */
	OPT_EXCLUSIVE("resolved abandon"),
	OPT_EXCLUSIVE("resolved message"),
	OPT_EXCLUSIVE("resolved file"),
	OPT_EXCLUSIVE("resolved minutes"),
	OPT_EXCLUSIVE("resolved labor"),
	OPT_EXCLUSIVE("resolved force"),
	OPT_EXAMPLE("syncro bill 32164 --minutes 60 --labor remote -m \"Fixed the sync client.\"",
		    "bill an hour of remote work"),
	OPT_EXAMPLE("syncro bill 32164 --minutes 60 --labor remote -m \"Fixed it.\" --dry-run",
		    "see what it would send first"),
	OPT_EXAMPLE("syncro bill --resolved --customer \"Desert Sun Dental\"",
		    "month end for one customer"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"bill",
	"syncro bill [options] N\n"
	"   or: syncro bill --abandon N\n"
	"   or: syncro bill --resolved [--customer NAME|ID] [--yes] [--dry-run]",
	"turn a ticket's time into a verified invoice", options,
	COMPLETE_TICKET,
};

/* The work notes: -m, -F FILE (- for stdin), else the editor. The caller frees it. */
static char *read_notes(long number, const cJSON *ticket)
{
	struct sbuf sb = SBUF_INIT;
	char *text;

	if (opt_message) {
		sbuf_addstr(&sb, opt_message);
	} else if (opt_file) {
		int ret = !strcmp(opt_file, "-") ? sbuf_read_fd(&sb, STDIN_FILENO)
			: sbuf_read_file(&sb, opt_file);

		if (ret < 0)
			die_errno("cannot read '%s'", opt_file);
	} else {
		struct sbuf tpl = SBUF_INIT;

		if (!prompt_can_ask() || !isatty(STDOUT_FILENO))
			prompt_die_missing("-m or -F");
		editor_comment_template(&tpl, ticket);
		switch (edit_text(tpl.buf, &text)) {
		case EDIT_OK:
			sbuf_addstr(&sb, text);
			free(text);
			break;
		case EDIT_EMPTY:
			die("aborting the bill of #%ld: the work notes are empty", number);
		default:
			exit(EXIT_ERROR);
		}
		sbuf_release(&tpl);
	}
	sbuf_trim(&sb);
	if (!sb.len)
		die_with(EXIT_USAGE, "the work notes are empty; give them with -m or -F");
	return sbuf_detach(&sb, NULL);
}

/* "0" is no new labor; else labor_minutes(). */
static int parse_minutes(const char *text, long *minutes, struct api_error *err)
{
	if (!strcmp(text, "0")) {
		*minutes = 0;
		return 0;
	}
	return labor_minutes("--minutes", text, minutes, err);
}

/*
 * The minutes of new labor: --minutes, else the journal's, else none when
 * labor is logged (bill exactly that), else asked. On a terminal the
 * question proposes the logged time and asks again on a bad answer; with
 * nothing logged and no terminal (or --yes) it is a usage error.
 */
static long new_minutes(const struct bill *b)
{
	struct api_error err = API_ERROR_INIT;
	const char *journaled = bill_option(b, "minutes");
	char question[96], def[32];
	long minutes;

	if (opt_minutes || journaled) {
		if (parse_minutes(opt_minutes ? opt_minutes : journaled, &minutes, &err) ||
		    (opt_minutes && labor_minutes_confirm("--minutes", minutes, &err)))
			api_die(&err);
		return minutes;
	}
	if (opt_yes || !prompt_can_ask()) {
		if (b->logged > 0)
			return 0;
		die_with(EXIT_USAGE, "ticket #%ld has no labor logged; give the minutes to bill with "
			 "--minutes N", b->number);
	}
	snprintf(def, sizeof(def), "%ld", b->logged);
	if (b->logged > 0)
		snprintf(question, sizeof(question), "Minutes to bill (%ld logged and not invoiced)",
			 b->logged);
	else
		snprintf(question, sizeof(question), "Minutes to bill (none logged)");
	for (;;) {
		char *got = NULL;
		int ret = prompt_line(question, b->logged > 0 ? def : NULL, &got);

		if (ret == PROMPT_EOF)
			die("aborting the bill of #%ld: no answer", b->number);
		if (ret)
			prompt_die_missing("--minutes");
		if (parse_minutes(got, &minutes, &err) || minutes < b->logged ||
		    (minutes == b->logged && !b->logged) ||
		    labor_minutes_confirm("--minutes", minutes - b->logged, &err)) {
			if (err.message)
				fprintf(stderr, "%s\n", err.message);
			else if (minutes < b->logged)
				fprintf(stderr, "%ld minutes are logged already: give %ld or more "
					"(change the logged time with 'syncro time %ld')\n",
					b->logged, b->logged, b->number);
			else
				fprintf(stderr, "give a number of minutes from 1 to 100000\n");
			api_error_release(&err);
			free(got);
			continue;
		}
		free(got);
		return minutes - b->logged;
	}
}

/* The labor alias or id of new labor: --labor, the journal's, a prompt (asked again), the default. */
static char *labor_answer(struct bill *b)
{
	struct api_error err = API_ERROR_INIT;
	const char *journaled = bill_option(b, "labor");
	char *got = NULL;

	if (opt_labor || journaled || opt_yes || !prompt_can_ask()) {
		got = xstrdup(opt_labor ? opt_labor : journaled ? journaled :
			      config_get()->labor_default);
		if (labor_product(got, &b->labor.product_id, &err))
			api_die(&err);
		return got;
	}
	for (;;) {
		int ret = prompt_line("Labor", config_get()->labor_default, &got);

		if (ret == PROMPT_EOF)
			die("aborting the bill of #%ld: no answer", b->number);
		if (ret)
			prompt_die_missing("--labor");
		if (!labor_product(got, &b->labor.product_id, &err))
			return got;
		fprintf(stderr, "%s\n", err.message);
		if (err.hint)
			fprintf(stderr, "hint: %s\n", err.hint);
		api_error_release(&err);
		free(got);
	}
}

/* On a terminal the preview and the requests, as --dry-run shows them, then "Go on and send these? [Y/n]". */
static void confirm(const struct bill *b)
{
	int yes = 0;

	if (opt_yes || opt_dry_run)
		return;
	if (!prompt_can_ask()) {
		/* confirm: writes asks; without it, a bill with its answers given goes on */
		if (write_plan_wanted(0, opt_yes, 0))
			write_plan_need_terminal(&verb);
		return;
	}
	bill_print_preview(b, stderr);
	bill_print_requests(b, stderr);
	switch (prompt_yes_no("Go on and send these?", 1, &yes)) {
	case PROMPT_OK:
		if (yes)
			return;
		/* fall through */
	case PROMPT_EOF:
		die("not billing #%ld: nothing was sent", b->number);
	default:
		return;
	}
}

/* --abandon keeps a journal whose refused timer is still on the ticket (bill_check_abandon()). */
static void refuse_abandon(const struct journal *j, long number)
{
	struct api_error err = API_ERROR_INIT;

	if (bill_check_abandon(j, number, &err))
		api_die(&err);
}

static void bill_ticket(long number)
{
	struct bill b;
	struct api_error err = API_ERROR_INIT;
	struct strvec hints = STRVEC_INIT;
	const char *draft;
	char *notes = NULL, *labor_text = NULL;

	bill_init(&b, number, 1);
	b.dry_run = opt_dry_run;
	/* the labor of new minutes; not read ahead when none are given */
	b.labor_ahead = !opt_minutes || !strcmp(opt_minutes, "0") ? NULL :
		opt_labor ? opt_labor : config_get()->labor_default;
	if (bill_start(&b, &err))
		api_die(&err);
	if (!b.resuming && bill_refuse_invoiced(&b, opt_force, &err))
		api_die(&err);
	if (bill_check_status(&b, &err))
		api_die(&err);

	b.logged = bill_logged_minutes(&b);
	b.labor.minutes = new_minutes(&b);
	if (b.labor.minutes > 0)
		b.labor_name = labor_text = labor_answer(&b);

	/* The notes are needed until the comment is posted; a draft keeps them. */
	draft = bill_draft(&b);
	if (bill_comment_done(&b))
		notes = NULL;
	else if (opt_message || opt_file || !draft)
		notes = opt_dry_run && !opt_message && !opt_file ? xstrdup("<work notes>")
			: read_notes(number, b.ticket);
	else if (!(notes = bill_read_draft(draft)))
		exit(EXIT_ERROR);
	b.comment.subject = opt_subject;
	if (bill_set_options(&b, notes, &err) || bill_ask_charge(&b, 1, &err) ||
	    bill_prepare(&b, &err))
		api_die(&err);
	if (opt_dry_run) {
		bill_print_preview(&b, stdout);
		bill_print_requests(&b, stdout);
		bill_release(&b);
		free(notes);
		free(labor_text);
		return;
	}
	confirm(&b);
	if (bill_run(&b, &err)) {
		bill_failure_hints(&b, &hints);
		api_die_hints(&err, &hints);
	}
	bill_print_summary(&b);
	bill_finish(&b);
	bill_release(&b);
	free(notes);
	free(labor_text);
}

int main(int argc, char **argv)
{
	long number;

	argc = parse_options(&verb, argc, argv);
	if (opt_no_input)
		prompt_disable();
	if (opt_customer && !opt_resolved)
		usage_error(&verb, "--customer goes with --resolved");
	if (opt_resolved) {
		if (argc)
			usage_error(&verb, "--resolved bills every Resolved ticket; give no ticket");
		return bill_resolved(opt_customer, opt_yes, opt_dry_run);
	}
	if (argc != 1)
		usage_error(&verb, argc ? "give one ticket" : "which ticket? give its number");
	if ((number = ticket_number_parse(argv[0])) < 0)
		usage_error(&verb, "'%s' is not a ticket number", argv[0]);
	if (opt_abandon) {
		journal_abandon("bill", "bill", number, refuse_abandon, bill_describe_done);
		return 0;
	}
	bill_ticket(number);
	return 0;
}
