#!/bin/sh
test_description='syncro timer: start and stop a live timer kept on this machine'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6209}"
start_sandbox
# the timer method (line-item is the default billing.method)
mkdir -p "$XDG_CONFIG_HOME/syncro"
printf "billing:\n  method: timer\n" >"$XDG_CONFIG_HOME/syncro/config.yaml"
TIMERS=$XDG_STATE_HOME/syncro/timers.json
START=1776852000	# 2026-04-22 10:00 UTC

test_expect_success 'start: noted on this machine, nothing sent' '
	sandbox_clear_requests &&
	SYNCRO_TEST_NOW=$START syncro timer start 32164 >out &&
	echo "#32164: timer started at 2026-04-22 10:00; '"'"'syncro timer stop 32164'"'"' records it" >expect &&
	test_cmp expect out &&
	jq -r ".\"32164\".started_at" "$TIMERS" >actual &&
	echo 2026-04-22T10:00:00Z >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success 'a second start on the same ticket is refused' '
	test_expect_code 2 syncro timer start 32164 2>err &&
	grep "a timer on #32164 runs since 2026-04-22 10:00" err
'

test_expect_success 'the list shows what runs and for how long' '
	SYNCRO_TEST_NOW=$((START - 600)) syncro timer start 32161 >/dev/null &&
	SYNCRO_TEST_NOW=$((START + 45 * 60)) syncro timer >actual &&
	cat >expect <<-\EOF &&
	#32161  0:55  since 2026-04-22 09:50
	#32164  0:45  since 2026-04-22 10:00
	EOF
	test_cmp expect actual
'

test_expect_success 'stop records the minutes since, with notes and labor, then forgets' '
	sandbox_clear_requests &&
	SYNCRO_TEST_NOW=$((START + 44 * 60 + 10)) \
		syncro timer stop 32164 --notes "Fixed the sync" --labor onsite >out &&
	grep "^#32164: 45 minutes of onsite (product 26118) as timer [0-9]*$" out &&
	sandbox_requests_json | jq -c ".requests[] | select(.method == \"POST\") | .body |
		{start_at, end_at, product_id, notes}" >body &&
	echo "{\"start_at\":\"2026-04-22T09:59:10Z\",\"end_at\":\"2026-04-22T10:44:10Z\",\"product_id\":26118,\"notes\":\"Fixed the sync\"}" >expect &&
	test_cmp expect body &&
	jq -r "keys[]" "$TIMERS" >actual &&
	echo 32161 >expect &&
	test_cmp expect actual
'

test_expect_success 'a failed stop keeps the timer running' '
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/timer_entry\",\"status\":500}" &&
	test_expect_code 7 syncro timer stop 32161 2>err &&
	grep "^hint: the timer still runs; once fixed, '"'"'syncro timer stop 32161'"'"' records it" err &&
	jq -r "keys[]" "$TIMERS" >actual &&
	echo 32161 >expect &&
	test_cmp expect actual &&
	sandbox_reset
'

test_expect_success 'stop --discard forgets, records nothing' '
	sandbox_clear_requests &&
	syncro timer stop 32161 --discard >out &&
	echo "#32161: timer discarded, nothing recorded" >expect &&
	test_cmp expect out &&
	sandbox_requests >requests &&
	test ! -s requests &&
	syncro timer 2>err &&
	grep "no timer running" err
'

test_expect_success 'stop without a timer, and options for stop only' '
	test_expect_code 2 syncro timer stop 32164 2>err &&
	grep "no timer runs on #32164" err &&
	test_expect_code 2 syncro timer start 32164 --notes x 2>err &&
	grep "are for '"'"'syncro timer stop'"'"'" err
'

test_done
