#include "compat.h"
#include "filter.h"
#include "render.h"
#include "timeutil.h"

int contains_ci(const char *haystack, const char *needle)
{
	size_t n;

	if (!needle || !*needle)
		return 1;
	if (!haystack)
		return 0;
	n = strlen(needle);
	for (; *haystack; haystack++)
		if (!strncasecmp(haystack, needle, n))
			return 1;
	return 0;
}

static const char *q(const cJSON *query, const char *name)
{
	const char *v = str_field(query, name);

	return v && *v ? v : NULL;
}

/* Does the numeric field equal the filter value (absent filter: yes)? */
static int num_eq(const cJSON *rec, const char *field, const char *want)
{
	char *end;
	double d;

	if (!want)
		return 1;
	d = strtod(want, &end);
	return !*end && num_field(rec, field, -1) == d;
}

/* Is the time field after (or, with before, before) the filter value? */
static int time_cmp(const cJSON *rec, const char *field, const char *want, int before)
{
	int64_t t, v;

	if (!want)
		return 1;
	if (parse_timestamp_ms(want, &t) < 0 || parse_timestamp_ms(str_field(rec, field), &v) < 0)
		return 0;
	return before ? v < t : v > t;
}

static int status_matches(const char *status, const char *want)
{
	if (!want)
		return 1;
	if (!status)
		return 0;
	if (!strcasecmp(want, "Not Closed"))
		return strcmp(status, "Resolved") != 0;
	return !strcasecmp(status, want);
}

static int ticket_text_matches(struct state *st, const cJSON *ticket, const char *text)
{
	const cJSON *customer;
	struct sbuf name = SBUF_INIT;
	char number[32];
	int found;

	if (!text)
		return 1;
	snprintf(number, sizeof(number), "%.0f", num_field(ticket, "number", -1));
	if (!strcmp(text, number) || (text[0] == '#' && !strcmp(text + 1, number)))
		return 1;
	if (contains_ci(str_field(ticket, "subject"), text))
		return 1;
	customer = find_by_id(coll(st, "customers"), num_field(ticket, "customer_id", -1));
	if (!customer)
		return 0;
	customer_then_name(customer, &name);
	found = contains_ci(name.buf, text) ||
		contains_ci(str_field(customer, "firstname"), text) ||
		contains_ci(str_field(customer, "lastname"), text);
	sbuf_release(&name);
	return found;
}

int ticket_matches(struct state *st, double me_id, const cJSON *ticket, const cJSON *query)
{
	const char *mine = q(query, "mine");
	char me[32];

	snprintf(me, sizeof(me), "%.0f", me_id);
	return num_eq(ticket, "number", q(query, "number")) &&
		status_matches(str_field(ticket, "status"), q(query, "status")) &&
		num_eq(ticket, "customer_id", q(query, "customer_id")) &&
		num_eq(ticket, "contact_id", q(query, "contact_id")) &&
		num_eq(ticket, "user_id", q(query, "user_id")) &&
		(!mine || strcmp(mine, "true") || num_eq(ticket, "user_id", me)) &&
		time_cmp(ticket, "updated_at", q(query, "since_updated_at"), 0) &&
		time_cmp(ticket, "created_at", q(query, "created_after"), 0) &&
		time_cmp(ticket, "created_at", q(query, "created_before"), 1) &&
		time_cmp(ticket, "resolved_at", q(query, "resolved_after"), 0) &&
		ticket_text_matches(st, ticket, q(query, "query"));
}

int customer_matches(struct state *st, const cJSON *customer, const cJSON *query)
{
	const char *text = q(query, "query"), *include = q(query, "include_disabled");
	struct sbuf name = SBUF_INIT;
	int ok = 1;

	(void)st;
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(customer, "disabled")) &&
	    !(include && !strcmp(include, "true")))
		return 0;
	if (text) {
		customer_then_name(customer, &name);
		ok = contains_ci(name.buf, text) ||
			contains_ci(str_field(customer, "firstname"), text) ||
			contains_ci(str_field(customer, "lastname"), text) ||
			contains_ci(str_field(customer, "email"), text) ||
			contains_ci(str_field(customer, "phone"), text);
		sbuf_release(&name);
	}
	return ok && contains_ci(str_field(customer, "firstname"), q(query, "firstname")) &&
		contains_ci(str_field(customer, "lastname"), q(query, "lastname")) &&
		contains_ci(str_field(customer, "business_name"), q(query, "business_name")) &&
		contains_ci(str_field(customer, "email"), q(query, "email"));
}
