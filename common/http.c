#include "compat.h"
#include <curl/curl.h>
#include <dirent.h>
#include <limits.h>
#include <time.h>
#include "config.h"
#include "connection-keep.h"
#include "core-dumps.h"
#include "cred.h"
#include "date.h"
#include "http.h"
#include "parse-options.h"
#include "ratelimit.h"
#include "url.h"
#include "usage.h"
#include "utf8.h"
#include "wipe.h"
#include "xmalloc.h"

/* Process-wide: the handle (kept for keep-alive) and the key, wiped at exit. */
static CURL *handle;
static CURLM *multi;	/* runs every transfer: one pool of connections */
static char *api_key;
static char *ratelimit_file;
static int ratelimit_broken;
static long body_cap = HTTP_BODY_CAP;
static double rate_waited;	/* seconds this process spent waiting on the rate limit */
static char *keep_socket;	/* the connection keeper's socket, while it answers; NULL: direct */
static int keep_chosen;

struct transfer {
	struct http_response *resp;
	int too_big;
	const char *body;	/* a POST or PATCH body, handed out by on_read() */
	size_t body_len, body_sent;
};

static void http_cleanup(void)
{
	if (api_key) {
		wipe_string(api_key);
		free(api_key);
		api_key = NULL;
	}
	free(ratelimit_file);
	ratelimit_file = NULL;
	free(keep_socket);
	keep_socket = NULL;
	if (handle)
		curl_easy_cleanup(handle);
	handle = NULL;
	if (multi)
		curl_multi_cleanup(multi);
	multi = NULL;
	curl_global_cleanup();
}

/* Every message (usage.h) loses the key: a server may echo it in an error body. */
static void redact_key(struct sbuf *msg)
{
	url_redact(msg, api_key);
}

void http_redact_key(struct sbuf *text)
{
	redact_key(text);
}

/* The config, with a base URL that may carry the key; dies (exit 3) if not. */
static const struct syncro_config *checked_config(void)
{
	const struct syncro_config *cfg = config_get();
	struct sbuf err = SBUF_INIT;

	if (!cfg->base_url || !*cfg->base_url)
		die_with(EXIT_AUTH, "%s", config_no_account_message(cfg));
	if (url_check_transport(cfg->base_url, &err))
		die_with(EXIT_AUTH, "%s (base URL from %s %s)", err.buf,
			 config_source_name(cfg->base_url_source),
			 cfg->base_url_from ? cfg->base_url_from : "");
	sbuf_release(&err);
	return cfg;
}

/* Does dir hold OpenSSL's hashed names (HASH.0), as c_rehash makes them? */
static int hashed_ca_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int found = 0;

	if (!d)
		return 0;
	while (!found && (e = readdir(d))) {
		size_t len = strlen(e->d_name);

		found = len == 10 && strspn(e->d_name, "0123456789abcdef") == 8 &&
			!strcmp(e->d_name + 8, ".0");
	}
	closedir(d);
	return found;
}

/* libcurl reads a hashed directory lazily only with OpenSSL. */
static int tls_is_openssl(void)
{
	const curl_version_info_data *v = curl_version_info(CURLVERSION_NOW);

	return v->ssl_version && !strncmp(v->ssl_version, "OpenSSL", 7);
}

void http_ca_choose(const struct syncro_config *cfg, struct http_ca *ca)
{
	const char *env;

	ca->path = NULL;
	ca->is_dir = 0;
	if (cfg->tls_ca_file && *cfg->tls_ca_file) {
		ca->path = cfg->tls_ca_file;
		ca->source = "tls.ca_file";
	} else if ((env = getenv("CURL_CA_BUNDLE")) && *env) {
		ca->path = env;
		ca->source = "CURL_CA_BUNDLE";
	} else if ((env = getenv("SSL_CERT_FILE")) && *env) {
		ca->path = env;
		ca->source = "SSL_CERT_FILE";
	} else if (tls_is_openssl() && hashed_ca_dir(HTTP_SYSTEM_CA_DIR)) {
		ca->path = HTTP_SYSTEM_CA_DIR;
		ca->is_dir = 1;
		ca->source = "the system's hashed CA directory";
	} else {
		ca->source = "libcurl's built-in CA bundle";
	}
}

