/* A Retry-After header: whole seconds or an HTTP date. */
#include "compat.h"
#include "fuzz.h"
#include "http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);

	(void)http_parse_retry_after(text, 1790000000);
	(void)http_parse_retry_after(text, 0);
	free(text);
	return 0;
}
