/*
 * syncro config: the effective settings and where each came from. The key
 * itself is never shown, only its source; nothing is run or decrypted.
 */
#include "compat.h"
#include <cjson/cJSON.h>
#include "api.h"
#include "config.h"
#include "config-edit.h"
#include "connection-keep.h"
#include "cred.h"
#include "json.h"
#include "json-fields.h"
#include "output.h"
#include "parse-options.h"
#include "profile-users.h"
#include "prompt.h"
#include "usage.h"
#include "wipe.h"
#include "xmalloc.h"

/* opt_check: -1 unless --check or --no-check */
static int opt_check = -1, opt_key_env, opt_key_stdin;
static const char *opt_subdomain, *opt_base_url, *opt_key_command, *opt_vault;

static const struct option_spec options[] = {
	OPT_JSON("print the settings as a JSON object"),
	OPT_STRING(0, "subdomain", &opt_subdomain, "SUB", "init: the account, SUB.syncromsp.com"),
	OPT_STRING(0, "base-url", &opt_base_url, "URL",
		   "init: an API base URL instead (a proxy, the sandbox)"),
	OPT_BOOL(0, "api-key-env", &opt_key_env, "init: the key comes from SYNCRO_API_KEY"),
	OPT_STRING(0, "api-key-command", &opt_key_command, "CMD",
		   "init: a command that prints the key"),
	OPT_STRING_C(0, "vault", &opt_vault, "FILE", "init: a SOPS-encrypted YAML file with the key",
		     COMPLETE_FILE),
	OPT_BOOL(0, "api-key-stdin", &opt_key_stdin,
		 "init: read the key from standard input and keep it in the file (mode 0600)"),
	OPT_BOOL(0, "check", &opt_check, "init: make a test call (the default; --no-check: none)"),
	OPT_EXCLUSIVE("subdomain base-url"),
	OPT_EXAMPLE("syncro config --json | jq -r .base_url.value",
		    "one setting, for a script"),
	OPT_EXAMPLE("syncro config init --subdomain acme-it --api-key-command 'pass show syncro'",
		    "set up an account whose key a command prints"),
	OPT_EXAMPLE("syncro config set labor.default_minutes 30",
		    "change one setting"),
	OPT_END(),
};