static void set_ca(CURL *h, const struct syncro_config *cfg)
{
	struct http_ca ca;

	http_ca_choose(cfg, &ca);
	if (ca.is_dir) {
		/* Not the bundle as well: only the certificates needed are read. */
		curl_easy_setopt(h, CURLOPT_CAINFO, NULL);
		curl_easy_setopt(h, CURLOPT_CAPATH, ca.path);
	} else if (ca.path) {
		curl_easy_setopt(h, CURLOPT_CAINFO, ca.path);
		curl_easy_setopt(h, CURLOPT_CAPATH, NULL);
	}
}

/* Why a certificate was refused, and which CAs were asked, after a TLS failure. */
static void describe_tls_failure(CURL *h, const struct syncro_config *cfg, struct sbuf *msg)
{
	struct http_ca ca;
	long verify = 0;

	http_ca_choose(cfg, &ca);
	if (!curl_easy_getinfo(h, CURLINFO_SSL_VERIFYRESULT, &verify) && verify)
		sbuf_addf(msg, " (verify result %ld)", verify);
	if (ca.path)
		sbuf_addf(msg, "; the CAs trusted are in '%s' (%s)", ca.path, ca.source);
	else
		sbuf_addf(msg, "; the CAs trusted are %s", ca.source);
}

/* Send through the account's connection keeper, if it is on (connection-keep.h)? */
static void choose_keeper(const struct syncro_config *cfg)
{
	struct keep_where w;

	keep_chosen = 1;
	keep_where(cfg, &w);
	if (w.refused)
		warning("not keeping a connection warm: %s; going direct (make it a 0700 "
			"directory of yours, or set connection.keep: 0)", w.refused);
	keep_socket = w.socket;
	w.socket = NULL;
	keep_where_release(&w);
}

/* The keeper did not answer: direct from now on, and a keeper for the next command. */
static void keeper_missed(void)
{
	free(keep_socket);
	keep_socket = NULL;
	keep_start();
}

/* url as the keeper takes it: http://localhost + its path and query; NULL if unparsable. */
static char *keeper_url(const char *url)
{
	CURLU *u = curl_url();
	char *path = NULL, *query = NULL, *local = NULL;

	if (u && !curl_url_set(u, CURLUPART_URL, url, 0) &&
	    !curl_url_get(u, CURLUPART_PATH, &path, 0)) {
		curl_url_get(u, CURLUPART_QUERY, &query, 0);
		local = xstrfmt("http://localhost%s%s%s", path, query ? "?" : "", query ? query : "");
	}
	if (query)
		wipe_string(query);	/* with auth: query, it holds the key */
	curl_free(path);
	curl_free(query);
	curl_url_cleanup(u);
	return local;
}

static const struct syncro_config *setup(void)
{
	const struct syncro_config *cfg = checked_config();

	if (!keep_chosen)
		choose_keeper(cfg);
	if (handle)
		return cfg;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) || !(handle = curl_easy_init()))
		die_with(EXIT_NETWORK, "cannot initialise libcurl");
	atexit(http_cleanup);
	core_dumps_off();	/* before the key is read: a dump would hold it */
	api_key = cred_api_key(cfg, NULL);
	set_message_filter(redact_key);
	ratelimit_file = ratelimit_path(cfg->base_url);
	return cfg;
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *opaque)
{
	struct transfer *t = opaque;
	size_t n = size * nmemb;

	if (t->resp->body.len + n > (size_t)body_cap) {
		t->too_big = 1;
		return 0;
	}
	sbuf_add(&t->resp->body, data, n);
	return n;
}

/* A POST or PATCH body goes out through here, once (see on_seek()). */
static size_t on_read(char *buf, size_t size, size_t nmemb, void *opaque)
{
	struct transfer *t = opaque;
	size_t n = t->body_len - t->body_sent;

	if (n > size * nmemb)
		n = size * nmemb;
	memcpy(buf, t->body + t->body_sent, n);
	t->body_sent += n;
	return n;
}

/*
 * libcurl sends a request again by itself when a reused connection closes
 * before any answer, rewinding the body first. The server may have acted
 * on it already, so a POST or PATCH body cannot be rewound: the transfer
 * fails (CURLE_SEND_FAIL_REWIND) instead of going twice.
 */
