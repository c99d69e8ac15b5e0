/*
 * syncro appointment (or appt): the calendar, in the account's own time
 * zone with the weekday always shown: list, book one for a ticket, move
 * it, remove it. Each write is previewed (--dry-run), confirmed when the
 * config says `confirm: writes` (a removal always asks) and checked
 * against the answer.
 */
#include "compat.h"
#include <cjson/cJSON.h>
#include "account-time.h"
#include "id-cache.h"
#include "api.h"
#include "complete.h"
#include "customer-lookup.h"
#include "date.h"
#include "json.h"
#include "name-match.h"
#include "json-fields.h"
#include "output.h"
#include "parse-options.h"
#include "table.h"
#include "tech-lookup.h"
#include "ticket-number.h"
#include "usage.h"
#include "write-plan.h"
#include "xmalloc.h"

static const char *opt_at, *opt_tech, *opt_customer, *opt_summary;
static long opt_duration = 60;
static int opt_mine, opt_today, opt_week, opt_dry_run, opt_yes;
static const char *sub;

/* What completes the operands after each subcommand: create takes a ticket, the others an appointment. */
static const struct complete_source *const ticket_args[] = { COMPLETE_TICKET, NULL };
static const struct complete_source *const appointment_args[] = { COMPLETE_APPOINTMENT, NULL };

