/*
 * cache-writer: many small writes to the ticket cache, one at a time, so
 * that a shell test can run several at once (t2012-cache-concurrency.sh).
 *
 *   cache-writer store FIRST COUNT    store tickets FIRST.. (id 10 * number),
 *                                     one cache_store_tickets() each
 *   cache-writer forget FIRST COUNT   cache_forget_ticket() each of them
 */
#include "compat.h"
#include "cache.h"
#include "usage.h"

static long arg_long(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*end || n < 0)
		die_with(EXIT_USAGE, "'%s' is not a count", s);
	return n;
}

int main(int argc, char **argv)
{
	long first, count;
	int store;

	set_program_name("cache-writer");
	if (argc != 4 || (strcmp(argv[1], "store") && strcmp(argv[1], "forget")))
		die_with(EXIT_USAGE, "usage: cache-writer store|forget FIRST COUNT");
	store = !strcmp(argv[1], "store");
	first = arg_long(argv[2]);
	count = arg_long(argv[3]);
	for (long n = first; n < first + count; n++) {
		cJSON *t = cJSON_CreateObject();
		int ret;

		cJSON_AddNumberToObject(t, "number", (double)n);
		cJSON_AddNumberToObject(t, "id", (double)(n * 10));
		cJSON_AddStringToObject(t, "status", "New");
		cJSON_AddStringToObject(t, "subject", "written in parallel");
		ret = store ? cache_store_tickets(t) : cache_forget_ticket(n);
		cJSON_Delete(t);
		if (ret)
			die("cannot %s ticket %ld", argv[1], n);
	}
	return 0;
}
