/*
 * syncro comment: add a comment to a ticket, optionally with labor time
 * recorded the way billing.method says (common/labor.h). The text is kept
 * as a draft until Syncro holds the comment, so nothing typed is lost.
 */
#include "compat.h"
#include <cjson/cJSON.h>
#include "api.h"
#include "complete.h"
#include "config.h"
#include "draft.h"
#include "editor.h"
#include "comment.h"
#include "journal.h"
#include "labor.h"
#include "parse-options.h"
#include "prompt.h"
#include "quote.h"
#include "ticket-number.h"
#include "usage.h"
#include "write-plan.h"
#include "xmalloc.h"

static const char *opt_message, *opt_file, *opt_subject, *opt_time, *opt_labor;
static int opt_hidden, opt_email, opt_charge, opt_edit, opt_delete, opt_dry_run, opt_yes,
	opt_abandon;

static const struct option_spec options[] = {
	OPT_STRING('m', "message", &opt_message, "TEXT", "the comment's text"),
	OPT_STRING_C('F', "file", &opt_file, "FILE", "read the text from FILE ('-': stdin)", COMPLETE_FILE),
	OPT_STRING(0, "subject", &opt_subject, "TEXT", "the comment's subject (default: Update)"),
	OPT_BOOL(0, "hidden", &opt_hidden, "an internal note the customer never sees"),
	OPT_BOOL(0, "email", &opt_email, "email the comment to the customer"),
	OPT_STRING(0, "time", &opt_time, "MIN", "also record MIN minutes of labor"),
	OPT_STRING_C(0, "labor", &opt_labor, "ALIAS|ID", "the labor product of --time (default: labor.default)", COMPLETE_LABOR),
	OPT_BOOL(0, "charge", &opt_charge, "make the time billable now"),
	OPT_BOOL(0, "edit", &opt_edit, "edit the last comment (the Syncro API cannot: says so)"),
	OPT_BOOL(0, "delete", &opt_delete, "delete the last comment (the Syncro API cannot: says so)"),
	OPT_BOOL(0, "abandon", &opt_abandon, "forget the journal of an unfinished comment --time"),
	OPT_DRY_RUN(&opt_dry_run),
	OPT_YES(&opt_yes, "send without asking (with confirm: writes)"),
	OPT_EXCLUSIVE("message file"),
	OPT_EXCLUSIVE("hidden email"),
	OPT_EXCLUSIVE("abandon message"),
	OPT_EXCLUSIVE("abandon file"),
	OPT_EXCLUSIVE("abandon time"),
	OPT_EXCLUSIVE("abandon dry-run"),
	OPT_EXAMPLE("syncro comment 32164 -m \"Replaced the toner\" --time 30 --labor onsite --charge",
		    "comment with half an hour of on-site labor, billable now"),
	OPT_EXAMPLE("git log -1 --format=%B | syncro comment 32164 -F - --hidden",
		    "a private note from standard input"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"comment", "syncro comment [options] N\n   or: syncro comment --abandon N",
	"add a comment, optionally with labor time", options,
	COMPLETE_TICKET,
};

/* The text from -m, -F or the editor (on a terminal only); dies when there is none. */
static char *read_body(long number)
{
	struct sbuf sb = SBUF_INIT;
	char *text = NULL;

	if (opt_message) {
		sbuf_addstr(&sb, opt_message);
	} else if (opt_file) {
		int failed = !strcmp(opt_file, "-") ? sbuf_read_fd(&sb, 0) :
			sbuf_read_file(&sb, opt_file);

		if (failed)
			die_errno("cannot read '%s'", opt_file);
	} else {
		cJSON *ticket = api_ticket_get(number);

		editor_comment_template(&sb, ticket);
		cJSON_Delete(ticket);
		switch (edit_text(sb.buf, &text)) {
		case EDIT_OK:
			sbuf_release(&sb);
			return text;
		case EDIT_EMPTY:
			die("aborting: the comment is empty");
		case EDIT_FAILED:
			exit(EXIT_ERROR);
		}
	}
	sbuf_trim(&sb);
	if (!sb.len)
		die("aborting: the comment is empty");
	return sbuf_detach(&sb, NULL);
}

/* A -F file that is already one of our drafts is reused, not copied. */
static int is_draft(const char *path)
{
	char *dir = xdg_state_path("drafts"), *real_dir = realpath(dir, NULL);
	char *real = realpath(path, NULL);
	size_t len = real_dir ? strlen(real_dir) : 0;
	int yes = real && real_dir && !strncmp(real, real_dir, len) && real[len] == '/';

	free(dir);
	free(real_dir);
	free(real);
	return yes;
}

/* The draft that keeps body until Syncro holds it (a -F draft is reused); dies without one. */
static char *keep_draft(long number, const char *body)
{
	char *draft;

	if (opt_file && strcmp(opt_file, "-") && is_draft(opt_file))
		return xstrdup(opt_file);
	if (!(draft = draft_save(number, body))) {
		fprintf(stderr, "%s: not sending without a draft; your text follows\n%s\n",
			program_name(), body);
		exit(EXIT_ERROR);
	}
	return draft;
}

/*
 * "syncro comment 32164 --subject X ...": the command that sends the draft
 * again; with number < 0, "syncro comment NUMBER ..." for the user to fill in.
 */
static char *resend_command(long number, int with_time)
{
	struct sbuf sb = SBUF_INIT;

	if (number < 0)
		sbuf_addstr(&sb, "syncro comment NUMBER");
	else
		sbuf_addf(&sb, "syncro comment %ld", number);
	if (opt_subject) {
		sbuf_addstr(&sb, " --subject ");
		shell_quote(&sb, opt_subject);
	}
	if (opt_hidden)
		sbuf_addstr(&sb, " --hidden");
	if (opt_email)
		sbuf_addstr(&sb, " --email");
	if (with_time) {
		sbuf_addstr(&sb, " --time ");
		shell_quote(&sb, opt_time);
		if (opt_labor) {
			sbuf_addstr(&sb, " --labor ");
			shell_quote(&sb, opt_labor);
		}
		if (opt_charge)
			sbuf_addstr(&sb, " --charge");
	}
	return sbuf_detach(&sb, NULL);
}

/* "syncro time add 32164 30 --labor remote --notes '...' --charge": the time alone. */
static char *time_add_command(const struct labor *l)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addf(&sb, "syncro time add %ld %ld", l->number, l->minutes);
	if (opt_labor) {
		sbuf_addstr(&sb, " --labor ");
		shell_quote(&sb, opt_labor);
	}
	sbuf_addstr(&sb, " --notes ");
	shell_quote(&sb, l->notes);
	if (opt_charge)
		sbuf_addstr(&sb, " --charge");
	return sbuf_detach(&sb, NULL);
}

