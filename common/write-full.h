/* Writing that does not stop at a short write or a signal. */
#ifndef SYNCRO_WRITE_FULL_H
#define SYNCRO_WRITE_FULL_H

#include <stddef.h>

/* Write all len bytes of buf to fd; 0, or -1 with errno. */
int write_in_full(int fd, const void *buf, size_t len);

#endif
