#include "compat.h"
#include <fcntl.h>
#include <limits.h>
#include <sys/file.h>
#include <sys/stat.h>
#include "cache.h"
#include "cache-dir.h"
#include "config.h"
#include "json.h"
#include "sbuf.h"
#include "ticket-status.h"
#include "usage.h"
#include "write-full.h"
#include "xmalloc.h"

#define TICKETS_FILE "tickets.tsv"
/* Held around each load, merge and write of tickets.tsv. */
#define TICKETS_LOCK "tickets.lock"

/* Cache file names are ours, never a path: [a-z0-9_-] plus dots inside. */
static int valid_name(const char *name)
{
	if (!*name || *name == '.')
		return 0;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '_' || *p == '-' || *p == '.'))
			return 0;
	return 1;
}

int cache_lock(const char *name)
{
	char *path = valid_name(name) ? cache_path(name) : NULL;
	int fd = -1;

	if (!path || mkdir_for_file(path) < 0)
		goto out;
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	while (fd >= 0 && flock(fd, LOCK_EX) < 0) {
		if (errno == EINTR)
			continue;
		close(fd);
		fd = -1;
	}
out:
	free(path);
	return fd;
}

void cache_unlock(int fd)
{
	if (fd >= 0)
		close(fd);
}

/* ---- tickets.tsv ---- */

/* A whole number of digits ending at the field's NUL (strtol is the slow part). */
static int parse_digits(const char *s, long *out)
{
	long n = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || n > (LONG_MAX - 9) / 10)
			return -1;
		n = n * 10 + (*s - '0');
	}
	*out = n;
	return 0;
}

/*
 * Split the line [line, end) (*end is '\n' or the final NUL) into its
 * seven fields in place; 0, or -1 when it does not parse.
 */
static int parse_line(char *line, char *end, struct cached_ticket *t)
{
	char *field[7], *p = line;
	size_t n = 0;

	for (;;) {
		char *tab = memchr(p, '\t', (size_t)(end - p));

		field[n++] = p;
		if (!tab || n == ARRAY_SIZE(field)) {
			if (tab || n != ARRAY_SIZE(field))
				return -1;
			break;
		}
		*tab = '\0';
		p = tab + 1;
	}
	*end = '\0';
	if (parse_digits(field[0], &t->number) < 0 || parse_digits(field[1], &t->id) < 0 ||
	    parse_digits(field[3], &t->customer_id) < 0)
		return -1;
	t->status = field[2];
	t->customer = field[4];
	t->subject = field[5];
	t->updated_at = field[6];
	return 0;
}

static int by_number_desc(const void *a, const void *b)
{
	const struct cached_ticket *x = a, *y = b;

	return (x->number < y->number) - (x->number > y->number);
}

int ticket_cache_load(struct ticket_cache *cache)
{
	return ticket_cache_load_prefix(cache, "");
}

int ticket_cache_load_prefix(struct ticket_cache *cache, const char *prefix)
{
	size_t prefix_len = strlen(prefix);
	struct sbuf text = SBUF_INIT;
	char *path = cache_path(TICKETS_FILE), *line, *end;
	size_t lines = 0, text_len;
	struct stat st;
	int fd, sorted = 1;

	memset(cache, 0, sizeof(*cache));
	if (!path)
		return 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		int ret = errno == ENOENT || errno == ENOTDIR ? 0 :
			error_errno("cannot read cache '%s'", path);

		free(path);
		return ret;
	}
	if (fstat(fd, &st) < 0 ||
	    (sbuf_init(&text, (size_t)st.st_size + 1), sbuf_read_fd(&text, fd) < 0)) {
		int ret = error_errno("cannot read cache '%s'", path);

		close(fd);
		sbuf_release(&text);
		free(path);
		return ret;
	}
	close(fd);
	free(path);
	cache->mtime = st.st_mtime;

	for (const char *p = text.buf; (p = memchr(p, '\n', text.buf + text.len - p)); p++)
		lines++;
	cache->alloc = lines + 1;
	cache->items = xreallocarray(NULL, cache->alloc, sizeof(*cache->items));
	cache->buf = sbuf_detach(&text, &text_len);

	for (line = cache->buf; line < cache->buf + text_len; line = end + 1) {
		struct cached_ticket *t = &cache->items[cache->nr];

		end = memchr(line, '\n', (size_t)(cache->buf + text_len - line));
		if (!end)
			end = cache->buf + text_len;
		/* The number comes first: other lines need no parsing at all. */
		if (strncmp(line, prefix, prefix_len) || parse_line(line, end, t) < 0)
			continue;
		if (cache->nr && cache->items[cache->nr - 1].number <= t->number)
			sorted = 0;
		cache->nr++;
	}
	/* Written sorted by us; a file edited by hand still works. */
	if (!sorted)
		qsort(cache->items, cache->nr, sizeof(*cache->items), by_number_desc);
	return 0;
}

