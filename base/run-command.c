#include "compat.h"
#include <fcntl.h>
#include <sys/stat.h>
#ifndef _WIN32
#include <poll.h>
#include <sys/wait.h>
#endif
#include "run-command.h"
#include "xmalloc.h"

int split_command(const char *cmd, struct strvec *argv)
{
	struct sbuf word = SBUF_INIT;
	size_t before = argv->nr;
	int in_word = 0;
	char quote = 0;

	for (const char *p = cmd; ; p++) {
		if (quote) {
			if (!*p) {
				sbuf_release(&word);
				return -1;
			}
			if (*p == quote)
				quote = 0;
			else
				sbuf_addch(&word, *p);
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
			in_word = 1;
		} else if (!*p || *p == ' ' || *p == '\t' || *p == '\n') {
			if (in_word) {
				strvec_push(argv, word.buf);
				sbuf_reset(&word);
				in_word = 0;
			}
			if (!*p)
				break;
		} else {
			sbuf_addch(&word, *p);
			in_word = 1;
		}
	}
	sbuf_release(&word);
	return argv->nr > before ? 0 : -1;
}

#ifdef _WIN32
/* No fork: spawn with three handles, a reader thread for stderr (compat-win32.h). */

int run_detached(const char *const *argv)
{
	int null = open("NUL", O_RDWR | O_NOINHERIT);
	HANDLE proc;

	if (null < 0)
		return -1;
	proc = compat_spawn(NULL, argv, null, null, null, 1);
	close(null);
	if (!proc)
		return errno == ENOENT || errno == ENOEXEC ? 127 : -1;
	CloseHandle(proc);
	return 0;
}

char *path_lookup(const char *name)
{
	const char *path = getenv("PATH");

	if (strchr(name, '/') || strchr(name, '\\'))
		return access(name, F_OK) ? NULL : xstrdup(name);
	while (path && *path) {
		const char *semi = strchrnul(path, ';');
		struct stat st;
		char *full;

		if (semi > path) {
			full = xstrfmt("%.*s/%s", (int)(semi - path), path, name);
			if (!stat(full, &st) && S_ISREG(st.st_mode))
				return full;
			free(full);
			full = xstrfmt("%.*s/%s.exe", (int)(semi - path), path, name);
			if (!stat(full, &st) && S_ISREG(st.st_mode))
				return full;
			free(full);
		}
		path = *semi ? semi + 1 : semi;
	}
	return NULL;
}

struct reader {
	int fd;
	struct sbuf *buf;
};

static unsigned __stdcall read_all(void *data)
{
	struct reader *r = data;
	char chunk[4096];
	int n;

	while ((n = read(r->fd, chunk, sizeof(chunk))) > 0)
		if (r->buf)
			sbuf_add(r->buf, chunk, (size_t)n);
	close(r->fd);
	return 0;
}

int run_capture(const char *const *argv, struct sbuf *out, struct sbuf *err)
{
	int outp[2], errp[2], code;
	struct reader errs;
	uintptr_t thread;
	HANDLE proc;

	if (_pipe(outp, 65536, _O_BINARY | _O_NOINHERIT) < 0)
		return -1;
	if (_pipe(errp, 65536, _O_BINARY | _O_NOINHERIT) < 0) {
		close(outp[0]);
		close(outp[1]);
		return -1;
	}
	proc = compat_spawn(NULL, argv, -1, outp[1], errp[1], 0);
	close(outp[1]);
	close(errp[1]);
	if (!proc) {
		if (err)
			sbuf_addf(err, "cannot run '%s': %s\n", argv[0], strerror(errno));
		close(outp[0]);
		close(errp[0]);
		return 127;
	}
	errs.fd = errp[0];
	errs.buf = err;
	thread = _beginthreadex(NULL, 0, read_all, &errs, 0, NULL);
	{
		struct reader outs = { outp[0], out };

		read_all(&outs);
	}
	if (thread) {
		WaitForSingleObject((HANDLE)thread, INFINITE);
		CloseHandle((HANDLE)thread);
	} else {
		read_all(&errs);
	}
	code = compat_wait(proc);
	return code;
}

