/*
 * syncro api: one authenticated request, for scripts and third-party verbs,
 * which never hold the key themselves. Prints the JSON answer; the exit
 * code says how it went (see syncro(1)).
 */
#include "compat.h"
#include <ctype.h>
#include "api.h"
#include "json.h"
#include "output.h"
#include "parse-options.h"
#include "usage.h"
#include "xmalloc.h"

static const char *method;
static struct strvec fields = STRVEC_INIT;
static const char *input;
static int paginate, include;

static const struct option_spec options[] = {
	OPT_CHOICE('X', "method", &method, "METHOD",
		   "the HTTP method (default GET, or POST with --input)",
		   "GET POST PUT PATCH DELETE"),
	OPT_LIST('f', "field", &fields, "KEY=VALUE",
		 "a body field for POST/PUT/PATCH, a query parameter otherwise", COMPLETE_NONE),
	OPT_STRING_C(0, "input", &input, "FILE",
		     "send the JSON in FILE ('-' for stdin) as the body", COMPLETE_FILE),
	OPT_BOOL(0, "paginate", &paginate, "fetch every page and print one array of all items"),
	OPT_BOOL('i', "include", &include, "print the status line and headers before the body"),
	OPT_EXCLUSIVE("input field"),
	OPT_EXCLUSIVE("paginate include"),
	OPT_EXAMPLE("syncro api /me",
		    "show the account behind the key"),
	OPT_EXAMPLE("syncro api --paginate '/tickets?status=Not Closed' | jq length",
		    "all open tickets as one array, for jq"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"api", "syncro api [-X METHOD] PATH [-f KEY=VALUE]... [--input FILE|-] [--paginate] [-i]",
	"make an authenticated API request (for scripts)", options, COMPLETE_NONE,
};

/* A JSON number as the grammar has it: no leading zeros, no hex, no blanks. */
static int is_json_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (isdigit((unsigned char)*s))
		while (isdigit((unsigned char)*s))
			s++;
	else
		return 0;
	if (*s == '.') {
		if (!isdigit((unsigned char)*++s))
			return 0;
		while (isdigit((unsigned char)*s))
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!isdigit((unsigned char)*s))
			return 0;
		while (isdigit((unsigned char)*s))
			s++;
	}
	return !*s;
}

/* -f KEY=VALUE as a typed JSON value: numbers, true, false, null; else a string. */
static cJSON *field_value(const char *value)
{
	if (!strcmp(value, "true"))
		return cJSON_CreateTrue();
	if (!strcmp(value, "false"))
		return cJSON_CreateFalse();
	if (!strcmp(value, "null"))
		return cJSON_CreateNull();
	if (is_json_number(value)) {
		cJSON *n = json_parse(value, strlen(value));

		if (n)
			return n;
	}
	return cJSON_CreateString(value);
}

static cJSON *fields_body(void)
{
	cJSON *body = cJSON_CreateObject();

	for (size_t i = 0; i < fields.nr; i++) {
		char *eq = strchr(fields.v[i], '=');
		char *key = xstrndup(fields.v[i], (size_t)(eq - fields.v[i]));

		cJSON_DeleteItemFromObjectCaseSensitive(body, key);
		cJSON_AddItemToObject(body, key, field_value(eq + 1));
		free(key);
	}
	return body;
}

static cJSON *input_body(void)
{
	struct sbuf text = SBUF_INIT;
	cJSON *body;
	int rc = strcmp(input, "-") ? sbuf_read_file(&text, input) : sbuf_read_fd(&text, 0);

	if (rc < 0)
		die_errno("cannot read '%s'", input);
	body = json_parse(text.buf, text.len);
	sbuf_release(&text);
	if (!body)
		die_with(EXIT_USAGE, "'%s' does not hold one JSON value", input);
	return body;
}

