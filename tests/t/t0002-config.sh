#!/bin/sh
test_description='syncro config: effective settings, their sources, the key never shown'
. "$(dirname "$0")/../test-lib.sh"

# NOT_WINE: wine does not pass HOME to Windows programs, so paths are not
# shown under ~ (Git Bash passes it; cmd gets USERPROFILE).

: "${TEST_API_KEY:=test-key-3c5f9e1a}"
CONFIG=$XDG_CONFIG_HOME/syncro/config.yaml
mkdir -p "$XDG_CONFIG_HOME/syncro" bin
PATH="$TRASH_DIRECTORY/bin:$PATH"

# A fake sops and key command that would leave a trace if anything ran them.
write_script bin/sops <<-\EOF
touch "$TRASH_DIRECTORY/sops-ran"
cat "$2"
EOF
write_script bin/getkey <<-EOF
touch "$TRASH_DIRECTORY/getkey-ran"
echo $TEST_API_KEY
EOF

write_config () {
	cat >"$CONFIG" && chmod 600 "$CONFIG"
}

test_expect_success NOT_WINE 'defaults with no config file' '
	syncro config >actual 2>err &&
	test ! -s err &&
	cat >expect <<-\EOF &&
	config_file               ~/.config/syncro/config.yaml (not found)  (default)
	base_url                  none (set subdomain, or export SYNCRO_SUBDOMAIN)  (default)
	api_key                   none: export SYNCRO_API_KEY, or set api_key_command or vault
	auth                      header  (default)
	timeout                   30  (default)
	connect_timeout           10  (default)
	rate_limit.per_minute     180  (default)
	rate_limit.wait           60  (default)
	rate_limit.max_wait       600  (default)
	connection.keep           0  (env)
	labor.default             remote  (default)
	labor.default_minutes     60  (default)
	labor.products.remote     1190473  (default)
	labor.products.onsite     26118  (default)
	labor.products.emergency  26184  (default)
	labor.products.project    9269129  (default)
	labor.products.internal   9269124  (default)
	labor.products.travel     26117  (default)
	labor.products.website    68055  (default)
	billing.method            line-item  (default)
	comments.email            false  (default)
	confirm                   none  (default)
	estimate.subject_prefix   Estimate -   (default)
	close_status              Resolved  (default)
	session_logs              ~/.local/share/syncro  (default)
	EOF
	test_cmp expect actual
'

test_expect_success 'the key from the environment' '
	SYNCRO_API_KEY=$TEST_API_KEY SYNCRO_BASE_URL=http://127.0.0.1:8080/api/v1/ \
		syncro config >actual &&
	grep "^base_url  *http://127.0.0.1:8080/api/v1  (env SYNCRO_BASE_URL)\$" actual &&
	grep "^api_key  *from env SYNCRO_API_KEY\$" actual &&
	test_grep_not "$TEST_API_KEY" actual
'

test_expect_success 'the key from api_key_command, which is not run' '
	write_config <<-\EOF &&
	subdomain: acme
	api_key_command: getkey --quiet
	billing:
	  method: line-item
	EOF
	syncro config >actual &&
	grep "^subdomain  *acme  (file)\$" actual &&
	grep "^base_url  *https://acme.syncromsp.com/api/v1  (file subdomain)\$" actual &&
	grep "^api_key  *from api_key_command '"'"'getkey --quiet'"'"'\$" actual &&
	grep "^api_key_command  *getkey --quiet  (file)\$" actual &&
	grep "^billing.method  *line-item  (file)\$" actual &&
	test ! -e getkey-ran &&
	test_grep_not "$TEST_API_KEY" actual
'

