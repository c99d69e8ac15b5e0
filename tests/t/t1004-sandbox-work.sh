#!/bin/sh
test_description='syncro-sandbox: tickets, comments, timers, line items, invoices'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

test_expect_success 'POST /tickets: 200, wrapped, next number, first comment by nobody' '
	sandbox_api POST tickets "{\"customer_id\":34288070,\"subject\":\"Laptop fan loud\",
		\"comments_attributes\":[{\"subject\":\"Initial Issue\",\"body\":\"It whirs\"}]}" >t.json &&
	echo 200 >expect && test_cmp expect code &&
	jq -r ".ticket | [.number, .status, .customer_business_then_name, .comments[0].body, .comments[0].user_id, .user] | @tsv" t.json >actual &&
	printf "32165\tNew\tJerry Burger\tIt whirs\t\t\n" >expect && test_cmp expect actual &&
	id=$(jq .ticket.id t.json) &&
	test "$id" -gt 108430330 &&
	sandbox_get "tickets?number=32165" | jq ".tickets[0].id" >actual &&
	echo "$id" >expect && test_cmp expect actual
'

test_expect_success 'POST /tickets errors: customer, then subject' '
	sandbox_api POST tickets "{\"subject\":\"x\"}" >actual &&
	echo 422 >expect && test_cmp expect code &&
	printf "{\"error\":\"Customer required field\"}" >expect && test_cmp expect actual &&
	sandbox_api POST tickets "{\"customer_id\":34288070}" >actual &&
	printf "{\"success\":false,\"message\":[\"Subject can'"'"'t be blank\"]}" >expect && test_cmp expect actual
'

test_expect_success 'PUT /tickets/{id}: partial update, Resolved sets resolved_at, blank subject is 422' '
	sandbox_api PUT tickets/108430301 "{\"status\":\"Resolved\"}" | jq -r ".ticket | [.status, (.resolved_at != null), .subject] | @tsv" >actual &&
	printf "Resolved\ttrue\tRemote - Jim cant access his email\n" >expect && test_cmp expect actual &&
	sandbox_api PUT tickets/108430301 "{\"subject\":\"\"}" >actual &&
	echo 422 >expect && test_cmp expect code &&
	printf "{\"success\":false,\"message\":[\"Subject can'"'"'t be blank\"]}" >expect && test_cmp expect actual &&
	sandbox_api PUT tickets/108430301 "{\"status\":\"Closed\"}" | jq -c .message >actual &&
	echo "[\"Status is not included in the list\"]" >expect && test_cmp expect actual &&
	sandbox_api PUT tickets/1 "{\"status\":\"New\"}" >/dev/null && echo 404 >expect && test_cmp expect code
'

test_expect_success 'DELETE /tickets/{id}: the message with its trailing space, then 404' '
	sandbox_api DELETE tickets/108420066 >actual &&
	printf "{\"message\":\"Ticket was successfully deleted. \"}" >expect && test_cmp expect actual &&
	sandbox_api DELETE tickets/108420066 >actual &&
	echo 404 >expect && test_cmp expect code &&
	printf "{\"message\":\"Not found\"}" >expect && test_cmp expect actual
'

test_expect_success 'comment: wrapped, by the API user, emailed unless hidden or do_not_email' '
	sandbox_api POST tickets/108430330/comment "{\"subject\":\"Update\",\"body\":\"Fixed the sync\"}" >c.json &&
	jq -r ".comment | [.subject, .body, .hidden, .user_id, .tech, .destination_emails] | @tsv" c.json >actual &&
	printf "Update\tFixed the sync\tfalse\t74571\tMike Ritter\tjerry.burger@example.net\n" >expect &&
	test_cmp expect actual &&
	sandbox_api POST tickets/108430330/comment "{\"subject\":\"Note\",\"body\":\"internal\",\"hidden\":true}" |
		jq -r ".comment | [.hidden, has(\"destination_emails\")] | @tsv" >actual &&
	printf "true\tfalse\n" >expect && test_cmp expect actual &&
	sandbox_api POST tickets/108430330/comment "{\"subject\":\"Note\",\"body\":\"quiet\",\"do_not_email\":true}" |
		jq -r ".comment | has(\"destination_emails\")" >actual &&
	echo false >expect && test_cmp expect actual
'

test_expect_success 'comment without body and subject: both messages' '
	sandbox_api POST tickets/108430330/comment "{}" >actual &&
	echo 422 >expect && test_cmp expect code &&
	printf "{\"success\":false,\"message\":[\"Body can'"'"'t be blank\",\"Subject can'"'"'t be blank\"]}" >expect &&
	test_cmp expect actual
'

test_expect_success 'GET comments: newest first, 10 a page, meta with per_page' '
	sandbox_get tickets/108430330/comments >list.json &&
	jq -r ".comments[].body" list.json >actual &&
	printf "%s\n" quiet internal "Fixed the sync" >expect &&
	head -3 actual >top && test_cmp expect top &&
	jq -c ".meta" list.json >actual &&
	echo "{\"total_pages\":1,\"page\":1,\"per_page\":10}" >expect && test_cmp expect actual &&
	sandbox_get "tickets/108430330/comments?sort_direction=ASC&per_page=1" | jq -r ".comments[].subject" >actual &&
	echo "Initial Issue" >expect && test_cmp expect actual
