#include "compat.h"
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <time.h>
#include "json.h"
#include "sbuf.h"
#include "usage.h"
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

long json_long(const cJSON *obj, const char *path, long def)
{
	const cJSON *v = json_get(obj, path);
	long n;

	if (cJSON_IsNumber(v)) {
		double d = v->valuedouble;

		if (!(d >= -JSON_NUMBER_MAX && d <= JSON_NUMBER_MAX) || d != (double)(long)d)
			return def;
		return (long)d;
	}
	if (cJSON_IsString(v) && v->valuestring) {
		const char *s = v->valuestring;
		char *end;

		errno = 0;
		n = strtol(s, &end, 10);
		if (!errno && end != s && !*end && n >= -(long)JSON_NUMBER_MAX &&
		    n <= (long)JSON_NUMBER_MAX)
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

/* n digits at *p into *out; advances *p. */
static int digits(const char **p, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

static int days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

int parse_timestamp(const char *s, time_t *out)
{
	int year, mon, day, hour = 0, min = 0, sec = 0, off = 0;
	const char *p = s;
	struct tm tm = { 0 };
	time_t t;

	if (!s || digits(&p, 4, &year) || *p++ != '-' || digits(&p, 2, &mon) ||
	    *p++ != '-' || digits(&p, 2, &day))
		return -1;
	if (mon < 1 || mon > 12 || day < 1 || day > days_in_month(year, mon))
		return -1;
	if (*p == 'T' || *p == ' ') {
		p++;
		if (digits(&p, 2, &hour) || *p++ != ':' || digits(&p, 2, &min))
			return -1;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &sec))
				return -1;
			if (*p == '.' || *p == ',') {	/* fractions are dropped */
				p++;
				if (!isdigit((unsigned char)*p))
					return -1;
				while (isdigit((unsigned char)*p))
					p++;
			}
		}
		if (hour > 23 || min > 59 || sec > 60)
			return -1;
		if (*p == 'Z' || *p == 'z') {
			p++;
		} else if (*p == '+' || *p == '-') {
			int sign = *p++ == '-' ? -1 : 1, oh, om;

			if (digits(&p, 2, &oh))
				return -1;
			if (*p == ':')
				p++;
			if (digits(&p, 2, &om) || oh > 23 || om > 59)
				return -1;
			off = sign * (oh * 3600 + om * 60);
		} else if (*p) {
			return -1;
		}
	}
	if (*p)
		return -1;
	tm.tm_year = year - 1900;
	tm.tm_mon = mon - 1;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = min;
	tm.tm_sec = sec;
	t = timegm(&tm);
	if (t == (time_t)-1 && !(year == 1969 && mon == 12 && day == 31))
		return -1;
	*out = t - off;
	return 0;
}

char *format_timestamp(time_t t, char *buf, size_t size)
{
	struct tm tm;

	if (!gmtime_r(&t, &tm) || !strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm)) {
		if (size)
			buf[0] = '\0';
	}
	return buf;
}

/*
 * Whether text holds more than JSON_MAX_VALUES values, counted before
 * parsing: each value after the first follows a ',' or an opening
 * bracket outside a string, and cJSON spends some 64 bytes on each.
 */
static int too_many_values(const char *text, size_t len)
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

cJSON *json_parse(const char *text, size_t len)
{
	const char *end = NULL;
	cJSON *v;

	if (!text || memchr(text, '\0', len) || too_many_values(text, len))
		return NULL;
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

/* Scalars and empty containers as cJSON writes them (escaping, numbers). */
static void print_scalar(struct sbuf *out, const cJSON *v)
{
	char *text = cJSON_PrintUnformatted(v);

	if (!text)
		die("out of memory printing JSON");
	sbuf_addstr(out, text);
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
