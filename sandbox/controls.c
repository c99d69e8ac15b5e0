#include "compat.h"
#include "controls.h"
#include "route.h"
#include "xmalloc.h"

void controls_init(struct controls *ctl)
{
	memset(ctl, 0, sizeof(*ctl));
	ctl->log = cJSON_CreateArray();
}

void controls_free(struct controls *ctl)
{
	clear_fail_rules(ctl);
	free(ctl->rules);
	cJSON_Delete(ctl->log);
	memset(ctl, 0, sizeof(*ctl));
}

void log_request(struct controls *ctl, const char *method, const char *path,
		 const char *query, const char *body, size_t len, const char *auth,
		 int status, long connection)
{
	cJSON *e = cJSON_CreateObject(), *parsed = NULL;

	cJSON_AddStringToObject(e, "method", method);
	cJSON_AddStringToObject(e, "path", path);
	cJSON_AddItemToObject(e, "query", query ? cJSON_CreateString(query) : cJSON_CreateNull());
	if (len) {
		parsed = cJSON_ParseWithLength(body, len);
		if (!parsed) {
			char *text = xstrndup(body, len);

			parsed = cJSON_CreateString(text);
			free(text);
		}
	}
	cJSON_AddItemToObject(e, "body", parsed ? parsed : cJSON_CreateNull());
	cJSON_AddStringToObject(e, "auth", auth);
	cJSON_AddNumberToObject(e, "status", status);
	cJSON_AddNumberToObject(e, "connection", (double)connection);
	cJSON_AddItemToArray(ctl->log, e);
	if (++ctl->log_nr > REQUEST_LOG_MAX) {
		cJSON_DeleteItemFromArray(ctl->log, 0);
		ctl->log_nr--;
		ctl->log_dropped++;
	}
}

void clear_log(struct controls *ctl)
{
	cJSON_Delete(ctl->log);
	ctl->log = cJSON_CreateArray();
	ctl->log_nr = 0;
	ctl->log_dropped = 0;
}

void fail_rule_release(struct fail_rule *rule)
{
	free(rule->method);
	free(rule->path);
	free(rule->body);
	free(rule->content_type);
	cJSON_Delete(rule->headers);
	memset(rule, 0, sizeof(*rule));
}

void clear_fail_rules(struct controls *ctl)
{
	for (int i = 0; i < ctl->nr; i++)
		fail_rule_release(&ctl->rules[i]);
	ctl->nr = 0;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static const char *string_member(const cJSON *json, const char *name, int *bad)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(json, name);

	if (!v || cJSON_IsNull(v))
		return NULL;
	if (!cJSON_IsString(v))
		*bad = 1;
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static long number_member(const cJSON *json, const char *name, long def, int *bad)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(json, name);

	if (!v || cJSON_IsNull(v))
		return def;
	if (!cJSON_IsNumber(v) || !(v->valuedouble >= 0)) {
		*bad = 1;
		return def;
	}
	/* a double beyond long is undefined to convert */
	return v->valuedouble > FAIL_RULE_NUMBER_MAX ? FAIL_RULE_NUMBER_MAX : (long)v->valuedouble;
}

int add_fail_rule(struct controls *ctl, const cJSON *json, struct sbuf *err)
{
	struct fail_rule rule = { 0 };
	const cJSON *headers = cJSON_GetObjectItemCaseSensitive(json, "headers"), *h;
	int bad = 0;

	if (!cJSON_IsObject(json)) {
		sbuf_addstr(err, "the body must be a JSON object");
		return -1;
	}
	rule.method = dup_or_null(string_member(json, "method", &bad));
	rule.path = dup_or_null(string_member(json, "path", &bad));
	rule.body = dup_or_null(string_member(json, "body", &bad));
	rule.content_type = dup_or_null(string_member(json, "content_type", &bad));
	rule.count = number_member(json, "count", 1, &bad);
	rule.status = (int)number_member(json, "status", 0, &bad);
	rule.delay_ms = number_member(json, "delay_ms", 0, &bad);
	rule.close = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(json, "close"));
	if (headers && !cJSON_IsNull(headers)) {
		if (!cJSON_IsObject(headers))
			bad = 1;
		cJSON_ArrayForEach(h, headers)
			if (!cJSON_IsString(h))
				bad = 1;
		rule.headers = cJSON_Duplicate(headers, 1);
	}
	if (!bad && !rule.path)
		sbuf_addstr(err, "'path' is required");
	else if (bad)
		sbuf_addstr(err, "method, path, body and content_type must be strings, "
			    "count, status and delay_ms non-negative numbers, headers an object of strings");
	else if (rule.count < 1)
		sbuf_addstr(err, "'count' must be at least 1");
	else if (rule.delay_ms > FAIL_DELAY_MAX_MS)
		sbuf_addf(err, "'delay_ms' must be at most %ld", FAIL_DELAY_MAX_MS);
	else if (rule.status && (rule.status < 100 || rule.status > 599))
		sbuf_addf(err, "'status' must be an HTTP status, not %d", rule.status);
	else if (!rule.status && !rule.close && !rule.delay_ms)
		sbuf_addstr(err, "give 'status', 'close' or 'delay_ms'");
	if (err->len) {
		fail_rule_release(&rule);
		return -1;
	}
	ALLOC_GROW(ctl->rules, ctl->nr + 1, ctl->alloc);
	ctl->rules[ctl->nr++] = rule;
	return 0;
}

int take_fail_rule(struct controls *ctl, const char *method, const char *path,
		   struct fail_rule *out)
{
	for (int i = 0; i < ctl->nr; i++) {
		struct fail_rule *rule = &ctl->rules[i];

		if ((rule->method && strcasecmp(rule->method, method)) ||
		    !path_match(rule->path, path, NULL))
			continue;
		*out = *rule;
		out->method = dup_or_null(rule->method);
		out->path = dup_or_null(rule->path);
		out->body = dup_or_null(rule->body);
		out->content_type = dup_or_null(rule->content_type);
		out->headers = rule->headers ? cJSON_Duplicate(rule->headers, 1) : NULL;
		if (--rule->count <= 0) {
			fail_rule_release(rule);
			memmove(rule, rule + 1, (size_t)(ctl->nr - i - 1) * sizeof(*rule));
			ctl->nr--;
		}
		return 1;
	}
	return 0;
}
