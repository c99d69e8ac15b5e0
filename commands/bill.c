/*
 * syncro bill: turn a ticket's time into a verified invoice, one journaled
 * step after another, so that a failure at any step can be resumed by
 * running the same command again without posting anything twice.
 *
 *   1 read the ticket; refuse one already invoiced (--force to go on)
 *   2 minutes and labor: flags, prompts, or the config's defaults (--yes)
 *   3 the work notes as a comment, the labor recorded and charged
 *     (common/labor.h, per billing.method)
 *   4 charge the timers still uncharged (after asking)
 *   5 POST /invoices {ticket_id, customer_id}: "Make Invoice"
 *   6 verify that the invoice holds the ticket's lines
 *   7 status Invoiced
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
#include "output.h"
#include "parse-options.h"
#include "prompt.h"
#include "quote.h"
#include "ticket-number.h"
#include "usage.h"
#include "xmalloc.h"

static const char *opt_message, *opt_file, *opt_subject = "Update";
static const char *opt_minutes, *opt_labor, *opt_customer;
static int opt_yes, opt_force, opt_dry_run, opt_abandon, opt_resolved, opt_no_input;

static const struct option_spec options[] = {
	OPT_STRING('m', "message", &opt_message, "TEXT", "the work notes (else -F or the editor)"),
	OPT_STRING_C('F', "file", &opt_file, "FILE", "read the work notes from FILE ('-': stdin)",
		     COMPLETE_FILE),
	OPT_STRING(0, "subject", &opt_subject, "TEXT", "the comment's subject (default Update)"),
	OPT_STRING(0, "minutes", &opt_minutes, "N", "minutes of labor (else asked; config default)"),
	OPT_STRING_C(0, "labor", &opt_labor, "ALIAS", "labor alias or product id (else asked)",
		     COMPLETE_LABOR),
	OPT_BOOL('y', "yes", &opt_yes, "answer every question: defaults, charge, go on"),
	OPT_BOOL(0, "no-input", &opt_no_input, "never ask; a missing answer is an error"),
	OPT_BOOL(0, "force", &opt_force, "bill a ticket that is Invoiced or has an invoice"),
	OPT_BOOL('n', "dry-run", &opt_dry_run, "print the requests it would send, send none"),
	OPT_BOOL(0, "abandon", &opt_abandon, "forget the journal of an unfinished bill"),
	OPT_BOOL(0, "resolved", &opt_resolved, "bill every Resolved ticket with labor not invoiced"),
	OPT_STRING_C(0, "customer", &opt_customer, "NAME|ID", "with --resolved: one customer only",
		     COMPLETE_CUSTOMER),
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

/* A value from its flag, else the journal, else a prompt, else the default with --yes. */
static char *answer(const char *flag, const char *option, const char *journaled,
		    const char *question, const char *def)
{
	char *got = NULL;

	if (flag)
		return xstrdup(flag);
	if (journaled)
		return xstrdup(journaled);
	if (opt_yes)
		return xstrdup(def);
	if (prompt_line(question, def, &got) == PROMPT_OK)
		return got;
	prompt_die_missing(option);
}

static void abandon(long number)
{
	struct journal j = JOURNAL_INIT;
	struct sbuf done = SBUF_INIT;

	if (journal_load_to_forget(&j, "bill", number) < 0)
		exit(EXIT_ERROR);
	if (j.damaged) {
		if (journal_remove(&j) < 0)
			exit(EXIT_ERROR);
		fprintf(stderr, "forgot the damaged journal of #%ld; 'syncro ticket %ld' shows "
			"what Syncro holds\n", number, number);
		journal_release(&j);
		return;
	}
	if (!journal_exists(&j)) {
		fprintf(stderr, "no unfinished bill of #%ld to forget\n", number);
		journal_release(&j);
		return;
	}
	bill_describe_done(&j, &done);
	if (journal_remove(&j) < 0)
		exit(EXIT_ERROR);
	fprintf(stderr, "forgot the unfinished bill of #%ld", number);
	if (done.len)
		fprintf(stderr, "; Syncro keeps what it did: %s", done.buf);
	fputc('\n', stderr);
	sbuf_release(&done);
	journal_release(&j);
}

static void bill_ticket(long number)
{
	struct bill b;
	const struct syncro_config *cfg = config_get();
	char def_minutes[32], *minutes_text, *labor_text;
	struct api_error err = API_ERROR_INIT;
	struct strvec hints = STRVEC_INIT;
	const char *draft;
	char *notes = NULL;

	bill_init(&b, number, 1);
	if (bill_start(&b, &err))
		api_die(&err);
	if (!b.resuming && bill_refuse_invoiced(&b, opt_force, &err))
		api_die(&err);

	snprintf(def_minutes, sizeof(def_minutes), "%ld", cfg->labor_default_minutes);
	minutes_text = answer(opt_minutes, "--minutes", bill_option(&b, "minutes"),
			      "Minutes", def_minutes);
	labor_text = answer(opt_labor, "--labor", bill_option(&b, "labor"),
			    "Labor", cfg->labor_default);
	if (labor_minutes("--minutes", minutes_text, &b.labor.minutes, &err) ||
	    labor_product(labor_text, &b.labor.product_id, &err))
		api_die(&err);

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
	if (bill_set_options(&b, notes, &err))
		api_die(&err);

	if (bill_ask_charge(&b, opt_yes, &err))
		api_die(&err);
	if (opt_dry_run) {
		bill_print_requests(&b, stdout);
		bill_release(&b);
		free(notes);
		free(minutes_text);
		free(labor_text);
		return;
	}
	if (bill_run(&b, &err)) {
		bill_failure_hints(&b, &hints);
		api_die_hints(&err, &hints);
	}
	bill_print_summary(&b);
	bill_finish(&b);
	bill_release(&b);
	free(notes);
	free(minutes_text);
	free(labor_text);
}

int main(int argc, char **argv)
{
	long number;

	set_program_name("syncro bill");
	argc = parse_options(&verb, argc, argv);
	if (opt_no_input)
		prompt_disable();
	if (opt_customer && !opt_resolved)
		usage_error(&verb, "--customer goes with --resolved");
	if (opt_resolved) {
		if (argc)
			usage_error(&verb, "--resolved bills every Resolved ticket; give no ticket");
		if (opt_abandon || opt_message || opt_file || opt_minutes || opt_labor || opt_force)
			usage_error(&verb, "--resolved takes only --customer, --yes, --no-input and --dry-run");
		return bill_resolved(opt_customer, opt_yes, opt_dry_run);
	}
	if (argc != 1)
		usage_error(&verb, argc ? "give one ticket" : "which ticket? give its number");
	if ((number = ticket_number_parse(argv[0])) < 0)
		usage_error(&verb, "'%s' is not a ticket number", argv[0]);
	if (opt_message && opt_file)
		usage_error(&verb, "give the notes with -m or -F, not both");
	if (opt_abandon) {
		abandon(number);
		return 0;
	}
	bill_ticket(number);
	return 0;
}
