/*
 * Live timers: 'syncro timer start N' notes when work on ticket N began,
 * in $XDG_STATE_HOME/syncro/timers.json, so that it survives a closed
 * terminal; 'timer stop N' records the time since as labor and forgets it.
 * Nothing is sent to Syncro until the stop. The file is replaced whole
 * (write_file_atomic), an object of ticket numbers to start times:
 * {"32164": {"started_at": "2026-04-22T10:00:00Z"}}.
 */
#ifndef SYNCRO_LIVE_TIMER_H
#define SYNCRO_LIVE_TIMER_H

#include <stddef.h>
#include <time.h>

struct live_timer {
	long number;
	time_t started;
};

/*
 * The running timers, oldest first, into *timers (the caller frees the
 * array); returns how many. A file that cannot be read or parsed dies
 * (exit 1) naming it, never losing it.
 */
size_t live_timers(struct live_timer **timers);

/* When the timer of ticket number started; -1 when none runs. */
time_t live_timer_started(long number);

/* Start one for number at date_now(); 0, or -1 (with error()) when the file cannot be written. */
int live_timer_start(long number);

/* Forget number's timer; 0, or -1 (with error()). */
int live_timer_forget(long number);

/* The path of the file; the caller frees it. */
char *live_timer_path(void);

#endif
