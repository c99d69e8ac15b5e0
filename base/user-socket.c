#include "compat.h"
#include "user-socket.h"

#ifdef _WIN32

int user_socket_supported(void)
{
	return 0;
}

int user_socket_dir(const char *dir, struct sbuf *err)
{
	sbuf_addf(err, "'%s': no Unix sockets on this system", dir);
	errno = ENOSYS;
	return -1;
}

int user_socket_path_fits(const char *path)
{
	(void)path;
	return 0;
}

int user_socket_listen(const char *path)
{
	(void)path;
	errno = ENOSYS;
	return -1;
}

int user_socket_peer_is_me(int fd)
{
	(void)fd;
	return 0;
}

#else

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

int user_socket_supported(void)
{
	return 1;
}

int user_socket_dir(const char *dir, struct sbuf *err)
{
	struct stat st;

	if (mkdir(dir, 0700) && errno != EEXIST) {
		sbuf_addf(err, "cannot make '%s': %s", dir, strerror(errno));
		return -1;
	}
	if (lstat(dir, &st)) {
		sbuf_addf(err, "cannot read '%s': %s", dir, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		sbuf_addf(err, "'%s' is not a directory", dir);
		return -1;
	}
	if (st.st_uid != geteuid()) {
		sbuf_addf(err, "'%s' belongs to someone else (uid %ld)", dir, (long)st.st_uid);
		return -1;
	}
	if (st.st_mode & 077) {
		sbuf_addf(err, "'%s' is open to others (mode %04o, not 0700)", dir,
			  (unsigned)(st.st_mode & 07777));
		return -1;
	}
	return 0;
}

int user_socket_path_fits(const char *path)
{
	struct sockaddr_un addr;

	return strlen(path) < sizeof(addr.sun_path);
}

int user_socket_listen(const char *path)
{
	struct sockaddr_un addr;
	int fd;

	if (!user_socket_path_fits(path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memset(&addr, 0, sizeof(addr));
	addr.sun_family = AF_UNIX;
	memcpy(addr.sun_path, path, strlen(path) + 1);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) || listen(fd, 16)) {
		int saved = errno;

		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

int user_socket_peer_is_me(int fd)
{
#ifdef SO_PEERCRED
	struct ucred cred;
	socklen_t len = sizeof(cred);

	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) || len != sizeof(cred))
		return 0;
	return cred.uid == geteuid();
#else
	uid_t uid;
	gid_t gid;

	if (getpeereid(fd, &uid, &gid))
		return 0;
	return uid == geteuid();
#endif
}

#endif
