#include "compat.h"
#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif
#include <time.h>
#include <microhttpd.h>
#include "handlers.h"
#include "query.h"
#include "server.h"
#include "user-keys.h"
#include "xmalloc.h"

#define API_PREFIX "/api/v1"
#define CONTROL_PREFIX "/__sandbox/"
#define MAX_BODY (1024 * 1024)

/* What one connection's current request has gathered so far. */
struct conn_req {
	char *uri;		/* as sent, with the query */
	struct sbuf body;
	int started;
	int too_big;
};

/* An answer on its way out. */
struct answer {
	int status;
	char *body;		/* owned */
	const char *content_type;
	const cJSON *headers;	/* extra headers, or NULL */
	long retry_after;	/* > 0: add Retry-After */
};

/*
 * Each TCP connection gets the next number when it opens, kept as its
 * socket context (a number, not a pointer: nothing to free).
 */
static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
			  enum MHD_ConnectionNotificationCode code)
{
	struct server *srv = cls;

	(void)c;
	if (code == MHD_CONNECTION_NOTIFY_STARTED)
		*socket_context = (void *)(uintptr_t)atomic_fetch_add(&srv->connections, 1) + 1;
}

static long connection_number(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *info =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return info ? (long)(uintptr_t)info->socket_context : 0;
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	struct conn_req *cr = xcalloc(1, sizeof(*cr));

	(void)cls;
	(void)c;
	cr->uri = xstrdup(uri ? uri : "");
	sbuf_init(&cr->body, 0);
	return cr;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **req_cls,
			 enum MHD_RequestTerminationCode code)
{
	struct conn_req *cr = *req_cls;

	(void)cls;
	(void)c;
	(void)code;
	if (!cr)
		return;
	free(cr->uri);
	sbuf_release(&cr->body);
	free(cr);
	*req_cls = NULL;
}

static enum MHD_Result send_answer(struct MHD_Connection *c, struct answer *a)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	const cJSON *h;

	resp = MHD_create_response_from_buffer(strlen(a->body), a->body, MHD_RESPMEM_MUST_COPY);
	free(a->body);
	a->body = NULL;
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
				a->content_type ? a->content_type : "application/json; charset=utf-8");
	if (a->retry_after > 0) {
		char buf[32];

		snprintf(buf, sizeof(buf), "%ld", a->retry_after);
		MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, buf);
	}
	cJSON_ArrayForEach(h, a->headers)
		MHD_add_response_header(resp, h->string, h->valuestring);
	ret = MHD_queue_response(c, (unsigned int)a->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static void set_json(struct answer *a, int status, cJSON *json)
{
	a->status = status;
	a->body = cJSON_PrintUnformatted(json);
	cJSON_Delete(json);
}

static void set_msg(struct answer *a, int status, const char *key, const char *msg)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, key, msg);
	set_json(a, status, o);
}

/* The control endpoints under /__sandbox/ (the caller holds the lock). */
static void control(struct server *srv, const char *method, const char *path,
		    const struct sbuf *body, struct answer *a)
{
	const char *what = path + strlen(CONTROL_PREFIX);

	if (!strcmp(what, "requests") && !strcmp(method, "GET")) {
		cJSON *o = wrap("requests", cJSON_Duplicate(srv->ctl.log, 1));

		cJSON_AddNumberToObject(o, "dropped", (double)srv->ctl.log_dropped);
		set_json(a, 200, o);
	} else if (!strcmp(what, "requests") && !strcmp(method, "DELETE")) {
		clear_log(&srv->ctl);
		set_json(a, 200, cJSON_CreateObject());
	} else if (!strcmp(what, "reset") && !strcmp(method, "POST")) {
		state_reset(srv->st);
		clear_log(&srv->ctl);
		clear_fail_rules(&srv->ctl);
		client_limit_reset(&srv->rl);
		set_json(a, 200, cJSON_CreateObject());
	} else if (!strcmp(what, "fail") && !strcmp(method, "POST")) {
		cJSON *json = cJSON_ParseWithLength(body->buf, body->len);
		struct sbuf err = SBUF_INIT;

		if (add_fail_rule(&srv->ctl, json, &err) < 0)
			set_msg(a, 400, "error", err.buf);
		else
			set_json(a, 200, cJSON_CreateObject());
		sbuf_release(&err);
		cJSON_Delete(json);
	} else if (!strcmp(what, "fail") && !strcmp(method, "DELETE")) {
		clear_fail_rules(&srv->ctl);
		set_json(a, 200, cJSON_CreateObject());
	} else {
		set_msg(a, 404, "message", "Not found");
	}
}

/* Which form of the key the request used, and the key itself. */
static const char *auth_scheme(struct MHD_Connection *c, const char **key)
{
	const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);

	if (h) {
		if (!strncasecmp(h, "Bearer ", 7)) {
			for (*key = h + 7; **key == ' '; (*key)++)
				;
			return "bearer";
		}
		*key = h;
		return "header";
	}
	*key = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "api_key");
	return *key ? "query" : "none";
}

