#!/bin/sh
test_description='syncro-sandbox --quirk NAME: each reported behaviour that differs from the default'
. "$(dirname "$0")/../test-lib.sh"

# form METHOD PATH FORM: like api, with a form body as curl -d sends it
form () {
	sandbox_curl -X "$1" -H "Authorization: Bearer $TEST_API_KEY" --data "$3" \
		-o body.json -w "%{http_code}\n" "$SYNCRO_BASE_URL/$2" >code &&
	cat body.json
}

onsite='{"product_id":26118,"name":"Labor - Onsite Business","description":"Onsite visit","quantity":1.25}'

test_expect_success 'fill-line-price: add_line_item takes price, cost and taxable from the product' '
	(
		start_sandbox --quirk fill-line-price &&
		sandbox_api POST tickets/108430330/add_line_item "$onsite" >li.json &&
		sandbox_api POST tickets/108430330/add_line_item "{\"product_id\":4471202,\"name\":\"Toner\",\"description\":\"TN-760\",\"price_retail\":70}" >toner.json &&
		stop_sandbox
	) &&
	jq -c "[.quantity, .price_retail, .price_cost, .retail_cents, .cost_cents, .taxable, .product_category]" li.json >actual &&
	echo "[\"1.25\",150,85,15000,8500,false,\"Labor\"]" >expect && test_cmp expect actual &&
	jq -c "[.price_retail, .taxable]" toner.json >actual &&
	echo "[70,true]" >expect && test_cmp expect actual
'

test_expect_success 'comment-time: minutes_spent makes a timer of the comment; bill_time_now charges it' '
	(
		start_sandbox --quirk comment-time &&
		sandbox_api POST tickets/108430330/comment "{\"subject\":\"Update\",\"body\":\"Fixed sync\",\"minutes_spent\":15,\"product_id\":26118,\"bill_time_now\":true}" >c.json &&
		sandbox_get tickets/108430330 >t.json &&
		stop_sandbox
	) &&
	id=$(jq .comment.id c.json) &&
	jq -c "[.ticket.ticket_timers[] | [(.comment_id == $id), .product_id, .active_duration, .billable_time, .recorded, .notes]]" t.json >actual &&
	echo "[[true,26118,900,15,true,\"Fixed sync\"]]" >expect && test_cmp expect actual &&
	jq -c "[.ticket.line_items[] | [.product_id, .quantity, .price_retail]]" t.json >actual &&
	echo "[[26118,\"0.25\",150]]" >expect && test_cmp expect actual
'

test_expect_success '--ignore-comment-time (the default) wins over comment-time' '
	(
		start_sandbox --quirk comment-time --ignore-comment-time &&
		sandbox_api POST tickets/108430330/comment "{\"subject\":\"Update\",\"body\":\"Fixed sync\",\"minutes_spent\":15}" >/dev/null &&
		sandbox_get tickets/108430330 >t.json &&
		stop_sandbox
	) &&
	jq -c "[(.ticket.ticket_timers | length), (.ticket.comments | length)]" t.json >actual &&
	echo "[0,2]" >expect && test_cmp expect actual
'

test_expect_success 'charge-line-id: charge_timer_entry points the timer at its new line' '
	(
		start_sandbox --quirk charge-line-id &&
		sandbox_api POST tickets/108429977/charge_timer_entry "{\"timer_entry_id\":8812040}" >ch.json &&
		sandbox_get tickets/108429977 >t.json &&
		stop_sandbox
	) &&
	lid=$(jq .ticket_line_item_id ch.json) &&
	jq -c "[.ticket.line_items[] | select(.id == $lid) | [.product_id, .quantity]]" t.json >actual &&
	echo "[[1190473,\"0.5\"]]" >expect && test_cmp expect actual &&
	jq -c "[.ticket.ticket_timers[] | .ticket_line_item_id == $lid]" t.json >actual &&
	echo "[true]" >expect && test_cmp expect actual
'

