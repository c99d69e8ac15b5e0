/*
 * syncro update N: change a ticket's fields with one PUT. Everything is
 * checked before it is sent; the ticket's current values come from the
 * cache, or from the GET /tickets?number=N that resolves an uncached number.
 */
#include "compat.h"
#include "api.h"
#include "cache.h"
#include "complete.h"
#include "json.h"
#include "json-fields.h"
#include "output.h"
#include "parse-options.h"
#include "prompt.h"
#include "ticket-fields.h"
#include "usage.h"
#include "write-plan.h"
#include "xmalloc.h"

static struct ticket_fields f;
static int no_input, opt_dry_run, opt_yes;

static const struct option_spec options[] = {
	OPT_STRING_C(0, "status", &f.status, "STATUS", "set the status (checked against the account's)",
		     COMPLETE_STATUS),
	OPT_STRING(0, "priority", &f.priority, "PRIORITY", "set the priority (\"1 High\"...)"),
	OPT_STRING_C(0, "assign", &f.assign, "TECH|me", "assign a tech ('me': you)", COMPLETE_TECH),
	OPT_STRING_C(0, "tech", &f.assign, "TECH|me", "the same as --assign, as in 'list --tech'", COMPLETE_TECH),
	OPT_STRING(0, "due", &f.due, "DATE", "set the due date: YYYY-MM-DD, tomorrow, +3d, friday"),
	OPT_STRING(0, "subject", &f.subject, "TEXT", "set the subject"),
	OPT_STRING(0, "problem-type", &f.problem_type, "TYPE", "set the problem type"),
	OPT_STRING(0, "contact", &f.contact, "NAME|ID", "set the contact (one of the customer's)"),
	OPT_JSON("print the updated ticket as JSON"),
	OPT_NO_INPUT(&no_input, "never prompt (an ambiguous name is an error)"),
	OPT_DRY_RUN(&opt_dry_run),
	OPT_YES(&opt_yes, "send without asking (with confirm: writes)"),
	OPT_EXAMPLE("syncro update 32164 --status \"in progress\" --assign me",
		    "take a ticket and start on it"),
	OPT_EXAMPLE("syncro update 32164 --subject \"Scanner jams on every page\" --dry-run",
		    "show the change without sending it"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"update", "syncro update [options] N",
	"change a ticket's status, priority, tech or due date", options, COMPLETE_TICKET,
};

/* How each field is shown: its key in the request, its label, where its value is. */
static const struct shown_field {
	const char *key, *label;
	const char *path, *fallback;	/* the value's path in a ticket; fallback if that is absent */
} shown_fields[] = {
	{ "status", NULL, "status", NULL },
	{ "subject", "subject", "subject", NULL },
	{ "priority", "priority", "priority", NULL },
	{ "problem_type", "problem type", "problem_type", NULL },
	{ "due_date", "due", "due_date", NULL },
	{ "user_id", "tech", "user.full_name", "user" },
	{ "contact_id", "contact", "contact.name", "contact_fullname" },
};

/*
 * The field's value in ticket for people: "(none)" for a null, NULL when
 * ticket does not say (the cache knows only status and subject).
 */
static const char *field_text(const cJSON *ticket, const struct shown_field *sf, char *buf,
			      size_t size)
{
	const cJSON *v = json_get(ticket, sf->path);
	const char *s;

	if (!v && sf->fallback && !(v = json_get(ticket, sf->fallback)))
		return NULL;
	if (!v && !sf->fallback)
		return NULL;
	if (!v || cJSON_IsNull(v) || cJSON_IsObject(v))
		return "(none)";
	s = cJSON_IsString(v) ? v->valuestring : "";
	if (!strcmp(sf->key, "due_date")) {
		/* A date: its day as the API wrote it. */
		snprintf(buf, size, "%.*s", (int)strcspn(s, "T"), s);
		return buf;
	}
	return *s ? s : "(none)";
}

static void print_changes(long number, const cJSON *req, const cJSON *before, const cJSON *after)
{
	for (size_t i = 0; i < ARRAY_SIZE(shown_fields); i++) {
		const struct shown_field *sf = &shown_fields[i];
		char old_buf[32], new_buf[32];
		const char *old, *new;

		if (!cJSON_HasObjectItem(req, sf->key))
			continue;
		old = field_text(before, sf, old_buf, sizeof(old_buf));
		new = field_text(after, sf, new_buf, sizeof(new_buf));
		if (!new)
			new = "(not shown by the API)";
		printf("#%ld  ", number);
		if (sf->label)
			printf("%s: ", sf->label);
		if (old && strcmp(old, new)) {
			output_text(stdout, old, SAFE_ONE_LINE);
			fputs(" -> ", stdout);
		}
		output_text(stdout, new, SAFE_ONE_LINE);
		puts(old && !strcmp(old, new) ? " (unchanged)" : "");
	}
}

/* What the PUT changes, in words and as the request; --dry-run stops here. */
static void preview(long number, const cJSON *before, const cJSON *req)
{
	struct write_plan plan = WRITE_PLAN_INIT;
	const cJSON *field;
	char *path = xstrfmt("/tickets/%ld", json_long(before, "id", -1));

	write_plan_say(&plan, "change ticket #%ld \"%s\" of %s:", number, json_string(before, "subject", ""),
		       json_string(before, "customer_business_then_name", "?"));
	cJSON_ArrayForEach(field, req) {
		char *value = cJSON_IsString(field) ? xstrdup(field->valuestring) : cJSON_PrintUnformatted(field);
		const cJSON *old = cJSON_GetObjectItemCaseSensitive(before, field->string);

		if (cJSON_IsString(old))
			write_plan_say(&plan, "  %s: %s -> %s", field->string, old->valuestring, value);
		else
			write_plan_say(&plan, "  %s: %s", field->string, value);
		free(value);
	}
	write_plan_request(&plan, "PUT", path, req);
	write_plan_go(&plan, &verb, opt_dry_run, opt_yes, 0);
	write_plan_release(&plan);
	free(path);
}

int main(int argc, char **argv)
{
	cJSON *req, *before, *after;
	long number;

	if (parse_options(&verb, argc, argv) != 1)
		usage_error(&verb, "'syncro update' takes one ticket number");
	number = ticket_number_parse(argv[0]);
	if (number < 0)
		usage_error(&verb, "'%s' is not a ticket number", argv[0]);
	if (!ticket_fields_any(&f))
		usage_error(&verb, "nothing to change; pass --status, --priority, --assign, --due, "
			    "--subject, --problem-type or --contact");
	if (no_input)
		prompt_disable();

	req = cJSON_CreateObject();
	ticket_fields_add(req, &f);
	before = api_ticket_last_seen(number);
	ticket_fields_add_contact(req, &f, json_long(before, "customer_id", -1));
	preview(number, before, req);
	after = api_unwrap(api_ticket(number, "PUT", "", req), "ticket");
	if (!cJSON_IsObject(after))
		die_with(EXIT_NETWORK, "PUT ticket #%ld: the answer has no ticket; check with "
			 "'syncro ticket %ld'", number, number);
	cache_store_tickets(after);

	if (opt_json)
		output_json(after);
	else
		print_changes(number, req, before, after);
	cJSON_Delete(req);
	cJSON_Delete(before);
	cJSON_Delete(after);
	return fflush(stdout) ? EXIT_ERROR : EXIT_OK;
}