static int on_seek(void *opaque, curl_off_t offset, int origin)
{
	struct transfer *t = opaque;

	if (origin == SEEK_SET && offset == 0 && !t->body_sent)
		return CURL_SEEKFUNC_OK;
	return CURL_SEEKFUNC_CANTSEEK;
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *opaque)
{
	struct transfer *t = opaque;
	size_t n = size * nmemb;

	/* A new status line (after a 100 Continue) starts the headers over. */
	if (n >= 5 && !strncmp(data, "HTTP/", 5))
		sbuf_reset(&t->resp->headers);
	sbuf_add(&t->resp->headers, data, n);
	return n;
}

/* Print one traced line with the key redacted. */
static void trace_line(char prefix, const char *line, size_t len)
{
	struct sbuf sb = SBUF_INIT;

	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		len--;
	sbuf_add(&sb, line, len);
	url_redact(&sb, api_key);
	fprintf(stderr, "%c ", prefix);
	output_text(stderr, sb.buf, SAFE_ONE_LINE);	/* a server's headers */
	fputc('\n', stderr);
	sbuf_release(&sb);
}

static int on_debug(CURL *h, curl_infotype type, char *data, size_t size, void *opaque)
{
	char prefix;

	(void)h;
	(void)opaque;
	switch (type) {
	case CURLINFO_TEXT:
		prefix = '*';
		break;
	case CURLINFO_HEADER_OUT:
		prefix = '>';
		break;
	case CURLINFO_HEADER_IN:
		prefix = '<';
		break;
	default:
		return 0;
	}
	while (size) {
		const char *nl = memchr(data, '\n', size);
		size_t len = nl ? (size_t)(nl - data) + 1 : size;

		if (len > 2 || (len && data[0] != '\r' && data[0] != '\n'))
			trace_line(prefix, data, len);
		data += len;
		size -= len;
	}
	return 0;
}

static enum http_failure classify(CURLcode rc, int too_big)
{
	switch (rc) {
	case CURLE_OK:
		return HTTP_DONE;
	case CURLE_COULDNT_CONNECT:
		return HTTP_CONNECT;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		return HTTP_DNS;
	case CURLE_OPERATION_TIMEDOUT:
		return HTTP_TIMEOUT;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
		return HTTP_TLS;
	case CURLE_GOT_NOTHING:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_PARTIAL_FILE:
	case CURLE_SEND_FAIL_REWIND:	/* a POST that on_seek() kept from going twice */
		return HTTP_CLOSED;
	case CURLE_FILESIZE_EXCEEDED:
		return HTTP_TOO_BIG;
	case CURLE_WRITE_ERROR:
		return too_big ? HTTP_TOO_BIG : HTTP_OTHER;
	default:
		return HTTP_OTHER;
	}
}

static const char *const failure_names[] = {
	[HTTP_DONE] = "done", [HTTP_REFUSED] = "refused", [HTTP_CONNECT] = "connect",
	[HTTP_DNS] = "dns", [HTTP_TLS] = "tls", [HTTP_TIMEOUT] = "timeout",
	[HTTP_CLOSED] = "closed", [HTTP_TOO_BIG] = "too-big", [HTTP_OTHER] = "other",
};

const char *http_failure_name(enum http_failure failure)
{
	return failure_names[failure];
}

/* The failure a name of http_failure_name() stands for; HTTP_OTHER if none. */
static enum http_failure failure_named(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(failure_names); i++)
		if (!strcmp(failure_names[i], name))
			return (enum http_failure)i;
	return HTTP_OTHER;
}

char *http_header_value(const struct sbuf *headers, const char *name)
{
	const char *p = headers->buf;
	size_t name_len = strlen(name);

	while (p && *p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);

		if (len > name_len && p[name_len] == ':' && !strncasecmp(p, name, name_len)) {
			const char *v = p + name_len + 1;
			char *value;

			while (*v == ' ' || *v == '\t')
				v++;
			value = xstrndup(v, len - (size_t)(v - p));
			value[strcspn(value, "\r")] = '\0';
			return value;
		}
		p = eol ? eol + 1 : NULL;
	}
	return NULL;
}

/*
 * A response of the keeper saying its request to the API failed: resp
 * made what a direct failure makes (the same failure and message), and 1;
 * else 0. Whether the request may have reached the API, as the keeper
 * says, decides *never_sent: a POST is not sent again if it may have.
 */
