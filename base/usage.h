/*
 * Messages to the user, in one style: "syncro: " first (in every verb, so
 * a script's log reads the same whichever verb failed), lowercase, no final
 * period, the subject in quotes, and what to do next on a "hint:" line.
 * Control characters in a message (other than newline and tab) are printed
 * as spaces: messages quote the API.
 *
 *   die("ticket '%s' not found", n)      "syncro: ticket '32164' not found", exit 1
 *   die_with(EXIT_AUTH, ...)             the same with another exit code
 *   error(...)                           "syncro: ..." and returns -1
 *   warning(...)                         "syncro: warning: ..."
 *   hint(...)                            "hint: ..." under one of them
 *   BUG("no verb for '%s'", name)        "syncro: BUG: common/x.c:12: ...", then abort():
 *                                        for what cannot happen, never for bad input
 */
#ifndef SYNCRO_USAGE_H
#define SYNCRO_USAGE_H

#include "exit-codes.h"


/* The program name used in messages; "syncro" unless a verb sets it. */
void set_program_name(const char *name);
const char *program_name(void);

_Noreturn void die(const char *fmt, ...) PRINTF_LIKE(1, 2);
_Noreturn void die_with(int code, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* die() with ": strerror(errno)" appended. */
_Noreturn void die_errno(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* What die() prints, "PROGRAM: msg", without exiting: for callers that add hints, then exit. */
void die_message(const char *msg);
int error(const char *fmt, ...) PRINTF_LIKE(1, 2);
int error_errno(const char *fmt, ...) PRINTF_LIKE(1, 2);
void warning(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* A hint line under an error: "hint: ...". */
void hint(const char *fmt, ...) PRINTF_LIKE(1, 2);

/*
 * A filter every message above passes through before it is printed, in
 * place (the client's removes the API key, which a server may echo back
 * in an error body). NULL: none.
 */
struct sbuf;
void set_message_filter(void (*filter)(struct sbuf *msg));

/*
 * What die(), die_with() and die_errno() call with the exit code after the
 * message: exit() (also for NULL), or for a fuzz harness a routine that
 * jumps back to it (one that returns is followed by exit()), so that an input that makes a parser die is an answer,
 * not a crash.
 */
void set_die_routine(void (*routine)(int code));

/* What cannot happen happened: name the file and line, and abort() (a core, not exit 1). */
#define BUG(...) bug_fl(__FILE__, __LINE__, __VA_ARGS__)
_Noreturn void bug_fl(const char *file, int line, const char *fmt, ...) PRINTF_LIKE(3, 4);

#endif
