#include "compat.h"
#include <ctype.h>
#include "api.h"
#include "customer-create.h"
#include "json.h"
#include "levenshtein.h"
#include "xmalloc.h"

/* The name's words asked about, at most (one round of requests at once). */
#define NEAR_QUERIES_MAX 4

void new_customer_name(const struct new_customer *c, struct sbuf *out)
{
	if (c->business && *c->business)
		sbuf_addstr(out, c->business);
	else
		sbuf_addf(out, "%s%s%s", c->first ? c->first : "", c->first && c->last ? " " : "",
			  c->last ? c->last : "");
}

cJSON *new_customer_body(const struct new_customer *c)
{
	static const char *const keys[] = { "business_name", "firstname", "lastname", "email", "phone" };
	const char *values[] = { c->business, c->first, c->last, c->email, c->phone };
	cJSON *body = cJSON_CreateObject();

	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		if (values[i])
			cJSON_AddStringToObject(body, keys[i], values[i]);
	return body;
}

static int has_id(const cJSON *list, long id)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, list)
		if (json_long(it, "id", -1) == id)
			return 1;
	return 0;
}

/*
 * The significant words of name, lowercased, once each: letters and digits,
 * three or more of them, none of the words every business name may have
 * ("the", "and", "inc", "llc"...). At most max.
 */
static void significant_words(const char *name, struct strvec *out, size_t max)
{
	static const char *const common[] = { "the", "and", "inc", "llc", "ltd", "corp", "company" };
	const char *p = name;

	while (*p && out->nr < max) {
		size_t len = 0, i;
		char *word;
		int skip = 0;

		while (*p && !isalnum((unsigned char)*p))
			p++;
		while (isalnum((unsigned char)p[len]))
			len++;
		if (!len)
			break;
		word = xstrndup(p, len);
		p += len;
		for (char *c = word; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		skip = len < 3;
		for (i = 0; !skip && i < ARRAY_SIZE(common); i++)
			skip = !strcmp(word, common[i]);
		for (i = 0; !skip && i < out->nr; i++)
			skip = !strcmp(word, out->v[i]);
		if (!skip)
			strvec_push(out, word);
		free(word);
	}
}

/* name as its significant words, space-separated: "The Desert-Sun Dental" -> "desert sun dental". */
static char *normalized(const char *name)
{
	struct strvec words = STRVEC_INIT;
	struct sbuf sb = SBUF_INIT;

	significant_words(name, &words, SIZE_MAX);
	for (size_t i = 0; i < words.nr; i++)
		sbuf_addf(&sb, "%s%s", i ? " " : "", words.v[i]);
	strvec_clear(&words);
	return sbuf_detach(&sb, NULL);
}

/* Within a quarter of a's length of edits, ignoring case. */
static int near_text(const char *a, const char *b)
{
	char *x = xstrdup(a), *y = xstrdup(b);
	int d, len = (int)strlen(a);

	for (char *p = x; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	for (char *p = y; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	d = levenshtein(x, y, 0, 1, 1, 1);
	free(x);
	free(y);
	return d <= len / 4;
}

/* The same name ignoring case, a few letters off, or so once "The", "Inc"... are left out. */
static int near_name(const char *a, const char *b)
{
	char *x, *y;
	int near;

	if (near_text(a, b))
		return 1;
	x = normalized(a);
	y = normalized(b);
	near = *x && near_text(x, y);
	free(x);
	free(y);
	return near;
}

/* The customers of answer not in out yet, and near name when name is given. */
static void add_from(cJSON *out, const cJSON *answer, const char *name)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, json_get(answer, "customers")) {
		if (has_id(out, json_long(it, "id", -1)))
			continue;
		if (!name || near_name(name, json_string(it, "business_then_name", "")))
			cJSON_AddItemToArray(out, cJSON_Duplicate(it, 1));
	}
}

cJSON *customer_near_duplicates(const struct new_customer *c)
{
	cJSON *out = cJSON_CreateArray(), *answers[NEAR_QUERIES_MAX + 1];
	struct api_request reqs[NEAR_QUERIES_MAX + 1];
	struct api_error errs[NEAR_QUERIES_MAX + 1];
	struct strvec queries[NEAR_QUERIES_MAX + 1];
	struct strvec words = STRVEC_INIT;
	struct sbuf name = SBUF_INIT;
	size_t n = 0, email = 0;

	new_customer_name(c, &name);
	if (c->email && *c->email) {
		queries[n] = (struct strvec)STRVEC_INIT;
		strvec_pushf(&queries[n], "email=%s", c->email);
		n++;
		email = 1;
	}
	significant_words(name.buf, &words, NEAR_QUERIES_MAX);
	if (!words.nr && *name.buf) {	/* "The Company": its first word, as before */
		size_t len = strcspn(name.buf, " \t");

		strvec_pushf(&words, "%.*s", (int)len, name.buf);
	}
	for (size_t i = 0; i < words.nr; i++) {
		queries[n] = (struct strvec)STRVEC_INIT;
		strvec_pushf(&queries[n], "query=%s", words.v[i]);
		n++;
	}
	for (size_t i = 0; i < n; i++) {
		reqs[i] = (struct api_request){ "GET", "/customers", &queries[i], NULL, NULL };
		errs[i] = (struct api_error)API_ERROR_INIT;
	}
	if (n && api_get_many(reqs, n, answers, errs)) {
		for (size_t i = 0; i < n; i++)
			if (errs[i].code)
				api_die(&errs[i]);
	}
	for (size_t i = 0; i < n; i++) {
		add_from(out, answers[i], i < email ? NULL : name.buf);
		cJSON_Delete(answers[i]);
		api_error_release(&errs[i]);
		strvec_clear(&queries[i]);
	}
	strvec_clear(&words);
	sbuf_release(&name);
	return out;
}