static int keeper_failed(struct http_response *resp, int *never_sent)
{
	char *failure = http_header_value(&resp->headers, KEEP_FAILURE_HEADER);
	char *message, *sent;

	if (!failure)
		return 0;
	message = http_header_value(&resp->headers, KEEP_ERROR_HEADER);
	sent = http_header_value(&resp->headers, KEEP_SENT_HEADER);
	resp->failure = failure_named(failure);
	if (resp->failure == HTTP_DONE)
		resp->failure = HTTP_OTHER;
	*never_sent = !sent || strcmp(sent, "maybe");
	free(resp->error);
	resp->error = message ? message : xstrdup("the connection keeper failed");
	resp->status = 0;
	sbuf_reset(&resp->body);
	free(failure);
	free(sent);
	return 1;
}

static struct curl_slist *request_headers(const struct syncro_config *cfg, const char *body)
{
	struct curl_slist *list = NULL;

	list = curl_slist_append(list, "Accept: application/json");
	if (body) {
		list = curl_slist_append(list, "Content-Type: application/json");
		list = curl_slist_append(list, "Expect:");
	}
	if (cfg->auth != AUTH_QUERY) {
		char *auth = xstrfmt("Authorization: Bearer %s", api_key);

		list = curl_slist_append(list, auth);
		wipe_string(auth);
		free(auth);
	}
	if (!list)
		die("out of memory");
	return list;
}

/* The keeper's upstream request: the verb's own header lines, no key of ours. */
static struct curl_slist *forwarded_headers(const struct strvec *lines)
{
	struct curl_slist *list = curl_slist_append(NULL, "Expect:");

	for (size_t i = 0; list && i < lines->nr; i++)
		list = curl_slist_append(list, lines->v[i]);
	if (!list)
		die("out of memory");
	return list;
}

/* One transfer on an easy handle: what its callbacks use while it runs. */
struct xfer {
	CURL *h;
	struct transfer t;
	struct curl_slist *headers;
	char errbuf[CURL_ERROR_SIZE];
	const struct strvec *forward;	/* the keeper's: the header lines to send; else NULL */
	int via_keeper;			/* sent to the connection keeper */
	int keeper_missed;		/* ... which did not answer: nothing was sent */
};

/* Set x->h up to send method url body into resp (reset first). */
static void prepare(struct xfer *x, const struct syncro_config *cfg, const char *method,
		    const char *url, const char *body, struct http_response *resp)
{
	CURL *h = x->h;
	int once = !strcmp(method, "POST") || !strcmp(method, "PATCH");

	x->t.resp = resp;
	x->t.too_big = 0;
	x->t.body = NULL;
	x->t.body_len = x->t.body_sent = 0;
	x->headers = x->forward ? forwarded_headers(x->forward) : request_headers(cfg, body);
	x->errbuf[0] = '\0';
	x->via_keeper = x->keeper_missed = 0;

	sbuf_reset(&resp->body);
	sbuf_reset(&resp->headers);
	free(resp->error);
	free(resp->content_type);
	resp->error = resp->content_type = NULL;
	resp->status = 0;
	resp->retry_after = 0;

	curl_easy_reset(h);	/* keeps the open connection */
	if (keep_socket && !x->forward) {
		char *local = keeper_url(url);

		if (local) {
			x->via_keeper = 1;
			curl_easy_setopt(h, CURLOPT_URL, local);
			curl_easy_setopt(h, CURLOPT_UNIX_SOCKET_PATH, keep_socket);
			wipe_string(local);
			free(local);
		}
	}
	if (!x->via_keeper)
		curl_easy_setopt(h, CURLOPT_URL, url);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
#endif
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	set_ca(h, cfg);
#if LIBCURL_VERSION_NUM >= 0x072f00
	curl_easy_setopt(h, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
#endif
	curl_easy_setopt(h, CURLOPT_USERAGENT, "syncro/" PACKAGE_VERSION);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, x->headers);
	/* Through the keeper, its own timeouts end first: the same message as direct. */
	curl_easy_setopt(h, CURLOPT_TIMEOUT, (cfg->timeout > 0 ? cfg->timeout : 30L) +
			 (x->via_keeper ? (cfg->connect_timeout > 0 ? cfg->connect_timeout : 10L) + 5 : 0));
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT,
			 cfg->connect_timeout > 0 ? cfg->connect_timeout : 10L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)body_cap);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, x->errbuf);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &x->t);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, &x->t);
	if (opt_verbose) {
		curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);
		curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, on_debug);
	}
	/*
	 * A POST or PATCH must never go twice: its body can be read once only
	 * (on_seek()), and it reuses only a connection used in the last
	 * HTTP_ONCE_MAX_IDLE seconds, which the server is unlikely to have
	 * closed; an older one is replaced by a new connection.
	 */
	if (once)
		curl_easy_setopt(h, CURLOPT_MAXAGE_CONN, (long)HTTP_ONCE_MAX_IDLE);
	if (!strcmp(method, "GET")) {
		curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
	} else {
		if (strcmp(method, "POST"))
			curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
		if (once) {
			x->t.body = body ? body : "";
			x->t.body_len = strlen(x->t.body);
			curl_easy_setopt(h, CURLOPT_POST, 1L);
			curl_easy_setopt(h, CURLOPT_READFUNCTION, on_read);
			curl_easy_setopt(h, CURLOPT_READDATA, &x->t);
			curl_easy_setopt(h, CURLOPT_SEEKFUNCTION, on_seek);
			curl_easy_setopt(h, CURLOPT_SEEKDATA, &x->t);
			curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)x->t.body_len);
		} else if (body || !strcmp(method, "PUT")) {
			curl_easy_setopt(h, CURLOPT_POSTFIELDS, body ? body : "");
			curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
					 (curl_off_t)(body ? strlen(body) : 0));
		}
	}
}

