/*
 * syncro time: a ticket's timers and labor lines, listed, added, edited,
 * removed and charged, each change verified by reading the ticket back
 * (common/labor.h); and the labor aliases with their products.
 */
#include "compat.h"
#include <cjson/cJSON.h>
#include "api.h"
#include "cache.h"
#include "complete.h"
#include "config.h"
#include "date.h"
#include "json.h"
#include "labor.h"
#include "name-match.h"
#include "json-fields.h"
#include "output.h"
#include "parse-options.h"
#include "product.h"
#include "table.h"
#include "ticket-number.h"
#include "ticket-settings.h"
#include "ticket-view.h"
#include "usage.h"
#include "write-plan.h"
#include "xmalloc.h"

static const char *opt_labor, *opt_notes, *opt_minutes, *sub;
static int opt_charge, opt_all, opt_labor_list, opt_dry_run, opt_yes;

/* What every writing subcommand takes. */
#define TIME_WRITE_OPTIONS \
	OPT_DRY_RUN(&opt_dry_run), \
	OPT_YES(&opt_yes, "send without asking (with confirm: writes)")
#define TIME_LABOR_OPTIONS \
	OPT_STRING_C(0, "labor", &opt_labor, "ALIAS|ID", "the labor product", COMPLETE_LABOR), \
	OPT_STRING(0, "notes", &opt_notes, "TEXT", "the timer's notes")

static const struct option_spec add_options[] = {
	TIME_LABOR_OPTIONS,
	OPT_BOOL(0, "charge", &opt_charge, "make the time billable now"),
	TIME_WRITE_OPTIONS,
	OPT_EXAMPLE("syncro time add 32164 45 --labor onsite --notes \"Replaced the switch\" --charge",
		    "log 45 minutes of on-site labor on #32164, billable now"),
	OPT_EXAMPLE("syncro time add 32164 90 --dry-run",
		    "show the timer and its request without sending it"),
	OPT_END(),
};
static const struct option_spec edit_options[] = {
	OPT_STRING(0, "minutes", &opt_minutes, "MIN", "the timer's new duration"),
	TIME_LABOR_OPTIONS,
	TIME_WRITE_OPTIONS,
	OPT_EXAMPLE("syncro time edit 32164 8812109 --minutes 30", "make timer 8812109 half an hour"),
	OPT_EXAMPLE("syncro time edit 32164 8812109 --notes \"Reset the router\"",
		    "change its notes only"),
	OPT_END(),
};
static const struct option_spec rm_options[] = {
	TIME_WRITE_OPTIONS,
	OPT_EXAMPLE("syncro time rm 32164 8812109", "remove timer 8812109 from #32164"),
	OPT_EXAMPLE("syncro time rm 32164 8812109 --dry-run", "show the request without sending it"),
	OPT_END(),
};
static const struct option_spec charge_options[] = {
	OPT_BOOL(0, "all", &opt_all, "charge every uncharged timer"),
	TIME_WRITE_OPTIONS,
	OPT_EXAMPLE("syncro time charge 32164 --all", "make every uncharged timer of #32164 billable"),
	OPT_EXAMPLE("syncro time charge 32164 8812109", "charge one timer"),
	OPT_END(),
};

static const struct verb_spec add_verb = {
	"time add", "syncro time add [options] N MIN", "add a timer to a ticket, verified",
	add_options, COMPLETE_NONE,
};
static const struct verb_spec edit_verb = {
	"time edit", "syncro time edit [options] N TIMER",
	"change a timer's minutes, labor or notes, verified", edit_options, COMPLETE_NONE,
};
static const struct verb_spec rm_verb = {
	"time rm", "syncro time rm [options] N TIMER", "remove a timer, verified", rm_options,
	COMPLETE_NONE,
};
static const struct verb_spec charge_verb = {
	"time charge", "syncro time charge [options] N [TIMER]",
	"make a timer billable (one, the only one, or --all), verified", charge_options,
	COMPLETE_NONE,
};

/* What completes the operands after each subcommand: the ticket, then nothing we know. */
static const struct complete_source *const ticket_args[] = { COMPLETE_TICKET, NULL };
static const struct complete_source *const ticket_timer_args[] = {
	COMPLETE_TICKET, COMPLETE_NONE, NULL,
};

