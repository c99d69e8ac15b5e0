/*
 * syncro reopen N: put a done ticket (Resolved, Invoiced, Closed) back to
 * work with one PUT of its status, "In Progress" unless --status says.
 * A ticket that is not done is left alone.
 */
#include "compat.h"
#include "api.h"
#include "cache.h"
#include "complete.h"
#include "json.h"
#include "json-fields.h"
#include "output.h"
#include "parse-options.h"
#include "ticket-settings.h"
#include "ticket-status.h"
#include "usage.h"
#include "write-plan.h"
#include "xmalloc.h"

static const char *opt_status = "In Progress";
static int opt_yes, opt_dry_run;

static const struct option_spec options[] = {
	OPT_STRING_C(0, "status", &opt_status, "STATUS",
		     "the status to reopen to (default: In Progress)", COMPLETE_STATUS),
	OPT_JSON("print the reopened ticket as JSON"),
	OPT_YES(&opt_yes, "send without asking (confirm: writes)"),
	OPT_DRY_RUN(&opt_dry_run),
	OPT_EXAMPLE("syncro reopen 32134",
		    "open a resolved ticket again"),
	OPT_EXAMPLE("syncro reopen --status 'Waiting on Customer' 32134",
		    "with another status"),
	OPT_EXAMPLE("syncro reopen 32134 --dry-run",
		    "show the status change without sending it"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"reopen", "syncro reopen [--status STATUS] [--dry-run] N",
	"put a resolved ticket back to work", options, COMPLETE_TICKET,
};

/* The PUT in words and as a request; --dry-run stops here, confirm: writes asks. */
static void preview(long number, const char *was, const char *status, const cJSON *req)
{
	struct write_plan plan = WRITE_PLAN_INIT;
	char *path = xstrfmt("/tickets/%ld", api_ticket_id(number));

	write_plan_say(&plan, "set ticket #%ld from %s to %s", number, was, status);
	write_plan_request(&plan, "PUT", path, req);
	write_plan_go(&plan, &verb, opt_dry_run, opt_yes, 0);
	write_plan_release(&plan);
	free(path);
}

int main(int argc, char **argv)
{
	cJSON *req, *before, *after;
	const char *was;
	char *status;
	long number;

	if (parse_options(&verb, argc, argv) != 1)
		usage_error(&verb, "'syncro reopen' takes one ticket number");
	number = ticket_number_parse(argv[0]);
	if (number < 0)
		usage_error(&verb, "'%s' is not a ticket number", argv[0]);
	status = ticket_settings_check_status(opt_status, "--status");
	if (ticket_status_done(status))
		usage_error(&verb, "'%s' is a done status; reopen to one that is not", status);

	before = api_ticket_lookup(number);
	was = json_string(before, "status", "");
	if (!ticket_status_done(was)) {
		fprintf(stderr, "#%ld is not done (%s); nothing to reopen\n", number, was);
		cJSON_Delete(before);
		free(status);
		return EXIT_OK;
	}
	req = cJSON_CreateObject();
	cJSON_AddStringToObject(req, "status", status);
	preview(number, was, status, req);
	after = api_unwrap(api_ticket(number, "PUT", "", req), "ticket");
	if (!cJSON_IsObject(after))
		die_with(EXIT_NETWORK, "PUT ticket #%ld: the answer has no ticket; check with "
			 "'syncro ticket %ld'", number, number);
	cache_store_tickets(after);
	if (opt_json) {
		output_json(after);
	} else {
		output_status_change(number, was, json_string(after, "status", status));
	}
	cJSON_Delete(req);
	cJSON_Delete(before);
	cJSON_Delete(after);
	free(status);
	return fflush(stdout) ? EXIT_ERROR : EXIT_OK;
}