/* After x's transfer ended with rc: fill its response; returns the failure kind. */
static enum http_failure finish(struct xfer *x, const struct syncro_config *cfg, CURLcode rc,
				int *never_sent)
{
	CURL *h = x->h;
	struct http_response *resp = x->t.resp;
	const char *errbuf = x->errbuf;
	long request_size = 0;
	const char *ctype = NULL;

	/* curl_slist_append() copied the Authorization line: wipe the copies too. */
	for (struct curl_slist *l = x->headers; l; l = l->next)
		wipe_string(l->data);
	curl_slist_free_all(x->headers);
	x->headers = NULL;
	if (x->via_keeper && rc == CURLE_COULDNT_CONNECT) {
		/* No keeper (missing, stale, refused): nothing was sent; go direct. */
		x->keeper_missed = 1;
		keeper_missed();
		*never_sent = 1;
		return HTTP_CONNECT;
	}
	resp->attempts++;
	resp->failure = classify(rc, x->t.too_big);
	if (x->via_keeper && resp->failure == HTTP_DONE && keeper_failed(resp, never_sent))
		return resp->failure;
	/*
	 * A timeout before any byte of the request left is safe to repeat.
	 * The connect time cannot tell: it is 0 on a reused connection, where
	 * the request may well have reached the server.
	 */
	curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &request_size);
	*never_sent = resp->failure == HTTP_CONNECT || resp->failure == HTTP_DNS ||
		(resp->failure == HTTP_TIMEOUT && request_size == 0);
	if (resp->failure != HTTP_DONE) {
		struct sbuf msg = SBUF_INIT;

		if (resp->failure == HTTP_TOO_BIG && body_cap % (1024 * 1024))
			sbuf_addf(&msg, "the response is larger than %ld bytes", body_cap);
		else if (resp->failure == HTTP_TOO_BIG)
			sbuf_addf(&msg, "the response is larger than %ld MiB", body_cap / (1024 * 1024));
		else if (rc == CURLE_SEND_FAIL_REWIND)
			sbuf_addstr(&msg, "the connection died after the request was sent; "
				    "not sent again, as the API may have acted on it");
		else
			sbuf_addstr(&msg, *errbuf ? errbuf : curl_easy_strerror(rc));
		if (resp->failure == HTTP_TLS)
			describe_tls_failure(h, cfg, &msg);
		url_redact(&msg, api_key);
		resp->error = sbuf_detach(&msg, NULL);
		sbuf_reset(&resp->body);
		return resp->failure;
	}
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &resp->status);
	if (!curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ctype) && ctype)
		resp->content_type = xstrdup(ctype);
	return HTTP_DONE;
}

/*
 * Run the transfers of xs at once on the process's multi handle, whose
 * connections every request shares; rcs gets each one's result.
 */
