#include "compat.h"
#include <dirent.h>
#include <time.h>
#include <sys/stat.h>
#include "cache.h"
#include "cache-dir.h"
#include "config.h"
#include "customer-cache.h"
#include "xmalloc.h"
#include "unit.h"
#include "unit-home.h"
#include "unit-run.h"

/* The cache of UNIT_BASE_URL (unit-home.h), under HOME. */
#define CACHE_DIR ".cache/syncro/acme-invalid-210a180a"

static cJSON *ticket(long number, long id, const char *status, const char *subject)
{
	cJSON *t = cJSON_CreateObject();

	cJSON_AddNumberToObject(t, "id", (double)id);
	cJSON_AddNumberToObject(t, "number", (double)number);
	cJSON_AddStringToObject(t, "status", status);
	cJSON_AddNumberToObject(t, "customer_id", 3001);
	cJSON_AddStringToObject(t, "customer_business_then_name", "Jerry Burger");
	cJSON_AddStringToObject(t, "subject", subject);
	cJSON_AddStringToObject(t, "updated_at", "2026-11-27T10:00:00.000-05:00");
	cJSON_AddStringToObject(t, "problem_type", "Other");	/* not cached */
	return t;
}

static char *read_cache_file(const char *name)
{
	struct sbuf sb = SBUF_INIT;
	char *path = cache_path(name);

	ck_assert_int_eq(sbuf_read_file(&sb, path), 0);
	free(path);
	return sbuf_detach(&sb, NULL);
}

static void store(cJSON *tickets)
{
	ck_assert_int_eq(cache_store_tickets(tickets), 0);
	cJSON_Delete(tickets);
}

START_TEST(missing_cache_is_empty)
{
	struct ticket_cache cache;

	ck_assert_int_eq(ticket_cache_load(&cache), 0);
	ck_assert_uint_eq(cache.nr, 0);
	ck_assert_int_eq(cache.mtime, 0);
	ck_assert_ptr_null(ticket_cache_find(&cache, 32164));
	ticket_cache_release(&cache);
	ck_assert_int_eq(cache_ticket_id(32164), -1);
	ck_assert_int_eq(cache_age("tickets.tsv"), -1);
	ck_assert_ptr_null(cache_read_json("settings", -1));
}
END_TEST

