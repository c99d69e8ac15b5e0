#include "compat.h"
#include "cred.h"
#include "exit-codes.h"
#include "xmalloc.h"
#include "unit.h"
#include "unit-home.h"
#include "unit-run.h"
#include "unit-config.h"

/* A fake sops on a PATH of its own: `sops -d FILE` prints FILE (plain YAML here). */
static void fake_sops(const char *body)
{
	char *bin = home_file("bin"), *sops = home_file("bin/sops");
	char *path = xstrfmt("%s:/usr/bin:/bin", bin);

	ck_assert_int_eq(mkdir(bin, 0700), 0);
	write_file(sops, body);
	ck_assert_int_eq(chmod(sops, 0700), 0);
	setenv("PATH", path, 1);
	free(bin);
	free(sops);
	free(path);
}

static const char *sops_ok =
	"#!/bin/sh\n"
	"test \"$1\" = -d || { echo \"usage: sops -d FILE\" >&2; exit 9; }\n"
	"exec cat \"$2\"\n";

static void write_file_at(const char *name, const char *text)
{
	char *path = home_file(name);

	write_file(path, text);
	free(path);
}

static void write_vault(void)
{
	char *vault = home_file("vault.sops.yaml");

	write_file(vault, "credentials:\n  username: mike\n  credential: key-from-vault\n"
		   "other:\n  deep:\n    key: deep-key\n");
	free(vault);
}

/* The config under test, for child processes that must die. */
static struct syncro_config child_cfg;

static void get_key(void *unused)
{
	char *key;

	(void)unused;
	key = cred_api_key(&child_cfg, NULL);
	free(key);
	config_release(&child_cfg);
}

/* cred_api_key() must die with exit 3 and this message (HOME shown as "HOME"). */
static void assert_key_fails(const char *config_text, const char *expect)
{
	struct sbuf raw = SBUF_INIT, msg = SBUF_INIT;

	load_text(&child_cfg, config_text);
	ck_assert_int_eq(run_in_child(get_key, NULL, &raw), EXIT_AUTH);
	add_home_masked(&msg, raw.buf);
	ck_assert_str_eq(msg.buf, expect);
	config_release(&child_cfg);
	sbuf_release(&raw);
	sbuf_release(&msg);
}

static void assert_key(const char *config_text, const char *want, enum key_source want_src)
{
	struct syncro_config cfg;
	enum key_source src = KEY_NONE;
	char *key;

	load_text(&cfg, config_text);
	key = cred_api_key(&cfg, &src);
	ck_assert_str_eq(key, want);
	ck_assert_int_eq(src, want_src);
	free(key);
	config_release(&cfg);
}

START_TEST(env_wins)
{
	setenv("SYNCRO_API_KEY", "key-from-env", 1);
	assert_key("api_key_command: 'false'\nvault: {file: /nonexistent}\napi_key: file-key\n",
		   "key-from-env", KEY_ENV);
}
END_TEST

START_TEST(command_output_is_trimmed)
{
	assert_key("api_key_command: printf '  key-from-cmd\\n\\n'\n", "key-from-cmd", KEY_COMMAND);
}
END_TEST

START_TEST(only_the_first_line_is_the_key)
{
	/* pass show prints the password, then its other fields. */
	assert_key("api_key_command: printf 'key-from-pass\\nlogin mike\\nurl x\\n'\n",
		   "key-from-pass", KEY_COMMAND);
	assert_key("api_key_command: printf ' key-from-cmd \\r\\nX-Other 1'\n",
		   "key-from-cmd", KEY_COMMAND);
	write_file_at("vault.sops.yaml", "credentials:\n  credential: |\n    vault-key\n"
		      "    login: mike\n");
	fake_sops(sops_ok);
	assert_key("vault: {file: ~/vault.sops.yaml}\n", "vault-key", KEY_VAULT);
	assert_key_fails("api_key_command: printf '\\nkey-on-line-two\\n'\n",
			 "syncro: api_key_command 'printf '\\nkey-on-line-two\\n'' printed no "
			 "key on the first line of its standard output\n");
}
END_TEST

/* The message names the source and never holds the key. */
static void assert_bad_key(const char *config_text, const char *source)
{
	char *expect = xstrfmt("syncro: the API key from %s holds white space, control "
			       "characters or non-ASCII bytes; check that it gives the key alone\n",
			       source);

	assert_key_fails(config_text, expect);
	free(expect);
}

