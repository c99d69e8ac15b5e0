/*
 * The first include of every source file: the system headers nearly all of
 * them need, then banned.h, which must come after them (mingw's <time.h>
 * and <stdio.h> define inline functions with banned names, so both come
 * first here).
 */
#ifndef SYNCRO_COMPAT_H
#define SYNCRO_COMPAT_H

/* MinGW: C99 printf and scanf (%zu, %lld), not the Microsoft C runtime's */
#if defined(_WIN32) && !defined(__USE_MINGW_ANSI_STDIO)
#define __USE_MINGW_ANSI_STDIO 1
#endif
/* MinGW: rand_s() for mkstemps() */
#if defined(_WIN32) && !defined(_CRT_RAND_S)
#define _CRT_RAND_S
#endif

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#ifdef _WIN32
#include "compat-win32.h"
#endif

#include "banned.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* What separates PATH's entries */
#ifdef _WIN32
#define PATH_SEP ';'
#define PATH_SEP_STR ";"
#else
#define PATH_SEP ':'
#define PATH_SEP_STR ":"
#endif

/* printf-like checking; MinGW's C99 printf is __MINGW_PRINTF_FORMAT, not MS printf */
#ifdef __MINGW_PRINTF_FORMAT
#define PRINTF_LIKE(f, a) __attribute__((format(__MINGW_PRINTF_FORMAT, f, a)))
#else
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#endif

/* Whether path is absolute: "/x", and on Windows "C:/x", "C:\x", "\\server" too. */
static inline int is_absolute_path(const char *path)
{
#ifdef _WIN32
	if (((path[0] >= 'A' && path[0] <= 'Z') || (path[0] >= 'a' && path[0] <= 'z')) &&
	    path[1] == ':' && (path[2] == '/' || path[2] == '\\'))
		return 1;
	if (path[0] == '\\')
		return 1;
#endif
	return path[0] == '/';
}

/* Whether s begins with prefix (every string begins with ""). */
static inline int starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

#endif
