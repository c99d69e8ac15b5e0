/*
 * Ids for completion: the objects a verb lists, shows or makes (the
 * appointments, estimates, schedules) are kept in the account's cache
 * (NAME.json: {"NAME": [{"id", "about"}...]}, newest last, the latest
 * 200) with a description, and offered without the network. No request
 * here (the dispatcher links it).
 */
#ifndef SYNCRO_ID_CACHE_H
#define SYNCRO_ID_CACHE_H

#include <cjson/cJSON.h>

#define ID_CACHE_APPOINTMENTS	"appointments"	/* COMPLETE_APPOINTMENT */
#define ID_CACHE_ESTIMATES	"estimates"	/* COMPLETE_ESTIMATE */
#define ID_CACHE_SCHEDULES	"schedules"	/* COMPLETE_SCHEDULE */

/* Remember id of cache name with its description ("Fri 2026-12-04 09:30 MST · Own cloud thing"). */
void id_cache_add(const char *name, long id, const char *about);
/*
 * Many at once (a listed page), one write of the cache: entries is an
 * array that id_cache_entry() fills.
 */
void id_cache_entry(cJSON *entries, long id, const char *about);
void id_cache_add_list(const char *name, const cJSON *entries);
/* An id removed in Syncro: no longer offered. */
void id_cache_forget(const char *name, long id);
/* The ids of cache name that start with prefix, newest first; the directive bits. */
int id_cache_complete(const char *name, const char *prefix);

#endif
