#include "compat.h"
#include "config.h"
#include "date.h"
#include "json.h"
#include "labor.h"
#include "money.h"
#include "output.h"
#include "table.h"
#include "ticket-view.h"
#include "xmalloc.h"

/* A timestamp field in local time, or "none". */
static void add_time(struct sbuf *sb, const cJSON *obj, const char *field)
{
	time_t t = json_time(obj, field);

	if (t == (time_t)-1)
		sbuf_addstr(sb, "none");
	else
		date_add_local(sb, t);
}

static const char *or_none(const char *s)
{
	return s && *s ? s : "none";
}

static void field_row(struct table *t, const char *name, const char *value)
{
	table_add_row(t, NULL);
	table_add_cell(t, name);
	table_add_cell(t, value);
}

static void time_row(struct table *t, const char *name, const cJSON *ticket, const char *field)
{
	struct sbuf sb = SBUF_INIT;

	add_time(&sb, ticket, field);
	field_row(t, name, sb.buf);
	sbuf_release(&sb);
}

static void print_fields(const cJSON *ticket)
{
	struct table *t = table_new(2);
	const char *status = json_string(ticket, "status", "");
	const char *contact = json_string(ticket, "contact.name", NULL);
	const char *tech = json_string(ticket, "user.full_name", NULL);

	table_set_flex(t, 1, 10);
	printf("#%ld  ", json_long(ticket, "number", -1));
	output_text(stdout, json_string(ticket, "subject", ""), SAFE_ONE_LINE);
	putchar('\n');
	table_add_row(t, NULL);
	table_add_cell(t, "status");
	table_add_colored(t, status_color(status), status);
	field_row(t, "priority", or_none(json_string(ticket, "priority", NULL)));
	field_row(t, "customer", or_none(json_string(ticket, "customer_business_then_name", NULL)));
	field_row(t, "contact", or_none(contact ? contact : json_string(ticket, "contact_fullname", NULL)));
	time_row(t, "created", ticket, "created_at");
	time_row(t, "due", ticket, "due_date");
	time_row(t, "updated", ticket, "updated_at");
	field_row(t, "tech", tech && *tech ? tech : "unassigned");
	table_print(t);
	table_free(t);
}

/* Newest first; comments of the same second by id, the later one first. */
static int newest_first(const void *a, const void *b)
{
	const cJSON *ca = *(const cJSON *const *)a, *cb = *(const cJSON *const *)b;
	time_t x = json_time(ca, "created_at");
	time_t y = json_time(cb, "created_at");
	long i = json_long(ca, "id", 0), j = json_long(cb, "id", 0);

	if (x != y)
		return (x < y) - (x > y);
	return (i < j) - (i > j);
}

/*
 * Who wrote comment c: its tech; with none, the customer side did (the
 * API gives user_id and tech null), so the ticket's contact or customer.
 */
static const char *comment_author(const cJSON *ticket, const cJSON *c)
{
	const char *tech = json_string(c, "tech", NULL);
	const char *name;

	if (tech && *tech)
		return tech;
	if (json_long(c, "user_id", -1) > 0)
		return "-";
	name = json_string(ticket, "contact.name", NULL);
	if (!name || !*name)
		name = json_string(ticket, "contact_fullname", NULL);
	if (!name || !*name)
		name = json_string(ticket, "customer_business_then_name", NULL);
	return name && *name ? name : "-";
}

/* Each line of text from the API, indented and wrapped to the terminal, on stdout. */
static void print_indented(const char *api_text, const char *indent)
{
	struct sbuf safe = SBUF_INIT, out = SBUF_INIT;

	utf8_add_safe(&safe, api_text, SAFE_LINES);
	utf8_add_wrapped(&out, safe.buf, indent, term_columns());
	fputs(out.buf, stdout);
	sbuf_release(&safe);
	sbuf_release(&out);
}

static void print_comment(const cJSON *ticket, const cJSON *c)
{
	struct sbuf head = SBUF_INIT;
	const char *emails = json_string(c, "destination_emails", NULL);

	sbuf_addstr(&head, "  ");
	add_time(&head, c, "created_at");
	sbuf_addstr(&head, "  ");
	utf8_add_safe(&head, comment_author(ticket, c), SAFE_ONE_LINE);
	if (json_bool(c, "hidden", 0))
		sbuf_addstr(&head, "  [hidden]");
	if (emails && *emails) {
		sbuf_addstr(&head, "  [emailed ");
		utf8_add_safe(&head, emails, SAFE_ONE_LINE);
		sbuf_addch(&head, ']');
	}
	sbuf_addstr(&head, "  ");
	utf8_add_safe(&head, json_string(c, "subject", ""), SAFE_ONE_LINE);
	printf("%s\n", head.buf);
	print_indented(json_string(c, "body", ""), "      ");
	sbuf_release(&head);
}

