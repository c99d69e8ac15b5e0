/*
 * The steps of `syncro bill`, journaled (journal.h) so that a run that
 * failed anywhere resumes where it stopped and never posts twice:
 *
 *   comment        the work notes (comment_post)               bill N only
 *   labor          the time, per billing.method (labor.h)      bill N only;
 *                  with method timer before the comment, so that a timer
 *                  the account gave another product is refused first
 *   charge         the timer charged onto a line (method timer) bill N only
 *   charge_others  the timers still uncharged, when agreed
 *   invoice        POST /invoices {ticket_id, customer_id}
 *   verify         the invoice's lines and total, by amounts (quantity x
 *                  price, tax aside), from the POST's answer when it
 *                  carries the lines, else GET /invoices/{id}
 *   status         PUT /tickets/{id} {status: billing.status}, with the
 *                  labor's subject_prefix when the labor table has one
 *
 * Before a step sends, it is saved as "started"; once Syncro's answer is
 * checked, "done" with the ids. A step found "started" on a re-run had
 * its request sent with no answer seen: it looks at the ticket (a comment
 * with the same text, a timer or line of the product newer than the
 * first run saw, the timer charged, an invoice of the ticket that was not
 * there before) and takes what it finds instead of sending again.
 *
 * Journal: $XDG_STATE_HOME/syncro/journal/bill-NUMBER.json; options
 * {minutes, labor (product id), method, notes (digest), comment}, steps
 * above plus "start" (the newest comment, timer and line ids and the
 * invoices the ticket had at the first run).
 *
 * Ownership: struct bill owns its ticket, invoice, journal and strings
 * (bill_release); notes handed in stay the caller's.
 */
#ifndef SYNCRO_BILL_RUN_H
#define SYNCRO_BILL_RUN_H

#include <stdio.h>
#include <cjson/cJSON.h>

#include "api-error.h"
#include "config.h"
#include "journal.h"
#include "comment.h"
#include "labor.h"
#include "sbuf.h"

struct bill {
	long number;
	long ticket_id;
	long customer_id;
	const char *customer;		/* borrowed from ticket */
	cJSON *ticket;			/* as read by bill_start() */
	struct journal j;
	int resuming;			/* a journal was there */
	int with_comment;		/* bill N; 0 for --resolved */
	int dry_run;			/* the notes may be a placeholder: not compared */
	enum billing_method method;
	struct labor labor;		/* number, minutes, product, notes (first line), charge */
	struct comment comment;		/* number, subject, body (the notes) */
	char *first_line;		/* labor.notes */
	cJSON *invoice;			/* the verified invoice, after bill_run() */
	const char *labor_name;		/* the alias or id typed; borrowed */
	long logged;			/* minutes logged on the ticket and not invoiced */
	double prepay_hours;		/* the customer's; < 0 when unknown */
	const char *status;		/* billing.status as the account spells it; borrowed */
	const char *labor_ahead;	/* the labor whose price bill_start() reads with the ticket; borrowed, or NULL */
};

void bill_init(struct bill *b, long number, int with_comment);
void bill_release(struct bill *b);

/*
 * Load the journal and read the ticket (GET /tickets/ID). With the lock
 * of the journal held (so that nothing read is older than another run's
 * bill), the reads a bill makes before its first write go out at once
 * (prefetch.h): the ticket, its invoices when the cache knows its
 * customer, the account's statuses when the day's copy is old, and the
 * price of b->labor_ahead. The later steps read them as they always do,
 * without a round trip each. On a resume,
 * says so on stderr with what was done. 0, or -1 with err.
 */
int bill_start(struct bill *b, struct api_error *err);

/*
 * Step 1's refusal: a ticket whose status is Invoiced, or that has an
 * invoice (invoice.h), is -1 with err naming it, unless force (then a
 * warning). The ticket's invoices are kept in the journal either way.
 */
int bill_refuse_invoiced(struct bill *b, int force, struct api_error *err);

