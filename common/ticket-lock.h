/*
 * One run at a time per ticket for the journaled verbs (`syncro bill`):
 * two bills of one ticket at once would post every step twice. The lock
 * is flock() on $XDG_STATE_HOME/syncro/journal/NUMBER.lock, beside the
 * journals, which holds "PID VERB" of the run that has it. The file is
 * never removed (removing it would let a third run lock a new file while
 * a second still waits on the old one); the kernel drops the lock when the
 * process ends, however it ends.
 *
 *   int fd = ticket_lock(32164, "bill");
 *   if (fd < 0) exit(EXIT_ERROR);	// the message is printed
 *   ...the whole run...
 *   ticket_unlock(fd);
 */
#ifndef SYNCRO_TICKET_LOCK_H
#define SYNCRO_TICKET_LOCK_H

/* How long a second run waits for the first before it refuses. */
#define TICKET_LOCK_WAIT_MS 2000

/*
 * Take the ticket's lock for verb, waiting up to TICKET_LOCK_WAIT_MS for
 * another run to end. The fd to keep until ticket_unlock(), or -1 after
 * an error naming the other run ("pid 1234, syncro bill") or the file.
 */
int ticket_lock(long number, const char *verb);
void ticket_unlock(int fd);	/* fd < 0: nothing to do */

#endif