static const struct option_spec options[] = {
	OPT_STRING(0, "at", &opt_at, "WHEN", "the start, in the account's zone: \"2026-12-04 09:30\", \"tomorrow 9:30\", +2d (create, move)"),
	OPT_INT(0, "duration", &opt_duration, "MIN", "the length in minutes, default 60 (create)"),
	OPT_STRING_C(0, "tech", &opt_tech, "TECH|me", "the tech who owns it (create)", COMPLETE_TECH),
	OPT_STRING(0, "summary", &opt_summary, "TEXT", "the title, default the ticket's subject (create)"),
	OPT_BOOL(0, "mine", &opt_mine, "only the key's user's (list)"),
	OPT_BOOL(0, "today", &opt_today, "only today's (list)"),
	OPT_BOOL(0, "week", &opt_week, "only the next seven days (list)"),
	OPT_STRING_C(0, "customer", &opt_customer, "NAME|ID", "only this customer's (list)", COMPLETE_CUSTOMER),
	OPT_JSON("print the API's objects as JSON (list)"),
	OPT_DRY_RUN(&opt_dry_run),
	OPT_YES(&opt_yes, "send without asking"),
	OPT_EXCLUSIVE("today week"),
	OPT_SUBCOMMAND("list", &sub, NULL, "list appointments"),
	OPT_SUBCOMMAND("create", &sub, ticket_args, "book one for a ticket: N --at WHEN"),
	OPT_SUBCOMMAND("move", &sub, appointment_args, "move one: ID --at WHEN"),
	OPT_SUBCOMMAND("rm", &sub, appointment_args, "remove one: ID"),
	OPT_EXAMPLE("syncro appt create 32164 --at \"tomorrow 9:30\" --duration 90 --tech Sam",
		    "book 90 minutes with Sam for #32164"),
	OPT_EXAMPLE("syncro appt move 5100001 --at +2d --dry-run",
		    "show a move two days later without sending it"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"appointment",
	"syncro appointment list [--mine] [--today | --week] [--customer NAME|ID] [--json]\n"
	"   or: syncro appointment create N --at WHEN [--duration MIN] [--tech TECH] [--summary TEXT]\n"
	"   or: syncro appointment move ID --at WHEN\n"
	"   or: syncro appointment rm ID",
	"list, book, move and remove appointments", options,
	COMPLETE_NONE,
};

/* What a write holds, freed at exit (also after a die()). */
static struct {
	cJSON *ticket, *appt, *after, *body;
	char *path, *tech_name;
	struct sbuf a, b;
	struct write_plan plan;
} h = { NULL, NULL, NULL, NULL, NULL, NULL, SBUF_INIT, SBUF_INIT, WRITE_PLAN_INIT };

static void release_held(void)
{
	cJSON_Delete(h.ticket);
	cJSON_Delete(h.appt);
	cJSON_Delete(h.after);
	cJSON_Delete(h.body);
	free(h.path);
	free(h.tech_name);
	sbuf_release(&h.a);
	sbuf_release(&h.b);
	write_plan_release(&h.plan);
}

static time_t when_option(void)
{
	time_t t;

	if (!opt_at)
		usage_error(&verb, "say when with --at, e.g. --at \"tomorrow 9:30\"");
	account_time_use();
	if (account_time_parse(opt_at, &t) < 0)
		usage_error(&verb, "'%s' is not a time: use \"2026-12-04 09:30\", \"today 14:00\", "
			    "\"tomorrow 9:30\", \"9:30\" or +2d, +3h, +90m", opt_at);
	return t;
}

static time_t api_time(const cJSON *obj, const char *field)
{
	time_t t = 0;

	parse_timestamp(json_string(obj, field, ""), &t);
	return t;
}

/* List items come wrapped one by one: {"appointment": {...}}. */
static const cJSON *unwrapped(const cJSON *item)
{
	const cJSON *inner = json_get(item, "appointment");

	return inner ? inner : item;
}

/* Keep a's id for completion, with its start and summary. */
static void remember(const cJSON *a)
{
	struct sbuf about = SBUF_INIT;

	account_time_format(&about, api_time(a, "start_at"));
	sbuf_addf(&about, " · %s", json_string(a, "summary", ""));
	id_cache_add(ID_CACHE_APPOINTMENTS, json_long(a, "id", -1), about.buf);
	sbuf_release(&about);
}

static void add_row(struct table *t, const cJSON *a)
{
	struct sbuf sb = SBUF_INIT;
	time_t start = api_time(a, "start_at"), end = api_time(a, "end_at");

	remember(a);
	account_time_format(&sb, start);
	table_add_row(t, NULL);
	table_add_cellf(t, "%ld", json_long(a, "id", -1));
	table_add_cell(t, sb.buf);
	table_add_cellf(t, "%ld min", (long)(end - start) / 60);
	table_add_cell(t, json_string(a, "summary", ""));
	sbuf_release(&sb);
}

static int cmd_list(void)
{
	struct strvec query = STRVEC_INIT;
	struct sbuf day = SBUF_INIT;
	struct table *t = table_new(4);
	const cJSON *it;
	long customer = -1;
	cJSON *all, *shown = cJSON_CreateArray();
	int n = 0;

	account_time_use();
	if (opt_today || opt_week) {
		time_t now = date_now();

		date_addf(&day, "%Y-%m-%d", now);
		strvec_pushf(&query, "date_from=%s", day.buf);
		sbuf_reset(&day);
		date_addf(&day, "%Y-%m-%d", now + (opt_week ? 6 * 86400 : 0));
		strvec_pushf(&query, "date_to=%s", day.buf);
	}
	if (opt_mine)
		strvec_push(&query, "mine=true");
	if (opt_customer) {
		customer = customer_lookup_history(opt_customer, "--customer", NULL);
		strvec_pushf(&query, "customer_id=%ld", customer);
	}
	all = api_get("/appointments", &query);
	cJSON_ArrayForEach(it, json_get(all, "appointments")) {
		/* the filter is not in the spec: not trusted */
		if (customer > 0 && json_long(unwrapped(it), "customer_id", -1) != customer)
			continue;
		add_row(t, unwrapped(it));
		cJSON_AddItemToArray(shown, cJSON_Duplicate(unwrapped(it), 1));
		n++;
	}
	/* the appointments themselves, as other lists print their objects */
	if (opt_json)
		output_json(shown);
	cJSON_Delete(shown);
	if (!opt_json && n)
		table_print(t);
	else if (!opt_json)
		fprintf(stderr, "%s: no appointments match\n", program_name());
	table_free(t);
	cJSON_Delete(all);
	strvec_clear(&query);
	sbuf_release(&day);
	return 0;
}

/* Check that the answer starts when asked (to the minute); die otherwise. */
static void check_start(const cJSON *answer, time_t start)
{
	const cJSON *a = json_get(answer, "appointment") ? json_get(answer, "appointment") : answer;

	if (labs((long)(api_time(a, "start_at") - start)) >= 60)
		die("Syncro answered, but the appointment starts at '%s', not as asked; check it "
		    "with 'syncro appointment list'", json_string(a, "start_at", "?"));
}

static int cmd_create(const char *number_arg)
{
	long number = ticket_number_parse(number_arg), tech = -1;
	time_t start = when_option(), end;

	if (number < 0)
		usage_error(&verb, "'%s' is not a ticket number", number_arg);
	if (opt_duration < 1 || opt_duration > 24 * 60)
		usage_error(&verb, "--duration takes 1 to 1440 minutes, not %ld", opt_duration);
	end = start + opt_duration * 60;
	if (opt_tech)
		tech = tech_resolve(opt_tech, "--tech", &h.tech_name);
	h.ticket = api_ticket_lookup(number);
	account_time_format(&h.a, start);
	date_addf(&h.b, "%H:%M %Z", end);
	write_plan_say(&h.plan, "book ticket #%ld (%s) on %s to %s, %ld min", number,
		       json_string(h.ticket, "customer_business_then_name", "?"), h.a.buf, h.b.buf,
		       opt_duration);
	if (tech > 0)
		write_plan_say(&h.plan, "  owned by %s", h.tech_name ? h.tech_name : opt_tech);
	else
		write_plan_say(&h.plan, "  owned by the key's user");
	h.body = cJSON_CreateObject();
	cJSON_AddNumberToObject(h.body, "ticket_id", (double)json_long(h.ticket, "id", -1));
	cJSON_AddNumberToObject(h.body, "customer_id", (double)json_long(h.ticket, "customer_id", -1));
	cJSON_AddStringToObject(h.body, "summary", opt_summary ? opt_summary : json_string(h.ticket, "subject", ""));
	sbuf_reset(&h.b);
	account_time_iso(&h.b, start);
	cJSON_AddStringToObject(h.body, "start_at", h.b.buf);
	sbuf_reset(&h.b);
	account_time_iso(&h.b, end);
	cJSON_AddStringToObject(h.body, "end_at", h.b.buf);
	if (tech > 0) {
		cJSON *ids = cJSON_AddArrayToObject(h.body, "user_ids");

		cJSON_AddItemToArray(ids, cJSON_CreateNumber((double)tech));
	}
	write_plan_request(&h.plan, "POST", "/appointments", h.body);
	write_plan_go(&h.plan, &verb, opt_dry_run, opt_yes, 0);
	h.after = api_post("/appointments", h.body);
	check_start(h.after, start);
	remember(unwrapped(h.after));
	printf("booked appointment %ld for ticket #%ld: %s, %ld min\n",
	       json_long(unwrapped(h.after), "id", -1), number, h.a.buf, opt_duration);
	return 0;
}

static long id_operand(const char *arg)
{
	long id = name_match_id(arg);

	if (id < 0)
		usage_error(&verb, "'%s' is not an appointment id; 'syncro appointment list' shows them", arg);
	return id;
}

static void hold_appointment(long id)
{
	h.path = xstrfmt("/appointments/%ld", id);
	h.appt = api_unwrap(api_get(h.path, NULL), "appointment");
}

static int cmd_move(long id)
{
	time_t start = when_option(), old, length;

	hold_appointment(id);
	old = api_time(h.appt, "start_at");
	length = api_time(h.appt, "end_at") - old;
	account_time_format(&h.a, old);
	account_time_format(&h.b, start);
	write_plan_say(&h.plan, "move appointment %ld (%s)", id, json_string(h.appt, "summary", ""));
	write_plan_say(&h.plan, "  from %s", h.a.buf);
	write_plan_say(&h.plan, "  to   %s, %ld min as before", h.b.buf, (long)length / 60);
	h.body = cJSON_CreateObject();
	sbuf_reset(&h.a);
	account_time_iso(&h.a, start);
	cJSON_AddStringToObject(h.body, "start_at", h.a.buf);
	sbuf_reset(&h.a);
	account_time_iso(&h.a, start + length);
	cJSON_AddStringToObject(h.body, "end_at", h.a.buf);
	write_plan_request(&h.plan, "PUT", h.path, h.body);
	write_plan_go(&h.plan, &verb, opt_dry_run, opt_yes, 0);
	h.after = api_put(h.path, h.body);
	check_start(h.after, start);
	remember(unwrapped(h.after));
	printf("moved appointment %ld to %s\n", id, h.b.buf);
	return 0;
}

static int cmd_rm(long id)
{
	hold_appointment(id);
	account_time_use();
	account_time_format(&h.a, api_time(h.appt, "start_at"));
	write_plan_say(&h.plan, "remove appointment %ld (%s) on %s", id,
		       json_string(h.appt, "summary", ""), h.a.buf);
	write_plan_request(&h.plan, "DELETE", h.path, NULL);
	write_plan_go(&h.plan, &verb, opt_dry_run, opt_yes, 1);
	cJSON_Delete(api_delete(h.path));
	id_cache_forget(ID_CACHE_APPOINTMENTS, id);
	printf("removed appointment %ld (%s)\n", id, h.a.buf);
	return 0;
}

int main(int argc, char **argv)
{
	const char *sub;

	argc = parse_options(&verb, argc, argv);
	atexit(release_held);
	if (!argc)
		usage_error(&verb, "say what to do: list, create, move or rm");
	sub = argv[0];
	if ((opt_mine || opt_today || opt_week || opt_customer || opt_json) && strcmp(sub, "list"))
		usage_error(&verb, "--mine, --today, --week, --customer and --json are for list");
	if ((opt_tech || opt_summary) && strcmp(sub, "create"))
		usage_error(&verb, "--tech and --summary are for create");
	if (!strcmp(sub, "list") && argc == 1)
		return cmd_list();
	if (!strcmp(sub, "create") && argc == 2)
		return cmd_create(argv[1]);
	if (!strcmp(sub, "move") && argc == 2)
		return cmd_move(id_operand(argv[1]));
	if (!strcmp(sub, "rm") && argc == 2)
		return cmd_rm(id_operand(argv[1]));
	usage_error(&verb, "unknown subcommand or wrong arguments: '%s'", sub);
}
