/*
 * api-probe: drives the parts of common/api that no verb of its own shows,
 * for the shell tests (t0405-api-library.sh).
 *
 *   api-probe resolve N             print the id of ticket number N
 *   api-probe ticket N [SUFFIX]     GET /tickets/ID{SUFFIX}; print id and subject
 *   api-probe cache-store JSON      store ticket objects in the cache
 *   api-probe paginate PATH KEY PER_PAGE [STOP_AFTER]
 *                                   print one line per page: its size and numbers
 *   api-probe dry-run METHOD PATH [JSON]
 *   api-probe gently N              api_ticket_id_gently: "id" or "code: message"
 *   api-probe get PATH [CAP]        api_get, with the body cap set to CAP bytes
 *   api-probe get-many PATH...      api_get_many: "CODE PATH" per path (0: a JSON answer)
 * A first argument -v traces the requests (opt_verbose).
 *   api-probe get-post PATH SECONDS POST_PATH JSON
 *                                   api_get, a pause, then api_post (connection reuse)
 */
#include "compat.h"
#include "api.h"
#include "cache.h"
#include "json.h"
#include "output.h"
#include "parse-options.h"
#include "ratelimit.h"
#include "usage.h"
#include "xmalloc.h"

struct pages {
	int seen, stop_after;
};

static int print_page(const cJSON *items, void *data)
{
	struct pages *p = data;
	const cJSON *item;

	printf("%d:", cJSON_GetArraySize(items));
	cJSON_ArrayForEach(item, items)
		printf(" %ld", json_long(item, "number", json_long(item, "id", -1)));
	putchar('\n');
	return ++p->seen == p->stop_after ? 42 : 0;
}

static long number_arg(const char *s)
{
	long n = ticket_number_parse(s);

	if (n < 0)
		die_with(EXIT_USAGE, "'%s' is not a ticket number", s);
	return n;
}

int main(int argc, char **argv)
{
	set_program_name("api-probe");
	if (argc > 1 && !strcmp(argv[1], "-v")) {
		opt_verbose = 1;
		argv++;
		argc--;
	}
	if (argc < 3)
		die_with(EXIT_USAGE, "usage: api-probe resolve|ticket|cache-store|paginate|dry-run|gently ...");
	if (!strcmp(argv[1], "resolve")) {
		printf("%ld\n", api_ticket_id(number_arg(argv[2])));
	} else if (!strcmp(argv[1], "gently")) {
		struct api_error err = API_ERROR_INIT;
		long id = api_ticket_id_gently(number_arg(argv[2]), &err);

		if (id < 0)
			printf("%d: %s\n", err.code, err.message);
		else
			printf("%ld\n", id);
		api_error_release(&err);
	} else if (!strcmp(argv[1], "ticket")) {
		cJSON *t = api_unwrap(api_ticket(number_arg(argv[2]), "GET",
						 argc > 3 ? argv[3] : "", NULL), "ticket");

		printf("%ld %s\n", json_long(t, "id", -1), json_string(t, "subject", "?"));
		cJSON_Delete(t);
	} else if (!strcmp(argv[1], "cache-store")) {
		cJSON *v = json_parse(argv[2], strlen(argv[2]));

		if (!v || cache_store_tickets(v))
			die("cannot store '%s'", argv[2]);
		cJSON_Delete(v);
	} else if (!strcmp(argv[1], "paginate") && argc >= 5) {
		struct pages p = { 0, argc > 5 ? (int)strtol(argv[5], NULL, 10) : 0 };
		int ret = api_paginate(argv[2], NULL, *argv[3] ? argv[3] : NULL,
				       (int)strtol(argv[4], NULL, 10), print_page, &p);

		printf("returned %d\n", ret);
	} else if (!strcmp(argv[1], "get")) {
		cJSON *v;

		if (argc > 3)
			http_set_body_cap(strtol(argv[3], NULL, 10));
		v = api_get(argv[2], NULL);
		output_json(v);
		cJSON_Delete(v);
	} else if (!strcmp(argv[1], "get-many")) {
		size_t n = (size_t)argc - 2;
		struct api_request *reqs = xcalloc(n, sizeof(*reqs));
		struct api_error *errs = xcalloc(n, sizeof(*errs));
		cJSON **outs = xcalloc(n, sizeof(*outs));

		for (size_t i = 0; i < n; i++) {
			struct api_error init = API_ERROR_INIT;

			reqs[i].path = argv[i + 2];
			errs[i] = init;
		}
		api_get_many(reqs, n, outs, errs);
		for (size_t i = 0; i < n; i++) {
			printf("%d %s\n", outs[i] ? 0 : errs[i].code, reqs[i].path);
			cJSON_Delete(outs[i]);
			api_error_release(&errs[i]);
		}
		free(reqs);
		free(errs);
		free(outs);
	} else if (!strcmp(argv[1], "get-post") && argc >= 6) {
		cJSON *body = json_parse(argv[5], strlen(argv[5]));

		cJSON_Delete(api_get(argv[2], NULL));
		sleep_seconds(strtod(argv[3], NULL));
		cJSON_Delete(api_post(argv[4], body));
		cJSON_Delete(body);
	} else if (!strcmp(argv[1], "dry-run") && argc >= 4) {
		cJSON *body = argc > 4 ? json_parse(argv[4], strlen(argv[4])) : NULL;
		struct api_request req = { argv[2], argv[3], NULL, body, NULL };

		api_print_request(stdout, &req);
		cJSON_Delete(body);
	} else {
		die_with(EXIT_USAGE, "unknown probe '%s'", argv[1]);
	}
	return 0;
}
