/* base/write-full.c: whole writes, and files replaced whole. */
#include "compat.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include "write-full.h"
#include "unit.h"
#include "unit-home.h"

/* How many names dir holds besides . and .. */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static char *read_all(const char *path)
{
	struct sbuf sb = SBUF_INIT;

	ck_assert_int_eq(sbuf_read_file(&sb, path), 0);
	return sbuf_detach(&sb, NULL);
}

START_TEST(atomic_write_makes_the_directory_and_replaces)
{
	char *dir = home_file("state/syncro"), *path = home_file("state/syncro/journal"), *text;
	struct stat st;

	ck_assert_int_eq(write_file_atomic(path, "first\n", 6), 0);
	text = read_all(path);
	ck_assert_str_eq(text, "first\n");
	free(text);
	ck_assert_int_eq(write_file_atomic(path, "second, longer\n", 15), 0);
	text = read_all(path);
	ck_assert_str_eq(text, "second, longer\n");
	free(text);
	ck_assert_int_eq(write_file_atomic(path, "", 0), 0);
	text = read_all(path);
	ck_assert_str_eq(text, "");
	free(text);
	ck_assert_int_eq(entries(dir), 1);	/* no temporary file left */
#ifndef _WIN32
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(stat(dir, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);
#else
	(void)st;
#endif
	free(dir);
	free(path);
}
END_TEST

START_TEST(atomic_write_fails_cleanly)
{
	char *file = home_file("plain"), *path = home_file("plain/journal");
	char *ro = home_file("ro"), *inside = home_file("ro/journal");

	ck_assert_int_eq(write_file_atomic(file, "x", 1), 0);
	errno = 0;
	ck_assert_int_eq(write_file_atomic(path, "y", 1), -1);
#ifndef _WIN32
	ck_assert_int_eq(errno, ENOTDIR);
#else
	ck_assert_int_eq(errno, ENOENT);	/* what Windows says of a path under a file */
#endif
#ifndef _WIN32
	if (geteuid()) {	/* root writes anywhere */
		ck_assert_int_eq(mkdir(ro, 0500), 0);
		errno = 0;
		ck_assert_int_eq(write_file_atomic(inside, "z", 1), -1);
		ck_assert_int_eq(errno, EACCES);
		ck_assert_int_eq(entries(ro), 0);
	}
#endif
	free(file);
	free(path);
	free(ro);
	free(inside);
}
END_TEST

START_TEST(write_in_full_writes_everything)
{
	char *path = home_file("big"), *text;
	size_t len = 1 << 20;
	char *big = malloc(len + 1);
	int fd;

	ck_assert_ptr_nonnull(big);
	for (size_t i = 0; i < len; i++)
		big[i] = (char)('a' + i % 26);
	big[len] = '\0';
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write_in_full(fd, big, len), 0);
	ck_assert_int_eq(close(fd), 0);
	text = read_all(path);
	ck_assert_str_eq(text, big);
	free(text);
	errno = 0;
	ck_assert_int_eq(write_in_full(-1, "x", 1), -1);
	ck_assert_int_eq(errno, EBADF);
	free(big);
	free(path);
}
END_TEST

static Suite *write_full_suite(void)
{
	Suite *s = suite_create("write-full");
	TCase *tc = tcase_create("write-full");

	tcase_add_checked_fixture(tc, home_setup, home_teardown);
	tcase_add_test(tc, atomic_write_makes_the_directory_and_replaces);
	tcase_add_test(tc, atomic_write_fails_cleanly);
	tcase_add_test(tc, write_in_full_writes_everything);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(write_full_suite)
