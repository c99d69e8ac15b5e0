# test-lib.sh: the harness every tests/t/*.sh script sources (in git's style).
#
#   test_description='what this script covers'
#   . "$(dirname "$0")/../test-lib.sh"
#   test_expect_success 'a title' '
#       syncro --version >actual &&
#       test_cmp expect actual
#   '
#   test_done
#
# Each script runs in its own trash directory with a fresh HOME and XDG
# dirs, LANG=C, TZ=UTC and PAGER=cat; results are printed as TAP.
#
# A script that needs a fixed clock exports SYNCRO_TEST_NOW (seconds since
# the epoch): syncro then takes it as the current time, for what it shows
# and for the times it posts (common/date.h). The harness clears it, so
# each script sets its own.

: "${abs_top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${abs_top_builddir:=$abs_top_srcdir}"
export abs_top_srcdir abs_top_builddir

TEST_NAME=$(basename "$0" .sh)
TEST_DIRECTORY=$abs_top_srcdir/tests
TRASH_DIRECTORY=$abs_top_builddir/tests/trash/$TEST_NAME
rm -rf "$TRASH_DIRECTORY"
mkdir -p "$TRASH_DIRECTORY/home" || exit 1
cd "$TRASH_DIRECTORY" || exit 1

export HOME="$TRASH_DIRECTORY/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_STATE_HOME="$HOME/.local/state"
export XDG_CACHE_HOME="$HOME/.cache" XDG_DATA_HOME="$HOME/.local/share"
export LANG=C LC_ALL=C TZ=UTC PAGER=cat
# No warm connection between commands (connection.keep), so that each
# command's connections and requests are its own; tests of it set
# SYNCRO_CONNECTION_KEEP and make $XDG_RUNTIME_DIR (stop_keepers ends
# what they started). The directory is short, outside the trash: a Unix
# socket's path has at most 107 bytes, and make distcheck's trash is deep.
export SYNCRO_CONNECTION_KEEP=0 XDG_RUNTIME_DIR="${TMPDIR:-/tmp}/syncro-run.$$"
unset SYNCRO_API_KEY SYNCRO_BASE_URL SYNCRO_SUBDOMAIN SYNCRO_CONFIG NO_COLOR \
	EDITOR VISUAL COLUMNS SYNCRO SYNCRO_EXEC_PATH SYNCRO_TEST_NOW SYNCRO_PROFILE
export SYNCRO_EXEC_PATH="$abs_top_builddir"
export PATH="$abs_top_builddir:$PATH"
# Sanitizer reports exit 126, which test_must_fail refuses as a crash, so
# they can never pass for one of syncro's own error exits.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1:exitcode=126}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=126}"

test_count=0
test_failures=0

say_output () {
	sed 's/^/# /' "$TRASH_DIRECTORY/.test-output"
}

# A body joined by && end to end never runs past "(exit 117)": anything
# else means a line lacks its &&, and its failure would go unnoticed.
test_chain_ok () {
	(eval "(exit 117) && $1") >/dev/null 2>&1 </dev/null
	test $? = 117
}

# Prerequisites, as git's test-lib declares them. test_set_prereq NAME
# says NAME is there; test_have_prereq NAME[,NAME...] is true when every
# one is, checking each known one the first time it is asked:
#   JQ, CURL     the programs the sandbox helpers run
#   TTY          script(1), which gives a command a terminal
#   MANDOC       mandoc(1), which renders the manual pages
#   NOT_WINE     missing when the programs run under wine (tools/windows-test,
#                which sets SYNCRO_TEST_WINE): the test needs what wine cannot
#                give, and only a real Windows (or Linux) shows it
#   WINDOWS      there only then: the test is of the Windows build
# A test that needs one names it first: test_expect_success JQ 'title' '...'
# and is a named skip without it; a script that needs one throughout says
# test_require_prereq NAME... before its first test (1..0 # SKIP).
test_prereqs_set=" "
test_prereqs_missing=" "
test_set_prereq () {
	test_prereqs_set="$test_prereqs_set$1 "
}

test_check_prereq () {
	case $1 in
	JQ) command -v jq >/dev/null 2>&1 ;;
	CURL) command -v curl >/dev/null 2>&1 ;;
	TTY) command -v script >/dev/null 2>&1 && script -qec true /dev/null >/dev/null 2>&1 ;;
	MANDOC) command -v mandoc >/dev/null 2>&1 ;;
	NOT_WINE) test -z "${SYNCRO_TEST_WINE:-}" ;;
	WINDOWS) test -n "${SYNCRO_TEST_WINE:-}" ;;
	*) echo "test_have_prereq: unknown prerequisite '$1'" >&2; return 1 ;;
	esac
}

