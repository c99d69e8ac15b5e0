#!/bin/sh
test_description='syncro comment --time: labor recorded per billing.method, each step verified, failures that lose nothing'
. "$(dirname "$0")/../test-lib.sh"

# The sandbox is strict but for two switches these tests are about: a
# charge that names its line (the tests read it back), and the time fields
# on a comment that some accounts keep (test 6 checks them on the ticket).
# The strict answers are tested in t5010 and t4003.
start_sandbox --quirk charge-line-id --quirk comment-time
# these tests are of the timer method; line-item (the default) is set where tested
mkdir -p "$XDG_CONFIG_HOME/syncro"
printf "billing:\n  method: timer\n" >"$XDG_CONFIG_HOME/syncro/config.yaml"
export SYNCRO_TEST_NOW=1780000000	# 2026-05-28T20:26:40Z
DRAFTS=$HOME/.local/state/syncro/drafts
CONFIG=$XDG_CONFIG_HOME/syncro/config.yaml

use_method () {
	mkdir -p "${CONFIG%/*}" &&
	printf "billing:\n  method: %s\n" "$1" >"$CONFIG"
}

# Ticket #32164's timers and lines, in short.
labor_state () {
	sandbox_get tickets/108430330 | jq -c '.ticket |
		(.ticket_timers[] | {timer: .id, product_id, active_duration, notes, recorded,
			ticket_line_item_id, comment_id}),
		(.line_items[] | {line: .id, product_id, name, description, quantity, taxable})'
}

drafts_are_gone () {
	test -z "$(ls -A "$DRAFTS" 2>/dev/null)"
}

test_expect_success 'setup: the ticket number is cached' '
	syncro time 32164 >/dev/null &&
	sandbox_reset
'

test_expect_success 'timer (default): comment, timer, the newest line read, charge, each read back' '
	syncro comment 32164 -m "Replaced toner
Tested a page" --time 30 --labor onsite --charge >out 2>err &&
	cat >expect <<-\EOF &&
	#32164: comment 412331502 posted
	#32164: 30 minutes of onsite (product 26118) as timer 8812109, charged on line item 29871754
	EOF
	test_cmp expect out &&
	test ! -s err &&
	cat >expect <<-\EOF &&
	["POST","/api/v1/tickets/108430330/comment",{"subject":"Update","body":"Replaced toner\nTested a page","hidden":false,"do_not_email":true}]
	["POST","/api/v1/tickets/108430330/timer_entry",{"start_at":"2026-05-28T19:56:40Z","end_at":"2026-05-28T20:26:40Z","product_id":26118,"notes":"Replaced toner","billable":true}]
	["GET","/api/v1/tickets/108430330",null]
	["POST","/api/v1/tickets/108430330/charge_timer_entry",{"timer_entry_id":8812109}]
	["GET","/api/v1/tickets/108430330",null]
	EOF
	requests_with_bodies >actual &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	{"timer":8812109,"product_id":26118,"active_duration":1800,"notes":"Replaced toner","recorded":true,"ticket_line_item_id":29871754,"comment_id":null}
	{"line":29871754,"product_id":26118,"name":"Labor - Onsite Business","description":"Replaced toner","quantity":"0.5","taxable":false}
	EOF
	labor_state >actual &&
	test_cmp expect actual &&
	drafts_are_gone
'

test_expect_success 'timer without --charge: labor.default, not charged' '
	sandbox_reset &&
	syncro comment 32164 -m "Checked backups" --time 15 >out &&
	cat >expect <<-\EOF &&
	#32164: comment 412331502 posted
	#32164: 15 minutes of remote (product 1190473) as timer 8812109
	EOF
	test_cmp expect out &&
	cat >expect <<-\EOF &&
	POST /api/v1/tickets/108430330/comment
	POST /api/v1/tickets/108430330/timer_entry
	EOF
	sandbox_requests >actual &&
	test_cmp expect actual &&
	echo "{\"timer\":8812109,\"product_id\":1190473,\"active_duration\":900,\"notes\":\"Checked backups\",\"recorded\":false,\"ticket_line_item_id\":null,\"comment_id\":null}" >expect &&
	labor_state >actual &&
	test_cmp expect actual
'

