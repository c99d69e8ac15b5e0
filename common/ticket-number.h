/* Ticket references as users type them: the number, never the internal id. */
#ifndef SYNCRO_TICKET_NUMBER_H
#define SYNCRO_TICKET_NUMBER_H

/*
 * "32164" or "#32164" -> 32164; -1 for anything else (empty, signs, blanks,
 * trailing junk, zero, too large). The caller reports a usage error.
 */
long ticket_number_parse(const char *s);

#endif
