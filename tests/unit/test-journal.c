#include "compat.h"
#include <dirent.h>
#include <sys/stat.h>
#include "config.h"
#include "journal.h"
#include "json.h"
#include "xmalloc.h"
#include "unit.h"
#include "unit-home.h"
#include "unit-run.h"

static cJSON *options(long minutes, const char *labor)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddNumberToObject(o, "minutes", (double)minutes);
	cJSON_AddStringToObject(o, "labor", labor);
	return o;
}

static char *journal_file(void)
{
	return xdg_state_path("journal/bill-32164.json");
}

START_TEST(no_journal_is_not_an_error)
{
	struct journal j = JOURNAL_INIT;

	ck_assert_int_eq(journal_load(&j, "bill", 32164), 0);
	ck_assert_int_eq(journal_exists(&j), 0);
	ck_assert_int_eq(journal_state(&j, "comment"), STEP_NONE);
	ck_assert_int_eq(journal_get_long(&j, "comment", "id", -1), -1);
	ck_assert_int_eq(journal_remove(&j), 0);
	assert_home_path(xstrdup(j.path), ".local/state/syncro/journal/bill-32164.json");
	journal_release(&j);
}
END_TEST

START_TEST(steps_and_ids_survive_a_reload)
{
	struct journal j = JOURNAL_INIT;
	struct stat st;
	char *path = journal_file();

	setenv("SYNCRO_TEST_NOW", "1790000000", 1);
	ck_assert_int_eq(journal_load(&j, "bill", 32164), 0);
	journal_begin(&j, options(60, "remote"));
	ck_assert_int_eq(journal_mark(&j, "comment", STEP_STARTED), 0);
	/* saved at once, private */
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	journal_set_long(&j, "comment", "id", 9001);
	ck_assert_int_eq(journal_mark(&j, "comment", STEP_DONE), 0);
	journal_set_string(&j, "invoice", "number", "1049");
	journal_add_long(&j, "charge", "timers", 11);
	journal_add_long(&j, "charge", "timers", 12);
	ck_assert_int_eq(journal_mark(&j, "invoice", STEP_STARTED), 0);
	journal_release(&j);

	ck_assert_int_eq(journal_load(&j, "bill", 32164), 0);
	ck_assert_int_eq(journal_exists(&j), 1);
	ck_assert_int_eq(journal_state(&j, "comment"), STEP_DONE);
	ck_assert_int_eq(journal_state(&j, "invoice"), STEP_STARTED);
	ck_assert_int_eq(journal_state(&j, "status"), STEP_NONE);
	ck_assert_int_eq(journal_get_long(&j, "comment", "id", -1), 9001);
	ck_assert_str_eq(journal_get_string(&j, "invoice", "number"), "1049");
	ck_assert_ptr_null(journal_get_string(&j, "invoice", "id"));
	ck_assert_int_eq(journal_has_long(&j, "charge", "timers", 12), 1);
	ck_assert_int_eq(journal_has_long(&j, "charge", "timers", 13), 0);
	ck_assert_int_eq(json_long(journal_options(&j), "minutes", -1), 60);
	ck_assert_str_eq(json_string(j.root, "started_at", ""), "2026-09-21T14:13:20Z");
	journal_release(&j);
	unsetenv("SYNCRO_TEST_NOW");
	free(path);
}
END_TEST

START_TEST(different_options_are_explained)
{
	struct journal j = JOURNAL_INIT;
	struct sbuf why = SBUF_INIT;
	cJSON *same = options(60, "remote"), *other = options(30, "remote");

	ck_assert_int_eq(journal_load(&j, "bill", 32164), 0);
	journal_begin(&j, options(60, "remote"));
	ck_assert_int_eq(journal_options_differ(&j, same, &why), 0);
	ck_assert_str_eq(why.buf, "");
	ck_assert_int_eq(journal_options_differ(&j, other, &why), 1);
	ck_assert_str_eq(why.buf, "  minutes: 60 then, 30 now\n");
	sbuf_reset(&why);
	cJSON_AddStringToObject(other, "body", "abc");
	ck_assert_int_eq(journal_options_differ(&j, other, &why), 2);
	ck_assert_str_eq(why.buf, "  minutes: 60 then, 30 now\n  body: (none) then, 'abc' now\n");
	cJSON_Delete(same);
	cJSON_Delete(other);
	sbuf_release(&why);
	journal_release(&j);
}
END_TEST

START_TEST(remove_forgets_it)
{
	struct journal j = JOURNAL_INIT;
	char *path = journal_file();

	ck_assert_int_eq(journal_load(&j, "bill", 32164), 0);
	ck_assert_int_eq(journal_mark(&j, "comment", STEP_DONE), 0);
	ck_assert_int_eq(access(path, F_OK), 0);
	ck_assert_int_eq(journal_remove(&j), 0);
	ck_assert_int_eq(access(path, F_OK), -1);
	ck_assert_int_eq(journal_exists(&j), 0);
	journal_release(&j);
	ck_assert_int_eq(journal_load(&j, "bill", 32164), 0);
	ck_assert_int_eq(journal_exists(&j), 0);
	journal_release(&j);
	free(path);
}
END_TEST

