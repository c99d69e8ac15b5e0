#include "compat.h"
#include <ctype.h>
#include "api.h"
#include "cache.h"
#include "json.h"
#include "ticket-number.h"
#include "xmalloc.h"

/* The ID of "http(s)://HOST/.../tickets/ID[/][?...][#...]"; else -1. */
static long web_url_ticket_id(const char *s)
{
	const char *p, *last = NULL;
	char *end;
	long id;

	if (strncmp(s, "https://", 8) && strncmp(s, "http://", 7))
		return -1;
	for (p = strstr(s, "/tickets/"); p; p = strstr(p + 1, "/tickets/"))
		last = p;
	if (!last || !isdigit((unsigned char)last[9]))
		return -1;
	errno = 0;
	id = strtol(last + 9, &end, 10);
	if (errno || id <= 0)
		return -1;
	if (*end == '/')
		end++;
	if (*end && *end != '?' && *end != '#')
		return -1;
	return id;
}

long ticket_number_of_id(long id)
{
	char *path = xstrfmt("/tickets/%ld", id);
	cJSON *t = api_unwrap(api_get(path, NULL), "ticket");
	long n = json_long(t, "number", -1);

	if (n > 0)
		cache_store_tickets(t);
	cJSON_Delete(t);
	free(path);
	return n;
}

long ticket_number_parse(const char *s)
{
	char *end;
	long n, id;

	if (!s)
		return -1;
	if ((id = web_url_ticket_id(s)) > 0)
		return ticket_number_of_id(id);
	if (*s == '#')
		s++;
	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno || *end || n <= 0)
		return -1;
	return n;
}