/* The comment did not make it: keep the draft and say how to send it again. */
static _Noreturn void comment_failed(struct api_error *err, long number, long comment_id,
				     const char *draft)
{
	/* Not found: sending it to the same number again would fail again. */
	int elsewhere = err->code == EXIT_NOT_FOUND;
	char *command = resend_command(elsewhere ? -1 : number, opt_time != NULL);

	api_error_print(err, NULL);
	comment_hints(err, number, comment_id);
	if (elsewhere)
		draft_hint_to(draft, "send it to the right ticket", command);
	else if (err->status == 413)
		draft_hint_to(draft, "shorten it, then send it with", command);
	else
		draft_hint(draft, command);
	free(command);
	exit(err->code ? err->code : EXIT_ERROR);
}

/* The comment is in, the time is not (all of it): say what is left to do. */
static _Noreturn void time_failed(struct api_error *err, const struct labor *l,
				  long comment_id, const struct labor_done *done)
{
	struct strvec hints = STRVEC_INIT;

	strvec_pushf(&hints, "comment %ld is posted on #%ld; only the time is missing",
		     comment_id, l->number);
	if (!labor_record_hints(&hints, err, l, done) && !done->timer_id && !done->line_id) {
		char *command = time_add_command(l);

		strvec_pushf(&hints, "record the time with: %s", command);
		free(command);
	}
	api_die_hints(err, &hints);
}

/*
 * comment --time is two posts: a journal ("comment" for ticket N, as bill
 * keeps one) says what a run that was interrupted (killed, the machine
 * down) did, so that running it again posts neither twice. A run that
 * fails with a message forgets it: the message says what Syncro holds and
 * what is left to do. The options hold the text's digest, the minutes and
 * the product; the steps "comment" (id) and "time".
 */
