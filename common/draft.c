#include "compat.h"
#include <fcntl.h>
#include <sys/stat.h>
#include "config.h"
#include "date.h"
#include "draft.h"
#include "interrupt.h"
#include "quote.h"
#include "usage.h"
#include "write-full.h"
#include "xmalloc.h"

/* Create path exclusively, mode 0600 whatever the umask; fd or -1. */
static int create_private(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd >= 0 && fchmod(fd, 0600) < 0) {
		int saved = errno;

		close(fd);
		unlink(path);
		errno = saved;
		return -1;
	}
	return fd;
}

char *draft_save(long number, const char *body)
{
	struct sbuf stem = SBUF_INIT;
	size_t len = strlen(body);
	char *path = NULL;
	int fd = -1, failed;

	if (number > 0)
		sbuf_addf(&stem, "drafts/%ld-", number);
	else
		sbuf_addstr(&stem, "drafts/new-");
	date_addf(&stem, "%Y%m%d-%H%M%S", date_now());
	for (int n = 1; fd < 0; n++) {
		char *file = n == 1 ? xstrfmt("%s.txt", stem.buf) : xstrfmt("%s-%d.txt", stem.buf, n);

		free(path);
		path = xdg_state_path(file);
		free(file);
		if (n == 1 && mkdir_for_file(path) < 0) {
			error_errno("cannot create the directory for '%s'", path);
			goto fail;
		}
		fd = create_private(path);
		if (fd < 0 && (errno != EEXIST || n == 100)) {
			error_errno("cannot save the draft '%s'", path);
			goto fail;
		}
	}
	failed = write_in_full(fd, body, len) < 0 ||
		(len && body[len - 1] != '\n' && write_in_full(fd, "\n", 1) < 0);
	if (close(fd) < 0)
		failed = 1;
	if (failed) {
		error_errno("cannot write the draft '%s'", path);
		unlink(path);
		goto fail;
	}
	sbuf_release(&stem);
	interrupt_note_in(INTERRUPT_DRAFT, "interrupted; your text is saved in '%s'", path);
	return path;
fail:
	sbuf_release(&stem);
	free(path);
	return NULL;
}

int draft_delete(const char *path)
{
	interrupt_note_in(INTERRUPT_DRAFT, NULL);
	if (unlink(path) < 0 && errno != ENOENT) {
		warning("cannot remove the draft '%s': %s; remove it by hand", path, strerror(errno));
		return -1;
	}
	return 0;
}

void draft_hint_to(const char *path, const char *lead, const char *command)
{
	struct sbuf quoted = SBUF_INIT;

	shell_quote(&quoted, path);
	hint("your text is saved in '%s'", path);
	hint("%s: %s -F %s", lead, command, quoted.buf);
	sbuf_release(&quoted);
}

void draft_hint(const char *path, const char *command)
{
	draft_hint_to(path, "send it again with", command);
}
