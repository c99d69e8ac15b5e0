/*
 * Recording labor on a ticket, the way config billing.method says, every
 * step verified by reading the ticket back (design.md, "Billing"):
 *
 *   timer      labor_timer_add() (POST timer_entry), then with charge
 *              labor_timer_charge() (POST charge_timer_entry);
 *   line-item  labor_line_add() (POST add_line_item, quantity in hours);
 *   comment    labor_comment_post() with the labor: product_id,
 *              minutes_spent and bill_time_now on the comment itself.
 *
 * Each step is its own function, so that a verb of several steps (bill)
 * can journal after each one. They never die: they return 0, or -1 with
 * err filled (api-error.h), and the caller journals, then api_die(&err) or api_die_hints().
 * The ids they hand back are set as soon as Syncro answered with one,
 * also when the verification that follows fails.
 *
 * A verification that fails (Syncro answered 200 but holds something else:
 * a product silently replaced, another duration, no line for a charged
 * timer, comment fields ignored) is err->code EXIT_ERROR (1), err->status
 * 200, and a message that says what the ticket holds now.
 *
 *   struct labor l = { 32164, 30, 1190473, "Replaced the toner", 1 };
 *   long timer, line;
 *   if (labor_timer_add(&l, &timer, &err) ||
 *       (journal(timer), labor_timer_charge(&l, timer, &line, &err)))
 *       api_die(&err);
 */
#ifndef SYNCRO_LABOR_H
#define SYNCRO_LABOR_H

#include <time.h>
#include <cjson/cJSON.h>
#include "api-error.h"
#include "config.h"
#include "sbuf.h"

struct labor {
	long number;		/* the ticket number: 32164 */
	long minutes;		/* > 0 */
	long product_id;	/* a labor product: labor_product() */
	const char *notes;	/* borrowed; the timer's notes, the line's description; NULL: "Labor" */
	int charge;		/* bill it now: charge the timer, bill_time_now */
};

/*
 * A labor alias of the config ("remote") or a product id ("1190473") to
 * the product id. An unknown alias is -1 with err (exit 2) listing the
 * aliases, the closest to the one typed first.
 */
int labor_product(const char *alias_or_id, long *product_id, struct api_error *err);
/* The same for a verb: the product id, or die with err's message and hints. */
long labor_product_or_die(const char *alias_or_id);

/*
 * "30" -> 30. Anything but a whole number from 1 to 100000 is -1 with err
 * (exit 2) naming option, the option or operand it came from ("--time",
 * "MIN"): "'--time' takes a whole number of minutes from 1 to 100000, not '0'".
 */
int labor_minutes(const char *option, const char *text, long *minutes, struct api_error *err);

/*
 * The product's name as Syncro has it (GET /products/ID, cached a day as
 * product-ID.json). *name is the caller's to free.
 */
int labor_product_name(long product_id, char **name, struct api_error *err);

/*
 * A timer's minutes, the one definition every view uses: end_time -
 * start_time, else active_duration; -1 when neither is there (shown "?").
 * billable_time is not used: its meaning is unknown.
 */
long labor_timer_minutes(const cJSON *timer);

/* The element of ticket's array field ("ticket_timers", "line_items", "comments") with that id, or NULL. */
const cJSON *labor_find_id(const cJSON *ticket, const char *field, long id);

/* The first line of text without surrounding blanks (the timer's notes); the caller frees it. */
char *labor_first_line(const char *text);

/*
 * The bodies the steps send, for --dry-run (api_print_request) and tests;
 * each is the caller's to cJSON_Delete. now is date_now() for the timer.
 */
cJSON *labor_timer_body(const struct labor *l, time_t now);
cJSON *labor_charge_body(long timer_id);
cJSON *labor_line_body(const struct labor *l, const char *product_name);

/*
 * POST /tickets/ID/timer_entry {start_at: now - minutes, end_at: now,
 * product_id, notes, billable: true}; verified: the ticket holds timer
 * *timer_id with that product and that duration, billable.
 */
int labor_timer_add(const struct labor *l, long *timer_id, struct api_error *err);