test_expect_success 'invoice-ticket-id: list items are whole invoices, ticket_id included' '
	(
		start_sandbox --quirk invoice-ticket-id &&
		sandbox_get invoices >list.json &&
		stop_sandbox
	) &&
	jq -c ".invoices[0] | [.id, .number, .ticket_id, .customer_business_then_name, has(\"line_items\")]" list.json >actual &&
	echo "[1649827698,\"1048\",108421677,\"Pinnacle Peak Realty\",false]" >expect && test_cmp expect actual
'

test_expect_success 'form-bodies: a form is read like JSON, every value a string' '
	(
		start_sandbox --quirk form-bodies &&
		form POST tickets/108429977/comment "subject=Toner&body=Replaced+the+toner+%26+drum&hidden=true" >c.json &&
		cp code c.code &&
		sandbox_curl -X PUT -H "Authorization: Bearer $TEST_API_KEY" \
			-H "Content-Type: application/x-www-form-urlencoded; charset=utf-8" \
			--data "status=Waiting+for+Parts&priority=2&contact_id=" \
			"$SYNCRO_BASE_URL/tickets/108430301" >put.json &&
		sandbox_curl -X POST -H "Authorization: Bearer $TEST_API_KEY" -H "Content-Type:" \
			--data "{\"subject\":\"s\",\"body\":\"untyped JSON\"}" \
			"$SYNCRO_BASE_URL/tickets/108429977/comment" >untyped.json &&
		stop_sandbox
	) &&
	echo 200 >expect && test_cmp expect c.code &&
	jq -r ".comment | [.subject, .body, .hidden] | @tsv" c.json >actual &&
	printf "Toner\tReplaced the toner & drum\ttrue\n" >expect && test_cmp expect actual &&
	jq -r ".ticket | [.status, .priority] | @tsv" put.json >actual &&
	printf "Waiting for Parts\t2\n" >expect && test_cmp expect actual &&
	jq -r ".comment.body" untyped.json >actual &&
	echo "untyped JSON" >expect && test_cmp expect actual
'

test_expect_success 'kind: all five kind behaviours at once' '
	(
		start_sandbox --quirk kind &&
		sandbox_api POST tickets/108430330/add_line_item "$onsite" >li.json &&
		sandbox_api POST tickets/108429977/charge_timer_entry "{\"timer_entry_id\":8812040}" >ch.json &&
		sandbox_api POST tickets/108430301/comment "{\"subject\":\"s\",\"body\":\"b\",\"minutes_spent\":10}" >/dev/null &&
		sandbox_get tickets/108430301 >t.json &&
		sandbox_get invoices >list.json &&
		form POST tickets/108429977/comment "subject=a&body=b" >/dev/null &&
		cp code form.code &&
		stop_sandbox
	) &&
	jq -c "[.price_retail, .taxable]" li.json >actual &&
	echo "[150,false]" >expect && test_cmp expect actual &&
	jq -c "[.ticket_line_item_id != null]" ch.json >actual &&
	echo "[true]" >expect && test_cmp expect actual &&
	jq -c "[.ticket.ticket_timers[].billable_time]" t.json >actual &&
	echo "[10]" >expect && test_cmp expect actual &&
	jq -c "[.invoices[0].ticket_id]" list.json >actual &&
	echo "[108421677]" >expect && test_cmp expect actual &&
	echo 200 >expect && test_cmp expect form.code
'

test_expect_success 'timer-ignores-product: a timer gets the default labor product' '
	(
		start_sandbox --quirk timer-ignores-product &&
		sandbox_api POST tickets/108430330/timer_entry "{\"start_at\":\"2026-04-21T15:00:00Z\",\"duration_minutes\":30,\"product_id\":26118}" >tm.json &&
		tid=$(jq .id tm.json) &&
		sandbox_api PUT tickets/108430330/update_timer_entry "{\"timer_entry_id\":$tid,\"product_id\":26184}" >up.json &&
		stop_sandbox
	) &&
	jq -c "[.product_id]" tm.json up.json >actual &&
	printf "[1190473]\n[1190473]\n" >expect && test_cmp expect actual
