#include "compat.h"
#include <fcntl.h>
#include <sys/file.h>
#include <time.h>
#include "config.h"
#include "sbuf.h"
#include "ticket-lock.h"
#include "usage.h"
#include "xmalloc.h"

/* Who holds the lock, from the file: "pid 1234, syncro bill", or NULL. */
static char *holder(int fd)
{
	char buf[128], *verb;
	ssize_t n = lseek(fd, 0, SEEK_SET) < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	long pid;

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	pid = strtol(buf, &verb, 10);
	if (pid <= 0 || *verb != ' ')
		return NULL;
	verb++;
	verb[strcspn(verb, "\n")] = '\0';
	for (char *p = verb; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || *p == '-'))
			return NULL;
	return xstrfmt("pid %ld, syncro %s", pid, verb);
}

static int try_lock(int fd)
{
	while (flock(fd, LOCK_EX | LOCK_NB) < 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

int ticket_lock(long number, const char *verb)
{
	char *name = xstrfmt("journal/%ld.lock", number);
	char *path = xdg_state_path(name), *shown = path_for_display(path), *who;
	struct timespec pause = { 0, 50 * 1000 * 1000 };
	int fd = -1, waited = 0;
	struct sbuf me = SBUF_INIT;

	free(name);
	if (mkdir_for_file(path) < 0 ||
	    (fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0) {
		error_errno("cannot open the lock '%s' of ticket #%ld", shown, number);
		goto out;
	}
	while (try_lock(fd) < 0) {
		if (errno != EWOULDBLOCK || waited >= TICKET_LOCK_WAIT_MS) {
			if (errno != EWOULDBLOCK) {
				error_errno("cannot lock '%s'", shown);
			} else {
				who = holder(fd);
				error("another syncro is working on ticket #%ld (%s)", number,
				      who ? who : "its process is not recorded");
				hint("wait for it to end and run this again; the lock is '%s'", shown);
				free(who);
			}
			close(fd);
			fd = -1;
			goto out;
		}
		nanosleep(&pause, NULL);
		waited += 50;
	}
	sbuf_addf(&me, "%ld %s\n", (long)getpid(), verb);
	if (ftruncate(fd, 0) < 0 || lseek(fd, 0, SEEK_SET) < 0 ||
	    write(fd, me.buf, me.len) != (ssize_t)me.len)
		warning("cannot record this run in the lock '%s': %s", shown, strerror(errno));
out:
	sbuf_release(&me);
	free(shown);
	free(path);
	return fd;
}

void ticket_unlock(int fd)
{
	if (fd >= 0)
		close(fd);
}
