/*
 * Appointments and the account's settings: GET /settings (its locale, with
 * the account's time zone: the demo shop is in Arizona, America/Phoenix;
 * and its ticket problem types and priorities from demo.json),
 * GET/POST /appointments, GET/PUT/DELETE /appointments/{id}, shaped as the
 * OpenAPI file shows them: list items wrapped one by one
 * ({"appointments":[{"appointment":{...}}]}), GET by id flat, POST answered
 * 201. GET /appointments filters by date_from, date_to and mine only: a
 * customer_id, not in the spec, is ignored. The first of user_ids is the
 * owner. The collection starts empty.
 */
#include "compat.h"
#include <math.h>
#include "handlers.h"
#include "timeutil.h"
#include "xmalloc.h"

#define ACCOUNT_TIME_ZONE "America/Phoenix"

void get_settings(struct api_req *r)
{
	cJSON *out = cJSON_CreateObject(), *locale = cJSON_AddObjectToObject(out, "locale");

	cJSON_AddStringToObject(locale, "iso_code", "en");
	cJSON_AddStringToObject(locale, "currency_symbol", "$");
	cJSON_AddStringToObject(locale, "date_format", "mm-dd-yy");
	cJSON_AddStringToObject(locale, "time_format", "hh:mm tt");
	cJSON_AddStringToObject(locale, "time_zone", ACCOUNT_TIME_ZONE);
	cJSON_AddStringToObject(locale, "time_offset", "-07:00");
	/* problem types and priorities: demo.json's "settings_ticket" */
	cJSON_AddItemToObject(out, "ticket", cJSON_Duplicate(
		cJSON_GetObjectItemCaseSensitive(r->st->data, "settings_ticket"), 1));
	cJSON_AddTrueToObject(out, "business_hours_enabled");
	reply(r, 200, out);
}

static cJSON *appointments(struct state *st)
{
	cJSON *list = coll(st, "appointments");

	return list ? list : cJSON_AddArrayToObject(st->data, "appointments");
}

/* date_from / date_to are days (YYYY-MM-DD, UTC here); the end day counts. */
static int in_range(const cJSON *a, const char *from, const char *to)
{
	int64_t at, bound;

	if (parse_timestamp_ms(str_field(a, "start_at"), &at) < 0)
		return 0;
	if (from && *from && parse_timestamp_ms(from, &bound) == 0 && at < bound)
		return 0;
	if (to && *to && parse_timestamp_ms(to, &bound) == 0 && at >= bound + 86400000)
		return 0;
	return 1;
}

static int owned_by(const cJSON *a, double user)
{
	const cJSON *ids = cJSON_GetObjectItemCaseSensitive(a, "user_ids");

	return cJSON_GetArraySize(ids) && cJSON_GetArrayItem(ids, 0)->valuedouble == user;
}

void get_appointments(struct api_req *r)
{
	cJSON *list = coll(r->st, "appointments"), *out = cJSON_CreateObject();
	cJSON *items = cJSON_AddArrayToObject(out, "appointments"), *a, *meta;
	/* customer_id is not in the spec: a real account answers every customer's */
	const char *mine = str_field(r->query, "mine");
	double me = req_user_id(r);

	cJSON_ArrayForEach(a, list) {
		if (!in_range(a, str_field(r->query, "date_from"), str_field(r->query, "date_to")))
			continue;
		if (mine && !strcmp(mine, "true") && !owned_by(a, me))
			continue;
		cJSON_AddItemToArray(items, wrap("appointment", cJSON_Duplicate(a, 1)));
	}
	meta = cJSON_AddObjectToObject(out, "meta");
	cJSON_AddNumberToObject(meta, "total_pages", 1);
	cJSON_AddNumberToObject(meta, "page", 1);
	reply(r, 200, out);
}

static cJSON *find_appointment(struct api_req *r)
{
	cJSON *a = find_by_id(coll(r->st, "appointments"), cap_id(r, 0));

	if (!a)
		reply_not_found(r);
	return a;
}

void get_appointment(struct api_req *r)
{
	cJSON *a = find_appointment(r);

	if (a)
		reply(r, 200, cJSON_Duplicate(a, 1));
}

