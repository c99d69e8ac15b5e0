/*
 * What to say when the user interrupts (Ctrl-C, or a SIGTERM or SIGHUP)
 * while something they would want to find is half done: "syncro:
 * interrupted; your text is saved in '...'". One note at a time; the
 * handler writes it with write(2), then lets the signal end the process
 * as it would have. A signal ignored when the handler would be installed
 * (nohup, a background job) stays ignored.
 *
 *   interrupt_note("interrupted; run 'syncro bill %ld' again to resume", n);
 *   ... the request ...
 *   interrupt_note(NULL);       // nothing to say any more
 */
#ifndef SYNCRO_INTERRUPT_H
#define SYNCRO_INTERRUPT_H

#include "compat.h"

/*
 * Set (fmt, printf-style) or clear (NULL) a note; the first call installs
 * the handler. Two notes can stand at once, each printed on its line: the
 * run's (how to resume it) and the draft's (where the text is).
 */
enum interrupt_slot { INTERRUPT_DRAFT, INTERRUPT_RUN, INTERRUPT__NR };
void interrupt_note_in(enum interrupt_slot slot, const char *fmt, ...) PRINTF_LIKE(2, 3);
#define interrupt_note(...) interrupt_note_in(INTERRUPT_RUN, __VA_ARGS__)

#endif