START_TEST(round_trip)
{
	struct ticket_cache cache;
	cJSON *list = cJSON_CreateArray();
	char *text, *dir = home_file(CACHE_DIR), *file = home_file(CACHE_DIR "/tickets.tsv");
	const struct cached_ticket *t;
	struct stat st;

	cJSON_AddItemToArray(list, ticket(32161, 108429977, "In Progress", "Printer offline"));
	cJSON_AddItemToArray(list, ticket(32164, 108430330, "New", "Own cloud\tthing\nagain"));
	cJSON_AddItemToArray(list, ticket(32163, 108430301, "New", "Remote - Jim"));
	store(list);

	text = read_cache_file("tickets.tsv");
	ck_assert_str_eq(text,
		"32164\t108430330\tNew\t3001\tJerry Burger\tOwn cloud thing again\t2026-11-27T10:00:00.000-05:00\n"
		"32163\t108430301\tNew\t3001\tJerry Burger\tRemote - Jim\t2026-11-27T10:00:00.000-05:00\n"
		"32161\t108429977\tIn Progress\t3001\tJerry Burger\tPrinter offline\t2026-11-27T10:00:00.000-05:00\n");
	free(text);
	ck_assert_int_eq(stat(dir, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);
	ck_assert_int_eq(stat(file, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);

	ck_assert_int_eq(ticket_cache_load(&cache), 0);
	ck_assert_uint_eq(cache.nr, 3);
	ck_assert_int_ne(cache.mtime, 0);
	ck_assert_int_eq(cache.items[0].number, 32164);
	ck_assert_int_eq(cache.items[2].number, 32161);
	t = ticket_cache_find(&cache, 32161);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->id, 108429977);
	ck_assert_int_eq(t->customer_id, 3001);
	ck_assert_str_eq(t->status, "In Progress");
	ck_assert_str_eq(t->customer, "Jerry Burger");
	ck_assert_str_eq(t->subject, "Printer offline");
	ck_assert_str_eq(t->updated_at, "2026-11-27T10:00:00.000-05:00");
	ck_assert_ptr_null(ticket_cache_find(&cache, 32162));
	ticket_cache_release(&cache);

	ck_assert_int_eq(cache_ticket_id(32163), 108430301);
	ck_assert_int_ge(cache_age("tickets.tsv"), 0);
	ck_assert_int_le(cache_age("tickets.tsv"), 5);
	free(dir);
	free(file);
}
END_TEST

START_TEST(merge_replaces_and_adds)
{
	cJSON *list = cJSON_CreateArray(), *one;
	char *text;

	cJSON_AddItemToArray(list, ticket(100, 1000, "New", "first"));
	cJSON_AddItemToArray(list, ticket(102, 1020, "New", "third"));
	store(list);

	store(ticket(102, 1020, "Resolved", "third, done"));	/* a single object */

	list = cJSON_CreateArray();
	cJSON_AddItemToArray(list, ticket(101, 1010, "New", "second"));
	one = cJSON_CreateObject();	/* no id: skipped */
	cJSON_AddNumberToObject(one, "number", 99);
	cJSON_AddItemToArray(list, one);
	one = cJSON_CreateObject();	/* number as a string: fine */
	cJSON_AddStringToObject(one, "number", "103");
	cJSON_AddNumberToObject(one, "id", 1030);
	cJSON_AddItemToArray(list, one);
	one = cJSON_CreateObject();	/* not a whole number (json.h): skipped */
	cJSON_AddNumberToObject(one, "number", 104.5);
	cJSON_AddNumberToObject(one, "id", 1040);
	cJSON_AddItemToArray(list, one);
	store(list);

	text = read_cache_file("tickets.tsv");
	ck_assert_str_eq(text,
		"103\t1030\t\t0\t\t\t\n"
		"102\t1020\tResolved\t3001\tJerry Burger\tthird, done\t2026-11-27T10:00:00.000-05:00\n"
		"101\t1010\tNew\t3001\tJerry Burger\tsecond\t2026-11-27T10:00:00.000-05:00\n"
		"100\t1000\tNew\t3001\tJerry Burger\tfirst\t2026-11-27T10:00:00.000-05:00\n");
	free(text);
	ck_assert_int_eq(cache_ticket_id(99), -1);
	ck_assert_int_eq(cache_store_tickets(NULL), -1);
}
END_TEST

START_TEST(forget_drops_one_number)
{
	cJSON *list = cJSON_CreateArray();
	char *text;

	cJSON_AddItemToArray(list, ticket(100, 1000, "New", "first"));
	cJSON_AddItemToArray(list, ticket(101, 1010, "New", "second"));
	store(list);
	ck_assert_int_eq(cache_forget_ticket(100), 0);
	ck_assert_int_eq(cache_forget_ticket(555), 0);	/* not there: nothing to do */
	text = read_cache_file("tickets.tsv");
	ck_assert_str_eq(text,
		"101\t1010\tNew\t3001\tJerry Burger\tsecond\t2026-11-27T10:00:00.000-05:00\n");
	free(text);
	ck_assert_int_eq(cache_ticket_id(100), -1);
	ck_assert_int_eq(cache_ticket_id(101), 1010);
}
END_TEST

START_TEST(hand_edited_file_still_loads)
{
	struct ticket_cache cache;
	char *path = home_file(CACHE_DIR "/tickets.tsv");

	ck_assert_int_eq(mkdir_for_file(path), 0);
	write_file(path,
		   "5\t50\tNew\t1\tA\ts\tu\n"
		   "garbage line\n"
		   "\n"
		   "9\t90\tNew\t1\tB\ts\tu\n"
		   "x\t1\tNew\t1\tC\ts\tu\n"
		   "7\t70\tNew\t1\tC\ts\tu");	/* no final newline */
	ck_assert_int_eq(ticket_cache_load(&cache), 0);
	ck_assert_uint_eq(cache.nr, 3);
	ck_assert_int_eq(cache.items[0].number, 9);
	ck_assert_int_eq(cache.items[1].number, 7);
	ck_assert_int_eq(cache.items[2].number, 5);
	ck_assert_int_eq(ticket_cache_find(&cache, 7)->id, 70);
	ck_assert_str_eq(ticket_cache_find(&cache, 7)->updated_at, "u");
	ticket_cache_release(&cache);
	free(path);
}
END_TEST

/* Only the cache files themselves are left in the directory. */
static void assert_only(const char *const *names, size_t nr)
{
	char *dir = cache_path(NULL);
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t seen = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d))) {
		int known = 0;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		for (size_t i = 0; i < nr; i++)
			known |= !strcmp(e->d_name, names[i]);
		ck_assert_msg(known, "unexpected file '%s' in the cache", e->d_name);
		seen++;
	}
	closedir(d);
	ck_assert_uint_eq(seen, nr);
	free(dir);
}

