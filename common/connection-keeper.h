/*
 * The connection keeper: what `syncro __connection-keeper` runs, started
 * in the background by the first command that finds none
 * (connection-keep.h). It listens on the account's socket and sends each
 * request a verb makes there (plain HTTP/1.1: method, path and query,
 * headers, body) once to the account's base URL on its own kept-alive
 * connection, answering the API's status, headers and body. A request
 * that fails gets 502 with KEEP_FAILURE_HEADER (http.h's failure),
 * KEEP_ERROR_HEADER (the message) and KEEP_SENT_HEADER ("maybe" when it
 * may have reached the API, else "no"), so the verb reports what a direct
 * failure reports and never sends a POST again that may have gone.
 *
 * Only peers of our own uid are served. The key arrives in each request
 * and is wiped once it is forwarded; the keeper has none of its own. It
 * exits after connection.keep seconds without a request, and at once when
 * another keeper holds the account's lock or the keeper is off.
 */
#ifndef SYNCRO_CONNECTION_KEEPER_H
#define SYNCRO_CONNECTION_KEEPER_H

/* Serve until idle: 0, or 1 when the socket cannot be made. */
int keeper_serve(void);

#endif
