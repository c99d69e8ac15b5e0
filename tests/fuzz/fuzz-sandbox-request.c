/* What the sandbox parses of a request: the query string, the path, a fail rule. */
#include "compat.h"
#include "fuzz.h"
#include "sandbox/controls.h"
#include "sandbox/query.h"
#include "sandbox/route.h"
#include "sbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size), *nl = strchr(text, '\n');
	struct route_captures caps;
	struct controls ctl;
	struct sbuf sb = SBUF_INIT;
	struct fail_rule rule;
	cJSON *q, *json;

	q = query_parse(text);
	cJSON_Delete(q);
	query_mask_api_key(&sb, text);
	sbuf_reset(&sb);
	if (nl) {	/* "PATTERN\nPATH" */
		*nl = '\0';
		(void)path_match(text, nl + 1, &caps);
		*nl = '\n';
	}
	controls_init(&ctl);
	json = cJSON_Parse(text);
	if (json && !add_fail_rule(&ctl, json, &sb) && take_fail_rule(&ctl, "GET", "/api/v1/tickets", &rule))
		fail_rule_release(&rule);
	cJSON_Delete(json);
	controls_free(&ctl);
	sbuf_release(&sb);
	free(text);
	return 0;
}