test_expect_success 'the key from the vault, which is not decrypted' '
	mkdir -p "$HOME/vault" &&
	printf "credentials:\n  credential: %s\n" "$TEST_API_KEY" >"$HOME/vault/syncro.sops.yaml" &&
	write_config <<-\EOF &&
	vault:
	  file: ~/vault/syncro.sops.yaml
	api_key: also-here
	EOF
	syncro config >actual &&
	grep "^api_key  *from vault ~/vault/syncro.sops.yaml (credentials.credential)\$" actual &&
	grep "^vault.file  *~/vault/syncro.sops.yaml  (file)\$" actual &&
	grep "^vault.field  *credentials.credential  (default)\$" actual &&
	test ! -e sops-ran &&
	test_grep_not "$TEST_API_KEY" actual &&
	test_grep_not also-here actual
'

test_expect_success NOT_WINE 'the key from the config file' '
	write_config <<-EOF &&
	api_key: $TEST_API_KEY
	labor:
	  products:
	    bench: 42
	EOF
	syncro config >actual &&
	grep "^api_key  *from config file ~/.config/syncro/config.yaml\$" actual &&
	grep "^labor.products.bench  *42  (file)\$" actual &&
	grep "^config_file  *~/.config/syncro/config.yaml  (default)\$" actual &&
	test_grep_not "$TEST_API_KEY" actual
'

test_expect_success NOT_WINE '--json names sources, never the key' '
	SYNCRO_SUBDOMAIN=envsub syncro config --json >actual &&
	test_grep_not "$TEST_API_KEY" actual &&
	grep "\"value\": \"https://envsub.syncromsp.com/api/v1\"" actual &&
	grep "\"from\": \"SYNCRO_SUBDOMAIN\"" actual &&
	grep "\"from\": \"config file ~/.config/syncro/config.yaml\"" actual
'

test_expect_success 'a key file others can read is refused with the chmod that fixes it' '
	write_config <<-EOF &&
	api_key: $TEST_API_KEY
	EOF
	chmod 644 "$CONFIG" &&
	test_expect_code 3 syncro config >out 2>err &&
	echo "syncro: config file '"'"'$CONFIG'"'"' holds api_key but others can read it; run '"'"'chmod 600 $CONFIG'"'"'" >expect &&
	test_cmp expect err &&
	test_grep_not "$TEST_API_KEY" out err
'

test_expect_success 'SYNCRO_CONFIG names another file' '
	printf "close_status: Done\n" >other.yaml &&
	SYNCRO_CONFIG=$TRASH_DIRECTORY/other.yaml syncro config >actual &&
	grep "^config_file  *$TRASH_DIRECTORY/other.yaml  (env SYNCRO_CONFIG)\$" actual &&
	grep "^close_status  *Done  (file)\$" actual
'

test_expect_success 'an unknown key is a warning' '
	write_config <<-\EOF &&
	foo:
	  bar: 1
	rate_limit:
	  burst: 5
	close_status: Done
	EOF
	syncro config >actual 2>err &&
	cat >expect <<-EOF &&
	syncro: warning: unknown key '"'"'foo'"'"' in $CONFIG
	syncro: warning: unknown key '"'"'rate_limit.burst'"'"' in $CONFIG
	EOF
	test_cmp expect err &&
	grep "^close_status  *Done  (file)\$" actual
'

test_expect_success 'a malformed file gives file:line:col and exit 3' '
	write_config <<-\EOF &&
	labor:
	  default_minutes: an hour
	EOF
	test_expect_code 3 syncro config >out 2>err &&
	test ! -s out &&
	echo "syncro: $CONFIG:2:20: expected a number for '"'"'labor.default_minutes'"'"'" >expect &&
	test_cmp expect err
'

test_expect_success 'a YAML syntax error gives the parser'"'"'s problem and position' '
	write_config <<-\EOF &&
	timeout: 30
	labor: default: remote
	EOF
	test_expect_code 3 syncro config 2>err &&
	echo "syncro: $CONFIG:2:15: mapping values are not allowed in this context" >expect &&
	test_cmp expect err
'

test_expect_success 'config takes no arguments' '
	test_expect_code 2 syncro config extra 2>err &&
	grep "^usage: syncro config" err
'

test_done
