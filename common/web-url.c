#include "compat.h"
#include <curl/curl.h>
#include "config.h"
#include "web-url.h"
#include "xmalloc.h"

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcasecmp(s + n - m, suffix);
}

char *web_url(const char *base, const char *kind, long id)
{
	CURLU *u;
	char *host = NULL, *url;
	size_t len;

	if (!base || !(u = curl_url()))
		return NULL;
	if (curl_url_set(u, CURLUPART_URL, base, 0) ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0)) {
		curl_url_cleanup(u);
		return NULL;
	}
	if (ends_with(host, ".syncromsp.com")) {
		url = xstrfmt("https://%s/%s/%ld", host, kind, id);
	} else {
		len = strlen(base);
		while (len && base[len - 1] == '/')
			len--;
		if (len >= 7 && !strncmp(base + len - 7, "/api/v1", 7))
			len -= 7;
		url = xstrfmt("%.*s/%s/%ld", (int)len, base, kind, id);
	}
	curl_free(host);
	curl_url_cleanup(u);
	return url;
}

char *web_url_ticket(long id)
{
	return web_url(config_get()->base_url, "tickets", id);
}
