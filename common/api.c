#include "compat.h"
#include "api.h"
#include "cache.h"
#include "json.h"
#include "prefetch.h"
#include "usage.h"
#include "xmalloc.h"

/*
 * Bounds for api_paginate(), against an answer that would take the memory
 * or the time of the machine: pages of one list (10000 pages of 100 is a
 * million tickets); the items on a page are bounded by api_list_items().
 */
#define MAX_PAGES 10000

/* The answer to req in resp (sent: 0 when a response arrived), as api_call() returns it. */
static int read_answer(const struct api_request *req, struct http_response *resp, int sent,
		       cJSON **out, struct api_error *err)
{
	int ret = -1;

	*out = NULL;
	if (!sent && resp->status >= 200 && resp->status < 300) {
		if (!resp->body.len)
			ret = 0;
		else if ((*out = json_parse(resp->body.buf, resp->body.len)))
			ret = 0;
	}
	if (ret)
		api_error_from_response(err, resp, req->method ? req->method : "GET",
					req->path, req->what);
	return ret;
}

int api_exchange(const struct api_request *req, struct http_response *resp,
		 cJSON **out, struct api_error *err)
{
	const char *method = req->method ? req->method : "GET";
	char *body = NULL;
	int ret;

	if (req->body && !(body = cJSON_PrintUnformatted(req->body)))
		die("out of memory");
	ret = read_answer(req, resp, http_send(method, req->path, req->query, body, resp), out, err);
	cJSON_free(body);
	return ret;
}

int api_get_many(const struct api_request *reqs, size_t n, cJSON **outs, struct api_error *errs)
{
	struct http_get *gets = xcalloc(n ? n : 1, sizeof(*gets));
	int ret = 0;

	for (size_t i = 0; i < n; i++) {
		struct http_response init = HTTP_RESPONSE_INIT;

		if (reqs[i].method && strcmp(reqs[i].method, "GET"))
			BUG("api_get_many() with %s", reqs[i].method);
		gets[i].path = reqs[i].path;
		gets[i].query = reqs[i].query;
		gets[i].resp = init;
	}
	http_get_many(gets, n);
	for (size_t i = 0; i < n; i++) {
		int sent = gets[i].resp.failure == HTTP_DONE ? 0 : -1;

		if (read_answer(&reqs[i], &gets[i].resp, sent, &outs[i], &errs[i]))
			ret = -1;
		http_response_release(&gets[i].resp);
	}
	free(gets);
	return ret;
}

int api_call(const struct api_request *req, cJSON **out, struct api_error *err)
{
	struct http_response resp = HTTP_RESPONSE_INIT;
	int ret;

	if (req->method && strcmp(req->method, "GET"))
		prefetch_forget();	/* what was read ahead may change now */
	else if (!req->body && !prefetch_take(req->path, req->query, out))
		return 0;	/* sent ahead */
	ret = api_exchange(req, &resp, out, err);

	http_response_release(&resp);
	return ret;
}

static cJSON *call_or_die(const char *method, const char *path,
			  const struct strvec *query, const cJSON *body)
{
	struct api_request req = { method, path, query, body, NULL };
	struct api_error err = API_ERROR_INIT;
	cJSON *out;

	if (api_call(&req, &out, &err))
		api_die(&err);
	return out;
}

cJSON *api_get(const char *path, const struct strvec *query)
{
	return call_or_die("GET", path, query, NULL);
}

cJSON *api_post(const char *path, const cJSON *body)
{
	return call_or_die("POST", path, NULL, body);
}

cJSON *api_put(const char *path, const cJSON *body)
{
	return call_or_die("PUT", path, NULL, body);
}

cJSON *api_delete(const char *path)
{
	return call_or_die("DELETE", path, NULL, NULL);
}

cJSON *api_unwrap(cJSON *resp, const char *key)
{
	cJSON *inner;

	if (!cJSON_IsObject(resp))
		return resp;
	inner = cJSON_GetObjectItemCaseSensitive(resp, key);
	if (!cJSON_IsObject(inner) && !cJSON_IsArray(inner))
		return resp;
	inner = cJSON_DetachItemViaPointer(resp, inner);
	cJSON_Delete(resp);
	return inner;
}

