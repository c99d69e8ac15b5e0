/* A journal file as comment --time loads it (and as comment --abandon forgets it). */
#include "compat.h"
#include "config.h"
#include "fuzz.h"
#include "journal.h"
#include "sbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *file;
	struct journal j = JOURNAL_INIT;
	struct sbuf why = SBUF_INIT;
	FILE *fp;

	if (!file) {
		char dir[] = "/tmp/syncro-fuzz-comment-journal-XXXXXX";

		if (!mkdtemp(dir) || setenv("XDG_STATE_HOME", dir, 1))
			abort();
		file = xdg_state_path("journal/comment-32164.json");
		if (mkdir_for_file(file) < 0)
			abort();
	}
	if (!(fp = fopen(file, "w")) || fwrite(data, 1, size, fp) != size || fclose(fp))
		abort();
	if (!journal_load(&j, "comment", 32164) && journal_exists(&j)) {
		cJSON *now = cJSON_CreateObject();

		cJSON_AddStringToObject(now, "text", "0123456789abcdef");
		cJSON_AddNumberToObject(now, "minutes", 30);
		cJSON_AddNumberToObject(now, "product", 26118);
		(void)journal_options_differ(&j, now, &why);
		cJSON_Delete(now);
		(void)journal_get_long(&j, "comment", "id", 0);
		(void)journal_state(&j, "comment");
		(void)journal_state(&j, "time");
	}
	journal_release(&j);
	if (!journal_load_to_forget(&j, "comment", 32164))
		(void)journal_exists(&j);
	journal_release(&j);
	sbuf_release(&why);
	return 0;
}
