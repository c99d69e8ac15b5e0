/*
 * syncro-test-verb: a verb that exists only for the tests. Its option
 * table has one option of every completion kind, so completion can be
 * tested before (and apart from) the real verbs. Run normally, it prints
 * what it parsed.
 */
#include "compat.h"
#include "complete.h"
#include "parse-options.h"

static const char *status, *labor, *customer, *tech, *method, *file;
static int yes;

static const struct option_spec options[] = {
	OPT_STRING_C('s', "status", &status, "STATUS", "set the status", COMPLETE_STATUS),
	OPT_STRING_C('l', "labor", &labor, "ALIAS", "the labor product", COMPLETE_LABOR),
	OPT_STRING_C(0, "customer", &customer, "NAME", "the customer", COMPLETE_CUSTOMER),
	OPT_STRING_C(0, "assign", &tech, "TECH", "the tech", COMPLETE_TECH),
	OPT_CHOICE(0, "method", &method, "METHOD", "the billing method", "timer line-item comment"),
	OPT_STRING_C(0, "attach", &file, "FILE", "a file to attach", COMPLETE_FILE),
	OPT_BOOL('y', "yes", &yes, "do not ask"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"test-verb", "syncro test-verb [options] N...", "a verb for the tests",
	options, COMPLETE_TICKET,
};

int main(int argc, char **argv)
{
	int n = parse_options(&verb, argc, argv);

	printf("status=%s method=%s yes=%d\n", status ? status : "", method ? method : "", yes);
	for (int i = 0; i < n; i++)
		printf("operand=%s\n", argv[i]);
	return 0;
}
