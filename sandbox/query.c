#include "compat.h"
#include "query.h"
#include "xmalloc.h"

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

void url_decode(char *s)
{
	char *out = s;

	for (; *s; s++) {
		if (*s == '+') {
			*out++ = ' ';
		} else if (*s == '%' && hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
			*out++ = (char)(hexval(s[1]) * 16 + hexval(s[2]));
			s += 2;
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
}

cJSON *query_parse(const char *raw)
{
	cJSON *q = cJSON_CreateObject();
	char *copy, *p;

	if (!raw)
		return q;
	copy = xstrdup(raw);
	for (p = copy; p && *p;) {
		char *amp = strchr(p, '&'), *eq;

		if (amp)
			*amp = '\0';
		eq = strchr(p, '=');
		if (eq)
			*eq = '\0';
		url_decode(p);
		if (eq)
			url_decode(eq + 1);
		if (*p && !cJSON_GetObjectItemCaseSensitive(q, p))
			cJSON_AddStringToObject(q, p, eq ? eq + 1 : "");
		p = amp ? amp + 1 : NULL;
	}
	free(copy);
	return q;
}

/* Is the raw (still escaped) name api_key? */
static int is_api_key_name(const char *name, size_t len)
{
	char buf[32];

	if (len >= sizeof(buf))
		return 0;
	memcpy(buf, name, len);
	buf[len] = '\0';
	url_decode(buf);
	return !strcmp(buf, "api_key");
}

void query_mask_api_key(struct sbuf *out, const char *raw)
{
	const char *p = raw;

	while (p && *p) {
		const char *amp = strchr(p, '&');
		size_t len = amp ? (size_t)(amp - p) : strlen(p);
		const char *eq = memchr(p, '=', len);

		if (eq && is_api_key_name(p, (size_t)(eq - p))) {
			sbuf_add(out, p, (size_t)(eq - p) + 1);
			sbuf_addstr(out, "REDACTED");
		} else {
			sbuf_add(out, p, len);
		}
		if (!amp)
			break;
		sbuf_addch(out, '&');
		p = amp + 1;
	}
}
