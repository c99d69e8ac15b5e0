#!/bin/sh
test_description='syncro-sandbox: by default it behaves as real accounts are reported to

Ticket lines take no price from their product, charge_timer_entry answers
ticket_line_item_id null, comment time fields are ignored, invoice list items
are lean, a write that is not JSON gets a 400 HTML page, prepaid hours cover
labour, the status list is the account'"'"'s, and each POST makes one record.'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

test_expect_success 'add_line_item with a product but no price: worth 0, taxable' '
	sandbox_api POST tickets/108430330/add_line_item "{\"product_id\":26118,\"name\":\"Labor - Onsite Business\",\"description\":\"Onsite visit\",\"quantity\":1.5}" >li.json &&
	echo 200 >expect && test_cmp expect code &&
	jq -c "[.product_id, .quantity, .price_retail, .price_cost, .retail_cents, .cost_cents, .taxable, .product_category]" li.json >actual &&
	echo "[26118,\"1.5\",0,0,0,0,true,\"Labor\"]" >expect &&
	test_cmp expect actual
'

test_expect_success 'add_line_item keeps the price and taxable it is sent' '
	sandbox_api POST tickets/108430330/add_line_item "{\"product_id\":26118,\"name\":\"Labor - Onsite Business\",\"description\":\"Onsite visit\",\"quantity\":1,\"price_retail\":150,\"price_cost\":85,\"taxable\":false}" |
		jq -c "[.price_retail, .price_cost, .retail_cents, .cost_cents, .taxable]" >actual &&
	echo "[150,85,15000,8500,false]" >expect &&
	test_cmp expect actual
'

test_expect_success 'add_line_item needs name and description, with the spec'"'"'s error text' '
	sandbox_api POST tickets/108430330/add_line_item "{\"product_id\":26118}" >actual &&
	echo 422 >expect && test_cmp expect code &&
	printf "{\"errors\":\"Name can'"'"'t be blank, Description can'"'"'t be blank\",\"params\":{}}" >expect &&
	test_cmp expect actual &&
	sandbox_api POST tickets/108430330/add_line_item "{\"product_id\":26118,\"name\":\"Labor\"}" >actual &&
	echo 422 >expect && test_cmp expect code &&
	printf "{\"errors\":\"Description can'"'"'t be blank\",\"params\":{}}" >expect &&
	test_cmp expect actual
'

test_expect_success 'charge_timer_entry answers ticket_line_item_id null; the line is on the ticket' '
	sandbox_get tickets/108429977 | jq "[.ticket.line_items[].id]" >before &&
	sandbox_api POST tickets/108429977/charge_timer_entry "{\"timer_entry_id\":8812040}" >ch.json &&
	jq -c "[.id, .recorded, .ticket_line_item_id]" ch.json >actual &&
	echo "[8812040,true,null]" >expect && test_cmp expect actual &&
	sandbox_get tickets/108429977 >t.json &&
	jq -c "[.ticket.ticket_timers[] | select(.id == 8812040) | .ticket_line_item_id]" t.json >actual &&
	echo "[null]" >expect && test_cmp expect actual &&
	jq -c --argjson before "$(cat before)" "[.ticket.line_items[] | select(.id as \$i | \$before | index(\$i) | not) |
		[.product_id, .quantity, .price_retail]]" t.json >actual &&
	echo "[[1190473,\"0.5\",125]]" >expect && test_cmp expect actual
'

test_expect_success 'a comment'"'"'s minutes_spent, product_id and bill_time_now are ignored' '
	sandbox_get tickets/108429712 | jq -c "[(.ticket.ticket_timers | length), (.ticket.line_items | length)]" >before &&
	sandbox_api POST tickets/108429712/comment "{\"subject\":\"Update\",\"body\":\"Cleaned up the disk.\",\"product_id\":1190473,\"minutes_spent\":30,\"bill_time_now\":true}" >c.json &&
	echo 200 >expect && test_cmp expect code &&
	jq -r ".comment.body" c.json >actual &&
	echo "Cleaned up the disk." >expect && test_cmp expect actual &&
	sandbox_get tickets/108429712 | jq -c "[(.ticket.ticket_timers | length), (.ticket.line_items | length)]" >actual &&
	test_cmp before actual &&
	id=$(jq .comment.id c.json) &&
	sandbox_get "ticket_timers?ticket_id=108429712" | jq "[.ticket_timers[] | select(.comment_id == $id)] | length" >actual &&
	echo 0 >expect && test_cmp expect actual
'

