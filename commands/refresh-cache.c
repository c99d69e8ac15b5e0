/*
 * syncro refresh-cache: fetch the open tickets and the ticket settings into
 * the local cache that completion reads. Completion starts it in the
 * background (through the dispatcher's `__refresh-cache`) when the cache is
 * stale; it also suits cron. Hidden from `help`: nobody needs to type it.
 * `--print-dir` answers the dispatcher's `syncro __cache-dir`.
 */
#include "compat.h"
#include "cache-dir.h"
#include "cache-refresh.h"
#include "parse-options.h"
#include "usage.h"

static int print_dir;
static const struct option_spec options[] = {
	OPT_BOOL(0, "print-dir", &print_dir, "print the account's cache directory, fetch nothing"),
	OPT_EXAMPLE("syncro refresh-cache",
		    "fetch the tickets and settings completion offers"),
	OPT_EXAMPLE("syncro refresh-cache --print-dir",
		    "print the account's cache directory"),
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
	if (print_dir) {
		char *dir = cache_path(NULL);

		if (!dir)
			die_with(EXIT_AUTH, "no Syncro account configured, so no cache; set "
				 "SYNCRO_SUBDOMAIN (see 'syncro doctor')");
		puts(dir);
		free(dir);
		return 0;
	}
	/* 1: another refresh holds the lock and will do the same work. */
	cache_refresh();
	return 0;
}
