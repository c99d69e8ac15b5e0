/*
 * syncro timer: a live timer per ticket, kept on this machine
 * (live-timer.h) so that it survives a closed terminal. 'start N' notes
 * the time, 'stop N' records the minutes since as labor (as 'syncro time
 * add' does, verified) and forgets the timer only once Syncro holds them.
 */
#include "compat.h"
#include "api.h"
#include "complete.h"
#include "config.h"
#include "date.h"
#include "labor.h"
#include "live-timer.h"
#include "parse-options.h"
#include "ticket-number.h"
#include "usage.h"
#include "write-plan.h"
#include "xmalloc.h"

static const char *opt_labor, *opt_notes;
static int opt_charge, opt_discard, opt_yes, opt_dry_run;

static const struct option_spec options[] = {
	OPT_STRING_C(0, "labor", &opt_labor, "ALIAS|ID",
		     "stop: the labor product (default: labor.default)", COMPLETE_LABOR),
	OPT_STRING(0, "notes", &opt_notes, "TEXT", "stop: the timer's notes"),
	OPT_BOOL(0, "charge", &opt_charge, "stop: make the time billable now"),
	OPT_BOOL(0, "discard", &opt_discard, "stop: forget the timer, record nothing"),
	OPT_YES(&opt_yes, "stop: send without asking (confirm: writes)"),
	OPT_DRY_RUN(&opt_dry_run),
	OPT_EXAMPLE("syncro timer start 32164",
		    "start a live timer on #32164"),
	OPT_EXAMPLE("syncro timer",
		    "the timers running"),
	OPT_EXAMPLE("syncro timer stop 32164 --notes \"Reset the sync client\" --labor onsite",
		    "stop it and record the minutes, verified"),
	OPT_EXAMPLE("syncro timer stop 32164 --dry-run",
		    "what stopping it now would record; the timer runs on"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"timer",
	"syncro timer [list]\n"
	"   or: syncro timer start [--dry-run] N\n"
	"   or: syncro timer stop [--notes TEXT] [--labor L] [--charge | --discard] [--yes]\n"
	"                         [--dry-run] N",
	"start and stop a live timer on a ticket", options, COMPLETE_TICKET,
};

static long ticket_operand(const char *arg)
{
	long n = ticket_number_parse(arg);

	if (n < 0)
		usage_error(&verb, "'%s' is not a ticket number", arg);
	return n;
}

/* Whole minutes since started, at least one, rounded up. */
static long minutes_since(time_t started)
{
	time_t now = date_now();
	long seconds = now > started ? (long)(now - started) : 0;

	return seconds <= 60 ? 1 : (seconds + 59) / 60;
}

static void add_elapsed(struct sbuf *sb, time_t started)
{
	long minutes = (long)((date_now() - started) / 60);

	if (minutes < 0)
		minutes = 0;
	sbuf_addf(sb, "%ld:%02ld", minutes / 60, minutes % 60);
}

static int list(void)
{
	struct live_timer *timers;
	size_t nr = live_timers(&timers);

	if (!nr)
		fprintf(stderr, "no timer running; start one with 'syncro timer start N'\n");
	for (size_t i = 0; i < nr; i++) {
		struct sbuf line = SBUF_INIT;

		sbuf_addf(&line, "#%ld  ", timers[i].number);
		add_elapsed(&line, timers[i].started);
		sbuf_addstr(&line, "  since ");
		date_add_local(&line, timers[i].started);
		puts(line.buf);
		sbuf_release(&line);
	}
	free(timers);
	return EXIT_OK;
}

static int start(long number)
{
	time_t started = live_timer_started(number);
	struct sbuf since = SBUF_INIT;

	if (started != (time_t)-1) {
		date_add_local(&since, started);
		die_with(EXIT_USAGE, "a timer on #%ld runs since %s; stop it with "
			 "'syncro timer stop %ld'", number, since.buf, number);
	}
	if (opt_dry_run) {
		/* nothing goes to Syncro: the timer is kept on this machine */
		printf("start a live timer on #%ld on this machine\n", number);
		return EXIT_OK;
	}
	if (live_timer_start(number) < 0)
		return EXIT_ERROR;
	date_add_local(&since, date_now());
	printf("#%ld: timer started at %s; 'syncro timer stop %ld' records it\n",
	       number, since.buf, number);
	sbuf_release(&since);
	return EXIT_OK;
}

/* What stopping records, in words and as requests; --dry-run stops here (the timer runs on). */
static void preview(enum billing_method method, const struct labor *l, const char *labor_name)
{
	struct write_plan plan = WRITE_PLAN_INIT;
	char *path = xstrfmt("/tickets/%ld", api_ticket_id(l->number));

	labor_plan(&plan, method, l, labor_name, path);
	write_plan_go(&plan, &verb, opt_dry_run, opt_yes, 0);
	write_plan_release(&plan);
	free(path);
}

static int stop(long number)
{
	const struct syncro_config *cfg = config_get();
	time_t started = live_timer_started(number);
	const char *labor_name = opt_labor ? opt_labor : cfg->labor_default;
	struct api_error err = API_ERROR_INIT;
	struct labor_done done;
	struct labor l;
	/* Without a comment, the comment method records a timer. */
	enum billing_method method = cfg->billing == BILLING_COMMENT ? BILLING_TIMER : cfg->billing;

	if (started == (time_t)-1)
		die_with(EXIT_USAGE, "no timer runs on #%ld; 'syncro timer' lists those that do",
			 number);
	if (opt_discard) {
		if (opt_labor || opt_notes || opt_charge || opt_yes)
			usage_error(&verb, "'--discard' records nothing: it takes no other option");
		if (opt_dry_run) {
			printf("forget the live timer on #%ld, record nothing\n", number);
			return EXIT_OK;
		}
		if (live_timer_forget(number) < 0)
			return EXIT_ERROR;
		printf("#%ld: timer discarded, nothing recorded\n", number);
		return EXIT_OK;
	}
	l = (struct labor){ .number = number, .minutes = minutes_since(started),
			    .product_id = labor_product_or_die(labor_name), .notes = opt_notes,
			    .charge = opt_charge, .multiplier = 1 };
	if (method == BILLING_LINE_ITEM && labor_price(labor_name, &l, &err))
		api_die_hints(&err, NULL);
	preview(method, &l, labor_name);
	if (labor_record(method, &l, LABOR_LINE_AFTER_READ, &done, &err)) {
		struct strvec hints = STRVEC_INIT;

		/* Kept: nothing of it is lost, and a stop can be tried again. */
		strvec_pushf(&hints, "the timer still runs; once fixed, 'syncro timer stop %ld' "
			     "records it", number);
		labor_record_hints(&hints, &err, &l, &done);
		api_die_hints(&err, &hints);
	}
	if (live_timer_forget(number) < 0)
		error("the time is recorded; forget the timer with 'syncro timer stop %ld "
		      "--discard'", number);
	labor_print(&l, labor_name, &done);
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	const char *sub;

	argc = parse_options(&verb, argc, argv);
	sub = argc ? argv[0] : "list";
	if (strcmp(sub, "stop") && (opt_labor || opt_notes || opt_charge || opt_discard || opt_yes))
		usage_error(&verb, "'--labor', '--notes', '--charge', '--discard' and '--yes' are "
			    "for 'syncro timer stop'");
	if (!strcmp(sub, "list") && opt_dry_run)
		usage_error(&verb, "'--dry-run' is for 'syncro timer start' and 'stop'");
	if (!strcmp(sub, "list")) {
		if (argc > 1)
			usage_error(&verb, "'syncro timer list' takes no arguments");
		return list();
	}
	if (strcmp(sub, "start") && strcmp(sub, "stop"))
		usage_error(&verb, "unknown subcommand '%s' (start, stop, list)", sub);
	if (argc != 2)
		usage_error(&verb, "'syncro timer %s' takes one ticket number", sub);
	if (!strcmp(sub, "start"))
		return start(ticket_operand(argv[1]));
	return stop(ticket_operand(argv[1]));
}
