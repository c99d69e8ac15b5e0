/* Quoting for commands we show the user to copy and paste. */
#ifndef SYNCRO_QUOTE_H
#define SYNCRO_QUOTE_H

#include "sbuf.h"

/*
 * Append arg as one word for a POSIX shell: unchanged when it holds only
 * characters that need no quoting (letters, digits, -_./=:,+@%), else in
 * single quotes with each ' written as '\''.
 */
void shell_quote(struct sbuf *sb, const char *arg);

#endif
