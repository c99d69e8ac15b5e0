/*
 * syncro connection-keeper: hold a warm connection to the account for the
 * next commands (connection-keeper.h). The first command that finds none
 * starts it in the background through the dispatcher's
 * `__connection-keeper`; hidden from `help`: nobody needs to type it.
 */
#include "compat.h"
#include "connection-keeper.h"
#include "parse-options.h"
#include "usage.h"

static const struct option_spec options[] = {
	OPT_END(),
};

static const struct verb_spec verb = {
	"connection-keeper", "syncro connection-keeper",
	"keep a connection to the account warm between commands",
	options, COMPLETE_NONE,
};

int main(int argc, char **argv)
{
	if (parse_options(&verb, argc, argv))
		usage_error(&verb, "connection-keeper takes no arguments");
	return keeper_serve();
}
