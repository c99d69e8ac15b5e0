/*
 * syncro drafts: what was typed and is kept in $XDG_STATE_HOME/syncro/drafts
 * (a comment or first comment not sent yet, an editor's file kept after it
 * failed): list them, show one, send a comment draft to its ticket (as
 * 'syncro comment N -F FILE' does), or drop one.
 */
#include "compat.h"
#include <dirent.h>
#include "config.h"
#include "exec-path.h"
#include "output.h"
#include "parse-options.h"
#include "usage.h"
#include "xmalloc.h"

static int opt_yes, opt_dry_run;

static const struct option_spec options[] = {
	OPT_YES(&opt_yes, "send: send without asking (confirm: writes)"),
	OPT_DRY_RUN(&opt_dry_run),
	OPT_EXAMPLE("syncro drafts",
		    "the comments not yet sent"),
	OPT_EXAMPLE("syncro drafts show 1",
		    "one of them"),
	OPT_EXAMPLE("syncro drafts send 1 --dry-run",
		    "what sending it would post"),
	OPT_EXAMPLE("syncro drafts send 1",
		    "send it"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"drafts",
	"syncro drafts [list]\n"
	"   or: syncro drafts show|drop N\n"
	"   or: syncro drafts send [--yes] [--dry-run] N",
	"list, show, send or drop the kept drafts", options, COMPLETE_NONE,
};

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The draft files' names, sorted. */
static void draft_files(const char *dir, struct strvec *out)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d) {
		if (errno != ENOENT)
			die_errno("cannot read the drafts in '%s'", dir);
		return;
	}
	while ((e = readdir(d)))
		if (e->d_name[0] != '.' && strlen(e->d_name) > 4 &&
		    !strcmp(e->d_name + strlen(e->d_name) - 4, ".txt"))
			strvec_push(out, e->d_name);
	closedir(d);
	if (out->nr)
		qsort(out->v, out->nr, sizeof(*out->v), by_name);
}

/* The ticket a draft's name is for ("32164-2026..."), or 0 (a new ticket, an editor's file). */
static long draft_ticket(const char *name)
{
	char *end;
	long n = strtol(name, &end, 10);

	return end != name && *end == '-' && n > 0 ? n : 0;
}

static const char *draft_kind(const char *name)
{
	if (!strncmp(name, "new-", 4))
		return "new ticket";
	if (!strncmp(name, "edit-", 5))
		return "editor";
	return NULL;
}

static void first_line(const char *path, struct sbuf *out)
{
	struct sbuf text = SBUF_INIT;

	if (sbuf_read_file(&text, path) == 0)
		sbuf_add(out, text.buf, strcspn(text.buf, "\n"));
	sbuf_release(&text);
}

static int list(const char *dir, const struct strvec *files)
{
	if (!files->nr)
		fprintf(stderr, "no drafts in '%s'\n", dir);
	for (size_t i = 0; i < files->nr; i++) {
		char *path = xstrfmt("%s/%s", dir, files->v[i]);
		struct sbuf line = SBUF_INIT;
		long ticket = draft_ticket(files->v[i]);

		if (ticket)
			printf("%zu  #%ld  ", i + 1, ticket);
		else
			printf("%zu  %s  ", i + 1, draft_kind(files->v[i]) ? draft_kind(files->v[i]) : "?");
		first_line(path, &line);
		output_text(stdout, line.buf, SAFE_ONE_LINE);
		printf("  (%s)\n", files->v[i]);
		sbuf_release(&line);
		free(path);
	}
	return EXIT_OK;
}

static int send(const char *path, const char *name)
{
	long ticket = draft_ticket(name);
	char *program, number[32];
	int from_path;

	if (!ticket)
		die_with(EXIT_USAGE, "'%s' is for no ticket yet (%s); send it with "
			 "'syncro comment N -F %s'", name, draft_kind(name) ? draft_kind(name) : "?",
			 path);
	/* A bad config or an unknown --as fails here, before the comment verb runs. */
	config_get();
	program = exec_path_find_verb("comment", &from_path);
	if (!program)
		die("cannot find the 'comment' verb in '%s'", exec_path());
	snprintf(number, sizeof(number), "%ld", ticket);
	fflush(stdout);
	{
		/* the comment verb previews, asks (confirm: writes) and sends */
		char *args[6] = { "syncro-comment", number, "-F", (char *)path, NULL, NULL };
		int n = 4;

		if (opt_dry_run)
			args[n++] = "--dry-run";
		else if (opt_yes)
			args[n++] = "--yes";

		/* not execl: on Windows that returns to the shell before the comment is sent */
		compat_exec(program, args);
	}
	die_errno("cannot run '%s'", program);
}

int main(int argc, char **argv)
{
	struct strvec files = STRVEC_INIT;
	char *dir = xdg_state_path("drafts"), *path, *end;
	const char *sub;
	long n;

	argc = parse_options(&verb, argc, argv);
	sub = argc ? argv[0] : "list";
	if (strcmp(sub, "send") && (opt_yes || opt_dry_run))
		usage_error(&verb, "'--yes' and '--dry-run' are for 'syncro drafts send'");
	draft_files(dir, &files);
	if (!strcmp(sub, "list")) {
		int code;

		if (argc > 1)
			usage_error(&verb, "'syncro drafts list' takes no arguments");
		code = list(dir, &files);
		free(dir);
		strvec_clear(&files);
		return code;
	}
	if (strcmp(sub, "show") && strcmp(sub, "send") && strcmp(sub, "drop"))
		usage_error(&verb, "unknown subcommand '%s' (list, show, send, drop)", sub);
	if (argc != 2)
		usage_error(&verb, "'syncro drafts %s' takes the number 'syncro drafts' lists", sub);
	errno = 0;
	n = strtol(argv[1], &end, 10);
	if (errno || *end || n < 1 || (size_t)n > files.nr)
		usage_error(&verb, "no draft %s; 'syncro drafts' lists %zu", argv[1], files.nr);
	path = xstrfmt("%s/%s", dir, files.v[n - 1]);
	if (!strcmp(sub, "send"))
		return send(path, files.v[n - 1]);
	if (!strcmp(sub, "drop")) {
		if (unlink(path) < 0)
			die_errno("cannot remove '%s'", path);
		printf("dropped %s\n", files.v[n - 1]);
	} else {
		struct sbuf text = SBUF_INIT;

		if (sbuf_read_file(&text, path) < 0)
			die_errno("cannot read '%s'", path);
		output_text(stdout, text.buf, SAFE_LINES);
		sbuf_release(&text);
	}
	free(path);
	free(dir);
	strvec_clear(&files);
	return fflush(stdout) ? EXIT_ERROR : EXIT_OK;
}