static const struct option_spec options[] = {
	OPT_BOOL(0, "labor-list", &opt_labor_list, "list the labor aliases and their products"),
	OPT_JSON("print the timers and labor lines as JSON"),
	OPT_SUBCOMMAND_VERB("add", &sub, ticket_args, &add_verb, "add a timer: N MIN"),
	OPT_SUBCOMMAND_VERB("edit", &sub, ticket_timer_args, &edit_verb, "change a timer: N TIMER"),
	OPT_SUBCOMMAND_VERB("rm", &sub, ticket_timer_args, &rm_verb, "remove a timer: N TIMER"),
	OPT_SUBCOMMAND_VERB("charge", &sub, ticket_timer_args, &charge_verb,
			    "make timers billable: N [TIMER | --all]"),
	OPT_EXAMPLE("syncro time 32164", "list the timers and labor lines of #32164"),
	OPT_EXAMPLE("syncro time add 32164 45 --labor onsite --notes \"Replaced the switch\" --charge",
		    "log 45 minutes of on-site labor, billable now"),
	OPT_EXAMPLE("syncro time edit 32164 8812109 --minutes 30", "make timer 8812109 half an hour"),
	OPT_EXAMPLE("syncro time charge 32164 --all", "make every uncharged timer billable"),
	OPT_LEARN_MORE("syncro time SUBCOMMAND --help, man syncro-time"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"time",
	"syncro time [options] N\n"
	"   or: syncro time add|edit|rm|charge [options] N ...\n"
	"   or: syncro time --labor-list",
	"list, add, edit, remove and charge time entries", options,
	COMPLETE_TICKET,
};

/* The table of the subcommand being run, for its usage errors and previews. */
static const struct verb_spec *running = &verb;

static long ticket_operand(const char *arg)
{
	long n = ticket_number_parse(arg);

	if (n < 0)
		usage_error(running, "'%s' is not a ticket number", arg);
	return n;
}

static long id_operand(const char *arg, const char *what)
{
	long id = name_match_id(arg);

	if (id < 0)
		usage_error(running, "'%s' is not a %s id", arg, what);
	return id;
}

static long product_operand(const char *alias_or_id)
{
	return labor_product_or_die(alias_or_id);
}

static long minutes_operand(const char *option, const char *text)
{
	struct api_error err = API_ERROR_INIT;
	long minutes;

	if (labor_minutes(option, text, &minutes, &err) ||
	    labor_minutes_confirm(option, minutes, &err))
		api_die_hints(&err, NULL);
	return minutes;
}

/*
 * The timer of "edit N TIMER", "rm N TIMER", "charge N TIMER": its id, or
 * what the list prints, "timer 8812040" (one word or two). *used is how
 * many arguments it took.
 */
static long timer_operand(int argc, char **argv, int *used)
{
	const char *arg = argv[0];

	*used = 1;
	if (!strcmp(arg, "timer") && argc > 1) {
		*used = 2;
		arg = argv[1];
	} else if (!strncmp(arg, "timer ", 6)) {
		arg += 6;
	} else if (!strncmp(arg, "line ", 5) || (!strcmp(arg, "line") && argc > 1)) {
		usage_error(running, "'%s%s%s' is a line item, not a timer; change it in Syncro", arg,
			    strcmp(arg, "line") ? "" : " ", strcmp(arg, "line") ? "" : argv[1]);
	}
	return id_operand(arg, "timer");
}

/* ---- list ---- */

/* The tech's name from the ticket settings, "" when they do not list the id. */
static const char *tech_name(long id)
{
	const char *name = ticket_settings_tech_name(id);

	return name ? name : "";
}

/*
 * A labor line's product: the config's alias (as for a timer, charged or
 * not: one name for one product), else the line's own name, else its id.
 */
static void add_line_product_cell(struct table *t, const cJSON *line)
{
	long product_id = json_long(line, "product_id", -1);
	const char *name = json_string(line, "name", NULL);

	if (config_labor_alias(product_id))
		table_add_cell(t, config_labor_alias(product_id));
	else if (name && *name)
		table_add_cell(t, name);
	else if (product_id > 0)
		table_add_cellf(t, "%ld", product_id);
	else
		table_add_cell(t, "none");
}

static void add_time_cell(struct table *t, time_t when)
{
	struct sbuf sb = SBUF_INIT;

	if (when >= 0)
		date_add_local(&sb, when);
	table_add_cell(t, sb.buf);
	sbuf_release(&sb);
}

static void add_notes_cell(struct table *t, const char *notes)
{
	char *line = labor_first_line(notes ? notes : "");

	table_add_cell(t, line);
	free(line);
}

/*
 * The line each charged timer of the ticket was charged onto, found the
 * way labor_charged_line() finds it (ticket_line_item_id is null on a
 * strict account): its product and duration; the line the field names
 * when it matches, else the newest matching line no newer timer took.
 * lines[i] is for the i-th timer (0: none); the caller frees it.
 */
static long *timer_lines(const cJSON *ticket)
{
	const cJSON *timers = cJSON_GetObjectItemCaseSensitive(ticket, "ticket_timers"), *line;
	int n = cJSON_GetArraySize(timers);
	long *lines = xcalloc(n ? n : 1, sizeof(*lines));
	int *order = xcalloc(n ? n : 1, sizeof(*order));

	/* The newest timer first: it was charged last, onto the newest line. */
	for (int i = 0; i < n; i++)
		order[i] = i;
	for (int i = 1; i < n; i++)
		for (int k = i; k > 0 && json_long(cJSON_GetArrayItem(timers, order[k]), "id", 0) >
					json_long(cJSON_GetArrayItem(timers, order[k - 1]), "id", 0); k--) {
			int swap = order[k];

			order[k] = order[k - 1];
			order[k - 1] = swap;
		}
	for (int o = 0; o < n; o++) {
		const cJSON *timer = cJSON_GetArrayItem(timers, order[o]), *said;
		long found = 0;

		if (!json_bool(timer, "recorded", 0))
			continue;
		said = labor_find_id(ticket, "line_items", json_long(timer, "ticket_line_item_id", -1));
		cJSON_ArrayForEach(line, cJSON_GetObjectItemCaseSensitive(ticket, "line_items")) {
			long id = json_long(line, "id", 0);
			int taken = 0;

			for (int k = 0; k < n; k++)
				taken |= lines[k] == id;
			if (taken || !labor_charged_line_matches(line, timer, 0))
				continue;
			if (line == said) {
				found = id;
				break;
			}
			if (id > found)
				found = id;
		}
		lines[order[o]] = found;
	}
	free(order);
	return lines;
}

/* Whether line_id is the line of a charged timer (timer_lines()). */
static int line_of_timer(const cJSON *ticket, const long *lines, long line_id)
{
	int n = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(ticket, "ticket_timers"));

	for (int i = 0; i < n; i++)
		if (lines[i] == line_id)
			return 1;
	return 0;
}

