/*
 * The sandbox's data: everything the emulated account holds, as cJSON, kept
 * in memory. `loaded` is the data file after normalisation (every record
 * has every field of its API shape); `data` is the live copy requests change,
 * replaced by a fresh copy of `loaded` on reset. The state owns both.
 *
 * Collections in the data file (arrays of objects unless noted):
 *   me (object), users, customers, contacts, tickets (each with comments,
 *   ticket_timers and line_items), invoices (each with line_items), products,
 *   product_categories, ticket_settings (object).
 */
#ifndef SANDBOX_STATE_H
#define SANDBOX_STATE_H

#include <pthread.h>
#include <cjson/cJSON.h>
#include "quirks.h"
#include "sbuf.h"

struct state {
	/* Read-held while a GET reads data, write-held around every change. */
	pthread_rwlock_t lock;
	cJSON *loaded;
	cJSON *data;
	long page_size;		/* default page size of most lists */
	long per_page_max;	/* the largest per_page honoured (0: PER_PAGE_MAX) */
	unsigned quirks;	/* QUIRK_* of quirks.h: the --quirk switches given */
};

/* Load and normalise the data file; -1 with a message in err on failure. */
int state_load(struct state *st, const char *path, struct sbuf *err);
/* The same from a string (for tests); name is used in messages. */
int state_load_string(struct state *st, const char *json, const char *name,
		      struct sbuf *err);
void state_reset(struct state *st);
/*
 * Shape the loaded data by the quirks in st->quirks (an account without
 * "Invoiced": the status dropped from ticket_status_list); call after
 * state_load with st->quirks set.
 */
void state_apply_quirks(struct state *st);
void state_free(struct state *st);

/* A collection of the live data ("tickets", ...); never NULL. */
cJSON *coll(struct state *st, const char *name);
/* The element of array whose "id" is id, or NULL. */
cJSON *find_by_id(const cJSON *array, double id);
/* One more than the largest "id" in array (and in each element's `nested` array). */
double next_id(const cJSON *array, const char *nested);
/* The API user's id (me.user_id). */
double me_user_id(struct state *st);

/* Number or string field of obj as a double; def when absent or null. */
double num_field(const cJSON *obj, const char *name, double def);
/* String field of obj, or NULL when absent, null or not a string. */
const char *str_field(const cJSON *obj, const char *name);
/* Set obj[name] = value (replacing, keeping the key's place); takes value. */
void set_field(cJSON *obj, const char *name, cJSON *value);
/* Set obj's "updated_at" (and "created_at" when create) to now. */
void touch(cJSON *obj, int create);

/*
 * Complete rec with the fields of kind's API shape: the template's keys in
 * order, the record's values where it has them, then any extra keys of the
 * record. Returns a new object; rec is left alone.
 */
cJSON *normalize(const char *kind, const cJSON *rec);

#endif
