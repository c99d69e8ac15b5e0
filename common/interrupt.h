/*
 * What to say when the user interrupts (Ctrl-C, or a SIGTERM or SIGHUP)
 * while something they would want to find is half done: "syncro:
 * interrupted; your text is saved in '...'". One note at a time; the
 * handler writes it with write(2), then lets the signal end the process
 * as it would have. A signal ignored when the handler would be installed
 * (nohup, a background job) stays ignored.
 *
 *   interrupt_note("interrupted; your text is saved in '%s'", draft);
 *   ... the request ...
 *   interrupt_note(NULL);       // nothing to say any more
 */
#ifndef SYNCRO_INTERRUPT_H
#define SYNCRO_INTERRUPT_H

#include "compat.h"

/* Set (fmt, printf-style) or clear (NULL) the note; the first call installs the handler. */
void interrupt_note(const char *fmt, ...) PRINTF_LIKE(1, 2);

#endif
