#include "compat.h"
#include <ctype.h>
#include "api.h"
#include <math.h>
#include "config.h"
#include "date.h"
#include "json.h"
#include "labor.h"
#include "name-match.h"
#include "levenshtein.h"
#include "money.h"
#include "name-match.h"
#include "output.h"
#include "prompt.h"
#include "product.h"
#include "usage.h"
#include "write-plan.h"
#include "xmalloc.h"

/* More minutes than this is a typo, not a day's work (about two months). */
#define MAX_MINUTES 100000

/* Syncro answered 200 but holds something else. */
static int mismatch(struct api_error *err, long number, char *message)
{
	return api_error_set(err, EXIT_ERROR, 200, message,
		    xstrfmt("nothing was undone; see what the ticket holds with 'syncro time %ld'",
			    number));
}

struct alias_distance {
	const char *alias;
	int distance;
	size_t order;
};

static int by_distance(const void *a, const void *b)
{
	const struct alias_distance *x = a, *y = b;

	if (x->distance != y->distance)
		return x->distance < y->distance ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

long labor_product_or_die(const char *alias_or_id)
{
	struct api_error err = API_ERROR_INIT;
	long id;

	if (labor_product(alias_or_id, &id, &err))
		api_die_hints(&err, NULL);
	return id;
}

int labor_product(const char *alias_or_id, long *product_id, struct api_error *err)
{
	const struct syncro_config *cfg = config_get();
	struct alias_distance *all;
	struct sbuf list = SBUF_INIT;
	struct strvec aliases = STRVEC_INIT;
	const char *closest;
	long id = config_labor_product(cfg, alias_or_id);

	if (id > 0) {
		*product_id = id;
		return 0;
	}
	all = xcalloc(cfg->labor_nr + 1, sizeof(*all));
	for (size_t i = 0; i < cfg->labor_nr; i++) {
		all[i].alias = cfg->labor[i].alias;
		all[i].distance = suggestion_distance(alias_or_id, cfg->labor[i].alias);
		all[i].order = i;
	}
	qsort(all, cfg->labor_nr, sizeof(*all), by_distance);
	for (size_t i = 0; i < cfg->labor_nr; i++) {
		sbuf_addf(&list, "%s%s", i ? ", " : "", all[i].alias);
		strvec_push(&aliases, all[i].alias);
	}
	free(all);
	closest = name_match_closest(&aliases, alias_or_id);
	api_error_set(err, EXIT_USAGE, 0,
		      closest ? xstrfmt("unknown labor '%s'; did you mean '%s'?", alias_or_id, closest)
			      : xstrfmt("unknown labor '%s'", alias_or_id),
		      xstrfmt("give a product id or one of: %s", list.buf));
	strvec_clear(&aliases);
	sbuf_release(&list);
	return -1;
}

int labor_minutes_confirm(const char *option, long minutes, struct api_error *err)
{
	long bound = config_get()->labor_max_minutes;
	char question[128];
	int yes = 0;

	if (minutes <= bound)
		return 0;
	snprintf(question, sizeof(question), "%ld minutes is %.1f hours, more than labor.max_minutes "
		 "(%ld); record it?", minutes, minutes / 60.0, bound);
	switch (prompt_yes_no(question, 0, &yes)) {
	case PROMPT_OK:
		if (yes)
			return 0;
		return api_error_set(err, EXIT_USAGE, 0, xstrfmt("not recording %ld minutes", minutes),
				  xstrfmt("give the minutes again with '%s'", option));
	default:
		return api_error_set(err, EXIT_USAGE, 0,
				  xstrfmt("'%s %ld' is %.1f hours, more than labor.max_minutes (%ld)",
					  option, minutes, minutes / 60.0, bound),
				  xstrdup("run it on a terminal to confirm, or raise labor.max_minutes "
					  "in the config"));
	}
}

int labor_minutes(const char *option, const char *text, long *minutes, struct api_error *err)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(text, &end, 10);
	if (errno || end == text || *end || !isdigit((unsigned char)*text) ||
	    n < 1 || n > MAX_MINUTES)
		return api_error_set(err, EXIT_USAGE, 0,
			    xstrfmt("'%s' takes a whole number of minutes from 1 to %d, not '%s'",
				    option, MAX_MINUTES, text), NULL);
	*minutes = n;
	return 0;
}