/* start_at, end_at (or appointment_duration in minutes), summary, user_ids... from the request. */
static int apply(struct api_req *r, cJSON *a)
{
	int64_t start, end, length = 3600000;
	char buf[TIMESTAMP_MS_LEN];
	double d;
	const cJSON *ids = arg(r, "user_ids"), *it;

	/* a move keeps the length */
	if (parse_timestamp_ms(str_field(a, "start_at"), &start) == 0 &&
	    parse_timestamp_ms(str_field(a, "end_at"), &end) == 0 && end >= start)
		length = end - start;
	if (arg_str(r, "start_at")) {
		if (parse_timestamp_ms(arg_str(r, "start_at"), &start) < 0)
			return -1;
		format_timestamp_ms(start, buf, sizeof(buf));
		set_field(a, "start_at", cJSON_CreateString(buf));
	}
	if (parse_timestamp_ms(str_field(a, "start_at"), &start) < 0)
		return -1;
	if (arg_str(r, "end_at")) {
		if (parse_timestamp_ms(arg_str(r, "end_at"), &end) < 0 || end < start)
			return -1;
	} else if (arg_num(r, "appointment_duration", &d)) {
		end = start + (int64_t)(d * 60000);
	} else {
		end = start + length;
	}
	format_timestamp_ms(end, buf, sizeof(buf));
	set_field(a, "end_at", cJSON_CreateString(buf));
	set_field(a, "duration", cJSON_CreateNumber((double)(end - start) / 3600000.0));
	if (arg_str(r, "summary"))
		set_field(a, "summary", cJSON_CreateString(arg_str(r, "summary")));
	if (arg_str(r, "location"))
		set_field(a, "location", cJSON_CreateString(arg_str(r, "location")));
	if (arg_num(r, "ticket_id", &d))
		set_field(a, "ticket_id", cJSON_CreateNumber(d));
	if (arg_num(r, "customer_id", &d))
		set_field(a, "customer_id", cJSON_CreateNumber(d));
	if (cJSON_IsArray(ids)) {
		cJSON *copy = cJSON_CreateArray();

		cJSON_ArrayForEach(it, ids)
			if (cJSON_IsNumber(it))
				cJSON_AddItemToArray(copy, cJSON_CreateNumber(it->valuedouble));
		set_field(a, "user_ids", copy);
	}
	touch(a, 0);
	return 0;
}

void post_appointments(struct api_req *r)
{
	cJSON *list = appointments(r->st), *a = cJSON_CreateObject(), *ids;
	const cJSON *ticket = NULL;
	double d;

	if (!arg_str(r, "start_at")) {
		cJSON_Delete(a);
		reply_msg(r, 422, "error", "Start at can't be blank");
		return;
	}
	if (arg_num(r, "ticket_id", &d) && !(ticket = find_by_id(coll(r->st, "tickets"), d))) {
		cJSON_Delete(a);
		reply_not_found(r);
		return;
	}
	cJSON_AddNumberToObject(a, "id", fmax(next_id(list, NULL), 5100001));
	cJSON_AddStringToObject(a, "summary", "");
	cJSON_AddItemToObject(a, "customer_id", ticket ? cJSON_CreateNumber(num_field(ticket, "customer_id", 0)) : cJSON_CreateNull());
	cJSON_AddItemToObject(a, "ticket_id", cJSON_CreateNull());
	cJSON_AddStringToObject(a, "location", "");
	touch(a, 1);
	ids = cJSON_AddArrayToObject(a, "user_ids");
	cJSON_AddItemToArray(ids, cJSON_CreateNumber(req_user_id(r)));
	if (apply(r, a) < 0) {
		cJSON_Delete(a);
		reply_msg(r, 422, "error", "Start at or end at is not a time");
		return;
	}
	cJSON_AddItemToArray(list, a);
	reply(r, 201, wrap("appointment", cJSON_Duplicate(a, 1)));
}

void put_appointment(struct api_req *r)
{
	cJSON *a = find_appointment(r);

	if (!a)
		return;
	if (apply(r, a) < 0) {
		reply_msg(r, 422, "error", "Start at or end at is not a time");
		return;
	}
	reply(r, 200, wrap("appointment", cJSON_Duplicate(a, 1)));
}

void delete_appointment(struct api_req *r)
{
	cJSON *a = find_appointment(r);

	if (!a)
		return;
	cJSON_Delete(cJSON_DetachItemViaPointer(coll(r->st, "appointments"), a));
	reply_msg(r, 200, "message", "deleted");
}
