#include "compat.h"
#include "api-error.h"
#include "config.h"
#include "json.h"
#include "sbuf.h"
#include "usage.h"
#include "xmalloc.h"

/* Append the text of v: strings as they are, arrays and objects joined. */
static void add_words(struct sbuf *out, const cJSON *v, const char *field)
{
	const cJSON *item;

	if (cJSON_IsString(v) && v->valuestring) {
		struct sbuf one = SBUF_INIT;

		sbuf_addstr(&one, v->valuestring);
		sbuf_trim(&one);
		if (one.len) {
			if (out->len)
				sbuf_addstr(out, "; ");
			if (field)
				sbuf_addf(out, "%s ", field);
			sbuf_addstr(out, one.buf);
		}
		sbuf_release(&one);
	} else if (cJSON_IsArray(v)) {
		cJSON_ArrayForEach(item, v)
			add_words(out, item, field);
	} else if (cJSON_IsObject(v)) {
		cJSON_ArrayForEach(item, v)
			add_words(out, item, item->string);
	}
}

/* {"customer_id":["can't be blank"],"date":[...]}: every member is messages. */
static int field_messages_only(const cJSON *body)
{
	const cJSON *member, *item;
	int any = 0;

	cJSON_ArrayForEach(member, body) {
		if (!strcmp(member->string, "success") || !strcmp(member->string, "params"))
			continue;
		if (!cJSON_IsArray(member))
			return 0;
		cJSON_ArrayForEach(item, member)
			if (!cJSON_IsString(item))
				return 0;
		any = 1;
	}
	return any;
}

char *api_error_words(const cJSON *body)
{
	static const char *const fields[] = { "error", "errors", "message" };
	struct sbuf out = SBUF_INIT;

	if (cJSON_IsString(body) || cJSON_IsArray(body)) {
		add_words(&out, body, NULL);
	} else if (cJSON_IsObject(body)) {
		for (size_t i = 0; i < ARRAY_SIZE(fields) && !out.len; i++)
			add_words(&out, cJSON_GetObjectItemCaseSensitive(body, fields[i]), NULL);
		if (!out.len && field_messages_only(body))
			add_words(&out, body, NULL);
	}
	if (!out.len) {
		sbuf_release(&out);
		return NULL;
	}
	return sbuf_detach(&out, NULL);
}

/* Endpoint -> permission, from "Required permission:" in the OpenAPI file. */
static const struct {
	const char *method, *pattern, *permission;
} permissions[] = {
	{ "GET", "/tickets", "Tickets - List/Search" },
	{ "POST", "/tickets", "Tickets - Create" },
	{ "GET", "/tickets/settings", NULL },
	{ "GET", "/tickets/*", "Tickets - View Details" },
	{ "PUT", "/tickets/*", "Tickets - Edit" },
	{ "DELETE", "/tickets/*", "Tickets - Delete" },
	{ "GET", "/tickets/*/comments", "Tickets - View Details" },
	{ "POST", "/tickets/*/comment", "Tickets - Edit" },
	{ "POST", "/tickets/*/add_line_item", "Tickets - Edit" },
	{ "POST", "/tickets/*/remove_line_item", "Tickets - Edit" },
	{ "PUT", "/tickets/*/update_line_item", "Tickets - Edit" },
	{ "POST", "/tickets/*/timer_entry", "Ticket Timers - Overview" },
	{ "PUT", "/tickets/*/update_timer_entry", "Ticket Timers - Overview" },
	{ "POST", "/tickets/*/delete_timer_entry", "Ticket Timers - Overview" },
	{ "POST", "/tickets/*/charge_timer_entry", "Ticket Timers - Overview" },
	{ "GET", "/ticket_timers", "Ticket Timers - Overview" },
	{ "GET", "/customers", "Customers - List/Search" },
	{ "POST", "/customers", "Customers - Create" },
	{ "GET", "/customers/*", "Customers - View Detail" },
	{ "PUT", "/customers/*", "Customers - Edit" },
	{ "DELETE", "/customers/*", "Customers - Delete" },
	{ "GET", "/contacts", "Customers - View Detail" },
	{ "GET", "/contacts/*", "Customers - View Detail" },
	{ "GET", "/invoices", "Invoices - List/Search" },
	{ "POST", "/invoices", "Invoices - Create" },
	{ "GET", "/invoices/*", "Invoices - View Details" },
	{ "POST", "/invoices/*/line_items", "Invoices - Edit" },
	{ "GET", "/products", "Products - List/Search" },
	{ "GET", "/products/*", "Products - List/Search" },
};

/* Does path (no query) match pattern, where * is one segment? */
static int path_matches(const char *path, size_t len, const char *pattern)
{
	const char *p = path, *end = path + len;

	while (*pattern) {
		if (*pattern == '*') {
			const char *seg = p;

			while (p < end && *p != '/')
				p++;
			if (p == seg)
				return 0;
			pattern++;
		} else {
			if (p == end || *p != *pattern)
				return 0;
			p++;
			pattern++;
		}
	}
	return p == end;
}

