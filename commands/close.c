/*
 * syncro close N: resolve a ticket, optionally with a resolution comment
 * first, then write a session log. Requests: GET /tickets/settings when
 * not cached (the close status is checked), at once with the ticket's
 * status now (an Invoiced ticket is not moved back, a closed one gets no
 * second resolution comment): GET /tickets?number=N when the number is
 * not cached, else GET /tickets/ID (status_before() says when both);
 * POST /tickets/ID/comment with -m (kept as a draft until Syncro holds it,
 * common/comment.h), PUT /tickets/ID; the log is made from the PUT's
 * answer (a GET /tickets/ID only if that answer lacks the comments).
 */
#include "compat.h"
#include "api.h"
#include "cache.h"
#include "complete.h"
#include "config.h"
#include "date.h"
#include "draft.h"
#include "interrupt.h"
#include "json.h"
#include "comment.h"
#include "labor.h"
#include "json-fields.h"
#include "output.h"
#include "parse-options.h"
#include "prefetch.h"
#include "prompt.h"
#include "session-log.h"
#include "ticket-settings.h"
#include "usage.h"
#include "write-plan.h"
#include "xmalloc.h"

static const char *message;
/* opt_email, opt_log: -1 when neither --X nor --no-X was given. */
static int opt_email = -1, opt_log = -1, opt_yes, no_input, opt_force, opt_dry_run;

static const struct option_spec options[] = {
	OPT_STRING('m', "message", &message, "TEXT", "add a resolution comment first"),
	OPT_BOOL(0, "email", &opt_email,
		 "email the resolution comment (--no-email: not; default: comments.email)"),
	OPT_BOOL(0, "log", &opt_log, "write the session log without asking (--no-log: none)"),
	OPT_YES(&opt_yes, "send without asking; write the session log (--no-log wins)"),
	OPT_NO_INPUT(&no_input, "never prompt: no session log unless --log"),
	OPT_JSON("print the ticket, the comment and the log's path as JSON"),
	OPT_BOOL(0, "force", &opt_force, "close an Invoiced ticket, or comment on a closed one"),
	OPT_DRY_RUN(&opt_dry_run),
	OPT_EXAMPLE("syncro close 32160 -m \"Reset the Outlook profile; the prompt is gone.\" --log",
		    "resolve with a comment and write the session log"),
	OPT_EXAMPLE("syncro close 32160 --dry-run",
		    "show the status change without sending it"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"close", "syncro close [options] N",
	"resolve a ticket and write a session log", options, COMPLETE_TICKET,
};

static void warn_uninvoiced(long number, long minutes)
{
	if (minutes > 0)
		warning("ticket #%ld has %ld minutes of labor not invoiced; bill it with "
			"'syncro bill %ld'", number, minutes, number);
}

/*
 * The status before closing, read now: closing an Invoiced ticket would
 * undo its billing state, and a ticket already closed gets no second
 * resolution comment, unless --force. When the number is not cached, the
 * lookup that finds its id has its status too, and no GET /tickets/ID
 * follows (the least a close can send) unless the labor not invoiced must
 * be warned about before anything is sent (--dry-run, a question); else
 * *warned is 0 and that warning waits for the PUT's answer.
 */
static char *status_before(long number, const char *status, int *warned)
{
	int lookup = cache_ticket_id(number) <= 0 && !write_plan_wanted(opt_dry_run, opt_yes, 0);
	cJSON *ticket = lookup ? api_ticket_lookup(number) :
		api_unwrap(api_ticket(number, "GET", "", NULL), "ticket");
	char *before = xstrdup(json_string(ticket, "status", "(none)"));
	long minutes = lookup ? 0 : labor_uninvoiced_minutes(ticket);

	cJSON_Delete(ticket);
	*warned = !lookup;
	if (!opt_force && (!strcasecmp(before, "Invoiced") ||
			   !strcasecmp(before, config_get()->billing_status))) {
		error("ticket #%ld is %s; closing it would set it back to %s and undo its billing state",
		      number, before, status);
		hint("nothing was sent; close it anyway with 'syncro close %ld --force'", number);
		exit(EXIT_ERROR);
	}
	if (!opt_force && message && !strcasecmp(before, status)) {
		error("ticket #%ld is %s already; not adding a second resolution comment", number,
		      before);
		hint("nothing was sent; add a comment with 'syncro comment %ld', or add it here "
		     "with --force", number);
		exit(EXIT_ERROR);
	}
	warn_uninvoiced(number, minutes);
	return before;
}

static int resolution_emailed(void)
{
	return opt_email >= 0 ? opt_email : config_get()->email_comments;
}

/* The resolution comment of -m (message is borrowed). */
static struct comment resolution(long number)
{
	struct comment c = { number, "Resolution", message, 0, !resolution_emailed() };

	return c;
}

static cJSON *status_body(const char *status)
{
	cJSON *req = cJSON_CreateObject();

	cJSON_AddStringToObject(req, "status", status);
	return req;
}

/*
 * Post the resolution comment, kept as a draft until Syncro holds it; on
 * a failure say how to send the draft and close without posting twice.
 * Returns the comment's id.
 */
static long add_resolution(long number)
{
	struct api_error err = API_ERROR_INIT;
	int email = resolution_emailed();
	struct comment c = resolution(number);
	char *draft = draft_save(number, message), *command;
	long id;

	if (!draft) {
		fprintf(stderr, "%s: not sending without a draft; your text follows\n%s\n",
			program_name(), message);
		exit(EXIT_ERROR);
	}
	if (comment_post(&c, NULL, &id, &err)) {
		int code = err.code ? err.code : EXIT_ERROR;

		api_error_print(&err, NULL);
		comment_hints(&err, number, id);
		command = xstrfmt("syncro comment %ld --subject Resolution%s", number,
				  email ? " --email" : "");
		draft_hint(draft, command);
		hint("then close the ticket with: syncro close %ld", number);
		free(command);
		api_error_release(&err);
		exit(code);
	}
	draft_delete(draft);
	free(draft);
	if (!opt_json)
		printf("#%ld  resolution comment added%s\n", number, email ? ", emailed" : "");
	return id;
}

/* The comment (with -m) and the PUT, in words and as requests; --dry-run stops here. */
static void preview(long number, const char *before, const char *status)
{
	struct write_plan plan = WRITE_PLAN_INIT;
	struct comment c = resolution(number);
	char *path = xstrfmt("/tickets/%ld", api_ticket_id(number));
	cJSON *req = status_body(status);

	if (message)
		comment_plan(&plan, &c, NULL, path);
	write_plan_say(&plan, "set ticket #%ld from %s to %s", number, before, status);
	write_plan_request(&plan, "PUT", path, req);
	write_plan_go(&plan, &verb, opt_dry_run, opt_yes, 0);
	write_plan_release(&plan);
	cJSON_Delete(req);
	free(path);
}

/* PUT the close status; once the comment is in, a failure says not to post it again. */
static cJSON *put_status(long number, const char *status, int commented)
{
	struct api_error err = API_ERROR_INIT;
	struct strvec hints = STRVEC_INIT;
	cJSON *req = status_body(status), *ticket;

	if (api_ticket_call(number, "PUT", "", req, &ticket, &err)) {
		if (commented)
			strvec_pushf(&hints, "the resolution comment is posted; run 'syncro close %ld' "
				     "without -m", number);
		api_die_hints(&err, &hints);
	}
	cJSON_Delete(req);
	return api_unwrap(ticket, "ticket");
}

static int want_log(long close_number)
{
	int yes = 0, ret;

	/* --log or --no-log is the specific answer; --yes the blanket one. */
	if (opt_log >= 0)
		return opt_log;
	if (opt_yes)
		return 1;
	interrupt_note("interrupted; the ticket is closed; 'syncro close %ld --log' writes its "
		       "session log", close_number);
	ret = prompt_yes_no("Write a session log?", 1, &yes) == PROMPT_OK && yes;
	interrupt_note(NULL);
	return ret;
}

/* Write the log of ticket; its path (the caller's), or NULL after an error. */
static char *write_log(long number, cJSON **ticket)
{
	struct sbuf text = SBUF_INIT;
	const cJSON *techs = cJSON_GetObjectItemCaseSensitive(ticket_settings(), "users");
	char *path, *written;

	if (!cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(*ticket, "comments"))) {
		cJSON_Delete(*ticket);
		*ticket = api_ticket_get(number);
	}
	path = session_log_path(config_get()->session_logs, *ticket, date_now());
	session_log_render(&text, *ticket, message, techs);
	written = session_log_write(path, text.buf, text.len);
	free(path);
	sbuf_release(&text);
	return written;
}