/*
 * POST /tickets/ID/charge_timer_entry {timer_entry_id}; verified: the
 * timer is recorded and points at a line item (*line_id) with the
 * timer's product and its duration in hours. l gives the product and
 * minutes expected of the timer; NULL takes the timer as it is (charging
 * a timer someone else made). l->charge is not looked at.
 */
int labor_timer_charge(long number, long timer_id, const struct labor *l,
		       long *line_id, struct api_error *err);

/*
 * PUT /tickets/ID/update_timer_entry with start_at and end_at kept
 * consistent (a live tenant ignored duration_minutes): minutes (> 0) moves
 * the end, product_id (> 0) and notes (non-NULL) replace theirs, others
 * are left as Syncro holds them. Verified like labor_timer_add().
 */
int labor_timer_edit(long number, long timer_id, long minutes, long product_id,
		     const char *notes, struct api_error *err);

/* POST /tickets/ID/delete_timer_entry; verified: the timer is gone. */
int labor_timer_delete(long number, long timer_id, struct api_error *err);

/*
 * POST /tickets/ID/add_line_item {product_id, name: the product's name,
 * description: the notes, quantity: hours, taxable: false}; verified: the
 * ticket holds line *line_id with that product and quantity.
 */
int labor_line_add(const struct labor *l, long *line_id, struct api_error *err);

struct comment {
	long number;		/* the ticket number */
	const char *subject;	/* "Update" */
	const char *body;	/* borrowed, not empty */
	int hidden;		/* an internal note */
	int do_not_email;	/* public, but not emailed to the customer */
};

/* The body of POST /tickets/ID/comment; with l, the comment method's fields too. */
cJSON *labor_comment_body(const struct comment *c, const struct labor *l);

/*
 * POST /tickets/ID/comment; Syncro's answer must carry the comment's id
 * (*comment_id). With l (billing.method comment) the body also carries
 * product_id, minutes_spent and bill_time_now, and the ticket is read
 * back to see that it holds the comment; check the time with
 * labor_comment_time() next. A -1 with *comment_id set means Syncro
 * answered with that id but the ticket could not be seen to hold it:
 * look before sending it again.
 */
int labor_comment_post(const struct comment *c, const struct labor *l,
		       long *comment_id, struct api_error *err);

/*
 * After labor_comment_post() failed, on stderr: whether Syncro may hold
 * the comment all the same (it answered with comment_id, or the answer
 * was lost: err->code EXIT_NETWORK), so that it is looked for before it is
 * sent again. Nothing for a failure that leaves no comment.
 */
void labor_comment_hints(const struct api_error *err, long number, long comment_id);
/*
 * The time of a comment posted with l: the ticket must hold a timer of
 * that comment (comment_id) with that product and duration, charged onto
 * a matching line when l->charge. *timer_id is that timer. Syncro does not
 * document the comment's time fields; when it ignored them, -1 says so and
 * what the ticket holds.
 */
int labor_comment_time(const struct labor *l, long comment_id, long *timer_id,
		       struct api_error *err);

/* What labor_record() made; 0 for none. */
struct labor_done {
	long timer_id;
	long line_id;
};

/*
 * Record l the way method says, step after step (timer: add, then charge
 * when l->charge; line-item: add). The comment method records time only
 * with a comment: use labor_comment_post(); here it is an error. *done
 * holds what was made, also after a failure.
 */
int labor_record(enum billing_method method, const struct labor *l,
		 struct labor_done *done, struct api_error *err);
/*
 * After labor_record() failed with err, the hints that help finish by
 * hand, added to hints: the request may have reached Syncro (look before
 * sending again), or a timer is recorded but not charged (the command
 * that charges it). Returns 1 when it named a timer to charge.
 */
int labor_record_hints(struct strvec *hints, const struct api_error *err,
		       const struct labor *l, const struct labor_done *done);

/*
 * On stdout: "#32164: 30 minutes of remote (product 1190473) as timer 5,
 * charged on line item 9". labor_name is what the user typed (an alias or
 * an id).
 */
void labor_print(const struct labor *l, const char *labor_name, const struct labor_done *done);
#endif