test_have_prereq () {
	for test_one_prereq in $(echo "$1" | tr , " "); do
		case $test_prereqs_set in *" $test_one_prereq "*) continue ;; esac
		case $test_prereqs_missing in *" $test_one_prereq "*) return 1 ;; esac
		if test_check_prereq "$test_one_prereq"; then
			test_set_prereq "$test_one_prereq"
		else
			test_prereqs_missing="$test_prereqs_missing$test_one_prereq "
			return 1
		fi
	done
	return 0
}

# test_require_prereq NAME...: skip the whole script, naming what is missing.
test_require_prereq () {
	for test_one_required in "$@"; do
		if ! test_have_prereq "$test_one_required"; then
			echo "1..0 # SKIP missing $test_one_required"
			exit 0
		fi
	done
}

# test_expect_success [PREREQ] TITLE BODY
test_expect_success () {
	test_prereq=
	if test $# = 3; then
		test_prereq=$1
		shift
	fi
	test_title=$1
	test_body=$2
	test_count=$((test_count + 1))
	if test -n "$test_prereq" && ! test_have_prereq "$test_prereq"; then
		echo "ok $test_count # skip $test_title (missing $test_prereq)"
		return
	fi
	# git's chain lint: a body whose && chain is broken would hide failures
	if ! test_chain_ok "$test_body"; then
		test_failures=$((test_failures + 1))
		echo "not ok $test_count - $test_title # broken && chain"
		return
	fi
	if (eval "$test_body") >"$TRASH_DIRECTORY/.test-output" 2>&1 </dev/null; then
		echo "ok $test_count - $test_title"
	else
		test_failures=$((test_failures + 1))
		echo "not ok $test_count - $test_title"
		sed 's/^/#     /' <<-BODY
		$test_body
		BODY
		say_output
	fi
}

# test_expect_code N cmd...: cmd must exit with exactly N.
test_expect_code () {
	want=$1
	shift
	"$@"
	got=$?
	if test "$got" != "$want"; then
		echo "test_expect_code: '$*' exited $got, expected $want" >&2
		return 1
	fi
}

# test_must_fail cmd...: cmd must fail, but not by a crash or signal.
test_must_fail () {
	"$@"
	got=$?
	if test "$got" = 0; then
		echo "test_must_fail: '$*' succeeded" >&2
		return 1
	elif test "$got" -gt 125; then
		echo "test_must_fail: '$*' died with $got" >&2
		return 1
	fi
	return 0
}

# core_verbs: every core verb built, one a line, except the sandbox (it
# serves, never sends).
core_verbs () {
	for f in "$SYNCRO_EXEC_PATH"/syncro-*; do
		v=${f##*/syncro-}
		case $v in
		*[!a-z]* | sandbox) continue ;;
		esac
		test -f "$f" && test -x "$f" && echo "$v"
	done
	return 0
}

# test_wait_for PATTERN FILE: wait (up to 60 s, for loaded machines and
# sanitizer builds) until FILE has a line matching PATTERN.
test_wait_for () {
	n=0
	until grep -q -e "$1" "$2" 2>/dev/null; do
		n=$((n + 1))
		if test $n -gt 1200; then
			echo "test_wait_for: no '$1' in $2 after 60 s" >&2
			return 1
		fi
		sleep 0.05
	done
}

test_cmp () {
	diff -u "$1" "$2"
}

# test_grep_not PATTERN FILE...: no file may contain PATTERN.
# answer_on_tty ANSWER EXIT COMMAND: run COMMAND on a terminal (script(1)),
# ANSWER typed to it; it must exit EXIT. What the terminal showed, without
# carriage returns, is in the file tty.out.
answer_on_tty () {
	printf "%s\n" "$1" | test_expect_code "$2" script -qec "$3" /dev/null >tty.raw &&
	tr -d "\r" <tty.raw >tty.out
}

test_grep_not () {
	pattern=$1
	shift
	if grep -e "$pattern" "$@"; then
		echo "test_grep_not: '$pattern' found" >&2
		return 1
	fi
	return 0
}

# cache_dir: the cache directory of the account SYNCRO_BASE_URL names (one
# per base URL), as syncro itself computes it.
cache_dir () {
	syncro __cache-dir
}

# write_script FILE: the body from stdin, with a shebang, made executable.
write_script () {
	{
		echo "#!/bin/sh"
		cat
	} >"$1" && chmod +x "$1"
}