const char *api_permission(const char *method, const char *path)
{
	size_t len = strcspn(path, "?#");
	int relative = *path != '/';

	while (len > 1 && path[len - 1] == '/')
		len--;
	for (size_t i = 0; i < ARRAY_SIZE(permissions); i++)
		if (!strcasecmp(method, permissions[i].method) &&
		    path_matches(path, len, permissions[i].pattern + relative))
			return permissions[i].permission;
	return NULL;
}

void api_error_release(struct api_error *err)
{
	free(err->message);
	free(err->hint);
	err->message = err->hint = NULL;
	err->code = 0;
	err->status = 0;
	err->unsent = 0;
}

static int in_doctor;

void api_error_hints_in_doctor(void)
{
	in_doctor = 1;
}

/*
 * hint (owned) as it is, or in 'syncro doctor' itself without the clause
 * that sends the user to 'syncro doctor'.
 */
static char *doctor_cut(char *hint)
{
	char *p = in_doctor && hint ? strstr(hint, "'syncro doctor'") : NULL, *cut = NULL;

	if (!p)
		return hint;
	for (char *q = hint; (q = strstr(q, "; ")) && q < p; q++)
		cut = q;
	if (!cut)
		cut = strstr(hint, " with 'syncro doctor'");
	if (cut)
		*cut = '\0';
	return hint;
}

int api_error_set(struct api_error *err, int code, long status, char *message, char *hint)
{
	api_error_release(err);
	err->code = code;
	err->status = status;
	err->message = message;
	err->hint = doctor_cut(hint);
	return -1;
}

static const char *failure_name(enum http_failure failure)
{
	switch (failure) {
	case HTTP_DONE:
		return "done";
	case HTTP_REFUSED:
		return "refused";
	case HTTP_CONNECT:
		return "cannot connect";
	case HTTP_DNS:
		return "host not found";
	case HTTP_TLS:
		return "TLS failure";
	case HTTP_TIMEOUT:
		return "timeout";
	case HTTP_CLOSED:
		return "connection closed";
	case HTTP_TOO_BIG:
		return "response too large";
	case HTTP_OTHER:
		break;
	}
	return "transfer failed";
}

/*
 * Every path of the Syncro API is under /api/v1: a 404 from a base URL
 * that does not end so is most likely that, not a missing record.
 */
static char *base_url_hint(void)
{
	const struct syncro_config *cfg = config_get();
	const char *base = cfg->base_url;
	size_t len = base ? strlen(base) : 0;

	if (!base || (len >= 7 && !strcmp(base + len - 7, "/api/v1")))
		return NULL;
	return xstrfmt("the base URL '%s' (from %s) probably lacks '/api/v1', as in "
		       "https://SUB.syncromsp.com/api/v1", base,
		       cfg->base_url_from ? cfg->base_url_from : "the config");
}

static void transport_error(struct api_error *err, const struct http_response *resp,
			    const char *request)
{
	const char *why = resp->error && *resp->error ? resp->error : failure_name(resp->failure);

	switch (resp->failure) {
	case HTTP_REFUSED:
		api_error_set(err, EXIT_USAGE, 0, xstrdup(why), NULL);
		break;
	case HTTP_TIMEOUT:
		api_error_set(err, EXIT_NETWORK, 0,
			      xstrfmt("no answer from the Syncro API to '%s' in time: %s", request, why),
			      xstrdup("try again; if it keeps happening, raise 'timeout' in config.yaml"));
		break;
	case HTTP_TOO_BIG:
		api_error_set(err, EXIT_NETWORK, 0, xstrfmt("the answer to '%s' is too large: %s", request, why),
			      xstrdup("ask for less, e.g. one page at a time"));
		break;
	case HTTP_TLS:
		api_error_set(err, EXIT_NETWORK, 0,
			      xstrfmt("TLS failure talking to the Syncro API for '%s': %s", request, why),
			      xstrdup("check the system clock and CA certificates; syncro never turns verification off"));
		break;
	case HTTP_CLOSED:
		api_error_set(err, EXIT_NETWORK, 0,
			      xstrfmt("the Syncro API closed the connection during '%s': %s", request, why),
			      xstrdup("try again; 'syncro doctor' checks the connection"));
		break;
	default:
		api_error_set(err, EXIT_NETWORK, 0,
			      xstrfmt("cannot reach the Syncro API for '%s': %s", request, why),
			      xstrdup("check the network and the base URL with 'syncro doctor'"));
		break;
	}
	/* Refused, no connection, no such host, no TLS session: nothing went out. */
	err->unsent = resp->failure == HTTP_REFUSED || resp->failure == HTTP_CONNECT ||
		resp->failure == HTTP_DNS || resp->failure == HTTP_TLS;
}

