/*
 * One ticket for people, as `syncro ticket N` shows it: its fields, the
 * latest comments, time entries, labor lines and where its billing
 * stands, all from GET /tickets/ID alone (no further request).
 */
#ifndef SYNCRO_TICKET_VIEW_H
#define SYNCRO_TICKET_VIEW_H

#include <cjson/cJSON.h>

/* The comments shown unless the user asks for all of them. */
#define TICKET_VIEW_COMMENTS 5

/*
 * Print ticket (the unwrapped object of GET /tickets/ID, borrowed) on
 * stdout. comments: how many of the latest to show (< 0: all).
 */
void ticket_view_print(const cJSON *ticket, long comments);

/*
 * The name of a time entry's labor product, without a request: the
 * ticket line it was charged to, else a line of the ticket with the same
 * product, else the config's labor alias for it ("remote"), else
 * "product ID". A static or borrowed string, valid until the next call.
 */
const char *ticket_view_timer_product(const cJSON *ticket, const cJSON *timer);

#endif