int labor_price(const char *alias_or_id, struct labor *l, struct api_error *err)
{
	const struct labor_product *policy = config_labor_entry(config_get(), alias_or_id);
	const struct product *p;

	if (product_get(l->product_id, &p, err))
		return -1;
	l->product_name = p->name;
	l->product_price = p->price_retail;
	l->rate = policy && policy->rate >= 0 ? policy->rate : p->price_retail;
	l->multiplier = policy ? policy->multiplier : 1;
	l->price = money_round(l->rate * l->multiplier);
	l->taxable = policy ? policy->taxable : 0;
	l->subject_prefix = policy ? policy->subject_prefix : NULL;
	return 0;
}

char *labor_first_line(const char *text)
{
	size_t len;

	text += strspn(text, " \t\r\n");
	len = strcspn(text, "\r\n");
	while (len && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	return xstrndup(text, len);
}

double labor_hours(long minutes)
{
	return (double)((minutes * 10000 + 30) / 60) / 10000.0;
}

static const char *notes_or_default(const struct labor *l)
{
	return l->notes && *l->notes ? l->notes : "Labor";
}

cJSON *labor_timer_body(const struct labor *l, time_t now)
{
	cJSON *body = cJSON_CreateObject();
	char start[32], end[32];

	format_timestamp(now - (time_t)l->minutes * 60, start, sizeof(start));
	format_timestamp(now, end, sizeof(end));
	cJSON_AddStringToObject(body, "start_at", start);
	cJSON_AddStringToObject(body, "end_at", end);
	cJSON_AddNumberToObject(body, "product_id", (double)l->product_id);
	cJSON_AddStringToObject(body, "notes", notes_or_default(l));
	/* Not in the spec, but sent by a live client: without it the timer is not billable. */
	cJSON_AddTrueToObject(body, "billable");
	return body;
}

cJSON *labor_charge_body(long timer_id)
{
	cJSON *body = cJSON_CreateObject();

	cJSON_AddNumberToObject(body, "timer_entry_id", (double)timer_id);
	return body;
}

cJSON *labor_line_body(const struct labor *l)
{
	cJSON *body = cJSON_CreateObject();

	cJSON_AddNumberToObject(body, "product_id", (double)l->product_id);
	cJSON_AddStringToObject(body, "name", l->product_name ? l->product_name : "Labor");
	cJSON_AddStringToObject(body, "description", notes_or_default(l));
	cJSON_AddNumberToObject(body, "quantity", labor_hours(l->minutes));
	/* Sent always: a ticket line does not take the product's price (syncro-api.md §14). */
	cJSON_AddNumberToObject(body, "price_retail", l->price);
	cJSON_AddBoolToObject(body, "taxable", l->taxable);
	return body;
}

void labor_plan(struct write_plan *plan, enum billing_method method, const struct labor *l,
		const char *labor_name, const char *ticket_path)
{
	char *path;
	cJSON *body;

	switch (method) {
	case BILLING_COMMENT:
		write_plan_say(plan, "record %ld minutes of %s (product %ld) on the comment%s",
			       l->minutes, labor_name, l->product_id, l->charge ? ", charged" : "");
		return;
	case BILLING_TIMER:
		write_plan_say(plan, "record %ld minutes of %s (product %ld) as a timer%s",
			       l->minutes, labor_name, l->product_id, l->charge ? ", charged" : "");
		path = xstrfmt("%s/timer_entry", ticket_path);
		body = labor_timer_body(l, date_now());
		write_plan_request(plan, "POST", path, body);
		cJSON_Delete(body);
		free(path);
		if (l->charge) {
			path = xstrfmt("%s/charge_timer_entry", ticket_path);
			body = cJSON_CreateObject();
			cJSON_AddStringToObject(body, "timer_entry_id", "{new timer id}");
			write_plan_request(plan, "POST", path, body);
			cJSON_Delete(body);
			free(path);
		}
		return;
	case BILLING_LINE_ITEM: {
		char price[MONEY_MAX];

		write_plan_say(plan, "record %ld minutes of %s (product %ld) as a line item at %s an hour",
			       l->minutes, labor_name, l->product_id,
			       money_format(l->price, price, sizeof(price)));
		path = xstrfmt("%s/add_line_item", ticket_path);
		body = labor_line_body(l);
		write_plan_request(plan, "POST", path, body);
		cJSON_Delete(body);
		free(path);
		return;
	}
	}
	BUG("billing method %d", (int)method);
}

/* ---- reading the ticket back ---- */

int labor_read_ticket(long number, cJSON **ticket, struct api_error *err)
{
	return api_ticket_get_gently(number, ticket, err);
}

const cJSON *labor_find_id(const cJSON *ticket, const char *field, long id)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(ticket, field))
		if (json_long(item, "id", -1) == id)
			return item;
	return NULL;
}

