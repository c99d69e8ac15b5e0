/* The POSIX side of what compat.h declares for both platforms. */
#include "compat.h"
#ifndef _WIN32
#include <limits.h>
#include <sys/stat.h>

const char *compat_self_path(void)
{
	static char self[PATH_MAX];
	ssize_t n;

	if (*self)
		return self;
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0) {
		*self = '\0';
		return NULL;
	}
	self[n] = '\0';
	return self;
}

int compat_owned_by_me(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -1;
	return st.st_uid == getuid() || st.st_uid == 0;
}

int compat_others_may(const char *path, int write)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -1;
	return !!(st.st_mode & (write ? (S_IWGRP | S_IWOTH) : (S_IRGRP | S_IROTH)));
}

void compat_exec(const char *program, char *const *argv)
{
	execv(program, argv);
}
#endif
