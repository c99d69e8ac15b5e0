#!/bin/sh
test_description='first run, syncro config init and config set; did you mean for keys; --json'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-0102}"
CONFIG=$XDG_CONFIG_HOME/syncro/config.yaml
start_sandbox
URL=$SYNCRO_BASE_URL
unset SYNCRO_BASE_URL

test_expect_success 'nothing configured: the first message says how to set up, and the sandbox' '
	test_expect_code 3 syncro list 2>err &&
	cat >expect <<-\EOF &&
	syncro: no Syncro account configured; run '"'"'syncro config init'"'"' (or set SYNCRO_SUBDOMAIN, or '"'"'subdomain'"'"' in '"'"'~/.config/syncro/config.yaml'"'"'); to try syncro without an account, run '"'"'syncro sandbox'"'"'
	EOF
	test_cmp expect err
'

test_expect_success 'init without a terminal names what is missing, writes nothing' '
	test_expect_code 2 syncro config init </dev/null 2>err &&
	grep "missing --subdomain" err &&
	test ! -e "$CONFIG"
'

test_expect_success 'init from flags: the file, then a test call' '
	sandbox_clear_requests &&
	syncro config init --base-url "$URL" --api-key-env >out 2>err &&
	cat >expect <<-EOF &&
	base_url: "$URL"
	EOF
	test_cmp expect "$CONFIG" &&
	cat >expect <<-\EOF &&
	wrote ~/.config/syncro/config.yaml
	connected as Mike Ritter <mike@ritter-it.example>
	EOF
	test_cmp expect out &&
	test ! -s err &&
	sandbox_requests >requests &&
	echo "GET /api/v1/me" >expect &&
	test_cmp expect requests &&
	syncro list --limit 1 >list &&
	grep "^#32164 " list
'

test_expect_success 'init: a refused key is said, the settings kept' '
	test_expect_code 3 env SYNCRO_API_KEY=bad-key-0102 syncro config init --base-url "$URL" --api-key-env >out 2>err &&
	grep "^syncro: the Syncro API refused" err &&
	grep "the settings are saved" err &&
	grep "^base_url: " "$CONFIG"
'

test_expect_success 'init --api-key-stdin keeps the key in a 0600 file, never printed' '
	rm -f "$CONFIG" &&
	unset SYNCRO_API_KEY &&
	echo "$TEST_API_KEY" | syncro config init --base-url "$URL" --api-key-stdin >out 2>&1 &&
	test_grep_not "$TEST_API_KEY" out &&
	grep "connected as Mike Ritter" out &&
	grep -x "api_key: $TEST_API_KEY" "$CONFIG" &&
	test "$(stat -c %a "$CONFIG")" = 600
'

test_expect_success 'init on a terminal asks the subdomain and the key source' '
	rm -f "$CONFIG" &&
	printf "acme-it\n2\npass show syncro\n" |
		script -qec "syncro config init --no-check" /dev/null >raw &&
	grep "Subdomain (NAME in NAME.syncromsp.com)" raw &&
	grep "Where does the API key come from?" raw &&
	cat >expect <<-\EOF &&
	subdomain: acme-it
	api_key_command: "pass show syncro"
	EOF
	test_cmp expect "$CONFIG"
'

test_expect_success 'config set replaces a value, adds one to its section, keeps comments' '
	cat >"$CONFIG" <<-\EOF &&
	# my settings
	subdomain: acme-it   # the shop
	labor:
	  default: remote     # most work
	close_status: Resolved
	EOF
	syncro config set labor.default_minutes 30 >out &&
	echo "~/.config/syncro/config.yaml: labor.default_minutes = 30" >expect &&
	test_cmp expect out &&
	syncro config set labor.default onsite &&
	syncro config set labor.products.bench 12345 &&
	syncro config set rate_limit.per_minute 120 &&
	syncro config set close_status "Waiting on Customer" &&
	cat >expect <<-\EOF &&
	# my settings
	subdomain: acme-it   # the shop
	labor:
	  default: onsite
	  default_minutes: 30
	  products:
	    bench: 12345
	close_status: "Waiting on Customer"
	rate_limit:
	  per_minute: 120
	EOF
	test_cmp expect "$CONFIG" &&
	syncro config >listing &&
	grep "^labor.default_minutes  *30  (file)" listing &&
	grep "^labor.products.bench  *12345  (file)" listing &&
	grep "^close_status  *Waiting on Customer  (file)" listing