void ticket_cache_release(struct ticket_cache *cache)
{
	free(cache->items);
	free(cache->buf);
	memset(cache, 0, sizeof(*cache));
}

const struct cached_ticket *ticket_cache_find(const struct ticket_cache *cache, long number)
{
	size_t lo = 0, hi = cache->nr;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		long n = cache->items[mid].number;

		if (n == number)
			return &cache->items[mid];
		if (n > number)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

long cache_ticket_id(long number)
{
	struct ticket_cache cache;
	const struct cached_ticket *t;
	long id = -1;

	if (ticket_cache_load(&cache) == 0 && (t = ticket_cache_find(&cache, number)))
		id = t->id;
	ticket_cache_release(&cache);
	return id;
}

/* A field for the file: tabs and line breaks become spaces. */
static void add_field(struct sbuf *out, const char *s)
{
	size_t start = out->len;

	sbuf_addstr(out, s ? s : "");
	for (char *p = out->buf + start; *p; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
}

static void add_line(struct sbuf *out, const struct cached_ticket *t)
{
	sbuf_addf(out, "%ld\t%ld\t", t->number, t->id);
	add_field(out, t->status);
	sbuf_addf(out, "\t%ld\t", t->customer_id);
	add_field(out, t->customer);
	sbuf_addch(out, '\t');
	add_field(out, t->subject);
	sbuf_addch(out, '\t');
	add_field(out, t->updated_at);
	sbuf_addch(out, '\n');
}

static int write_tickets(const struct cached_ticket *items, size_t nr)
{
	struct sbuf out = SBUF_INIT;
	char *path = cache_path(TICKETS_FILE);
	int ret = 0;

	if (!path)
		return -1;
	sbuf_init(&out, nr * 96);
	for (size_t i = 0; i < nr; i++)
		add_line(&out, &items[i]);
	if (write_file_atomic(path, out.buf, out.len) < 0) {
		warning("cannot write cache '%s': %s", path, strerror(errno));
		ret = -1;
	}
	sbuf_release(&out);
	free(path);
	return ret;
}

/* A ticket from the API; its strings stay owned by the cJSON object. */
static int from_json(const cJSON *obj, struct cached_ticket *t)
{
	if (!cJSON_IsObject(obj) || (t->number = json_long(obj, "number", -1)) < 0 ||
	    (t->id = json_long(obj, "id", -1)) < 0)
		return -1;
	/* tickets.tsv holds digits: no customer is 0. */
	if ((t->customer_id = json_long(obj, "customer_id", 0)) < 0)
		t->customer_id = 0;
	t->status = json_string(obj, "status", "");
	t->customer = json_string(obj, "customer_business_then_name", "");
	t->subject = json_string(obj, "subject", "");
	t->updated_at = json_string(obj, "updated_at", "");
	return 0;
}

/* For merging: new tickets sort before cached ones of the same number. */
struct merge_item {
	struct cached_ticket t;
	size_t order;
};

static int merge_cmp(const void *a, const void *b)
{
	const struct merge_item *x = a, *y = b;
	int c = by_number_desc(&x->t, &y->t);

	return c ? c : (x->order > y->order) - (x->order < y->order);
}

void cache_batch_add(struct cache_batch *batch, const cJSON *tickets)
{
	struct cached_ticket t;
	const cJSON *one;

	if (cJSON_IsObject(tickets)) {
		if (!from_json(tickets, &t)) {
			add_line(&batch->lines, &t);
			batch->nr++;
		}
		return;
	}
	cJSON_ArrayForEach(one, tickets)
		if (!from_json(one, &t)) {
			add_line(&batch->lines, &t);
			batch->nr++;
		}
}

void cache_batch_release(struct cache_batch *batch)
{
	sbuf_release(&batch->lines);
	batch->nr = 0;
}

/* The batch's lines split in place into all[0..), in their order. */
static size_t batch_items(struct cache_batch *batch, struct merge_item *all)
{
	char *line = batch->lines.buf, *stop = line + batch->lines.len, *end;
	size_t nr = 0;

	for (; line < stop && nr < batch->nr; line = end + 1) {
		end = memchr(line, '\n', (size_t)(stop - line));
		if (!end)
			end = stop;
		if (!parse_line(line, end, &all[nr].t)) {
			all[nr].order = nr;
			nr++;
		}
	}
	return nr;
}

/*
 * A cached open ticket that a pruning batch lacks is dropped, unless it
 * was updated within PRUNE_GRACE_SECONDS: another syncro (`create` beside
 * a refresh) may have cached it after this batch's requests were answered.
 * An hour, as the refresh's since_updated_at, for Syncro's clock against
 * ours; a ticket deleted meanwhile goes at a later refresh.
 */
#define PRUNE_GRACE_SECONDS 3600

static int updated_lately(const struct cached_ticket *t, time_t now)
{
	time_t at;

	return !parse_timestamp(t->updated_at, &at) && at > now - PRUNE_GRACE_SECONDS;
}

int cache_batch_commit(struct cache_batch *batch, int prune_open)
{
	struct ticket_cache cache;
	struct merge_item *all;
	struct cached_ticket *out;
	size_t nr, incoming, kept = 0;
	int ret, lock = cache_lock(TICKETS_LOCK);
	time_t now = time(NULL);

	ticket_cache_load(&cache);
	all = xreallocarray(NULL, cache.nr + batch->nr + 1, sizeof(*all));
	nr = incoming = batch_items(batch, all);
	for (size_t i = 0; i < cache.nr; i++) {
		all[nr].t = cache.items[i];
		all[nr].order = nr;
		nr++;
	}
	qsort(all, nr, sizeof(*all), merge_cmp);
	out = xreallocarray(NULL, nr + 1, sizeof(*out));
	for (size_t i = 0; i < nr; i++) {
		int fresh = all[i].order < incoming;

		if (kept && out[kept - 1].number == all[i].t.number)
			continue;
		if (prune_open && !fresh && !ticket_status_done(all[i].t.status) &&
		    !updated_lately(&all[i].t, now))
			continue;
		out[kept++] = all[i].t;
	}
	ret = write_tickets(out, kept);
	cache_unlock(lock);
	free(out);
	free(all);
	ticket_cache_release(&cache);
	cache_batch_release(batch);
	return ret;
}

int cache_store_tickets(const cJSON *tickets)
{
	struct cache_batch batch = CACHE_BATCH_INIT;

	if (!cJSON_IsArray(tickets) && !cJSON_IsObject(tickets))
		return -1;
	cache_batch_add(&batch, tickets);
	return cache_batch_commit(&batch, 0);
}

int cache_forget_ticket(long number)
{
	struct ticket_cache cache;
	const struct cached_ticket *t;
	int ret = 0, lock = cache_lock(TICKETS_LOCK);

	if (ticket_cache_load(&cache) < 0) {
		cache_unlock(lock);
		ticket_cache_release(&cache);
		return -1;
	}
	t = ticket_cache_find(&cache, number);
	if (t) {
		size_t at = (size_t)(t - cache.items);

		memmove(cache.items + at, cache.items + at + 1,
			(cache.nr - at - 1) * sizeof(*cache.items));
		cache.nr--;
		ret = write_tickets(cache.items, cache.nr);
	}
	cache_unlock(lock);
	ticket_cache_release(&cache);
	return ret;
}

/* ---- NAME.json ---- */

static char *json_path(const char *name)
{
	char *file, *path;

	if (!valid_name(name))
		return NULL;
	file = xstrfmt("%s.json", name);
	path = cache_path(file);
	free(file);
	return path;
}

cJSON *cache_read_json(const char *name, long max_age)
{
	struct sbuf text = SBUF_INIT;
	char *path = json_path(name);
	cJSON *doc, *data = NULL;
	long fetched;

	if (!path || sbuf_read_file(&text, path) < 0) {
		free(path);
		sbuf_release(&text);
		return NULL;
	}
	free(path);
	doc = json_parse(text.buf, text.len);
	sbuf_release(&text);
	fetched = json_long(doc, "fetched_at", -1);
	if (fetched >= 0 && (max_age < 0 || (long)time(NULL) - fetched <= max_age))
		data = cJSON_DetachItemFromObjectCaseSensitive(doc, "data");
	cJSON_Delete(doc);
	return data;
}

int cache_write_json(const char *name, const cJSON *value)
{
	char *path = json_path(name), *text;
	cJSON *doc;
	int ret = 0;

	if (!valid_name(name)) {
		warning("cannot write cache '%s': not a cache name", name);
		return -1;
	}
	if (!path)
		return -1;
	doc = cJSON_CreateObject();
	cJSON_AddNumberToObject(doc, "fetched_at", (double)time(NULL));
	cJSON_AddItemToObject(doc, "data", cJSON_Duplicate(value, 1));
	text = cJSON_PrintUnformatted(doc);
	if (!text || write_file_atomic(path, text, strlen(text)) < 0) {
		warning("cannot write cache '%s': %s", path, text ? strerror(errno) : "out of memory");
		ret = -1;
	}
	free(text);
	cJSON_Delete(doc);
	free(path);
	return ret;
}

long cache_age(const char *name)
{
	char *path;
	struct stat st;
	long age;

	if (!valid_name(name))
		return -1;
	path = cache_path(name);
	if (!path || stat(path, &st) < 0) {
		free(path);
		return -1;
	}
	free(path);
	age = (long)(time(NULL) - st.st_mtime);
	return age < 0 ? 0 : age;
}
