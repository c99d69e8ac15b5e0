#include "compat.h"
#include "config.h"
#include "date.h"
#include "journal.h"
#include "json.h"
#include "ticket-lock.h"
#include "usage.h"
#include "write-full.h"
#include "xmalloc.h"

static const char *const state_names[] = { NULL, "started", "done" };

/* Set while journal_load_to_forget() runs: a damaged journal is no error. */
static int forgetting;

/* A failure that names the file and the way out. */
static int journal_error(struct journal *j, const char *what)
{
	char *shown = path_for_display(j->path);

	if (forgetting) {
		cJSON_Delete(j->root);
		j->root = NULL;
		j->damaged = 1;
		warning("journal '%s' %s", shown, what);
		free(shown);
		return 0;
	}
	error("journal '%s' %s", shown, what);
	hint("look at it with: jq . %s", shown);
	hint("forget it with: syncro %s --abandon %ld", j->verb, j->number);
	free(shown);
	return -1;
}

/* Whether every number in v is within JSON_NUMBER_MAX (ids, counts, quantities). */
static int sane_numbers(const cJSON *v)
{
	const cJSON *item;

	if (cJSON_IsNumber(v))	/* json_double() gives def for anything else */
		return json_double(v, "", 0) == json_double(v, "", 1);
	if (!cJSON_IsArray(v) && !cJSON_IsObject(v))
		return 1;
	cJSON_ArrayForEach(item, v)
		if (!sane_numbers(item))
			return 0;
	return 1;
}

/*
 * What makes a journal unusable (a static string), or NULL: a journal that
 * loads must be one that journal_mark() can go on saving, with steps that
 * the verb knows (known: NULL-terminated, or NULL for any).
 */
static const char *damage(const cJSON *root, const char *const *known)
{
	const cJSON *steps = cJSON_GetObjectItemCaseSensitive(root, "steps"), *step;

	if (!cJSON_IsString(cJSON_GetObjectItemCaseSensitive(root, "started_at")))
		return "is damaged: 'started_at' is not a time";
	if (!cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(root, "options")))
		return "is damaged: 'options' is not an object";
	if (!cJSON_IsObject(steps) || !steps->child)
		return "is damaged: 'steps' is not an object of the steps done";
	cJSON_ArrayForEach(step, steps) {
		const cJSON *state = cJSON_GetObjectItemCaseSensitive(step, "state");
		int found = !known;

		for (size_t i = 0; known && known[i]; i++)
			found = found || !strcmp(known[i], step->string);
		if (!found)
			return "is damaged: it names a step this syncro does not know";
		if (!cJSON_IsObject(step))
			return "is damaged: a step is not an object";
		if (state && (!cJSON_IsString(state) || (strcmp(state->valuestring, "started") &&
							  strcmp(state->valuestring, "done"))))
			return "is damaged: a step's state is neither 'started' nor 'done'";
		if (!sane_numbers(step))
			return "is damaged: an id or count is a number out of range";
	}
	if (!sane_numbers(cJSON_GetObjectItemCaseSensitive(root, "options")))
		return "is damaged: an option is a number out of range";
	return NULL;
}

static int load(struct journal *j, const char *verb, long number, int lock,
		const char *const *known)
{
	struct sbuf text = SBUF_INIT;
	char *name;
	const char *jverb, *why;

	journal_release(j);
	if (lock && (j->lock = ticket_lock(number, verb) + 1) <= 0)
		return -1;
	name = xstrfmt("journal/%s-%ld.json", verb, number);
	j->path = xdg_state_path(name);
	j->verb = xstrdup(verb);
	j->number = number;
	free(name);
	if (sbuf_read_file(&text, j->path) < 0) {
		int missing = errno == ENOENT;
		char *shown = path_for_display(j->path);

		sbuf_release(&text);
		if (missing) {
			free(shown);
			return 0;
		}
		error_errno("cannot read journal '%s'", shown);
		free(shown);
		return -1;
	}
	j->root = json_parse(text.buf, text.len);
	sbuf_release(&text);
	if (!cJSON_IsObject(j->root))
		return journal_error(j, "is not a JSON object");
	jverb = json_string(j->root, "verb", NULL);
	if (json_long(j->root, "version", -1) != JOURNAL_VERSION)
		return journal_error(j, "has a version this syncro does not know");
	if (!jverb || strcmp(jverb, verb) || json_long(j->root, "ticket", -1) != number)
		return journal_error(j, "belongs to another verb or ticket");
	if ((why = damage(j->root, known)))
		return journal_error(j, why);
	return 0;
}

