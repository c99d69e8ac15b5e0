/*
 * Running a helper program without a shell (api_key_command, sops) and
 * capturing what it prints, or starting one in the background.
 */
#ifndef SYNCRO_RUN_COMMAND_H
#define SYNCRO_RUN_COMMAND_H

#include "sbuf.h"

/*
 * Split a command line into argv at white space, honouring simple 'single'
 * and "double" quotes (no escapes, no variables, no globbing). Appends to
 * argv; returns 0, or -1 for an unterminated quote or an empty command.
 */
int split_command(const char *cmd, struct strvec *argv);

/*
 * Run argv[0] (looked up on PATH) with stdin inherited, its stdout appended
 * to out and its stderr to err (both may be NULL to discard). Returns the
 * exit status, 128+N when killed by signal N, 127 when it could not be
 * started (err says why), or -1 when fork or pipe failed (errno set).
 */
int run_capture(const char *const *argv, struct sbuf *out, struct sbuf *err);

/*
 * Start argv[0] (looked up on PATH) in the background and do not wait for
 * it: a browser, a refresh. It runs as a grandchild in a session of its
 * own (no terminal signals) with stdin, stdout and stderr on /dev/null, so
 * nothing of ours is held open and it outlives us. Returns 0 once it has
 * been exec'd, 127 when it could not be (errno says why), or -1 when fork
 * or pipe failed (errno set).
 */
int run_detached(const char *const *argv);

/* The full path of an executable named name on PATH; the caller frees it. NULL if none. */
char *path_lookup(const char *name);

#endif
