#include "compat.h"
#include "verbs.h"

/* Keep in the order `syncro help` shows them: daily work first. */
const struct core_verb core_verbs[] = {
	{ "list", "show the open tickets (what bare 'syncro' runs)", 0 },
	{ "ticket", "show one ticket with comments, time and billing", 0 },
	{ "status", "my day: my open tickets, overdue ones, uncharged time, live timers", 0 },
	{ "create", "open a new ticket", 0 },
	{ "update", "change a ticket's status, priority, tech or due date", 0 },
	{ "comment", "add a comment, optionally with labor time", 0 },
	{ "time", "list, add, edit, remove and charge time entries", 0 },
	{ "timer", "start and stop a live timer on a ticket", 0 },
	{ "bill", "turn a ticket's time into a verified invoice", 0 },
	{ "close", "resolve a ticket and write a session log", 0 },
	{ "invoice", "list, show and correct invoices", 0 },
	{ "estimate", "make, list, show, approve and decline estimates", 0 },
	{ "appointment", "list, book, move and remove appointments (alias appt)", 0 },
	{ "schedule", "list and show recurring invoice schedules (read-only)", 0 },
	{ "delete", "delete a ticket, refusing one with time or an invoice", 0 },
	{ "reopen", "put a resolved ticket back to work", 0 },
	{ "search", "find tickets of any status", 0 },
	{ "drafts", "list, show, send or drop the kept drafts", 0 },
	{ "customers", "find customers, or show one with contacts", 0 },
	{ "api", "make an authenticated API request (for scripts)", 0 },
	{ "doctor", "check config, key, connection and permissions", 0 },
	{ "config", "show the settings, set one, or set up an account", 0 },
	{ "sandbox", "run a local emulator of the Syncro API", 0 },
	{ "help", "show help for syncro or a verb", 0 },
	{ "refresh-cache", "fetch open tickets and settings into the completion cache", 1 },
	{ "connection-keeper", "keep a connection to the account warm between commands", 1 },
	{ NULL, NULL, 0 }
};

const struct core_verb *find_core_verb(const char *name)
{
	for (const struct core_verb *v = core_verbs; v->name; v++)
		if (!strcmp(v->name, name))
			return v;
	return NULL;
}
