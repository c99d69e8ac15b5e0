#!/bin/sh
test_description='connection.keep: a warm connection between commands, through a keeper'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

if test "$(id -u)" = 0; then
	test_set_prereq ROOT
fi

# keep_on [DURATION] (at the top level, between tests): commands keep the
# connection warm (the harness's default is 0). keep_off: no more, and no
# keeper left running.
keep_on () {
	mkdir -p -m 700 "$XDG_RUNTIME_DIR"
	SYNCRO_CONNECTION_KEEP=${1:-20s}
	export SYNCRO_CONNECTION_KEEP
}

keep_off () {
	stop_keepers
	SYNCRO_CONNECTION_KEEP=0
	export SYNCRO_CONNECTION_KEEP
}

# direct COMMAND...: run it with no warm connection.
direct () {
	SYNCRO_CONNECTION_KEEP=0 "$@"
}

# normalized FILE: its error messages without libcurl's words after the last colon.
normalized () {
	sed "s/during \(.*\): .*/during \1: .../" "$1"
}

keep_dir () {
	echo "$XDG_RUNTIME_DIR/syncro"
}

keep_socket () {
	echo "$(keep_dir)/$(basename "$(cache_dir)").sock"
}

keep_lock () {
	echo "$(keep_dir)/$(basename "$(cache_dir)").lock"
}

# keeper_running: a keeper holds the account's lock.
keeper_running () {
	test -f "$(keep_lock)" && ! flock -n "$(keep_lock)" true
}

# wait_for_keeper: until a keeper listens (10 s at most).
wait_for_keeper () {
	keeper_tries=0
	until keeper_running && test -S "$(keep_socket)"; do
		keeper_tries=$((keeper_tries + 1))
		test "$keeper_tries" -le 100 || return 1
		sleep 0.1
	done
}

test_expect_success 'the expected output, direct' '
	syncro list >expect.list 2>err &&
	test ! -s err &&
	syncro ticket 32164 >expect.ticket 2>err &&
	test ! -s err &&
	test ! -e "$XDG_RUNTIME_DIR"
'

keep_on
test_expect_success 'the first command goes direct and starts a keeper in a 0700 directory' '
	sandbox_clear_requests &&
	syncro list >out 2>err &&
	test_cmp expect.list out &&
	test ! -s err &&
	wait_for_keeper &&
	test "$(stat -c %a "$(keep_dir)")" = 700 &&
	echo "GET /api/v1/tickets?status=Not+Closed&page=1&per_page=100" >expect && sandbox_requests >actual && test_cmp expect actual
'

test_expect_success 'two commands in a row: the same output, one connection' '
	sandbox_clear_requests &&
	syncro list >out 2>err &&
	test_cmp expect.list out &&
	test ! -s err &&
	syncro ticket 32164 >out 2>err &&
	test_cmp expect.ticket out &&
	test ! -s err &&
	expect_requests "GET /api/v1/tickets?status=Not+Closed&page=1&per_page=100" "GET /api/v1/tickets/108430330" &&
	test "$(sandbox_connections)" = 1
'

test_expect_success 'the connection outlives the commands: the next one reuses it' '
	sandbox_requests_json | jq ".requests[0].connection" >before &&
	sandbox_clear_requests &&
	syncro ticket 32164 >out 2>err &&
	test_cmp expect.ticket out &&
	sandbox_requests_json | jq ".requests[0].connection" >after &&
	test_cmp before after
'

test_expect_success 'doctor: the keeper running, its pid and socket, the idle time left' '
	syncro doctor >out 2>err &&
	grep "^connection:" out >actual &&
	echo "connection:   kept warm by pid $(cat "$(keep_lock)") at $(keep_socket); it exits after 20s more idle" >expect &&
	sed "s/after 1[89]s more/after 20s more/" actual >actual.rounded &&
	test_cmp expect actual.rounded
'