/* A timer's minutes: end - start, else active_duration; -1 when neither is there. */
long labor_timer_minutes(const cJSON *timer)
{
	time_t start = json_time(timer, "start_time"), end = json_time(timer, "end_time");
	double secs = start >= 0 && end >= start ? (double)(end - start) :
		(double)json_long(timer, "active_duration", -1);

	/* bounded before it becomes a long, which has 32 bits on Windows */
	if (secs < 0 || secs / 3600 > QUANTITY_LIMIT)
		return -1;
	return (long)((secs + 30) / 60);
}

long labor_minutes_add(long total, long add)
{
	if (add <= 0)
		return total;
	return add >= LABOR_MINUTES_SUM_MAX - total ? LABOR_MINUTES_SUM_MAX : total + add;
}

long labor_uninvoiced_minutes(const cJSON *ticket)
{
	const cJSON *item;
	long minutes = 0;

	cJSON_ArrayForEach(item, json_get(ticket, "ticket_timers"))
		if (!json_bool(item, "recorded", 0))
			minutes = labor_minutes_add(minutes, labor_timer_minutes(item));
	cJSON_ArrayForEach(item, json_get(ticket, "line_items"))
		if (!json_bool(item, "converted", 0) &&
		    config_labor_alias(json_long(item, "product_id", -1)))
			minutes = labor_minutes_add(minutes, labor_line_minutes(item, 0));
	return minutes;
}

long labor_line_minutes(const cJSON *line, long def)
{
	double quantity = json_double(line, "quantity", QUANTITY_LIMIT * 2);

	if (!(quantity >= -QUANTITY_LIMIT && quantity <= QUANTITY_LIMIT))
		return def;
	return (long)(quantity * 60 + 0.5);
}

/* "product 26117 'Fee - Travel Time'", the name when Syncro tells it. */
static void add_product(struct sbuf *sb, long product_id)
{
	struct api_error ignored = API_ERROR_INIT;
	const struct product *p;

	if (product_id <= 0) {
		sbuf_addstr(sb, "no product");
		return;
	}
	sbuf_addf(sb, "product %ld", product_id);
	if (!product_get(product_id, &p, &ignored))
		sbuf_addf(sb, " '%s'", p->name);
	api_error_release(&ignored);
}

static void add_minutes(struct sbuf *sb, long minutes)
{
	if (minutes < 0)
		sbuf_addstr(sb, "no duration");
	else
		sbuf_addf(sb, "%ld minute%s", minutes, minutes == 1 ? "" : "s");
}

