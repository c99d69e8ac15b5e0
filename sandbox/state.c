#include "compat.h"
#include "state.h"
#include "timeutil.h"
#include "xmalloc.h"

/* Every field of each stored record, with its default (see syncro-swagger.json). */
static const struct template {
	const char *kind;
	const char *json;
} templates[] = {
	{ "tickets", "{\"id\":null,\"number\":null,\"subject\":null,\"created_at\":null,"
	  "\"customer_id\":null,\"due_date\":null,\"start_at\":null,\"end_at\":null,"
	  "\"location_id\":null,\"location_name\":null,\"problem_type\":null,"
	  "\"status\":\"New\",\"ticket_type_id\":null,\"properties\":{},\"user_id\":null,"
	  "\"updated_at\":null,\"pdf_url\":null,\"intake_form_html\":null,"
	  "\"signature_name\":null,\"signature_date\":null,\"asset_ids\":[],"
	  "\"priority\":null,\"resolved_at\":null,\"outtake_form_name\":null,"
	  "\"outtake_form_date\":null,\"outtake_form_html\":null,\"contact_id\":null,"
	  "\"address_id\":null,\"billing_status\":null,\"sla_id\":null,\"sla_name\":null,"
	  "\"contract_id\":null,\"contract_name\":null,\"parent_id\":null,"
	  "\"creator_name_or_email\":null,\"recurring\":false,\"tag_list\":[],"
	  "\"comments\":[],\"attachments\":[],\"ticket_timers\":[],\"line_items\":[],"
	  "\"worksheet_results\":[],\"assets\":[],\"appointments\":[],"
	  "\"ticket_fields\":[],\"ticket_answers\":[]}" },
	{ "comments", "{\"id\":null,\"created_at\":null,\"updated_at\":null,"
	  "\"ticket_id\":null,\"subject\":null,\"body\":null,\"tech\":null,"
	  "\"hidden\":false,\"user_id\":null,\"is_rich_text\":false}" },
	{ "ticket_timers", "{\"id\":null,\"ticket_id\":null,\"user_id\":null,"
	  "\"start_time\":null,\"end_time\":null,\"recorded\":false,\"created_at\":null,"
	  "\"updated_at\":null,\"billable\":false,\"notes\":null,\"toggl_id\":null,"
	  "\"product_id\":null,\"comment_id\":null,\"ticket_line_item_id\":null,"
	  "\"active_duration\":null,\"billable_time\":null,\"billable_override\":null}" },
	{ "line_items", "{\"id\":null,\"ticket_id\":null,\"user_id\":null,"
	  "\"product_id\":null,\"name\":null,\"description\":null,\"quantity\":\"1.0\","
	  "\"product_category\":null,\"upc_code\":null,\"taxable\":false,"
	  "\"cost_cents\":0,\"retail_cents\":0,\"created_at\":null,\"updated_at\":null,"
	  "\"converted\":false,\"item_id\":null,\"position\":null,"
	  "\"estimate_line_item_id\":null,\"old_price\":null,"
	  "\"line_discount_percent\":null,\"discount_dollars\":null,"
	  "\"original_ticket_line_item_id\":null,\"price_cost\":0,\"price_retail\":0}" },
	{ "customers", "{\"id\":null,\"firstname\":null,\"lastname\":null,"
	  "\"business_name\":null,\"email\":null,\"phone\":null,\"mobile\":null,"
	  "\"created_at\":null,\"updated_at\":null,\"pdf_url\":null,\"address\":null,"
	  "\"address_2\":null,\"city\":null,\"state\":null,\"zip\":null,"
	  "\"latitude\":null,\"longitude\":null,\"notes\":null,\"get_sms\":false,"
	  "\"opt_out\":false,\"disabled\":false,\"no_email\":false,"
	  "\"location_name\":null,\"location_id\":null,\"properties\":{},"
	  "\"online_profile_url\":null,\"tax_rate_id\":null,\"notification_email\":null,"
	  "\"invoice_cc_emails\":null,\"invoice_term_id\":null,\"referred_by\":null,"
	  "\"ref_customer_id\":null,\"prepay_hours\":\"0.0\"}" },
	{ "contacts", "{\"id\":null,\"name\":null,\"address1\":null,\"address2\":null,"
	  "\"city\":null,\"state\":null,\"zip\":null,\"email\":null,\"phone\":null,"
	  "\"mobile\":null,\"latitude\":null,\"longitude\":null,\"customer_id\":null,"
	  "\"account_id\":null,\"notes\":null,\"created_at\":null,\"updated_at\":null,"
	  "\"vendor_id\":null,\"properties\":{},\"opt_out\":false,\"extension\":null}" },
	{ "invoices", "{\"id\":null,\"customer_id\":null,\"number\":null,"
	  "\"created_at\":null,\"updated_at\":null,\"date\":null,\"due_date\":null,"
	  "\"subtotal\":\"0.0\",\"total\":\"0.0\",\"tax\":\"0.0\",\"verified_paid\":false,"
	  "\"tech_marked_paid\":false,\"ticket_id\":null,\"pdf_url\":null,"
	  "\"is_paid\":false,\"location_id\":null,\"po_number\":null,\"contact_id\":null,"
	  "\"note\":null,\"hardwarecost\":null,\"user_id\":null,\"line_items\":[]}" },
	{ "invoice_line_items", "{\"id\":null,\"created_at\":null,\"updated_at\":null,"
	  "\"invoice_id\":null,\"item\":null,\"name\":null,\"cost\":\"0.0\","
	  "\"price\":\"0.0\",\"quantity\":\"1.0\",\"product_id\":null,\"taxable\":false,"
	  "\"discount_percent\":null,\"position\":null,\"invoice_bundle_id\":null,"
	  "\"discount_dollars\":null,\"product_category\":null}" },
	{ "products", "{\"id\":null,\"price_cost\":0,\"price_retail\":0,"
	  "\"condition\":null,\"description\":null,\"maintain_stock\":false,"
	  "\"name\":null,\"quantity\":0,\"warranty\":null,\"sort_order\":null,"
	  "\"reorder_at\":null,\"disabled\":false,\"taxable\":false,"
	  "\"product_category\":null,\"category_path\":null,\"upc_code\":null,"
	  "\"discount_percent\":null,\"warranty_template_id\":null,\"qb_item_id\":null,"
	  "\"desired_stock_level\":null,\"price_wholesale\":0,\"notes\":null,"
	  "\"tax_rate_id\":null,\"physical_location\":null,\"serialized\":false,"
	  "\"vendor_ids\":[],\"product_skus\":[],\"long_description\":null,"
	  "\"location_quantities\":[],\"photos\":[]}" },
	{ "users", "{\"id\":null,\"email\":null,\"full_name\":null,\"created_at\":null,"
	  "\"updated_at\":null,\"group\":\"Technicians\",\"admin\":false,\"color\":null}" },
};