int journal_load(struct journal *j, const char *verb, long number)
{
	return load(j, verb, number, 1, NULL);
}

int journal_load_steps(struct journal *j, const char *verb, long number,
		       const char *const *steps)
{
	return load(j, verb, number, 1, steps);
}

int journal_load_to_forget(struct journal *j, const char *verb, long number)
{
	int ret;

	forgetting = 1;
	ret = load(j, verb, number, 1, NULL);
	forgetting = 0;
	return ret;
}

int journal_peek(struct journal *j, const char *verb, long number)
{
	return load(j, verb, number, 0, NULL);
}

int journal_exists(const struct journal *j)
{
	return j->root != NULL;
}

void journal_begin(struct journal *j, cJSON *options)
{
	char when[32];

	cJSON_Delete(j->root);
	j->root = cJSON_CreateObject();
	cJSON_AddNumberToObject(j->root, "version", JOURNAL_VERSION);
	cJSON_AddStringToObject(j->root, "verb", j->verb ? j->verb : "");
	cJSON_AddNumberToObject(j->root, "ticket", (double)j->number);
	cJSON_AddStringToObject(j->root, "started_at",
				format_timestamp(date_now(), when, sizeof(when)));
	cJSON_AddItemToObject(j->root, "options", options ? options : cJSON_CreateObject());
	cJSON_AddObjectToObject(j->root, "steps");
}

void journal_set_options(struct journal *j, cJSON *options)
{
	if (!j->root)
		journal_begin(j, NULL);
	cJSON_ReplaceItemInObjectCaseSensitive(j->root, "options", options);
}

const cJSON *journal_options(const struct journal *j)
{
	return cJSON_GetObjectItemCaseSensitive(j->root, "options");
}

static void add_value(struct sbuf *sb, const cJSON *v)
{
	char *text;

	if (!v) {
		sbuf_addstr(sb, "(none)");
		return;
	}
	if (cJSON_IsString(v)) {
		sbuf_addf(sb, "'%s'", v->valuestring);
		return;
	}
	text = cJSON_PrintUnformatted(v);
	sbuf_addstr(sb, text ? text : "?");
	cJSON_free(text);
}

int journal_options_differ(const struct journal *j, const cJSON *now, struct sbuf *why)
{
	const cJSON *then = journal_options(j), *v;
	int n = 0;

	cJSON_ArrayForEach(v, now) {
		const cJSON *old = cJSON_GetObjectItemCaseSensitive(then, v->string);

		if (old && cJSON_Compare(old, v, 1))
			continue;
		sbuf_addf(why, "  %s: ", v->string);
		add_value(why, old);
		sbuf_addstr(why, " then, ");
		add_value(why, v);
		sbuf_addstr(why, " now\n");
		n++;
	}
	return n;
}

static cJSON *steps(const struct journal *j)
{
	return cJSON_GetObjectItemCaseSensitive(j->root, "steps");
}

static cJSON *step_of(const struct journal *j, const char *step)
{
	return cJSON_GetObjectItemCaseSensitive(steps(j), step);
}

/* The step's object, made when missing (and the journal begun if need be). */
static cJSON *step_make(struct journal *j, const char *step)
{
	cJSON *s;

	if (!j->root)
		journal_begin(j, NULL);
	if (!steps(j))
		cJSON_AddObjectToObject(j->root, "steps");
	if (!(s = step_of(j, step)))
		s = cJSON_AddObjectToObject(steps(j), step);
	return s;
}

static void set_member(cJSON *obj, const char *key, cJSON *value)
{
	if (cJSON_GetObjectItemCaseSensitive(obj, key))
		cJSON_ReplaceItemInObjectCaseSensitive(obj, key, value);
	else
		cJSON_AddItemToObject(obj, key, value);
}

enum step_state journal_state(const struct journal *j, const char *step)
{
	const char *s = json_string(step_of(j, step), "state", NULL);

	if (s && !strcmp(s, "done"))
		return STEP_DONE;
	if (s && !strcmp(s, "started"))
		return STEP_STARTED;
	return STEP_NONE;
}

