/*
 * syncro delete N (or syncro ticket rm N): delete a ticket, after a
 * confirmation that names it. A ticket with time (timers or lines) or an
 * invoice is refused unless --force: deleting it loses billed or billable
 * work. The delete is read back.
 */
#include "compat.h"
#include <cjson/cJSON.h>
#include "api.h"
#include "cache.h"
#include "complete.h"
#include "exit-codes.h"
#include "invoice-view.h"
#include "json.h"
#include "parse-options.h"
#include "ticket-number.h"
#include "usage.h"
#include "write-plan.h"
#include "xmalloc.h"

static int opt_force, opt_dry_run, opt_yes;

static const struct option_spec options[] = {
	OPT_BOOL(0, "force", &opt_force, "delete a ticket with time or an invoice too"),
	OPT_DRY_RUN(&opt_dry_run),
	OPT_YES(&opt_yes, "delete without asking"),
	OPT_EXAMPLE("syncro delete 32164 --dry-run",
		    "show the delete without sending it"),
	OPT_EXAMPLE("syncro delete 32164 --force",
		    "delete a ticket that has time or an invoice too"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"delete", "syncro delete N [--force] [--dry-run] [--yes]\n   or: syncro ticket rm N ...",
	"delete a ticket, refusing one with time or an invoice", options,
	COMPLETE_TICKET,
};

/* What it holds, freed at exit (also after a die()). */
static struct {
	cJSON *ticket;
	char *path;
	struct write_plan plan;
} h = { NULL, NULL, WRITE_PLAN_INIT };

static void release_held(void)
{
	cJSON_Delete(h.ticket);
	free(h.path);
	write_plan_release(&h.plan);
}

int main(int argc, char **argv)
{
	struct api_error err = API_ERROR_INIT;
	long number, id;
	int timers, lines, invoices;
	cJSON *gone;

	argc = parse_options(&verb, argc, argv);
	atexit(release_held);
	if (argc != 1)
		usage_error(&verb, "say which ticket: syncro delete N");
	number = ticket_number_parse(argv[0]);
	if (number < 0)
		usage_error(&verb, "'%s' is not a ticket number", argv[0]);
	h.ticket = api_ticket_get(number);
	id = json_long(h.ticket, "id", -1);
	invoices = invoice_count_for_ticket(id);
	timers = cJSON_GetArraySize(json_get(h.ticket, "ticket_timers"));
	lines = cJSON_GetArraySize(json_get(h.ticket, "line_items"));
	write_plan_say(&h.plan, "delete ticket #%ld \"%s\" of %s (%s)", number,
		       json_string(h.ticket, "subject", ""),
		       json_string(h.ticket, "customer_business_then_name", "?"),
		       json_string(h.ticket, "status", "?"));
	if (timers || lines || invoices)
		write_plan_say(&h.plan, "  it has %d timer%s, %d line item%s and %d invoice%s", timers,
			       timers == 1 ? "" : "s", lines, lines == 1 ? "" : "s", invoices,
			       invoices == 1 ? "" : "s");
	if ((timers || lines || invoices) && !opt_force)
		die_with(EXIT_USAGE, "ticket #%ld has time or an invoice (%d timer%s, %d line item%s, "
			 "%d invoice%s): deleting it loses that work; pass --force if you mean it",
			 number, timers, timers == 1 ? "" : "s", lines, lines == 1 ? "" : "s",
			 invoices, invoices == 1 ? "" : "s");
	h.path = xstrfmt("/tickets/%ld", id);
	write_plan_request(&h.plan, "DELETE", h.path, NULL);
	write_plan_go(&h.plan, &verb, opt_dry_run, opt_yes, 1);
	cJSON_Delete(api_delete(h.path));
	{
		struct api_request req = { "GET", h.path, NULL, NULL, NULL };

		if (!api_call(&req, &gone, &err)) {
			cJSON_Delete(gone);
			die("Syncro answered the delete, but ticket #%ld is still there; check it in "
			    "the web app", number);
		}
		if (err.status != 404)
			api_die(&err);
		api_error_release(&err);
	}
	cache_forget_ticket(number);
	printf("deleted ticket #%ld \"%s\" of %s\n", number, json_string(h.ticket, "subject", ""),
	       json_string(h.ticket, "customer_business_then_name", "?"));
	return 0;
}