START_TEST(keys_with_white_space_or_controls_are_refused)
{
	setenv("SYNCRO_API_KEY", "secret-1\r\nX-Injected: yes", 1);
	assert_bad_key("", "env SYNCRO_API_KEY");
	setenv("SYNCRO_API_KEY", "secret 2", 1);
	assert_bad_key("", "env SYNCRO_API_KEY");
	setenv("SYNCRO_API_KEY", "secret-\xc3\xa9", 1);
	assert_bad_key("", "env SYNCRO_API_KEY");
	unsetenv("SYNCRO_API_KEY");
	assert_bad_key("api_key_command: printf 'secret\\tthree'\n",
		       "api_key_command 'printf 'secret\\tthree''");
	assert_bad_key("api_key_command: printf 'secret\\033[2Jfour'\n",
		       "api_key_command 'printf 'secret\\033[2Jfour''");
	write_file_at("vault.sops.yaml", "credentials:\n  credential: \"secret\\x7ffive\"\n");
	fake_sops(sops_ok);
	assert_bad_key("vault: {file: ~/vault.sops.yaml}\n",
		       "vault ~/vault.sops.yaml (credentials.credential)");
	assert_bad_key("api_key: \"secret\\bsix\"\n", "config file ~/config.yaml");
}
END_TEST

START_TEST(command_quoting_without_a_shell)
{
	/* Single quotes inside double quotes stay; $HOME is not expanded. */
	assert_key("api_key_command: sh -c \"printf %s 'one-word' '$HOME'\"\n",
		   "one-word$HOME", KEY_COMMAND);
	assert_key("api_key_command: printf '%s' 'a;b|c'\n", "a;b|c", KEY_COMMAND);
}
END_TEST

START_TEST(command_beats_vault_and_file)
{
	write_vault();
	fake_sops(sops_ok);
	assert_key("api_key_command: echo cmd-key\nvault: {file: ~/vault.sops.yaml}\n"
		   "api_key: file-key\n", "cmd-key", KEY_COMMAND);
	assert_key("vault: {file: ~/vault.sops.yaml}\napi_key: file-key\n",
		   "key-from-vault", KEY_VAULT);
	assert_key("api_key: file-key\n", "file-key", KEY_FILE);
}
END_TEST

START_TEST(command_failure_shows_its_stderr)
{
	assert_key_fails("api_key_command: sh -c 'echo \"gpg decryption failed\" >&2; exit 4'\n",
			 "syncro: api_key_command 'sh -c 'echo \"gpg decryption failed\" >&2; "
			 "exit 4'' failed (exit 4): gpg decryption failed\n");
	assert_key_fails("api_key_command: no-such-command-here --flag\n",
			 "syncro: api_key_command 'no-such-command-here --flag' failed (exit 127): "
			 "cannot run 'no-such-command-here': No such file or directory\n");
	assert_key_fails("api_key_command: 'true'\n",
			 "syncro: api_key_command 'true' printed no key on the first line of its "
			 "standard output\n");
	assert_key_fails("api_key_command: echo 'unbalanced\n",
			 "syncro: api_key_command 'echo 'unbalanced' is not a command: "
			 "check its quotes\n");
}
END_TEST

START_TEST(vault_field_path)
{
	write_vault();
	fake_sops(sops_ok);
	assert_key("vault:\n  file: ~/vault.sops.yaml\n  field: other.deep.key\n",
		   "deep-key", KEY_VAULT);
	assert_key_fails("vault:\n  file: ~/vault.sops.yaml\n  field: credentials.password\n",
			 "syncro: vault 'HOME/vault.sops.yaml' has no string at "
			 "'credentials.password'; set vault.field in the config file to the "
			 "path of the key\n");
	assert_key_fails("vault:\n  file: ~/vault.sops.yaml\n  field: other.deep\n",
			 "syncro: vault 'HOME/vault.sops.yaml' has no string at 'other.deep'; "
			 "set vault.field in the config file to the path of the key\n");
}
END_TEST

START_TEST(vault_sops_failure)
{
	write_vault();
	fake_sops("#!/bin/sh\necho 'Failed to get the data key required to decrypt the SOPS file.' >&2\n"
		  "exit 128\n");
	assert_key_fails("vault: {file: ~/vault.sops.yaml}\n",
			 "syncro: 'sops -d HOME/vault.sops.yaml' failed (exit 128): Failed to get "
			 "the data key required to decrypt the SOPS file.\n");
}
END_TEST

START_TEST(vault_without_sops)
{
	char *empty = home_file("empty");

	write_vault();
	ck_assert_int_eq(mkdir(empty, 0700), 0);
	setenv("PATH", empty, 1);
	assert_key_fails("vault: {file: ~/vault.sops.yaml}\n",
			 "syncro: vault 'HOME/vault.sops.yaml' needs 'sops', which is not on PATH\n"
			 "hint: install sops (Debian: apt install sops, or its release binary),\n"
			 "hint: or set api_key_command in the config file to a command that prints the key,\n"
			 "hint: or export SYNCRO_API_KEY\n");
	free(empty);
}
END_TEST

