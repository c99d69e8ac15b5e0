/*
 * syncro list (and bare syncro): the open tickets, one summary line each,
 * newest first. Every page of GET /tickets, one request a page.
 */
#include "compat.h"
#include "complete.h"
#include "customer-lookup.h"
#include "name-match.h"
#include "json-fields.h"
#include "output.h"
#include "parse-options.h"
#include "tech-lookup.h"
#include "ticket-list.h"
#include "ticket-settings.h"
#include "usage.h"
#include "xmalloc.h"

static struct strvec statuses = STRVEC_INIT;
static int opt_all, opt_mine;
static const char *opt_customer, *opt_tech, *opt_sort, *opt_priority;
static long opt_limit;

static const struct option_spec options[] = {
	OPT_LIST('s', "status", &statuses, "STATUS",
		 "only tickets in STATUS (repeatable; any status, done ones too)", COMPLETE_STATUS),
	OPT_BOOL('a', "all", &opt_all, "tickets of every status"),
	OPT_BOOL(0, "mine", &opt_mine, "only tickets assigned to you"),
	OPT_STRING_C(0, "customer", &opt_customer, "NAME|ID", "only this customer's tickets",
		     COMPLETE_CUSTOMER),
	OPT_STRING_C(0, "tech", &opt_tech, "NAME|ID", "only tickets assigned to this tech ('me': you)",
		     COMPLETE_TECH),
	OPT_STRING_C(0, "assign", &opt_tech, "NAME|ID", "the same as --tech, as in 'create --assign'", COMPLETE_TECH),
	OPT_INT('n', "limit", &opt_limit, "N", "show at most N tickets (stop paging there)"),
	OPT_STRING(0, "sort", &opt_sort, "KEY", "order by number (newest first), updated, due, priority or age"),
	OPT_STRING(0, "priority", &opt_priority, "P", "only tickets of priority P ('high' is '1 High')"),
	OPT_JSON("print the tickets as one JSON array"),
	OPT_EXCLUSIVE("all status"),
	OPT_EXCLUSIVE("mine tech"),
	OPT_EXCLUSIVE("mine assign"),
	OPT_EXAMPLE("syncro list --mine --status \"Customer Reply\"",
		    "my tickets the customer answered"),
	OPT_EXAMPLE("syncro list --customer \"desert sun\" --all",
		    "every ticket of one customer, closed ones too"),
	OPT_EXAMPLE("syncro list --priority high --sort due",
		    "the high-priority ones, soonest due first"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"list", "syncro list [options]",
	"show the open tickets (what bare 'syncro' runs)", options, COMPLETE_NONE,
};

/* The filters every request stream shares, after its status. */
static void add_filters(struct strvec *query)
{
	if (opt_customer)
		strvec_pushf(query, "customer_id=%ld", customer_lookup_history(opt_customer, "--customer", NULL));
	if (opt_tech)
		strvec_pushf(query, "user_id=%ld", tech_resolve(opt_tech, "--tech", NULL));
	if (opt_mine)
		strvec_push(query, "mine=true");
}

/* --status values in the account's spelling, each once. */
static void check_statuses(struct strvec *out)
{
	for (size_t i = 0; i < statuses.nr; i++) {
		char *status = ticket_settings_check_status(statuses.v[i], "--status");
		size_t j;

		for (j = 0; j < out->nr && strcmp(out->v[j], status); j++)
			;
		if (j == out->nr)
			strvec_push(out, status);
		free(status);
	}
}

static const char *const sort_keys[] = { "number", "updated", "due", "priority", "age" };

static enum ticket_list_sort parse_sort(void)
{
	struct strvec keys = STRVEC_INIT;
	const char *closest;
	long i;

	if (!opt_sort)
		return TICKET_LIST_BY_NUMBER;
	for (i = 0; i < (long)ARRAY_SIZE(sort_keys); i++)
		strvec_push(&keys, sort_keys[i]);
	i = name_match_equal(&keys, opt_sort);
	if (i >= 0) {
		strvec_clear(&keys);
		return (enum ticket_list_sort)i;
	}
	closest = name_match_closest(&keys, opt_sort);
	if (closest)
		usage_error(&verb, "unknown key '%s' for --sort; did you mean '%s'? (number, updated, due, priority, age)",
			    opt_sort, closest);
	usage_error(&verb, "unknown key '%s' for --sort; use number, updated, due, priority or age", opt_sort);
}

/* One request stream for status (NULL: every status). */
static void fetch(struct ticket_list *tl, const struct strvec *filters, const char *status)
{
	struct strvec query = STRVEC_INIT;

	if (status)
		strvec_pushf(&query, "status=%s", status);
	for (size_t i = 0; i < filters->nr; i++)
		strvec_push(&query, filters->v[i]);
	ticket_list_fetch(tl, &query);
	strvec_clear(&query);
}

int main(int argc, char **argv)
{
	struct strvec wanted = STRVEC_INIT, filters = STRVEC_INIT;
	struct ticket_list *tl;
	unsigned flags = TICKET_LIST_DETAILS;
	enum ticket_list_sort sort;
	int open_only, tty;
	size_t shown;

	if (parse_options(&verb, argc, argv))
		usage_error(&verb, "unexpected argument '%s'", argv[0]);
	if (opt_limit < 0)
		usage_error(&verb, "'--limit' must be 0 or more, not %ld", opt_limit);

	sort = parse_sort();
	check_statuses(&wanted);
	add_filters(&filters);
	open_only = !opt_all && !wanted.nr;
	if (open_only)
		flags |= TICKET_LIST_OPEN;
	if (open_only && !filters.nr)
		flags |= TICKET_LIST_COMPLETE;
	if (opt_json)
		flags |= TICKET_LIST_JSON;
	if (wanted.nr > 1)
		flags |= TICKET_LIST_MERGE;

	tty = isatty(STDOUT_FILENO);
	if (!opt_json)
		pager_start();
	tl = ticket_list_new(flags, opt_limit);
	ticket_list_sort_by(tl, sort);
	if (opt_priority)
		ticket_list_require_priority(tl, opt_priority, "--priority");
	if (open_only)
		fetch(tl, &filters, "Not Closed");
	else if (opt_all)
		fetch(tl, &filters, NULL);
	for (size_t i = 0; i < wanted.nr && !ticket_list_full(tl); i++)
		fetch(tl, &filters, wanted.v[i]);
	shown = ticket_list_finish(tl);

	if (!opt_json && tty)
		printf("%zu %sticket%s\n", shown, open_only ? "open " : "", shown == 1 ? "" : "s");
	strvec_clear(&wanted);
	strvec_clear(&filters);
	strvec_clear(&statuses);
	return 0;
}
