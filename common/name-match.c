#include "compat.h"
#include "json.h"
#include "levenshtein.h"
#include "name-match.h"
#include "prompt.h"
#include "usage.h"
#include "xmalloc.h"

/* Edit distances below this make a suggestion (git's similarity floor). */
#define SUGGESTION_FLOOR 7

static int contains_ci(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++)
		if (!strncasecmp(haystack, needle, n))
			return 1;
	return !n;
}

long name_match_id(const char *s)
{
	char *end;
	long id;

	if (!*s || strspn(s, "0123456789") != strlen(s))
		return -1;
	errno = 0;
	id = strtol(s, &end, 10);
	return errno || *end || id <= 0 ? -1 : id;
}

long name_match_equal(const struct strvec *names, const char *typed)
{
	for (size_t i = 0; i < names->nr; i++)
		if (!strcasecmp(names->v[i], typed))
			return (long)i;
	return -1;
}

size_t name_match(const struct strvec *names, const char *typed, size_t *matches)
{
	long exact = name_match_equal(names, typed);
	size_t n = 0;

	if (exact >= 0) {
		matches[0] = (size_t)exact;
		return 1;
	}
	if (!*typed)
		return 0;
	for (size_t i = 0; i < names->nr; i++)
		if (contains_ci(names->v[i], typed))
			matches[n++] = i;
	return n;
}

static char *lowercase(const char *s)
{
	char *out = xstrdup(s);

	for (char *p = out; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return out;
}

const char *name_match_closest(const struct strvec *names, const char *typed)
{
	char *want = lowercase(typed);
	const char *best = NULL;
	int best_distance = SUGGESTION_FLOOR;

	for (size_t i = 0; i < names->nr; i++) {
		char *name = lowercase(names->v[i]);
		/* A name that contains what was typed is as close as it gets. */
		int d = *want && strstr(name, want) ? 0 : suggestion_distance(want, name);

		if (d < best_distance) {
			best_distance = d;
			best = names->v[i];
		}
		free(name);
	}
	free(want);
	return best;
}

void name_match_join(struct sbuf *out, const struct strvec *names)
{
	for (size_t i = 0; i < names->nr; i++) {
		if (i)
			sbuf_addstr(out, ", ");
		sbuf_addstr(out, names->v[i]);
	}
}

size_t name_match_pick_one(const char *what, const char *question, const char *typed,
		const char *option, const struct strvec *shown)
{
	struct sbuf msg = SBUF_INIT;
	size_t index;

	if (prompt_choose(question, shown, &index) == PROMPT_OK)
		return index;
	sbuf_addf(&msg, "%s '%s' is ambiguous; pass one with %s:", what, typed, option);
	for (size_t i = 0; i < shown->nr; i++)
		sbuf_addf(&msg, "\n  %s", shown->v[i]);
	die_with(EXIT_USAGE, "%s", msg.buf);
}

const cJSON *name_match_pick(const cJSON *items, const char *name_key, const char *arg,
		       const char *what, const char *question, const char *option)
{
	struct strvec names = STRVEC_INIT, shown = STRVEC_INIT;
	long id = name_match_id(arg);
	const cJSON *it, *found = NULL;
	size_t *matches, n;

	if (id > 0) {
		cJSON_ArrayForEach(it, items)
			if (json_long(it, "id", -1) == id)
				return it;
		return NULL;
	}
	cJSON_ArrayForEach(it, items)
		strvec_push(&names, json_string(it, name_key, ""));
	matches = xcalloc(names.nr + 1, sizeof(*matches));
	n = name_match(&names, arg, matches);
	if (n == 1)
		found = cJSON_GetArrayItem(items, (int)matches[0]);
	if (n > 1) {
		for (size_t i = 0; i < n; i++)
			strvec_pushf(&shown, "%ld  %s",
				     json_long(cJSON_GetArrayItem(items, (int)matches[i]), "id", 0),
				     names.v[matches[i]]);
		found = cJSON_GetArrayItem(items, (int)matches[name_match_pick_one(what, question, arg,
									 option, &shown)]);
		strvec_clear(&shown);
	}
	free(matches);
	strvec_clear(&names);
	return found;
}
