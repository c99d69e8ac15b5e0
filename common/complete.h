/*
 * The `__complete` protocol. `syncro-VERB __complete WORD... CURRENT`
 * prints one candidate per line as "value<TAB>description", then a line
 * ":N" whose bits tell the shell what else to do. Never touches the network.
 */
#ifndef SYNCRO_COMPLETE_H
#define SYNCRO_COMPLETE_H

#include "parse-options.h"

enum complete_directive {
	DIRECTIVE_ERROR = 1,		/* nothing sensible: do nothing */
	DIRECTIVE_NO_SPACE = 2,		/* do not add a space after the value */
	DIRECTIVE_NO_FILE = 4,		/* do not fall back to file names */
	DIRECTIVE_KEEP_ORDER = 32,	/* keep our order (open tickets first) */
};

/* Answer for a verb from its option table; returns the exit code (0). */
int complete_verb(const struct verb_spec *verb, int nwords, const char **words);

/* Print the candidates of one kind that start with prefix; returns directive bits. */
int complete_kind(enum complete_kind kind, const char *values, const char *prefix);

/* One candidate line; description may be NULL. */
void complete_candidate(const char *value, const char *description);

#endif
