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
 *       COMPLETE_TICKET,        // common/complete.h
 *   };
 *   argc = parse_options(&verb, argc, argv);   // argv[0..argc) = operands
 *
 * Every verb also gets -h/--help and -v/--verbose, and the application's
 * parse_options_program (below). Values stay owned by
 * argv (OPT_STRING) or by the strvec (OPT_LIST).
 *
 * What the parser enforces, so that verbs need not:
 *   - a single-value option (OPT_STRING, OPT_INT, OPT_OPTIONAL) given twice is a usage
 *     error ("--time 10 --time 20"); OPT_LIST takes every occurrence;
 *   - every OPT_BOOL X also answers --no-X (sets it to 0), unless the
 *     table declares an option named no-X itself;
 *   - OPT_EXCLUSIVE("all status") refuses "--all" with "--status" (or its
 *     --no- form): "'--all' and '--status' cannot go together".
 * Entries that are no option (OPT_EXCLUSIVE, OPT_SUBCOMMAND, OPT_EXAMPLE,
 * OPT_LEARN_MORE) may stand anywhere in the table.
 */
#ifndef SYNCRO_PARSE_OPTIONS_H
#define SYNCRO_PARSE_OPTIONS_H

#include "sbuf.h"

/*
 * The `__complete` protocol: `PROGRAM-VERB __complete WORD... CURRENT`
 * prints one candidate per line as "value<TAB>description", then a line
 * ":N" whose bits tell the shell what else to do.
 */
enum complete_directive {
	DIRECTIVE_ERROR = 1,		/* nothing sensible: do nothing */
	DIRECTIVE_NO_SPACE = 2,		/* do not add a space after the value */
	DIRECTIVE_NO_FILE = 4,		/* do not fall back to file names */
	DIRECTIVE_KEEP_ORDER = 32,	/* keep our order (open tickets first) */
};

/*
 * What completes a value (an option's argument or a verb's operands): a
 * hook that prints the candidates starting with prefix (complete_candidate)
 * and returns the directive bits; values is option_spec.values. This file
 * knows three: COMPLETE_NONE (free text: offer nothing), COMPLETE_FILE (let
 * the shell complete file names) and COMPLETE_VALUES (the fixed words in
 * option_spec.values). The application adds its own (common/complete.h:
 * tickets, statuses, ...), so the parser never calls into the application.
 */
struct complete_source {
	int (*complete)(const char *values, const char *prefix);
};
extern const struct complete_source complete_source_file, complete_source_values;
#define COMPLETE_NONE	NULL
#define COMPLETE_FILE	(&complete_source_file)
#define COMPLETE_VALUES	(&complete_source_values)

/* One candidate line; description may be NULL. Both are printed safe, on one line. */
void complete_candidate(const char *value, const char *description);

enum option_type {
	OPTION_END,
	OPTION_BOOL,	/* int *: set to 1 */
	OPTION_STRING,	/* const char **: the argument */
	OPTION_INT,	/* long *: a whole number, checked */
	OPTION_LIST,	/* struct strvec *: every occurrence, in order */
	OPTION_OPTIONAL,	/* const char **: "" for --X alone, ARG for --X=ARG only */
	/* Not options: what the table says about the verb. */
	OPTION_EXCLUSIVE,	/* long_name: options (long names, space-separated) that exclude each other */
	OPTION_SUBCOMMAND,	/* long_name: a subcommand; value: const char ** set to it */
	OPTION_EXAMPLE,		/* long_name: a command line; help: what it does */
	OPTION_LEARN_MORE,	/* help: a line for --help's LEARN MORE */
};

struct option_spec {
	enum option_type type;
	int short_name;
	const char *long_name;
	void *value;
	const char *argh;	/* the argument's name in --help: "N", "TEXT" */
	const char *help;
	const struct complete_source *complete;
	const char *values;	/* COMPLETE_VALUES: "timer line-item comment" */
};

#define OPT_BOOL(s, l, v, h) { OPTION_BOOL, (s), (l), (v), NULL, (h), COMPLETE_NONE, NULL }
#define OPT_STRING(s, l, v, a, h) { OPTION_STRING, (s), (l), (v), (a), (h), COMPLETE_NONE, NULL }
#define OPT_STRING_C(s, l, v, a, h, c) { OPTION_STRING, (s), (l), (v), (a), (h), (c), NULL }
#define OPT_CHOICE(s, l, v, a, h, words) { OPTION_STRING, (s), (l), (v), (a), (h), COMPLETE_VALUES, (words) }
#define OPT_INT(s, l, v, a, h) { OPTION_INT, (s), (l), (v), (a), (h), COMPLETE_NONE, NULL }
/*
 * An option whose value is optional: "--json" sets *v to "", "--json=FIELDS"
 * to "FIELDS"; the next word is never taken ("--json 15": 15 stays an
 * operand), so its value must follow '='. --help shows "--json[=FIELDS]".
 */
