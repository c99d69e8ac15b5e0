/*
 * syncro config: the effective settings and where each came from. The key
 * itself is never shown, only its source; nothing is run or decrypted.
 */
#include "compat.h"
#include <cjson/cJSON.h>
#include "config.h"
#include "cred.h"
#include "parse-options.h"
#include "usage.h"
#include "xmalloc.h"

static int opt_json;

static const struct option_spec options[] = {
	OPT_BOOL(0, "json", &opt_json, "print the settings as a JSON object"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"config", "syncro config [--json]",
	"show the effective settings and where each came from", options,
	COMPLETE_NONE,
};

/* One line of the listing: "name  value  (source detail)". */
struct setting {
	char *name;
	char *value;		/* as shown to people */
	cJSON *json;		/* the value for --json */
	const char *source;	/* "default", "file", "env"; for the key: "vault"... */
	char *detail;		/* "SYNCRO_BASE_URL", or NULL */
};

static struct setting *list;
static size_t nr, alloc;

static void add(const char *name, char *value, cJSON *json, const char *source,
		char *detail)
{
	ALLOC_GROW(list, nr + 1, alloc);
	list[nr].name = xstrdup(name);
	list[nr].value = value;
	list[nr].json = json;
	list[nr].source = source;
	list[nr].detail = detail;
	nr++;
}

static void add_string(const struct syncro_config *cfg, const char *name,
		       enum setting_id id, const char *value)
{
	add(name, xstrdup(value), cJSON_CreateString(value),
	    config_source_name(cfg->source[id]), NULL);
}

static void add_path(const struct syncro_config *cfg, const char *name,
		     enum setting_id id, const char *value)
{
	add(name, path_for_display(value), cJSON_CreateString(value),
	    config_source_name(cfg->source[id]), NULL);
}

static void add_number(const struct syncro_config *cfg, const char *name,
		       enum setting_id id, long value)
{
	add(name, xstrfmt("%ld", value), cJSON_CreateNumber((double)value),
	    config_source_name(cfg->source[id]), NULL);
}

static void add_config_file(const struct syncro_config *cfg)
{
	char *path = path_for_display(cfg->path);

	add("config_file", xstrfmt("%s%s", path, cfg->file_exists ? "" : " (not found)"),
	    cJSON_CreateString(cfg->path), config_source_name(cfg->path_source),
	    cfg->path_source == SOURCE_ENV ? xstrdup("SYNCRO_CONFIG") : NULL);
	free(path);
}

static void add_base_url(const struct syncro_config *cfg)
{
	if (!cfg->base_url) {
		add("base_url", xstrdup("none (set subdomain, or export SYNCRO_SUBDOMAIN)"),
		    cJSON_CreateNull(), "default", NULL);
		return;
	}
	add("base_url", xstrdup(cfg->base_url), cJSON_CreateString(cfg->base_url),
	    config_source_name(cfg->base_url_source), xstrdup(cfg->base_url_from));
}

/* The key's line names its source only; nothing is run to find it. */
static void add_api_key(const struct syncro_config *cfg)
{
	static const char *const names[] = { "none", "env", "command", "vault", "file" };
	struct sbuf where = SBUF_INIT;
	enum key_source src = cred_describe(cfg, &where);
	char *shown = src == KEY_NONE ?
		xstrdup("none: export SYNCRO_API_KEY, or set api_key_command or vault") :
		xstrfmt("from %s", where.buf);

	add("api_key", shown, NULL, names[src],
	    src == KEY_NONE ? NULL : sbuf_detach(&where, NULL));
	sbuf_release(&where);
}

static void collect(const struct syncro_config *cfg)
{
	add_config_file(cfg);
	if (cfg->subdomain)
		add_string(cfg, "subdomain", SET_SUBDOMAIN, cfg->subdomain);
	add_base_url(cfg);
	add_api_key(cfg);
	if (cfg->api_key_command)
		add_string(cfg, "api_key_command", SET_API_KEY_COMMAND, cfg->api_key_command);
	if (cfg->vault_file) {
		add_path(cfg, "vault.file", SET_VAULT_FILE, cfg->vault_file);
		add_string(cfg, "vault.field", SET_VAULT_FIELD, cfg->vault_field);
	}
	add_string(cfg, "auth", SET_AUTH, config_auth_mode_name(cfg->auth));
	add_number(cfg, "timeout", SET_TIMEOUT, cfg->timeout);
	add_number(cfg, "connect_timeout", SET_CONNECT_TIMEOUT, cfg->connect_timeout);
	add_number(cfg, "rate_limit.per_minute", SET_RATE_PER_MINUTE, cfg->rate_limit_per_minute);
	add_number(cfg, "rate_limit.wait", SET_RATE_WAIT, cfg->rate_limit_wait);
	add_string(cfg, "labor.default", SET_LABOR_DEFAULT, cfg->labor_default);
	add_number(cfg, "labor.default_minutes", SET_LABOR_DEFAULT_MINUTES,
		   cfg->labor_default_minutes);
	for (size_t i = 0; i < cfg->labor_nr; i++) {
		char *name = xstrfmt("labor.products.%s", cfg->labor[i].alias);

		add(name, xstrfmt("%ld", cfg->labor[i].product_id),
		    cJSON_CreateNumber((double)cfg->labor[i].product_id),
		    config_source_name(cfg->labor[i].source), NULL);
		free(name);
	}
	add_string(cfg, "billing.method", SET_BILLING, config_billing_method_name(cfg->billing));
	add("comments.email", xstrdup(cfg->email_comments ? "true" : "false"),
	    cJSON_CreateBool(cfg->email_comments),
	    config_source_name(cfg->source[SET_EMAIL_COMMENTS]), NULL);
	add_string(cfg, "close_status", SET_CLOSE_STATUS, cfg->close_status);
	add_path(cfg, "session_logs", SET_SESSION_LOGS, cfg->session_logs);
}

static void print_lines(void)
{
	int width = 0;

	for (size_t i = 0; i < nr; i++)
		if ((int)strlen(list[i].name) > width)
			width = (int)strlen(list[i].name);
	for (size_t i = 0; i < nr; i++) {
		printf("%-*s  %s", width, list[i].name, list[i].value);
		if (!list[i].json)
			;	/* the key: its value already says where it comes from */
		else if (list[i].detail)
			printf("  (%s %s)", list[i].source, list[i].detail);
		else
			printf("  (%s)", list[i].source);
		putchar('\n');
	}
}

static void print_json(const struct syncro_config *cfg)
{
	cJSON *all = cJSON_CreateObject();
	char *text;

	for (size_t i = 0; i < nr; i++) {
		cJSON *one = cJSON_CreateObject();

		/* The key has no "value": only where it would come from. */
		if (list[i].json)
			cJSON_AddItemToObject(one, "value", list[i].json);
		list[i].json = NULL;
		cJSON_AddStringToObject(one, "source", list[i].source);
		if (list[i].detail)
			cJSON_AddStringToObject(one, "from", list[i].detail);
		if (!strcmp(list[i].name, "config_file"))
			cJSON_AddBoolToObject(one, "exists", cfg->file_exists);
		cJSON_AddItemToObject(all, list[i].name, one);
	}
	text = cJSON_Print(all);
	if (!text)
		die("out of memory");
	puts(text);
	free(text);
	cJSON_Delete(all);
}

int main(int argc, char **argv)
{
	const struct syncro_config *cfg;
	char *problem;
	int code = EXIT_OK;

	if (parse_options(&verb, argc, argv))
		usage_error(&verb, "'syncro config' takes no arguments");
	cfg = config_get();
	collect(cfg);
	if (opt_json)
		print_json(cfg);
	else
		print_lines();
	problem = cred_problem(cfg);
	if (problem) {
		fflush(stdout);
		error("%s", problem);
		free(problem);
		code = EXIT_AUTH;
	}
	for (size_t i = 0; i < nr; i++) {
		free(list[i].name);
		free(list[i].value);
		free(list[i].detail);
		cJSON_Delete(list[i].json);
	}
	free(list);
	if (fflush(stdout))
		return EXIT_ERROR;
	return code;
}