static const cJSON *page_items(const cJSON *page, const char *key)
{
	const cJSON *item;

	if (cJSON_IsArray(page))
		return page;
	if (key)
		return cJSON_GetObjectItemCaseSensitive(page, key);
	cJSON_ArrayForEach(item, page)
		if (cJSON_IsArray(item))
			return item;
	return NULL;
}

/* Two pages start alike: an endpoint that ignores `page`. */
static int same_start(const cJSON *a, const cJSON *b)
{
	const cJSON *x = cJSON_GetArrayItem(a, 0), *y = cJSON_GetArrayItem(b, 0);

	return x && y && cJSON_Compare(x, y, 1);
}

/* What is wrong with a list answer (the caller frees it), or NULL. */
static char *list_problem(const cJSON *answer, const char *key, const cJSON *items)
{
	const cJSON *item;
	int n = 0;

	if (!answer)
		return xstrdup("an empty body");
	if (!cJSON_IsArray(items))
		return key ? xstrfmt("no '%s' array", key) : xstrdup("no array");
	cJSON_ArrayForEach(item, items) {
		if (!cJSON_IsObject(item))
			return xstrfmt("item %d is not an object", n + 1);
		if (++n > API_LIST_MAX)
			return xstrfmt("more than %d items", API_LIST_MAX);
	}
	return NULL;
}

int api_list_items(const cJSON *answer, const char *key, const char *path, long page,
		   const cJSON **items, struct api_error *err)
{
	int len = (int)strcspn(path, "?");
	char *why;

	*items = page_items(answer, key);
	why = list_problem(answer, key, *items);
	if (!why)
		return 0;
	*items = NULL;
	api_error_release(err);
	err->code = EXIT_NETWORK;
	err->status = 200;
	err->message = page ? xstrfmt("the Syncro API answered 'GET %.*s' (page %ld) with a "
				      "malformed list: %s", len, path, page, why)
			    : xstrfmt("the Syncro API answered 'GET %.*s' with a malformed list: %s",
				      len, path, why);
	err->hint = xstrfmt("try again later; 'syncro api %.*s' shows the answer", len, path);
	free(why);
	return -1;
}

/* The page's list, checked by api_list_items(); dies (exit 7) when it is none. */
static const cJSON *checked_page(const cJSON *answer, const char *key, const char *path,
				 long page)
{
	struct api_error err = API_ERROR_INIT;
	const cJSON *items;

	if (api_list_items(answer, key, path, page, &items, &err))
		api_die(&err);
	return items;
}

const cJSON *api_list_or_die(const cJSON *answer, const char *key, const char *path)
{
	return checked_page(answer, key, path, 0);
}

/*
 * The most pages a list is read to; SYNCRO_TEST_MAX_PAGES (a smaller
 * number) lets the tests reach it, as SYNCRO_TEST_NOW sets the clock.
 */
static long max_pages(void)
{
	const char *env = getenv("SYNCRO_TEST_MAX_PAGES");
	char *end;
	long n = env ? strtol(env, &end, 10) : 0;

	return env && *env && !*end && n > 0 && n < MAX_PAGES ? n : MAX_PAGES;
}

