#include "compat.h"
#include "request.h"
#include "sbuf.h"

const cJSON *arg(const struct api_req *r, const char *name)
{
	const cJSON *v = NULL;

	if (cJSON_IsObject(r->body))
		v = cJSON_GetObjectItemCaseSensitive(r->body, name);
	if (!v)
		v = cJSON_GetObjectItemCaseSensitive(r->query, name);
	return v;
}

const cJSON *arg_text(const struct api_req *r, const char *name)
{
	cJSON *v = cJSON_IsObject(r->body) ? cJSON_GetObjectItemCaseSensitive(r->body, name) : NULL;
	char *text;

	if (!cJSON_IsNumber(v) && !cJSON_IsBool(v))
		return arg(r, name);
	/* what Rails makes of them for a string column: 123 -> "123", true -> "t" */
	text = cJSON_IsBool(v) ? NULL : cJSON_PrintUnformatted(v);
	cJSON_ReplaceItemInObjectCaseSensitive(r->body, name,
					       cJSON_CreateString(text ? text : cJSON_IsTrue(v) ? "t" : "f"));
	cJSON_free(text);
	return cJSON_GetObjectItemCaseSensitive(r->body, name);
}

const char *arg_str(const struct api_req *r, const char *name)
{
	const cJSON *v = arg_text(r, name);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

int arg_num(const struct api_req *r, const char *name, double *out)
{
	const cJSON *v = arg(r, name);

	if (cJSON_IsNumber(v)) {
		*out = v->valuedouble;
		return 1;
	}
	if (cJSON_IsString(v) && *v->valuestring) {
		char *end;
		double d = strtod(v->valuestring, &end);

		if (!*end) {
			*out = d;
			return 1;
		}
	}
	return 0;
}

int arg_bool(const struct api_req *r, const char *name, int *out)
{
	const cJSON *v = arg(r, name);

	if (cJSON_IsBool(v)) {
		*out = cJSON_IsTrue(v);
		return 1;
	}
	if (cJSON_IsString(v)) {
		if (!strcmp(v->valuestring, "true") || !strcmp(v->valuestring, "1")) {
			*out = 1;
			return 1;
		}
		if (!strcmp(v->valuestring, "false") || !strcmp(v->valuestring, "0")) {
			*out = 0;
			return 1;
		}
	}
	return 0;
}

int has_arg(const struct api_req *r, const char *name)
{
	return arg(r, name) != NULL;
}

double req_user_id(const struct api_req *r)
{
	return r->user_id > 0 ? r->user_id : me_user_id(r->st);
}

double cap_id(const struct api_req *r, int i)
{
	char *end;
	double d;

	if (i >= r->caps.nr)
		return -1;
	d = strtod(r->caps.v[i], &end);
	return *end || d < 0 ? -1 : d;
}

void reply(struct api_req *r, int status, cJSON *body)
{
	cJSON_Delete(r->reply);
	r->status = status;
	r->reply = body;
}

void reply_msg(struct api_req *r, int status, const char *key, const char *message)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, key, message);
	reply(r, status, o);
}

void reply_not_found(struct api_req *r)
{
	reply_msg(r, 404, "message", "Not found");
}

void reply_rejected(struct api_req *r, const struct strvec *messages, cJSON *params)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddFalseToObject(o, "success");
	cJSON_AddItemToObject(o, "message",
			      cJSON_CreateStringArray((const char *const *)messages->v,
						      (int)messages->nr));
	if (params)
		cJSON_AddItemToObject(o, "params", params);
	reply(r, 422, o);
}

cJSON *wrap(const char *key, cJSON *value)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddItemToObject(o, key, value);
	return o;
}