test_expect_success 'line-item: add_line_item with the product name and hours' '
	sandbox_reset &&
	use_method line-item &&
	syncro comment 32164 -m "Site visit" --time 20 --labor onsite >out &&
	cat >expect <<-\EOF &&
	#32164: comment 412331502 posted
	#32164: 20 minutes of onsite (product 26118) as line item 29871754
	EOF
	test_cmp expect out &&
	cat >expect <<-\EOF &&
	["GET","/api/v1/products/26118",null]
	["POST","/api/v1/tickets/108430330/comment",{"subject":"Update","body":"Site visit","hidden":false,"do_not_email":true}]
	["POST","/api/v1/tickets/108430330/add_line_item",{"product_id":26118,"name":"Labor - Onsite Business","description":"Site visit","quantity":0.3333,"price_retail":150,"taxable":false}]
	EOF
	requests_with_bodies >actual &&
	test_cmp expect actual &&
	echo "{\"line\":29871754,\"product_id\":26118,\"name\":\"Labor - Onsite Business\",\"description\":\"Site visit\",\"quantity\":\"0.3333\",\"taxable\":false}" >expect &&
	labor_state >actual &&
	test_cmp expect actual
'

test_expect_success 'line-item: the price is read now, not from a cache; a product id works as labor' '
	sandbox_reset &&
	sandbox_clear_requests &&
	syncro comment 32164 -m "Again" --time 90 --labor 26118 >out &&
	echo "#32164: 90 minutes of product 26118 as line item 29871754" >expect &&
	tail -n 1 out >actual &&
	test_cmp expect actual &&
	sandbox_requests >actual &&
	grep -x "GET /api/v1/products/26118" actual
'

test_expect_success 'comment: the time fields on the comment itself, checked on the ticket' '
	sandbox_reset &&
	use_method comment &&
	syncro comment 32164 -m "Remote fix" --time 45 --labor remote --charge >out &&
	cat >expect <<-\EOF &&
	#32164: comment 412331502 posted
	#32164: 45 minutes of remote (product 1190473) as timer 8812109, charged
	EOF
	test_cmp expect out &&
	cat >expect <<-\EOF &&
	["POST","/api/v1/tickets/108430330/comment",{"subject":"Update","body":"Remote fix","hidden":false,"do_not_email":true,"product_id":1190473,"minutes_spent":45,"bill_time_now":true}]
	["GET","/api/v1/tickets/108430330",null]
	["GET","/api/v1/tickets/108430330",null]
	EOF
	requests_with_bodies >actual &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	{"timer":8812109,"product_id":1190473,"active_duration":2700,"notes":"Remote fix","recorded":true,"ticket_line_item_id":29871754,"comment_id":412331502}
	{"line":29871754,"product_id":1190473,"name":"Labor - Remote Business","description":"Remote fix","quantity":"0.75","taxable":false}
	EOF
	labor_state >actual &&
	test_cmp expect actual &&
	printf "billing:\n  method: timer\n" >"$CONFIG"
'

test_expect_success 'an unknown labor alias: exit 2, the aliases closest first, nothing sent' '
	sandbox_reset &&
	test_expect_code 2 syncro comment 32164 -m "x" --time 30 --labor onsit >out 2>err &&
	cat >expect <<-\EOF &&
	syncro: unknown labor '"'"'onsit'"'"'; did you mean '"'"'onsite'"'"'?
	hint: give a product id or one of: onsite, website, project, remote, internal, travel, emergency
	EOF
	test_cmp expect err &&
	sandbox_requests >actual &&
	test ! -s actual &&
	drafts_are_gone
'

test_expect_success 'minutes must be a positive whole number (exit 2)' '
	for bad in 0 -5 1.5 abc 30m ""; do
		test_expect_code 2 syncro comment 32164 -m "x" --time "$bad" 2>err &&
		echo "syncro: '"'"'--time'"'"' takes a whole number of minutes from 1 to 100000, not '"'"'$bad'"'"'" >expect &&
		test_cmp expect err || return 1
	done &&
	sandbox_requests >actual &&
	test ! -s actual
'

test_expect_success 'a failed timer POST: the comment is in, the command that records the time is given' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/timer_entry\",\"status\":500,\"body\":\"{}\"}" &&
	test_expect_code 7 syncro comment 32164 -m "Replaced toner" --time 30 --labor onsite --charge >out 2>err &&
	echo "#32164: comment 412331502 posted" >expect &&
	test_cmp expect out &&
	cat >expect <<-\EOF &&
	syncro: the Syncro API failed on '"'"'POST /tickets/108430330/timer_entry'"'"' with 500 (application/json; charset=utf-8)
	hint: try again later; Syncro may be having trouble
	hint: comment 412331502 is posted on #32164; only the time is missing
	hint: the request may have reached Syncro: look at '"'"'syncro time 32164'"'"' first
	hint: record the time with: syncro time add 32164 30 --labor onsite --notes '"'"'Replaced toner'"'"' --charge
	EOF
	test_cmp expect err &&
	drafts_are_gone &&
	syncro time add 32164 30 --labor onsite --notes "Replaced toner" --charge >out &&
	echo "#32164: 30 minutes of onsite (product 26118) as timer 8812109, charged on line item 29871754" >expect &&
	test_cmp expect out &&
	sandbox_get tickets/108430330 | jq -r ".ticket.comments | map(select(.body == \"Replaced toner\")) | length" >actual &&
	echo 1 >expect &&
	test_cmp expect actual
