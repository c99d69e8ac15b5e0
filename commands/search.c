/*
 * syncro search WORDS: tickets of every status in whose subject or
 * customer every word occurs, in any order (or whose number is the one
 * given), newest first, one summary line each. The API's query matches
 * one phrase: the longest word goes to it, the others are checked here.
 */
#include "compat.h"
#include "complete.h"
#include "customer-lookup.h"
#include "json-fields.h"
#include "output.h"
#include "parse-options.h"
#include "ticket-list.h"
#include "ticket-settings.h"
#include "usage.h"
#include "xmalloc.h"

static long opt_limit;
static int opt_all;
static const char *opt_status, *opt_customer;

static const struct option_spec options[] = {
	OPT_STRING_C('s', "status", &opt_status, "STATUS", "only tickets in STATUS",
		     COMPLETE_STATUS),
	OPT_STRING_C(0, "customer", &opt_customer, "NAME|ID", "only this customer's tickets",
		     COMPLETE_CUSTOMER),
	OPT_BOOL('a', "all", &opt_all, "tickets of every status (the default, as 'list --all')"),
	OPT_INT('n', "limit", &opt_limit, "N", "show at most N tickets (stop paging there)"),
	OPT_JSON("print the tickets as one JSON array"),
	OPT_EXCLUSIVE("all status"),
	OPT_EXAMPLE("syncro search outlook password",
		    "open tickets that mention both words"),
	OPT_EXAMPLE("syncro search --status Resolved --customer 'Desert Sun Dental' printer",
		    "resolved ones of one customer"),
	OPT_EXAMPLE("syncro search --limit 5 printer",
		    "the first five"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"search", "syncro search [options] WORD...",
	"find tickets of any status", options, COMPLETE_NONE,
};

/* Each blank-separated word of argv, once. */
static void split_words(int argc, char **argv, struct strvec *words)
{
	for (int i = 0; i < argc; i++) {
		const char *p = argv[i];

		while (*p) {
			size_t len;

			p += strspn(p, " \t\n");
			len = strcspn(p, " \t\n");
			if (len)
				strvec_pushf(words, "%.*s", (int)len, p);
			p += len;
		}
	}
}

static size_t longest(const struct strvec *words)
{
	size_t best = 0;

	for (size_t i = 1; i < words->nr; i++)
		if (strlen(words->v[i]) > strlen(words->v[best]))
			best = i;
	return best;
}

int main(int argc, char **argv)
{
	struct strvec query = STRVEC_INIT, words = STRVEC_INIT;
	struct sbuf text = SBUF_INIT;
	struct ticket_list *tl;
	char *status = NULL;

	argc = parse_options(&verb, argc, argv);
	split_words(argc, argv, &words);
	if (!words.nr)
		usage_error(&verb, "what should be searched for? give some text");
	if (opt_limit < 0)
		usage_error(&verb, "'--limit' must be 0 or more, not %ld", opt_limit);
	for (size_t i = 0; i < words.nr; i++)
		sbuf_addf(&text, "%s%s", i ? " " : "", words.v[i]);

	strvec_pushf(&query, "query=%s", words.v[longest(&words)]);
	if (opt_status) {
		status = ticket_settings_check_status(opt_status, "--status");
		strvec_pushf(&query, "status=%s", status);
	}
	if (opt_customer)
		strvec_pushf(&query, "customer_id=%ld",
			     customer_lookup_history(opt_customer, "--customer", NULL));
	tl = ticket_list_new(opt_json ? TICKET_LIST_JSON : 0, opt_limit);
	if (words.nr > 1)
		ticket_list_require_words(tl, &words);
	if (!opt_json)
		pager_start();
	ticket_list_fetch(tl, &query);
	if (!ticket_list_finish(tl))
		fprintf(stderr, "no tickets match '%s'\n", text.buf);
	free(status);
	strvec_clear(&query);
	strvec_clear(&words);
	sbuf_release(&text);
	return 0;
}