static void run(struct xfer *xs, CURLcode *rcs, size_t n)
{
	size_t left = n;
	int running = 0;

	if (!multi && !(multi = curl_multi_init()))
		die_with(EXIT_NETWORK, "cannot initialise libcurl");
	for (size_t i = 0; i < n; i++) {
		rcs[i] = CURLE_OK;
		if (curl_multi_add_handle(multi, xs[i].h) != CURLM_OK)
			die_with(EXIT_NETWORK, "cannot start a transfer with libcurl");
	}
	while (left) {
		CURLMsg *msg;
		int queued;

		if (curl_multi_perform(multi, &running) != CURLM_OK)
			die_with(EXIT_NETWORK, "libcurl failed to run the transfers");
		while ((msg = curl_multi_info_read(multi, &queued))) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			for (size_t i = 0; i < n; i++)
				if (xs[i].h == msg->easy_handle) {
					rcs[i] = msg->data.result;
					curl_multi_remove_handle(multi, xs[i].h);
					left--;
				}
		}
		if (left && curl_multi_poll(multi, NULL, 0, 1000, NULL) != CURLM_OK)
			die_with(EXIT_NETWORK, "libcurl failed to wait for the transfers");
	}
}

/* One attempt on the process's handle: fills resp (reset first); returns the failure kind. */
static enum http_failure attempt(const struct syncro_config *cfg, const char *method,
				 const char *url, const char *body,
				 struct http_response *resp, int *never_sent)
{
	struct xfer x = { handle, { resp, 0, NULL, 0, 0 }, NULL, "", NULL, 0, 0 };
	CURLcode rc;

	enum http_failure failure;

	prepare(&x, cfg, method, url, body, resp);
	run(&x, &rc, 1);
	failure = finish(&x, cfg, rc, never_sent);
	if (x.keeper_missed) {
		prepare(&x, cfg, method, url, body, resp);
		run(&x, &rc, 1);
		failure = finish(&x, cfg, rc, never_sent);
	}
	return failure;
}

/* Wait out a 429: a countdown on a terminal, one line otherwise. */
static void wait_rate_limited(long seconds, int retry, const char *method, const char *path)
{
	if (!isatty(STDERR_FILENO)) {
		fprintf(stderr, "%s: rate limited by the API on %s %s; retrying in %ld s (%d of %d)\n",
			program_name(), method, path, seconds, retry, HTTP_RATE_RETRIES);
		sleep_seconds((double)seconds);
		return;
	}
	for (long left = seconds; left > 0; left--) {
		fprintf(stderr, "\r%s: rate limited by the API; retrying in %ld s (%d of %d) ",
			program_name(), left, retry, HTTP_RATE_RETRIES);
		fflush(stderr);
		sleep_seconds(1);
	}
	fprintf(stderr, "\r\033[K");
	fflush(stderr);
}

/* The account as a person names it: the host (and port) of the base URL. */
static char *account_name(const char *base_url)
{
	CURLU *u = curl_url();
	char *host = NULL, *port = NULL, *name;

	if (u && !curl_url_set(u, CURLUPART_URL, base_url, 0))
		curl_url_get(u, CURLUPART_HOST, &host, 0);
	if (host)
		curl_url_get(u, CURLUPART_PORT, &port, 0);
	name = port ? xstrfmt("%s:%s", host, port) : xstrdup(host ? host : base_url);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	return name;
}

static void take_token(const struct syncro_config *cfg)
{
	double wait;
	int paused;

	if (ratelimit_broken || cfg->rate_limit_per_minute <= 0)
		return;
	if (mkdir_for_file(ratelimit_file) ||
	    ratelimit_reserve(ratelimit_file, cfg->rate_limit_per_minute, &wait, &paused)) {
		warning("cannot use the shared rate limit in '%s': %s; going on without it",
			ratelimit_file, strerror(errno));
		ratelimit_broken = 1;
		return;
	}
	/* A pause after another process's 429, or a long queue: say why we wait. */
	if (paused || wait >= HTTP_RATE_SAY_WAIT) {
		char *account = account_name(cfg->base_url);

		fprintf(stderr, "%s: waiting %ld s for the rate limit of '%s'%s\n", program_name(),
			seconds_up(wait), account,
			paused ? " (a syncro process was rate limited by it)" :
			" (shared by every syncro process of this account)");
		free(account);
	} else if (opt_verbose && wait > 0) {
		fprintf(stderr, "* waiting %.2f s for the shared rate limit\n", wait);
	}
	sleep_seconds(wait);
	rate_waited += wait;
}

/*
 * The seconds a 429's Retry-After asks for: a whole number of seconds or
 * an HTTP date. Anything else ("600x", "-5", "") is not read as a number:
 * -1, and config rate_limit.wait applies.
 */
