#include "compat.h"
#include <ctype.h>
#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#endif
#include <curl/curl.h>
#include "url.h"
#include "usage.h"
#include "xmalloc.h"

/* A part of u, or NULL; the caller frees it with curl_free(). */
static char *url_part(CURLU *u, CURLUPart part)
{
	char *s = NULL;

	if (curl_url_get(u, part, &s, 0) != CURLUE_OK)
		return NULL;
	return s;
}

static int is_loopback(const char *host)
{
	unsigned char addr[16];

	if (!strcasecmp(host, "localhost") || !strcmp(host, "[::1]"))
		return 1;
	return inet_pton(AF_INET, host, addr) == 1 && addr[0] == 127;
}

static int check_transport(CURLU *u, const char *shown, struct sbuf *err)
{
	char *scheme = url_part(u, CURLUPART_SCHEME);
	char *host = url_part(u, CURLUPART_HOST);
	int ret = 0;

	if (!scheme || !host) {
		sbuf_addf(err, "'%s' is not a URL", shown);
		ret = -1;
	} else if (!strcasecmp(scheme, "http")) {
		if (!is_loopback(host)) {
			sbuf_addf(err, "refusing to send the API key over plain http to '%s'; use https", host);
			ret = -1;
		}
	} else if (strcasecmp(scheme, "https")) {
		sbuf_addf(err, "'%s' is not an http or https URL", shown);
		ret = -1;
	}
	curl_free(scheme);
	curl_free(host);
	return ret;
}

int url_check_transport(const char *url, struct sbuf *err)
{
	CURLU *u = curl_url();
	int ret;

	if (!u)
		die("out of memory");
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK) {
		sbuf_addf(err, "'%s' is not a URL", url);
		curl_url_cleanup(u);
		return -1;
	}
	ret = check_transport(u, url, err);
	curl_url_cleanup(u);
	return ret;
}

/* Does the path of u stay under prefix (the base URL's path)? */
static int under_base(CURLU *u, const char *prefix)
{
	char *path = url_part(u, CURLUPART_PATH);
	size_t n = strlen(prefix);
	int ok;

	while (n && prefix[n - 1] == '/')
		n--;
	ok = path && !strncmp(path, prefix, n) && (path[n] == '/' || !path[n]);
	curl_free(path);
	return ok;
}

char *url_build(const char *base, const char *path, const struct strvec *query,
		const char *key, struct sbuf *err)
{
	CURLU *u = curl_url();
	struct sbuf full = SBUF_INIT;
	char *base_host = NULL, *base_path = NULL, *host = NULL, *written = NULL;
	char *url = NULL;

	if (!u)
		die("out of memory");
	if (strstr(path, "://")) {
		sbuf_addf(err, "'%s' is a URL; give a path under the API base URL, like '/tickets'", path);
		goto out;
	}
	if (!base || curl_url_set(u, CURLUPART_URL, base, 0) != CURLUE_OK) {
		sbuf_addf(err, "base URL '%s' is not a URL", base ? base : "");
		goto out;
	}
	if (check_transport(u, base, err))
		goto out;
	base_host = url_part(u, CURLUPART_HOST);
	base_path = url_part(u, CURLUPART_PATH);

	/* Join by text, then let CURLU parse and encode the whole. */
	sbuf_addstr(&full, base);
	while (full.len && full.buf[full.len - 1] == '/')
		sbuf_setlen(&full, full.len - 1);
	if (*path != '/')
		sbuf_addch(&full, '/');
	sbuf_addstr(&full, path);
	if (curl_url_set(u, CURLUPART_URL, full.buf, CURLU_URLENCODE | CURLU_ALLOW_SPACE) != CURLUE_OK) {
		sbuf_addf(err, "'%s' is not a valid API path", path);
		goto out;
	}
	host = url_part(u, CURLUPART_HOST);
	if (!host || !base_host || strcasecmp(host, base_host) || !under_base(u, base_path)) {
		sbuf_addf(err, "'%s' is outside the API base URL", path);
		goto out;
	}
	curl_url_set(u, CURLUPART_FRAGMENT, NULL, 0);

	written = url_part(u, CURLUPART_QUERY);
	curl_url_set(u, CURLUPART_QUERY, NULL, 0);
	if (key) {
		char *pair = xstrfmt("api_key=%s", key);

		curl_url_set(u, CURLUPART_QUERY, pair, CURLU_APPENDQUERY | CURLU_URLENCODE);
		free(pair);
	}
	if (written && *written)
		curl_url_set(u, CURLUPART_QUERY, written, CURLU_APPENDQUERY);
	for (size_t i = 0; query && i < query->nr; i++)
		if (curl_url_set(u, CURLUPART_QUERY, query->v[i],
				 CURLU_APPENDQUERY | CURLU_URLENCODE) != CURLUE_OK) {
			sbuf_addf(err, "cannot add '%s' to the query", query->v[i]);
			goto out;
		}
	{
		char *s = url_part(u, CURLUPART_URL);

		if (s) {
			url = xstrdup(s);
			curl_free(s);
		} else {
			sbuf_addf(err, "cannot build a URL from '%s'", path);
		}
	}
out:
	curl_free(base_host);
	curl_free(base_path);
	curl_free(host);
	curl_free(written);
	sbuf_release(&full);
	curl_url_cleanup(u);
	return url;
}

/* Replace text[start..end) with REDACTED; returns the index after it. */
static size_t splice(struct sbuf *text, size_t start, size_t end)
{
	struct sbuf out = SBUF_INIT;

	sbuf_add(&out, text->buf, start);
	sbuf_addstr(&out, REDACTED);
	sbuf_add(&out, text->buf + end, text->len - end);
	sbuf_release(text);
	*text = out;
	return start + strlen(REDACTED);
}

static void redact_literal(struct sbuf *text, const char *secret)
{
	size_t n = strlen(secret), pos = 0;
	char *hit;

	if (!n)
		return;
	while (pos < text->len && (hit = strstr(text->buf + pos, secret)))
		pos = splice(text, (size_t)(hit - text->buf), (size_t)(hit - text->buf) + n);
}

/* Redact the value after every occurrence of marker, up to a stop character. */
static void redact_after(struct sbuf *text, const char *marker, int ignore_case,
			 const char *stops)
{
	size_t n = strlen(marker), pos = 0;

	while (pos + n <= text->len) {
		const char *at = text->buf + pos;
		size_t start, end;

		if (ignore_case ? strncasecmp(at, marker, n) : strncmp(at, marker, n)) {
			pos++;
			continue;
		}
		start = end = pos + n;
		while (end < text->len && !strchr(stops, text->buf[end]))
			end++;
		if (end == start || (end - start == strlen(REDACTED) &&
				     !strncmp(text->buf + start, REDACTED, end - start))) {
			pos = end > pos ? end : pos + 1;
			continue;
		}
		pos = splice(text, start, end);
	}
}

void url_redact(struct sbuf *text, const char *key)
{
	if (key && *key) {
		char *escaped = curl_easy_escape(NULL, key, 0);

		redact_literal(text, key);
		if (escaped && strcmp(escaped, key))
			redact_literal(text, escaped);
		curl_free(escaped);
	}
	redact_after(text, "api_key=", 0, "& \t\r\n#\"'");
	redact_after(text, "Authorization: Bearer ", 1, " \r\n");
}
