/*
 * The warm connection between commands (config connection.keep): where the
 * account's connection keeper listens, starting it, and its state for
 * `syncro doctor`. The keeper itself (a hidden verb) is
 * connection-keeper.h; http.c sends through it.
 *
 * The keeper of the account whose base URL cache_dir_name() names NAME
 * listens on $XDG_RUNTIME_DIR/syncro/NAME.sock and holds
 * $XDG_RUNTIME_DIR/syncro/NAME.lock (locked while it runs, its pid in it)
 * the whole time; the socket's mtime is when it last served a request.
 * The directory is made 0700 and refused unless it is the user's own,
 * 0700 and not a symbolic link. Off with connection.keep 0, without
 * XDG_RUNTIME_DIR, on Windows, and when the socket's path is too long.
 */
#ifndef SYNCRO_CONNECTION_KEEP_H
#define SYNCRO_CONNECTION_KEEP_H

#include "sbuf.h"

struct syncro_config;

struct keep_where {
	char *socket;		/* owned: the socket's path; NULL when off */
	char *lock;		/* owned: the lock file's path; NULL when off */
	const char *off;	/* static: why it is off ("connection.keep is 0", ...); NULL when on */
	char *refused;		/* owned: the runtime directory refused, and why; else NULL */
};

/* Where cfg's keeper is, or why there is none. Release with keep_where_release(). */
void keep_where(const struct syncro_config *cfg, struct keep_where *w);
void keep_where_release(struct keep_where *w);

/*
 * Start `$SYNCRO __connection-keeper` in the background for the next
 * commands (it exits at once when another one holds the lock).
 */
void keep_start(void);

/* The running keeper's pid, from the lock it holds; 0 when none runs. */
long keep_running_pid(const char *lock);

/* Seconds left before the keeper at socket exits if idle (0: due now). */
long keep_idle_left(const struct syncro_config *cfg, const char *socket);

/* connection.keep's seconds as a person writes them: "10m", "9m58s", "2s", "1h", "0". */
void keep_add_duration(struct sbuf *sb, long seconds);

/* The response headers between the keeper and a verb (http.c, connection-keeper.c). */
#define KEEP_FAILURE_HEADER "X-Syncro-Keep-Failure"	/* http.h's failure, by name */
#define KEEP_ERROR_HEADER "X-Syncro-Keep-Error"		/* the message a direct failure has */
#define KEEP_SENT_HEADER "X-Syncro-Keep-Sent"		/* "maybe": it may have reached the API */

#endif