'

test_expect_success 'by default a timer keeps the product it is sent' '
	(
		start_sandbox &&
		sandbox_api POST tickets/108430330/timer_entry "{\"start_at\":\"2026-04-21T15:00:00Z\",\"duration_minutes\":30,\"product_id\":26118,\"billable\":true}" >tm.json &&
		stop_sandbox
	) &&
	jq -c "[.product_id, .billable]" tm.json >actual &&
	echo "[26118,true]" >expect && test_cmp expect actual
'

test_expect_success 'timer-unbillable: every timer answer says billable false' '
	(
		start_sandbox --quirk timer-unbillable &&
		sandbox_api POST tickets/108430330/timer_entry "{\"start_at\":\"2026-04-21T15:00:00Z\",\"duration_minutes\":30,\"billable\":true}" >tm.json &&
		tid=$(jq .id tm.json) &&
		sandbox_api PUT tickets/108430330/update_timer_entry "{\"timer_entry_id\":$tid,\"notes\":\"n\"}" >up.json &&
		sandbox_api POST tickets/108430330/charge_timer_entry "{\"timer_entry_id\":$tid}" >ch.json &&
		sandbox_get tickets/108430330 >t.json &&
		stop_sandbox
	) &&
	jq -c "[.billable, .recorded]" tm.json up.json ch.json >actual &&
	printf "[false,false]\n[false,false]\n[false,true]\n" >expect && test_cmp expect actual &&
	jq -c "[.ticket.line_items[] | .quantity]" t.json >actual &&
	echo "[\"0.5\"]" >expect && test_cmp expect actual
'

test_expect_success 'invoice-filter-ignored: GET /invoices?ticket_id= lists every invoice' '
	(
		start_sandbox --quirk invoice-filter-ignored &&
		sandbox_get "invoices?ticket_id=108428233" >list.json &&
		stop_sandbox
	) &&
	jq -r "[.invoices[].number] | join(\" \")" list.json >actual &&
	echo "1048 1047 1046 1045 1044 1043 1042" >expect && test_cmp expect actual
'

test_expect_success 'no-invoiced-status: the account has no "Invoiced"' '
	(
		start_sandbox --quirk no-invoiced-status &&
		sandbox_get tickets/settings >settings.json &&
		sandbox_api PUT tickets/108430330 "{\"status\":\"Invoiced\"}" >refused &&
		cp code refused.code &&
		sandbox_reset &&
		sandbox_get tickets/settings >after-reset.json &&
		stop_sandbox
	) &&
	jq -c .ticket_status_list settings.json >actual &&
	echo "[\"New\",\"In Progress\",\"Resolved\",\"Waiting for Parts\",\"Waiting on Customer\",\"Scheduled\",\"Customer Reply\"]" >expect &&
	test_cmp expect actual &&
	jq -c .ticket_status_list after-reset.json >actual && test_cmp expect actual &&
	echo 422 >expect && test_cmp expect refused.code &&
	echo "{\"success\":false,\"message\":[\"Status is not included in the list\"]}" >expect &&
	jq -c . refused >actual && test_cmp expect actual
'

test_expect_success 'an unknown quirk is a usage error naming it' '
	test_expect_code 2 syncro-sandbox --quirk kindly 2>err &&
	head -n 1 err >actual &&
	echo "syncro-sandbox: unknown quirk '"'"'kindly'"'"'; '"'"'syncro sandbox --help'"'"' lists them" >expect &&
	test_cmp expect actual
'

test_expect_success '--help lists every quirk, each with its source' '
	syncro-sandbox --help >help &&
	for q in timer-ignores-product timer-unbillable invoice-filter-ignored no-invoiced-status \
		 fill-line-price comment-time charge-line-id invoice-ticket-id form-bodies kind; do
		grep -A1 "^    $q " help | sed -n 2p | grep "^ *(.*)\$" || { echo "$q has no source"; return 1; }
	done
'

test_done