long http_parse_retry_after(const char *value, time_t now)
{
	size_t len = strlen(value);
	long seconds = 0;
	time_t when;

	while (len && (value[len - 1] == ' ' || value[len - 1] == '\t'))
		len--;
	if (!len)
		return -1;
	if (strspn(value, "0123456789") == len) {
		if (len > 9)
			return LONG_MAX / 2;	/* past any wait we would make */
		for (size_t i = 0; i < len; i++)
			seconds = seconds * 10 + (value[i] - '0');
		return seconds;
	}
	when = curl_getdate(value, NULL);
	if (when == (time_t)-1)
		return -1;
	return when > now ? (long)(when - now) : 0;
}

/* The Retry-After of the final response's headers, or -1. */
static long header_retry_after(const struct sbuf *headers)
{
	char *value = http_header_value(headers, "Retry-After");
	long seconds;

	if (!value)
		return -1;
	seconds = http_parse_retry_after(value, time(NULL));
	free(value);
	return seconds;
}

static long retry_after(const struct syncro_config *cfg, const struct http_response *resp)
{
	long after = header_retry_after(&resp->headers);

	if (after < 0)
		return cfg->rate_limit_wait > 0 ? cfg->rate_limit_wait : 60;
	return after;
}

/* The URL to send, with the key under auth: query; NULL with resp saying why. */
static char *request_url(const struct syncro_config *cfg, const char *path,
			 const struct strvec *query, struct http_response *resp)
{
	struct sbuf err = SBUF_INIT;
	char *url;

	url = url_build(cfg->base_url, path, query, cfg->auth == AUTH_QUERY ? api_key : NULL, &err);
	if (!url) {
		resp->failure = HTTP_REFUSED;
		free(resp->error);
		resp->error = sbuf_detach(&err, NULL);
		return NULL;
	}
	sbuf_release(&err);
	return url;
}

/* An attempt already made (by http_get_many()): its outcome. */
struct first_attempt {
	enum http_failure failure;
	int never_sent;
};

/*
 * Send method url body until done, with the waits and retries of http.h;
 * first, when not NULL, is the outcome of the first attempt, made already.
 */
static int send_url(const struct syncro_config *cfg, const char *method, const char *path,
		    const char *url, const char *body, struct http_response *resp,
		    const struct first_attempt *first)
{
	int idempotent = !strcmp(method, "GET") || !strcmp(method, "PUT") ||
		!strcmp(method, "DELETE") || !strcmp(method, "HEAD");
	int tries = 0, rate_retries = 0;

	for (;;) {
		enum http_failure failure;
		int never_sent;

		if (first) {
			failure = first->failure;
			never_sent = first->never_sent;
			first = NULL;
		} else {
			take_token(cfg);
			failure = attempt(cfg, method, url, body, resp, &never_sent);
		}
		if (failure == HTTP_DONE && resp->status == 429) {
			long wait = retry_after(cfg, resp);

			/* Not worth waiting here, nor past what one command may wait in all. */
			if (wait > HTTP_RATE_MAX_WAIT ||
			    rate_waited + (double)wait > (double)cfg->rate_limit_max_wait) {
				resp->retry_after = wait > 0 ? wait : 1;
				break;
			}
			if (rate_retries >= HTTP_RATE_RETRIES)
				break;
			rate_retries++;
			if (!ratelimit_broken && ratelimit_file)
				ratelimit_pause(ratelimit_file, cfg->rate_limit_per_minute, (double)wait);
			wait_rate_limited(wait, rate_retries, method, path);
			rate_waited += (double)wait;
			continue;
		}
		tries++;
		if (failure == HTTP_DONE && resp->status < 500)
			break;
		if (failure == HTTP_REFUSED || failure == HTTP_TOO_BIG || failure == HTTP_TLS ||
		    tries >= HTTP_TRIES || (!idempotent && !never_sent))
			break;
		if (opt_verbose)
			fprintf(stderr, "* %s %s: %s; trying again (%d of %d)\n", method, path,
				failure == HTTP_DONE ? "server error" : resp->error,
				tries + 1, HTTP_TRIES);
		sleep_seconds(0.5 * (double)(1 << (tries - 1)));
	}
	return resp->failure == HTTP_DONE ? 0 : -1;
}

