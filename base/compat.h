/*
 * The first include of every source file: the system headers nearly all of
 * them need, then banned.h, which must come after them.
 */
#ifndef SYNCRO_COMPAT_H
#define SYNCRO_COMPAT_H

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "banned.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Whether s begins with prefix (every string begins with ""). */
static inline int starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

#endif
