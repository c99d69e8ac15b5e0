/*
 * A comment on a ticket: its body, POST /tickets/ID/comment, and the hints
 * after a failed post. One POST makes one comment (the API has no
 * idempotency and no delete): a caller that lost the answer looks at the
 * ticket before it sends again.
 */
#ifndef SYNCRO_COMMENT_H
#define SYNCRO_COMMENT_H

#include <cjson/cJSON.h>
#include "api-error.h"
#include "labor.h"

struct comment {
	long number;		/* the ticket number */
	const char *subject;	/* "Update" */
	const char *body;	/* borrowed, not empty */
	int hidden;		/* an internal note */
	int do_not_email;	/* public, but not emailed to the customer */
};

/* The body of POST /tickets/ID/comment; with l, the comment method's fields too. */
cJSON *comment_body(const struct comment *c, const struct labor *l);

struct write_plan;
/*
 * Add to plan (write-plan.h) the words and the POST that comment_post(c, l)
 * sends to ticket_path ("/tickets/ID").
 */
void comment_plan(struct write_plan *plan, const struct comment *c, const struct labor *l,
		  const char *ticket_path);

/*
 * POST /tickets/ID/comment; Syncro's answer must carry the comment's id
 * (*comment_id). With l (billing.method comment) the body also carries
 * product_id, minutes_spent and bill_time_now, and the ticket is read
 * back to see that it holds the comment; check the time with
 * labor_comment_time() (labor.h) next. A -1 with *comment_id set means Syncro
 * answered with that id but the ticket could not be seen to hold it:
 * look before sending it again.
 */
int comment_post(const struct comment *c, const struct labor *l,
		       long *comment_id, struct api_error *err);

/*
 * After comment_post() failed, on stderr: whether Syncro may hold
 * the comment all the same (it answered with comment_id, or the answer
 * was lost: err->code EXIT_NETWORK), so that it is looked for before it is
 * sent again. Nothing for a failure that leaves no comment.
 */
void comment_hints(const struct api_error *err, long number, long comment_id);
#endif
