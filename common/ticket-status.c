#include "compat.h"
#include "ticket-status.h"

int ticket_status_done(const char *status)
{
	static const char *const done[] = { "Resolved", "Invoiced", "Closed" };

	for (size_t i = 0; status && i < ARRAY_SIZE(done); i++)
		if (!strcasecmp(status, done[i]))
			return 1;
	return 0;
}