test_expect_success 'GET /invoices items carry number, total, status, date, customer_id only' '
	sandbox_get invoices >list.json &&
	jq -c "[.invoices[] | keys] | unique" list.json >actual &&
	echo "[[\"customer_id\",\"date\",\"number\",\"status\",\"total\"]]" >expect &&
	test_cmp expect actual &&
	jq -c ".invoices[0]" list.json >actual &&
	echo "{\"number\":\"1048\",\"total\":\"62.5\",\"status\":\"Paid\",\"date\":\"2026-03-10T00:00:00.000Z\",\"customer_id\":34288079}" >expect &&
	test_cmp expect actual
'

test_expect_success 'GET /invoices honours the ticket_id filter' '
	sandbox_get "invoices?ticket_id=108428233" | jq -r ".invoices[].number" >actual &&
	echo 1042 >expect && test_cmp expect actual
'

cat >page.html <<\EOF
<!DOCTYPE html>
<html>
<head>
  <title>Bad Request (400)</title>
</head>
<body>
  <h1>Bad Request</h1>
  <p>The request could not be understood.</p>
</body>
</html>
EOF

# write METHOD PATH CONTENT-TYPE BODY: status in code, the type in type
write () {
	sandbox_curl -X "$1" -H "Authorization: Bearer $TEST_API_KEY" -H "Content-Type: $3" \
		--data "$4" -o body -w "%{http_code}\n%{content_type}\n" "$SYNCRO_BASE_URL/$2" >answer &&
	sed -n 1p answer >code && sed -n 2p answer >type &&
	cat body
}

test_expect_success 'a write without Content-Type: application/json gets a 400 HTML page' '
	sandbox_clear_requests &&
	write POST tickets/108430330/comment application/x-www-form-urlencoded "subject=a&body=b" >actual &&
	echo 400 >expect && test_cmp expect code &&
	echo "text/html; charset=utf-8" >expect && test_cmp expect type &&
	test_cmp page.html actual &&
	write PUT tickets/108430330 text/plain "{\"status\":\"Scheduled\"}" >actual &&
	echo 400 >expect && test_cmp expect code &&
	test_cmp page.html actual &&
	write POST tickets/108430330/comment "" "{\"subject\":\"a\",\"body\":\"b\"}" >actual &&
	echo 400 >expect && test_cmp expect code &&
	sandbox_get tickets/108430330 | jq -r "[.ticket.status, (.ticket.comments | length)] | @tsv" >actual &&
	printf "New\t1\n" >expect && test_cmp expect actual &&
	sandbox_requests_json | jq -r ".requests[].status" >actual &&
	printf "400\n400\n400\n" >expect && test_cmp expect actual
'

test_expect_success 'application/json with a charset is JSON' '
	write POST tickets/108430330/comment "application/json; charset=utf-8" "{\"subject\":\"a\",\"body\":\"b\"}" |
		jq -r .comment.body >actual &&
	echo 200 >expect && test_cmp expect code &&
	echo b >expect && test_cmp expect actual
'

# onsite TICKET_ID QUANTITY: a ticket line of onsite labour at 150.00
onsite () {
	sandbox_api POST tickets/$1/add_line_item "{\"product_id\":26118,\"name\":\"Labor - Onsite Business\",\"description\":\"Onsite\",\"quantity\":$2,\"price_retail\":150}" >/dev/null
}

# hours_left CUSTOMER_ID EXPECTED: the customer's prepay_hours are EXPECTED
hours_left () {
	sandbox_get customers/$1 | jq -r .customer.prepay_hours >actual &&
	echo "$2" >expect && test_cmp expect actual
}

test_expect_success 'every customer carries prepay_hours; Pinnacle Peak Realty has 6.5, Desert Sun Dental none' '
	sandbox_get "customers?per_page=100&include_disabled=true" | jq -r ".customers[] | [.id, .prepay_hours] | @tsv" >all &&
	wc -l <all >n && echo 11 >expect && test_cmp expect n &&
	grep -c "	0.0\$" all >zeros && echo 10 >expect && test_cmp expect zeros &&
	sandbox_get customers/34288079 | jq -r ".customer | [.business_name, .prepay_hours] | @tsv" >actual &&
	printf "Pinnacle Peak Realty\t6.5\n" >expect && test_cmp expect actual &&
	sandbox_get customers/34288075 | jq -r ".customer | [.business_name, .prepay_hours] | @tsv" >actual &&
	printf "Desert Sun Dental\t0.0\n" >expect && test_cmp expect actual
'

