/*
 * A pseudo-terminal for the tests of what happens only on a terminal
 * (prompts, colour, the pager, the terminal's width). Check runs each test
 * in its own process, so a test may point its stdin or stdout at the tty.
 */
#ifndef SYNCRO_UNIT_TTY_H
#define SYNCRO_UNIT_TTY_H

#include <check.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

struct test_tty {
	int master, slave;
};

/* Open a terminal columns wide; neither end becomes the controlling tty. */
static inline void test_tty_open(struct test_tty *t, unsigned short columns)
{
	struct winsize ws = { .ws_row = 24, .ws_col = columns };

	t->master = posix_openpt(O_RDWR | O_NOCTTY);
	ck_assert_int_ge(t->master, 0);
	ck_assert_int_eq(grantpt(t->master), 0);
	ck_assert_int_eq(unlockpt(t->master), 0);
	t->slave = open(ptsname(t->master), O_RDWR | O_NOCTTY);
	ck_assert_int_ge(t->slave, 0);
	ck_assert_int_eq(ioctl(t->slave, TIOCSWINSZ, &ws), 0);
}

/* Make fd (0, 1 or 2) the terminal; returns a copy of the old fd to restore. */
static inline int test_tty_attach(struct test_tty *t, int fd)
{
	int saved = dup(fd);

	ck_assert_int_ge(saved, 0);
	ck_assert_int_eq(dup2(t->slave, fd), fd);
	return saved;
}

static inline void test_tty_detach(int fd, int saved)
{
	ck_assert_int_eq(dup2(saved, fd), fd);
	close(saved);
}

static inline void test_tty_close(struct test_tty *t)
{
	close(t->slave);
	close(t->master);
}

#endif