#else
/* Close both ends of a pipe after a failure, keeping its errno. */
static void close_pipe(const int fds[2])
{
	int saved = errno;

	close(fds[0]);
	close(fds[1]);
	errno = saved;
}

/* In the grandchild: tell the waiting parent why we go no further. */
static _Noreturn void report_errno(int fd, int code)
{
	int err = errno;

	if (write(fd, &err, sizeof(err)) < 0)
		_exit(code);
	_exit(code);
}

int run_detached(const char *const *argv)
{
	int errp[2], err = 0, status;
	ssize_t n;
	pid_t pid;

	/* Closed by a successful exec: EOF means it runs; an errno means it does not. */
	if (pipe2(errp, O_CLOEXEC) < 0)
		return -1;
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close_pipe(errp);
		return -1;
	}
	if (!pid) {
		int null;

		close(errp[0]);
		if (setsid() < 0)
			report_errno(errp[1], 1);
		pid = fork();
		if (pid < 0)
			report_errno(errp[1], 1);
		if (pid)
			_exit(0);	/* the grandchild is nobody's child now */
		null = open("/dev/null", O_RDWR);
		if (null < 0)
			report_errno(errp[1], 127);
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
		if (null > STDERR_FILENO)
			close(null);
		execvp(argv[0], (char *const *)argv);
		report_errno(errp[1], 127);
	}
	close(errp[1]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	while ((n = read(errp[0], &err, sizeof(err))) < 0 && errno == EINTR)
		;
	close(errp[0]);
	if (n == (ssize_t)sizeof(err)) {
		errno = err;
		return WIFEXITED(status) && WEXITSTATUS(status) == 1 ? -1 : 127;
	}
	return 0;
}

char *path_lookup(const char *name)
{
	const char *path = getenv("PATH");

	if (strchr(name, '/'))
		return access(name, X_OK) ? NULL : xstrdup(name);
	while (path && *path) {
		const char *colon = strchrnul(path, ':');
		struct stat st;
		char *full;

		if (colon > path) {
			full = xstrfmt("%.*s/%s", (int)(colon - path), path, name);
			if (!stat(full, &st) && S_ISREG(st.st_mode) && !access(full, X_OK))
				return full;
			free(full);
		}
		path = *colon ? colon + 1 : colon;
	}
	return NULL;
}

static void drain(struct pollfd *fds, struct sbuf **bufs, int nfds)
{
	int open_fds = nfds;

	while (open_fds) {
		if (poll(fds, nfds, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < nfds; i++) {
			char chunk[4096];
			ssize_t n;

			if (fds[i].fd < 0 || !fds[i].revents)
				continue;
			n = read(fds[i].fd, chunk, sizeof(chunk));
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				close(fds[i].fd);
				fds[i].fd = -1;
				open_fds--;
				continue;
			}
			if (bufs[i])
				sbuf_add(bufs[i], chunk, (size_t)n);
		}
	}
	for (int i = 0; i < nfds; i++)
		if (fds[i].fd >= 0)
			close(fds[i].fd);
}

int run_capture(const char *const *argv, struct sbuf *out, struct sbuf *err)
{
	int outp[2], errp[2], status;
	struct pollfd fds[2];
	struct sbuf *bufs[2] = { out, err };
	pid_t pid;

	if (pipe2(outp, O_CLOEXEC) < 0)
		return -1;
	if (pipe2(errp, O_CLOEXEC) < 0) {
		close_pipe(outp);
		return -1;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close_pipe(outp);
		close_pipe(errp);
		return -1;
	}
	if (!pid) {
		char msg[512];
		int len;

		dup2(outp[1], STDOUT_FILENO);
		dup2(errp[1], STDERR_FILENO);
		execvp(argv[0], (char *const *)argv);
		len = snprintf(msg, sizeof(msg), "cannot run '%s': %s\n", argv[0], strerror(errno));
		if (len > 0 && write(STDERR_FILENO, msg, (size_t)len) < 0)
			_exit(127);
		_exit(127);
	}
	close(outp[1]);
	close(errp[1]);
	fds[0].fd = outp[0];
	fds[1].fd = errp[0];
	fds[0].events = fds[1].events = POLLIN;
	drain(fds, bufs, 2);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

#endif