int http_send(const char *method, const char *path, const struct strvec *query,
	      const char *body, struct http_response *resp)
{
	const struct syncro_config *cfg = setup();
	char *url = request_url(cfg, path, query, resp);
	int ret;

	if (!url)
		return -1;
	ret = send_url(cfg, method, path, url, body, resp, NULL);
	wipe_string(url);	/* with auth: query, it holds the key */
	free(url);
	return ret;
}

int http_get_many(struct http_get *reqs, size_t n)
{
	const struct syncro_config *cfg = setup();
	int ret = 0;

	for (size_t start = 0; start < n; start += HTTP_CONCURRENCY) {
		size_t m = n - start < HTTP_CONCURRENCY ? n - start : HTTP_CONCURRENCY, k = 0;
		struct xfer xs[HTTP_CONCURRENCY];
		struct http_get *sent[HTTP_CONCURRENCY];
		char *urls[HTTP_CONCURRENCY];
		CURLcode rcs[HTTP_CONCURRENCY];

		for (size_t i = start; i < start + m; i++) {
			char *url = request_url(cfg, reqs[i].path, reqs[i].query, &reqs[i].resp);

			if (!url) {
				ret = -1;
				continue;
			}
			take_token(cfg);
			memset(&xs[k], 0, sizeof(xs[k]));
			if (!(xs[k].h = curl_easy_init()))
				die_with(EXIT_NETWORK, "cannot initialise libcurl");
			prepare(&xs[k], cfg, "GET", url, NULL, &reqs[i].resp);
			sent[k] = &reqs[i];
			urls[k++] = url;
		}
		run(xs, rcs, k);
		for (size_t j = 0; j < k; j++) {
			struct first_attempt first;

			first.failure = finish(&xs[j], cfg, rcs[j], &first.never_sent);
			curl_easy_cleanup(xs[j].h);	/* its connection stays in the pool */
			/* Waits and retries, if any are needed, one request at a time. */
			if (send_url(cfg, "GET", sent[j]->path, urls[j], NULL, &sent[j]->resp,
				     xs[j].keeper_missed ? NULL : &first))
				ret = -1;
			wipe_string(urls[j]);
			free(urls[j]);
		}
	}
	return ret;
}

void http_set_api_key(const char *key)
{
	if (!handle) {
		const struct syncro_config *cfg = checked_config();

		if (curl_global_init(CURL_GLOBAL_DEFAULT) || !(handle = curl_easy_init()))
			die_with(EXIT_NETWORK, "cannot initialise libcurl");
		atexit(http_cleanup);
		ratelimit_file = ratelimit_path(cfg->base_url);
	}
	if (api_key) {
		wipe_string(api_key);
		free(api_key);
	}
	api_key = xstrdup(key);
}

void http_set_body_cap(long bytes)
{
	if (bytes > 0)
		body_cap = bytes;
}

void http_response_release(struct http_response *resp)
{
	free(resp->error);
	free(resp->content_type);
	sbuf_release(&resp->headers);
	sbuf_release(&resp->body);
	resp->error = resp->content_type = NULL;
	resp->status = 0;
	resp->attempts = 0;
	resp->retry_after = 0;
	resp->failure = HTTP_DONE;
}

char *http_display_url(const char *path, const struct strvec *query)
{
	const struct syncro_config *cfg = checked_config();
	struct sbuf err = SBUF_INIT;
	char *url;

	url = url_build(cfg->base_url, path, query, NULL, &err);
	if (!url)
		die_with(EXIT_USAGE, "%s", err.buf);
	sbuf_release(&err);
	return url;
}

void http_forward_init(void)
{
	if (handle)
		return;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) || !(handle = curl_easy_init()))
		die_with(EXIT_NETWORK, "cannot initialise libcurl");
	atexit(http_cleanup);
	core_dumps_off();	/* the keys of the requests pass through */
}

int http_forward(const char *method, const char *url, const struct strvec *headers,
		 const char *body, struct http_response *resp, int *maybe_sent)
{
	const struct syncro_config *cfg = config_get();
	struct xfer x = { NULL, { resp, 0, NULL, 0, 0 }, NULL, "", headers, 0, 0 };
	int never_sent = 1;
	CURLcode rc;

	http_forward_init();
	x.h = handle;
	prepare(&x, cfg, method, url, body, resp);
	run(&x, &rc, 1);
	finish(&x, cfg, rc, &never_sent);
	*maybe_sent = !never_sent;
	return resp->failure == HTTP_DONE ? 0 : -1;
}
