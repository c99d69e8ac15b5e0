/* What the user types for a ticket (32164, #32164, a web link), and base URLs. */
#include "compat.h"
#include "fuzz.h"
#include "sbuf.h"
#include "ticket-number.h"
#include "url.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	struct sbuf sb = SBUF_INIT;

	if (!FUZZ_DIED()) {
		(void)ticket_number_parse(text);
		(void)url_check_transport(text, &sb);
		sbuf_reset(&sb);
		sbuf_addstr(&sb, text);
		url_redact(&sb, size > 4 ? text + size / 2 : NULL);
	}
	sbuf_release(&sb);
	free(text);
	return 0;
}
