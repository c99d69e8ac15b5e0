/*
 * A scripted HTTP server inside the test process (libmicrohttpd on
 * 127.0.0.1, a port the system picks), for the suites of the network
 * modules: it answers the requests in order with the replies a test set,
 * and keeps what it received (method, path and query, headers, body) for
 * the test to compare exactly. Start it after home_setup() (unit-home.h):
 * it points SYNCRO_BASE_URL and SYNCRO_API_KEY at itself. Its threads
 * make fork() unsafe: a test that forks (run_in_child()) calls
 * server_stop() first.
 */
#ifndef SYNCRO_UNIT_SERVER_H
#define SYNCRO_UNIT_SERVER_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <microhttpd.h>
#include <cjson/cJSON.h>
#include "json.h"
#include "sbuf.h"
#include "unit-home.h"
#include "unit-run.h"
#include "xmalloc.h"

#define SERVER_MAX 16
#define SERVER_KEY "unit-key-1234"

struct server_reply {
	int status;
	const char *body;	/* sent as is; NULL: "" */
	const char *content_type; /* NULL: application/json */
	const char *location;	/* a Location header, or NULL */
	int delay_ms;		/* wait this long before answering */
	size_t repeat;		/* > 0: body is this many 'x' instead */
};

struct server_request {
	char *method;
	char *target;		/* path and query as received: "/api/v1/me?a=b" */
	char *authorization;
	char *content_type;
	char *accept;
	char *user_agent;
	struct sbuf body;
};

static struct {
	struct MHD_Daemon *daemon;
	pthread_mutex_t lock;
	struct server_reply replies[SERVER_MAX];
	size_t replies_nr;
	struct server_request got[SERVER_MAX];
	size_t got_nr;
	unsigned short port;
} server;

static char *server_header(struct MHD_Connection *c, const char *name)
{
	const char *v = MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);

	return v ? xstrdup(v) : NULL;
}

static enum MHD_Result server_add_query(void *cls, enum MHD_ValueKind kind, const char *key,
					 const char *value)
{
	struct sbuf *target = cls;

	(void)kind;
	sbuf_addch(target, strchr(target->buf, '?') ? '&' : '?');
	sbuf_addf(target, "%s=%s", key, value ? value : "");
	return MHD_YES;
}