static void print_comments(const cJSON *ticket, long limit)
{
	const cJSON *comments = json_get(ticket, "comments"), *c;
	size_t nr = 0, shown;
	const cJSON **all;

	all = xcalloc((size_t)cJSON_GetArraySize(comments) + 1, sizeof(*all));
	cJSON_ArrayForEach(c, comments)
		all[nr++] = c;
	qsort(all, nr, sizeof(*all), newest_first);
	shown = limit < 0 || (size_t)limit > nr ? nr : (size_t)limit;
	if (!nr)
		printf("\ncomments: none\n");
	else if (shown == nr)
		printf("\ncomments (%zu, newest first)\n", nr);
	else
		printf("\ncomments (latest %zu of %zu; --comments all for every one)\n", shown, nr);
	for (size_t i = 0; i < shown; i++)
		print_comment(ticket, all[i]);
	free(all);
}

const char *ticket_view_timer_product(const cJSON *ticket, const cJSON *timer)
{
	static char fallback[64];
	long product = json_long(timer, "product_id", -1);
	long line_id = json_long(timer, "ticket_line_item_id", -1);
	const cJSON *line;

	cJSON_ArrayForEach(line, json_get(ticket, "line_items"))
		if (line_id > 0 && json_long(line, "id", -2) == line_id)
			return json_string(line, "name", "");
	cJSON_ArrayForEach(line, json_get(ticket, "line_items"))
		if (product > 0 && json_long(line, "product_id", -2) == product)
			return json_string(line, "name", "");
	if (config_labor_alias(product))
		return config_labor_alias(product);
	if (product < 0)
		return "no product";
	snprintf(fallback, sizeof(fallback), "product %ld", product);
	return fallback;
}

struct billing {
	long uncharged_minutes;
	size_t uncharged, lines, invoiced;
};

static void print_timers(const cJSON *ticket, struct billing *b)
{
	const cJSON *timers = json_get(ticket, "ticket_timers"), *timer;
	struct table *t;

	if (!cJSON_GetArraySize(timers))
		return;
	t = table_new(6);
	table_set_align(t, 0, TABLE_RIGHT);
	printf("\ntime entries\n");
	cJSON_ArrayForEach(timer, timers) {
		struct sbuf when = SBUF_INIT;
		int charged = json_bool(timer, "recorded", 0);
		int billable = json_bool(timer, "billable", 1);
		long minutes = labor_timer_minutes(timer);

		if (!charged && billable) {
			b->uncharged++;
			b->uncharged_minutes = labor_minutes_add(b->uncharged_minutes, minutes);
		}
		add_time(&when, timer, "start_time");
		table_add_row(t, NULL);
		if (minutes < 0)
			table_add_cell(t, "  ? min");
		else
			table_add_cellf(t, "  %ld min", minutes);
		table_add_cell(t, ticket_view_timer_product(ticket, timer));
		table_add_colored(t, charged ? COLOR_GREEN : COLOR_YELLOW,
				  charged ? "charged" : billable ? "not charged" : "not billable");
		table_add_cell(t, when.buf);
		table_add_cell(t, json_string(timer, "notes", ""));
		sbuf_release(&when);
	}
	table_print(t);
	table_free(t);
}

static void print_lines(const cJSON *ticket, struct billing *b)
{
	const cJSON *lines = json_get(ticket, "line_items"), *line;
	struct table *t;

	if (!cJSON_GetArraySize(lines))
		return;
	t = table_new(5);
	table_set_align(t, 0, TABLE_RIGHT);
	table_set_align(t, 3, TABLE_RIGHT);
	table_set_flex(t, 2, 10);
	printf("\nlabor lines\n");
	cJSON_ArrayForEach(line, lines) {
		int invoiced = json_bool(line, "converted", 0);
		char price[MONEY_MAX];

		b->lines++;
		b->invoiced += invoiced;
		table_add_row(t, NULL);
		table_add_cellf(t, "  %s x", json_string(line, "quantity", "?"));
		table_add_cell(t, json_string(line, "name", ""));
		table_add_cell(t, json_string(line, "description", ""));
		table_add_cell(t, money_format(json_double(line, "price_retail", 0), price,
					       sizeof(price)));
		table_add_colored(t, invoiced ? COLOR_GREEN : COLOR_YELLOW,
				  invoiced ? "invoiced" : "not invoiced");
	}
	table_print(t);
	table_free(t);
}

/*
 * Where billing stands, from the ticket alone: its invoice's number and
 * total would take GET /invoices?ticket_id=, a request `ticket` does not make.
 */
static void print_billing(const struct billing *b)
{
	struct sbuf sb = SBUF_INIT;

	if (b->uncharged)
		sbuf_addf(&sb, "%ld min not charged", b->uncharged_minutes);
	if (b->lines > b->invoiced)
		sbuf_addf(&sb, "%s%zu line%s charged, not invoiced", sb.len ? "; " : "",
			  b->lines - b->invoiced, b->lines - b->invoiced == 1 ? "" : "s");
	if (b->invoiced)
		sbuf_addf(&sb, "%s%zu line%s invoiced", sb.len ? "; " : "",
			  b->invoiced, b->invoiced == 1 ? "" : "s");
	printf("\nbilling: %s\n", sb.len ? sb.buf : "nothing billed");
	sbuf_release(&sb);
}

void ticket_view_print(const cJSON *ticket, long comments)
{
	struct billing b = { 0, 0, 0, 0 };

	print_fields(ticket);
	print_comments(ticket, comments);
	print_timers(ticket, &b);
	print_lines(ticket, &b);
	print_billing(&b);
}