START_TEST(writes_leave_no_temporary_files)
{
	static const char *const names[] = { "tickets.tsv", "tickets.lock", "settings.json" };
	cJSON *v = cJSON_CreateArray();

	for (int i = 0; i < 5; i++)
		store(ticket(100 + i, 1000 + i, "New", "x"));
	ck_assert_int_eq(cache_forget_ticket(101), 0);
	ck_assert_int_eq(cache_write_json("settings", v), 0);
	ck_assert_int_eq(cache_write_json("settings", v), 0);
	cJSON_Delete(v);
	assert_only(names, ARRAY_SIZE(names));
}
END_TEST

static void store_unwritable(void *unused)
{
	cJSON *one = ticket(1, 2, "New", "x");
	int ret;

	(void)unused;
	setenv("XDG_CACHE_HOME", "/dev/null/cache", 1);
	ret = cache_store_tickets(one);
	cJSON_Delete(one);
	exit(ret == -1 ? 0 : 9);
}

START_TEST(unwritable_cache_is_a_warning)
{
	struct sbuf err = SBUF_INIT;

	ck_assert_int_eq(run_in_child(store_unwritable, NULL, &err), 0);
	ck_assert_str_eq(err.buf, "syncro: warning: cannot write cache "
			 "'/dev/null/cache/syncro/acme-invalid-210a180a/tickets.tsv': "
			 "Not a directory\n");
	sbuf_release(&err);
}
END_TEST

START_TEST(json_round_trip_and_age)
{
	cJSON *v = cJSON_CreateObject(), *got;
	char *text, *path = home_file(CACHE_DIR "/techs.json");

	cJSON_AddStringToObject(v, "name", "Mike Ritter");
	ck_assert_int_eq(cache_write_json("techs", v), 0);
	got = cache_read_json("techs", -1);
	ck_assert_ptr_nonnull(got);
	ck_assert(cJSON_Compare(v, got, 1));
	cJSON_Delete(got);
	got = cache_read_json("techs", 60);
	ck_assert_ptr_nonnull(got);
	cJSON_Delete(got);
	text = read_cache_file("techs.json");
	ck_assert_ptr_nonnull(strstr(text, "\"data\":{\"name\":\"Mike Ritter\"}"));
	free(text);

	/* Fetched an hour ago: too old for 60 s, fine for any age. */
	write_file(path, "{\"fetched_at\":1000,\"data\":[1,2]}");
	ck_assert_ptr_null(cache_read_json("techs", 60));
	got = cache_read_json("techs", -1);
	ck_assert_ptr_nonnull(got);
	ck_assert_int_eq(cJSON_GetArraySize(got), 2);
	cJSON_Delete(got);

	write_file(path, "{not json");
	ck_assert_ptr_null(cache_read_json("techs", -1));
	/* Read as json.h reads (json_parse): the whole file is one value. */
	write_file(path, "{\"fetched_at\":1000,\"data\":[1,2]} torn");
	ck_assert_ptr_null(cache_read_json("techs", -1));
	write_file(path, "{\"fetched_at\":\"1000\",\"data\":[1,2]}\n");
	got = cache_read_json("techs", -1);
	ck_assert_ptr_nonnull(got);
	cJSON_Delete(got);
	ck_assert_ptr_null(cache_read_json("../techs", -1));
	ck_assert_int_eq(cache_age("../etc/passwd"), -1);
	cJSON_Delete(v);
	free(path);
}
END_TEST

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

START_TEST(fifty_thousand_tickets)
{
	struct ticket_cache cache;
	cJSON *list = cJSON_CreateArray();
	double start, ms;

	for (long i = 0; i < 50000; i++)
		cJSON_AddItemToArray(list, ticket(i + 1, 100000000 + i,
						  i % 3 ? "Resolved" : "New",
						  "Remote - Jim cant access his email again"));
	store(list);
	start = now_ms();
	ck_assert_int_eq(ticket_cache_load(&cache), 0);
	ms = now_ms() - start;
	ck_assert_uint_eq(cache.nr, 50000);
	ck_assert_int_eq(cache.items[0].number, 50000);
	ck_assert_int_eq(ticket_cache_find(&cache, 1)->id, 100000000);
	ck_assert_int_eq(ticket_cache_find(&cache, 25000)->id, 100024999);
	ck_assert_str_eq(ticket_cache_find(&cache, 3)->status, "Resolved");
	ticket_cache_release(&cache);
	printf("# loaded 50000 tickets in %.1f ms\n", ms);
	/* A few ms normally; the bound leaves room for sanitizers and slow CI. */
	ck_assert_msg(ms < 250, "loading 50000 tickets took %.1f ms", ms);
}
END_TEST

