#include "compat.h"
#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include "core-dumps.h"

int core_dumps_off(void)
{
	struct rlimit none = { 0, 0 };
	int ret = setrlimit(RLIMIT_CORE, &none);

#ifdef __linux__
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0)
		return -1;
	ret = 0;
#endif
	return ret;
}
