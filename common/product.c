#include "compat.h"
#include "api.h"
#include "json.h"
#include "labor.h"
#include "prefetch.h"
#include "product.h"
#include "xmalloc.h"

static struct product **known;	/* each allocated once: pointers stay valid */
static size_t known_nr, known_alloc;

#define PRODUCT_PATH "/products/%ld"

static int known_already(long id)
{
	for (size_t i = 0; i < known_nr; i++)
		if (known[i]->id == id)
			return 1;
	return 0;
}

void product_want(long id)
{
	if (id > 0 && !known_already(id))
		prefetch_want(PRODUCT_PATH, id);
}

int product_get(long id, const struct product **out, struct api_error *err)
{
	char path[64], what[64];
	struct api_request req = { "GET", path, NULL, NULL, what };
	struct product *p;
	cJSON *answer;

	for (size_t i = 0; i < known_nr; i++)
		if (known[i]->id == id) {
			*out = known[i];
			return 0;
		}
	snprintf(path, sizeof(path), PRODUCT_PATH, id);
	snprintf(what, sizeof(what), "product %ld", id);
	if (api_call(&req, &answer, err))
		return -1;
	answer = api_unwrap(answer, "product");
	if (!json_string(answer, "name", NULL)) {
		cJSON_Delete(answer);
		return api_error_set(err, EXIT_NETWORK, 200,
				  xstrfmt("product %ld came back without a name", id), NULL);
	}
	ALLOC_GROW(known, known_nr + 1, known_alloc);
	p = known[known_nr++] = xcalloc(1, sizeof(*p));
	p->id = id;
	p->name = xstrdup(json_string(answer, "name", ""));
	p->price_retail = json_double(answer, "price_retail", 0);
	p->taxable = json_bool(answer, "taxable", 0);
	cJSON_Delete(answer);
	*out = p;
	return 0;
}