static cJSON *journal_now(const char *body, const struct labor *l)
{
	cJSON *o = cJSON_CreateObject();
	char digest[17];

	journal_digest(body, digest);
	cJSON_AddStringToObject(o, "text", digest);
	cJSON_AddNumberToObject(o, "minutes", (double)l->minutes);
	cJSON_AddNumberToObject(o, "product", (double)l->product_id);
	return o;
}

static _Noreturn void journal_refuse(struct journal *j, const char *why)
{
	char *shown = path_for_display(j->path);

	die_message(why);
	hint("look at it with 'syncro ticket %ld'; its journal is '%s'", j->number, shown);
	hint("once the ticket holds what it should, forget the journal with: "
	     "syncro comment --abandon %ld", j->number);
	free(shown);
	exit(EXIT_ERROR);
}

/* What an unfinished comment --time did, for --abandon. */
static void describe_done(const struct journal *j, struct sbuf *sb)
{
	if (journal_get_long(j, "comment", "id", 0) > 0)
		sbuf_addf(sb, "comment %ld posted", journal_get_long(j, "comment", "id", 0));
	else if (journal_state(j, "comment") == STEP_STARTED)
		sbuf_addstr(sb, "the comment, perhaps (a run was stopped while posting it)");
	if (journal_state(j, "time") != STEP_NONE)
		sbuf_addf(sb, "%sthe time, perhaps (a run was stopped while recording it)",
			  sb->len ? ", " : "");
}

/*
 * Load the journal of comment --time on the ticket (and its lock); for a
 * re-run, check that it is the same comment and say what is there
 * already. The comment's id when an earlier run posted it, else 0.
 */
static long journal_start(struct journal *j, long number, const char *body,
			  const struct labor *l)
{
	cJSON *now = journal_now(body, l);
	struct sbuf why = SBUF_INIT;
	long id;

	if (journal_load(j, "comment", number) < 0)
		exit(EXIT_ERROR);
	if (!journal_exists(j)) {
		journal_begin(j, now);
		return 0;
	}
	sbuf_addf(&why, "an unfinished 'comment --time' of #%ld had another text or time:\n",
		  number);
	if (journal_options_differ(j, now, &why)) {
		sbuf_trim(&why);
		journal_refuse(j, why.buf);
	}
	cJSON_Delete(now);
	sbuf_release(&why);
	id = journal_get_long(j, "comment", "id", 0);
	if (journal_state(j, "comment") == STEP_STARTED && id <= 0)
		journal_refuse(j, "an earlier run was stopped while posting this comment: Syncro "
			       "may hold it already, so it is not posted again");
	if (journal_state(j, "time") != STEP_NONE)
		journal_refuse(j, "an earlier run was stopped while recording this time: Syncro "
			       "may hold it already, so it is not recorded again");
	fprintf(stderr, "comment %ld was posted by an earlier run; recording only the time\n", id);
	return id;
}

/*
 * The Syncro API has no call that edits or deletes a comment (syncro-api.md
 * §14): say so before anything is sent, and what can be done instead.
 */
static _Noreturn void cannot_change_comments(int argc, char **argv)
{
	const char *n = argc == 1 ? argv[0] : "N";

	die_with(EXIT_USAGE, "the Syncro API cannot %s a comment once it is posted; %s it in "
		 "Syncro's web app ('syncro ticket %s --web' opens the ticket), or post a "
		 "correction with 'syncro comment %s -m TEXT'",
		 opt_edit ? "edit" : "delete", opt_edit ? "edit" : "delete", n, n);
}

/*
 * What will be sent, in words and as requests; --dry-run stops here, and
 * confirm: writes asks. with_comment is 0 when an earlier run posted it.
 */
static void preview(const struct comment *c, const struct labor *l, const char *labor_name,
		    int with_comment, const char *draft)
{
	struct write_plan plan = WRITE_PLAN_INIT;
	struct api_error err = API_ERROR_INIT;
	enum billing_method method = config_get()->billing;
	long id = api_ticket_id_gently(c->number, &err);
	char *path;

	if (id < 0)	/* an unknown ticket keeps the text like a failed post */
		comment_failed(&err, c->number, 0, draft ? draft : keep_draft(c->number, c->body));
	path = xstrfmt("/tickets/%ld", id);

	if (with_comment)
		comment_plan(&plan, c, l && method == BILLING_COMMENT ? l : NULL, path);
	if (l)
		labor_plan(&plan, method, l, labor_name, path);
	write_plan_go(&plan, &verb, opt_dry_run, opt_yes, 0);
	write_plan_release(&plan);
	free(path);
}