static enum MHD_Result server_answer(void *cls, struct MHD_Connection *c, const char *url,
				      const char *method, const char *version,
				      const char *upload, size_t *upload_size, void **state)
{
	struct server_request *req = *state;
	struct server_reply reply = { 500, "{\"error\":\"no reply scripted\"}", NULL, NULL, 0, 0 };
	struct MHD_Response *resp;
	struct sbuf target = SBUF_INIT;
	char *text;
	size_t len;
	enum MHD_Result ret;

	(void)cls;
	(void)version;
	if (!req) {
		pthread_mutex_lock(&server.lock);
		if (server.got_nr == SERVER_MAX) {
			pthread_mutex_unlock(&server.lock);
			return MHD_NO;
		}
		req = &server.got[server.got_nr++];
		pthread_mutex_unlock(&server.lock);
		sbuf_addstr(&target, url);
		MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, server_add_query, &target);
		req->method = xstrdup(method);
		req->target = sbuf_detach(&target, NULL);
		req->authorization = server_header(c, "Authorization");
		req->content_type = server_header(c, "Content-Type");
		req->accept = server_header(c, "Accept");
		req->user_agent = server_header(c, "User-Agent");
		sbuf_init(&req->body, 0);
		*state = req;
		return MHD_YES;
	}
	if (*upload_size) {
		sbuf_add(&req->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	pthread_mutex_lock(&server.lock);
	if ((size_t)(req - server.got) < server.replies_nr)
		reply = server.replies[req - server.got];
	pthread_mutex_unlock(&server.lock);
	if (reply.delay_ms)
		usleep(reply.delay_ms * 1000);
	if (reply.repeat) {
		text = xmalloc(reply.repeat);
		memset(text, 'x', reply.repeat);
		len = reply.repeat;
	} else {
		text = xstrdup(reply.body ? reply.body : "");
		len = strlen(text);
	}
	resp = MHD_create_response_from_buffer(len, text, MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(resp, "Content-Type",
				reply.content_type ? reply.content_type : "application/json");
	if (reply.location)
		MHD_add_response_header(resp, "Location", reply.location);
	ret = MHD_queue_response(c, reply.status, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* Answer the next requests with these replies, in order (after any set before). */
static inline void server_script(const struct server_reply *replies, size_t n)
{
	ck_assert_uint_le(server.replies_nr + n, SERVER_MAX);
	for (size_t i = 0; i < n; i++)
		server.replies[server.replies_nr++] = replies[i];
}

static inline void server_start(void)
{
	struct sockaddr_in addr;
	const union MHD_DaemonInfo *info;
	char url[64];

	memset(&server, 0, sizeof(server));
	pthread_mutex_init(&server.lock, NULL);
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	server.daemon = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD,
					 0, NULL, NULL, server_answer, NULL,
					 MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
					 MHD_OPTION_END);
	ck_assert_ptr_nonnull(server.daemon);
	info = MHD_get_daemon_info(server.daemon, MHD_DAEMON_INFO_BIND_PORT);
	ck_assert_ptr_nonnull(info);
	server.port = info->port;
	snprintf(url, sizeof(url), "http://127.0.0.1:%u/api/v1", server.port);
	setenv("SYNCRO_BASE_URL", url, 1);
	setenv("SYNCRO_API_KEY", SERVER_KEY, 1);
}

static inline void server_stop(void)
{
	if (server.daemon)
		MHD_stop_daemon(server.daemon);
	for (size_t i = 0; i < server.got_nr; i++) {
		struct server_request *r = &server.got[i];

		free(r->method);
		free(r->target);
		free(r->authorization);
		free(r->content_type);
		free(r->accept);
		free(r->user_agent);
		sbuf_release(&r->body);
	}
	memset(&server, 0, sizeof(server));
}

/* A checked fixture: a fresh HOME, timeouts of 1 s, the server started. */
static inline void server_setup(void)
{
	char *path;

	home_setup();
	path = home_file("config.yaml");
	write_file(path, "timeout: 1\nconnect_timeout: 1\n");
	setenv("SYNCRO_CONFIG", path, 1);
	free(path);
	server_start();
}

static inline void server_teardown(void)
{
	server_stop();
	home_teardown();
}

#define REPLY(status, body) { status, body, NULL, NULL, 0, 0 }
/* Script the replies of the array r. */
#define SCRIPT(r) server_script(r, sizeof(r) / sizeof(r[0]))

/* Ticket #32164 of the suites, and the answer that resolves its number to its id. */
#define TICKET_ID "108430330"
#define LOOKUP REPLY(200, "{\"tickets\":[{\"id\":" TICKET_ID ",\"number\":32164}]}")

/* text parsed, the caller's to free. */
static inline cJSON *parse(const char *text)
{
	cJSON *json = json_parse(text, strlen(text));

	ck_assert_ptr_nonnull(json);
	return json;
}

/* json (freed here) printed unformatted is want. */
static inline void assert_json(cJSON *json, const char *want)
{
	char *text = cJSON_PrintUnformatted(json);

	ck_assert_str_eq(text, want);
	cJSON_free(text);
	cJSON_Delete(json);
}

/* The requests received, one line each: "GET /api/v1/me" (the body after a space, if any). */
static inline char *server_log(void)
{
	struct sbuf sb = SBUF_INIT;

	for (size_t i = 0; i < server.got_nr; i++) {
		sbuf_addf(&sb, "%s %s", server.got[i].method, server.got[i].target);
		if (server.got[i].body.len)
			sbuf_addf(&sb, " %s", server.got[i].body.buf);
		sbuf_addch(&sb, '\n');
	}
	return sbuf_detach(&sb, NULL);
}

/* Assert the requests received, as server_log() shows them. */
#define assert_server_log(want) do { \
	char *log_ = server_log(); \
	ck_assert_str_eq(log_, want); \
	free(log_); \
} while (0)

#endif