static double monotonic_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void client_address(struct MHD_Connection *c, char *buf, size_t size)
{
	const union MHD_ConnectionInfo *info =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = info ? info->client_addr : NULL;

	snprintf(buf, size, "unknown");
	if (sa && sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, buf, (socklen_t)size);
	else if (sa && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, buf, (socklen_t)size);
}

/* Is the body a form (application/x-www-form-urlencoded, what curl -d sends)? */
static int is_form(struct MHD_Connection *c)
{
	static const char form[] = "application/x-www-form-urlencoded";
	const char *type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);

	return type && !strncasecmp(type, form, strlen(form)) &&
		strchr("; \t", type[strlen(form)]);	/* the NUL too */
}

/* Is the body JSON by its Content-Type (application/json, maybe with parameters)? */
static int is_json(struct MHD_Connection *c)
{
	static const char json[] = "application/json";
	const char *type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);

	return type && !strncasecmp(type, json, strlen(json)) &&
		strchr("; \t", type[strlen(json)]);	/* the NUL too */
}

static int is_write(const char *method)
{
	return !strcmp(method, "POST") || !strcmp(method, "PUT") || !strcmp(method, "PATCH");
}

/* What Rails serves for a request it cannot read. */
static const char bad_request_page[] =
	"<!DOCTYPE html>\n<html>\n<head>\n  <title>Bad Request (400)</title>\n</head>\n"
	"<body>\n  <h1>Bad Request</h1>\n  <p>The request could not be understood.</p>\n"
	"</body>\n</html>\n";

/* Answer an API request (after injected failures): limit, auth, route. */
static void api(struct server *srv, struct MHD_Connection *c, const char *method,
		const char *path, const char *raw_query, const struct sbuf *body,
		int peek, struct answer *a)
{
	const char *key, *scheme = auth_scheme(c, &key);
	struct api_req r = { 0 };
	char addr[INET6_ADDRSTRLEN + 1];
	long retry = 0;
	int allowed;

	client_address(c, addr, sizeof(addr));
	allowed = peek || srv->rl.limit <= 0;
	if (!allowed) {
		pthread_rwlock_wrlock(&srv->st->lock);
		allowed = client_limit_take(&srv->rl, addr, monotonic_seconds(), &retry);
		pthread_rwlock_unlock(&srv->st->lock);
	}
	if (!allowed) {
		set_msg(a, 429, "error", "Rate limit exceeded");
		a->retry_after = srv->retry_after ? retry : 0;
		return;
	}
	if (strcmp(scheme, "none") && key && !strcmp(key, srv->api_key)) {
		/* authorized */
	} else if (strcmp(scheme, "none") && (r.user_id = user_key_lookup(srv->user_keys, key)) >= 0) {
		/* a tech's own key */
	} else {
		set_msg(a, 401, "error", "Not authorized");
		return;
	}
	if (strncmp(path, API_PREFIX "/", strlen(API_PREFIX) + 1)) {
		set_msg(a, 404, "message", "Not found");
		return;
	}
	if (is_write(method) && !(srv->st->quirks & QUIRK_FORM_BODIES) && !is_json(c)) {
		/* as live accounts answer a write that is not JSON */
		a->status = 400;
		a->body = xstrdup(bad_request_page);
		a->content_type = "text/html; charset=utf-8";
		return;
	}
	if (body->len) {
		/* Rails reads a form as it reads a query: every value a string */
		r.body = (srv->st->quirks & QUIRK_FORM_BODIES) && is_form(c) ?
			query_parse(body->buf) : cJSON_ParseWithLength(body->buf, body->len);
		if (!r.body) {
			set_msg(a, 400, "error", "the request body is not valid JSON");
			return;
		}
	}
	r.st = srv->st;
	r.method = method;
	r.path = path + strlen(API_PREFIX);
	r.query = query_parse(raw_query);
	/* GET handlers only read, so they may run side by side. */
	if (!strcmp(method, "GET"))
		pthread_rwlock_rdlock(&srv->st->lock);
	else
		pthread_rwlock_wrlock(&srv->st->lock);
	api_dispatch(&r);
	if (!r.reply)
		r.reply = cJSON_CreateObject();
	set_json(a, r.status ? r.status : 200, r.reply);	/* it may refer to the data */
	pthread_rwlock_unlock(&srv->st->lock);
	cJSON_Delete(r.query);
	cJSON_Delete(r.body);
}

