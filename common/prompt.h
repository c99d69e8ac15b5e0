/*
 * Questions on the terminal. A prompt is asked on stderr and read from
 * stdin, only when stdin is a terminal and prompts are not turned off
 * (--no-input). Otherwise it returns PROMPT_NO_TTY at once, and the verb
 * names the option that answers it with prompt_die_missing().
 *
 *   char *minutes = NULL;
 *   if (!opt_minutes && prompt_line("Minutes", "60", &minutes) < 0)
 *       prompt_die_missing("--minutes");
 */
#ifndef SYNCRO_PROMPT_H
#define SYNCRO_PROMPT_H

#include <stddef.h>

#include "sbuf.h"

enum prompt_status {
	PROMPT_OK = 0,
	PROMPT_NO_TTY = -1,	/* not a terminal, or prompts are off */
	PROMPT_EOF = -2,	/* the user ended the input (Ctrl-D) */
};

/* Whether a prompt would be asked now. */
int prompt_can_ask(void);
/* Never ask in this process (--no-input). */
void prompt_disable(void);

/*
 * "Minutes [60]: ". The answer without surrounding blanks goes in *answer
 * (the caller frees it); an empty answer takes def, or asks again when def
 * is NULL.
 */
int prompt_line(const char *question, const char *def, char **answer);

/* "Charge 2 timers? [Y/n]: " (def 1) or "[y/N]" (def 0); *yes is 1 or 0. */
int prompt_yes_no(const char *question, int def, int *yes);

/*
 * Lists the items numbered from 1, then asks "Customer [1-3, or type to
 * narrow]: " until a number in range is given; *index is 0-based. Text
 * that is not a number keeps the items that contain it (ignoring case):
 * one left is the answer, several are listed again, numbered anew.
 */
int prompt_choose(const char *question, const struct strvec *items, size_t *index);

/*
 * A required value that could not be asked for, exit 2:
 * "missing --minutes; pass it or run on a terminal" (the end of the
 * message says why there was no prompt).
 */
_Noreturn void prompt_die_missing(const char *option);

#endif