int main(int argc, char **argv)
{
	char *status, *before, *log = NULL;
	cJSON *ticket;
	long comment_id = 0;
	long number;
	int code = EXIT_OK, warned;

	if (parse_options(&verb, argc, argv) != 1)
		usage_error(&verb, "'syncro close' takes one ticket number");
	number = ticket_number_parse(argv[0]);
	if (number < 0)
		usage_error(&verb, "'%s' is not a ticket number", argv[0]);
	if (message && !*message)
		usage_error(&verb, "empty -m; leave it out or say how it was resolved");
	if (no_input)
		prompt_disable();

	/* Its two reads at once: the statuses (once a day) and the ticket. */
	ticket_settings_want();
	api_ticket_want(number);
	prefetch_send();
	status = ticket_settings_check_status(config_get()->close_status, "close_status (config)");
	before = status_before(number, status, &warned);
	preview(number, before, status);
	if (message)
		comment_id = add_resolution(number);
	ticket = put_status(number, status, comment_id > 0);
	if (!cJSON_IsObject(ticket))
		die_with(EXIT_NETWORK, "PUT ticket #%ld: the answer has no ticket; check with "
			 "'syncro ticket %ld'", number, number);
	cache_store_tickets(ticket);
	if (!warned)
		warn_uninvoiced(number, labor_uninvoiced_minutes(ticket));
	if (!opt_json)
		output_status_change(number, before, json_string(ticket, "status", status));
	fflush(stdout);

	if (want_log(number)) {
		log = write_log(number, &ticket);
		if (!log) {
			hint("the ticket is closed; fix that, then 'syncro close %ld --log' writes the log",
			     number);
			code = EXIT_ERROR;
		} else if (!opt_json) {
			char *shown = path_for_display(log);

			printf("wrote %s\n", shown);
			free(shown);
		}
	}
	if (opt_json) {
		cJSON *out = cJSON_CreateObject();
		const cJSON *comment = labor_find_id(ticket, "comments", comment_id);

		cJSON_AddItemToObject(out, "ticket", ticket);
		cJSON_AddItemToObject(out, "comment", comment ? cJSON_Duplicate(comment, 1) :
				      cJSON_CreateNull());
		cJSON_AddItemToObject(out, "session_log", log ? cJSON_CreateString(log) : cJSON_CreateNull());
		output_json(out);
		cJSON_Delete(out);
	} else {
		cJSON_Delete(ticket);
	}
	free(log);
	free(status);
	free(before);
	return fflush(stdout) ? EXIT_ERROR : code;
}
