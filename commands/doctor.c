/*
 * syncro doctor: check, in order, what a request needs (config file, base
 * URL, key source, the account's answer to GET /me and its permissions)
 * and show the shared rate limit. Stops at the first problem with its exit
 * code, so scripts can test `syncro doctor` before a run.
 */
#include "compat.h"
#include "api.h"
#include "config.h"
#include "connection-keep.h"
#include "cred.h"
#include "json.h"
#include "output.h"
#include "http.h"
#include "parse-options.h"
#include "profile-users.h"
#include "wipe.h"
#include "ratelimit.h"
#include "usage.h"
#include "xmalloc.h"

static const struct option_spec options[] = {
	OPT_END(),
};

static const struct verb_spec verb = {
	"doctor", "syncro doctor", "check config, key, connection and permissions",
	options, COMPLETE_NONE,
};

/* What syncro's verbs need from GET /me's permissions, and who needs it. */
static const struct {
	const char *path, *name, *verbs;
} needed[] = {
	{ "ticket.read", "ticket read", "list, ticket, search" },
	{ "ticket.write", "ticket write", "create, update, comment, time, close, bill" },
	{ "customer.read", "customer read", "customers, create" },
	{ "invoice.read", "invoice read", "bill" },
	{ "invoice.write", "invoice write", "bill" },
};

static void row(const char *label, const char *value)
{
	printf("%-13s ", label);
	output_text(stdout, value, SAFE_ONE_LINE);	/* the user's name, from the API */
	putchar('\n');
}

static void check_permissions(const cJSON *me)
{
	const cJSON *perms = json_get(me, "permissions");
	struct sbuf missing = SBUF_INIT;

	if (!cJSON_IsObject(perms)) {
		row("permissions:", "not reported by the API");
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(needed); i++) {
		char path[64];

		snprintf(path, sizeof(path), "permissions.%s", needed[i].path);
		if (json_bool(me, path, 0))
			continue;
		sbuf_addf(&missing, "%s%s (for %s)", missing.len ? ", " : "",
			  needed[i].name, needed[i].verbs);
	}
	if (!missing.len) {
		row("permissions:", "all that syncro needs");
		return;
	}
	row("permissions:", "missing some");
	fflush(stdout);
	fprintf(stderr, "%s: the API key lacks permissions: %s\n", program_name(), missing.buf);
	hint("ask an account admin to grant them to the key under Admin > API > API Tokens");
	sbuf_release(&missing);
	exit(EXIT_AUTH);
}

/*
 * Whose key each profile holds: GET /me with it ("profile howard: Sam
 * Ortega (id 74572)"), remembered in the cache
 * for `syncro config` and completion. A profile whose key fails is shown
 * so, and doctor goes on with the others.
 */
static int check_profiles(const struct syncro_config *cfg)
{
	int failed = 0;

	for (size_t i = 0; i < cfg->profiles_nr; i++) {
		struct api_request req = { "GET", "/me", NULL, NULL, NULL };
		struct api_error err = API_ERROR_INIT;
		struct syncro_config keys;
		struct sbuf label = SBUF_INIT, sb = SBUF_INIT;
		char *key;
		cJSON *me;

		config_profile_keys(cfg, &cfg->profiles[i], &keys);
		sbuf_addf(&label, "profile %s:", cfg->profiles[i].name);
		fflush(stdout);
		key = cred_api_key(&keys, NULL);
		http_set_api_key(key);
		wipe_string(key);
		free(key);
		if (api_call(&req, &me, &err)) {
			sbuf_addf(&sb, "GET /me failed: %s", err.message ? err.message : "?");
			failed = 1;
		} else {
			sbuf_addf(&sb, "%s (id %ld)", json_string(me, "user_name", "?"),
				  json_long(me, "user_id", -1));
			profile_users_store(cfg->profiles[i].name, me);
		}
		row(label.buf, sb.buf);
		api_error_release(&err);
		cJSON_Delete(me);
		config_release(&keys);
		sbuf_release(&label);
		sbuf_release(&sb);
	}
	return failed;
}

/* The shared limit as it stands before doctor's own request. */
static void describe_rate_limit(const struct syncro_config *cfg, struct sbuf *out)
{
	char *file = ratelimit_path(cfg->base_url);
	long per_minute = cfg->rate_limit_per_minute;
	double tokens;

	if (per_minute <= 0)
		sbuf_addstr(out, "off");
	else if (mkdir_for_file(file) || ratelimit_level(file, per_minute, &tokens))
		sbuf_addf(out, "%ld requests a minute; cannot use '%s': %s",
			  per_minute, file, strerror(errno));
	else if (tokens >= 0)
		sbuf_addf(out, "%ld requests a minute; %ld of %.0f available now",
			  per_minute, (long)tokens, ratelimit_burst(per_minute));
	else
		sbuf_addf(out, "%ld requests a minute; none available, the next request waits %ld s",
			  per_minute, seconds_up(-tokens * 60 / (double)per_minute));
	free(file);
}

