#!/bin/sh
test_description='connections: the POSTs of a command reuse the connection of its reads'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

# connections FILE: the TCP connections a -v trace opened ("* Connected
# to ..." from libcurl); the sandbox counts them too (sandbox_connections).
connections () {
	grep -c "^\* Connected to " "$1"
}

# requests_were N POSTS: the sandbox got N requests, POSTS of them POSTs.
requests_were () {
	sandbox_requests >requests &&
	test "$(wc -l <requests)" = "$1" &&
	test "$(grep -c "^POST" requests)" = "$2"
}

test_expect_success 'comment N uncached: GET and POST on 1 connection' '
	rm -f "$(cache_dir)/tickets.tsv" &&
	sandbox_clear_requests &&
	syncro comment -v 32164 -m "fixed the sync client" >out 2>trace &&
	requests_were 2 1 &&
	test "$(connections trace)" = 1 &&
	test "$(sandbox_connections)" = 1 &&
	grep "^\* Re-using existing connection" trace
'

test_expect_success 'close N uncached: its two first reads at once, the writes on their connection' '
	rm -f "$(cache_dir)/tickets.tsv" "$(cache_dir)/ticket-settings.json" &&
	sandbox_clear_requests &&
	syncro close -v 32160 -m "Reset the Outlook profile." --no-log >out 2>trace &&
	requests_were 4 1 &&
	requests_at_once 2 >requests &&
	head -n 2 requests >first &&
	printf "%s\n" "GET /api/v1/tickets/settings" "GET /api/v1/tickets?number=32160" >expect &&
	test_cmp expect first &&
	writes_on_read_connections &&
	test "$(connections trace)" = 2 &&
	test "$(sandbox_connections)" = 2
'

test_expect_success 'close N cached, its statuses cached: every request on 1 connection' '
	sandbox_clear_requests &&
	syncro close -v 32160 -m "Again." --no-log --force >out 2>trace &&
	sandbox_requests >requests &&
	test_grep_not "settings\|number=" requests &&
	test "$(connections trace)" = 1 &&
	test "$(sandbox_connections)" = 1
'

# get_then_post SECONDS: GET /me, a pause, a POST, in one process.
get_then_post () {
	sandbox_clear_requests &&
	"$abs_top_builddir/tests/helpers/api-probe" -v get-post /me "$1" \
		/tickets/108430330/comment "{\"subject\":\"s\",\"body\":\"b\"}" >out 2>trace &&
	requests_were 2 1
}

test_expect_success 'a POST soon after a read reuses its connection' '
	get_then_post 0 &&
	test "$(connections trace)" = 1
'

test_expect_success 'a POST after the connection was idle past the bound takes a new one' '
	get_then_post 3.2 &&
	test "$(connections trace)" = 2 &&
	test "$(sandbox_connections)" = 2
'

test_done