/* What the ticket holds as labor: "timer 5 (product 1190473, 30 minutes), line item 9 (...)". */
static void add_holdings(struct sbuf *sb, const cJSON *ticket)
{
	const cJSON *item;
	size_t start = sb->len;

	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(ticket, "ticket_timers")) {
		sbuf_addf(sb, "%stimer %ld (", sb->len > start ? ", " : "", json_long(item, "id", 0));
		add_product(sb, json_long(item, "product_id", -1));
		sbuf_addstr(sb, ", ");
		add_minutes(sb, labor_timer_minutes(item));
		sbuf_addstr(sb, ")");
	}
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(ticket, "line_items")) {
		sbuf_addf(sb, "%sline item %ld (", sb->len > start ? ", " : "", json_long(item, "id", 0));
		add_product(sb, json_long(item, "product_id", -1));
		sbuf_addf(sb, ", quantity %s)", json_string(item, "quantity", "?"));
	}
	if (sb->len == start)
		sbuf_addstr(sb, "no timers and no line items");
}

static int missing(struct api_error *err, long number, const cJSON *ticket, const char *what)
{
	struct sbuf msg = SBUF_INIT;

	sbuf_addf(&msg, "ticket #%ld holds no %s after Syncro answered that it made it; it holds ",
		  number, what);
	add_holdings(&msg, ticket);
	return mismatch(err, number, sbuf_detach(&msg, NULL));
}

/* The timer must have product_id and minutes. */
static int check_timer(long number, const cJSON *timer, long product_id, long minutes,
		       struct api_error *err)
{
	long has_product = json_long(timer, "product_id", -1), has_minutes = labor_timer_minutes(timer);
	struct sbuf msg = SBUF_INIT;

	if (has_product == product_id && has_minutes == minutes)
		return 0;
	sbuf_addf(&msg, "timer %ld on ticket #%ld has ", json_long(timer, "id", 0), number);
	add_product(&msg, has_product);
	sbuf_addstr(&msg, " and ");
	add_minutes(&msg, has_minutes);
	sbuf_addstr(&msg, ", not ");
	add_product(&msg, product_id);
	sbuf_addstr(&msg, " and ");
	add_minutes(&msg, minutes);
	return mismatch(err, number, sbuf_detach(&msg, NULL));
}

/* A line item must have product_id and minutes as hours; what names it in messages. */
static int check_line(long number, const cJSON *line, const char *what, long product_id,
		      long minutes, struct api_error *err)
{
	long has_product = json_long(line, "product_id", -1);
	struct sbuf msg = SBUF_INIT;

	if (has_product == product_id && json_double(line, "quantity", -1) >= 0 &&
	    labor_line_minutes(line, -1) == minutes)
		return 0;
	sbuf_addf(&msg, "%s on ticket #%ld has ", what, number);
	add_product(&msg, has_product);
	sbuf_addf(&msg, " and quantity %s, not ", json_string(line, "quantity", "none"));
	add_product(&msg, product_id);
	sbuf_addf(&msg, " and %g hours (", labor_hours(minutes));
	add_minutes(&msg, minutes);
	sbuf_addstr(&msg, ")");
	return mismatch(err, number, sbuf_detach(&msg, NULL));
}

int labor_charged_line_matches(const cJSON *item, const cJSON *timer, long line_after)
{
	long minutes = labor_timer_minutes(timer);

	return item && json_long(item, "id", 0) > line_after &&
	       json_long(item, "product_id", -1) == json_long(timer, "product_id", -2) &&
	       minutes >= 0 && labor_line_minutes(item, -1) == minutes;
}

