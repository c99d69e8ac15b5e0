/* GET /me, GET /users, GET /users/{id}. */
#include "compat.h"
#include "handlers.h"
#include "render.h"
#include "user-keys.h"

void get_me(struct api_req *r)
{
	if (r->user_id > 0)
		reply(r, 200, user_key_me(r->st, r->user_id));
	else
		reply(r, 200, cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(r->st->data, "me"), 1));
}

/* {"users": [[id, "Full Name"], ...]}: pairs, no meta, as the spec shows. */
void get_users(struct api_req *r)
{
	cJSON *pairs = cJSON_CreateArray();
	const cJSON *u;

	cJSON_ArrayForEach(u, coll(r->st, "users")) {
		cJSON *pair = cJSON_CreateArray();

		cJSON_AddItemToArray(pair, cJSON_CreateNumber(num_field(u, "id", 0)));
		cJSON_AddItemToArray(pair, cJSON_CreateString(str_field(u, "full_name") ?
							      str_field(u, "full_name") : ""));
		cJSON_AddItemToArray(pairs, pair);
	}
	reply(r, 200, wrap("users", pairs));
}

void get_user(struct api_req *r)
{
	cJSON *u = render_user(r->st, cap_id(r, 0));

	if (cJSON_IsNull(u)) {
		cJSON_Delete(u);
		reply_not_found(r);
		return;
	}
	reply(r, 200, wrap("user", u));
}
