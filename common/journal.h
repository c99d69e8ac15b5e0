/*
 * The journal of a multi-step verb (`syncro bill`): the options a run
 * started with, which steps are done and the ids they created. One file
 * per verb and ticket, $XDG_STATE_HOME/syncro/journal/VERB-NUMBER.json
 * (mode 0600), rewritten whole with write_file_atomic() at every change,
 * so that the file always holds the last state saved, never half of one.
 *
 * A step is absent (never begun), "started" (its request may have reached
 * the API but no answer came back: the outcome is unknown and the verb
 * must look at the API before sending again) or "done". The verb saves
 * "started" before it sends and "done" (with the ids) before the next step
 * begins; a re-run then skips what is done, reconciles what was started
 * and never posts anything twice.
 *
 *   struct journal j = JOURNAL_INIT;
 *   if (journal_load(&j, "bill", 32164) < 0) exit(1);
 *   if (!journal_exists(&j)) journal_begin(&j, options);
 *   if (journal_state(&j, "comment") != STEP_DONE) {
 *       journal_mark(&j, "comment", STEP_STARTED);
 *       ...post...
 *       journal_set_long(&j, "comment", "id", id);
 *       journal_mark(&j, "comment", STEP_DONE);
 *   }
 *   journal_remove(&j);	// all done
 *   journal_release(&j);
 *
 * The struct owns its path and JSON; every const char * returned is
 * borrowed from it until the next change or journal_release().
 */
#ifndef SYNCRO_JOURNAL_H
#define SYNCRO_JOURNAL_H

#include <cjson/cJSON.h>

#include "sbuf.h"

#define JOURNAL_VERSION 1

enum step_state { STEP_NONE = 0, STEP_STARTED, STEP_DONE };

struct journal {
	char *path;	/* the file, set by journal_load() */
	char *verb;	/* "bill" */
	long number;	/* the ticket */
	cJSON *root;	/* NULL until loaded or begun */
	int lock;	/* the ticket's lock (ticket-lock.h) fd + 1, held from load
			   to release; 0: none, so that a zeroed struct holds none */
	int damaged;	/* journal_load_to_forget() found a file it cannot use */
};
#define JOURNAL_INIT { NULL, NULL, 0, NULL, 0, 0 }

/*
 * Take the ticket's lock (ticket_lock(): one journaled run per ticket at a
 * time, kept until journal_release()), then find the journal of verb for
 * ticket number and read it if it exists. 0 (journal_exists() tells
 * whether there was one), or -1 after an error: another run holds the
 * ticket, or (named with how to look at it and the way to forget it,
 * "--abandon") the file cannot be read, is not JSON, is not a journal of
 * this verb and ticket, or is damaged: started_at not a string, options
 * not an object, steps not a non-empty object of objects, a state other
 * than "started" or "done", a number beyond JSON_NUMBER_MAX.
 */
int journal_load(struct journal *j, const char *verb, long number);
/* The same, also refusing a step whose name is not in steps (NULL-terminated). */
int journal_load_steps(struct journal *j, const char *verb, long number,
		       const char *const *steps);
/*
 * The same for --abandon: a journal that cannot be used is no error but a
 * warning, j->damaged set and nothing loaded, so that journal_remove()
 * can forget it.
 */
int journal_load_to_forget(struct journal *j, const char *verb, long number);
/* The same without the lock, to look only (whether a bill is unfinished). */
int journal_peek(struct journal *j, const char *verb, long number);
int journal_exists(const struct journal *j);

/*
 * Start a new journal (in memory; saved by the first journal_mark() or
 * journal_save()): version, verb, ticket, the time, and options, an object
 * that j now owns (the settings a re-run must repeat).
 */
void journal_begin(struct journal *j, cJSON *options);

/* Replace the options (j takes them). */
void journal_set_options(struct journal *j, cJSON *options);
/* The options the journal was begun with (borrowed), or NULL. */
const cJSON *journal_options(const struct journal *j);

/*
 * Compare the journal's options with now (same keys, only read). Each key
 * whose value differs adds a line to why, "  --minutes: 60 then, 30 now",
 * and the count of them is returned (0: the same run).
 */
int journal_options_differ(const struct journal *j, const cJSON *now, struct sbuf *why);

enum step_state journal_state(const struct journal *j, const char *step);
/* Set a step's state and save at once; 0, or -1 after an error. */
int journal_mark(struct journal *j, const char *step, enum step_state state);

/*
 * Values kept with a step (the ids it created). Setting only changes
 * memory: the next journal_mark() or journal_save() writes them. The
 * getters return def (or NULL) for a missing step or key.
 */
void journal_set_long(struct journal *j, const char *step, const char *key, long value);
void journal_set_string(struct journal *j, const char *step, const char *key, const char *value);
/* Append value to the step's array key (created on first use). */
void journal_add_long(struct journal *j, const char *step, const char *key, long value);
long journal_get_long(const struct journal *j, const char *step, const char *key, long def);
const char *journal_get_string(const struct journal *j, const char *step, const char *key);
/* Any JSON value (j takes it) and a borrowed look at it (NULL if missing). */
void journal_set_json(struct journal *j, const char *step, const char *key, cJSON *value);
const cJSON *journal_get_json(const struct journal *j, const char *step, const char *key);
/* Whether the step's array key holds value. */
int journal_has_long(const struct journal *j, const char *step, const char *key, long value);

/* Write the journal now; 0, or -1 after an error naming the file. */
int journal_save(struct journal *j);

/* Forget the journal: remove the file (none is fine); 0, or -1 after an error. */
int journal_remove(struct journal *j);

/*
 * --abandon (`syncro VERB --abandon N`): forget the journal of verb for
 * ticket number, damaged or not, and say so on stderr: what names the run
 * ("bill", "'comment --time'"), refuse (if not NULL) may die instead of
 * forgetting a journal that must be kept, and describe (if not NULL) adds
 * what Syncro keeps of it. Exits 1 after an error.
 */
struct sbuf;
void journal_abandon(const char *verb, const char *what, long number,
		     void (*refuse)(const struct journal *j, long number),
		     void (*describe)(const struct journal *j, struct sbuf *sb));

void journal_release(struct journal *j);

/*
 * A digest of text to tell whether a re-run was given the same text
 * without keeping it: FNV-1a 64-bit as 16 hex digits and a '\0' in out.
 * Not a secure hash; it only has to notice an edit.
 */
void journal_digest(const char *text, char out[17]);

#endif