/* api_paginate() fetching up to `ahead` known pages at once. */
static int paginate(const char *path, const struct strvec *query, const char *key,
		    int per_page, api_page_fn fn, void *data, long ahead)
{
	cJSON *previous = NULL;
	long total = -1, bound = max_pages();
	int ret = 0, stop = 0;

	/*
	 * Page 1 alone; then the pages meta.total_pages says are left, up to
	 * ahead at once, handed to fn in order.
	 */
	for (long page = 1; !stop;) {
		struct strvec qs[HTTP_CONCURRENCY];
		struct api_request reqs[HTTP_CONCURRENCY];
		struct api_error errs[HTTP_CONCURRENCY];
		cJSON *answers[HTTP_CONCURRENCY];
		long n = 1;

		if (page > 1 && total > page)
			n = total - page + 1 < ahead ? total - page + 1 : ahead;
		if (page + n - 1 > bound)
			die_with(EXIT_NETWORK, "the Syncro API still sends pages of '%.*s' after %ld; "
				 "stopped there", (int)strcspn(path, "?"), path, bound);
		for (long k = 0; k < n; k++) {
			struct api_request req = { "GET", path, &qs[k], NULL, NULL };
			struct api_error init = API_ERROR_INIT;
			struct strvec q = STRVEC_INIT;

			qs[k] = q;
			for (size_t i = 0; query && i < query->nr; i++)
				strvec_push(&qs[k], query->v[i]);
			strvec_pushf(&qs[k], "page=%ld", page + k);
			if (per_page > 0)
				strvec_pushf(&qs[k], "per_page=%d", per_page);
			reqs[k] = req;
			errs[k] = init;
		}
		api_get_many(reqs, (size_t)n, answers, errs);
		for (long k = 0; k < n; k++) {
			const cJSON *items;
			int repeated;

			strvec_clear(&qs[k]);
			if (stop) {
				cJSON_Delete(answers[k]);
				api_error_release(&errs[k]);
				continue;
			}
			if (errs[k].code)	/* an empty body is no error here: checked_page() says so */
				api_die(&errs[k]);
			items = checked_page(answers[k], key, path, page + k);
			repeated = previous && same_start(previous, items);
			/* Without meta an endpoint that ignores page ends so; with it, it lied. */
			if (repeated && total > page + k - 1)
				warning("page %ld of '%.*s' repeats page %ld, though the Syncro API says "
					"there are %ld pages; paging stopped there, the list may be short",
					page + k, (int)strcspn(path, "?"), path, page + k - 1, total);
			total = json_long(answers[k], "meta.total_pages", -1);
			stop = !cJSON_GetArraySize(items) || repeated;
			if (!stop)
				ret = fn(items, data);
			stop = stop || ret || (total >= 0 && page + k >= total);
			cJSON_Delete(previous);
			previous = NULL;
			if (!stop) {
				/* Keep only the first item, to spot an endpoint that ignores page. */
				previous = cJSON_CreateArray();
				cJSON_AddItemToArray(previous,
						     cJSON_Duplicate(cJSON_GetArrayItem(items, 0), 1));
			}
			cJSON_Delete(answers[k]);
		}
		page += n;
	}
	cJSON_Delete(previous);
	return ret;
}

int api_paginate(const char *path, const struct strvec *query, const char *key,
		 int per_page, api_page_fn fn, void *data)
{
	return paginate(path, query, key, per_page, fn, data, 1);
}

int api_paginate_all(const char *path, const struct strvec *query, const char *key,
		     int per_page, api_page_fn fn, void *data)
{
	return paginate(path, query, key, per_page, fn, data, HTTP_CONCURRENCY);
}

int api_ticket_lookup_gently(long number, cJSON **ticket, struct api_error *err)
{
	struct strvec query = STRVEC_INIT;
	char what[64];
	struct api_request req = { "GET", "/tickets", &query, NULL, what };
	const cJSON *tickets, *t, *found = NULL;
	cJSON *answer;

	*ticket = NULL;
	snprintf(what, sizeof(what), "ticket #%ld", number);
	strvec_pushf(&query, "number=%ld", number);
	if (api_call(&req, &answer, err)) {
		strvec_clear(&query);
		return -1;
	}
	strvec_clear(&query);
	if (api_list_items(answer, "tickets", "/tickets", 0, &tickets, err)) {
		cJSON_Delete(answer);
		return -1;
	}
	cJSON_ArrayForEach(t, tickets)
		if (json_long(t, "number", -1) == number && json_long(t, "id", -1) > 0) {
			found = t;
			break;
		}
	if (cJSON_GetArraySize(tickets))
		cache_store_tickets(tickets);
	if (found)
		*ticket = cJSON_Duplicate(found, 1);
	cJSON_Delete(answer);
	if (!*ticket) {
		return api_error_set(err, EXIT_NOT_FOUND, 200,
				     xstrfmt("ticket #%ld not found", number), NULL);
	}
	return 0;
}

cJSON *api_ticket_lookup(long number)
{
	struct api_error err = API_ERROR_INIT;
	cJSON *ticket;

	if (api_ticket_lookup_gently(number, &ticket, &err))
		api_die(&err);
	return ticket;
}

