#include "compat.h"
#ifndef _WIN32
#include <sys/resource.h>
#endif
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include "core-dumps.h"

#ifdef _WIN32
/* No core files: a crash goes to Windows Error Reporting, which is told to keep out. */
int core_dumps_off(void)
{
	SetErrorMode(GetErrorMode() | SEM_NOGPFAULTERRORBOX);
	return 0;
}
#else
int core_dumps_off(void)
{
#ifdef _WIN32
	return 0;	/* no core files; Windows Error Reporting is the user's setting */
#else
	struct rlimit none = { 0, 0 };
	int ret = setrlimit(RLIMIT_CORE, &none);

#ifdef __linux__
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0)
		return -1;
	ret = 0;
#endif
	return ret;
#endif
}
#endif
