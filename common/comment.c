#include "compat.h"
#include "api.h"
#include "comment.h"
#include "json.h"
#include "usage.h"
#include "write-plan.h"
#include "xmalloc.h"

cJSON *comment_body(const struct comment *c, const struct labor *l)
{
	cJSON *body = cJSON_CreateObject();

	cJSON_AddStringToObject(body, "subject", c->subject);
	cJSON_AddStringToObject(body, "body", c->body);
	cJSON_AddBoolToObject(body, "hidden", c->hidden);
	cJSON_AddBoolToObject(body, "do_not_email", c->do_not_email);
	if (l) {
		cJSON_AddNumberToObject(body, "product_id", (double)l->product_id);
		cJSON_AddNumberToObject(body, "minutes_spent", (double)l->minutes);
		cJSON_AddBoolToObject(body, "bill_time_now", l->charge);
	}
	return body;
}

void comment_plan(struct write_plan *plan, const struct comment *c, const struct labor *l,
		  const char *ticket_path)
{
	cJSON *body = comment_body(c, l);
	char *path = xstrfmt("%s/comment", ticket_path);

	write_plan_say(plan, "add a%s comment \"%s\" to ticket #%ld%s", c->hidden ? " hidden" : "",
		       c->subject, c->number, c->do_not_email ? "" : ", emailed to the customer");
	write_plan_request(plan, "POST", path, body);
	free(path);
	cJSON_Delete(body);
}

int comment_post(const struct comment *c, const struct labor *l,
		       long *comment_id, struct api_error *err)
{
	cJSON *body = comment_body(c, l), *answer = NULL, *ticket = NULL;
	int ret = -1;

	*comment_id = 0;
	if (api_ticket_call(c->number, "POST", "/comment", body, &answer, err))
		goto out;
	answer = api_unwrap(answer, "comment");
	if ((*comment_id = labor_answered_id(answer, "comment", err)) <= 0)
		goto out;
	/* The answer's id shows Syncro has a plain comment; labor is checked on the ticket. */
	if (!l) {
		ret = 0;
		goto out;
	}
	if (labor_read_ticket(c->number, &ticket, err))
		goto out;
	if (!labor_find_id(ticket, "comments", *comment_id))
		api_error_set(err, EXIT_ERROR, 200, xstrfmt("ticket #%ld holds no comment %ld after Syncro "
						   "answered that it made it", c->number, *comment_id),
		     NULL);
	else
		ret = 0;
out:
	if (*comment_id < 0)
		*comment_id = 0;
	cJSON_Delete(body);
	cJSON_Delete(answer);
	cJSON_Delete(ticket);
	return ret;
}

void comment_hints(const struct api_error *err, long number, long comment_id)
{
	if (comment_id > 0)
		hint("Syncro answered that it made comment %ld: look at 'syncro ticket %ld' "
		     "before you send it again", comment_id, number);
	else if (err->code == EXIT_NETWORK && !err->unsent)
		hint("the comment may have reached Syncro: look at 'syncro ticket %ld' "
		     "before you send it again", number);
}