/* Only the journal and the ticket's lock in its directory: no temporary files left. */
START_TEST(rewrites_leave_no_temporary_files)
{
	struct journal j = JOURNAL_INIT;
	char *dir = xdg_state_path("journal");
	struct dirent *e;
	DIR *d;
	int files = 0;

	ck_assert_int_eq(journal_load(&j, "bill", 32164), 0);
	for (int i = 0; i < 5; i++) {
		journal_set_long(&j, "labor", "timer_id", i);
		ck_assert_int_eq(journal_mark(&j, "labor", STEP_STARTED), 0);
	}
	journal_release(&j);
	ck_assert_ptr_nonnull(d = opendir(dir));
	while ((e = readdir(d)))
		if (e->d_name[0] != '.' && strcmp(e->d_name, "32164.lock")) {
			ck_assert_str_eq(e->d_name, "bill-32164.json");
			files++;
		}
	closedir(d);
	ck_assert_int_eq(files, 1);
	free(dir);
}
END_TEST

static void load_quietly(void *unused)
{
	struct journal j = JOURNAL_INIT;
	int ret;

	(void)unused;
	ret = journal_load(&j, "bill", 32164);
	journal_release(&j);
	exit(ret == -1 ? 0 : 9);
}

static void assert_refused(const char *text, const char *why)
{
	struct sbuf err = SBUF_INIT, masked = SBUF_INIT;
	char *path = journal_file(), *want;

	ck_assert_int_eq(mkdir_for_file(path), 0);
	write_file(path, text);
	ck_assert_int_eq(run_in_child(load_quietly, NULL, &err), 0);
	add_home_masked(&masked, err.buf);
	want = xstrfmt("syncro: journal '~/.local/state/syncro/journal/bill-32164.json' %s\n"
		       "hint: look at it with: jq . ~/.local/state/syncro/journal/bill-32164.json\n"
		       "hint: forget it with: syncro bill --abandon 32164\n", why);
	ck_assert_str_eq(masked.buf, want);
	free(want);
	free(path);
	sbuf_release(&err);
	sbuf_release(&masked);
}

START_TEST(a_damaged_journal_is_refused_with_a_way_out)
{
	assert_refused("{\"version\":1,", "is not a JSON object");
	assert_refused("{\"version\":7,\"verb\":\"bill\",\"ticket\":32164}",
		       "has a version this syncro does not know");
	assert_refused("{\"version\":1,\"verb\":\"bill\",\"ticket\":32163}",
		       "belongs to another verb or ticket");
}
END_TEST

#define HEAD "{\"version\":1,\"verb\":\"bill\",\"ticket\":32164,"
#define STARTED "\"started_at\":\"2026-05-01T09:00:00Z\","
START_TEST(a_journal_that_cannot_be_used_is_refused)
{
	assert_refused(HEAD "\"options\":{},\"steps\":{\"start\":{}}}",
		       "is damaged: 'started_at' is not a time");
	assert_refused(HEAD STARTED "\"options\":[],\"steps\":{\"start\":{}}}",
		       "is damaged: 'options' is not an object");
	assert_refused(HEAD STARTED "\"options\":{},\"steps\":[]}",
		       "is damaged: 'steps' is not an object of the steps done");
	assert_refused(HEAD STARTED "\"options\":{},\"steps\":{}}",
		       "is damaged: 'steps' is not an object of the steps done");
	assert_refused(HEAD STARTED "\"options\":{},\"steps\":{\"comment\":[]}}",
		       "is damaged: a step is not an object");
	assert_refused(HEAD STARTED "\"options\":{},\"steps\":{\"comment\":{\"state\":\"posted\"}}}",
		       "is damaged: a step's state is neither 'started' nor 'done'");
	assert_refused(HEAD STARTED "\"options\":{},\"steps\":{\"comment\":{\"state\":1}}}",
		       "is damaged: a step's state is neither 'started' nor 'done'");
	assert_refused(HEAD STARTED "\"options\":{},\"steps\":{\"comment\":{\"id\":1e300}}}",
		       "is damaged: an id or count is a number out of range");
	assert_refused(HEAD STARTED "\"options\":{},\"steps\":{\"start\":{\"invoices\":[{\"id\":-1e300}]}}}",
		       "is damaged: an id or count is a number out of range");
	assert_refused(HEAD STARTED "\"options\":{\"minutes\":1e300},\"steps\":{\"start\":{}}}",
		       "is damaged: an option is a number out of range");
}
END_TEST

START_TEST(digest_notices_an_edit)
{
	char a[17], b[17], c[17];

	journal_digest("Replaced the toner.", a);
	journal_digest("Replaced the toner.", b);
	journal_digest("Replaced the toner!", c);
	ck_assert_str_eq(a, b);
	ck_assert_str_ne(a, c);
	ck_assert_uint_eq(strlen(a), 16);
	journal_digest("", a);
	ck_assert_str_eq(a, "cbf29ce484222325");
	journal_digest("a", a);
	ck_assert_str_eq(a, "af63dc4c8601ec8c");
}
END_TEST

static Suite *journal_suite(void)
{
	Suite *s = suite_create("journal");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, home_setup, home_teardown);
	tcase_add_test(tc, no_journal_is_not_an_error);
	tcase_add_test(tc, steps_and_ids_survive_a_reload);
	tcase_add_test(tc, different_options_are_explained);
	tcase_add_test(tc, remove_forgets_it);
	tcase_add_test(tc, rewrites_leave_no_temporary_files);
	tcase_add_test(tc, a_damaged_journal_is_refused_with_a_way_out);
	tcase_add_test(tc, a_journal_that_cannot_be_used_is_refused);
	tcase_add_test(tc, digest_notices_an_edit);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(journal_suite)
