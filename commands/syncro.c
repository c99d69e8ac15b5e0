/*
 * syncro: the dispatcher. `syncro VERB ARGS...` execs syncro-VERB from the
 * exec path (core verbs) or PATH (third-party verbs), so arguments, exit
 * status and signals pass through untouched.
 */
#include "compat.h"
#include <limits.h>
#include <sys/stat.h>
#include "complete.h"
#include "exit-codes.h"
#include "exec-path.h"
#include "levenshtein.h"
#include "run-command.h"
#include "usage.h"
#include "verbs.h"
#include "xmalloc.h"

static const char overview[] =
	"usage: syncro [--version] [--exec-path] [--help] VERB [ARGS]\n"
	"\n"
	"With no verb, syncro shows your open tickets (syncro list).\n"
	"\n"
	"Daily work\n"
	"    list       show the open tickets\n"
	"    ticket     show one ticket: syncro ticket 32164\n"
	"    comment    log work: syncro comment 32164 --time 60 --labor remote -m \"...\"\n"
	"    bill       turn a ticket's time into a verified invoice\n"
	"    close      resolve a ticket and write a session log\n"
	"\n"
	"Tickets and customers\n"
	"    create, update, search, customers, time\n"
	"\n"
	"Setup and scripting\n"
	"    config, doctor, api, sandbox\n"
	"\n"
	"'syncro help -a' lists every verb, 'syncro help VERB' shows a verb's manual.\n";

static void set_verb_environment(void)
{
	const char *self = compat_self_path();

	if (self)
		setenv("SYNCRO", self, 1);
	setenv("SYNCRO_EXEC_PATH", exec_path(), 1);
}

/*
 * Warn about a PATH verb anyone else could have replaced: in a directory
 * others can write to (a sticky one like /tmp too: whoever planted the
 * file owns it), or a file not ours or root's, or writable by others.
 */
static void check_plugin_dir(const char *program)
{
	char *dir = xstrdup(program);
	char *slash = strrchr(dir, '/');

	if (slash)
		*slash = '\0';
	/* the owner and the mode bits, on Windows the ACL, say who could replace it */
	if (compat_others_may(dir, 1) == 1)
		warning("'%s' is in a directory others can write to ('%s'); anyone there could replace it",
			program, dir);
	else if (compat_owned_by_me(program) == 0 || compat_others_may(program, 1) == 1)
		warning("'%s' is owned or writable by someone else; check it before you run it again",
			program);
	free(dir);
}

static void all_verb_names(struct strvec *out)
{
	for (const struct core_verb *v = core_verbs; v->name; v++)
		if (!v->hidden)
			strvec_push(out, v->name);
	exec_path_list_verbs(out);
}

_Noreturn static void unknown_verb(const char *verb)
{
	struct strvec names = STRVEC_INIT;
	int best = INT_MAX, *dist;

	fprintf(stderr, "syncro: '%s' is not a syncro command. See 'syncro help'.\n", verb);
	all_verb_names(&names);
	dist = xcalloc(names.nr + 1, sizeof(int));
	for (size_t i = 0; i < names.nr; i++) {
		/* git's rule: a prefix match counts as the closest there is */
		dist[i] = starts_with(names.v[i], verb) ? 0 :
			suggestion_distance(verb, names.v[i]) + 1;
		if (dist[i] < best)
			best = dist[i];
	}
	if (best < 7) {
		size_t n = 0;

		for (size_t i = 0; i < names.nr; i++)
			n += dist[i] == best;
		fprintf(stderr, "\n%s\n", n == 1 ? "The most similar command is" :
			"The most similar commands are");
		for (size_t i = 0; i < names.nr; i++)
			if (dist[i] == best)
				fprintf(stderr, "\t%s\n", names.v[i]);
	}
	free(dist);
	strvec_clear(&names);
	exit(EXIT_USAGE);
}

