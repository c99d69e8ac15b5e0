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

/*
 * The kinds answered from the cache (complete-cache.c); each prints the
 * candidates that start with prefix and returns the directive bits. They
 * never wait on the network: a stale cache starts one background refresh
 * (cache-refresh.h) and is answered from as it is; an empty one answers
 * nothing.
 *   tickets    "32164<TAB>New · Jerry Burger · Own cloud thing again",
 *              open tickets first; "#321" gives "#32164"
 *   statuses   the ticket_status_list of the cached settings
 *   labor      the config's labor aliases: "remote<TAB>product 1190473"
 *   customers  the cached customers and those of the cached tickets
 *   techs      the users of the cached settings: "Sam Ortega<TAB>id 74572"
 */
int complete_tickets(const char *prefix);
int complete_statuses(const char *prefix);
int complete_labor(const char *prefix);
int complete_customers(const char *prefix);
int complete_techs(const char *prefix);

#endif