static void log_it(struct server *srv, struct MHD_Connection *c, const char *method,
		   const char *path, const char *raw_query, const struct sbuf *body,
		   const char *scheme, int status)
{
	struct sbuf masked = SBUF_INIT;

	if (!srv->test_controls)
		return;
	if (raw_query)
		query_mask_api_key(&masked, raw_query);
	pthread_rwlock_wrlock(&srv->st->lock);
	log_request(&srv->ctl, method, path, raw_query ? masked.buf : NULL,
		    body->buf, body->len, scheme, status, connection_number(c));
	pthread_rwlock_unlock(&srv->st->lock);
	sbuf_release(&masked);
}

/*
 * With -v, one line per request on stderr: "GET /api/v1/tickets?page=2 200".
 * The query's api_key is masked; headers (Authorization) are never shown.
 * status 0: the connection was dropped without an answer.
 */
static void trace(const struct server *srv, const char *method, const char *path,
		  const char *raw_query, int status)
{
	struct sbuf masked = SBUF_INIT;
	char code[16];

	if (!srv->verbose)
		return;
	if (raw_query)
		query_mask_api_key(&masked, raw_query);
	if (status)
		snprintf(code, sizeof(code), "%d", status);
	else
		snprintf(code, sizeof(code), "dropped");
	/* one call, so that lines of parallel requests do not mix */
	fprintf(stderr, "%s %s%s%s %s\n", method, path, raw_query ? "?" : "",
		raw_query ? masked.buf : "", code);
	sbuf_release(&masked);
}

static enum MHD_Result serve(struct server *srv, struct MHD_Connection *c,
			     const char *url, const char *method, struct conn_req *cr)
{
	char *path = xstrdup(url), *raw_query = strchr(cr->uri, '?');
	struct answer a = { 0 };
	struct fail_rule rule = { 0 };
	const char *key, *scheme = auth_scheme(c, &key);
	const char *peek_header = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Sandbox-Control");
	int peek = srv->test_controls && peek_header && !strcmp(peek_header, "peek");
	int injected = 0;
	enum MHD_Result ret;

	if (raw_query)
		raw_query++;
	for (size_t len = strlen(path); len > 1 && path[len - 1] == '/'; len--)
		path[len - 1] = '\0';

	if (cr->too_big) {
		set_msg(&a, 413, "error", "the request body is too large");
	} else if (!strncmp(path, CONTROL_PREFIX, strlen(CONTROL_PREFIX))) {
		if (srv->test_controls) {
			pthread_rwlock_wrlock(&srv->st->lock);
			control(srv, method, path, &cr->body, &a);
			pthread_rwlock_unlock(&srv->st->lock);
		} else {
			set_msg(&a, 404, "message", "Not found");
		}
		peek = 1;
	} else {
		if (!peek && srv->test_controls) {
			pthread_rwlock_wrlock(&srv->st->lock);
			injected = take_fail_rule(&srv->ctl, method, path, &rule);
			pthread_rwlock_unlock(&srv->st->lock);
		}
		if (injected && rule.delay_ms > 0) {
			struct timespec ts = { rule.delay_ms / 1000, (rule.delay_ms % 1000) * 1000000L };

			nanosleep(&ts, NULL);
		}
		if (injected && rule.close) {
			log_it(srv, c, method, path, raw_query, &cr->body, scheme, 0);
			trace(srv, method, path, raw_query, 0);
			fail_rule_release(&rule);
			free(path);
			return MHD_NO;
		}
		if (injected && rule.status) {
			a.status = rule.status;
			a.body = xstrdup(rule.body ? rule.body : "");
			a.content_type = rule.content_type;
			a.headers = rule.headers;
		} else {
			api(srv, c, method, path, raw_query, &cr->body, peek, &a);
		}
	}
	if (!peek)
		log_it(srv, c, method, path, raw_query, &cr->body, scheme, a.status);
	trace(srv, method, path, raw_query, a.status);
	ret = send_answer(c, &a);
	fail_rule_release(&rule);
	free(path);
	return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version,
				  const char *upload, size_t *upload_size, void **req_cls)
{
	struct conn_req *cr = *req_cls;

	(void)version;
	if (!cr->started) {
		cr->started = 1;
		return MHD_YES;
	}
	if (*upload_size) {
		if (cr->body.len + *upload_size > MAX_BODY)
			cr->too_big = 1;
		else
			sbuf_add(&cr->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	return serve(cls, c, url, method, cr);
}

int server_start(struct server *srv, int port)
{
	struct sockaddr_in sa = { 0 };
	const union MHD_DaemonInfo *info;

	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	controls_init(&srv->ctl);
	srv->daemon = MHD_start_daemon(
		MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG,
		(uint16_t)port, NULL, NULL, on_request, srv,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, srv,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, srv,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)60,
		MHD_OPTION_END);
	if (!srv->daemon) {
		controls_free(&srv->ctl);
		return -1;
	}
	info = MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
	return info ? info->port : port;
}

void server_stop(struct server *srv)
{
	MHD_stop_daemon(srv->daemon);
	srv->daemon = NULL;
	controls_free(&srv->ctl);
	client_limit_reset(&srv->rl);
}
