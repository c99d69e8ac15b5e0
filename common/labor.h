/*
 * Recording labor on a ticket, the way config billing.method says, every
 * step verified by reading the ticket back (design.md, "Billing"):
 *
 *   timer      labor_timer_add() (POST timer_entry), then with charge
 *              labor_timer_charge() (POST charge_timer_entry);
 *   line-item  labor_line_add() (POST add_line_item, quantity in hours);
 *   comment    comment_post() (comment.h) with the labor: product_id,
 *              minutes_spent and bill_time_now on the comment itself,
 *              then labor_comment_time().
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
	/* The price, from labor_price(): the product read at bill time and the policy. */
	const char *product_name;	/* borrowed (product.h); NULL: not read */
	double product_price;	/* the product's price_retail */
	double rate;		/* the policy's rate, else the product's price */
	double multiplier;	/* the policy's, else 1 */
	double price;		/* per hour: rate x multiplier, to the cent */
	int taxable;		/* the policy's, else 0 */
	const char *subject_prefix;	/* the policy's, borrowed; NULL for none */
};

/*
 * Read l->product_id's product (product.h) and apply the labor table's
 * policy for alias_or_id (config.h): fills product_name, product_price,
 * rate, multiplier, price, taxable and subject_prefix. 0, or -1 with err.
 */
int labor_price(const char *alias_or_id, struct labor *l, struct api_error *err);

/* Hours with at most four decimals, as Syncro stores a quantity: 20 minutes is 0.3333. */
double labor_hours(long minutes);

/*
 * A ticket line's price_retail must be price (what was sent or expected);
 * else -1 with err saying what the line holds. what names it ("line item 9").
 */
int labor_check_price(long number, const cJSON *line, const char *what, double price,
		      struct api_error *err);

/* The id in Syncro's answer to a POST; -1 with err (the record may exist) when there is none. */
long labor_answered_id(const cJSON *answer, const char *what, struct api_error *err);
/* GET /tickets/ID of ticket number, unwrapped into *ticket (the caller's). */
int labor_read_ticket(long number, cJSON **ticket, struct api_error *err);

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
 * More minutes than labor.max_minutes (default 480, 8 h) is asked about
 * on a terminal ("600 minutes is 10.0 hours, ...; record it? [y/N]") and
 * refused without one: -1 with err (exit 2) naming option.
 */
int labor_minutes_confirm(const char *option, long minutes, struct api_error *err);

/*
 * A timer's minutes, the one definition every view uses: end_time -
 * start_time, else active_duration; -1 when neither is there or when it
 * is past QUANTITY_LIMIT hours (common/money.h), shown "?".
 * billable_time is not used: its meaning is unknown.
 */
long labor_timer_minutes(const cJSON *timer);
/*
 * A line item's quantity (hours) as whole minutes; def when it is missing
 * or past QUANTITY_LIMIT hours either way.
 */
long labor_line_minutes(const cJSON *line, long def);
/*
 * total + add minutes (an add below 0 counts nothing), at most
 * LABOR_MINUTES_SUM_MAX: minutes of lines and timers are bounded one by
 * one, their sum by this, so it holds in a 32-bit long (Windows).
 */
#define LABOR_MINUTES_SUM_MAX 1000000000L
long labor_minutes_add(long total, long add);
/*
 * Minutes of labor the ticket holds and has not invoiced: uncharged
 * timers and labor lines (products of the labor table) not on an invoice.
 */
long labor_uninvoiced_minutes(const cJSON *ticket);

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
cJSON *labor_line_body(const struct labor *l);

struct write_plan;
/*
 * Add to plan (write-plan.h) the words and the requests that
 * labor_record(method, l) sends to ticket_path ("/tickets/ID"): a timer
 * (and its charge) or a line item; the comment method's time rides on the
 * comment and adds only words.
 */
void labor_plan(struct write_plan *plan, enum billing_method method, const struct labor *l,
		const char *labor_name, const char *ticket_path);

/*
 * The body of PUT /tickets/ID/update_timer_entry that labor_timer_edit()
 * sends, read from the ticket as Syncro holds it now (*body, the
 * caller's); -1 with err when the timer is not there, is charged, or has
 * no start to count minutes from.
 */
int labor_timer_edit_body(long number, long timer_id, long minutes, long product_id,
			  const char *notes, cJSON **body, struct api_error *err);

/*
 * POST /tickets/ID/timer_entry {start_at: now - minutes, end_at: now,
 * product_id, notes, billable: true}; verified from the answer (the
 * timer): timer *timer_id with that product and that duration. A timer
 * with another product (a tenant may put its default labor product on
 * it) is -1 with *timer_id set: it must not be charged. Its billable is
 * not trusted either way (syncro-api.md §14).
 */
int labor_timer_add(const struct labor *l, long *timer_id, struct api_error *err);

/* The timer must have product_id and minutes; else -1 with err saying what it has. */
int labor_check_timer(long number, const cJSON *timer, long product_id, long minutes,
		      struct api_error *err);

/*
 * The line a charged timer made, on ticket: a line newer than line_after
 * with the timer's product and its duration in hours; the one its
 * ticket_line_item_id names when that one is such a line (the field alone
 * is never trusted), else the newest. NULL when there is none.
 */
const cJSON *labor_charged_line(const cJSON *ticket, const cJSON *timer, long line_after);

/* Whether line may be the one the charge of timer made: newer than line_after, its product and duration. */
int labor_charged_line_matches(const cJSON *line, const cJSON *timer, long line_after);

/* The newest line item id of ticket (0: none): line_after for a charge. */
long labor_line_max(const cJSON *ticket);

/* line_after for labor_timer_charge() and labor_record(): read the ticket's newest line first. */
#define LABOR_LINE_AFTER_READ (-1L)

/*
 * POST /tickets/ID/charge_timer_entry {timer_entry_id}, then the ticket
 * read: the timer is recorded and has a line (labor_charged_line(); the
 * answer's ticket_line_item_id is not needed) with the timer's product
 * and its duration in hours, *line_id. l gives the product and minutes
 * expected of the timer, and with l->product_name the line's price;
 * NULL takes the timer as it is (charging a timer someone else made).
 * line_after is the newest line id before the charge, or
 * LABOR_LINE_AFTER_READ to read the ticket for it before the POST.
 */
int labor_timer_charge(long number, long timer_id, const struct labor *l, long line_after,
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
 * description: the notes, quantity: hours, price_retail: l->price,
 * taxable: l->taxable} (labor_price() first); verified from the answer,
 * the line itself: line *line_id with that product, quantity and price.
 */
int labor_line_add(const struct labor *l, long *line_id, struct api_error *err);

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
 * when l->charge; line-item: add; line_after as labor_timer_charge()). The comment method records time only
 * with a comment: use comment_post(); here it is an error. *done
 * holds what was made, also after a failure.
 */
int labor_record(enum billing_method method, const struct labor *l, long line_after,
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