'

test_expect_success 'config set: an unknown key gets did you mean, exit 2, nothing changed' '
	cp "$CONFIG" before &&
	test_expect_code 2 syncro config set labr.default onsite 2>err &&
	echo "syncro: unknown key '"'"'labr.default'"'"'; did you mean '"'"'labor.default'"'"'?" >expect &&
	test_cmp expect err &&
	test_cmp before "$CONFIG"
'

test_expect_success 'config set: a bad value is refused, the file stays' '
	test_expect_code 3 syncro config set timeout soon 2>err &&
	grep "expected a number for '"'"'timeout'"'"'" err &&
	test_cmp before "$CONFIG" &&
	test ! -e "$CONFIG.new"
'

test_expect_success 'config set: a one-line section is left to the editor' '
	echo "vault: {file: ~/v.yaml}" >"$CONFIG" &&
	test_expect_code 2 syncro config set vault.field a.b 2>err &&
	grep "'"'"'vault'"'"' is written on one line" err
'

test_expect_success 'an unknown key in the file: a warning with did you mean' '
	printf "subdomain: acme-it\nclose_stauts: Resolved\n" >"$CONFIG" &&
	syncro config >out 2>err &&
	echo "syncro: warning: unknown key '"'"'close_stauts'"'"' in $CONFIG; did you mean '"'"'close_status'"'"'?" >expect &&
	test_cmp expect err
'

test_expect_success 'config --json indents by two spaces, as every --json' '
	rm -f "$CONFIG" &&
	syncro config --json >out &&
	grep "^  \"config_file\": {" out &&
	grep "^    \"source\": \"default\"" out &&
	test_grep_not "	" out
'

test_expect_success 'a base URL without /api/v1: the hint says what it lacks' '
	test_expect_code 4 env SYNCRO_BASE_URL="$SANDBOX_URL" SYNCRO_API_KEY=$TEST_API_KEY \
		syncro ticket 32164 2>err &&
	cat >expect <<-EOF &&
	syncro: ticket #32164 not found
	hint: the base URL '"'"'$SANDBOX_URL'"'"' (from SYNCRO_BASE_URL) probably lacks '"'"'/api/v1'"'"', as in https://SUB.syncromsp.com/api/v1
	EOF
	test_cmp expect err &&
	test_expect_code 4 env SYNCRO_BASE_URL="$URL" SYNCRO_API_KEY=$TEST_API_KEY \
		syncro ticket 99999 2>err &&
	echo "syncro: ticket #99999 not found" >expect &&
	test_cmp expect err
'

# The lines a sandbox on its default key prints as it starts, in sandbox.out.
sandbox_banner () {
	"$abs_top_builddir/syncro-sandbox" --port 0 --data "$abs_top_srcdir/sandbox/demo.json" >sandbox.out 2>/dev/null &
	banner_pid=$!
	test_wait_for "^export SYNCRO_API_KEY" sandbox.out
	status=$?
	kill "$banner_pid"
	wait "$banner_pid"
	return $status
}

test_expect_success 'the README shows the three lines the sandbox prints' '
	sed -n "/it prints three lines:/,/^\`\`\`/p" "$abs_top_srcdir/README.md" |
		sed "1d;\$d" >expect &&
	test $(wc -l <expect) = 3 &&
	sandbox_banner &&
	sed "s/127\.0\.0\.1:[0-9]*/127.0.0.1:8180/" sandbox.out >actual &&
	test_cmp expect actual
'

test_done