static void assert_dir_name(const char *base_url, const char *want)
{
	char *got = cache_dir_name(base_url);

	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(one_directory_per_base_url)
{
	char *path = cache_path("tickets.tsv");

	assert_home_path(path, CACHE_DIR "/tickets.tsv");
	assert_home_path(cache_path(NULL), CACHE_DIR);
	assert_dir_name("https://acme.syncromsp.com/api/v1", "acme-syncromsp-com-ab5038f6");
	/* Another path on the same host is another account. */
	assert_dir_name("https://acme.syncromsp.com/api/v2", "acme-syncromsp-com-aa503763");
	assert_dir_name("https://acme.syncromsp.com", "acme-syncromsp-com-41289dad");
	assert_dir_name("http://127.0.0.1:8180/api/v1", "127-0-0-1-8180-5a3a0886");
	assert_dir_name("http://localhost:8180", "localhost-8180-e47b3f25");
	assert_dir_name("https://u:p@[::1]:99/x", "1-99-2ecc0e1f");
	assert_dir_name("https://x.example/api/v1?a=b", "x-example-3396f154");
	assert_dir_name("ftp-ish", "ftp-ish-d1b3ac88");
	assert_dir_name("https:///api/v1", "host-d852104f");
	assert_dir_name("https://h:8x/", "h-73721875");
	assert_dir_name("https://" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			".example.com:443/api/v1",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-443-f931fdf3");
}
END_TEST

/* With no base URL there is no account: nothing is read or written. */
START_TEST(no_account_no_cache)
{
	struct ticket_cache cache;
	cJSON *one = ticket(1, 2, "New", "x"), *v = cJSON_CreateArray();
	char *dir = xdg_cache_path(NULL);
	struct stat st;

	unsetenv("SYNCRO_BASE_URL");
	ck_assert_ptr_null(cache_path(NULL));
	ck_assert_int_eq(cache_store_tickets(one), -1);
	ck_assert_int_eq(cache_write_json("settings", v), -1);
	ck_assert_int_eq(ticket_cache_load(&cache), 0);
	ck_assert_uint_eq(cache.nr, 0);
	ticket_cache_release(&cache);
	ck_assert_int_eq(cache_ticket_id(1), -1);
	ck_assert_int_eq(cache_age("tickets.tsv"), -1);
	ck_assert_ptr_null(cache_read_json("settings", -1));
	ck_assert_int_eq(cache_forget_ticket(1), 0);
	ck_assert_int_eq(stat(dir, &st), -1);
	cJSON_Delete(one);
	cJSON_Delete(v);
	free(dir);
}
END_TEST

START_TEST(customers_merge_by_id)
{
	cJSON *first = cJSON_Parse("[{\"id\":5,\"business_then_name\":\"Acme\",\"email\":\"a@b\"},"
				   "{\"id\":6,\"business_then_name\":\"Bolt\"}]");
	cJSON *second = cJSON_Parse("[{\"id\":6,\"business_then_name\":\"Bolt Inc\"},"
				    "{\"business_then_name\":\"No id\"},{\"id\":8},"
				    "{\"id\":\"7\",\"business_then_name\":\"Cog\"}]");
	cJSON *got;
	char *text;

	ck_assert_int_eq(customer_cache_store(first), 0);
	ck_assert_int_eq(customer_cache_store(second), 0);
	got = cache_read_json(CUSTOMER_CACHE, -1);
	text = cJSON_PrintUnformatted(got);
	ck_assert_str_eq(text, "[{\"id\":5,\"business_then_name\":\"Acme\"},"
			 "{\"id\":6,\"business_then_name\":\"Bolt Inc\"},"
			 "{\"id\":7,\"business_then_name\":\"Cog\"}]");
	free(text);
	cJSON_Delete(got);
	cJSON_Delete(first);
	cJSON_Delete(second);
}
END_TEST

static Suite *cache_suite(void)
{
	Suite *s = suite_create("cache");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, home_setup_account, home_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, missing_cache_is_empty);
	tcase_add_test(tc, round_trip);
	tcase_add_test(tc, merge_replaces_and_adds);
	tcase_add_test(tc, forget_drops_one_number);
	tcase_add_test(tc, hand_edited_file_still_loads);
	tcase_add_test(tc, writes_leave_no_temporary_files);
	tcase_add_test(tc, unwritable_cache_is_a_warning);
	tcase_add_test(tc, json_round_trip_and_age);
	tcase_add_test(tc, fifty_thousand_tickets);
	tcase_add_test(tc, one_directory_per_base_url);
	tcase_add_test(tc, no_account_no_cache);
	tcase_add_test(tc, customers_merge_by_id);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(cache_suite)
