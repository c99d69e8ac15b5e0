/*
 * Appointment ids for completion: the appointments `syncro appointment`
 * lists, books or moves are kept in the account's cache
 * (appointments.json, the latest 200) with their start and summary, and
 * offered without the network. No request here (the dispatcher links it).
 */
#ifndef SYNCRO_APPOINTMENT_CACHE_H
#define SYNCRO_APPOINTMENT_CACHE_H

/* Remember id with its description ("Fri 2026-12-04 09:30 MST · Own cloud thing"). */
void appointment_cache_add(long id, const char *about);
/* A removed appointment: no longer offered. */
void appointment_cache_forget(long id);

#endif
