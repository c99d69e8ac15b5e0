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

/*
 * Both platforms (base/compat-posix.c, base/compat-win32.c):
 * compat_self_path: the full path of the running program, '/' separated,
 * or NULL; static. compat_exec: run program with argv in place of this
 * process: execv, and on Windows (no exec) spawn it, wait, and exit with
 * its code, as git's mingw_execv; returns only when it cannot run it.
 */
const char *compat_self_path(void);
void compat_exec(const char *program, char *const *argv);

/*
 * compat_owned_by_me: 1 when path is the current user's (or root's; on
 * Windows the Administrators' while the user is one of them, as git's
 * is_path_owned_by_current_sid), 0 when someone else's, -1 (errno set)
 * when its owner cannot be read. compat_others_may: 1 when someone but
 * the owner, the user and root (SYSTEM, Administrators) may write it
 * (write) or read it (!write) by its mode bits or on Windows its ACL; 0
 * when not; -1 (errno set) when that cannot be read.
 */
int compat_owned_by_me(const char *path);
int compat_others_may(const char *path, int write);
/*
 * Whether the directories above a file outside the home directory are
 * checked up to the root, as OpenSSH does. Not on Windows: there the
 * root of a drive lets every signed-in user create folders, and what the
 * ACL check makes of that is not yet seen on a real host; only the
 * file's own directory is checked there, as within home every one is.
 */
#ifdef _WIN32
#define COMPAT_CHECK_DIRS_TO_ROOT 0
#else
#define COMPAT_CHECK_DIRS_TO_ROOT 1
#endif

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