void api_error_from_response(struct api_error *err, const struct http_response *resp,
			     const char *method, const char *path, const char *what)
{
	const char *ctype = resp->content_type ? resp->content_type : "no content type";
	char *request = xstrfmt("%s %.*s", method, (int)strcspn(path, "?"), path);
	cJSON *body = NULL;
	char *words = NULL;
	long status = resp->status;

	if (resp->failure != HTTP_DONE) {
		transport_error(err, resp, request);
		free(request);
		return;
	}
	if (resp->body.len)
		body = json_parse(resp->body.buf, resp->body.len);
	if (body)
		words = api_error_words(body);

	if (status == 401 || status == 403) {
		const char *perm = api_permission(method, path);

		api_error_set(err, EXIT_AUTH, status,
			      xstrfmt("the Syncro API refused '%s' (%ld): %s", request, status,
				      words ? words : "not authorized"),
			      perm ? xstrfmt("the API key may be wrong or expired, or lack the permission '%s'; "
					     "check it with 'syncro doctor'", perm)
				   : xstrdup("the API key may be wrong or expired, or lack a permission this "
					     "request needs; check it with 'syncro doctor'"));
	} else if (status == 404) {
		api_error_set(err, EXIT_NOT_FOUND, status,
			      what ? xstrfmt("%s not found", what)
				   : xstrfmt("'%.*s' not found", (int)strcspn(path, "?"), path),
			      base_url_hint());
	} else if (status == 413) {
		api_error_set(err, EXIT_REJECTED, status,
			      xstrfmt("the Syncro API refused '%s' as too large (413)", request),
			      xstrdup("shorten the text (or attach the rest as a file in Syncro's web "
				      "app), then send it again"));
	} else if (status == 429 && resp->retry_after > 0) {
		api_error_set(err, EXIT_RATE_LIMITED, status,
			      xstrfmt("rate limited by the Syncro API on '%s', which asks to wait %ld s",
				      request, resp->retry_after),
			      xstrdup("try again later; other programs on this network may share the limit"));
	} else if (status == 429) {
		api_error_set(err, EXIT_RATE_LIMITED, status,
			      xstrfmt("rate limited by the Syncro API on '%s', still after %d retries",
				      request, HTTP_RATE_RETRIES),
			      xstrdup("wait a minute and try again; other programs on this network may share the limit"));
	} else if (resp->body.len && !body && json_too_many_values(resp->body.buf, resp->body.len)) {
		api_error_set(err, EXIT_NETWORK, status,
			      xstrfmt("the Syncro API answered '%s' with %ld and a body of more than %d "
				      "JSON values, more than any answer is read with", request, status,
				      JSON_MAX_VALUES),
			      xstrdup("ask for less (a smaller per_page, a filter), or try again later"));
	} else if (resp->body.len && !body) {
		api_error_set(err, EXIT_NETWORK, status,
			      xstrfmt("the Syncro API answered '%s' with %ld and a body that is not JSON (%s)",
				      request, status, ctype),
			      xstrdup(status < 400 ?
				      "a login page or a proxy may be in the way; check the base URL with 'syncro doctor'" :
				      "try again later; 'syncro doctor' checks the connection"));
	} else if (status == 400 || status == 422) {
		/* "the change to ticket #32163", not its internal id's path */
		char *rejected = !what ? xstrfmt("'%s'", request) :
			xstrfmt("the %s %s", strcmp(method, "GET") ? "change to" : "request for", what);

		api_error_set(err, EXIT_REJECTED, status,
			      words ? xstrfmt("the Syncro API rejected %s: %s", rejected, words)
				    : xstrfmt("the Syncro API rejected %s (%ld) without saying why",
					      rejected, status),
			      NULL);
		free(rejected);
	} else if (status >= 500) {
		api_error_set(err, EXIT_NETWORK, status,
			      words ? xstrfmt("the Syncro API failed on '%s' with %ld (%s): %s",
					      request, status, ctype, words)
				    : xstrfmt("the Syncro API failed on '%s' with %ld (%s)",
					      request, status, ctype),
			      xstrdup("try again later; Syncro may be having trouble"));
	} else {
		api_error_set(err, EXIT_ERROR, status,
			      words ? xstrfmt("the Syncro API answered '%s' with %ld: %s", request, status, words)
				    : xstrfmt("the Syncro API answered '%s' with %ld (%s)", request, status, ctype),
			      NULL);
	}
	free(words);
	cJSON_Delete(body);
	free(request);
}

void api_error_print(const struct api_error *err, const struct strvec *hints)
{
	fflush(stdout);
	die_message(err->message && *err->message ? err->message : "the request failed");
	if (err->hint)
		hint("%s", err->hint);
	for (size_t i = 0; hints && i < hints->nr; i++)
		hint("%s", hints->v[i]);
}

_Noreturn void api_die_hints(struct api_error *err, const struct strvec *hints)
{
	int code = err->code ? err->code : EXIT_ERROR;

	api_error_print(err, hints);
	api_error_release(err);
	exit(code);
}

_Noreturn void api_die(struct api_error *err)
{
	api_die_hints(err, NULL);
}
