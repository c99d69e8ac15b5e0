#include "compat.h"
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <time.h>
#include "json.h"
#include "sbuf.h"
#include "usage.h"
#include "utf8.h"
#include "xmalloc.h"

const cJSON *json_get(const cJSON *obj, const char *path)
{
	const char *seg = path;

	while (obj && *seg) {
		const char *dot = strchr(seg, '.');
		size_t len = dot ? (size_t)(dot - seg) : strlen(seg);
		char name[128];

		if (len >= sizeof(name))
			return NULL;
		memcpy(name, seg, len);
		name[len] = '\0';
		if (cJSON_IsArray(obj)) {
			char *end;
			long i;

			errno = 0;
			i = strtol(name, &end, 10);
			if (errno || end == name || *end || i < 0 || i > INT_MAX)
				return NULL;
			obj = cJSON_GetArrayItem(obj, (int)i);
		} else if (cJSON_IsObject(obj)) {
			obj = cJSON_GetObjectItemCaseSensitive(obj, name);
		} else {
			return NULL;
		}
		seg = dot ? dot + 1 : seg + len;
	}
	return obj;
}

const char *json_string(const cJSON *obj, const char *path, const char *def)
{
	const cJSON *v = json_get(obj, path);

	return cJSON_IsString(v) && v->valuestring ? v->valuestring : def;
}

/* A number written as a string: digits, optional sign, point and exponent. */
static int number_text(const char *s, double *out)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	if (!*s)
		return -1;
	errno = 0;
	*out = strtod(s, &end);
	while (isspace((unsigned char)*end))
		end++;
	if (errno || *end || !isfinite(*out))
		return -1;
	return 0;
}

double json_double(const cJSON *obj, const char *path, double def)
{
	const cJSON *v = json_get(obj, path);
	double d;

	if (cJSON_IsNumber(v))
		d = v->valuedouble;
	else if (!cJSON_IsString(v) || !v->valuestring || number_text(v->valuestring, &d))
		return def;
	return d >= -JSON_NUMBER_MAX && d <= JSON_NUMBER_MAX ? d : def;
}

/* JSON_NUMBER_MAX, or less where a long is smaller (32 bits on Windows). */
static double long_bound(void)
{
	return (double)LONG_MAX < JSON_NUMBER_MAX ? (double)LONG_MAX : JSON_NUMBER_MAX;
}

long json_long(const cJSON *obj, const char *path, long def)
{
	const cJSON *v = json_get(obj, path);
	long n;

	if (cJSON_IsNumber(v)) {
		double d = v->valuedouble;

		/* checked before the conversion: one out of range is undefined */
		if (!(d >= -long_bound() && d <= long_bound()) || d != (double)(long)d)
			return def;
		return (long)d;
	}
	if (cJSON_IsString(v) && v->valuestring) {
		const char *s = v->valuestring;
		char *end;

		errno = 0;
		n = strtol(s, &end, 10);
		if (!errno && end != s && !*end && (double)n >= -JSON_NUMBER_MAX &&
		    (double)n <= JSON_NUMBER_MAX)
			return n;
	}
	return def;
}

int json_bool(const cJSON *obj, const char *path, int def)
{
	const cJSON *v = json_get(obj, path);

	if (cJSON_IsTrue(v))
		return 1;
	if (cJSON_IsFalse(v))
		return 0;
	return def;
}

time_t json_time(const cJSON *obj, const char *path)
{
	const char *s = json_string(obj, path, NULL);
	time_t t;

	if (!s || parse_timestamp(s, &t))
		return -1;
	return t;
}

/*
 * Whether text holds more than JSON_MAX_VALUES values, counted before
 * parsing: each value after the first follows a ',' or an opening
 * bracket outside a string, and cJSON spends some 64 bytes on each.
 */
int json_too_many_values(const char *text, size_t len)
{
	size_t n = 1;
	int in_string = 0;

	for (size_t i = 0; i < len; i++) {
		char c = text[i];

		if (in_string) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = 0;
		} else if (c == '"') {
			in_string = 1;
		} else if ((c == ',' || c == '[' || c == '{') && ++n > JSON_MAX_VALUES) {
			return 1;
		}
	}
	return 0;
}

