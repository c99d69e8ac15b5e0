/* The config file (YAML through libyaml), read from a file as syncro does. */
#include "compat.h"
#include "config.h"
#include "fuzz.h"
#include "write-full.h"

static char *path;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct syncro_config cfg;
	FILE *fp;

	if (!path) {
		path = strdup("/tmp/syncro-fuzz-config-XXXXXX");
		if (!path || mkstemp(path) < 0)
			abort();
		unsetenv("SYNCRO_API_KEY");
		unsetenv("SYNCRO_BASE_URL");
		unsetenv("SYNCRO_SUBDOMAIN");
	}
	if (!(fp = fopen(path, "w")) || fwrite(data, 1, size, fp) != size || fclose(fp))
		abort();
	if (!FUZZ_DIED())
		config_load(&cfg, path);
	config_release(&cfg);
	return 0;
}
