/* Writing that does not stop at a short write or a signal, and files replaced whole. */
#ifndef SYNCRO_WRITE_FULL_H
#define SYNCRO_WRITE_FULL_H

#include <stddef.h>

/* Write all len bytes of buf to fd; 0, or -1 with errno. */
int write_in_full(int fd, const void *buf, size_t len);

/*
 * Replace the file at path with data, so that a reader (or a crash) sees
 * the old file or the new one, never half of it: its directory is made
 * (mode 0700), then a temporary file beside it (mode 0600) is written,
 * fsync'ed and renamed over path. 0, or -1 with errno (the temporary file
 * is removed).
 */
int write_file_atomic(const char *path, const char *data, size_t len);

#endif