'

test_expect_success 'a failed charge POST: the timer is in, the command that charges it is given' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/charge_timer_entry\",\"status\":503,\"body\":\"{}\"}" &&
	test_expect_code 7 syncro comment 32164 -m "Replaced toner" --time 30 --labor onsite --charge >out 2>err &&
	tail -n 3 err >actual &&
	cat >expect <<-\EOF &&
	hint: comment 412331502 is posted on #32164; only the time is missing
	hint: the request may have reached Syncro: look at '"'"'syncro time 32164'"'"' first
	hint: timer 8812109 is recorded; charge it with: syncro time charge 32164 8812109
	EOF
	test_cmp expect actual &&
	drafts_are_gone &&
	syncro time charge 32164 8812109 >out &&
	echo "#32164: timer 8812109 charged on line item 29871754" >expect &&
	test_cmp expect out
'

test_expect_success 'a product silently replaced on the timer is an error saying what Syncro holds' '
	sandbox_reset &&
	sandbox_curl -H "Authorization: Bearer $TEST_API_KEY" -H "Content-Type: application/json" \
		--data "{\"start_at\":\"2026-05-28T19:56:40Z\",\"end_at\":\"2026-05-28T20:26:40Z\",\"product_id\":26117}" \
		"$SYNCRO_BASE_URL/tickets/108430330/timer_entry" >/dev/null &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/timer_entry\",\"status\":200,\"body\":\"{\\\"id\\\":8812109,\\\"product_id\\\":26117,\\\"start_time\\\":\\\"2026-05-28T19:56:40Z\\\",\\\"end_time\\\":\\\"2026-05-28T20:26:40Z\\\"}\"}" &&
	sandbox_clear_requests &&
	test_expect_code 1 syncro comment 32164 -m "Onsite" --time 30 --labor onsite --charge >out 2>err &&
	cat >expect <<-\EOF &&
	syncro: timer 8812109 on ticket #32164 has product 26117 '"'"'Fee - Travel Time'"'"' and 30 minutes, not product 26118 '"'"'Labor - Onsite Business'"'"' and 30 minutes
	hint: nothing was undone; see what the ticket holds with '"'"'syncro time 32164'"'"'
	hint: comment 412331502 is posted on #32164; only the time is missing
	EOF
	test_cmp expect err &&
	sandbox_requests >actual &&
	test_grep_not charge_timer_entry actual
'

test_expect_success 'a line item silently given another product is an error too' '
	sandbox_reset &&
	use_method line-item &&
	sandbox_curl -H "Authorization: Bearer $TEST_API_KEY" -H "Content-Type: application/json" \
		--data "{\"name\":\"Travel\",\"description\":\"d\",\"product_id\":26117,\"quantity\":0.5}" \
		"$SYNCRO_BASE_URL/tickets/108430330/add_line_item" >/dev/null &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/add_line_item\",\"status\":200,\"body\":\"{\\\"id\\\":29871754,\\\"product_id\\\":26117,\\\"quantity\\\":\\\"0.5\\\"}\"}" &&
	test_expect_code 1 syncro comment 32164 -m "Onsite" --time 30 --labor onsite >out 2>err &&
	head -n 1 err >actual &&
	echo "syncro: line item 29871754 on ticket #32164 has product 26117 '"'"'Fee - Travel Time'"'"' and quantity 0.5, not product 26118 '"'"'Labor - Onsite Business'"'"' and 0.5 hours (30 minutes)" >expect &&
	test_cmp expect actual &&
	printf "billing:\n  method: timer\n" >"$CONFIG"
'

test_expect_success 'a charge Syncro answers for but does not record is an error' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/charge_timer_entry\",\"status\":200,\"body\":\"{\\\"id\\\":8812109,\\\"recorded\\\":true}\"}" &&
	test_expect_code 1 syncro comment 32164 -m "Onsite" --time 30 --labor onsite --charge >out 2>err &&
	head -n 1 err >actual &&
	echo "syncro: timer 8812109 on ticket #32164 is not charged after Syncro answered that it charged it" >expect &&
	test_cmp expect actual
'

test_expect_success 'a timer answer without the product and duration sent is an error' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/timer_entry\",\"status\":200,\"body\":\"{\\\"id\\\":5}\"}" &&
	test_expect_code 1 syncro comment 32164 -m "Onsite" --time 30 --labor onsite >out 2>err &&
	head -n 1 err >actual &&
	echo "syncro: timer 5 on ticket #32164 has no product and no duration, not product 26118 '"'"'Labor - Onsite Business'"'"' and 30 minutes" >expect &&
	test_cmp expect actual
'

test_done
