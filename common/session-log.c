#include "compat.h"
#include <fcntl.h>
#include "config.h"
#include "date.h"
#include "json.h"
#include "labor.h"
#include "session-log.h"
#include "slug.h"
#include "usage.h"
#include "utf8.h"
#include "web-url.h"
#include "write-full.h"
#include "xmalloc.h"

/* Give up finding a free name after this many (-2 ... -99). */
#define MAX_SUFFIX 99

static const char *customer_name(const cJSON *ticket)
{
	return json_string(ticket, "customer_business_then_name",
			   json_string(ticket, "customer.business_then_name", ""));
}

char *session_log_path(const char *dir, const cJSON *ticket, time_t day)
{
	struct sbuf path = SBUF_INIT;

	sbuf_addf(&path, "%s/clients/", dir);
	slug_add(&path, customer_name(ticket), SESSION_LOG_SLUG_MAX, "customer");
	sbuf_addstr(&path, "/session-logs/");
	date_addf(&path, "%Y-%m-%d", day);
	sbuf_addf(&path, "-%ld-", json_long(ticket, "number", 0));
	slug_add(&path, json_string(ticket, "subject", ""), SESSION_LOG_SLUG_MAX, "ticket");
	sbuf_addstr(&path, ".md");
	return sbuf_detach(&path, NULL);
}

/* "2026-04-16 19:55" for the timestamp at path, or "-". */
static void add_time(struct sbuf *out, const cJSON *obj, const char *path)
{
	time_t t = json_time(obj, path);

	if (t == -1)
		sbuf_addstr(out, "-");
	else
		date_add_local(out, t);
}

static void add_item(struct sbuf *out, const char *label, const char *value)
{
	sbuf_addf(out, "- %s: %s\n", label, value && *value ? value : "-");
}

static void add_time_item(struct sbuf *out, const char *label, const cJSON *obj, const char *path)
{
	sbuf_addf(out, "- %s: ", label);
	add_time(out, obj, path);
	sbuf_addch(out, '\n');
}

static void add_header(struct sbuf *out, const cJSON *t)
{
	char *url = web_url_ticket(json_long(t, "id", -1));
	struct sbuf contact = SBUF_INIT;
	const char *email = json_string(t, "contact.email", NULL);

	sbuf_addf(out, "# #%ld %s\n\n", json_long(t, "number", 0), json_string(t, "subject", ""));
	add_item(out, "Customer", customer_name(t));
	sbuf_addstr(&contact, json_string(t, "contact.name", json_string(t, "contact_fullname", "")));
	if (contact.len && email && *email)
		sbuf_addf(&contact, " <%s>", email);
	add_item(out, "Contact", contact.buf);
	add_item(out, "Tech", json_string(t, "user.full_name", NULL));
	add_item(out, "Status", json_string(t, "status", NULL));
	add_item(out, "Priority", json_string(t, "priority", NULL));
	add_item(out, "Problem type", json_string(t, "problem_type", NULL));
	add_time_item(out, "Created", t, "created_at");
	add_time_item(out, "Due", t, "due_date");
	add_time_item(out, "Resolved", t, "resolved_at");
	add_item(out, "Link", url);
	sbuf_release(&contact);
	free(url);
}

static int by_created(const void *a, const void *b)
{
	const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;
	time_t tx = json_time(x, "created_at"), ty = json_time(y, "created_at");
	long ix = json_long(x, "id", 0), iy = json_long(y, "id", 0);

	if (tx != ty)
		return tx < ty ? -1 : 1;
	return ix < iy ? -1 : ix > iy;
}

/* The comments oldest first (the API's order is not promised); borrowed. */
static const cJSON **sorted_comments(const cJSON *t, size_t *n)
{
	const cJSON *comments = cJSON_GetObjectItemCaseSensitive(t, "comments"), *c;
	const cJSON **list = xcalloc((size_t)cJSON_GetArraySize(comments) + 1, sizeof(*list));

	*n = 0;
	cJSON_ArrayForEach(c, comments)
		list[(*n)++] = c;
	qsort(list, *n, sizeof(*list), by_created);
	return list;
}

static void add_comments(struct sbuf *out, const cJSON **list, size_t n)
{
	sbuf_addstr(out, "\n## Comments\n");
	if (!n)
		sbuf_addstr(out, "\nNone.\n");
	for (size_t i = 0; i < n; i++) {
		const cJSON *c = list[i];
		const char *tech = json_string(c, "tech", NULL);
		const char *emailed = json_string(c, "destination_emails", NULL);

		sbuf_addstr(out, "\n### ");
		add_time(out, c, "created_at");
		if (tech && *tech)
			sbuf_addf(out, " - %s", tech);
		sbuf_addf(out, " - %s", json_string(c, "subject", ""));
		if (json_bool(c, "hidden", 0))
			sbuf_addstr(out, " [hidden]");
		if (emailed && *emailed)
			sbuf_addf(out, " [emailed to %s]", emailed);
		sbuf_addf(out, "\n\n%s\n", json_string(c, "body", ""));
	}
}

