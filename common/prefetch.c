#include "compat.h"
#include <stdarg.h>
#include <string.h>

#include "api.h"
#include "prefetch.h"
#include "sbuf.h"
#include "strvec.h"
#include "xmalloc.h"

/* The paths named and not yet sent; the answers sent ahead and not yet taken. */
static struct strvec wanted = STRVEC_INIT;
static struct strvec kept_paths = STRVEC_INIT;
static cJSON **kept;	/* kept[i] answers kept_paths.v[i]; a taken one is NULL */
static int freed_at_exit;

static int wanted_already(const char *path)
{
	for (size_t i = 0; i < wanted.nr; i++)
		if (!strcmp(wanted.v[i], path))
			return 1;
	return 0;
}

static void release(void)
{
	for (size_t i = 0; i < kept_paths.nr; i++)
		cJSON_Delete(kept[i]);
	free(kept);
	kept = NULL;
	strvec_clear(&kept_paths);
	strvec_clear(&wanted);
}

/* A read's name: path, then its query as "?a=1&b=2". */
static void read_key(struct sbuf *key, const char *path, const struct strvec *query)
{
	sbuf_addstr(key, path);
	for (size_t i = 0; query && i < query->nr; i++)
		sbuf_addf(key, "%c%s", i ? '&' : '?', query->v[i]);
}

static void want_key(struct sbuf *key)
{
	if (!wanted_already(key->buf))
		strvec_push(&wanted, key->buf);
	sbuf_release(key);
}

void prefetch_want(const char *fmt, ...)
{
	struct sbuf path = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&path, fmt, ap);
	va_end(ap);
	want_key(&path);
}

void prefetch_want_query(const char *path, const struct strvec *query)
{
	struct sbuf key = SBUF_INIT;

	read_key(&key, path, query);
	want_key(&key);
}

void prefetch_send(void)
{
	size_t n = wanted.nr, base = kept_paths.nr;
	struct api_request *reqs;
	struct api_error *errs;
	struct strvec *queries;
	char **paths;
	cJSON **outs;

	if (n < 2) {
		strvec_clear(&wanted);
		return;
	}
	if (!freed_at_exit) {
		atexit(release);
		freed_at_exit = 1;
	}
	reqs = xcalloc(n, sizeof(*reqs));
	errs = xcalloc(n, sizeof(*errs));
	outs = xcalloc(n, sizeof(*outs));
	paths = xcalloc(n, sizeof(*paths));
	queries = xcalloc(n, sizeof(*queries));
	for (size_t i = 0; i < n; i++) {
		struct api_error init = API_ERROR_INIT;
		const char *q = strchr(wanted.v[i], '?');

		paths[i] = q ? xstrndup(wanted.v[i], (size_t)(q - wanted.v[i])) : xstrdup(wanted.v[i]);
		while (q && *q++) {
			size_t len = strcspn(q, "&");

			strvec_pushf(&queries[i], "%.*s", (int)len, q);
			q += len;
		}
		reqs[i].method = "GET";
		reqs[i].path = paths[i];
		reqs[i].query = &queries[i];
		errs[i] = init;
	}
	api_get_many(reqs, n, outs, errs);
	kept = xrealloc(kept, (base + n) * sizeof(*kept));
	for (size_t i = 0; i < n; i++) {
		strvec_push(&kept_paths, wanted.v[i]);
		/* A failure is not kept: its own call sends it again and says so. */
		kept[base + i] = errs[i].code ? NULL : outs[i];
		if (errs[i].code)
			cJSON_Delete(outs[i]);
		api_error_release(&errs[i]);
		free(paths[i]);
		strvec_clear(&queries[i]);
	}
	free(paths);
	free(queries);
	free(reqs);
	free(errs);
	free(outs);
	strvec_clear(&wanted);
}

void prefetch_forget(void)
{
	for (size_t i = 0; i < kept_paths.nr; i++) {
		cJSON_Delete(kept[i]);
		kept[i] = NULL;
	}
}

int prefetch_take(const char *path, const struct strvec *query, cJSON **out)
{
	struct sbuf key = SBUF_INIT;
	int ret = -1;

	if (!kept_paths.nr)
		return -1;
	read_key(&key, path, query);
	for (size_t i = 0; i < kept_paths.nr && ret; i++)
		if (kept[i] && !strcmp(kept_paths.v[i], key.buf)) {
			*out = kept[i];
			kept[i] = NULL;
			ret = 0;
		}
	sbuf_release(&key);
	return ret;
}
