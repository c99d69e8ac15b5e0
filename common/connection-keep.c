#include "compat.h"
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include "cache-dir.h"
#include "config.h"
#include "connection-keep.h"
#include "run-command.h"
#include "user-socket.h"
#include "xmalloc.h"

void keep_where(const struct syncro_config *cfg, struct keep_where *w)
{
	const char *runtime = getenv("XDG_RUNTIME_DIR");
	struct sbuf err = SBUF_INIT;
	char *dir, *name;

	memset(w, 0, sizeof(*w));
	if (cfg->connection_keep <= 0) {
		w->off = "connection.keep is 0";
		return;
	}
	if (!user_socket_supported()) {
		w->off = "no Unix sockets on this system";
		return;
	}
	if (!runtime || !*runtime) {
		w->off = "XDG_RUNTIME_DIR is not set";
		return;
	}
	if (!cfg->base_url || !*cfg->base_url) {
		w->off = "no account configured";
		return;
	}
	dir = xstrfmt("%s/syncro", runtime);
	if (user_socket_dir(dir, &err)) {
		w->off = "its directory is refused";
		w->refused = sbuf_detach(&err, NULL);
		free(dir);
		return;
	}
	name = cache_dir_name(cfg->base_url);
	w->socket = xstrfmt("%s/%s.sock", dir, name);
	w->lock = xstrfmt("%s/%s.lock", dir, name);
	if (!user_socket_path_fits(w->socket)) {
		keep_where_release(w);
		w->off = "the socket's path is too long";
	}
	free(name);
	free(dir);
	sbuf_release(&err);
}

void keep_where_release(struct keep_where *w)
{
	free(w->socket);
	free(w->lock);
	free(w->refused);
	memset(w, 0, sizeof(*w));
}

void keep_start(void)
{
	const char *syncro = getenv("SYNCRO");
	const char *argv[] = { syncro && *syncro ? syncro : "syncro", "__connection-keeper", NULL };

	/* The command goes on direct when it cannot start. */
	run_detached(argv);
}

long keep_running_pid(const char *lock)
{
	char buf[32];
	long pid = 0;
	ssize_t n;
	int fd = open(lock, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return 0;
	if (!flock(fd, LOCK_SH | LOCK_NB)) {
		close(fd);	/* nobody holds it: not running */
		return 0;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	if (n > 0) {
		buf[n] = '\0';
		pid = strtol(buf, NULL, 10);
	}
	close(fd);
	return pid > 0 ? pid : 1;
}

long keep_idle_left(const struct syncro_config *cfg, const char *socket)
{
	struct stat st;
	long left;

	if (stat(socket, &st))
		return 0;
	left = cfg->connection_keep - (long)(time(NULL) - st.st_mtime);
	return left > 0 ? left : 0;
}

void keep_add_duration(struct sbuf *sb, long seconds)
{
	if (!seconds) {
		sbuf_addch(sb, '0');
		return;
	}
	if (seconds >= 3600)
		sbuf_addf(sb, "%ldh", seconds / 3600);
	if (seconds % 3600 >= 60)
		sbuf_addf(sb, "%ldm", seconds % 3600 / 60);
	if (seconds % 60)
		sbuf_addf(sb, "%lds", seconds % 60);
}
