/*
 * syncro close N: resolve a ticket, optionally with a resolution comment
 * first, then write a session log. Requests: GET /tickets/settings when
 * not cached (the close status is checked), GET /tickets?number=N when the
 * number is not cached, POST /tickets/ID/comment with -m, PUT
 * /tickets/ID; the log is made from the PUT's answer (a GET /tickets/ID
 * only if that answer lacks the comments).
 */
#include "compat.h"
#include "api.h"
#include "cache.h"
#include "config.h"
#include "date.h"
#include "json.h"
#include "output.h"
#include "parse-options.h"
#include "prompt.h"
#include "session-log.h"
#include "ticket-settings.h"
#include "usage.h"
#include "xmalloc.h"

static const char *message;
static int opt_email, opt_no_email, opt_log, opt_no_log, opt_yes, no_input, opt_json;

static const struct option_spec options[] = {
	OPT_STRING('m', "message", &message, "TEXT", "add a resolution comment first"),
	OPT_BOOL(0, "email", &opt_email, "email the resolution comment to the customer"),
	OPT_BOOL(0, "no-email", &opt_no_email, "do not email it (the default unless comments.email)"),
	OPT_BOOL(0, "log", &opt_log, "write the session log without asking"),
	OPT_BOOL(0, "no-log", &opt_no_log, "do not write a session log"),
	OPT_BOOL('y', "yes", &opt_yes, "answer yes: write the session log"),
	OPT_BOOL(0, "no-input", &no_input, "never prompt: no session log unless --log"),
	OPT_BOOL(0, "json", &opt_json, "print the ticket, the comment and the log's path as JSON"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"close", "syncro close [options] N",
	"resolve a ticket and write a session log", options, COMPLETE_TICKET,
};

/* The status before closing: as last seen (the cache, else GET /tickets?number=N). */
static char *status_before(long number)
{
	cJSON *seen = api_ticket_last_seen(number);
	char *status = xstrdup(json_string(seen, "status", "(none)"));

	cJSON_Delete(seen);
	return status;
}

static cJSON *add_resolution(long number)
{
	cJSON *req = cJSON_CreateObject(), *comment;
	int email = opt_email || (config_get()->email_comments && !opt_no_email);

	cJSON_AddStringToObject(req, "subject", "Resolution");
	cJSON_AddStringToObject(req, "body", message);
	cJSON_AddBoolToObject(req, "hidden", 0);
	cJSON_AddBoolToObject(req, "do_not_email", !email);
	comment = api_unwrap(api_ticket(number, "POST", "/comment", req), "comment");
	cJSON_Delete(req);
	if (!opt_json)
		printf("#%ld  resolution comment added%s\n", number, email ? ", emailed" : "");
	return comment;
}

static int want_log(void)
{
	int yes = 0;

	if (opt_log || opt_yes)
		return 1;
	if (opt_no_log)
		return 0;
	return prompt_yes_no("Write a session log?", 1, &yes) == PROMPT_OK && yes;
}

/* Write the log of ticket; its path (the caller's), or NULL after an error. */
static char *write_log(long number, cJSON **ticket)
{
	struct sbuf text = SBUF_INIT;
	const cJSON *techs = cJSON_GetObjectItemCaseSensitive(ticket_settings(), "users");
	char *path, *written;

	if (!cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(*ticket, "comments"))) {
		cJSON_Delete(*ticket);
		*ticket = api_unwrap(api_ticket(number, "GET", "", NULL), "ticket");
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
	cJSON *req, *ticket, *comment = NULL;
	long number;
	int code = EXIT_OK;

	if (parse_options(&verb, argc, argv) != 1)
		usage_error(&verb, "'syncro close' takes one ticket number");
	number = parse_ticket_number(argv[0]);
	if (number < 0)
		usage_error(&verb, "'%s' is not a ticket number", argv[0]);
	if (opt_log && opt_no_log)
		usage_error(&verb, "--log and --no-log contradict each other");
	if (opt_email && opt_no_email)
		usage_error(&verb, "--email and --no-email contradict each other");
	if (message && !*message)
		usage_error(&verb, "empty -m; leave it out or say how it was resolved");
	if (no_input)
		prompt_disable();

	status = ticket_status_check(config_get()->close_status, "close_status (config)");
	before = status_before(number);
	if (message)
		comment = add_resolution(number);
	req = cJSON_CreateObject();
	cJSON_AddStringToObject(req, "status", status);
	ticket = api_unwrap(api_ticket(number, "PUT", "", req), "ticket");
	cJSON_Delete(req);
	if (!cJSON_IsObject(ticket))
		die_with(EXIT_NETWORK, "PUT ticket #%ld: the answer has no ticket; check with "
			 "'syncro ticket %ld'", number, number);
	cache_store_tickets(ticket);
	if (!opt_json)
		printf("#%ld  %s -> %s\n", number, before, json_string(ticket, "status", status));
	fflush(stdout);

	if (want_log()) {
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

		cJSON_AddItemToObject(out, "ticket", ticket);
		cJSON_AddItemToObject(out, "comment", comment ? comment : cJSON_CreateNull());
		cJSON_AddItemToObject(out, "session_log", log ? cJSON_CreateString(log) : cJSON_CreateNull());
		output_json(out);
		cJSON_Delete(out);
	} else {
		cJSON_Delete(ticket);
		cJSON_Delete(comment);
	}
	free(log);
	free(status);
	free(before);
	return fflush(stdout) ? EXIT_ERROR : code;
}