static const char *tech_name(const cJSON *techs, long id)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, techs)
		if (json_long(it, "id", -1) == id)
			return json_string(it, "name", NULL);
	return NULL;
}

static void add_product(struct sbuf *out, long product_id)
{
	const char *alias = config_labor_alias(product_id);

	if (alias)
		sbuf_addf(out, "%s (%ld)", alias, product_id);
	else if (product_id > 0)
		sbuf_addf(out, "product %ld", product_id);
	else
		sbuf_addstr(out, "no product");
}

static void add_time_entries(struct sbuf *out, const cJSON *t, const cJSON *techs)
{
	const cJSON *timers = cJSON_GetObjectItemCaseSensitive(t, "ticket_timers"), *it;
	const cJSON *lines = cJSON_GetObjectItemCaseSensitive(t, "line_items");

	sbuf_addstr(out, "\n## Time entries\n\n");
	if (!cJSON_GetArraySize(timers))
		sbuf_addstr(out, "None.\n");
	cJSON_ArrayForEach(it, timers) {
		const char *tech = tech_name(techs, json_long(it, "user_id", -1));
		const char *notes = json_string(it, "notes", NULL);
		long minutes = labor_timer_minutes(it);

		sbuf_addstr(out, "- ");
		add_time(out, it, "start_time");
		if (minutes < 0)
			sbuf_addstr(out, ", ? min, ");
		else
			sbuf_addf(out, ", %ld min, ", minutes);
		if (tech)
			sbuf_addf(out, "%s, ", tech);
		else
			sbuf_addf(out, "user %ld, ", json_long(it, "user_id", 0));
		add_product(out, json_long(it, "product_id", -1));
		sbuf_addstr(out, json_bool(it, "recorded", 0) ? ", charged" : ", not charged");
		if (notes && *notes)
			sbuf_addf(out, ": %s", notes);
		sbuf_addch(out, '\n');
	}
	if (!cJSON_GetArraySize(lines))
		return;
	sbuf_addstr(out, "\n## Line items\n\n");
	cJSON_ArrayForEach(it, lines)
		sbuf_addf(out, "- %g x %s\n", json_double(it, "quantity", 0),
			  json_string(it, "name", ""));
}

void session_log_render(struct sbuf *out, const cJSON *ticket, const char *resolution,
			const cJSON *techs)
{
	struct sbuf log = SBUF_INIT;
	size_t n;
	const cJSON **comments = sorted_comments(ticket, &n);

	add_header(&log, ticket);
	add_comments(&log, comments, n);
	add_time_entries(&log, ticket, techs);
	for (size_t i = n; !resolution && i-- > 0;)
		if (!strcasecmp(json_string(comments[i], "subject", ""), "Resolution"))
			resolution = json_string(comments[i], "body", NULL);
	sbuf_addf(&log, "\n## Resolution\n\n%s\n", resolution ? resolution : "None recorded.");
	free(comments);
	/* The text stays, escapes do not: the log is read with cat and less -R too. */
	utf8_add_safe(out, log.buf, SAFE_LINES);
	sbuf_release(&log);
}

/*
 * O_EXCL: an existing file is never opened, even one made a moment ago.
 * Mode 0600: a log holds hidden notes and the contacts' emails.
 */
static int create_new(const char *path, const char *text, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0)
		return -1;
	if (write_in_full(fd, text, len) < 0 || close(fd) < 0) {
		int saved = errno;

		unlink(path);
		errno = saved;
		return -2;
	}
	return 0;
}

static void fail(const char *path)
{
	char *shown = path_for_display(path);

	error_errno("cannot write the session log '%s'", shown);
	free(shown);
}

char *session_log_write(const char *path, const char *text, size_t len)
{
	size_t stem = strlen(path);
	char *try = xstrdup(path);

	if (stem > 3 && !strcmp(path + stem - 3, ".md"))
		stem -= 3;
	if (mkdir_for_file(path) < 0) {
		fail(path);
		free(try);
		return NULL;
	}
	for (int n = 2; n <= MAX_SUFFIX + 1; n++) {
		int ret = create_new(try, text, len);

		if (!ret)
			return try;
		if (ret == -2 || errno != EEXIST)
			break;
		free(try);
		try = n > MAX_SUFFIX ? NULL : xstrfmt("%.*s-%d%s", (int)stem, path, n, path + stem);
		if (!try) {
			errno = EEXIST;
			break;
		}
	}
	fail(try ? try : path);
	free(try);
	return NULL;
}
