/* Which ticket statuses count as done: what `syncro list` leaves out. */
#ifndef SYNCRO_TICKET_STATUS_H
#define SYNCRO_TICKET_STATUS_H

/*
 * Whether status (case-insensitive) is Resolved, Invoiced or Closed. The
 * API's "Not Closed" pseudo-status leaves out Resolved only, so callers
 * filter the rest themselves.
 */
int ticket_status_done(const char *status);

#endif
