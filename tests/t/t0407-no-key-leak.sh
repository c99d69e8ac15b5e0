#!/bin/sh
test_description='the key never shows: every verb with --verbose, both auth forms'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

core_verbs >verbs

# run_every_verb TAG: each verb bare, with a ticket number, and a few usual
# arguments, all with --verbose; everything it prints goes to out.TAG.
run_every_verb () {
	while read -r v; do
		for args in "" "32164" "#32163 --json" "--json"; do
			# shellcheck disable=SC2086
			syncro "$v" --verbose $args </dev/null >>"out.$1" 2>&1
			echo "exit $? from syncro $v $args" >>"out.$1"
		done
	done <verbs
	syncro api --verbose /tickets -f number=32164 >>"out.$1" 2>&1
	syncro api --verbose -X POST /tickets/108430330/comment -f subject=s -f body=b >>"out.$1" 2>&1
	syncro doctor --verbose >>"out.$1" 2>&1
	SYNCRO_BASE_URL=http://127.0.0.1:9/api/v1 syncro api --verbose /me >>"out.$1" 2>&1
	sandbox_fail "{\"path\":\"/api/v1/me\",\"status\":401,\"body\":\"{\\\"error\\\":\\\"Not authorized\\\"}\"}"
	syncro api --verbose /me >>"out.$1" 2>&1
	return 0
}

test_expect_success 'the verbs to check include api and doctor' '
	grep -x api verbs && grep -x doctor verbs
'

test_expect_success 'with Authorization: Bearer, --verbose shows REDACTED, never the key' '
	run_every_verb header &&
	grep "^> Authorization: Bearer REDACTED" out.header &&
	test_grep_not "$TEST_API_KEY" out.header
'

test_expect_success 'with auth: query, the URL shows api_key=REDACTED, never the key' '
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	echo "auth: query" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	run_every_verb query &&
	grep "^> GET /api/v1/me?api_key=REDACTED HTTP/1.1" out.query &&
	test_grep_not "$TEST_API_KEY" out.query
'

test_expect_success 'a helper printing more than the key sends only its first line' '
	write_script "$PWD/fake-pass" <<-EOF &&
	printf "%s\\nlogin: mike\\nX-Injected: yes\\n" "$TEST_API_KEY"
	EOF
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	echo "api_key_command: $PWD/fake-pass" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	(
		unset SYNCRO_API_KEY &&
		syncro api --verbose /me >out.pass 2>err.pass
	) &&
	grep "^> Authorization: Bearer REDACTED$" err.pass &&
	test_grep_not "login: mike" err.pass &&
	test_grep_not "X-Injected" err.pass &&
	test_grep_not "$TEST_API_KEY" err.pass
'

test_expect_success 'a key with a line break in it is refused, exit 3, never shown' '
	rm -f "$XDG_CONFIG_HOME/syncro/config.yaml" &&
	sandbox_clear_requests &&
	test_expect_code 3 env SYNCRO_API_KEY="$TEST_API_KEY
X-Injected: yes" syncro api /me >out 2>err &&
	cat >expect <<-\EOF &&
	syncro: the API key from env SYNCRO_API_KEY holds white space, control characters or non-ASCII bytes; check that it gives the key alone
	EOF
	test_cmp expect err &&
	test ! -s out &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success 'no file under HOME holds the key (cache, state, drafts, logs)' '
	find "$HOME" -type f >files &&
	test -s files &&
	! grep -rl -e "$TEST_API_KEY" "$HOME"
'

test_done
