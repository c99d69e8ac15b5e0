#include "compat.h"
#include "config.h"
#include "exit-codes.h"
#include "xmalloc.h"
#include "unit.h"
#include "unit-home.h"
#include "unit-run.h"
#include "unit-config.h"

static void load_and_release(void *text)
{
	struct syncro_config cfg;
	char *path = home_file("config.yaml");

	write_file(path, text);
	config_load(&cfg, path);
	config_release(&cfg);
	free(path);
}

/* The stderr of loading this text, with the test's HOME shown as "HOME". */
static int load_message(const char *text, struct sbuf *msg)
{
	struct sbuf raw = SBUF_INIT;
	int code = run_in_child(load_and_release, (void *)text, &raw);

	add_home_masked(msg, raw.buf);
	sbuf_release(&raw);
	return code;
}

static void assert_fails(const char *text, const char *expect)
{
	struct sbuf msg = SBUF_INIT;

	ck_assert_int_eq(load_message(text, &msg), EXIT_AUTH);
	ck_assert_str_eq(msg.buf, expect);
	sbuf_release(&msg);
}

START_TEST(missing_file_gives_defaults)
{
	struct syncro_config cfg;
	char *path = home_file("nope.yaml"), *logs = home_file(".local/share/syncro");

	ck_assert_int_eq(config_load(&cfg, path), 0);
	ck_assert_str_eq(cfg.path, path);
	ck_assert_int_eq(cfg.file_exists, 0);
	ck_assert_int_eq(cfg.file_mode_ok, 1);
	ck_assert_ptr_null(cfg.base_url);
	ck_assert_ptr_null(cfg.base_url_from);
	ck_assert_ptr_null(cfg.api_key_command);
	ck_assert_ptr_null(cfg.vault_file);
	ck_assert_str_eq(cfg.vault_field, "credentials.credential");
	ck_assert_ptr_null(cfg.api_key);
	ck_assert_int_eq(cfg.auth, AUTH_HEADER);
	ck_assert_int_eq(cfg.timeout, 30);
	ck_assert_int_eq(cfg.connect_timeout, 10);
	ck_assert_int_eq(cfg.rate_limit_per_minute, 180);
	ck_assert_int_eq(cfg.rate_limit_wait, 60);
	ck_assert_int_eq(cfg.connection_keep, 600);
	ck_assert_str_eq(cfg.labor_default, "remote");
	ck_assert_int_eq(cfg.labor_default_minutes, 60);
	ck_assert_uint_eq(cfg.labor_nr, 7);
	ck_assert_int_eq(config_labor_product(&cfg, "remote"), 1190473);
	ck_assert_int_eq(config_labor_product(&cfg, "onsite"), 26118);
	ck_assert_int_eq(config_labor_product(&cfg, "emergency"), 26184);
	ck_assert_int_eq(config_labor_product(&cfg, "project"), 9269129);
	ck_assert_int_eq(config_labor_product(&cfg, "internal"), 9269124);
	ck_assert_int_eq(config_labor_product(&cfg, "travel"), 26117);
	ck_assert_int_eq(config_labor_product(&cfg, "website"), 68055);
	ck_assert_int_eq(cfg.billing, BILLING_LINE_ITEM);
	ck_assert_int_eq(cfg.email_comments, 0);
	ck_assert_str_eq(cfg.close_status, "Resolved");
	ck_assert_str_eq(cfg.session_logs, logs);
	for (int i = 0; i < SETTING__NR; i++)
		ck_assert_int_eq(cfg.source[i], SOURCE_DEFAULT);
	config_release(&cfg);
	free(path);
	free(logs);
}
END_TEST