_Noreturn static void run_verb(const char *verb, int argc, char **argv)
{
	int from_path;
	char *program;
	char **args;

	if (!exec_path_valid_verb(verb))
		unknown_verb(verb);
	program = exec_path_find_verb(verb, &from_path);
	if (!program) {
		if (find_core_verb(verb))
			die("core verb '%s' is missing from '%s'; reinstall syncro or fix SYNCRO_EXEC_PATH",
			    verb, exec_path());
		unknown_verb(verb);
	}
	if (from_path)
		check_plugin_dir(program);
	set_verb_environment();
	args = xcalloc((size_t)argc + 2, sizeof(char *));
	args[0] = xstrfmt("syncro-%s", verb);
	for (int i = 0; i < argc; i++)
		args[i + 1] = argv[i];
	compat_exec(program, args);
	die_errno("cannot run '%s'", program);
}

static void help_all(void)
{
	struct strvec plugins = STRVEC_INIT;

	printf("core verbs\n");
	for (const struct core_verb *v = core_verbs; v->name; v++)
		if (!v->hidden)
			printf("    %-12s %s\n", v->name, v->summary);
	exec_path_list_verbs(&plugins);
	printf("\nthird-party verbs on PATH\n");
	if (!plugins.nr)
		printf("    (none: any executable named syncro-NAME on PATH becomes a verb)\n");
	for (size_t i = 0; i < plugins.nr; i++)
		printf("    %s\n", plugins.v[i]);
	strvec_clear(&plugins);
}

/* 0 when `man -w syncro-VERB` finds a page (never on Windows: no man there). */
static int have_man_page(const char *page)
{
	const char *argv[] = { "man", "-w", page, NULL };

	return run_capture(argv, NULL, NULL) == 0 ? 0 : -1;
}

static int cmd_help(int argc, char **argv)
{
	if (argc == 0) {
		fputs(overview, stdout);
		return 0;
	}
	if (!strcmp(argv[0], "-a") || !strcmp(argv[0], "--all")) {
		help_all();
		return 0;
	}
	if (!exec_path_valid_verb(argv[0]))
		unknown_verb(argv[0]);
	{
		char *page = xstrfmt("syncro-%s", argv[0]);
		char *help_arg[] = { "--help" };

		if (!have_man_page(page)) {
			char *man = path_lookup("man");
			char *man_args[] = { "man", page, NULL };

			if (man)
				compat_exec(man, man_args);
			warning("cannot run 'man'; showing '%s --help' instead", page);
			free(man);
		}
		free(page);
		/* help is no program of its own: its --help is the overview */
		if (!strcmp(argv[0], "help")) {
			fputs(overview, stdout);
			return 0;
		}
		run_verb(argv[0], 1, help_arg);
	}
}

/* A verb that does not speak the protocol gets file completion. */
static void pass_completion(const struct sbuf *out, int ok)
{
	const char *last = out->len > 1 ? out->buf + out->len - 2 : out->buf;

	while (last > out->buf && last[-1] != '\n')
		last--;
	if (ok && *last == ':')
		fwrite(out->buf, 1, out->len, stdout);
	else
		puts(":0");
}

/* The verb an alias stands for ("appt": appointment), else verb itself. */
static const char *verb_alias(const char *verb)
{
	return !strcmp(verb, "appt") ? "appointment" : verb;
}

/* Run `syncro-VERB __complete ...` and pass its answer on, if it gave one. */
static int forward_completion(const char *verb, int argc, char **argv)
{
	int from_path;
	char *program = exec_path_valid_verb(verb) ? exec_path_find_verb(verb, &from_path) : NULL;
	const char **args = xcalloc((size_t)argc + 3, sizeof(char *));
	struct sbuf out = SBUF_INIT;
	int code = -1;

	if (program) {
		args[0] = program;
		args[1] = "__complete";
		for (int i = 0; i < argc; i++)
			args[i + 2] = argv[i];
		set_verb_environment();
		code = run_capture(args, &out, NULL);
	}
	pass_completion(&out, code == 0);
	sbuf_release(&out);
	free(args);
	free(program);
	return 0;
}

/* Core verbs, then third-party ones, that start with current. */
static void complete_verb_names(const char *current)
{
	struct strvec plugins = STRVEC_INIT;

	complete_verbs(current);
	exec_path_list_verbs(&plugins);
	for (size_t i = 0; i < plugins.nr; i++)
		if (starts_with(plugins.v[i], current))
			complete_candidate(plugins.v[i], "third-party verb");
	strvec_clear(&plugins);
}