/* Which nested arrays hold which kind. */
static const struct nested {
	const char *parent, *field, *kind;
} nested_kinds[] = {
	{ "tickets", "comments", "comments" },
	{ "tickets", "ticket_timers", "ticket_timers" },
	{ "tickets", "line_items", "line_items" },
	{ "invoices", "line_items", "invoice_line_items" },
};

static const char *collections[] = {
	"users", "customers", "contacts", "tickets", "invoices", "products",
	"product_categories",
};

cJSON *normalize(const char *kind, const cJSON *rec)
{
	cJSON *tmpl = NULL, *out, *it;

	for (size_t i = 0; i < ARRAY_SIZE(templates); i++)
		if (!strcmp(templates[i].kind, kind))
			tmpl = cJSON_Parse(templates[i].json);
	if (!tmpl)
		return cJSON_Duplicate(rec, 1);
	out = cJSON_CreateObject();
	cJSON_ArrayForEach(it, tmpl) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(rec, it->string);

		cJSON_AddItemToObject(out, it->string, cJSON_Duplicate(v ? v : it, 1));
	}
	cJSON_ArrayForEach(it, rec)
		if (!cJSON_GetObjectItemCaseSensitive(out, it->string))
			cJSON_AddItemToObject(out, it->string, cJSON_Duplicate(it, 1));
	cJSON_Delete(tmpl);
	return out;
}

static int normalize_collection(cJSON *data, const char *name, struct sbuf *err)
{
	cJSON *arr = cJSON_GetObjectItemCaseSensitive(data, name), *fresh, *it;

	if (!arr) {
		cJSON_AddItemToObject(data, name, cJSON_CreateArray());
		return 0;
	}
	if (!cJSON_IsArray(arr)) {
		sbuf_addf(err, "'%s' is not an array", name);
		return -1;
	}
	fresh = cJSON_CreateArray();
	cJSON_ArrayForEach(it, arr) {
		cJSON *rec;

		if (!cJSON_IsObject(it) || !cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(it, "id"))) {
			sbuf_addf(err, "an element of '%s' is not an object with a numeric id", name);
			cJSON_Delete(fresh);
			return -1;
		}
		rec = normalize(name, it);
		for (size_t i = 0; i < ARRAY_SIZE(nested_kinds); i++) {
			const struct nested *n = &nested_kinds[i];
			cJSON *sub, *list, *el;

			if (strcmp(n->parent, name))
				continue;
			sub = cJSON_GetObjectItemCaseSensitive(rec, n->field);
			list = cJSON_CreateArray();
			cJSON_ArrayForEach(el, sub) {
				cJSON *one = normalize(n->kind, el);

				set_field(one, !strcmp(name, "tickets") ? "ticket_id" : "invoice_id",
					  cJSON_CreateNumber(num_field(rec, "id", 0)));
				cJSON_AddItemToArray(list, one);
			}
			set_field(rec, n->field, list);
		}
		cJSON_AddItemToArray(fresh, rec);
	}
	cJSON_ReplaceItemInObjectCaseSensitive(data, name, fresh);
	return 0;
}