START_TEST(every_key_is_parsed)
{
	struct syncro_config cfg;
	char *vault = home_file("vault/syncro.sops.yaml"), *logs = home_file("logs");

	load_text(&cfg,
		  "# all of it\n"
		  "subdomain: acme-it\n"
		  "api_key_command: pass show syncro\n"
		  "vault:\n"
		  "  file: ~/vault/syncro.sops.yaml\n"
		  "  field: syncro.key\n"
		  "api_key: in-the-file\n"
		  "auth: query\n"
		  "timeout: 45\n"
		  "connect_timeout: 5\n"
		  "rate_limit: {per_minute: 120, wait: 0, max_wait: 100}\n"
		  "tls: {ca_file: ~/ca.pem}\n"
		  "connection: {keep: 90s}\n"
		  "labor:\n"
		  "  default: onsite\n"
		  "  default_minutes: 30\n"
		  "  max_minutes: 600\n"
		  "  products:\n"
		  "    remote: 111\n"
		  "    bench: 42\n"
		  "billing:\n"
		  "  method: line-item\n"
		  "  status: Billed\n"
		  "comments:\n"
		  "  email: yes\n"
		  "close_status: Waiting on Customer\n"
		  "session_logs: ~/logs\n"
		  "profiles:\n"
		  "  me:\n"
		  "    api_key_command: pass show syncro\n"
		  "    vault: {file: ~/vault/syncro.sops.yaml, field: syncro.key}\n"
		  "    api_key: in-the-file\n"
		  "  other: {api_key_command: pass show other}\n"
		  "default_profile: me\n"
		  "confirm: writes\n"
		  "estimate: {subject_prefix: 'Quote: '}\n");
	ck_assert_str_eq(cfg.estimate_prefix, "Quote: ");
	ck_assert_int_eq(cfg.connection_keep, 90);
	ck_assert_int_eq(cfg.confirm_writes, 1);
	ck_assert_str_eq(cfg.profile, "me");
	ck_assert_int_eq(cfg.profiles_nr, 2);
	ck_assert_str_eq(cfg.profiles[1].name, "other");
	ck_assert_str_eq(cfg.profiles[1].api_key_command, "pass show other");
	ck_assert_ptr_null(cfg.profiles[1].vault_file);
	ck_assert_int_eq(cfg.file_exists, 1);
	ck_assert_int_eq(cfg.file_mode_ok, 1);
	ck_assert_str_eq(cfg.subdomain, "acme-it");
	ck_assert_str_eq(cfg.base_url, "https://acme-it.syncromsp.com/api/v1");
	ck_assert_int_eq(cfg.base_url_source, SOURCE_FILE);
	ck_assert_str_eq(cfg.base_url_from, "subdomain");
	ck_assert_str_eq(cfg.api_key_command, "pass show syncro");
	ck_assert_str_eq(cfg.vault_file, vault);
	ck_assert_str_eq(cfg.vault_field, "syncro.key");
	ck_assert_str_eq(cfg.api_key, "in-the-file");
	ck_assert_int_eq(cfg.auth, AUTH_QUERY);
	ck_assert_int_eq(cfg.timeout, 45);
	ck_assert_int_eq(cfg.connect_timeout, 5);
	ck_assert_int_eq(cfg.rate_limit_per_minute, 120);
	ck_assert_int_eq(cfg.rate_limit_wait, 0);
	ck_assert_int_eq(cfg.rate_limit_max_wait, 100);
	ck_assert(!strcmp(cfg.tls_ca_file + strlen(cfg.tls_ca_file) - 7, "/ca.pem"));
	ck_assert_str_eq(cfg.labor_default, "onsite");
	ck_assert_int_eq(cfg.labor_default_minutes, 30);
	ck_assert_int_eq(cfg.billing, BILLING_LINE_ITEM);
	ck_assert_int_eq(cfg.email_comments, 1);
	ck_assert_str_eq(cfg.close_status, "Waiting on Customer");
	ck_assert_str_eq(cfg.session_logs, logs);
	for (int i = 0; i < SETTING__NR; i++)
		ck_assert_int_eq(cfg.source[i], SOURCE_FILE);
	config_release(&cfg);
	free(vault);
	free(logs);
}
END_TEST