const cJSON *labor_charged_line(const cJSON *ticket, const cJSON *timer, long line_after)
{
	const cJSON *said = labor_find_id(ticket, "line_items",
					  json_long(timer, "ticket_line_item_id", -1));
	const cJSON *item, *found = NULL;

	/* The answer's field is taken only when the line it names matches. */
	if (labor_charged_line_matches(said, timer, line_after))
		return said;
	/* Null (the API's own example answer), or a line that does not match: the newest that does. */
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(ticket, "line_items"))
		if (labor_charged_line_matches(item, timer, line_after))
			found = item;
	return found;
}

long labor_line_max(const cJSON *ticket)
{
	const cJSON *item;
	long max = 0;

	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(ticket, "line_items"))
		if (json_long(item, "id", 0) > max)
			max = json_long(item, "id", 0);
	return max;
}

/* A charged timer is recorded and has a line with its product and duration. */
static int check_charged(long number, const cJSON *ticket, const cJSON *timer, long line_after,
			 long *line_id, struct api_error *err)
{
	long id = json_long(timer, "id", 0);
	const cJSON *item;
	char what[96];

	if (!json_bool(timer, "recorded", 0))
		return mismatch(err, number,
				xstrfmt("timer %ld on ticket #%ld is not charged after Syncro "
					"answered that it charged it", id, number));
	if (!(item = labor_charged_line(ticket, timer, line_after)))
		return mismatch(err, number,
				xstrfmt("ticket #%ld holds no line item of charged timer %ld "
					"(its product and %ld minutes)", number, id,
					labor_timer_minutes(timer)));
	*line_id = json_long(item, "id", 0);
	snprintf(what, sizeof(what), "line item %ld of charged timer %ld", *line_id, id);
	return check_line(number, item, what, json_long(timer, "product_id", -1),
			  labor_timer_minutes(timer), err);
}

/* ---- the steps ---- */

static int post(long number, const char *suffix, const cJSON *body, cJSON **out,
		struct api_error *err)
{
	return api_ticket_call(number, "POST", suffix, body, out, err);
}

/* The id in Syncro's answer; -1 with err when there is none. */
long labor_answered_id(const cJSON *answer, const char *what, struct api_error *err)
{
	long id = json_long(answer, "id", -1);

	if (id <= 0)
		api_error_set(err, EXIT_NETWORK, 200, xstrfmt("Syncro answered the %s without an id", what),
		     xstrfmt("check the ticket before you try again: the %s may have been made", what));
	return id;
}

int labor_timer_add(const struct labor *l, long *timer_id, struct api_error *err)
{
	cJSON *body = labor_timer_body(l, date_now()), *answer = NULL;
	int ret = -1;

	*timer_id = 0;
	/* The answer is the timer (flat); its billable is not trusted either way (§14). */
	if (!post(l->number, "/timer_entry", body, &answer, err) &&
	    (*timer_id = labor_answered_id(answer, "timer entry", err)) > 0)
		ret = check_timer(l->number, answer, l->product_id, l->minutes, err);
	if (*timer_id < 0)
		*timer_id = 0;
	cJSON_Delete(body);
	cJSON_Delete(answer);
	return ret;
}

int labor_check_timer(long number, const cJSON *timer, long product_id, long minutes,
		      struct api_error *err)
{
	return check_timer(number, timer, product_id, minutes, err);
}

