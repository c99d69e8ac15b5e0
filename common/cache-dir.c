#include "compat.h"
#include <inttypes.h>
#include "cache-dir.h"
#include "config.h"
#include "sbuf.h"
#include "slug.h"
#include "xmalloc.h"

/* Longest host slug kept; the hash covers the rest. */
#define HOST_SLUG_MAX 64

static uint32_t fnv1a(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

/*
 * The host and port of url into host and port (either may be left empty).
 * Only for the directory's readable part: a URL this misreads still gets
 * a directory of its own from the hash.
 */
static void host_and_port(const char *url, struct sbuf *host, struct sbuf *port)
{
	const char *p = strstr(url, "://"), *end, *at, *colon;

	p = p ? p + 3 : url;
	end = p + strcspn(p, "/?#");
	/* user:password@host */
	for (at = p; at < end; at++)
		if (*at == '@')
			p = at + 1;
	if (*p == '[') {
		const char *close = memchr(p, ']', (size_t)(end - p));

		if (!close)
			close = end;
		sbuf_add(host, p + 1, (size_t)(close - p - 1));
		colon = close < end && close[1] == ':' ? close + 1 : NULL;
	} else {
		colon = memchr(p, ':', (size_t)(end - p));
		sbuf_add(host, p, (size_t)((colon ? colon : end) - p));
	}
	if (colon)
		sbuf_add(port, colon + 1, (size_t)(end - colon - 1));
}

char *cache_dir_name(const char *base_url)
{
	struct sbuf name = SBUF_INIT, host = SBUF_INIT, port = SBUF_INIT;

	host_and_port(base_url, &host, &port);
	slug_add(&name, host.buf, HOST_SLUG_MAX, "host");
	if (port.len && strspn(port.buf, "0123456789") == port.len && port.len <= 5)
		sbuf_addf(&name, "-%s", port.buf);
	sbuf_addf(&name, "-%08" PRIx32, fnv1a(base_url));
	sbuf_release(&host);
	sbuf_release(&port);
	return sbuf_detach(&name, NULL);
}

char *cache_path(const char *file)
{
	const char *base_url = config_get()->base_url;
	char *name, *path;
	struct sbuf rel = SBUF_INIT;

	if (!base_url || !*base_url)
		return NULL;
	name = cache_dir_name(base_url);
	sbuf_addstr(&rel, name);
	if (file && *file)
		sbuf_addf(&rel, "/%s", file);
	path = xdg_cache_path(rel.buf);
	sbuf_release(&rel);
	free(name);
	return path;
}
