/*
 * The test controls (--test-controls): the log of the requests received
 * and the failures to inject. The caller holds the state lock around every
 * call. The controls own the log and the rules.
 */
#ifndef SANDBOX_CONTROLS_H
#define SANDBOX_CONTROLS_H

#include <cjson/cJSON.h>
#include "sbuf.h"

/* An injected failure (POST /__sandbox/fail). */
struct fail_rule {
	char *method;		/* NULL: any method */
	char *path;		/* a route pattern: "*" matches one segment */
	long count;		/* requests left to fail */
	int status;		/* 0: after the delay, answer normally */
	char *body;
	char *content_type;
	cJSON *headers;		/* object of extra header strings, or NULL */
	long delay_ms;
	int close;		/* drop the connection without answering */
};

/* The largest count and delay_ms of a rule (larger ones are cut to it). */
#define FAIL_RULE_NUMBER_MAX 1000000000L
/* The longest delay_ms of a rule: ten minutes. */
#define FAIL_DELAY_MAX_MS 600000L

/* The log keeps the latest requests only, so a long run does not grow without end. */
#define REQUEST_LOG_MAX 10000

struct controls {
	cJSON *log;		/* array of {method,path,query,body,auth,status,connection} */
	int log_nr;		/* entries in log, at most REQUEST_LOG_MAX */
	long log_dropped;	/* older entries dropped since the last clear */
	struct fail_rule *rules;
	int nr, alloc;
};

void controls_init(struct controls *ctl);
void controls_free(struct controls *ctl);

/*
 * Log one request, dropping the oldest beyond REQUEST_LOG_MAX. query is the
 * masked query string (NULL when the URL had none); body the raw body (len
 * 0: none); status what was answered (0 when the connection was closed
 * without an answer); connection the number of the TCP connection it came
 * on (1 for the first since the sandbox started, 2 for the next, ...).
 */
void log_request(struct controls *ctl, const char *method, const char *path,
		 const char *query, const char *body, size_t len, const char *auth,
		 int status, long connection);
void clear_log(struct controls *ctl);

/* Add a rule from its JSON; -1 with a message in err when it is malformed. */
int add_fail_rule(struct controls *ctl, const cJSON *json, struct sbuf *err);
void clear_fail_rules(struct controls *ctl);
/*
 * The first rule matching method and path, counted down: a copy the caller
 * frees with fail_rule_release(), or 0 when none matches.
 */
int take_fail_rule(struct controls *ctl, const char *method, const char *path,
		   struct fail_rule *out);
void fail_rule_release(struct fail_rule *rule);

#endif