int labor_timer_charge(long number, long timer_id, const struct labor *l, long line_after,
		       long *line_id, struct api_error *err)
{
	cJSON *body = labor_charge_body(timer_id), *answer = NULL, *ticket = NULL;
	const cJSON *timer, *line;
	char what[64];
	int ret = -1;

	*line_id = 0;
	/* The newest line before the charge, so that an older line of the same kind is never taken. */
	if (line_after == LABOR_LINE_AFTER_READ) {
		if (labor_read_ticket(number, &ticket, err))
			goto out;
		line_after = labor_line_max(ticket);
		cJSON_Delete(ticket);
		ticket = NULL;
	}
	if (post(number, "/charge_timer_entry", body, &answer, err) ||
	    labor_read_ticket(number, &ticket, err))
		goto out;
	snprintf(what, sizeof(what), "timer %ld", timer_id);
	if (!(timer = labor_find_id(ticket, "ticket_timers", timer_id)))
		missing(err, number, ticket, what);
	else if ((l && check_timer(number, timer, l->product_id, l->minutes, err)) ||
		 check_charged(number, ticket, timer, line_after, line_id, err))
		;
	else if (l && l->product_name && (line = labor_find_id(ticket, "line_items", *line_id))) {
		snprintf(what, sizeof(what), "line item %ld of timer %ld", *line_id, timer_id);
		ret = labor_check_price(number, line, what, l->price, err);
	} else
		ret = 0;
out:
	cJSON_Delete(body);
	cJSON_Delete(answer);
	cJSON_Delete(ticket);
	return ret;
}

/* The timer as the ticket holds it now, or -1 with err (404 when it is not there). */
static int find_timer(long number, long timer_id, cJSON **ticket, const cJSON **timer,
		      struct api_error *err)
{
	if (labor_read_ticket(number, ticket, err))
		return -1;
	if ((*timer = labor_find_id(*ticket, "ticket_timers", timer_id)))
		return 0;
	cJSON_Delete(*ticket);
	*ticket = NULL;
	return api_error_set(err, EXIT_NOT_FOUND, 200,
		    xstrfmt("ticket #%ld has no timer %ld", number, timer_id),
		    xstrfmt("'syncro time %ld' lists its timers", number));
}

/* Changing a charged timer would leave its line (perhaps invoiced) saying otherwise. */
static int refuse_charged(long number, const cJSON *timer, const char *doing,
			  struct api_error *err)
{
	if (!json_bool(timer, "recorded", 0))
		return 0;
	return api_error_set(err, EXIT_ERROR, 0,
		    xstrfmt("timer %ld on ticket #%ld is charged (line item %ld); %s the timer "
			    "would leave that line as it is", json_long(timer, "id", 0), number,
			    json_long(timer, "ticket_line_item_id", 0), doing),
		    xstrdup("change the line item in Syncro instead"));
}

/* The body of update_timer_entry for timer (of ticket number); NULL with err when it has no start. */
static cJSON *edit_body(long number, const cJSON *timer, long timer_id, long minutes,
			long product_id, const char *notes, struct api_error *err)
{
	cJSON *body = cJSON_CreateObject();

	cJSON_AddNumberToObject(body, "timer_entry_id", (double)timer_id);
	if (minutes > 0) {
		time_t start = json_time(timer, "start_time");
		char at[32];

		if (start < 0) {
			api_error_set(err, EXIT_ERROR, 200,
			     xstrfmt("timer %ld on ticket #%ld has no start time to count from",
				     timer_id, number), NULL);
			cJSON_Delete(body);
			return NULL;
		}
		cJSON_AddStringToObject(body, "start_at", format_timestamp(start, at, sizeof(at)));
		cJSON_AddStringToObject(body, "end_at",
					format_timestamp(start + (time_t)minutes * 60, at, sizeof(at)));
	}
	if (product_id > 0)
		cJSON_AddNumberToObject(body, "product_id", (double)product_id);
	if (notes)
		cJSON_AddStringToObject(body, "notes", notes);
	return body;
}

int labor_timer_edit_body(long number, long timer_id, long minutes, long product_id,
			  const char *notes, cJSON **body, struct api_error *err)
{
	cJSON *ticket = NULL;
	const cJSON *timer;

	*body = NULL;
	if (!find_timer(number, timer_id, &ticket, &timer, err) &&
	    !refuse_charged(number, timer, "editing", err))
		*body = edit_body(number, timer, timer_id, minutes, product_id, notes, err);
	cJSON_Delete(ticket);
	return *body ? 0 : -1;
}

