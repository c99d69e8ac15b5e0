/*
 * Unix sockets that only their user may use: a private directory (0700,
 * owned by the user, not a symbolic link) to hold them, a listening
 * socket in it, and the peer's uid checked on each connection. Off on
 * Windows: each function fails with ENOSYS there.
 */
#ifndef SYNCRO_USER_SOCKET_H
#define SYNCRO_USER_SOCKET_H

#include "sbuf.h"

/* Whether this system has them (not Windows). */
int user_socket_supported(void);

/*
 * Make dir (mode 0700) unless it exists, then check it is a directory of
 * ours that nobody else may use: 0, or -1 with err saying why.
 */
int user_socket_dir(const char *dir, struct sbuf *err);

/* Whether path fits in a socket address. */
int user_socket_path_fits(const char *path);

/* A socket bound and listening at path (which must not exist): its fd, or -1 (errno set). */
int user_socket_listen(const char *path);

/* Whether the process at the other end of connected socket fd is of our uid. */
int user_socket_peer_is_me(int fd);

#endif
