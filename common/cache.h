/*
 * The local cache of the configured account, in its own directory
 * (cache-dir.h: $XDG_CACHE_HOME/syncro/ACCOUNT/): what completion reads
 * (never the network) and what number -> id resolution consults first.
 * With no base URL configured there is no account: the cache reads as
 * empty and writes do nothing (they return -1, without a warning).
 *
 *   tickets.tsv    one ticket a line: number, id, status, customer_id,
 *                  customer name, subject, updated_at (tabs and newlines in
 *                  fields replaced by spaces), sorted by number, highest
 *                  (newest) first
 *   NAME.json      a cached API answer (settings, users, customers.json of
 *                  customer-cache.h) as
 *                  {"fetched_at": EPOCH_SECONDS, "data": ANSWER}; its age
 *                  comes from fetched_at, not from the file's mtime
 *   tickets.lock   held (flock) by whoever rewrites tickets.tsv
 *
 * The directory is created mode 0700, the files mode 0600. Every write goes
 * to a temporary file in the same directory that is fsync'ed and renamed
 * over the old one, so a process killed mid-write never leaves a torn file. Loading 50,000
 * tickets must take a few milliseconds (completion's budget is 20 ms).
 */
#ifndef SYNCRO_CACHE_H
#define SYNCRO_CACHE_H

#include <time.h>
#include <cjson/cJSON.h>

#include "sbuf.h"

struct cached_ticket {
	long number;
	long id;
	long customer_id;
	/* These point into the cache's own buffer: valid until release. */
	const char *status;
	const char *customer;
	const char *subject;
	const char *updated_at;
};

struct ticket_cache {
	struct cached_ticket *items;	/* owned; sorted by number, highest first */
	size_t nr, alloc;
	char *buf;			/* owned: the file's text, split in place */
	time_t mtime;			/* when the file was written; 0 if none */
};
#define TICKET_CACHE_INIT { NULL, 0, 0, NULL, 0 }

/*
 * Load tickets.tsv; a missing file is an empty cache. Lines that do not
 * parse are skipped. 0, or -1 (with an error() message) when the file
 * cannot be read; the cache is then empty and must still be released.
 */
int ticket_cache_load(struct ticket_cache *cache);
/* The same, keeping only the tickets whose number starts with the digits of prefix. */
int ticket_cache_load_prefix(struct ticket_cache *cache, const char *prefix);
void ticket_cache_release(struct ticket_cache *cache);
const struct cached_ticket *ticket_cache_find(const struct ticket_cache *cache, long number);

/* The id cached for a ticket number, or -1. */
long cache_ticket_id(long number);
/*
 * Merge ticket objects as the API returns them (a cJSON array of tickets,
 * or a single ticket object) into tickets.tsv: new numbers are added,
 * known ones replaced. Best effort: a cache that cannot be written is a
 * warning, never a failure of the verb. Returns 0 or -1.
 */
int cache_store_tickets(const cJSON *tickets);
/*
 * Many pages of tickets merged with one write (a list of 10,000 tickets
 * must not rewrite the file a hundred times): cache_batch_add() keeps what
 * the cache needs of each ticket (its tickets.tsv line, not the JSON);
 * cache_batch_commit() merges them into tickets.tsv and empties the batch.
 * With prune_open, the batch is every ticket that is not done
 * (ticket-status.h): a cached ticket that is not done and not in the batch
 * was closed or deleted meanwhile and is dropped, unless its updated_at
 * is less than an hour old (another process may have cached it after the
 * batch's requests were answered). Best effort, as cache_store_tickets();
 * 0 or -1.
 *
 * cache_batch_commit() and cache_forget_ticket() hold tickets.lock (flock)
 * from load to rename, so parallel writers each merge into the others'
 * result and no line is lost.
 */
struct cache_batch {
	struct sbuf lines;	/* owned */
	size_t nr;
};
#define CACHE_BATCH_INIT { SBUF_INIT, 0 }
void cache_batch_add(struct cache_batch *batch, const cJSON *tickets);
int cache_batch_commit(struct cache_batch *batch, int prune_open);
void cache_batch_release(struct cache_batch *batch);

/* Drop a number whose cached id turned out to be wrong (a 404). 0 or -1. */
int cache_forget_ticket(long number);

/*
 * A cached JSON answer NAME.json, or NULL when missing, unreadable or older
 * than max_age seconds (max_age < 0: any age). The caller frees it.
 */
cJSON *cache_read_json(const char *name, long max_age);
int cache_write_json(const char *name, const cJSON *value);	/* 0, or -1 with a warning */
/*
 * Take the lock file NAME (e.g. "tickets.lock") with flock, waiting for
 * the process that holds it: whoever reads, merges and rewrites a cache
 * file holds its lock throughout, so parallel writers take turns and none
 * loses another's update (cache_batch_commit() and cache_forget_ticket()
 * do so with tickets.lock). Returns the fd for cache_unlock(), or -1 when
 * the lock cannot be had (no account, an unwritable cache): the caller
 * goes ahead and its write reports the error.
 */
int cache_lock(const char *name);
void cache_unlock(int fd);	/* fd < 0: nothing to do */

/* Seconds since NAME (e.g. "tickets.tsv") was written; -1 if it does not exist. */
long cache_age(const char *name);

#endif
