#include "compat.h"
#include "route.h"

/* The segment starting at s (after its '/'): its length. */
static size_t segment_len(const char *s)
{
	return strcspn(s, "/");
}

int path_match(const char *pattern, const char *path, struct route_captures *caps)
{
	if (caps)
		caps->nr = 0;
	while (*pattern == '/' && *path == '/') {
		size_t plen, slen;

		pattern++;
		path++;
		plen = segment_len(pattern);
		slen = segment_len(path);
		if ((plen == 1 && *pattern == '*') ||
		    (plen > 2 && *pattern == '{' && pattern[plen - 1] == '}')) {
			if (!slen)
				return 0;
			if (*pattern == '{' && caps) {
				if (caps->nr == ROUTE_MAX_CAPTURES || slen >= ROUTE_CAPTURE_LEN)
					return 0;
				memcpy(caps->v[caps->nr], path, slen);
				caps->v[caps->nr++][slen] = '\0';
			}
		} else if (plen != slen || strncmp(pattern, path, plen)) {
			return 0;
		}
		pattern += plen;
		path += slen;
	}
	return !*pattern && !*path;
}
