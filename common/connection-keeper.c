#include "compat.h"
#include <curl/curl.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include "config.h"
#include "connection-keep.h"
#include "connection-keeper.h"
#include "http.h"
#include "strvec.h"
#include "user-socket.h"
#include "wipe.h"
#include "xmalloc.h"

struct keeper {
	const struct syncro_config *cfg;
	const char *socket;
	time_t last_used;
};

/* One request from a verb, from its first line to the response. */
struct request {
	char *uri;		/* as sent: path and query (with auth: query, the key) */
	struct sbuf body;
	int started, too_big;
};

/* The headers not forwarded either way: the connection's own, and ours. */
static int hop_by_hop(const char *name)
{
	static const char *const names[] = {
		"Host", "Content-Length", "Connection", "Keep-Alive", "Transfer-Encoding",
		"Accept-Encoding", "Content-Encoding", "Expect", "TE", "Upgrade",
		"User-Agent", "Date", "Proxy-Connection",
	};

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcasecmp(name, names[i]))
			return 1;
	return !strncasecmp(name, "X-Syncro-Keep-", 14);
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	struct request *r = xcalloc(1, sizeof(*r));

	(void)cls;
	(void)c;
	r->uri = xstrdup(uri);
	sbuf_init(&r->body, 0);
	return r;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **req_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct request *r = *req_cls;

	(void)cls;
	(void)c;
	(void)toe;
	if (!r)
		return;
	wipe_string(r->uri);
	free(r->uri);
	wipe_sbuf(&r->body);
	free(r);
	*req_cls = NULL;
}

static enum MHD_Result add_header_line(void *cls, enum MHD_ValueKind kind,
				       const char *name, const char *value)
{
	struct strvec *lines = cls;

	(void)kind;
	if (!hop_by_hop(name))
		strvec_pushf(lines, "%s: %s", name, value ? value : "");
	return MHD_YES;
}

/* Wipe the key where the request's headers keep it, now it has been sent. */
static enum MHD_Result wipe_auth(void *cls, enum MHD_ValueKind kind,
				 const char *name, const char *value)
{
	(void)cls;
	(void)kind;
	if (value && !strcasecmp(name, "Authorization"))
		wipe_string((char *)value);
	return MHD_YES;
}

/* The API's URL for uri (path and query) under the account's base URL; NULL if none. */
static char *upstream_url(const char *base_url, const char *uri)
{
	CURLU *u = curl_url();
	char *got = NULL, *url = NULL;

	if (u && *uri == '/' && !curl_url_set(u, CURLUPART_URL, base_url, 0) &&
	    !curl_url_set(u, CURLUPART_URL, uri, 0) &&
	    !curl_url_get(u, CURLUPART_URL, &got, 0))
		url = xstrdup(got);
	if (got)
		wipe_string(got);
	curl_free(got);
	curl_url_cleanup(u);
	return url;
}

/* A header value cannot hold a line break. */
static void one_line(char *s)
{
	for (; *s; s++)
		if (*s == '\r' || *s == '\n')
			*s = ' ';
}

static struct MHD_Response *failure_response(const struct http_response *resp, int maybe_sent,
					     unsigned int *status)
{
	struct MHD_Response *out = MHD_create_response_from_buffer(0, (void *)"",
								   MHD_RESPMEM_PERSISTENT);
	char *message = xstrdup(resp->error ? resp->error : "the request failed");

	one_line(message);
	MHD_add_response_header(out, KEEP_FAILURE_HEADER, http_failure_name(resp->failure));
	MHD_add_response_header(out, KEEP_ERROR_HEADER, message);
	MHD_add_response_header(out, KEEP_SENT_HEADER, maybe_sent ? "maybe" : "no");
	free(message);
	*status = MHD_HTTP_BAD_GATEWAY;
	return out;
}

/* The API's answer as it came: status, body and the headers a verb reads. */
static struct MHD_Response *api_response(const struct http_response *resp, unsigned int *status)
{
	struct MHD_Response *out = MHD_create_response_from_buffer(resp->body.len,
								   resp->body.buf,
								   MHD_RESPMEM_MUST_COPY);
	const char *p = resp->headers.buf;

