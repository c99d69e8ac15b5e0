/*
 * syncro refresh-cache: fetch the open tickets and the ticket settings into
 * the local cache that completion reads. Completion starts it in the
 * background (through the dispatcher's `__refresh-cache`) when the cache is
 * stale; it also suits cron. Hidden from `help`: nobody needs to type it.
 */
#include "compat.h"
#include "cache-refresh.h"
#include "parse-options.h"

static const struct option_spec options[] = {
	OPT_END(),
};

static const struct verb_spec verb = {
	"refresh-cache", "syncro refresh-cache",
	"fetch the open tickets and ticket settings into the completion cache",
	options, COMPLETE_NONE,
};

int main(int argc, char **argv)
{
	if (parse_options(&verb, argc, argv))
		usage_error(&verb, "refresh-cache takes no arguments");
	/* 1: another refresh holds the lock and will do the same work. */
	cache_refresh();
	return 0;
}