#ifdef _WIN32
/* Windows: what runs "#!" helpers, where files live, the console's code page. */
static void describe_windows(void)
{
	const char *sh = compat_sh();
	unsigned cp = compat_console_codepage();
	struct sbuf sb = SBUF_INIT;
	char *dir;

	row("shell:", sh ? sh : "none: '#!' helpers, editors and the pager need Git for Windows' "
	    "sh.exe (or set SYNCRO_SH)");
	dir = xdg_config_path(NULL);
	row("config dir:", dir);
	free(dir);
	dir = xdg_state_path(NULL);
	row("state dir:", dir);
	free(dir);
	if (!cp)
		sbuf_addstr(&sb, "none (no console)");
	else if (cp == 65001)
		sbuf_addstr(&sb, "65001 (UTF-8)");
	else
		sbuf_addf(&sb, "%u (not UTF-8: 'chcp 65001' shows every name as it is)", cp);
	row("code page:", sb.buf);
	sbuf_release(&sb);
}
#endif

/* The warm connection between commands (connection-keep.h): off, not running, or running. */
static void describe_connection_keep(const struct syncro_config *cfg, struct sbuf *out)
{
	struct keep_where w;
	long pid;

	keep_where(cfg, &w);
	if (!w.socket) {
		sbuf_addf(out, "not kept warm: %s", w.off);
		if (w.refused)
			sbuf_addf(out, ": %s", w.refused);
	} else if (!(pid = keep_running_pid(w.lock))) {
		sbuf_addstr(out, "kept warm for ");
		keep_add_duration(out, cfg->connection_keep);
		sbuf_addf(out, "; no keeper running: the next command starts one at %s", w.socket);
	} else {
		sbuf_addf(out, "kept warm by pid %ld at %s; it exits after ", pid, w.socket);
		keep_add_duration(out, keep_idle_left(cfg, w.socket));
		sbuf_addstr(out, " more idle");
	}
	keep_where_release(&w);
}

int main(int argc, char **argv)
{
	const struct syncro_config *cfg;
	struct api_request req = { "GET", "/me", NULL, NULL, NULL };
	struct api_error err = API_ERROR_INIT;
	struct sbuf sb = SBUF_INIT, rate = SBUF_INIT;
	char *shown;
	cJSON *me;

	api_error_hints_in_doctor();
	argc = parse_options(&verb, argc, argv);
	if (argc)
		usage_error(&verb, "no arguments expected");

	cfg = config_get();
	shown = path_for_display(cfg->path);
	sbuf_addf(&sb, "%s%s", shown, cfg->file_exists ? "" : " (not found: defaults and environment)");
	row("config:", sb.buf);
	sbuf_reset(&sb);
	free(shown);
#ifdef _WIN32
	describe_windows();
#endif

	if (!cfg->base_url || !*cfg->base_url) {
		row("base URL:", "none");
		fflush(stdout);
		die_with(EXIT_AUTH, "%s", config_no_account_message(cfg));
	}
	sbuf_addf(&sb, "%s (%s%s%s)", cfg->base_url, config_source_name(cfg->base_url_source),
		  cfg->base_url_from ? " " : "", cfg->base_url_from ? cfg->base_url_from : "");
	row("base URL:", sb.buf);
	sbuf_reset(&sb);

	if (!strncmp(cfg->base_url, "https:", 6)) {
		struct http_ca ca;

		http_ca_choose(cfg, &ca);
		if (ca.path)
			sbuf_addf(&sb, "%s (%s)", ca.path, ca.source);
		else
			sbuf_addstr(&sb, ca.source);
	} else {
		sbuf_addstr(&sb, "not used (plain http)");
	}
	row("TLS CAs:", sb.buf);
	sbuf_reset(&sb);
	describe_connection_keep(cfg, &sb);
	row("connection:", sb.buf);
	sbuf_reset(&sb);

	if (cred_describe(cfg, &sb) == KEY_NONE) {
		row("API key:", "none");
		fflush(stdout);
		die_with(EXIT_AUTH, "no API key; set SYNCRO_API_KEY, or api_key_command or vault "
			 "in '%s' (see syncro-config(5))", cfg->path);
	}
	row("API key:", sb.buf);
	sbuf_reset(&sb);
	if ((shown = cred_unsafe_file(cfg))) {
		fflush(stdout);
		die_with(EXIT_AUTH, "%s", shown);
	}

	describe_rate_limit(cfg, &rate);
	fflush(stdout);
	if (api_call(&req, &me, &err)) {
		row("GET /me:", "failed");
		fflush(stdout);
		api_die(&err);
	}
	sbuf_addf(&sb, "%s (id %ld%s)", json_string(me, "user_name", "?"),
		  json_long(me, "user_id", -1), json_bool(me, "admin", 0) ? ", admin" : "");
	row("user:", sb.buf);
	sbuf_reset(&sb);
	if (cfg->profile)
		profile_users_store(cfg->profile, me);
	row("subdomain:", json_string(me, "subdomain", "(not reported)"));
	check_permissions(me);
	row("rate limit:", rate.buf);
	cJSON_Delete(me);
	if (check_profiles(cfg)) {
		fflush(stdout);
		die_with(EXIT_AUTH, "a profile's key was refused; fix its key source in '%s'", cfg->path);
	}
	sbuf_release(&sb);
	sbuf_release(&rate);
	return 0;
}