/* A labor line: of a labor product of the config, or of a charged timer. */
static int is_labor_line(const cJSON *ticket, const long *lines, const cJSON *line)
{
	const struct syncro_config *cfg = config_get();
	long product = json_long(line, "product_id", -1);

	for (size_t i = 0; i < cfg->labor_nr; i++)
		if (cfg->labor[i].product_id == product)
			return 1;
	return line_of_timer(ticket, lines, json_long(line, "id", -1));
}

static void list_json(const cJSON *ticket)
{
	cJSON *out = cJSON_CreateObject(), *lines = cJSON_CreateArray();
	const cJSON *line;
	long *of_timer = timer_lines(ticket);

	cJSON_AddItemToObject(out, "ticket_timers", cJSON_Duplicate(
		cJSON_GetObjectItemCaseSensitive(ticket, "ticket_timers"), 1));
	cJSON_ArrayForEach(line, cJSON_GetObjectItemCaseSensitive(ticket, "line_items"))
		if (is_labor_line(ticket, of_timer, line))
			cJSON_AddItemToArray(lines, cJSON_Duplicate(line, 1));
	cJSON_AddItemToObject(out, "line_items", lines);
	free(of_timer);
	output_json(out);
	cJSON_Delete(out);
}

static void list(long number)
{
	cJSON *ticket = api_ticket_get(number);
	struct table *t = table_new(8);
	const cJSON *timer, *line;
	long *of_timer;
	int i = 0;

	if (opt_json) {
		list_json(ticket);
		cJSON_Delete(ticket);
		return;
	}
	table_set_flex(t, 5, 10);
	table_set_align(t, 3, TABLE_RIGHT);
	table_add_row(t, color_enabled() ? COLOR_BOLD : NULL);
	static const char *const head[] = {
		"ID", "TECH", "START", "MIN", "PRODUCT", "NOTES", "CHARGED", "INVOICED"
	};
	for (size_t i = 0; i < ARRAY_SIZE(head); i++)
		table_add_cell(t, head[i]);
	of_timer = timer_lines(ticket);
	cJSON_ArrayForEach(timer, cJSON_GetObjectItemCaseSensitive(ticket, "ticket_timers")) {
		long line_id = of_timer[i++];
		int charged = json_bool(timer, "recorded", 0);
		const cJSON *l = charged ? labor_find_id(ticket, "line_items", line_id) : NULL;

		table_add_row(t, NULL);
		table_add_cellf(t, "timer %ld", json_long(timer, "id", 0));
		table_add_cell(t, tech_name(json_long(timer, "user_id", -1)));
		add_time_cell(t, json_time(timer, "start_time"));
		if (labor_timer_minutes(timer) < 0)
			table_add_cell(t, "?");
		else
			table_add_cellf(t, "%ld", labor_timer_minutes(timer));
		/* The alias before and after the charge alike. */
		table_add_cell(t, config_labor_alias(json_long(timer, "product_id", -1)) ?
			       config_labor_alias(json_long(timer, "product_id", -1)) :
			       ticket_view_timer_product(ticket, timer));
		add_notes_cell(t, json_string(timer, "notes", ""));
		if (charged && line_id > 0)
			table_add_cellf(t, "line %ld", line_id);
		else
			table_add_cell(t, charged ? "yes" : "no");
		table_add_cell(t, json_bool(l, "converted", 0) ? "yes" : "no");
	}
	cJSON_ArrayForEach(line, cJSON_GetObjectItemCaseSensitive(ticket, "line_items")) {
		if (!is_labor_line(ticket, of_timer, line) ||
		    line_of_timer(ticket, of_timer, json_long(line, "id", -1)))
			continue;
		table_add_row(t, NULL);
		table_add_cellf(t, "line %ld", json_long(line, "id", 0));
		table_add_cell(t, tech_name(json_long(line, "user_id", -1)));
		add_time_cell(t, json_time(line, "created_at"));
		if (labor_line_minutes(line, -1) < 0)
			table_add_cell(t, "?");
		else
			table_add_cellf(t, "%ld", labor_line_minutes(line, -1));
		add_line_product_cell(t, line);
		add_notes_cell(t, json_string(line, "description", ""));
		table_add_cell(t, "yes");
		table_add_cell(t, json_bool(line, "converted", 0) ? "yes" : "no");
	}
	if (table_rows(t) > 1)
		table_print(t);
	else
		printf("#%ld has no timers and no labor lines\n", number);
	table_free(t);
	free(of_timer);
	cJSON_Delete(ticket);
}

