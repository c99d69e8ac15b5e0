/*
 * One option table per verb: it parses the command line, prints --help and
 * answers `__complete`, so the three never drift apart.
 *
 *   static const char *message;
 *   static int log_it;
 *   static struct option_spec options[] = {
 *       OPT_STRING('m', "message", &message, "TEXT", "add a resolution comment"),
 *       OPT_BOOL(0, "log", &log_it, "write the session log without asking"),
 *       OPT_END(),
 *   };
 *   static const struct verb_spec verb = {
 *       "close", "syncro close [options] N", "resolve a ticket", options,
 *       COMPLETE_TICKET,
 *   };
 *   argc = parse_options(&verb, argc, argv);   // argv[0..argc) = operands
 *
 * Every verb also gets -h/--help, -v/--verbose and --as NAME (which sets
 * SYNCRO_PROFILE for the config to choose that profile's key). Values stay owned by
 * argv (OPT_STRING) or by the strvec (OPT_LIST).
 */
#ifndef SYNCRO_PARSE_OPTIONS_H
#define SYNCRO_PARSE_OPTIONS_H

#include "sbuf.h"

/* What completes a value: an option's argument or a verb's operands. */
enum complete_kind {
	COMPLETE_NONE,		/* free text: offer nothing */
	COMPLETE_FILE,		/* let the shell complete file names */
	COMPLETE_TICKET,	/* ticket numbers from the cache */
	COMPLETE_STATUS,	/* statuses from the cached settings */
	COMPLETE_LABOR,		/* labor aliases from the config */
	COMPLETE_CUSTOMER,	/* customers from the cache */
	COMPLETE_TECH,		/* techs from the cached settings */
	COMPLETE_VALUES,	/* the fixed words in option_spec.values */
	COMPLETE_VERB,		/* syncro verbs (help VERB) */
	COMPLETE_PROFILE,	/* profile names from the config */
	COMPLETE_INVOICE,	/* invoice numbers from the cache */
};

enum option_type {
	OPTION_END,
	OPTION_BOOL,	/* int *: set to 1 */
	OPTION_STRING,	/* const char **: the argument */
	OPTION_INT,	/* long *: a whole number, checked */
	OPTION_LIST,	/* struct strvec *: every occurrence, in order */
};

struct option_spec {
	enum option_type type;
	int short_name;
	const char *long_name;
	void *value;
	const char *argh;	/* the argument's name in --help: "N", "TEXT" */
	const char *help;
	enum complete_kind complete;
	const char *values;	/* COMPLETE_VALUES: "timer line-item comment" */
};

#define OPT_BOOL(s, l, v, h) { OPTION_BOOL, (s), (l), (v), NULL, (h), COMPLETE_NONE, NULL }
#define OPT_STRING(s, l, v, a, h) { OPTION_STRING, (s), (l), (v), (a), (h), COMPLETE_NONE, NULL }
#define OPT_STRING_C(s, l, v, a, h, c) { OPTION_STRING, (s), (l), (v), (a), (h), (c), NULL }
#define OPT_CHOICE(s, l, v, a, h, words) { OPTION_STRING, (s), (l), (v), (a), (h), COMPLETE_VALUES, (words) }
#define OPT_INT(s, l, v, a, h) { OPTION_INT, (s), (l), (v), (a), (h), COMPLETE_NONE, NULL }
#define OPT_LIST(s, l, v, a, h, c) { OPTION_LIST, (s), (l), (v), (a), (h), (c), NULL }
#define OPT_END() { OPTION_END, 0, NULL, NULL, NULL, NULL, COMPLETE_NONE, NULL }

struct verb_spec {
	const char *name;		/* "close" */
	const char *usage;		/* "syncro close [options] N" */
	const char *summary;		/* one line for --help and `help -a` */
	const struct option_spec *options;
	enum complete_kind operands;	/* what completes the operands */
};

/* Set by -v/--verbose on any verb: trace requests to stderr. */
extern int opt_verbose;
/* Set to 1 before parse_options() in a program that uses no key: no --as. */
extern int parse_options_no_profile;

/*
 * Parse argv against the verb's table. Handles --help (prints usage, exits
 * 0) and `__complete` (answers, exits 0). A bad option is a usage error
 * (exit 2). Returns the number of operands, moved to argv[0..n).
 */
int parse_options(const struct verb_spec *verb, int argc, char **argv);

/* Print the verb's usage and option table to fp. */
void print_usage(const struct verb_spec *verb, FILE *fp);

/* Die with exit 2 after showing "usage: ...": for wrong operand counts. */
_Noreturn void usage_error(const struct verb_spec *verb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