#define OPT_OPTIONAL(s, l, v, a, h) { OPTION_OPTIONAL, (s), (l), (v), (a), (h), COMPLETE_NONE, NULL }
#define OPT_LIST(s, l, v, a, h, c) { OPTION_LIST, (s), (l), (v), (a), (h), (c), NULL }
#define OPT_END() { OPTION_END, 0, NULL, NULL, NULL, NULL, COMPLETE_NONE, NULL }

/* The options many verbs share, with one wording. */
#define OPT_DRY_RUN(v) OPT_BOOL('n', "dry-run", (v), \
				"say what would change and print the requests, send none")
#define OPT_YES(v, h) OPT_BOOL('y', "yes", (v), (h))
#define OPT_NO_INPUT(v, h) OPT_BOOL(0, "no-input", (v), (h))

#define OPT_EXCLUSIVE(names) { OPTION_EXCLUSIVE, 0, (names), NULL, NULL, NULL, COMPLETE_NONE, NULL }
/*
 * A subcommand: when the first operand is name, *sub is set to it (it stays
 * argv[0]). args completes the operands after it, one source each, NULL
 * ending the list ("time edit TICKET TIMER": { COMPLETE_TICKET,
 * COMPLETE_NONE, NULL }); the verb's operands complete the first operand
 * besides the subcommands' names.
 */
#define OPT_SUBCOMMAND(name, sub, args, h) \
	{ OPTION_SUBCOMMAND, 0, (name), (sub), NULL, (h), NULL, (const char *)(args) }
/*
 * A subcommand with its own table, usage and --help (spec->name "time add"):
 * when it is the first argument, what follows it is parsed against spec
 * alone (its options go after it) and parse_options() returns 1 + spec's
 * operands, argv[0] the subcommand. Completion after it offers spec's
 * options and args for its operands.
 */
#define OPT_SUBCOMMAND_VERB(name, sub, args, spec, h) \
	{ OPTION_SUBCOMMAND, 0, (name), (sub), (const char *)(const void *)(spec), (h), NULL, \
	  (const char *)(args) }
/* --help's EXAMPLES ("syncro time 32164", "list the time of #32164") and LEARN MORE. */
#define OPT_EXAMPLE(line, h) { OPTION_EXAMPLE, 0, (line), NULL, NULL, (h), COMPLETE_NONE, NULL }
#define OPT_LEARN_MORE(line) { OPTION_LEARN_MORE, 0, NULL, NULL, NULL, (line), COMPLETE_NONE, NULL }

struct verb_spec {
	const char *name;		/* "close" */
	const char *usage;		/* "syncro close [options] N" */
	const char *summary;		/* one line for --help and `help -a` */
	const struct option_spec *options;
	const struct complete_source *operands;	/* what completes the operands */
};

/* Set by -v/--verbose on any verb: trace requests to stderr. */
extern int opt_verbose;

/*
 * Options every verb of the application has besides -h and -v, which this
 * file does not know (syncro's --as NAME, common/config.c): listed in
 * --help and completion after the verb's own, parsed like them, and
 * parsed() runs once the command line is read. NULL (the default): none.
 */
struct program_options {
	const struct option_spec *options;
	void (*parsed)(void);
};
extern const struct program_options *parse_options_program;

/*
 * Parse argv against the verb's table. Handles --help (prints usage, exits
 * 0) and `__complete` (answers from the table, exits 0). A bad option is a usage error
 * (exit 2). Returns the number of operands, moved to argv[0..n).
 */
int parse_options(const struct verb_spec *verb, int argc, char **argv);

/* Print the verb's usage and option table to fp. */
void print_usage(const struct verb_spec *verb, FILE *fp);

/* Answer `__complete` for words (the last is the one being typed); returns the exit code (0). */
int complete_verb(const struct verb_spec *verb, int nwords, const char **words);

/* Die with exit 2 after showing "usage: ...": for wrong operand counts. */
_Noreturn void usage_error(const struct verb_spec *verb, const char *fmt, ...)
	PRINTF_LIKE(2, 3);

#endif