/* The status line and headers as they came, without the CRs. */
static void print_headers(const struct sbuf *headers)
{
	for (size_t i = 0; i < headers->len; i++)
		if (headers->buf[i] != '\r')
			putchar(headers->buf[i]);
}

/* Each page is printed as it comes: memory stays that of one page. */
static int add_page(const cJSON *items, void *data)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, items)
		json_array_add(data, item);
	fflush(stdout);
	return 0;
}

static int has_param(const char *path, const struct strvec *query, const char *name)
{
	const char *q = strchr(path, '?');
	size_t n = strlen(name);

	for (size_t i = 0; i < query->nr; i++)
		if (!strncmp(query->v[i], name, n) && query->v[i][n] == '=')
			return 1;
	while (q) {
		q++;
		if (!strncmp(q, name, n) && q[n] == '=')
			return 1;
		q = strchr(q, '&');
	}
	return 0;
}

static int run_paginated(const char *path, const struct strvec *query)
{
	struct json_array_out all = JSON_ARRAY_OUT_INIT;

	api_paginate(path, query, NULL, has_param(path, query, "per_page") ? 0 : 100,
		     add_page, &all);
	json_array_end(&all);
	return 0;
}

int main(int argc, char **argv)
{
	struct strvec query = STRVEC_INIT;
	struct http_response resp = HTTP_RESPONSE_INIT;
	struct api_error err = API_ERROR_INIT;
	struct api_request req = { 0 };
	cJSON *body = NULL, *out = NULL;
	char *upper;
	int has_body, ret;

	argc = parse_options(&verb, argc, argv);
	if (argc != 1)
		usage_error(&verb, argc ? "too many arguments" : "which path? e.g. '/tickets'");
	upper = xstrdup(method ? method : input ? "POST" : "GET");
	for (char *p = upper; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	if (strcmp(upper, "GET") && strcmp(upper, "POST") && strcmp(upper, "PUT") &&
	    strcmp(upper, "PATCH") && strcmp(upper, "DELETE"))
		usage_error(&verb, "unknown method '%s'; use GET, POST, PUT, PATCH or DELETE", method);
	for (size_t i = 0; i < fields.nr; i++)
		if (!strchr(fields.v[i], '=') || fields.v[i][0] == '=')
			usage_error(&verb, "field '%s' is not KEY=VALUE", fields.v[i]);
	has_body = !strcmp(upper, "POST") || !strcmp(upper, "PUT") || !strcmp(upper, "PATCH");
	if (input && !has_body)
		usage_error(&verb, "--input needs a method with a body (POST, PUT or PATCH)");
	if (paginate && strcmp(upper, "GET"))
		usage_error(&verb, "--paginate works with GET only");

	if (input)
		body = input_body();
	else if (has_body)
		body = fields_body();
	else
		for (size_t i = 0; i < fields.nr; i++)
			strvec_push(&query, fields.v[i]);

	if (paginate) {
		ret = run_paginated(argv[0], &query);
		strvec_clear(&query);
		strvec_clear(&fields);
		free(upper);
		return ret;
	}

	req.method = upper;
	req.path = argv[0];
	req.query = &query;
	req.body = body;
	ret = api_exchange(&req, &resp, &out, &err);
	if (!out && ret) {	/* an error body that is JSON is shown too, like a success */
		http_redact_key(&resp.body);	/* without the key, if it echoes it */
		out = json_parse(resp.body.buf, resp.body.len);
	}
	if (include) {
		http_redact_key(&resp.headers);	/* a Location or cookie may echo it too */
		print_headers(&resp.headers);
	}
	if (out)
		output_json(out);
	else if (include) {
		http_redact_key(&resp.body);
		fwrite(resp.body.buf, 1, resp.body.len, stdout);
	}
	cJSON_Delete(out);
	cJSON_Delete(body);
	http_response_release(&resp);
	strvec_clear(&query);
	strvec_clear(&fields);
	free(upper);
	if (ret)
		api_die(&err);
	return 0;
}