int labor_timer_edit(long number, long timer_id, long minutes, long product_id,
		     const char *notes, struct api_error *err)
{
	cJSON *ticket = NULL, *body = NULL, *answer = NULL;
	const cJSON *timer;
	long want_minutes, want_product;
	int ret = -1;

	if (find_timer(number, timer_id, &ticket, &timer, err) ||
	    refuse_charged(number, timer, "editing", err))
		goto out;
	want_minutes = minutes > 0 ? minutes : labor_timer_minutes(timer);
	want_product = product_id > 0 ? product_id : json_long(timer, "product_id", -1);
	if (!(body = edit_body(number, timer, timer_id, minutes, product_id, notes, err)))
		goto out;
	cJSON_Delete(ticket);
	ticket = NULL;
	if (api_ticket_call(number, "PUT", "/update_timer_entry", body, &answer, err) ||
	    find_timer(number, timer_id, &ticket, &timer, err) ||
	    check_timer(number, timer, want_product, want_minutes, err))
		goto out;
	if (notes && strcmp(json_string(timer, "notes", ""), notes)) {
		mismatch(err, number, xstrfmt("timer %ld on ticket #%ld has the notes '%s', not '%s'",
					      timer_id, number, json_string(timer, "notes", ""), notes));
		goto out;
	}
	ret = 0;
out:
	cJSON_Delete(body);
	cJSON_Delete(answer);
	cJSON_Delete(ticket);
	return ret;
}

int labor_timer_delete(long number, long timer_id, struct api_error *err)
{
	cJSON *ticket = NULL, *body = NULL, *answer = NULL;
	const cJSON *timer;
	int ret = -1;

	if (find_timer(number, timer_id, &ticket, &timer, err) ||
	    refuse_charged(number, timer, "removing", err))
		goto out;
	cJSON_Delete(ticket);
	ticket = NULL;
	body = cJSON_CreateObject();
	cJSON_AddNumberToObject(body, "timer_entry_id", (double)timer_id);
	if (post(number, "/delete_timer_entry", body, &answer, err) ||
	    labor_read_ticket(number, &ticket, err))
		goto out;
	if (labor_find_id(ticket, "ticket_timers", timer_id))
		mismatch(err, number, xstrfmt("ticket #%ld still holds timer %ld after Syncro "
					      "answered that it removed it", number, timer_id));
	else
		ret = 0;
out:
	cJSON_Delete(body);
	cJSON_Delete(answer);
	cJSON_Delete(ticket);
	return ret;
}

/* A line's price must be the one sent: a tenant may keep 0 (syncro-api.md §14). */
int labor_check_price(long number, const cJSON *line, const char *what, double price,
		      struct api_error *err)
{
	double has = json_double(line, "price_retail", -1);
	char want[MONEY_MAX], got[MONEY_MAX];

	if (has >= 0 && money_equal(has, price))
		return 0;
	return mismatch(err, number, xstrfmt("%s on ticket #%ld is priced %s, not the %s sent; "
					     "an invoice now would bill the wrong amount", what,
					     number, has < 0 ? "nothing" :
					     money_format(has, got, sizeof(got)),
					     money_format(price, want, sizeof(want))));
}

int labor_line_add(const struct labor *l, long *line_id, struct api_error *err)
{
	cJSON *body = labor_line_body(l), *answer = NULL;
	char what[64];
	int ret = -1;

	*line_id = 0;
	if (post(l->number, "/add_line_item", body, &answer, err))
		goto out;
	/* The answer is the line itself (flat): checked there, not read back. */
	answer = api_unwrap(answer, "ticket_line_item");
	if ((*line_id = labor_answered_id(answer, "line item", err)) <= 0)
		goto out;
	snprintf(what, sizeof(what), "line item %ld", *line_id);
	if (!check_line(l->number, answer, what, l->product_id, l->minutes, err))
		ret = labor_check_price(l->number, answer, what, l->price, err);
out:
	if (*line_id < 0)
		*line_id = 0;
	cJSON_Delete(body);
	cJSON_Delete(answer);
	return ret;
}

