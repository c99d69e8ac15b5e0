#include "compat.h"
#include "config.h"
#include "date.h"
#include "json.h"
#include "live-timer.h"
#include "usage.h"
#include "write-full.h"
#include "xmalloc.h"

char *live_timer_path(void)
{
	return xdg_state_path("timers.json");
}

/* The file's object; an empty one when there is no file. */
static cJSON *load(void)
{
	char *path = live_timer_path();
	struct sbuf text = SBUF_INIT;
	cJSON *all;

	if (sbuf_read_file(&text, path) < 0) {
		if (errno != ENOENT)
			die_errno("cannot read the live timers in '%s'", path);
		all = cJSON_CreateObject();
	} else if (!(all = json_parse(text.buf, text.len)) || !cJSON_IsObject(all)) {
		die("'%s' is not the JSON object of live timers; fix or remove it", path);
	}
	sbuf_release(&text);
	free(path);
	return all;
}

static int save(const cJSON *all)
{
	char *path = live_timer_path(), *text = json_print(all);
	int ret = 0;

	if (write_file_atomic(path, text, strlen(text)) < 0)
		ret = error_errno("cannot write the live timers to '%s'", path);
	free(text);
	free(path);
	return ret;
}

static int by_start(const void *a, const void *b)
{
	const struct live_timer *x = a, *y = b;

	if (x->started != y->started)
		return x->started < y->started ? -1 : 1;
	return (x->number > y->number) - (x->number < y->number);
}

size_t live_timers(struct live_timer **timers)
{
	cJSON *all = load();
	const cJSON *t;
	size_t nr = 0;

	*timers = xcalloc((size_t)cJSON_GetArraySize(all) + 1, sizeof(**timers));
	cJSON_ArrayForEach(t, all) {
		time_t started = json_time(t, "started_at");
		char *end;
		long number = strtol(t->string, &end, 10);

		if (*end || number <= 0 || started == (time_t)-1)
			continue;
		(*timers)[nr].number = number;
		(*timers)[nr].started = started;
		nr++;
	}
	qsort(*timers, nr, sizeof(**timers), by_start);
	cJSON_Delete(all);
	return nr;
}

time_t live_timer_started(long number)
{
	struct live_timer *timers;
	size_t nr = live_timers(&timers);
	time_t started = -1;

	for (size_t i = 0; i < nr; i++)
		if (timers[i].number == number)
			started = timers[i].started;
	free(timers);
	return started;
}

int live_timer_start(long number)
{
	cJSON *all = load(), *one = cJSON_CreateObject();
	char key[32], when[32];
	int ret;

	snprintf(key, sizeof(key), "%ld", number);
	format_timestamp(date_now(), when, sizeof(when));
	cJSON_AddStringToObject(one, "started_at", when);
	cJSON_DeleteItemFromObjectCaseSensitive(all, key);
	cJSON_AddItemToObject(all, key, one);
	ret = save(all);
	cJSON_Delete(all);
	return ret;
}

int live_timer_forget(long number)
{
	cJSON *all = load();
	char key[32];
	int ret;

	snprintf(key, sizeof(key), "%ld", number);
	cJSON_DeleteItemFromObjectCaseSensitive(all, key);
	ret = save(all);
	cJSON_Delete(all);
	return ret;
}