/* ---- changes ---- */

static char *ticket_path(long number)
{
	return xstrfmt("/tickets/%ld", api_ticket_id(number));
}

/* The plan's one request to the ticket, then --dry-run stops, confirm: writes asks. */
static void go(struct write_plan *plan, long number, const char *method, const char *suffix,
	       cJSON *body)
{
	char *path = ticket_path(number), *full = xstrfmt("%s%s", path, suffix);

	write_plan_request(plan, method, full, body);
	write_plan_go(plan, running, opt_dry_run, opt_yes, 0);
	write_plan_release(plan);
	cJSON_Delete(body);
	free(full);
	free(path);
}

static void add(long number, const char *minutes)
{
	const struct syncro_config *cfg = config_get();
	struct api_error err = API_ERROR_INIT;
	const char *labor_name = opt_labor ? opt_labor : cfg->labor_default;
	struct labor l = { number, minutes_operand("MIN", minutes), product_operand(labor_name),
			   opt_notes, opt_charge, NULL, 0, 0, 1, 0, 0, NULL };
	struct labor_done done;
	/* Without a comment, the comment method records a timer. */
	enum billing_method method = cfg->billing == BILLING_COMMENT ? BILLING_TIMER : cfg->billing;

	struct write_plan plan = WRITE_PLAN_INIT;
	char *path;

	if (method == BILLING_LINE_ITEM && labor_price(labor_name, &l, &err))
		api_die_hints(&err, NULL);
	path = ticket_path(number);
	labor_plan(&plan, method, &l, labor_name, path);
	write_plan_go(&plan, running, opt_dry_run, opt_yes, 0);
	write_plan_release(&plan);
	free(path);
	if (labor_record(method, &l, LABOR_LINE_AFTER_READ, &done, &err)) {
		struct strvec hints = STRVEC_INIT;

		labor_record_hints(&hints, &err, &l, &done);
		api_die_hints(&err, &hints);
	}
	labor_print(&l, labor_name, &done);
}

