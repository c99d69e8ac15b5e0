/*
 * A rate-limit state file as every syncro process reads it: whatever it
 * says, no one is made to wait past RATELIMIT_MAX_WAIT, and no wait or
 * level is NaN (ratelimit_clamp()).
 */
#include "compat.h"
#include "config.h"
#include "fuzz.h"
#include "ratelimit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *file;
	double wait = 0, tokens = 0;
	int paused = 0;
	FILE *fp;

	if (!file) {
		char dir[] = "/tmp/syncro-fuzz-ratelimit-XXXXXX";

		if (!mkdtemp(dir) || setenv("XDG_STATE_HOME", dir, 1))
			abort();
		file = ratelimit_path("https://fuzz.syncromsp.com/api/v1");
		if (mkdir_for_file(file) < 0)
			abort();
	}
	if (!(fp = fopen(file, "w")) || fwrite(data, 1, size, fp) != size || fclose(fp))
		abort();
	if (!ratelimit_level(file, 180, &tokens) && tokens != tokens)
		abort();
	if (!ratelimit_reserve(file, 180, &wait, &paused) &&
	    (wait != wait || wait > RATELIMIT_MAX_WAIT + 1))
		abort();
	if (!(fp = fopen(file, "w")) || fwrite(data, 1, size, fp) != size || fclose(fp))
		abort();
	(void)ratelimit_pause(file, 180, 30);
	return 0;
}
