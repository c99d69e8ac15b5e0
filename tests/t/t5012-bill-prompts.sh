#!/bin/sh
test_description='syncro bill on a terminal: a wrong answer is asked again, never taken and never fatal'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

# what the terminal showed, without the answers script(1) echoes back
shown () {
	sed "1,${1}d" tty.out
}

test_expect_success 'minutes: 0 and a word are asked again; a labour alias with a typo is asked again' '
	answer_on_tty "$(printf "0\nabc\n30\nremot\nremote\ny")" 0 "syncro bill 32164 -m Fixed" &&
	shown 6 | sed -n "1,4p" >actual &&
	cat >expect <<-\EOF &&
	Minutes to bill (none logged): give a number of minutes from 1 to 100000
	Minutes to bill (none logged): '"'"'--minutes'"'"' takes a whole number of minutes from 1 to 100000, not '"'"'abc'"'"'
	Minutes to bill (none logged): Labor [remote]: unknown labor '"'"'remot'"'"'; did you mean '"'"'remote'"'"'?
	hint: give a product id or one of: remote, project, website, onsite, internal, travel, emergency
	EOF
	test_cmp expect actual &&
	grep "^checked invoice [0-9]*: its lines come to 62.50 as expected$" tty.out &&
	requests_with_bodies | jq -c "select(.[1] | endswith(\"/add_line_item\")) | .[2] | [.quantity, .price_retail]" >actual &&
	echo "[0.5,125]" >expect &&
	test_cmp expect actual
'

test_expect_success 'more than labor.max_minutes: asked; no asks for the minutes again; the preview and the requests, and no sends nothing' '
	sandbox_reset &&
	sandbox_clear_requests &&
	answer_on_tty "$(printf "600\nn\n45\nremote\nn")" 1 "syncro bill 32164 -m Fixed" &&
	shown 5 | sed "s|$SYNCRO_BASE_URL|BASE|" >actual &&
	cat >expect <<-\EOF &&
	Minutes to bill (none logged): 600 minutes is 10.0 hours, more than labor.max_minutes (480); record it? [y/N]: not recording 600 minutes
	Minutes to bill (none logged): Labor [remote]: PRODUCT                  HOURS   PRICE  AMOUNT
	Labor - Remote Business   0.75  125.00   93.75
	total                                    93.75
	prepaid hours: none
	POST BASE/tickets/108430330/comment
	{
	  "subject": "Update",
	  "body": "Fixed",
	  "hidden": false,
	  "do_not_email": true
	}
	POST BASE/tickets/108430330/add_line_item
	{
	  "product_id": 1190473,
	  "name": "Labor - Remote Business",
	  "description": "Fixed",
	  "quantity": 0.75,
	  "price_retail": 125,
	  "taxable": false
	}
	POST BASE/invoices
	{
	  "ticket_id": 108430330,
	  "customer_id": 34288070
	}
	GET BASE/invoices/<invoice-id>
	PUT BASE/tickets/108430330
	{
	  "status": "Invoiced"
	}
	Go on and send these? [Y/n]: syncro: not billing #32164: nothing was sent
	EOF
	test_cmp expect actual &&
	printf "%s\n" "GET /api/v1/invoices?ticket_id=108430330&customer_id=34288070" \
		"GET /api/v1/tickets/108430330" "GET /api/v1/products/1190473" >expect &&
	requests_at_once 2 >requests &&
	test_cmp expect requests
'

test_expect_success 'more than labor.max_minutes, confirmed: those minutes are billed' '
	sandbox_reset &&
	answer_on_tty "$(printf "600\ny\nremote\ny")" 0 "syncro bill 32164 -m Fixed" &&
	grep "^Labor - Remote Business  10.00  125.00  1250.00$" tty.out &&
	grep "^checked invoice [0-9]*: its lines come to 1250.00 as expected$" tty.out &&
	requests_with_bodies | jq -c "select(.[1] | endswith(\"/add_line_item\")) | .[2].quantity" >actual &&
	echo 10 >expect &&
	test_cmp expect actual
'

test_expect_success 'time logged: Enter at the prompt takes the logged minutes, no new labor is invented' '
	sandbox_reset &&
	syncro comment 32163 -m "Looked." --time 45 >/dev/null 2>&1 &&
	sandbox_clear_requests &&
	answer_on_tty "$(printf "\ny")" 0 "syncro bill 32163 -m Done" &&
	grep "^Minutes to bill (45 logged and not invoiced) \[45\]: " tty.out &&
	test_grep_not "^Labor \[" tty.out &&
	grep "^checked invoice [0-9]*: its lines come to 93.75 as expected$" tty.out &&
	sandbox_requests >requests &&
	test_grep_not "add_line_item\|timer_entry" requests &&
	sandbox_get tickets/108430301 | jq -c "[.ticket.line_items[] | [.quantity, .converted]]" >actual &&
	echo "[[\"0.75\",true]]" >expect &&
	test_cmp expect actual
'

test_done
