/* Ticket references as users type them: the number, or the ticket's web URL. */
#ifndef SYNCRO_TICKET_NUMBER_H
#define SYNCRO_TICKET_NUMBER_H

/*
 * "32164" or "#32164" -> 32164; -1 for anything else (empty, signs, blanks,
 * trailing junk, zero, too large). The caller reports a usage error.
 * A ticket's web URL, https://SUB.syncromsp.com/tickets/ID (what 'ticket
 * --web' opens, carrying the internal id), is looked up with GET
 * /tickets/ID for its number, stored in the cache (dies, exit 4, if the
 * API has no such ticket).
 */
long ticket_number_parse(const char *s);

/*
 * The number of the ticket whose internal id is id: GET /tickets/ID, the
 * ticket stored in the cache. Dies (exit 4) when the API has no such ticket.
 */
long ticket_number_of_id(long id);

#endif