int state_load_string(struct state *st, const char *json, const char *name,
		      struct sbuf *err)
{
	cJSON *data = cJSON_Parse(json);

	if (!cJSON_IsObject(data)) {
		sbuf_addf(err, "'%s' is not a JSON object", name);
		cJSON_Delete(data);
		return -1;
	}
	for (size_t i = 0; i < ARRAY_SIZE(collections); i++) {
		if (normalize_collection(data, collections[i], err) < 0) {
			sbuf_addf(err, " in '%s'", name);
			cJSON_Delete(data);
			return -1;
		}
	}
	if (!cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(data, "me")))
		cJSON_AddItemToObject(data, "me", cJSON_CreateObject());
	if (!cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(data, "ticket_settings")))
		cJSON_AddItemToObject(data, "ticket_settings", cJSON_CreateObject());
	pthread_rwlock_init(&st->lock, NULL);
	st->loaded = data;
	st->data = cJSON_Duplicate(data, 1);
	return 0;
}

int state_load(struct state *st, const char *path, struct sbuf *err)
{
	struct sbuf text = SBUF_INIT;
	int ret;

	if (sbuf_read_file(&text, path) < 0) {
		sbuf_addf(err, "cannot read '%s': %s", path, strerror(errno));
		sbuf_release(&text);
		return -1;
	}
	ret = state_load_string(st, text.buf, path, err);
	sbuf_release(&text);
	return ret;
}

void state_reset(struct state *st)
{
	cJSON_Delete(st->data);
	st->data = cJSON_Duplicate(st->loaded, 1);
}

void state_free(struct state *st)
{
	cJSON_Delete(st->data);
	cJSON_Delete(st->loaded);
	st->data = st->loaded = NULL;
	pthread_rwlock_destroy(&st->lock);
}

cJSON *coll(struct state *st, const char *name)
{
	return cJSON_GetObjectItemCaseSensitive(st->data, name);
}

cJSON *find_by_id(const cJSON *array, double id)
{
	cJSON *it;

	cJSON_ArrayForEach(it, array)
		if (num_field(it, "id", -1) == id)
			return it;
	return NULL;
}

double next_id(const cJSON *array, const char *nested)
{
	double max = 0;
	cJSON *it, *sub;

	cJSON_ArrayForEach(it, array) {
		if (nested) {
			cJSON_ArrayForEach(sub, cJSON_GetObjectItemCaseSensitive(it, nested))
				if (num_field(sub, "id", 0) > max)
					max = num_field(sub, "id", 0);
		} else if (num_field(it, "id", 0) > max) {
			max = num_field(it, "id", 0);
		}
	}
	return max + 1;
}

double me_user_id(struct state *st)
{
	return num_field(cJSON_GetObjectItemCaseSensitive(st->data, "me"), "user_id", 0);
}

double num_field(const cJSON *obj, const char *name, double def)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);

	if (cJSON_IsNumber(v))
		return v->valuedouble;
	if (cJSON_IsString(v) && *v->valuestring) {
		char *end;
		double d = strtod(v->valuestring, &end);

		if (!*end)
			return d;
	}
	return def;
}

const char *str_field(const cJSON *obj, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

void set_field(cJSON *obj, const char *name, cJSON *value)
{
	if (cJSON_GetObjectItemCaseSensitive(obj, name))
		cJSON_ReplaceItemInObjectCaseSensitive(obj, name, value);
	else
		cJSON_AddItemToObject(obj, name, value);
}

void touch(cJSON *obj, int create)
{
	char now[TIMESTAMP_MS_LEN];

	format_timestamp_ms(clock_now_ms(), now, sizeof(now));
	if (create)
		set_field(obj, "created_at", cJSON_CreateString(now));
	set_field(obj, "updated_at", cJSON_CreateString(now));
}

static void drop_status(cJSON *data, const char *status)
{
	cJSON *settings = cJSON_GetObjectItemCaseSensitive(data, "ticket_settings");
	cJSON *list = cJSON_GetObjectItemCaseSensitive(settings, "ticket_status_list"), *it;

	cJSON_ArrayForEach(it, list)
		if (cJSON_IsString(it) && !strcmp(it->valuestring, status)) {
			cJSON_Delete(cJSON_DetachItemViaPointer(list, it));
			return;
		}
}

void state_apply_quirks(struct state *st)
{
	if (st->quirks & QUIRK_NO_INVOICED_STATUS) {
		drop_status(st->loaded, "Invoiced");
		drop_status(st->data, "Invoiced");
	}
}
