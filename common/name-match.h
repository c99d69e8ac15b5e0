/*
 * Finding what the user meant by a name they typed (a status, a tech, a
 * ticket type, a contact), and asking which one when several fit.
 */
#ifndef SYNCRO_NAME_MATCH_H
#define SYNCRO_NAME_MATCH_H

#include <stddef.h>
#include <cjson/cJSON.h>

#include "sbuf.h"

/* An id as the user types it: digits only, positive; else -1. */
long name_match_id(const char *s);

/*
 * The names typed could mean: the first one equal to it ignoring case,
 * alone; else every name containing it ignoring case. Their indexes into
 * names go to matches (room for names->nr); returns how many.
 */
size_t name_match(const struct strvec *names, const char *typed, size_t *matches);

/*
 * Whether typed names exactly one of names ignoring case: its index, or -1.
 */
long name_match_equal(const struct strvec *names, const char *typed);

/*
 * The name closest to typed (ignoring case) for "did you mean": one that
 * contains typed, or whose edit distance (suggestion_distance) is small;
 * the closest wins. NULL when nothing is close. Borrowed from names.
 */
const char *name_match_closest(const struct strvec *names, const char *typed);

/*
 * names joined with ", " onto out: "New, In Progress, Resolved".
 */
void name_match_join(struct sbuf *out, const struct strvec *names);

/*
 * Several things fit what the user typed for option: on a terminal they
 * pick one from shown (one line each, "34288080  Red Rock Accounting"),
 * and its index is returned. Otherwise (no terminal, --no-input) it dies
 * with exit 2, listing them:
 *   syncro: customer 'red' is ambiguous; pass one with --customer:
 *     34288080  Red Rock Accounting
 *     ...
 * what is "customer", question the prompt ("Customer").
 */
size_t name_match_pick_one(const char *what, const char *question, const char *typed,
		const char *option, const struct strvec *shown);

/*
 * The element of items (a JSON array of objects with "id" and name_key)
 * that arg means: digits are its id; anything else goes through
 * name_match() over the names, and name_match_pick_one() when several fit. NULL when
 * nothing fits. Borrowed from items.
 */
const cJSON *name_match_pick(const cJSON *items, const char *name_key, const char *arg,
		       const char *what, const char *question, const char *option);

#endif
