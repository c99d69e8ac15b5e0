/*
 * Completion of Syncro's values. The `__complete` protocol itself and the
 * kinds that know nothing of Syncro (files, fixed words) are in
 * parse-options.h; these are the sources an option table names for values
 * that live in Syncro. Never touches the network.
 */
#ifndef SYNCRO_COMPLETE_H
#define SYNCRO_COMPLETE_H

#include "parse-options.h"

/* The kinds of value an option table can name (parse-options.h's struct complete_source). */
extern const struct complete_source complete_source_tickets, complete_source_statuses,
	complete_source_labor, complete_source_customers, complete_source_techs,
	complete_source_verbs;
#define COMPLETE_TICKET		(&complete_source_tickets)	/* ticket numbers from the cache */
#define COMPLETE_STATUS		(&complete_source_statuses)	/* statuses from the cached settings */
#define COMPLETE_LABOR		(&complete_source_labor)	/* labor aliases from the config */
#define COMPLETE_CUSTOMER	(&complete_source_customers)	/* customers from the cache */
#define COMPLETE_TECH		(&complete_source_techs)	/* techs from the cached settings */
#define COMPLETE_VERB		(&complete_source_verbs)	/* syncro verbs (help VERB) */
extern const struct complete_source complete_source_profiles, complete_source_invoices,
	complete_source_appointments, complete_source_estimates, complete_source_schedules;
#define COMPLETE_APPOINTMENT	(&complete_source_appointments)	/* appointment ids from the cache (id-cache.h) */
#define COMPLETE_ESTIMATE	(&complete_source_estimates)	/* estimate ids from the cache (id-cache.h) */
#define COMPLETE_SCHEDULE	(&complete_source_schedules)	/* schedule ids from the cache (id-cache.h) */
#define COMPLETE_PROFILE	(&complete_source_profiles)	/* profile names from the config (profile-users.c) */
#define COMPLETE_INVOICE	(&complete_source_invoices)	/* invoice numbers from the cache (invoice-cache.c) */

/* The core verbs that start with prefix, with their summaries (complete.c). */
int complete_verbs(const char *prefix);

/*
 * The kinds answered from the cache (complete-cache.c); each prints the
 * candidates that start with prefix and returns the directive bits. They
 * never wait on the network: a stale cache starts one background refresh
 * (cache-refresh.h) and is answered from as it is; an empty one answers
 * nothing.
 *   tickets    "32164<TAB>New · Jerry Burger · Own cloud thing again",
 *              open tickets first; "#321" gives "#32164"
 *   statuses   the ticket_status_list of the cached settings
 *   labor      the config's labor aliases: "remote<TAB>product 1190473"
 *   customers  the cached customers and those of the cached tickets
 *   techs      the users of the cached settings: "Sam Ortega<TAB>id 74572"
 */
int complete_tickets(const char *prefix);
int complete_statuses(const char *prefix);
int complete_labor(const char *prefix);
int complete_customers(const char *prefix);
int complete_techs(const char *prefix);

#endif