static void complete_options(const char *const (*opts)[2], size_t nr, const char *current)
{
	for (size_t i = 0; i < nr; i++)
		if (starts_with(opts[i][0], current))
			complete_candidate(opts[i][0], opts[i][1]);
}

static int cmd_complete(int argc, char **argv)
{
	static const char *const globals[][2] = {
		{ "--help", "show the overview" },
		{ "--version", "print the version" },
		{ "--exec-path", "print where core verbs live" },
	};
	static const char *const help_options[][2] = {
		{ "--all", "list core and third-party verbs" },
	};
	const char *current = argc ? argv[argc - 1] : "";

	/* `help` lives in the dispatcher: `syncro help VERB`. */
	if (argc == 2 && !strcmp(argv[0], "help") && current[0] == '-') {
		complete_options(help_options, ARRAY_SIZE(help_options), current);
	} else if (argc == 2 && !strcmp(argv[0], "help")) {
		complete_verb_names(current);
	} else if (argc > 2 && !strcmp(argv[0], "help")) {
		/* help takes one verb: nothing more to offer */
	} else if (argc > 1) {
		return forward_completion(verb_alias(argv[0]), argc - 1, argv + 1);
	} else if (current[0] == '-') {
		complete_options(globals, ARRAY_SIZE(globals), current);
	} else {
		complete_verb_names(current);
	}
	printf(":%d\n", DIRECTIVE_NO_FILE);
	return 0;
}

int main(int argc, char **argv)
{
	const char *verb;

	/* syncro --as NAME VERB ...: the profile for the verb (and a plugin) */
	while (argc >= 2 && (!strcmp(argv[1], "--as") || starts_with(argv[1], "--as="))) {
		const char *name = argv[1][4] == '=' ? argv[1] + 5 : argc >= 3 ? argv[2] : NULL;

		if (!name || !*name) {
			fprintf(stderr, "syncro: option '--as' needs a profile name\n%s", overview);
			return EXIT_USAGE;
		}
		setenv("SYNCRO_PROFILE", name, 1);
		argc -= argv[1][4] == '=' ? 1 : 2;
		argv += argv[1][4] == '=' ? 1 : 2;
	}
	if (argc < 2)
		run_verb("list", 0, NULL);
	verb = argv[1];
	if (!strcmp(verb, "--version") || !strcmp(verb, "version")) {
		printf("syncro version %s\n", PACKAGE_VERSION);
		return 0;
	}
	if (!strcmp(verb, "--exec-path")) {
		puts(exec_path());
		return 0;
	}
	if (!strcmp(verb, "--help") || !strcmp(verb, "-h") || !strcmp(verb, "help"))
		return cmd_help(argc - 2, argv + 2);
	if (!strcmp(verb, "__complete"))
		return cmd_complete(argc - 2, argv + 2);
	/*
	 * Hidden: the account's cache directory (cache-dir.h), for tests and
	 * scripts. A verb answers it: the dispatcher never reads the config.
	 */
	if (!strcmp(verb, "__cache-dir")) {
		char *print_dir[] = { "--print-dir" };

		run_verb("refresh-cache", 1, print_dir);
	}
	/* Hidden: what completion starts in the background (cache-refresh.h). */
	if (!strcmp(verb, "__refresh-cache"))
		run_verb("refresh-cache", argc - 2, argv + 2);
	/* Hidden: what a verb starts to keep the connection warm (connection-keep.h). */
	if (!strcmp(verb, "__connection-keeper"))
		run_verb("connection-keeper", argc - 2, argv + 2);
	verb = verb_alias(verb);
	/* syncro ticket rm N ... is syncro delete N ... */
	if (!strcmp(verb, "ticket") && argc > 2 && !strcmp(argv[2], "rm"))
		run_verb("delete", argc - 3, argv + 3);
	if (verb[0] == '-') {
		fprintf(stderr, "syncro: unknown option '%s'\n%s", verb, overview);
		return EXIT_USAGE;
	}
	run_verb(verb, argc - 2, argv + 2);
}
