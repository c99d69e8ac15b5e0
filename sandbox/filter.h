/*
 * The filters of the list endpoints, as predicates over stored records and
 * the request's query object (strings as sent).
 */
#ifndef SANDBOX_FILTER_H
#define SANDBOX_FILTER_H

#include <cjson/cJSON.h>
#include "state.h"

/* Case-insensitive substring test; an empty needle matches. */
int contains_ci(const char *haystack, const char *needle);
/*
 * Whether ticket passes GET /tickets's filters in query: number, status
 * (with "Not Closed"), customer_id, contact_id, user_id, mine, query,
 * since_updated_at, created_after, created_before, resolved_after; mine
 * means assigned to me_id, the user of the request's key.
 */
int ticket_matches(struct state *st, double me_id, const cJSON *ticket, const cJSON *query);
/* Whether customer passes GET /customers's filters (query, firstname, ...). */
int customer_matches(struct state *st, const cJSON *customer, const cJSON *query);

#endif
