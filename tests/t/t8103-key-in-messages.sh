#!/bin/sh
test_description='a key echoed back in an error body is redacted in every message; core dumps are off once the key is loaded'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

core_verbs >verbs

# echo_key STATUS: every request answered STATUS with the key in its body.
echo_key () {
	sandbox_curl --fail-with-body -X DELETE "$SANDBOX_URL/__sandbox/fail" >/dev/null &&
	for path in "/api/v1/*" "/api/v1/*/*" "/api/v1/*/*/*"; do
		sandbox_fail "{\"path\":\"$path\",\"status\":$1,\"count\":100000,\"body\":\"{\\\"error\\\":\\\"Invalid API key $TEST_API_KEY (key=$TEST_API_KEY)\\\"}\"}" ||
		return 1
	done
}

# run_every_verb: what each verb prints on stderr (they fail) into all-err.
run_every_verb () {
	while read -r v; do
		for args in "32164" "--json" "32164 -m note --minutes 5 --yes"; do
			# shellcheck disable=SC2086
			syncro "$v" $args </dev/null >/dev/null 2>>all-err
		done
	done <verbs
	syncro api /me >/dev/null 2>>all-err
	syncro doctor >>all-err 2>&1
	return 0
}

for status in 401 422 500
do
	test_expect_success "every verb: a $status whose body holds the key shows REDACTED" '
		rm -rf "$XDG_CACHE_HOME" &&
		echo_key $status &&
		run_every_verb &&
		test_grep_not "$TEST_API_KEY" all-err &&
		grep "Invalid API key REDACTED (key=REDACTED)" all-err >shown &&
		test $(wc -l <shown) -ge 5
	'
done

test_expect_success 'the exact message of one of them' '
	echo_key 401 &&
	test_expect_code 3 syncro api /me >out 2>err &&
	cat >expect <<-\EOF &&
	syncro: the Syncro API refused '"'"'GET /me'"'"' (401): Invalid API key REDACTED (key=REDACTED)
	hint: the API key may be wrong or expired, or lack a permission this request needs; check it with '"'"'syncro doctor'"'"'
	EOF
	test_cmp expect err
'

test_expect_success 'syncro api prints an error body that echoes the key without it' '
	echo_key 422 &&
	test_expect_code 5 syncro api /me >out 2>err &&
	cat >expect <<-\EOF &&
	{
	  "error": "Invalid API key REDACTED (key=REDACTED)"
	}
	EOF
	test_cmp expect out &&
	test_grep_not "$TEST_API_KEY" err
'

# A run that waits on the sandbox, its pid in run.pid.
slow_run () {
	ulimit -c unlimited
	syncro api /me >/dev/null 2>&1 &
	echo $! >run.pid
}

test_expect_success 'syncro api -i prints response headers and a raw body without the key' '
	sandbox_curl --fail-with-body -X DELETE "$SANDBOX_URL/__sandbox/fail" >/dev/null &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"status\":302,\"content_type\":\"text/html\",\"headers\":{\"Location\":\"https://evil/?api_key=$TEST_API_KEY\"},\"body\":\"<a href=?k=$TEST_API_KEY>moved</a>\"}" &&
	{ syncro api -i /me >out 2>err; test $? -lt 100; } &&
	grep "^Location: https://evil/?api_key=REDACTED\$" out &&
	grep "^<a href=?k=REDACTED>moved</a>" out &&
	test_grep_not "$TEST_API_KEY" out err
'

test_expect_success NOT_WINE 'once the key is loaded the process is not dumpable and its core limit is 0' '
	sandbox_curl --fail-with-body -X DELETE "$SANDBOX_URL/__sandbox/fail" >/dev/null &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"delay_ms\":3000}" &&
	slow_run &&
	pid=$(cat run.pid) &&
	test_wait_for "^Max core file size *0 *0 " /proc/$pid/limits &&
	wait $pid
'

# not_dumpable_owner PID: the owner of /proc/PID/status once it is root's
# (a process made non-dumpable has its /proc files owned by root), or
# the last owner seen after 5 s.
not_dumpable_owner () {
	for i in $(seq 50); do
		owner=$(stat -c %u "/proc/$1/status") &&
		test "$owner" = 0 && break
		sleep 0.1
	done
	echo "$owner"
}

# A process not dumpable has its /proc files owned by root, which tells
# only when it runs as someone else: as root the test runs syncro as nobody,
# which needs a build nobody can reach (not one under a 0700 /root).
if test "$(id -u)" != 0 ||
	{ command -v setpriv >/dev/null 2>&1 &&
	  setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$abs_top_builddir/syncro" api --help >/dev/null 2>&1; }; then
	test_set_prereq NOT_ROOT_OR_NOBODY_RUNS
fi
test_expect_success NOT_WINE,NOT_ROOT_OR_NOBODY_RUNS 'once the key is loaded the process is not dumpable (PR_SET_DUMPABLE): its /proc files turn root'"'"'s' '
	sandbox_curl --fail-with-body -X DELETE "$SANDBOX_URL/__sandbox/fail" >/dev/null &&
	sandbox_fail "{\"path\":\"/api/v1/me\",\"delay_ms\":3000}" &&
	if test "$(id -u)" = 0
	then
		mkdir -p other && chown 65534 other &&
		{ HOME=$PWD/other XDG_CONFIG_HOME=$PWD/other/c XDG_STATE_HOME=$PWD/other/s \
		  XDG_CACHE_HOME=$PWD/other/k XDG_DATA_HOME=$PWD/other/d \
		  setpriv --reuid=65534 --regid=65534 --clear-groups syncro api /me >other.out 2>&1 &
		  echo $! >run.pid; }
	else
		slow_run
	fi &&
	pid=$(cat run.pid) &&
	test_wait_for "^Max core file size *0 *0 " /proc/$pid/limits &&
	test "$(not_dumpable_owner $pid)" = 0 &&
	wait $pid
'

test_done
