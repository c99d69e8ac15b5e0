/*
 * For suites whose code under test may die(): run a function in a child
 * process with stderr captured, and get its exit status and message.
 */
#ifndef SYNCRO_UNIT_RUN_H
#define SYNCRO_UNIT_RUN_H

#include <sys/stat.h>
#include <sys/wait.h>
#include "sbuf.h"

/* Run fn(arg) in a child; its stderr goes to err. Returns the exit status. */
static inline int run_in_child(void (*fn)(void *), void *arg, struct sbuf *err)
{
	char name[] = "/tmp/syncro-unit-XXXXXX";
	int fd = mkstemp(name), status;
	pid_t pid;

	ck_assert_int_ge(fd, 0);
	unlink(name);
	fflush(NULL);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (!pid) {
		dup2(fd, STDERR_FILENO);
		fn(arg);
		exit(0);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	lseek(fd, 0, SEEK_SET);
	ck_assert_int_eq(sbuf_read_fd(err, fd), 0);
	close(fd);
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}

/* Write text to path (mode 0600 unless chmod'ed later). */
static inline void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	ck_assert_ptr_nonnull(fp);
	fputs(text, fp);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_int_eq(chmod(path, 0600), 0);
}

#endif
