#!/bin/sh
test_description='huge numbers from the API are missing numbers: no undefined behaviour, no absurd minutes'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

# huge_ticket VALUE: GET /tickets/108430330 answers the ticket with VALUE
# in every timer's duration and every line's quantity and price.
huge_ticket () {
	sandbox_curl --fail-with-body -X DELETE "$SANDBOX_URL/__sandbox/fail" >/dev/null &&
	sandbox_get tickets/108430330 >ticket.json &&
	jq --argjson v "$1" '.ticket.status = "Resolved" |
		.ticket.ticket_timers = [{id: 1, active_duration: $v, billable: true, recorded: false,
			product_id: 1190473, user_id: $v, notes: "huge"}] |
		.ticket.line_items = [{id: 2, quantity: $v, price_retail: $v, product_id: $v,
			converted: false, description: "huge", created_at: "2026-05-01T09:00:00Z"}]' \
		ticket.json >huge.json &&
	jq -n --rawfile body huge.json '{method: "GET", path: "/api/v1/tickets/108430330", status: 200,
		body: $body, content_type: "application/json", count: 1000}' >rule.json &&
	sandbox_curl --fail-with-body -X POST -H "Content-Type: application/json" \
		--data @rule.json "$SANDBOX_URL/__sandbox/fail" >/dev/null
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

test_expect_success 'a number within bounds is still read' '
	huge_ticket 3600 &&
	syncro time 32164 >out &&
	grep " 60 " out
'

test_done
