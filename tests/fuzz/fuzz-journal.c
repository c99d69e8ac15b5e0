/* A journal file as bill loads it (and as --abandon forgets it). */
#include "compat.h"
#include "bill-run.h"
#include "config.h"
#include "fuzz.h"
#include "journal.h"
#include "sbuf.h"

static const char *const steps[] = {
	"start", "comment", "labor", "charge", "charge_others", "invoice", "verify", "status", NULL
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *file;
	struct journal j = JOURNAL_INIT;
	struct sbuf done = SBUF_INIT;
	FILE *fp;

	if (!file) {
		char dir[] = "/tmp/syncro-fuzz-journal-XXXXXX";

		if (!mkdtemp(dir) || setenv("XDG_STATE_HOME", dir, 1))
			abort();
		file = xdg_state_path("journal/bill-32164.json");
		if (mkdir_for_file(file) < 0)
			abort();
	}
	if (!(fp = fopen(file, "w")) || fwrite(data, 1, size, fp) != size || fclose(fp))
		abort();
	if (!journal_load_steps(&j, "bill", 32164, steps) && journal_exists(&j)) {
		bill_describe_done(&j, &done);
		(void)journal_options_differ(&j, journal_options(&j), &done);
		(void)journal_state(&j, "comment");
		(void)journal_get_long(&j, "labor", "timer_id", 0);
		(void)journal_has_long(&j, "charge_others", "charged", 7);
	}
	journal_release(&j);
	if (!journal_load_to_forget(&j, "bill", 32164))
		(void)journal_exists(&j);
	journal_release(&j);
	sbuf_release(&done);
	return 0;
}