/*
 * An escaped NUL (\u0000) in a string would end the C string that cJSON
 * makes of it, hiding the rest of a comment: a copy of text with each one
 * written \ufffd (U+FFFD, the replacement character), or NULL when text
 * has none. The caller frees it.
 */
static char *without_escaped_nul(const char *text, size_t len)
{
	char *copy = NULL;
	int in_string = 0;

	for (size_t i = 0; i < len; i++) {
		if (!in_string) {
			in_string = text[i] == '"';
		} else if (text[i] == '"') {
			in_string = 0;
		} else if (text[i] == '\\' && i + 1 < len) {
			if (i + 5 < len && !memcmp(text + i + 1, "u0000", 5)) {
				if (!copy)
					copy = xstrndup(text, len);
				memcpy(copy + i + 2, "fffd", 4);
			}
			i++;
		}
	}
	return copy;
}

cJSON *json_parse(const char *text, size_t len)
{
	const char *end = NULL;
	char *clean;
	cJSON *v;

	if (!text || memchr(text, '\0', len) || json_too_many_values(text, len))
		return NULL;
	if ((clean = without_escaped_nul(text, len))) {
		v = json_parse(clean, len);
		free(clean);
		return v;
	}
	v = cJSON_ParseWithOpts(text, &end, 0);
	if (!v)
		return NULL;
	while (end && end < text + len && isspace((unsigned char)*end))
		end++;
	if (end != text + len) {
		cJSON_Delete(v);
		return NULL;
	}
	return v;
}

/* Whether cp, written raw, could drive a terminal that shows the JSON. */
static int needs_escape(uint32_t cp)
{
	return (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
		utf8_is_bidi_control(cp);
}

/*
 * Text as cJSON printed it, with what cJSON leaves raw escaped too: DEL,
 * the C1 controls (U+009B is a CSI, U+0085 a newline to some terminals),
 * the line and paragraph separators and the bidi controls, as \u0085.
 * Outside strings cJSON writes only ASCII, so this touches strings only.
 */
static void add_escaped(struct sbuf *out, const char *text)
{
	size_t len = strlen(text);

	while (len) {
		uint32_t cp;
		size_t n = utf8_decode(text, len, &cp);

		if (needs_escape(cp))
			sbuf_addf(out, "\\u%04x", (unsigned)cp);
		else
			sbuf_add(out, text, n);
		text += n;
		len -= n;
	}
}

/* Scalars and empty containers as cJSON writes them (escaping, numbers). */
static void print_scalar(struct sbuf *out, const cJSON *v)
{
	char *text = cJSON_PrintUnformatted(v);

	if (!text)
		die("out of memory printing JSON");
	add_escaped(out, text);
	cJSON_free(text);
}

/* Two-space indentation, one member per line, as jq prints. */
static void print_value(struct sbuf *out, const cJSON *v, int depth)
{
	const cJSON *item;
	int object = cJSON_IsObject(v);

	if ((!object && !cJSON_IsArray(v)) || !v->child) {
		print_scalar(out, v);
		return;
	}
	sbuf_addch(out, object ? '{' : '[');
	cJSON_ArrayForEach(item, v) {
		sbuf_addf(out, "\n%*s", 2 * (depth + 1), "");
		if (object) {
			cJSON *key = cJSON_CreateString(item->string ? item->string : "");

			print_scalar(out, key);
			cJSON_Delete(key);
			sbuf_addstr(out, ": ");
		}
		print_value(out, item, depth + 1);
		if (item->next)
			sbuf_addch(out, ',');
	}
	sbuf_addf(out, "\n%*s%c", 2 * depth, "", object ? '}' : ']');
}

void json_add_printed(struct sbuf *out, const cJSON *value, int depth)
{
	print_value(out, value, depth);
}

char *json_print(const cJSON *value)
{
	struct sbuf sb = SBUF_INIT;

	print_value(&sb, value, 0);
	sbuf_addch(&sb, '\n');
	return sbuf_detach(&sb, NULL);
}