test_expect_success 'a prepaid customer'"'"'s labour invoices at 0 and the hours drop by the quantity' '
	onsite 108428870 1.5 &&
	sandbox_api POST tickets/108428870/add_line_item "{\"product_id\":4471202,\"name\":\"Toner\",\"description\":\"TN-760\",\"quantity\":1,\"price_retail\":79.99}" >/dev/null &&
	sandbox_api POST invoices "{\"ticket_id\":108428870,\"customer_id\":34288079}" >inv.json &&
	jq -r ".invoice | [.subtotal, .total] | @tsv" inv.json >actual &&
	printf "79.99\t79.99\n" >expect && test_cmp expect actual &&
	sandbox_get invoices/$(jq .invoice.id inv.json) | jq -r ".invoice.line_items[] | [.item, .quantity, .price] | @tsv" >actual &&
	printf "Labor - Onsite Business\t1.5\t0.0\nToner\t1.0\t79.99\n" >expect && test_cmp expect actual &&
	hours_left 34288079 5.0
'

test_expect_success 'labour beyond the prepaid hours is billed in full, the hours unchanged' '
	onsite 108428870 6 &&
	sandbox_api POST invoices "{\"ticket_id\":108428870}" | jq -r .invoice.total >actual &&
	echo 900.0 >expect && test_cmp expect actual &&
	hours_left 34288079 5.0
'

test_expect_success 'a labour line added to an invoice is covered too' '
	id=$(jq .invoice.id inv.json) &&
	sandbox_api POST invoices/$id/line_items "{\"product_id\":1190473,\"quantity\":0.5}" |
		jq -r ".invoice | [.total, .line_items[-1].price] | @tsv" >actual &&
	printf "79.99\t0.0\n" >expect && test_cmp expect actual &&
	hours_left 34288079 4.5
'

test_expect_success 'a customer without prepaid hours pays the labour' '
	onsite 108429977 1 &&
	sandbox_api POST invoices "{\"ticket_id\":108429977}" | jq -r .invoice.total >actual &&
	echo 212.5 >expect && test_cmp expect actual &&
	hours_left 34288075 0.0
'

test_expect_success 'one POST always makes one record, even when it repeats' '
	sandbox_api POST tickets/108430301/comment "{\"subject\":\"Same\",\"body\":\"Twice\"}" | jq .comment.id >one &&
	sandbox_api POST tickets/108430301/comment "{\"subject\":\"Same\",\"body\":\"Twice\"}" | jq .comment.id >two &&
	! test_cmp one two &&
	sandbox_get tickets/108430301 | jq "[.ticket.comments[] | select(.body == \"Twice\")] | length" >actual &&
	echo 2 >expect && test_cmp expect actual &&
	sandbox_api POST tickets/108430301/add_line_item "{\"name\":\"Cable\",\"description\":\"Cat6\",\"price_retail\":5}" >/dev/null &&
	sandbox_api POST tickets/108430301/add_line_item "{\"name\":\"Cable\",\"description\":\"Cat6\",\"price_retail\":5}" >/dev/null &&
	sandbox_get tickets/108430301 | jq "[.ticket.line_items[] | select(.name == \"Cable\")] | length" >actual &&
	echo 2 >expect && test_cmp expect actual
'

test_expect_success 'the status list is the account'"'"'s: the data file'"'"'s, and only it' '
	jq ".ticket_settings.ticket_status_list = [\"New\", \"Done\"]" "$abs_top_srcdir/sandbox/demo.json" >own.json &&
	(
		start_sandbox --data own.json &&
		sandbox_get tickets/settings | jq -c .ticket_status_list >list &&
		sandbox_api PUT tickets/108430330 "{\"status\":\"Done\"}" | jq -r .ticket.status >done &&
		sandbox_api PUT tickets/108430330 "{\"status\":\"Invoiced\"}" >refused &&
		stop_sandbox
	) &&
	echo "[\"New\",\"Done\"]" >expect && test_cmp expect list &&
	echo Done >expect && test_cmp expect done &&
	echo "{\"success\":false,\"message\":[\"Status is not included in the list\"]}" >expect &&
	jq -c . refused >actual && test_cmp expect actual
'

test_expect_success 'the log numbers the TCP connection of each request' '
	sandbox_clear_requests &&
	sandbox_curl -H "Authorization: Bearer $TEST_API_KEY" -o /dev/null -o /dev/null \
		"$SYNCRO_BASE_URL/me" "$SYNCRO_BASE_URL/tickets/settings" &&
	sandbox_curl -H "Authorization: Bearer $TEST_API_KEY" -o /dev/null "$SYNCRO_BASE_URL/me" &&
	sandbox_requests_json >log.json &&
	jq -c "[.requests[].connection] | [.[0] == .[1], .[1] < .[2]]" log.json >actual &&
	echo "[true,true]" >expect && test_cmp expect actual &&
	sandbox_connections >actual &&
	echo 2 >expect && test_cmp expect actual
'

test_done