START_TEST(labor_products_add_to_the_defaults)
{
	struct syncro_config cfg;
	int seen = 0;

	load_text(&cfg, "labor:\n  products:\n    remote: 111\n    bench: 42\n");
	ck_assert_uint_eq(cfg.labor_nr, 8);
	ck_assert_int_eq(config_labor_product(&cfg, "remote"), 111);
	ck_assert_int_eq(config_labor_product(&cfg, "bench"), 42);
	ck_assert_int_eq(config_labor_product(&cfg, "onsite"), 26118);
	ck_assert_int_eq(config_labor_product(&cfg, "9269129"), 9269129);
	ck_assert_int_eq(config_labor_product(&cfg, "nope"), -1);
	for (size_t i = 0; i < cfg.labor_nr; i++) {
		const struct labor_product *l = &cfg.labor[i];

		if (!strcmp(l->alias, "remote") || !strcmp(l->alias, "bench")) {
			ck_assert_int_eq(l->source, SOURCE_FILE);
			seen++;
		} else {
			ck_assert_int_eq(l->source, SOURCE_DEFAULT);
		}
	}
	ck_assert_int_eq(seen, 2);
	ck_assert_int_eq(cfg.source[SET_LABOR_DEFAULT], SOURCE_DEFAULT);
	config_release(&cfg);
}
END_TEST

START_TEST(billing_methods_and_booleans)
{
	struct syncro_config cfg;

	load_text(&cfg, "billing: {method: comment}\ncomments: {email: false}\nauth: header\n");
	ck_assert_int_eq(cfg.billing, BILLING_COMMENT);
	ck_assert_str_eq(config_billing_method_name(cfg.billing), "comment");
	ck_assert_int_eq(cfg.email_comments, 0);
	ck_assert_int_eq(cfg.source[SET_EMAIL_COMMENTS], SOURCE_FILE);
	ck_assert_int_eq(cfg.auth, AUTH_HEADER);
	config_release(&cfg);
	load_text(&cfg, "billing:\n  method: timer\n");
	ck_assert_int_eq(cfg.billing, BILLING_TIMER);
	config_release(&cfg);
}
END_TEST

START_TEST(empty_values_keep_the_defaults)
{
	struct syncro_config cfg;

	load_text(&cfg, "close_status:\ntimeout: ~\nvault:\n");
	ck_assert_str_eq(cfg.close_status, "Resolved");
	ck_assert_int_eq(cfg.timeout, 30);
	ck_assert_ptr_null(cfg.vault_file);
	ck_assert_int_eq(cfg.source[SET_CLOSE_STATUS], SOURCE_DEFAULT);
	config_release(&cfg);
	load_text(&cfg, "");
	ck_assert_int_eq(cfg.file_exists, 1);
	ck_assert_int_eq(cfg.timeout, 30);
	config_release(&cfg);
}
END_TEST

START_TEST(base_url_from_the_file)
{
	struct syncro_config cfg;

	load_text(&cfg, "subdomain: acme\nbase_url: https://proxy.example/api/v1//\n");
	ck_assert_str_eq(cfg.base_url, "https://proxy.example/api/v1");
	ck_assert_str_eq(cfg.base_url_from, "base_url");
	ck_assert_int_eq(cfg.base_url_source, SOURCE_FILE);
	config_release(&cfg);
}
END_TEST