# stop_keepers: end the connection keepers a test started (SYNCRO_CONNECTION_KEEP),
# each one that still holds its lock in $XDG_RUNTIME_DIR/syncro.
stop_keepers () {
	for keeper_lock in "$XDG_RUNTIME_DIR"/syncro/*.lock; do
		test -f "$keeper_lock" || continue
		if ! flock -n "$keeper_lock" true; then
			kill "$(cat "$keeper_lock")" 2>/dev/null
			flock -w 10 "$keeper_lock" true
		fi
	done
}

test_done () {
	stop_keepers
	rm -rf "$XDG_RUNTIME_DIR"
	if test -n "${test_cleanup_hooks:-}"; then
		eval "$test_cleanup_hooks"
	fi
	echo "1..$test_count"
	if test "$test_failures" = 0; then
		# like git: a passing script leaves nothing behind
		cd "$abs_top_builddir" && rm -rf "$TRASH_DIRECTORY"
		return 0
	fi
	return 1
}

# The sandbox (syncro-sandbox, the local Syncro API emulator) for
# integration tests. Call start_sandbox at the top level of a script, not
# inside a test body (its exports must reach the later tests):
#
#   start_sandbox [--rate-limit 5 ...]     SANDBOX_URL, SYNCRO_BASE_URL, SYNCRO_API_KEY
#   syncro list >actual && sandbox_requests >requests
#   sandbox_get tickets/108430330 | jq -r .ticket.status
#   sandbox_fail '{"path":"/api/v1/tickets","status":500}'
#   sandbox_clear_requests; sandbox_reset
#
# test_done stops it; a sandbox that does not stop cleanly (a leak, a crash)
# is reported as a failed test.
TEST_API_KEY=test-key-3c5f9e1a
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY

sandbox_curl () {
	curl --silent --show-error --noproxy '*' "$@"
}

start_sandbox () {
	# the helpers below talk to it with curl and read its log with jq
	if test "$test_count" = 0; then
		test_require_prereq CURL JQ
	fi
	sandbox_out=$TRASH_DIRECTORY/.sandbox.out
	sandbox_err=$TRASH_DIRECTORY/.sandbox.err
	# the parent must not read an earlier sandbox's lines before the
	# child has truncated the file
	rm -f "$sandbox_out"
	# the defaults, each only when the caller gives no other (an option
	# given twice is a usage error)
	set -- --test-controls "$@"
	for sandbox_default in "--port 0" "--data $abs_top_srcdir/sandbox/demo.json" \
		"--api-key $TEST_API_KEY"; do
		sandbox_opt=${sandbox_default%% *}
		case " $* " in
		*" $sandbox_opt "* | *" $sandbox_opt="*) ;;
		*) set -- "$@" "$sandbox_opt" "${sandbox_default#* }" ;;
		esac
	done
	"$abs_top_builddir/syncro-sandbox" "$@" >"$sandbox_out" 2>"$sandbox_err" &
	SANDBOX_PID=$!
	trap 'stop_keepers; rm -rf "$XDG_RUNTIME_DIR"; test -z "${SANDBOX_PID:-}" || kill "$SANDBOX_PID" 2>/dev/null' EXIT
	test_cleanup_hooks="${test_cleanup_hooks:+$test_cleanup_hooks; }stop_sandbox"
	sandbox_tries=0
	SYNCRO_BASE_URL=
	while test -z "$SYNCRO_BASE_URL"; do
		SYNCRO_BASE_URL=$(sed -n 's/^export SYNCRO_BASE_URL=//p' "$sandbox_out" 2>/dev/null)
		test -n "$SYNCRO_BASE_URL" && break
		sandbox_tries=$((sandbox_tries + 1))
		if test "$sandbox_tries" -gt 1200 || ! kill -0 "$SANDBOX_PID" 2>/dev/null; then
			echo "Bail out! syncro-sandbox did not start:"
			sed 's/^/# /' "$sandbox_err"
			exit 1
		fi
		sleep 0.05
	done
	SANDBOX_URL=${SYNCRO_BASE_URL%/api/v1}
	SYNCRO_API_KEY=$TEST_API_KEY
	export SANDBOX_URL SYNCRO_BASE_URL SYNCRO_API_KEY
}

stop_sandbox () {
	test -n "${SANDBOX_PID:-}" || return 0
	kill -TERM "$SANDBOX_PID" 2>/dev/null
	wait "$SANDBOX_PID"
	sandbox_status=$?
	SANDBOX_PID=
	if test "$sandbox_status" != 0; then
		test_count=$((test_count + 1))
		test_failures=$((test_failures + 1))
		echo "not ok $test_count - syncro-sandbox stopped cleanly (it exited with $sandbox_status)"
		sed 's/^/# /' "$sandbox_err"
		return 1
	fi
}

# The requests received since the last clear: "METHOD PATH[?QUERY]" each.
sandbox_requests () {
	# through a file: a pipe would hide a sandbox that does not answer
	sandbox_requests_json >"$TRASH_DIRECTORY/.requests.json" &&
	jq -r '.requests[] | .method + " " + .path +
		(if (.query // "") != "" then "?" + .query else "" end)' \
		"$TRASH_DIRECTORY/.requests.json"
}

# requests_at_once N: sandbox_requests, its first N sorted: reads a verb
# sends at once (prefetch.h) arrive in any order. Fails unless those N came
# on N connections of their own, as reads in flight together do, where
# reads sent one after the other share one.
requests_at_once () {
	sandbox_requests >"$TRASH_DIRECTORY/.requests" &&
	test "$(jq "[.requests[:$1][].connection] | unique | length" \
		"$TRASH_DIRECTORY/.requests.json")" = "$1" &&
	head -n "$1" "$TRASH_DIRECTORY/.requests" | sort &&
	sed "1,$1d" "$TRASH_DIRECTORY/.requests"
}

# writes_on_read_connections: every write (not GET) the sandbox got came on
# a connection that carried a request before it: no write opens one.
writes_on_read_connections () {
	sandbox_requests_json >"$TRASH_DIRECTORY/.requests.json" &&
	jq -e '.requests as $r | [range(0; $r | length) as $i | $r[$i] |
		select(.method != "GET") |
		.connection as $c | [$r[:$i][] | select(.connection == $c)] | length > 0] |
		all' "$TRASH_DIRECTORY/.requests.json" >/dev/null
}

# The raw log: {"requests":[{"method","path","query","body","auth","status","connection"}],"dropped":N}
# (the latest 10000 requests are kept; dropped counts the older ones).
# connection numbers the TCP connection a request came on: 1 for the
# sandbox's first, then 2, 3, ... (never reset), so that requests with the
# same number shared a connection.
sandbox_requests_json () {
	sandbox_curl --fail-with-body "$SANDBOX_URL/__sandbox/requests"
}

# sandbox_api METHOD PATH [JSON]: a logged API request with the key and a
# JSON body; the answer's body on stdout, its HTTP status in ./code.
sandbox_api () {
	sandbox_curl -X "$1" -H "Authorization: Bearer $TEST_API_KEY" \
		-H "Content-Type: application/json" ${3:+--data "$3"} \
		-o body.json -w "%{http_code}\n" "$SYNCRO_BASE_URL/$2" >code &&
	cat body.json
}

# The number of TCP connections the logged requests came on.
sandbox_connections () {
	sandbox_requests_json >"$TRASH_DIRECTORY/.requests.json" &&
	jq "[.requests[].connection] | unique | length" "$TRASH_DIRECTORY/.requests.json"
}

# expect_requests LINE...: the sandbox got exactly these requests
# ("METHOD PATH", as sandbox_requests prints them).
expect_requests () {
	printf "%s\n" "$@" >expect.requests &&
	sandbox_requests >actual.requests &&
	test_cmp expect.requests actual.requests
}

# requests_with_bodies: METHOD, PATH and the JSON body of each request the
# sandbox got, one JSON array a line.
requests_with_bodies () {
	sandbox_requests_json | jq -c '.requests[] | [.method, .path, .body]'
}

sandbox_clear_requests () {
	sandbox_curl --fail-with-body -X DELETE "$SANDBOX_URL/__sandbox/requests" >/dev/null
}

sandbox_reset () {
	sandbox_curl --fail-with-body -X POST "$SANDBOX_URL/__sandbox/reset" >/dev/null
}

# sandbox_fail JSON: answer the next matching requests with a failure.
sandbox_fail () {
	sandbox_curl --fail-with-body -X POST -H 'Content-Type: application/json' \
		--data "$1" "$SANDBOX_URL/__sandbox/fail" >/dev/null
}

# sandbox_get PATH: GET $SYNCRO_BASE_URL/PATH with the key, unlogged and
# unlimited; the body on stdout; fails (exit 22) on an HTTP error.
sandbox_get () {
	sandbox_curl --fail-with-body -H "Authorization: Bearer $TEST_API_KEY" \
		-H 'X-Sandbox-Control: peek' "$SYNCRO_BASE_URL/${1#/}"
}