static void edit(long number, long timer_id)
{
	struct api_error err = API_ERROR_INIT;
	long minutes = opt_minutes ? minutes_operand("--minutes", opt_minutes) : 0;
	long product = opt_labor ? product_operand(opt_labor) : 0;
	struct write_plan plan = WRITE_PLAN_INIT;
	cJSON *body;

	if (!opt_minutes && !opt_labor && !opt_notes)
		usage_error(running, "give --minutes, --labor or --notes to change");
	/* The body is read from the ticket: only when it is shown (labor_timer_edit() reads it too). */
	if (write_plan_wanted(opt_dry_run, opt_yes, 0)) {
		if (labor_timer_edit_body(number, timer_id, minutes, product, opt_notes, &body, &err))
			api_die_hints(&err, NULL);
		write_plan_say(&plan, "change timer %ld on ticket #%ld:", timer_id, number);
		if (opt_minutes)
			write_plan_say(&plan, "  minutes: %ld", minutes);
		if (opt_labor)
			write_plan_say(&plan, "  labor: %s (product %ld)", opt_labor, product);
		if (opt_notes)
			write_plan_say(&plan, "  notes: %s", opt_notes);
		go(&plan, number, "PUT", "/update_timer_entry", body);
	}
	if (labor_timer_edit(number, timer_id, minutes, product, opt_notes, &err))
		api_die_hints(&err, NULL);
	printf("#%ld: timer %ld changed\n", number, timer_id);
}

static void remove_timer(long number, long timer_id)
{
	struct api_error err = API_ERROR_INIT;
	struct write_plan plan = WRITE_PLAN_INIT;

	write_plan_say(&plan, "remove timer %ld from ticket #%ld", timer_id, number);
	go(&plan, number, "POST", "/delete_timer_entry", labor_charge_body(timer_id));
	if (labor_timer_delete(number, timer_id, &err))
		api_die_hints(&err, NULL);
	printf("#%ld: timer %ld removed\n", number, timer_id);
}

/* The charges of timers ids, in words and as requests, before any is sent. */
static void charge_preview(long number, const long *ids, size_t nr)
{
	struct write_plan plan = WRITE_PLAN_INIT;
	char *path = ticket_path(number), *full = xstrfmt("%s/charge_timer_entry", path);

	for (size_t i = 0; i < nr; i++) {
		cJSON *body = labor_charge_body(ids[i]);

		write_plan_say(&plan, "charge timer %ld on ticket #%ld", ids[i], number);
		write_plan_request(&plan, "POST", full, body);
		cJSON_Delete(body);
	}
	write_plan_go(&plan, running, opt_dry_run, opt_yes, 0);
	write_plan_release(&plan);
	free(full);
	free(path);
}

/* line_after: the ticket's newest line before (LABOR_LINE_AFTER_READ: read it first). */
static void charge_one(long number, long timer_id, long line_after)
{
	struct api_error err = API_ERROR_INIT;
	long line_id;

	if (labor_timer_charge(number, timer_id, NULL, line_after, &line_id, &err))
		api_die_hints(&err, NULL);
	printf("#%ld: timer %ld charged on line item %ld\n", number, timer_id, line_id);
	fflush(stdout);
}