START_TEST(vault_file_missing)
{
	fake_sops(sops_ok);
	assert_key_fails("vault: {file: ~/nope.yaml}\n",
			 "syncro: cannot read vault 'HOME/nope.yaml': No such file or directory; "
			 "check vault.file in the config file\n");
}
END_TEST

START_TEST(file_key_needs_mode_600)
{
	struct sbuf raw = SBUF_INIT;
	char *path = home_file("config.yaml"), *expect;

	assert_key("api_key: file-key\n", "file-key", KEY_FILE);
	write_file(path, "api_key: file-key\n");
	ck_assert_int_eq(chmod(path, 0644), 0);
	ck_assert_int_eq(config_load(&child_cfg, path), 0);
	ck_assert_int_eq(run_in_child(get_key, NULL, &raw), EXIT_AUTH);
	expect = xstrfmt("syncro: config file '%s' holds api_key but others can read it; "
			 "run 'chmod 600 %s'\n", path, path);
	ck_assert_str_eq(raw.buf, expect);
	ck_assert(!strstr(raw.buf, "file-key"));
	config_release(&child_cfg);
	sbuf_release(&raw);
	free(expect);
	free(path);
}
END_TEST

START_TEST(no_key_shows_the_ways)
{
	assert_key_fails("close_status: Done\n",
			 "syncro: no API key found; set one in any of these ways:\n"
			 "  export SYNCRO_API_KEY=KEY                (this shell)\n"
			 "  api_key_command: pass show syncro        (in ~/config.yaml)\n"
			 "  vault: {file: ~/vault/syncro.sops.yaml}  (in ~/config.yaml; needs sops)\n"
			 "run 'man 5 syncro-config' for the details\n");
}
END_TEST

START_TEST(describe_runs_nothing)
{
	struct syncro_config cfg;
	struct sbuf out = SBUF_INIT;
	char *marker = home_file("ran");

	fake_sops("#!/bin/sh\ntouch \"$HOME/ran\"\n");
	load_text(&cfg, "api_key_command: touch ~/ran\n");
	ck_assert_int_eq(cred_describe(&cfg, &out), KEY_COMMAND);
	ck_assert_str_eq(out.buf, "api_key_command 'touch ~/ran'");
	config_release(&cfg);

	sbuf_reset(&out);
	load_text(&cfg, "vault: {file: ~/vault/syncro.sops.yaml}\napi_key: k\n");
	ck_assert_int_eq(cred_describe(&cfg, &out), KEY_VAULT);
	ck_assert_str_eq(out.buf, "vault ~/vault/syncro.sops.yaml (credentials.credential)");
	config_release(&cfg);

	sbuf_reset(&out);
	load_text(&cfg, "api_key: k\n");
	ck_assert_int_eq(cred_describe(&cfg, &out), KEY_FILE);
	ck_assert_str_eq(out.buf, "config file ~/config.yaml");
	config_release(&cfg);

	sbuf_reset(&out);
	load_text(&cfg, "");
	ck_assert_int_eq(cred_describe(&cfg, &out), KEY_NONE);
	ck_assert_str_eq(out.buf, "none");
	setenv("SYNCRO_API_KEY", "k", 1);
	sbuf_reset(&out);
	ck_assert_int_eq(cred_describe(&cfg, &out), KEY_ENV);
	ck_assert_str_eq(out.buf, "env SYNCRO_API_KEY");
	config_release(&cfg);

	ck_assert_int_ne(access(marker, F_OK), 0);
	sbuf_release(&out);
	free(marker);
}
END_TEST

static Suite *cred_suite(void)
{
	Suite *s = suite_create("cred");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, home_setup, home_teardown);
	tcase_add_test(tc, env_wins);
	tcase_add_test(tc, command_output_is_trimmed);
	tcase_add_test(tc, only_the_first_line_is_the_key);
	tcase_add_test(tc, keys_with_white_space_or_controls_are_refused);
	tcase_add_test(tc, command_quoting_without_a_shell);
	tcase_add_test(tc, command_beats_vault_and_file);
	tcase_add_test(tc, command_failure_shows_its_stderr);
	tcase_add_test(tc, vault_field_path);
	tcase_add_test(tc, vault_sops_failure);
	tcase_add_test(tc, vault_without_sops);
	tcase_add_test(tc, vault_file_missing);
	tcase_add_test(tc, file_key_needs_mode_600);
	tcase_add_test(tc, no_key_shows_the_ways);
	tcase_add_test(tc, describe_runs_nothing);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(cred_suite)
