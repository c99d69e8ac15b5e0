/*
 * One API request as the route handlers see it, and how they answer. The
 * server owns every pointer here; a handler sets status and reply (which the
 * server then owns and frees) with the reply_* helpers.
 */
#ifndef SANDBOX_REQUEST_H
#define SANDBOX_REQUEST_H

#include <cjson/cJSON.h>
#include "route.h"
#include "state.h"

struct api_req {
	struct state *st;
	const char *method;
	const char *path;		/* below /api/v1: "/tickets/108430330" */
	cJSON *query;			/* object of strings */
	cJSON *body;			/* the JSON body (a form: its fields as strings), or NULL */
	struct route_captures caps;	/* the {id} segments of the route */
	double user_id;			/* the user of a --user-key key; 0: the account's key */
	int status;
	cJSON *reply;
};

/* A parameter: from the JSON body, else from the query string (as Rails merges them). */
const cJSON *arg(const struct api_req *r, const char *name);
/*
 * A parameter Syncro keeps as text: a number or boolean in the JSON body is
 * first turned into a string there, as Rails casts it for a string column
 * (123 -> "123", true -> "t", false -> "f").
 */
const cJSON *arg_text(const struct api_req *r, const char *name);
/* The parameter as text (arg_text), or NULL when it is not a string or scalar. */
const char *arg_str(const struct api_req *r, const char *name);
/* Set *out to the parameter as a number (a number or numeric string); 1 if so. */
int arg_num(const struct api_req *r, const char *name, double *out);
/* Set *out to the parameter as a boolean (true/false, "true"/"1"/"false"/"0"); 1 if so. */
int arg_bool(const struct api_req *r, const char *name, int *out);
/* Whether the parameter was given at all (even as null). */
int has_arg(const struct api_req *r, const char *name);
/*
 * Whose the request's writes are: the key's owner (syncro-api.md §14 row
 * 13), the user of a --user-key key, else the account's own user (me).
 */
double req_user_id(const struct api_req *r);
/* Capture i of the route as a number, or -1 when it is not one. */
double cap_id(const struct api_req *r, int i);

/* {"key": value} (value taken). */
cJSON *wrap(const char *key, cJSON *value);
/* Answer with status and body (taken). */
void reply(struct api_req *r, int status, cJSON *body);
/* Answer with status and {"key":"message"}. */
void reply_msg(struct api_req *r, int status, const char *key, const char *message);
/* 404 {"message":"Not found"} */
void reply_not_found(struct api_req *r);
/* 422 {"success":false,"message":[messages...]} from a strvec. */
struct strvec;
void reply_rejected(struct api_req *r, const struct strvec *messages, cJSON *params);

#endif