/* Without a timer id: every uncharged timer with --all, else the only one. */
static void charge_uncharged(long number)
{
	cJSON *ticket = api_ticket_get(number);
	const cJSON *timer;
	struct strvec ids = STRVEC_INIT;
	long line_after = labor_line_max(ticket);

	cJSON_ArrayForEach(timer, cJSON_GetObjectItemCaseSensitive(ticket, "ticket_timers"))
		if (!json_bool(timer, "recorded", 0))
			strvec_pushf(&ids, "%ld", json_long(timer, "id", 0));
	cJSON_Delete(ticket);
	if (!ids.nr) {
		printf("#%ld has no uncharged timers\n", number);
	} else if (ids.nr > 1 && !opt_all) {
		struct sbuf list = SBUF_INIT;

		for (size_t i = 0; i < ids.nr; i++)
			sbuf_addf(&list, "%s%s", i ? ", " : "", ids.v[i]);
		error("#%ld has %zu uncharged timers: %s", number, ids.nr, list.buf);
		hint("charge one with 'syncro time charge %ld TIMER', or all with --all", number);
		sbuf_release(&list);
		strvec_clear(&ids);
		exit(EXIT_USAGE);
	}
	if (ids.nr) {
		long *timers = xcalloc(ids.nr, sizeof(*timers));

		for (size_t i = 0; i < ids.nr; i++)
			timers[i] = strtol(ids.v[i], NULL, 10);
		charge_preview(number, timers, ids.nr);
		for (size_t i = 0; i < ids.nr; i++)
			charge_one(number, timers[i], line_after);
		free(timers);
	}
	strvec_clear(&ids);
}

static int labor_list(void)
{
	const struct syncro_config *cfg = config_get();
	struct table *t = table_new(3);
	int code = EXIT_OK;

	table_set_align(t, 1, TABLE_RIGHT);
	for (size_t i = 0; i < cfg->labor_nr; i++) {
		struct api_error err = API_ERROR_INIT;
		const struct product *p;

		table_add_row(t, NULL);
		table_add_cellf(t, "%s%s", cfg->labor[i].alias,
				strcmp(cfg->labor[i].alias, cfg->labor_default) ? "" : " (default)");
		table_add_cellf(t, "%ld", cfg->labor[i].product_id);
		if (product_get(cfg->labor[i].product_id, &p, &err)) {
			table_add_cellf(t, "? %s", err.message);
			code = err.code;
		} else {
			table_add_cell(t, p->name);
		}
		api_error_release(&err);
	}
	table_print(t);
	table_free(t);
	if (code)
		error("some labor products are not in Syncro; fix labor.products in the config");
	return code;
}

int main(int argc, char **argv)
{
	long timer = 0;
	int used_args = 0;

	argc = parse_options(&verb, argc, argv);
	if (!sub) {
		if (opt_labor_list) {
			if (argc)
				usage_error(&verb, "--labor-list takes no arguments");
			return labor_list();
		}
		if (argc != 1)
			usage_error(&verb, argc ? "unknown subcommand '%s'" : "give a ticket number",
				    argv[0]);
		list(ticket_operand(argv[0]));
	} else if (!strcmp(sub, "add")) {
		running = &add_verb;
		if (argc != 3)
			usage_error(running, "'syncro time add' takes a ticket number and minutes");
		add(ticket_operand(argv[1]), argv[2]);
	} else if (!strcmp(sub, "edit")) {
		running = &edit_verb;
		if (argc < 3 ||
		    (timer = timer_operand(argc - 2, argv + 2, &used_args), argc != 2 + used_args))
			usage_error(running, "'syncro time edit' takes a ticket number and a timer id");
		edit(ticket_operand(argv[1]), timer);
	} else if (!strcmp(sub, "rm")) {
		running = &rm_verb;
		if (argc < 3 ||
		    (timer = timer_operand(argc - 2, argv + 2, &used_args), argc != 2 + used_args))
			usage_error(running, "'syncro time rm' takes a ticket number and a timer id");
		remove_timer(ticket_operand(argv[1]), timer);
	} else {
		running = &charge_verb;
		if (argc > 2)
			timer = timer_operand(argc - 2, argv + 2, &used_args);
		if (argc < 2 || argc > 2 + used_args || (argc > 2 && opt_all))
			usage_error(running, "'syncro time charge' takes a ticket number and a timer id or --all");
		if (argc > 2) {
			charge_preview(ticket_operand(argv[1]), &timer, 1);
			charge_one(ticket_operand(argv[1]), timer, LABOR_LINE_AFTER_READ);
		} else {
			charge_uncharged(ticket_operand(argv[1]));
		}
	}
	if (fflush(stdout))
		return EXIT_ERROR;
	return EXIT_OK;
}