cJSON *api_ticket_last_seen(long number)
{
	struct ticket_cache cache = TICKET_CACHE_INIT;
	const struct cached_ticket *t;
	cJSON *seen = NULL;

	ticket_cache_load(&cache);
	t = ticket_cache_find(&cache, number);
	if (t) {
		seen = cJSON_CreateObject();
		cJSON_AddNumberToObject(seen, "number", (double)t->number);
		cJSON_AddNumberToObject(seen, "id", (double)t->id);
		cJSON_AddStringToObject(seen, "status", t->status);
		cJSON_AddNumberToObject(seen, "customer_id", (double)t->customer_id);
		cJSON_AddStringToObject(seen, "customer_business_then_name", t->customer);
		cJSON_AddStringToObject(seen, "subject", t->subject);
		cJSON_AddStringToObject(seen, "updated_at", t->updated_at);
	}
	ticket_cache_release(&cache);
	return seen ? seen : api_ticket_lookup(number);
}

/* GET /tickets?number=N, storing what comes back in the cache. */
static long resolve_by_api(long number, struct api_error *err)
{
	cJSON *ticket;
	long id;

	if (api_ticket_lookup_gently(number, &ticket, err))
		return -1;
	id = json_long(ticket, "id", -1);
	cJSON_Delete(ticket);
	return id;
}

long api_ticket_id_gently(long number, struct api_error *err)
{
	long id = cache_ticket_id(number);

	return id > 0 ? id : resolve_by_api(number, err);
}

long api_ticket_id(long number)
{
	struct api_error err = API_ERROR_INIT;
	long id = api_ticket_id_gently(number, &err);

	if (id < 0)
		api_die(&err);
	return id;
}

#define TICKET_PATH "/tickets/%ld%s"

static int ticket_call_id(long number, long id, const char *method, const char *suffix,
			  const cJSON *body, cJSON **out, struct api_error *err)
{
	char path[128], what[64];
	struct api_request req = { method, path, NULL, body, what };

	snprintf(path, sizeof(path), TICKET_PATH, id, suffix ? suffix : "");
	snprintf(what, sizeof(what), "ticket #%ld", number);
	return api_call(&req, out, err);
}

int api_ticket_call(long number, const char *method, const char *suffix,
		    const cJSON *body, cJSON **out, struct api_error *err)
{
	long id = cache_ticket_id(number);

	*out = NULL;
	if (id > 0) {
		if (!ticket_call_id(number, id, method, suffix, body, out, err))
			return 0;
		if (err->code != EXIT_NOT_FOUND)
			return -1;
		/* The cached id is stale: forget it and ask the API. */
		cache_forget_ticket(number);
		api_error_release(err);
	}
	id = resolve_by_api(number, err);
	if (id < 0)
		return -1;
	return ticket_call_id(number, id, method, suffix, body, out, err);
}

cJSON *api_ticket(long number, const char *method, const char *suffix, const cJSON *body)
{
	struct api_error err = API_ERROR_INIT;
	cJSON *out;

	if (api_ticket_call(number, method, suffix, body, &out, &err))
		api_die(&err);
	return out;
}

int api_ticket_get_gently(long number, cJSON **ticket, struct api_error *err)
{
	if (api_ticket_call(number, "GET", "", NULL, ticket, err))
		return -1;
	*ticket = api_unwrap(*ticket, "ticket");
	return 0;
}

void api_ticket_want(long number)
{
	long id = cache_ticket_id(number);

	if (id > 0)
		prefetch_want(TICKET_PATH, id, "");
	else
		prefetch_want("/tickets?number=%ld", number);	/* its lookup */
}

cJSON *api_ticket_get(long number)
{
	return api_unwrap(api_ticket(number, "GET", "", NULL), "ticket");
}

void api_print_request(FILE *fp, const struct api_request *req)
{
	char *url = http_display_url(req->path, req->query);

	fprintf(fp, "%s %s\n", req->method ? req->method : "GET", url);
	if (req->body) {
		char *text = json_print(req->body);

		fputs(text, fp);
		free(text);
	}
	free(url);
}
