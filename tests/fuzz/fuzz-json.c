/* JSON answers and error bodies as the client reads them. */
#include "compat.h"
#include "api.h"
#include "api-error.h"
#include "fuzz.h"
#include "json.h"
#include "sbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct api_error err = API_ERROR_INIT;
	const cJSON *items, *item;
	char *text = fuzz_text(data, size), *words, *printed;
	cJSON *v = json_parse(text, size);

	if (v) {
		printed = json_print(v);
		free(printed);
		words = api_error_words(v);
		free(words);
		if (api_list_items(v, NULL, "/tickets", 1, &items, &err))
			api_error_release(&err);
		cJSON_ArrayForEach(item, items) {
			(void)json_long(item, "id", 0);
			(void)json_double(item, "quantity", 0);
			(void)json_time(item, "created_at");
			(void)json_string(item, "comments.0.body", "");
		}
		cJSON_Delete(v);
	}
	free(text);
	return 0;
}
