/*
 * Recurring invoice schedules, read-only: GET /schedules (customer_id) and
 * GET /schedules/{id} with its lines. syncro never deletes or changes a
 * schedule (a DELETE destroys the template at once, with no undo), so the
 * sandbox does not emulate those either: they answer 404.
 */
#include "compat.h"
#include "handlers.h"
#include "xmalloc.h"

static cJSON *schedule_summary(struct state *st, const cJSON *s)
{
	(void)st;
	return cJSON_Duplicate(s, 1);
}

void get_schedules(struct api_req *r)
{
	cJSON *list = coll(r->st, "schedules"), *s;
	const cJSON **items = xcalloc((size_t)cJSON_GetArraySize(list) + 1, sizeof(*items));
	const char *customer = str_field(r->query, "customer_id");
	int n = 0;

	cJSON_ArrayForEach(s, list)
		if (!customer || !*customer || num_field(s, "customer_id", -1) == strtod(customer, NULL))
			items[n++] = s;
	reply_list(r, "schedules", items, n, schedule_summary, (int)r->st->page_size, META_PAGES);
	free(items);
}

void get_schedule(struct api_req *r)
{
	const cJSON *s = find_by_id(coll(r->st, "schedules"), cap_id(r, 0));

	if (s)
		reply(r, 200, wrap("schedule", cJSON_Duplicate(s, 1)));
	else
		reply_not_found(r);
}