int journal_mark(struct journal *j, const char *step, enum step_state state)
{
	if (state == STEP_NONE)
		cJSON_DeleteItemFromObjectCaseSensitive(steps(j), step);
	else
		set_member(step_make(j, step), "state", cJSON_CreateString(state_names[state]));
	return journal_save(j);
}

void journal_set_long(struct journal *j, const char *step, const char *key, long value)
{
	set_member(step_make(j, step), key, cJSON_CreateNumber((double)value));
}

void journal_set_string(struct journal *j, const char *step, const char *key, const char *value)
{
	set_member(step_make(j, step), key, value ? cJSON_CreateString(value) : cJSON_CreateNull());
}

void journal_add_long(struct journal *j, const char *step, const char *key, long value)
{
	cJSON *s = step_make(j, step), *a = cJSON_GetObjectItemCaseSensitive(s, key);

	if (!cJSON_IsArray(a)) {
		a = cJSON_CreateArray();
		set_member(s, key, a);
	}
	cJSON_AddItemToArray(a, cJSON_CreateNumber((double)value));
}

void journal_set_json(struct journal *j, const char *step, const char *key, cJSON *value)
{
	set_member(step_make(j, step), key, value);
}

const cJSON *journal_get_json(const struct journal *j, const char *step, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(step_of(j, step), key);
}

long journal_get_long(const struct journal *j, const char *step, const char *key, long def)
{
	return json_long(step_of(j, step), key, def);
}

const char *journal_get_string(const struct journal *j, const char *step, const char *key)
{
	return json_string(step_of(j, step), key, NULL);
}

int journal_has_long(const struct journal *j, const char *step, const char *key, long value)
{
	const cJSON *v;

	cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(step_of(j, step), key))
		if (cJSON_IsNumber(v) && json_long(v, "", -1) == value)
			return 1;
	return 0;
}

int journal_save(struct journal *j)
{
	char *text;
	int ret = 0;

	if (!j->root)
		journal_begin(j, NULL);
	text = json_print(j->root);
	if (write_file_atomic(j->path, text, strlen(text)) < 0) {
		char *shown = path_for_display(j->path);

		ret = error_errno("cannot write journal '%s'", shown);
		free(shown);
	}
	free(text);
	return ret;
}

int journal_remove(struct journal *j)
{
	if (j->path && unlink(j->path) < 0 && errno != ENOENT) {
		char *shown = path_for_display(j->path);
		int ret = error_errno("cannot remove journal '%s'", shown);

		free(shown);
		return ret;
	}
	cJSON_Delete(j->root);
	j->root = NULL;
	return 0;
}

void journal_abandon(const char *verb, const char *what, long number,
		     void (*refuse)(const struct journal *j, long number),
		     void (*describe)(const struct journal *j, struct sbuf *sb))
{
	struct journal j = JOURNAL_INIT;
	struct sbuf done = SBUF_INIT;

	if (journal_load_to_forget(&j, verb, number) < 0)
		exit(EXIT_ERROR);
	if (j.damaged) {
		if (journal_remove(&j) < 0)
			exit(EXIT_ERROR);
		fprintf(stderr, "forgot the damaged journal of #%ld; 'syncro ticket %ld' shows "
			"what Syncro holds\n", number, number);
	} else if (!journal_exists(&j)) {
		fprintf(stderr, "no unfinished %s of #%ld to forget\n", what, number);
	} else {
		if (refuse)
			refuse(&j, number);
		if (describe)
			describe(&j, &done);
		if (journal_remove(&j) < 0)
			exit(EXIT_ERROR);
		fprintf(stderr, "forgot the unfinished %s of #%ld", what, number);
		if (done.len)
			fprintf(stderr, "; Syncro keeps what it did: %s", done.buf);
		fputc('\n', stderr);
	}
	sbuf_release(&done);
	journal_release(&j);
}

void journal_release(struct journal *j)
{
	free(j->path);
	free(j->verb);
	cJSON_Delete(j->root);
	ticket_unlock(j->lock - 1);
	j->path = j->verb = NULL;
	j->root = NULL;
	j->number = 0;
	j->lock = 0;
	j->damaged = 0;
}

void journal_digest(const char *text, char out[17])
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		h ^= *p;
		h *= 0x100000001b3ULL;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}
