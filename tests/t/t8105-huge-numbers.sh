#!/bin/sh
test_description='huge numbers from the API are missing numbers: no undefined behaviour, no absurd minutes'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

# serve_ticket JQ-ARGS...: GET /tickets/108430330 answers the ticket as
# jq turns it with JQ-ARGS (the last is the filter).
serve_ticket () {
	sandbox_curl --fail-with-body -X DELETE "$SANDBOX_URL/__sandbox/fail" >/dev/null &&
	sandbox_get tickets/108430330 >ticket.json &&
	jq "$@" ticket.json >huge.json &&
	jq -n --rawfile body huge.json '{method: "GET", path: "/api/v1/tickets/108430330", status: 200,
		body: $body, content_type: "application/json", count: 1000}' >rule.json &&
	sandbox_curl --fail-with-body -X POST -H "Content-Type: application/json" \
		--data @rule.json "$SANDBOX_URL/__sandbox/fail" >/dev/null
}

# huge_ticket VALUE: the ticket with VALUE in every timer's duration and
# every line's quantity and price.
huge_ticket () {
	serve_ticket --argjson v "$1" '.ticket.status = "Resolved" |
		.ticket.ticket_timers = [{id: 1, active_duration: $v, billable: true, recorded: false,
			product_id: 1190473, user_id: $v, notes: "huge"}] |
		.ticket.line_items = [{id: 2, quantity: $v, price_retail: $v, product_id: $v,
			converted: false, description: "huge", created_at: "2026-05-01T09:00:00Z"}]'
}

# huge_line QTY PRICE: the ticket with one labor line of QTY at PRICE and no timer.
huge_line () {
	serve_ticket --argjson q "$1" --argjson p "$2" '.ticket.ticket_timers = [] |
		.ticket.line_items = [{id: 2, quantity: $q, price_retail: $p, product_id: 1190473,
			converted: false, description: "huge", created_at: "2026-05-01T09:00:00Z"}]'
}

for v in 1e300 -1e300 9223372036854775807 -9223372036854775808 1e19
do
	test_expect_success "ticket, time and bill --resolved with $v" '
		huge_ticket "$v" &&
		syncro ticket 32164 >out 2>err &&
		test_grep_not "922337203685477\|e+\|inf" out err &&
		syncro time 32164 >out 2>err &&
		test_grep_not "922337203685477\|e+\|inf" out err &&
		{ syncro bill --resolved --dry-run >out 2>err; test $? -lt 100; } &&
		test_grep_not "922337203685477\|e+\|inf\|runtime error" out err
	'
done

test_expect_success 'a line of a huge quantity at a huge price is a malformed answer' '
	huge_line 999999999999 999999999998 &&
	sandbox_clear_requests &&
	test_expect_code 7 syncro bill 32164 --dry-run --minutes 30 --labor remote -m x --force \
		>out 2>err &&
	! test -s out &&
	cat >expect <<-\EOF &&
	syncro: line item 2 of ticket #32164 is 999999999999 x >100000000000.00, past what a bill can hold (1000000 x, 100000000000.00 at most): a malformed answer; nothing was sent
	hint: correct the line in Syncro, then run '\''syncro bill 32164'\'' again
	EOF
	test_cmp expect err
'

test_expect_success 'a quantity within JSON numbers but past any line is within bounds on bill' '
	huge_line 2000000 3 &&
	test_expect_code 7 syncro bill 32164 --dry-run --minutes 30 --labor remote -m x --force \
		>out 2>err &&
	! test -s out &&
	grep "^syncro: line item 2 of ticket #32164 is 2000000 x 3.00, past what a bill can hold" err
'

test_expect_success 'a labor line of huge hours shows unknown minutes, not trillions' '
	huge_line 999999999999 1 &&
	syncro time 32164 >out 2>err &&
	grep "^line 2 .* ? " out &&
	test_grep_not "59999999999940" out err
'

test_expect_success 'a timer past a million hours shows unknown minutes' '
	huge_ticket 3700000000 &&
	syncro time 32164 >out 2>err &&
	grep "^timer 1 .* ? " out
'

test_expect_success 'a number within bounds is still read' '
	huge_ticket 3600 &&
	syncro time 32164 >out &&
	grep " 60 " out
'

test_done