/*
 * Before anything is written: billing.status must be one of the
 * account's statuses (GET /tickets/settings, cached); else -1 with err
 * saying which statuses there are.
 */
int bill_check_status(struct bill *b, struct api_error *err);

/* Minutes of labor the ticket holds and has not invoiced: uncharged timers, lines not on an invoice. */
long bill_logged_minutes(const struct bill *b);

/*
 * The money, before anything is sent (b->labor set; minutes may be 0 for
 * no new labor): the product's price at bill time (labor_price()), the
 * customer's prepaid hours (the ticket's customer, else GET
 * /customers/ID), and the lines the invoice must hold, journaled. A line
 * worth 0 that nothing explains (its product has a price) is -1 with err.
 */
int bill_prepare(struct bill *b, struct api_error *err);

/*
 * The preview on fp: per line product, hours, price and amount, the
 * total, and the customer's prepaid balance:
 *   PRODUCT                  HOURS   PRICE  AMOUNT
 *   Labor - Remote Business   1.50  125.00  187.50
 *   total                                   187.50
 *   prepaid hours: none
 */
void bill_print_preview(const struct bill *b, FILE *fp);

/* An option of the journal as text ("60", "1190473"), or NULL. */
const char *bill_option(const struct bill *b, const char *key);
/* The draft that holds the notes of an unposted comment, or NULL. */
const char *bill_draft(const struct bill *b);
int bill_comment_done(const struct bill *b);
/* The draft's text (the caller frees it), or NULL after an error. */
char *bill_read_draft(const char *path);

/*
 * The options of this run: b->labor.minutes and product_id must be set;
 * notes (borrowed; NULL when the comment is done) become the comment's
 * body and the timer's notes (first line). On a resume the journal's
 * options must be the same: -1 with err (exit 2) listing each difference;
 * on a first run the journal begins with them.
 */
int bill_set_options(struct bill *b, const char *notes, struct api_error *err);

/*
 * Step 4's question, asked before anything is sent: the ticket's timers
 * that are not charged (other than this run's), "Charge 2 more uncharged
 * timers (45 minutes) on #32161? [Y/n]"; yes answers it; without a
 * terminal it is a usage error naming --yes. The answer is journaled.
 */
int bill_ask_charge(struct bill *b, int yes, struct api_error *err);

/*
 * --dry-run: every request the steps left would send, in order, with
 * its body (api_print_request): the reads that verify each step too.
 * Ids not known yet are written <timer-id>, <invoice-id>.
 */
void bill_print_requests(const struct bill *b, FILE *fp);

/* Steps 3-7; 0, or -1 with err (the journal says where it stopped). */
int bill_run(struct bill *b, struct api_error *err);

/* Step 8 on stdout (invoice.h); a total of 0 is warned about on stderr. */
void bill_print_summary(const struct bill *b);

/* All done: forget the journal. */
void bill_finish(struct bill *b);

/* After a failure: what was done, and the commands that resume or forget. */
void bill_failure_hints(const struct bill *b, struct strvec *hints);

/*
 * --abandon: a journal whose timer was refused for its product, while the
 * ticket still holds that timer uncharged, is -1 with err (forgotten, the
 * next bill would charge it as the wrong product); else 0.
 */
int bill_check_abandon(const struct journal *j, long number, struct api_error *err);

/* "comment 123 posted, timer 456 recorded, ..." from a journal; empty if nothing. */
void bill_describe_done(const struct journal *j, struct sbuf *sb);

/*
 * `syncro bill --resolved`: every Resolved ticket (of customer, a name or
 * an id, when not NULL) with labor not invoiced, or an unfinished bill,
 * listed with customer, minutes and amount; one question (or yes); then
 * steps 4-8 for each, going on past a failure; a table of what was billed
 * and what failed and why. Returns the exit code: 0 when all were billed.
 */
int bill_resolved(const char *customer, int yes, int dry_run);

#endif