'

test_expect_success 'timer_entry: flat, start/end times, seconds; start_at is required' '
	sandbox_api POST tickets/108430330/timer_entry "{\"start_at\":\"2026-04-21T15:00:00Z\",\"duration_minutes\":30,\"notes\":\"Fixed sync\"}" >tm.json &&
	jq -r "[.start_time, .end_time, .active_duration, .recorded, .product_id, .user_id, .ticket_id] | @tsv" tm.json >actual &&
	printf "2026-04-21T15:00:00.000Z\t2026-04-21T15:30:00.000Z\t1800\tfalse\t1190473\t74571\t108430330\n" >expect &&
	test_cmp expect actual &&
	sandbox_api POST tickets/108430330/timer_entry "{\"duration_minutes\":30}" >actual &&
	echo 422 >expect && test_cmp expect code &&
	printf "{\"error\":\"no implicit conversion of nil into String\"}" >expect && test_cmp expect actual
'

test_expect_success 'update_timer_entry changes notes and start but ignores duration_minutes' '
	tid=$(jq .id tm.json) &&
	sandbox_api PUT tickets/108430330/update_timer_entry "{\"timer_entry_id\":$tid,\"notes\":\"Fixed own cloud sync\",\"duration_minutes\":90}" |
		jq -r "[.notes, .active_duration] | @tsv" >actual &&
	printf "Fixed own cloud sync\t1800\n" >expect && test_cmp expect actual &&
	sandbox_api PUT tickets/108430330/update_timer_entry "{\"timer_entry_id\":1}" >/dev/null &&
	echo 404 >expect && test_cmp expect code
'

test_expect_success 'charge_timer_entry: a line item in hours, the timer recorded (not linked, as the spec)' '
	tid=$(jq .id tm.json) &&
	sandbox_api POST tickets/108430330/charge_timer_entry "{\"timer_entry_id\":$tid}" >ch.json &&
	jq -r "[.recorded, .ticket_line_item_id] | @json" ch.json >actual &&
	echo "[true,null]" >expect && test_cmp expect actual &&
	sandbox_get tickets/108430330 | jq -r ".ticket.line_items[] |
		[.name, .description, .quantity, .price_retail, .retail_cents, .converted] | @tsv" >actual &&
	printf "Labor - Remote Business\tFixed own cloud sync\t0.5\t125\t12500\tfalse\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'GET /ticket_timers with ticket_id' '
	sandbox_get "ticket_timers?ticket_id=108430330" >tt.json &&
	jq -r ".ticket_timers[] | [.ticket_id, .recorded] | @tsv" tt.json >actual &&
	printf "108430330\ttrue\n" >expect && test_cmp expect actual &&
	jq -c .meta tt.json >actual &&
	echo "{\"total_pages\":1,\"page\":1}" >expect && test_cmp expect actual &&
	sandbox_get ticket_timers | jq ".ticket_timers | length" >n &&
	test $(cat n) -ge 6
'

test_expect_success 'delete_timer_entry: {"success":true}, then 404' '
	sandbox_api POST tickets/108430330/timer_entry "{\"start_at\":\"2026-04-21T16:00:00Z\",\"end_at\":\"2026-04-21T16:15:00Z\"}" >t2.json &&
	jq .active_duration t2.json >actual && echo 900 >expect && test_cmp expect actual &&
	tid=$(jq .id t2.json) &&
	sandbox_api POST tickets/108430330/delete_timer_entry "{\"timer_entry_id\":$tid}" >actual &&
	printf "{\"success\":true}" >expect && test_cmp expect actual &&
	sandbox_api POST tickets/108430330/delete_timer_entry "{\"timer_entry_id\":$tid}" >/dev/null &&
	echo 404 >expect && test_cmp expect code
'

test_expect_success 'add_line_item: flat, name and description required, no price from the product' '
	sandbox_api POST tickets/108430330/add_line_item "{\"product_id\":26118}" >actual &&
	echo 422 >expect && test_cmp expect code &&
	printf "{\"errors\":\"Name can'"'"'t be blank, Description can'"'"'t be blank\",\"params\":{}}" >expect &&
	test_cmp expect actual &&
	sandbox_api POST tickets/108430330/add_line_item "{\"product_id\":26118,\"name\":\"Labor - Onsite Business\",\"description\":\"Onsite visit\",\"quantity\":1.25}" >li.json &&
	jq -r "[.quantity, .price_retail, .cost_cents, .product_category, .converted] | @tsv" li.json >actual &&
	printf "1.25\t0\t0\tLabor\tfalse\n" >expect && test_cmp expect actual
'