START_TEST(env_precedence)
{
	struct syncro_config cfg;
	const char *text = "subdomain: filesub\nbase_url: https://file.example/api/v1\n";

	setenv("SYNCRO_SUBDOMAIN", "envsub", 1);
	setenv("SYNCRO_BASE_URL", "http://127.0.0.1:8080/api/v1/", 1);
	load_text(&cfg, text);
	ck_assert_str_eq(cfg.base_url, "http://127.0.0.1:8080/api/v1");
	ck_assert_int_eq(cfg.base_url_source, SOURCE_ENV);
	ck_assert_str_eq(cfg.base_url_from, "SYNCRO_BASE_URL");
	config_release(&cfg);

	unsetenv("SYNCRO_BASE_URL");
	load_text(&cfg, text);
	ck_assert_str_eq(cfg.base_url, "https://envsub.syncromsp.com/api/v1");
	ck_assert_int_eq(cfg.base_url_source, SOURCE_ENV);
	ck_assert_str_eq(cfg.base_url_from, "SYNCRO_SUBDOMAIN");
	ck_assert_str_eq(cfg.subdomain, "envsub");
	ck_assert_int_eq(cfg.source[SET_SUBDOMAIN], SOURCE_ENV);
	config_release(&cfg);

	setenv("SYNCRO_SUBDOMAIN", "", 1);	/* empty: as if unset */
	load_text(&cfg, text);
	ck_assert_str_eq(cfg.base_url, "https://file.example/api/v1");
	ck_assert_str_eq(cfg.base_url_from, "base_url");
	config_release(&cfg);

	load_text(&cfg, "subdomain: filesub\n");
	ck_assert_str_eq(cfg.base_url, "https://filesub.syncromsp.com/api/v1");
	ck_assert_str_eq(cfg.base_url_from, "subdomain");
	config_release(&cfg);
}
END_TEST

static void load_env_subdomain(void *unused)
{
	struct syncro_config cfg;

	(void)unused;
	setenv("SYNCRO_SUBDOMAIN", "Acme.syncromsp.com", 1);
	config_load(&cfg, "/nonexistent/config.yaml");
	config_release(&cfg);
}

START_TEST(bad_env_subdomain_is_fatal)
{
	struct sbuf msg = SBUF_INIT;

	ck_assert_int_eq(run_in_child(load_env_subdomain, NULL, &msg), EXIT_AUTH);
	ck_assert_str_eq(msg.buf, "syncro: SYNCRO_SUBDOMAIN 'Acme.syncromsp.com' is not a "
			 "subdomain: use lowercase letters, digits and '-' (the SUB of "
			 "SUB.syncromsp.com)\n");
	sbuf_release(&msg);
}
END_TEST

START_TEST(config_path_from_env)
{
	struct syncro_config cfg;
	char *path = home_file("elsewhere.yaml"), *dflt;

	write_file(path, "close_status: Done\n");
	setenv("SYNCRO_CONFIG", path, 1);
	ck_assert_int_eq(config_load(&cfg, NULL), 0);
	ck_assert_str_eq(cfg.path, path);
	ck_assert_int_eq(cfg.path_source, SOURCE_ENV);
	ck_assert_str_eq(cfg.close_status, "Done");
	config_release(&cfg);

	unsetenv("SYNCRO_CONFIG");
	ck_assert_int_eq(config_load(&cfg, NULL), 0);
	dflt = home_file(".config/syncro/config.yaml");
	ck_assert_str_eq(cfg.path, dflt);
	ck_assert_int_eq(cfg.path_source, SOURCE_DEFAULT);
	config_release(&cfg);
	free(dflt);
	free(path);
}
END_TEST

START_TEST(file_mode_is_checked)
{
	struct syncro_config cfg;
	char *path = home_file("config.yaml");

	write_file(path, "api_key: x\n");
	ck_assert_int_eq(config_load(&cfg, path), 0);
	ck_assert_int_eq(cfg.file_mode_ok, 1);
	config_release(&cfg);
	ck_assert_int_eq(chmod(path, 0640), 0);
	ck_assert_int_eq(config_load(&cfg, path), 0);
	ck_assert_int_eq(cfg.file_mode_ok, 0);
	config_release(&cfg);
	ck_assert_int_eq(chmod(path, 0604), 0);
	ck_assert_int_eq(config_load(&cfg, path), 0);
	ck_assert_int_eq(cfg.file_mode_ok, 0);
	config_release(&cfg);
	free(path);
}
END_TEST

