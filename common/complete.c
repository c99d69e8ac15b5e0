#include "compat.h"
#include "complete.h"
#include "verbs.h"

int complete_verbs(const char *prefix)
{
	for (const struct core_verb *v = core_verbs; v->name; v++)
		if (!v->hidden && starts_with(v->name, prefix))
			complete_candidate(v->name, v->summary);
	return DIRECTIVE_NO_FILE;
}

static int verbs(const char *values, const char *prefix)
{
	(void)values;
	return complete_verbs(prefix);
}

const struct complete_source complete_source_verbs = { verbs };
