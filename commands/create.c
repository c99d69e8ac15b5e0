/*
 * syncro create: open a ticket. One POST /tickets, after the lookups its
 * options need (customer search, settings, /me, contacts); the first
 * comment goes in the same request (comments_attributes), kept as a draft
 * until the ticket is made: a POST that got no answer may have made the
 * ticket, so that failure says how to look for it before running again.
 */
#include "compat.h"
#include "api.h"
#include "cache.h"
#include "comment.h"
#include "complete.h"
#include "config.h"
#include "customer-lookup.h"
#include "draft.h"
#include "json.h"
#include "labor.h"
#include "json-fields.h"
#include "output.h"
#include "parse-options.h"
#include "prompt.h"
#include "quote.h"
#include "ticket-fields.h"
#include "usage.h"
#include "write-plan.h"
#include "web-url.h"
#include "xmalloc.h"

static struct ticket_fields f;
static const char *customer, *body;
static int no_input, opt_dry_run, opt_yes;

static const struct option_spec options[] = {
	OPT_STRING_C(0, "customer", &customer, "NAME|ID", "the customer (a name is searched)",
		     COMPLETE_CUSTOMER),
	OPT_STRING(0, "subject", &f.subject, "TEXT", "the ticket's subject"),
	OPT_STRING('m', "body", &body, "TEXT", "the first comment: what the problem is"),
	OPT_STRING(0, "problem-type", &f.problem_type, "TYPE", "the problem type (Hardware, Email...)"),
	OPT_STRING_C(0, "status", &f.status, "STATUS", "the status (default: the account's, New)",
		     COMPLETE_STATUS),
	OPT_STRING(0, "priority", &f.priority, "PRIORITY", "the priority (\"1 High\"...)"),
	OPT_STRING(0, "due", &f.due, "DATE", "the due date: YYYY-MM-DD, tomorrow, +3d, friday"),
	OPT_STRING_C(0, "assign", &f.assign, "TECH|me", "assign a tech ('me': you)", COMPLETE_TECH),
	OPT_STRING_C(0, "tech", &f.assign, "TECH|me", "the same as --assign, as in 'list --tech'", COMPLETE_TECH),
	OPT_STRING(0, "contact", &f.contact, "NAME|ID", "the customer's contact"),
	OPT_STRING(0, "type", &f.type, "NAME|ID", "the ticket type"),
	OPT_JSON("print the new ticket as JSON"),
	OPT_NO_INPUT(&no_input, "never prompt: missing fields are errors"),
	OPT_DRY_RUN(&opt_dry_run),
	OPT_YES(&opt_yes, "send without asking (with confirm: writes)"),
	OPT_EXAMPLE("syncro create --customer \"desert sun\" --subject \"Scanner jams\" --assign me",
		    "open a ticket assigned to you (the rest is asked)"),
	OPT_EXAMPLE("syncro create --customer \"desert sun\" --subject \"Scanner jams\" --dry-run",
		    "show the request without sending it"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"create", "syncro create [options] --customer NAME|ID --subject TEXT",
	"open a new ticket", options, COMPLETE_NONE,
};

/* Without a terminal, name everything missing in one error. */
static void check_missing(void)
{
	const char *missing[2];
	size_t n = 0;

	if (!customer)
		missing[n++] = "--customer";
	if (!f.subject)
		missing[n++] = "--subject";
	if (!n || prompt_can_ask())
		return;
	if (n == 1)
		prompt_die_missing(missing[0]);
	die_with(EXIT_USAGE, "missing %s and %s; pass them%s", missing[0], missing[1],
		 isatty(STDIN_FILENO) ? " (prompts are off with --no-input)" :
		 " or run on a terminal");
}

static void ask_customer(char **asked)
{
	if (customer)
		return;
	if (prompt_line("Customer", NULL, asked) < 0)
		prompt_die_missing("--customer");
	customer = *asked;
}

/* The subject, then (when the subject was asked for) the first comment. */
static void ask_subject_and_body(char **asked_subject, char **asked_body)
{
	if (f.subject)
		return;
	if (prompt_line("Subject", NULL, asked_subject) < 0)
		prompt_die_missing("--subject");
	f.subject = *asked_subject;
	if (body)
		return;
	if (prompt_line("Description", "", asked_body) < 0)
		prompt_die_missing("--body");
	if (**asked_body)
		body = *asked_body;
}

static cJSON *first_comment(void)
{
	struct comment c = { 0, "Initial Issue", body, 0, !config_get()->email_comments };
	cJSON *list = cJSON_CreateArray();

	cJSON_AddItemToArray(list, comment_body(&c, NULL));
	return list;
}

/*
 * POST /tickets failed. Without an answer (exit 7) the ticket may exist:
 * say how to look for it and keep the first comment; otherwise nothing
 * was made and the draft goes.
 */
static _Noreturn void create_failed(struct api_error *err, char *draft)
{
	struct strvec hints = STRVEC_INIT;
	struct sbuf subject = SBUF_INIT;

	if (err->code == EXIT_NETWORK) {
		shell_quote(&subject, f.subject);
		strvec_pushf(&hints, "the ticket may have been created: look for it before you "
			     "run this again: syncro search %s", subject.buf);
		if (draft)
			strvec_pushf(&hints, "the first comment is saved in '%s'", draft);
	} else if (draft) {
		draft_delete(draft);
	}
	sbuf_release(&subject);
	free(draft);
	api_die_hints(err, &hints);
}

int main(int argc, char **argv)
{
	struct api_error err = API_ERROR_INIT;
	struct api_request post = { "POST", "/tickets", NULL, NULL, NULL };
	char *draft = NULL;
	char *asked_customer = NULL, *asked_subject = NULL, *asked_body = NULL, *name = NULL, *url;
	cJSON *req, *ticket;
	long customer_id;

	if (parse_options(&verb, argc, argv))
		usage_error(&verb, "'syncro create' takes no arguments; did you mean --subject?");
	if (no_input)
		prompt_disable();
	check_missing();
	if (body && !*body)
		die_with(EXIT_USAGE, "empty --body; leave it out or say what the problem is");

	/* Everything given is checked, then the customer, before the subject is typed. */
	req = cJSON_CreateObject();
	ticket_fields_add(req, &f);
	ask_customer(&asked_customer);
	customer_id = customer_lookup_resolve(customer, "--customer", &name);
	cJSON_AddNumberToObject(req, "customer_id", (double)customer_id);
	ticket_fields_add_contact(req, &f, customer_id);
	ask_subject_and_body(&asked_subject, &asked_body);
	if (asked_subject)
		cJSON_AddStringToObject(req, "subject", f.subject);
	if (body)
		cJSON_AddItemToObject(req, "comments_attributes", first_comment());

	{
		struct write_plan plan = WRITE_PLAN_INIT;

		write_plan_say(&plan, "open a ticket \"%s\" for %s%s%s", f.subject, name ? "" : "customer ",
			       name ? name : customer, body ? ", with its first comment" : "");
		write_plan_request(&plan, "POST", "/tickets", req);
		write_plan_go(&plan, &verb, opt_dry_run, opt_yes, 0);
		write_plan_release(&plan);
	}
	if (body && !(draft = draft_save(0, body))) {
		fprintf(stderr, "%s: not sending without a draft; your text follows\n%s\n",
			program_name(), body);
		exit(EXIT_ERROR);
	}
	post.body = req;
	if (api_call(&post, &ticket, &err))
		create_failed(&err, draft);
	ticket = api_unwrap(ticket, "ticket");
	cJSON_Delete(req);
	if (json_long(ticket, "number", -1) <= 0 || json_long(ticket, "id", -1) <= 0) {
		api_error_set(&err, EXIT_NETWORK, 200,
			      xstrdup("POST /tickets: the answer has no ticket"), NULL);
		create_failed(&err, draft);
	}
	if (draft)
		draft_delete(draft);
	free(draft);
	cache_store_tickets(ticket);

	if (opt_json) {
		output_json(ticket);
	} else {
		url = web_url_ticket(json_long(ticket, "id", -1));
		printf("created #%ld for ", json_long(ticket, "number", -1));
		output_text(stdout, json_string(ticket, "customer_business_then_name",
						name ? name : customer), SAFE_ONE_LINE);
		putchar('\n');
		if (url)
			printf("%s\n", url);
		free(url);
	}
	cJSON_Delete(ticket);
	free(name);
	free(asked_customer);
	free(asked_subject);
	free(asked_body);
	return fflush(stdout) ? EXIT_ERROR : EXIT_OK;
}
