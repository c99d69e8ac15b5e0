#include "compat.h"
#include "cache-refresh.h"
#include "ticket-list.h"
#include "ticket-settings.h"

long cache_refresh(void)
{
	struct strvec query = STRVEC_INIT;
	struct ticket_list *tl;
	size_t open;

	tl = ticket_list_new(TICKET_LIST_OPEN | TICKET_LIST_QUIET | TICKET_LIST_COMPLETE, 0);
	strvec_push(&query, "status=Not Closed");
	ticket_list_fetch(tl, &query);
	strvec_clear(&query);
	open = ticket_list_finish(tl);
	ticket_settings();
	return (long)open;
}