START_TEST(xdg_paths_ignore_empty_and_relative)
{
	char *p;

	assert_home_path(xdg_config_path("config.yaml"), ".config/syncro/config.yaml");
	setenv("XDG_CONFIG_HOME", "", 1);
	assert_home_path(xdg_config_path("config.yaml"), ".config/syncro/config.yaml");
	setenv("XDG_CACHE_HOME", "relative/cache", 1);
	assert_home_path(xdg_cache_path("tickets.tsv"), ".cache/syncro/tickets.tsv");
	setenv("XDG_DATA_HOME", "./share", 1);
	assert_home_path(xdg_data_path(""), ".local/share/syncro");

	setenv("XDG_STATE_HOME", "/var/tmp/state/", 1);
	p = xdg_state_path("ratelimit");
	ck_assert_str_eq(p, "/var/tmp/state/syncro/ratelimit");
	free(p);

	setenv("XDG_DATA_HOME", "/data", 1);
	p = xdg_data_path(NULL);
	ck_assert_str_eq(p, "/data/syncro");
	free(p);
}
END_TEST

START_TEST(mkdir_for_file_makes_parents)
{
	char *path = home_file("a/b/c/file"), *dir = home_file("a/b/c");
	struct stat st;

	ck_assert_int_eq(mkdir_for_file(path), 0);
	ck_assert_int_eq(stat(dir, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	ck_assert_int_eq(st.st_mode & 0777, 0700);
	ck_assert_int_eq(mkdir_for_file(path), 0);	/* again: fine */
	free(path);
	free(dir);
}
END_TEST

START_TEST(display_paths_use_tilde)
{
	char *path = home_file("vault/x.yaml"), *shown = path_for_display(path);

	ck_assert_str_eq(shown, "~/vault/x.yaml");
	free(shown);
	shown = path_for_display("/etc/x");
	ck_assert_str_eq(shown, "/etc/x");
	free(shown);
	free(path);
}
END_TEST

START_TEST(malformed_number)
{
	assert_fails("labor:\n  default_minutes: an hour\n",
		     "syncro: HOME/config.yaml:2:20: expected a number for 'labor.default_minutes'\n");
	assert_fails("timeout: 0\n",
		     "syncro: HOME/config.yaml:1:10: expected a number of at least 1 for 'timeout'\n");
	assert_fails("rate_limit:\n  per_minute: [1]\n",
		     "syncro: HOME/config.yaml:2:15: expected a number for 'rate_limit.per_minute'\n");
	assert_fails("labor:\n  products:\n    remote: abc\n",
		     "syncro: HOME/config.yaml:3:13: expected a product id, or a mapping with "
		     "'product:', for 'labor.products.remote'\n");
}
END_TEST

START_TEST(connection_keep_durations)
{
	static const struct { const char *text; long seconds; } ok[] = {
		{ "0", 0 }, { "45", 45 }, { "30s", 30 }, { "10m", 600 }, { "2h", 7200 }, { "1d", 86400 },
	};
	struct syncro_config cfg;

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		char *text = xstrfmt("connection:\n  keep: %s\n", ok[i].text);

		load_text(&cfg, text);
		ck_assert_int_eq(cfg.connection_keep, ok[i].seconds);
		config_release(&cfg);
		free(text);
	}
	assert_fails("connection:\n  keep: 10 m\n",
		     "syncro: HOME/config.yaml:2:9: expected a duration like 10m, 30s or 0 for "
		     "'connection.keep'\n");
	assert_fails("connection:\n  keep: 1w\n",
		     "syncro: HOME/config.yaml:2:9: expected a duration like 10m, 30s or 0 for "
		     "'connection.keep'\n");
	assert_fails("connection:\n  keep: -5\n",
		     "syncro: HOME/config.yaml:2:9: expected a duration like 10m, 30s or 0 for "
		     "'connection.keep'\n");
}
END_TEST

START_TEST(malformed_choices)
{
	assert_fails("auth: bearer\n",
		     "syncro: HOME/config.yaml:1:7: expected 'header' or 'query' for 'auth'\n");
	assert_fails("billing:\n  method: invoice\n",
		     "syncro: HOME/config.yaml:2:11: expected 'timer', 'line-item' or 'comment' "
		     "for 'billing.method'\n");
	assert_fails("comments: {email: maybe}\n",
		     "syncro: HOME/config.yaml:1:19: expected true or false for 'comments.email'\n");
	assert_fails("subdomain: Acme.syncromsp.com\n",
		     "syncro: HOME/config.yaml:1:12: expected lowercase letters, digits and '-' "
		     "for 'subdomain' (the SUB of SUB.syncromsp.com)\n");
	assert_fails("base_url: acme.example\n",
		     "syncro: HOME/config.yaml:1:11: expected a URL starting with https:// for "
		     "'base_url'\n");
	assert_fails("labor:\n  default: bench\n",
		     "syncro: HOME/config.yaml:2:12: expected a labor alias from 'labor.products' "
		     "or a product id for 'labor.default', not 'bench'\n");
}
END_TEST

START_TEST(malformed_shapes)
{
	assert_fails("vault: ~/vault.yaml\n",
		     "syncro: HOME/config.yaml:1:8: expected a mapping for 'vault'\n");
	assert_fails("close_status: {a: b}\n",
		     "syncro: HOME/config.yaml:1:15: expected a string for 'close_status'\n");
	assert_fails("- a\n- b\n",
		     "syncro: HOME/config.yaml:1:1: expected 'key: value' settings at the top level\n");
	assert_fails("labor:\n  products:\n    10: 5\n",
		     "syncro: HOME/config.yaml:3:5: expected an alias of letters, digits, '-' or "
		     "'_' in 'labor.products'\n");
}
END_TEST

START_TEST(yaml_syntax_errors)
{
	assert_fails("timeout: 30\nlabor: default: remote\n",
		     "syncro: HOME/config.yaml:2:15: mapping values are not allowed in this context\n");
	assert_fails("labor:\n  default: remote\n bad: 1\n",
		     "syncro: HOME/config.yaml:3:2: did not find expected key "
		     "(while parsing a block mapping at line 1 column 1)\n");
	assert_fails("close_status: \"Resolved\n",
		     "syncro: HOME/config.yaml:2:1: found unexpected end of stream "
		     "(while scanning a quoted scalar at line 1 column 15)\n");
}
END_TEST

START_TEST(unknown_keys_warn)
{
	struct sbuf msg = SBUF_INIT;

	ck_assert_int_eq(load_message("foo:\n  bar: 1\nlabor:\n  minutes: 5\n"
				      "close_status: Done\n", &msg), 0);
	ck_assert_str_eq(msg.buf,
			 "syncro: warning: unknown key 'foo' in HOME/config.yaml\n"
			 "syncro: warning: unknown key 'labor.minutes' in HOME/config.yaml; "
			 "did you mean 'labor.max_minutes'?\n");
	sbuf_release(&msg);
}
END_TEST

static Suite *config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, home_setup, home_teardown);
	tcase_add_test(tc, missing_file_gives_defaults);
	tcase_add_test(tc, every_key_is_parsed);
	tcase_add_test(tc, connection_keep_durations);
	tcase_add_test(tc, labor_products_add_to_the_defaults);
	tcase_add_test(tc, billing_methods_and_booleans);
	tcase_add_test(tc, empty_values_keep_the_defaults);
	tcase_add_test(tc, base_url_from_the_file);
	tcase_add_test(tc, env_precedence);
	tcase_add_test(tc, bad_env_subdomain_is_fatal);
	tcase_add_test(tc, config_path_from_env);
	tcase_add_test(tc, file_mode_is_checked);
	tcase_add_test(tc, xdg_paths_ignore_empty_and_relative);
	tcase_add_test(tc, mkdir_for_file_makes_parents);
	tcase_add_test(tc, display_paths_use_tilde);
	tcase_add_test(tc, malformed_number);
	tcase_add_test(tc, malformed_choices);
	tcase_add_test(tc, malformed_shapes);
	tcase_add_test(tc, yaml_syntax_errors);
	tcase_add_test(tc, unknown_keys_warn);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(config_suite)
