/*
 * syncro ticket N: one ticket with its latest comments, time, labor lines
 * and billing. One request when the number is cached, else two (the
 * number's id, then the ticket).
 */
#include "compat.h"
#include "api.h"
#include "cache.h"
#include "complete.h"
#include "json-fields.h"
#include "output.h"
#include "parse-options.h"
#include "run-command.h"
#include "ticket-view.h"
#include "usage.h"
#include "web-url.h"
#include "xmalloc.h"

static const char *opt_comments;
static int opt_web;

static const struct option_spec options[] = {
	OPT_CHOICE(0, "comments", &opt_comments, "N|all",
		   "show the latest N comments, or all (default 5)", "all"),
	OPT_BOOL('w', "web", &opt_web, "print the ticket's web page and open it in a browser"),
	OPT_JSON("print the ticket object as JSON"),
	OPT_EXAMPLE("syncro ticket 32164",
		    "one ticket: fields, latest comments, time, lines, billing"),
	OPT_EXAMPLE("syncro ticket --comments all '#32164' | less",
		    "every comment"),
	OPT_EXAMPLE("syncro ticket --json 32164 | jq .ticket_timers",
		    "its timers, for a script"),
	OPT_EXAMPLE("syncro ticket --web 32164",
		    "open it in the browser"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"ticket", "syncro ticket [options] N\n"
	"   or: syncro ticket rm N [--force] [--dry-run] [--yes]   (syncro delete: delete it)",
	"show one ticket with comments, time and billing", options, COMPLETE_TICKET,
};

static long comments_wanted(void)
{
	char *end;
	long n;

	if (!opt_comments)
		return TICKET_VIEW_COMMENTS;
	if (!strcmp(opt_comments, "all"))
		return -1;
	errno = 0;
	n = strtol(opt_comments, &end, 10);
	if (errno || end == opt_comments || *end || n < 0)
		usage_error(&verb, "'--comments' takes a number or 'all', not '%s'", opt_comments);
	return n;
}

/* Print the page; on a terminal, open it with the desktop's opener too. */
static void open_web(long number)
{
	static const char *const openers[] = { "xdg-open", "open" };
	char *url = web_url_ticket(api_ticket_id(number));

	if (!url)
		die("no base URL to make the ticket's web address from; set subdomain or SYNCRO_BASE_URL");
	printf("%s\n", url);
	fflush(stdout);
#ifdef _WIN32
	/* the desktop's opener is ShellExecute, what `start` uses */
	if (isatty(STDOUT_FILENO) && compat_open_url(url) < 0)
		warning("cannot open '%s': %s; open the page yourself", url, strerror(errno));
	(void)openers;
#else
	for (size_t i = 0; isatty(STDOUT_FILENO) && i < ARRAY_SIZE(openers); i++) {
		char *path = path_lookup(openers[i]);
		const char *argv[3] = { openers[i], url, NULL };

		if (!path)
			continue;
		free(path);
		/* Not waited for: a browser it starts may run for hours. */
		if (run_detached(argv))
			warning("cannot run '%s': %s; open the page yourself", openers[i],
				strerror(errno));
		break;
	}
#endif
	free(url);
}

int main(int argc, char **argv)
{
	long number, comments;
	cJSON *ticket;

	argc = parse_options(&verb, argc, argv);
	if (argc != 1)
		usage_error(&verb, argc ? "too many arguments" : "which ticket? give its number");
	number = ticket_number_parse(argv[0]);
	if (number < 0)
		usage_error(&verb, "'%s' is not a ticket number (like 32164 or #32164)", argv[0]);
	comments = comments_wanted();
	if (opt_web) {
		if (opt_json || opt_comments)
			usage_error(&verb, "'--web' takes no other option");
		open_web(number);
		return 0;
	}

	ticket = api_ticket_get(number);
	if (!cJSON_IsObject(ticket))
		die_with(EXIT_NETWORK, "the API sent no ticket for #%ld; try again later", number);
	cache_store_tickets(ticket);
	if (opt_json) {
		output_json(ticket);
	} else {
		pager_start();
		ticket_view_print(ticket, comments);
	}
	cJSON_Delete(ticket);
	return 0;
}