static const struct verb_spec verb = {
	"config",
	"syncro config [--json]\n"
	"   or: syncro config set KEY VALUE\n"
	"   or: syncro config init [--subdomain SUB | --base-url URL] [KEY SOURCE] [--no-check]",
	"show the settings, set one, or set up an account", options,
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

static void add_duration(const struct syncro_config *cfg, const char *name,
			 enum setting_id id, long seconds)
{
	struct sbuf sb = SBUF_INIT;

	keep_add_duration(&sb, seconds);
	add(name, sbuf_detach(&sb, NULL), cJSON_CreateNumber((double)seconds),
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

/*
 * The chosen profile, then each profile: its key source and whose key it is
 * as `syncro doctor` last found (from the cache: nothing is run here).
 */
static void add_profiles(const struct syncro_config *cfg)
{
	if (cfg->profile)
		add("profile", xstrdup(cfg->profile), cJSON_CreateString(cfg->profile),
		    config_source_name(cfg->source[SET_PROFILE]),
		    xstrdup(cfg->source[SET_PROFILE] == SOURCE_ENV ? "SYNCRO_PROFILE" : "default_profile"));
	for (size_t i = 0; i < cfg->profiles_nr; i++) {
		struct syncro_config keys;
		struct sbuf sb = SBUF_INIT, user = SBUF_INIT;
		cJSON *json = cJSON_CreateObject();
		char *name = xstrfmt("profiles.%s", cfg->profiles[i].name);

		config_profile_keys(cfg, &cfg->profiles[i], &keys);
		cred_describe(&keys, &user);
		/* without "profile howard: ", which the line's name says */
		sbuf_addstr(&sb, strstr(user.buf, ": ") ? strstr(user.buf, ": ") + 2 : user.buf);
		sbuf_reset(&user);
		cJSON_AddStringToObject(json, "key_from", sb.buf);
		if (profile_user_describe(cfg->profiles[i].name, &user) == 0) {
			sbuf_addf(&sb, ", the key of %s", user.buf);
			cJSON_AddStringToObject(json, "user", user.buf);
		} else {
			sbuf_addstr(&sb, ", whose key is not known yet (run 'syncro doctor')");
			cJSON_AddNullToObject(json, "user");
		}
		add(name, sbuf_detach(&sb, NULL), json, "file", NULL);
		config_release(&keys);
		sbuf_release(&user);
		free(name);
	}
}

static void collect(const struct syncro_config *cfg)
{
	add_config_file(cfg);
	if (cfg->subdomain)
		add_string(cfg, "subdomain", SET_SUBDOMAIN, cfg->subdomain);
	add_base_url(cfg);
	add_api_key(cfg);
	add_profiles(cfg);
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
	add_number(cfg, "rate_limit.max_wait", SET_RATE_MAX_WAIT, cfg->rate_limit_max_wait);
	if (cfg->tls_ca_file)
		add_path(cfg, "tls.ca_file", SET_TLS_CA_FILE, cfg->tls_ca_file);
	add_duration(cfg, "connection.keep", SET_CONNECTION_KEEP, cfg->connection_keep);
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
	add_string(cfg, "confirm", SET_CONFIRM, cfg->confirm_writes ? "writes" : "none");
	add_string(cfg, "estimate.subject_prefix", SET_ESTIMATE_PREFIX, cfg->estimate_prefix);
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
	output_json(all);
	cJSON_Delete(all);
}

/* ---- set and init ---- */

static void set_key(const char *path, const char *key, const char *value)
{
	struct sbuf err = SBUF_INIT;

	if (config_file_set(path, key, value, &err) < 0)
		die_with(EXIT_USAGE, "%s", err.buf);
	sbuf_release(&err);
}

static char *config_path(void)
{
	const char *env = getenv("SYNCRO_CONFIG");

	return env && *env ? xstrdup(env) : xdg_config_path("config.yaml");
}

static int config_set(int argc, char **argv)
{
	char *path, *shown;

	if (opt_json || opt_subdomain || opt_base_url || opt_key_env || opt_key_command ||
	    opt_vault || opt_key_stdin || opt_check >= 0)
		usage_error(&verb, "'syncro config set' takes only KEY VALUE");
	if (argc != 3)
		usage_error(&verb, "'syncro config set' takes a key and a value");
	path = config_path();
	set_key(path, argv[1], argv[2]);
	shown = path_for_display(path);
	printf("%s: %s = %s\n", shown, argv[1], argv[2]);
	free(shown);
	free(path);
	return EXIT_OK;
}

/* The account: --subdomain, --base-url, or asked for. */
static void init_account(const char *path)
{
	char *sub = NULL;

	if (opt_base_url) {
		set_key(path, "base_url", opt_base_url);
		return;
	}
	if (!opt_subdomain &&
	    prompt_line("Subdomain (NAME in NAME.syncromsp.com)", NULL, &sub) < 0)
		prompt_die_missing("--subdomain");
	set_key(path, "subdomain", opt_subdomain ? opt_subdomain : sub);
	free(sub);
}

static void read_key_from_stdin(const char *path)
{
	struct sbuf key = SBUF_INIT;

	if (sbuf_read_fd(&key, STDIN_FILENO) < 0)
		die_errno("cannot read the key from standard input");
	sbuf_trim(&key);
	if (!key.len)
		die_with(EXIT_USAGE, "no key on standard input");
	set_key(path, "api_key", key.buf);
	wipe_sbuf(&key);
}

/* The key's source: one option, or asked for (never the key itself on a terminal). */
static void init_key(const char *path)
{
	static const char *const sources[] = {
		"the environment: export SYNCRO_API_KEY (nothing stored)",
		"a command that prints it (api_key_command)",
		"a SOPS-encrypted YAML file (vault.file)",
	};
	struct strvec items = STRVEC_INIT;
	char *answer = NULL;
	size_t pick;
	int given = !!opt_key_env + !!opt_key_command + !!opt_vault + !!opt_key_stdin;

	if (given > 1)
		usage_error(&verb, "give one key source: '--api-key-env', '--api-key-command', "
			    "'--vault' or '--api-key-stdin'");
	if (opt_key_command)
		set_key(path, "api_key_command", opt_key_command);
	else if (opt_vault)
		set_key(path, "vault.file", opt_vault);
	else if (opt_key_stdin)
		read_key_from_stdin(path);
	if (given)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(sources); i++)
		strvec_push(&items, sources[i]);
	if (prompt_choose("Where does the API key come from?", &items, &pick) < 0)
		prompt_die_missing("--api-key-env, --api-key-command, --vault or --api-key-stdin");
	strvec_clear(&items);
	if (pick == 1) {
		if (prompt_line("Command", NULL, &answer) < 0)
			prompt_die_missing("--api-key-command");
		set_key(path, "api_key_command", answer);
	} else if (pick == 2) {
		if (prompt_line("Vault file", NULL, &answer) < 0)
			prompt_die_missing("--vault");
		set_key(path, "vault.file", answer);
	}
	free(answer);
}

/* GET /me with what was just written: who the key belongs to. */
static int init_check(void)
{
	struct api_request req = { "GET", "/me", NULL, NULL, NULL };
	struct api_error err = API_ERROR_INIT;
	cJSON *me = NULL;
	int code;

	if (api_call(&req, &me, &err) < 0) {
		api_error_print(&err, NULL);
		fprintf(stderr, "the settings are saved; fix them with 'syncro config set' "
			"and check again with 'syncro doctor'\n");
		code = err.code;
		api_error_release(&err);
		return code;
	}
	printf("connected as %s <%s>\n", json_string(me, "user_name", "?"),
	       json_string(me, "user_email", "?"));
	cJSON_Delete(me);
	return EXIT_OK;
}

static int config_init(int argc)
{
	char *path, *shown;
	int code = EXIT_OK;

	if (argc != 1)
		usage_error(&verb, "'syncro config init' takes options only");
	if (opt_json)
		usage_error(&verb, "'syncro config init' does not take --json");
	path = config_path();
	init_account(path);
	init_key(path);
	shown = path_for_display(path);
	printf("wrote %s\n", shown);
	free(shown);
	free(path);
	if (opt_check)
		code = init_check();
	return code;
}

int main(int argc, char **argv)
{
	const struct syncro_config *cfg;
	char *problem;
	int code = EXIT_OK;

	argc = parse_options(&verb, argc, argv);
	if (argc && !strcmp(argv[0], "set"))
		return config_set(argc, argv);
	if (argc && !strcmp(argv[0], "init"))
		return config_init(argc);
	if (argc)
		usage_error(&verb, "unknown subcommand '%s' (set, init)", argv[0]);
	if (opt_subdomain || opt_base_url || opt_key_env || opt_key_command || opt_vault ||
	    opt_key_stdin || opt_check >= 0)
		usage_error(&verb, "that option is for 'syncro config init'");
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