	/* The first line is the status line. */
	p = p && strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL;
	while (p && *p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		char *line = xstrndup(p, len), *colon;

		line[strcspn(line, "\r")] = '\0';
		colon = strchr(line, ':');
		if (colon && colon != line) {
			char *value = colon + 1;

			*colon = '\0';
			while (*value == ' ' || *value == '\t')
				value++;
			if (!hop_by_hop(line))
				MHD_add_response_header(out, line, value);
		}
		free(line);
		p = eol ? eol + 1 : NULL;
	}
	*status = (unsigned int)resp->status;
	return out;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version,
				  const char *upload, size_t *upload_size, void **req_cls)
{
	struct keeper *k = cls;
	struct request *r = *req_cls;
	const union MHD_ConnectionInfo *info;
	struct http_response resp = HTTP_RESPONSE_INIT;
	struct strvec lines = STRVEC_INIT;
	struct MHD_Response *out;
	unsigned int status;
	char *target;
	int maybe_sent = 0, has_body;
	enum MHD_Result ret;

	(void)url;
	(void)version;
	info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
	if (!r || !info || !user_socket_peer_is_me(info->connect_fd))
		return MHD_NO;	/* someone else's process: hang up */
	if (!r->started) {
		r->started = 1;
		return MHD_YES;
	}
	if (*upload_size) {
		if (r->body.len + *upload_size > HTTP_BODY_CAP)
			r->too_big = 1;
		else
			sbuf_add(&r->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	if (r->too_big || !(target = upstream_url(k->cfg->base_url, r->uri))) {
		out = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
		ret = MHD_queue_response(c, r->too_big ? MHD_HTTP_CONTENT_TOO_LARGE :
					 MHD_HTTP_BAD_REQUEST, out);
		MHD_destroy_response(out);
		return ret;
	}
	MHD_get_connection_values(c, MHD_HEADER_KIND, add_header_line, &lines);
	has_body = r->body.len || !strcmp(method, "POST") || !strcmp(method, "PUT") ||
		!strcmp(method, "PATCH");
	http_forward(method, target, &lines, has_body ? r->body.buf : NULL, &resp, &maybe_sent);
	for (size_t i = 0; i < lines.nr; i++)
		wipe_string(lines.v[i]);
	strvec_clear(&lines);
	MHD_get_connection_values(c, MHD_HEADER_KIND, wipe_auth, NULL);
	wipe_string(target);
	free(target);

	if (resp.failure != HTTP_DONE)
		out = failure_response(&resp, maybe_sent, &status);
	else
		out = api_response(&resp, &status);
	http_response_release(&resp);
	ret = MHD_queue_response(c, status, out);
	MHD_destroy_response(out);
	k->last_used = time(NULL);
	utimensat(AT_FDCWD, k->socket, NULL, 0);	/* for doctor: the idle time left */
	return ret;
}

/* The account's lock, held while we run: its fd, or -1 when another keeper has it. */
static int take_lock(const char *path)
{
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	char pid[32];
	int len;

	if (fd < 0)
		return -1;
	if (flock(fd, LOCK_EX | LOCK_NB)) {
		close(fd);
		return -1;
	}
	len = snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) || write(fd, pid, (size_t)len) != len) {
		close(fd);
		return -1;
	}
	return fd;
}

int keeper_serve(void)
{
	const struct syncro_config *cfg = config_get();
	struct keeper k = { cfg, NULL, 0 };
	struct keep_where w;
	struct MHD_Daemon *d;
	int lock, fd;

	keep_where(cfg, &w);
	if (!w.socket || (lock = take_lock(w.lock)) < 0) {
		keep_where_release(&w);
		return 0;
	}
	k.socket = w.socket;
	/* A socket left by a keeper that died: ours now, as we hold the lock. */
	unlink(w.socket);
	fd = user_socket_listen(w.socket);
	if (fd < 0) {
		close(lock);
		keep_where_release(&w);
		return 1;
	}
	http_forward_init();
	d = MHD_start_daemon(MHD_NO_FLAG, 0, NULL, NULL, on_request, &k,
			     MHD_OPTION_LISTEN_SOCKET, fd,
			     MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
			     MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
			     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)60,
			     MHD_OPTION_END);
	if (d) {
		k.last_used = time(NULL);
		while (time(NULL) - k.last_used < cfg->connection_keep)
			MHD_run_wait(d, 1000);
	}
	/* No new verb reaches us from here: they go direct and start another. */
	unlink(w.socket);
	if (d)
		MHD_stop_daemon(d);
	close(fd);
	close(lock);
	keep_where_release(&w);
	return d ? 0 : 1;
}