test_expect_success 'a POST that fails upstream through the keeper is not sent again' '
	sandbox_fail "{\"path\":\"/api/v1/tickets/*/comment\",\"close\":true}" &&
	test_expect_code 7 direct syncro api -X POST /tickets/108430330/comment -f subject=s -f body=b >out 2>expect.err &&
	wait_for_keeper &&
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/tickets/*/comment\",\"close\":true}" &&
	test_expect_code 7 syncro api -X POST /tickets/108430330/comment -f subject=s -f body=b >out 2>err &&
	normalized expect.err >expect &&
	normalized err >actual &&
	test_cmp expect actual &&
	test ! -s out &&
	expect_requests "POST /api/v1/tickets/108430330/comment"
'

test_expect_success 'a GET that fails upstream through the keeper is retried, as direct' '
	sandbox_clear_requests &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"close\":true}" &&
	syncro api /me >out 2>err &&
	test ! -s err &&
	jq -r .user_name out >actual && echo "Mike Ritter" >expect && test_cmp expect actual &&
	expect_requests "GET /api/v1/me" "GET /api/v1/me"
'

test_expect_success 'an API error comes through as it is: the same message, exit 4' '
	test_expect_code 4 direct syncro ticket 99999999 >expect.out 2>expect.err &&
	wait_for_keeper &&
	test_expect_code 4 syncro ticket 99999999 >out 2>err &&
	test_cmp expect.out out &&
	test_cmp expect.err err
'

test_expect_success 'a stale socket (the keeper killed): direct, silent, the same output; a new keeper' '
	kill -9 "$(cat "$(keep_lock)")" &&
	while keeper_running; do sleep 0.1; done &&
	test -S "$(keep_socket)" &&
	sandbox_clear_requests &&
	syncro list >out 2>err &&
	test_cmp expect.list out &&
	test ! -s err &&
	echo "GET /api/v1/tickets?status=Not+Closed&page=1&per_page=100" >expect && sandbox_requests >actual && test_cmp expect actual &&
	wait_for_keeper
'

keep_off
keep_on
test_expect_success 'a file that is not a socket: direct, silent, the same output' '
	rm -f "$(keep_socket)" &&
	echo junk >"$(keep_socket)" &&
	syncro list >out 2>err &&
	test_cmp expect.list out &&
	test ! -s err &&
	wait_for_keeper
'

keep_off
test_expect_success 'connection.keep 0: no keeper, no socket, no directory' '
	stop_keepers &&
	rm -rf "$(keep_dir)" &&
	syncro list >out 2>err &&
	test_cmp expect.list out &&
	test ! -s err &&
	sleep 0.5 &&
	test ! -e "$(keep_dir)" &&
	syncro doctor >out &&
	grep "^connection:" out >actual &&
	echo "connection:   not kept warm: connection.keep is 0" >expect &&
	test_cmp expect actual
'

test_expect_success 'connection.keep from the config; a bad one is refused' '
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	printf "connection:\n  keep: 90s\n" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	env -u SYNCRO_CONNECTION_KEEP syncro doctor >out &&
	grep "^connection:" out >actual &&
	echo "connection:   kept warm for 1m30s; no keeper running: the next command starts one at $(keep_socket)" >expect &&
	test_cmp expect actual &&
	env -u SYNCRO_CONNECTION_KEEP syncro config >out &&
	grep "^connection.keep " out >actual &&
	echo "connection.keep           1m30s  (file)" >expect &&
	test_cmp expect actual &&
	env -u SYNCRO_CONNECTION_KEEP syncro config --json >out &&
	jq -c ".\"connection.keep\" | [.value, .source]" out >actual &&
	echo "[90,\"file\"]" >expect &&
	test_cmp expect actual &&
	printf "connection:\n  keep: soon\n" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	test_expect_code 3 env -u SYNCRO_CONNECTION_KEEP syncro list >out 2>err &&
	echo "syncro: $XDG_CONFIG_HOME/syncro/config.yaml:2:9: expected a duration like 10m, 30s or 0 for '\''connection.keep'\''" >expect &&
	test_cmp expect err &&
	rm "$XDG_CONFIG_HOME/syncro/config.yaml" &&
	test_expect_code 3 env SYNCRO_CONNECTION_KEEP=5x syncro list >out 2>err &&
	echo "syncro: SYNCRO_CONNECTION_KEEP '\''5x'\'' is not a duration: use whole seconds or a number with s, m, h or d, like 10m (0: none)" >expect &&
	test_cmp expect err
'

keep_on
test_expect_success 'no XDG_RUNTIME_DIR: off, silently' '
	stop_keepers &&
	rm -rf "$(keep_dir)" &&
	env -u XDG_RUNTIME_DIR syncro list >out 2>err &&
	test_cmp expect.list out &&
	test ! -s err &&
	sleep 0.5 &&
	test ! -e "$(keep_dir)" &&
	env -u XDG_RUNTIME_DIR syncro doctor >out &&
	grep "^connection:" out >actual &&
	echo "connection:   not kept warm: XDG_RUNTIME_DIR is not set" >expect &&
	test_cmp expect actual
'

test_expect_success 'a directory others may write is refused: direct, with a warning' '
	mkdir -p "$(keep_dir)" &&
	chmod 777 "$(keep_dir)" &&
	sandbox_clear_requests &&
	syncro list >out 2>err &&
	chmod 700 "$(keep_dir)" &&
	test_cmp expect.list out &&
	echo "syncro: warning: not keeping a connection warm: '\''$(keep_dir)'\'' is open to others (mode 0777, not 0700); going direct (make it a 0700 directory of yours, or set connection.keep: 0)" >expect &&
	test_cmp expect err &&
	echo "GET /api/v1/tickets?status=Not+Closed&page=1&per_page=100" >expect && sandbox_requests >actual && test_cmp expect actual &&
	sleep 0.5 &&
	test ! -e "$(keep_socket)"
'

test_expect_success ROOT 'a directory of someone else is refused: direct, with a warning' '
	chown 65534 "$(keep_dir)" &&
	syncro list >out 2>err &&
	chown 0 "$(keep_dir)" &&
	test_cmp expect.list out &&
	echo "syncro: warning: not keeping a connection warm: '\''$(keep_dir)'\'' belongs to someone else (uid 65534); going direct (make it a 0700 directory of yours, or set connection.keep: 0)" >expect &&
	test_cmp expect err &&
	sleep 0.5 &&
	test ! -e "$(keep_socket)"
'

test_expect_success ROOT 'a process of another user is refused by the keeper, which serves us still' '
	syncro list >out 2>err &&
	wait_for_keeper &&
	chmod 711 "$XDG_RUNTIME_DIR" "$(keep_dir)" &&
	chmod 777 "$(keep_socket)" &&
	sandbox_clear_requests &&
	{
		setpriv --reuid=65534 --regid=65534 --clear-groups curl -sS \
			--unix-socket "$(keep_socket)" -H "Authorization: Bearer $TEST_API_KEY" \
			http://localhost/api/v1/me >out 2>err
		echo $? >code
	} &&
	chmod 700 "$XDG_RUNTIME_DIR" "$(keep_dir)" &&
	grep -x -e 52 -e 56 code &&
	test ! -s out &&
	sandbox_requests >actual && test ! -s actual &&
	curl -sS --unix-socket "$(keep_socket)" -H "Authorization: Bearer $TEST_API_KEY" \
		http://localhost/api/v1/me >out &&
	jq -r .user_name out >actual && echo "Mike Ritter" >expect && test_cmp expect actual &&
	sandbox_clear_requests &&
	syncro list >out 2>err &&
	test_cmp expect.list out &&
	expect_requests "GET /api/v1/tickets?status=Not+Closed&page=1&per_page=100"
'

keep_off
keep_on 2s
test_expect_success 'the keeper exits after its idle time' '
	syncro list >out 2>err &&
	wait_for_keeper &&
	syncro list >out 2>err &&
	test_cmp expect.list out &&
	tries=0 &&
	while keeper_running; do
		tries=$((tries + 1)) &&
		test "$tries" -le 80 &&
		sleep 0.1 || return 1
	done &&
	test ! -e "$(keep_socket)" &&
	syncro doctor >out &&
	grep "^connection:" out >actual &&
	echo "connection:   kept warm for 2s; no keeper running: the next command starts one at $(keep_socket)" >expect &&
	test_cmp expect actual
'

test_done