test_expect_success 'update_line_item is wrapped; remove_line_item answers success' '
	lid=$(jq .id li.json) &&
	sandbox_api PUT tickets/108430330/update_line_item "{\"ticket_line_item_id\":$lid,\"quantity\":2}" |
		jq -r ".ticket_line_item.quantity" >actual &&
	echo 2.0 >expect && test_cmp expect actual &&
	sandbox_api POST tickets/108430330/remove_line_item "{\"ticket_line_item_id\":$lid}" >actual &&
	printf "{\"success\":true,\"message\":\"\"}" >expect && test_cmp expect actual &&
	sandbox_api POST tickets/108430330/remove_line_item "{\"ticket_line_item_id\":$lid}" >/dev/null &&
	echo 404 >expect && test_cmp expect code
'

test_expect_success 'Make Invoice: the unconverted lines move onto the invoice, once' '
	sandbox_api POST invoices "{\"ticket_id\":108430330,\"customer_id\":34288070}" >inv.json &&
	echo 200 >expect && test_cmp expect code &&
	jq -r ".invoice | [.number, .customer_business_then_name, .ticket_id, .subtotal, .total] | @tsv" inv.json >actual &&
	printf "1049\tJerry Burger\t108430330\t62.5\t62.5\n" >expect && test_cmp expect actual &&
	id=$(jq .invoice.id inv.json) &&
	sandbox_get invoices/$id | jq -r ".invoice.line_items[] | [.item, .name, .quantity, .price] | @tsv" >actual &&
	printf "Labor - Remote Business\tFixed own cloud sync\t0.5\t125.0\n" >expect && test_cmp expect actual &&
	sandbox_get tickets/108430330 | jq -r ".ticket.line_items[].converted" >actual &&
	echo true >expect && test_cmp expect actual &&
	sandbox_api POST invoices "{\"ticket_id\":108430330}" | jq -r ".invoice.total" >actual &&
	echo 0.0 >expect && test_cmp expect actual
'

test_expect_success 'GET /invoices/{id} takes the number too, with line_items and customer' '
	sandbox_get invoices/1049 | jq -r ".invoice | [.number, (.line_items|length), .customer.fullname, (.payments|length)] | @tsv" >actual &&
	printf "1049\t1\tJerry Burger\t0\n" >expect && test_cmp expect actual
'

test_expect_success 'POST /invoices/{id}/line_items: product fills in; the invoice comes back' '
	sandbox_api POST invoices/1049/line_items "{\"product_id\":4471206,\"quantity\":2}" >inv2.json &&
	jq -r ".invoice | [(.line_items|length), .subtotal] | @tsv" inv2.json >actual &&
	printf "2\t78.5\n" >expect && test_cmp expect actual
'

test_expect_success 'GET /invoices: ticket_id filter, meta, newest first' '
	sandbox_get "invoices?ticket_id=108430330" | jq -r ".invoices[].number" >actual &&
	printf "%s\n" 1050 1049 >expect && test_cmp expect actual &&
	sandbox_get invoices | jq -c ".meta" >actual &&
	echo "{\"total_pages\":1,\"page\":1}" >expect && test_cmp expect actual
'

test_expect_success 'DELETE /invoices/{id} answers 200 even when there is no such invoice' '
	id=$(jq .invoice.id inv.json) &&
	sandbox_api DELETE invoices/$id >/dev/null && echo 200 >expect && test_cmp expect code &&
	sandbox_api DELETE invoices/$id >/dev/null && echo 200 >expect && test_cmp expect code &&
	test_must_fail sandbox_get invoices/$id >actual &&
	printf "{\"message\":\"Not found\"}" >expect && test_cmp expect actual
'

test_expect_success 'POST /invoices without a customer is 422' '
	sandbox_api POST invoices "{}" >actual &&
	echo 422 >expect && test_cmp expect code
'

test_expect_success 'a form body (curl -d) gets 400 (--quirk form-bodies reads it: t1011)' '
	sandbox_curl -X POST -H "Authorization: Bearer $TEST_API_KEY" --data "subject=Toner&body=x" \
		-o /dev/null -w "%{http_code}\n" "$SYNCRO_BASE_URL/tickets/108429977/comment" >code &&
	echo 400 >expect && test_cmp expect code
'

test_expect_success 'numbers and booleans sent for text become text, as Rails casts them' '
	sandbox_api POST tickets "{\"customer_id\":34288070,\"subject\":123}" | jq -c ".ticket.subject" >actual &&
	echo "\"123\"" >expect && test_cmp expect actual &&
	sandbox_api PUT tickets/108430301 "{\"subject\":4.5,\"priority\":1}" | jq -c ".ticket | [.subject, .priority]" >actual &&
	echo "[\"4.5\",\"1\"]" >expect && test_cmp expect actual &&
	sandbox_api POST tickets/108430301/comment "{\"subject\":true,\"body\":42}" | jq -c ".comment | [.subject, .body]" >actual &&
	echo "[\"t\",\"42\"]" >expect && test_cmp expect actual &&
	sandbox_api PUT tickets/108430301 "{\"status\":7}" >/dev/null &&
	echo 422 >expect && test_cmp expect code
'

test_done
