/*
 * The part of invoice-view.h that makes no request: amounts, the paid
 * state, and the completion cache (the dispatcher links it and must not
 * load libcurl).
 */
#include "compat.h"
#include "cache.h"
#include "complete.h"
#include "invoice-view.h"
#include "json.h"
#include "money.h"

#define INVOICE_CACHE "invoices"
#define INVOICE_CACHE_MAX 500

void invoice_amount(struct sbuf *out, double amount)
{
	char buf[MONEY_MAX];

	sbuf_addstr(out, money_format(amount, buf, sizeof(buf)));
}

double invoice_money(const cJSON *obj, const char *field)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, field);

	if (cJSON_IsString(v))
		return strtod(v->valuestring, NULL);
	return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

int invoice_is_paid(const cJSON *inv)
{
	return json_bool(inv, "is_paid", 0) || json_bool(inv, "verified_paid", 0) ||
		!strcmp(json_string(inv, "status", ""), "Paid");
}

static void remove_number(cJSON *list, const char *number)
{
	for (int i = 0; i < cJSON_GetArraySize(list); i++) {
		if (!strcmp(json_string(cJSON_GetArrayItem(list, i), "number", ""), number)) {
			cJSON_DeleteItemFromArray(list, i);
			return;
		}
	}
}

/* The cache: {"invoices": [{"number", "id", "about"}...]}, newest last. */
static void cache_put(cJSON *list, const cJSON *inv)
{
	const char *number = json_string(inv, "number", NULL);
	struct sbuf about = SBUF_INIT;
	cJSON *entry;

	if (!number)
		return;
	remove_number(list, number);
	sbuf_addf(&about, "%s · ", json_string(inv, "customer_business_then_name", ""));
	invoice_amount(&about, invoice_money(inv, "total"));
	sbuf_addf(&about, " · %s", invoice_is_paid(inv) ? "paid" : "unpaid");
	entry = cJSON_CreateObject();
	cJSON_AddStringToObject(entry, "number", number);
	cJSON_AddNumberToObject(entry, "id", (double)json_long(inv, "id", -1));
	cJSON_AddStringToObject(entry, "about", about.buf);
	cJSON_AddItemToArray(list, entry);
	while (cJSON_GetArraySize(list) > INVOICE_CACHE_MAX)
		cJSON_DeleteItemFromArray(list, 0);
	sbuf_release(&about);
}

static void cache_update(const cJSON *one, const cJSON *many, const char *forget)
{
	int lock = cache_lock("invoices.lock");
	cJSON *all = cache_read_json(INVOICE_CACHE, -1), *list;
	const cJSON *it;

	if (!cJSON_IsArray(list = cJSON_GetObjectItemCaseSensitive(all, "invoices"))) {
		cJSON_Delete(all);
		all = cJSON_CreateObject();
		list = cJSON_AddArrayToObject(all, "invoices");
	}
	if (one)
		cache_put(list, one);
	if (forget)
		remove_number(list, forget);
	cJSON_ArrayForEach(it, many)
		cache_put(list, it);
	cache_write_json(INVOICE_CACHE, all);
	cache_unlock(lock);
	cJSON_Delete(all);
}

void invoice_cache_add(const cJSON *invoice)
{
	if (invoice)
		cache_update(invoice, NULL, NULL);
}

void invoice_cache_add_list(const cJSON *invoices)
{
	cache_update(NULL, invoices, NULL);
}

int complete_invoices(const char *prefix)
{
	cJSON *all = cache_read_json(INVOICE_CACHE, -1);
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(all, "invoices"), *it;
	int n = cJSON_GetArraySize(list);

	if (*prefix == '#')
		prefix++;
	/* newest first */
	for (int i = n - 1; i >= 0; i--) {
		it = cJSON_GetArrayItem(list, i);
		if (starts_with(json_string(it, "number", ""), prefix))
			complete_candidate(json_string(it, "number", ""), json_string(it, "about", NULL));
	}
	cJSON_Delete(all);
	return DIRECTIVE_NO_FILE | DIRECTIVE_KEEP_ORDER;
}

void invoice_cache_forget(const char *number)
{
	cache_update(NULL, NULL, number);
}

static int invoices(const char *values, const char *prefix)
{
	(void)values;
	return complete_invoices(prefix);
}

const struct complete_source complete_source_invoices = { invoices };
