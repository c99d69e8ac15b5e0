/*
 * Show the payload, then post: every verb that writes builds a plan (what
 * would change, in words, then the requests it will send) and hands it to
 * write_plan_go() before sending anything.
 *
 *   struct write_plan plan = WRITE_PLAN_INIT;
 *   write_plan_say(&plan, "add a note to invoice #1042 (Desert Sun Dental, 420.00)");
 *   write_plan_request(&plan, "PUT", path, body);      // body copied
 *   write_plan_go(&plan, &verb, opt_dry_run, opt_yes, 0);
 *   ... send ...
 *   write_plan_release(&plan);
 *
 * write_plan_go():
 *   --dry-run:  prints the words and the requests on stdout, sends nothing,
 *               exits 0;
 *   asking:     when the verb always asks (ask_always: a delete) or the
 *               config says `confirm: writes`, and --yes was not given, it
 *               shows the same summary on stderr and asks "Send? [y/N]";
 *               no exits 1 with "nothing sent". Without a terminal that is
 *               a usage error (exit 2) naming --yes and --dry-run, never a
 *               guess.
 * The plan owns its strings and bodies.
 */
#ifndef SYNCRO_WRITE_PLAN_H
#define SYNCRO_WRITE_PLAN_H

#include <stdio.h>
#include <cjson/cJSON.h>
#include "parse-options.h"
#include "sbuf.h"

struct write_plan {
	struct strvec words;		/* one line each: what would change */
	struct strvec methods, paths;	/* the requests, in order */
	cJSON *bodies;			/* an array: a body or null per request */
};
#define WRITE_PLAN_INIT { STRVEC_INIT, STRVEC_INIT, STRVEC_INIT, NULL }

void write_plan_say(struct write_plan *plan, const char *fmt, ...)
	PRINTF_LIKE(2, 3);
/* A request it will send; path may hold a placeholder such as "{new ticket id}". */
void write_plan_request(struct write_plan *plan, const char *method, const char *path,
			const cJSON *body);
/* The words, then each request as api_print_request() shows it. */
void write_plan_print(const struct write_plan *plan, FILE *fp);
/* Dry run, confirmation or nothing, as above; returns when the verb may send. */
void write_plan_go(const struct write_plan *plan, const struct verb_spec *verb,
		   int dry_run, int yes, int ask_always);
/*
 * Whether write_plan_go() would print or ask: a verb whose plan costs a
 * request of its own builds it only then.
 */
int write_plan_wanted(int dry_run, int yes, int ask_always);
/*
 * The usage error of a verb that would ask and has no terminal; for a
 * verb that asks in its own words (bill's preview) when
 * write_plan_wanted() says so.
 */
void write_plan_need_terminal(const struct verb_spec *verb);
void write_plan_release(struct write_plan *plan);

#endif