int main(int argc, char **argv)
{
	const struct syncro_config *cfg;
	struct api_error err = API_ERROR_INIT;
	struct labor l = { 0 };
	struct comment c = { 0 };
	struct labor_done done = { 0, 0 };
	struct journal j = JOURNAL_INIT;
	const char *labor_name;
	char *body, *draft, *first_line = NULL;
	long comment_id;
	int with_time, in_comment;

	argc = parse_options(&verb, argc, argv);
	if (opt_edit || opt_delete)
		cannot_change_comments(argc, argv);
	if (argc != 1)
		usage_error(&verb, "give one ticket number");
	if ((c.number = ticket_number_parse(argv[0])) < 0)
		usage_error(&verb, "'%s' is not a ticket number", argv[0]);
	if (opt_abandon) {
		journal_abandon("comment", "'comment --time'", c.number, NULL, describe_done);
		return EXIT_OK;
	}
	if (!opt_time && (opt_labor || opt_charge))
		usage_error(&verb, "--%s needs --time", opt_labor ? "labor" : "charge");
	/* The editor is a prompt: only on a terminal, and before any request. */
	if (!opt_message && !opt_file && !prompt_can_ask())
		prompt_die_missing("-m or -F");

	cfg = config_get();
	with_time = opt_time != NULL;
	in_comment = with_time && cfg->billing == BILLING_COMMENT;
	l.number = c.number;
	l.charge = opt_charge;
	labor_name = opt_labor ? opt_labor : cfg->labor_default;
	if (with_time && (labor_minutes("--time", opt_time, &l.minutes, &err) ||
			  labor_minutes_confirm("--time", l.minutes, &err) ||
			  labor_product(labor_name, &l.product_id, &err) ||
			  (cfg->billing == BILLING_LINE_ITEM && labor_price(labor_name, &l, &err))))
		api_die_hints(&err, NULL);

	body = read_body(c.number);
	c.subject = opt_subject ? opt_subject : "Update";
	c.body = body;
	c.hidden = opt_hidden;
	c.do_not_email = !(opt_email || (cfg->email_comments && !opt_hidden));
	comment_id = with_time ? journal_start(&j, c.number, body, &l) : 0;
	if (with_time)
		l.notes = first_line = labor_first_line(body);
	draft = NULL;
	/* What was typed in the editor is kept even when nothing is sent. */
	if (comment_id <= 0 && !opt_message && !opt_file)
		draft = keep_draft(c.number, body);
	preview(&c, with_time ? &l : NULL, labor_name, comment_id <= 0, draft);
	if (comment_id <= 0 && !draft)
		draft = keep_draft(c.number, body);

	if (draft) {
		if (with_time && journal_mark(&j, "comment", STEP_STARTED))
			exit(EXIT_ERROR);
		if (comment_post(&c, in_comment ? &l : NULL, &comment_id, &err)) {
			if (with_time)
				journal_remove(&j);	/* not posted: nothing to resume */
			comment_failed(&err, c.number, comment_id, draft);
		}
		if (with_time) {
			journal_set_long(&j, "comment", "id", comment_id);
			journal_mark(&j, "comment", STEP_DONE);
		}
		draft_delete(draft);
		free(draft);
		printf("#%ld: comment %ld posted\n", c.number, comment_id);
		fflush(stdout);
	}

	if (with_time) {
		journal_mark(&j, "time", STEP_STARTED);
		if (in_comment ? labor_comment_time(&l, comment_id, &done.timer_id, &err) :
		    labor_record(cfg->billing, &l, LABOR_LINE_AFTER_READ, &done, &err)) {
			/* the hints say what Syncro holds and what is left to do */
			journal_remove(&j);
			time_failed(&err, &l, comment_id, &done);
		}
		journal_remove(&j);
		labor_print(&l, labor_name, &done);
	}
	journal_release(&j);
	free(first_line);
	free(body);
	if (fflush(stdout))
		return EXIT_ERROR;
	return EXIT_OK;
}
