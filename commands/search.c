/*
 * syncro search TEXT: tickets of every status whose subject, customer or
 * number matches (the API's query), newest first, one summary line each.
 */
#include "compat.h"
#include "parse-options.h"
#include "ticket-list.h"
#include "usage.h"

static long opt_limit;
static int opt_json;

static const struct option_spec options[] = {
	OPT_INT('n', "limit", &opt_limit, "N", "show at most N tickets (stop paging there)"),
	OPT_BOOL(0, "json", &opt_json, "print the tickets as one JSON array"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"search", "syncro search [options] TEXT...",
	"find tickets of any status", options, COMPLETE_NONE,
};

int main(int argc, char **argv)
{
	struct strvec query = STRVEC_INIT;
	struct sbuf text = SBUF_INIT;
	struct ticket_list *tl;

	argc = parse_options(&verb, argc, argv);
	for (int i = 0; i < argc; i++)
		sbuf_addf(&text, "%s%s", i ? " " : "", argv[i]);
	sbuf_trim(&text);
	if (!text.len)
		usage_error(&verb, "what should be searched for? give some text");
	if (opt_limit < 0)
		usage_error(&verb, "'--limit' must be 0 or more, not %ld", opt_limit);

	strvec_pushf(&query, "query=%s", text.buf);
	tl = ticket_list_new(opt_json ? TICKET_LIST_JSON : 0, opt_limit);
	ticket_list_fetch(tl, &query);
	if (!ticket_list_finish(tl))
		fprintf(stderr, "no tickets match '%s'\n", text.buf);
	strvec_clear(&query);
	sbuf_release(&text);
	return 0;
}