/* The timer Syncro made from the comment's time fields, or NULL. */
static const cJSON *comment_timer(const cJSON *ticket, long comment_id)
{
	const cJSON *timer;

	cJSON_ArrayForEach(timer, cJSON_GetObjectItemCaseSensitive(ticket, "ticket_timers"))
		if (json_long(timer, "comment_id", -1) == comment_id)
			return timer;
	return NULL;
}

int labor_comment_time(const struct labor *l, long comment_id, long *timer_id,
		       struct api_error *err)
{
	cJSON *ticket = NULL;
	const cJSON *timer;
	struct sbuf msg = SBUF_INIT;
	long line;
	int ret = -1;

	*timer_id = 0;
	if (labor_read_ticket(l->number, &ticket, err))
		return -1;
	if (!(timer = comment_timer(ticket, comment_id))) {
		sbuf_addf(&msg, "no time was recorded: Syncro ignored the time on comment %ld "
			  "(ticket #%ld holds no timer of that comment; it holds ", comment_id,
			  l->number);
		add_holdings(&msg, ticket);
		sbuf_addch(&msg, ')');
		api_error_set(err, EXIT_ERROR, 200, sbuf_detach(&msg, NULL),
			   xstrdup("billing.method line-item or timer records time the API keeps"));
	} else {
		*timer_id = json_long(timer, "id", 0);
		if (!check_timer(l->number, timer, l->product_id, l->minutes, err))
			ret = l->charge ? check_charged(l->number, ticket, timer, 0, &line, err) : 0;
	}
	cJSON_Delete(ticket);
	return ret;
}

int labor_record(enum billing_method method, const struct labor *l, long line_after,
		 struct labor_done *done, struct api_error *err)
{
	done->timer_id = done->line_id = 0;
	switch (method) {
	case BILLING_TIMER:
		if (labor_timer_add(l, &done->timer_id, err))
			return -1;
		if (!l->charge)
			return 0;
		return labor_timer_charge(l->number, done->timer_id, l, line_after, &done->line_id, err);
	case BILLING_LINE_ITEM:
		return labor_line_add(l, &done->line_id, err);
	case BILLING_COMMENT:
		break;
	}
	return api_error_set(err, EXIT_ERROR, 0,
		    xstrdup("billing.method comment records time only with a comment"),
		    xstrfmt("use 'syncro comment %ld --time %ld', or set billing.method to "
			    "timer or line-item", l->number, l->minutes));
}

void labor_print(const struct labor *l, const char *labor_name, const struct labor_done *done)
{
	printf("#%ld: %ld minute%s of ", l->number, l->minutes, l->minutes == 1 ? "" : "s");
	if (strspn(labor_name, "0123456789") != strlen(labor_name)) {
		output_text(stdout, labor_name, SAFE_ONE_LINE);
		printf(" (product %ld)", l->product_id);
	} else
		printf("product %ld", l->product_id);
	if (done->timer_id)
		printf(" as timer %ld", done->timer_id);
	if (done->line_id)
		printf(done->timer_id ? ", charged on line item %ld" : " as line item %ld",
		       done->line_id);
	else if (l->charge)
		printf(", charged");
	putchar('\n');
}

int labor_record_hints(struct strvec *hints, const struct api_error *err,
		       const struct labor *l, const struct labor_done *done)
{
	if (err->code == EXIT_NETWORK && !err->unsent)
		strvec_pushf(hints, "the request may have reached Syncro: look at "
			     "'syncro time %ld' first", l->number);
	if (done->timer_id > 0 && !done->line_id && l->charge && err->status != 200) {
		strvec_pushf(hints, "timer %ld is recorded; charge it with: "
			     "syncro time charge %ld %ld", done->timer_id, l->number, done->timer_id);
		return 1;
	}
	return 0;
}
