#!/bin/sh
test_description='syncro bill on the sandbox default (a reported-real account): prices sent, amounts checked, prepaid hours, the price policy'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox
mkdir -p "$XDG_CONFIG_HOME/syncro"
CONFIG=$XDG_CONFIG_HOME/syncro/config.yaml

# The bodies of the add_line_item requests the sandbox received.
line_bodies () {
	sandbox_requests_json | jq -c '.requests[] | select(.path | endswith("/add_line_item")) | .body'
}

test_expect_success 'line-item: the price is sent, so the invoice is not 0.00 where lines are not filled' '
	sandbox_clear_requests &&
	syncro bill 32161 --minutes 90 --labor onsite -m "Onsite printer fix." --yes >out 2>err &&
	line_bodies >actual &&
	echo "{\"product_id\":26118,\"name\":\"Labor - Onsite Business\",\"description\":\"Onsite printer fix.\",\"quantity\":1.5,\"price_retail\":150,\"taxable\":false}" >expect &&
	test_cmp expect actual &&
	sed -n "/^ITEM/,/^total/p" out >lines &&
	cat >expect <<-\EOF &&
	ITEM                     QTY   PRICE
	Labor - Onsite Business  1.5  150.00
	Labor - Remote Business  0.5  125.00
	total                         287.50
	EOF
	test_cmp expect lines &&
	sandbox_get tickets/108429977 | jq -r .ticket.status >actual &&
	echo Invoiced >expect &&
	test_cmp expect actual
'

test_expect_success 'timer method: a charge answered with ticket_line_item_id null still bills' '
	printf "billing:\n  method: timer\n" >"$CONFIG" &&
	syncro bill 32146 --minutes 30 --labor remote -m "Remote fix." --yes >out 2>err &&
	grep "^charged timer [0-9]* onto line item [0-9]*$" err &&
	grep "^total  *62.50$" out &&
	rm "$CONFIG"
'

test_expect_success 'a line whose price Syncro does not hold is an error before the invoice' '
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/add_line_item\",\"status\":200,\"body\":\"{\\\"id\\\":29871799,\\\"product_id\\\":1190473,\\\"quantity\\\":\\\"0.5\\\",\\\"price_retail\\\":0}\"}" &&
	sandbox_clear_requests &&
	test_expect_code 1 syncro bill 32160 --minutes 30 --labor remote -m "x" --yes >out 2>err &&
	grep "^syncro: line item 29871799 on ticket #32160 is priced 0.00, not the 125.00 sent; an invoice now would bill the wrong amount$" err &&
	sandbox_requests >requests &&
	test_grep_not "POST /api/v1/invoices\|^PUT" requests &&
	syncro bill --abandon 32160 2>/dev/null
'

test_expect_success 'prepaid hours are stated before anything is sent, and a 0.00 line of them is right' '
	sandbox_clear_requests &&
	syncro bill 32156 --minutes 90 --labor remote -m "Covered work." --yes >out 2>err &&
	head -n 1 err >first &&
	echo "covered by prepaid hours: 6.50 h left, 2.25 h used" >expect &&
	test_cmp expect first &&
	grep "^prepaid hours paid" err &&
	sandbox_get customers/34288079 | jq -r .customer.prepay_hours >actual &&
	echo 4.25 >expect &&
	test_cmp expect actual
'

test_expect_success 'the preview takes known prepaid hours off the total' '
	sandbox_reset &&
	syncro bill 32156 --minutes 90 --labor remote -m "Covered work." --dry-run >dry &&
	sed -n "1,/^covered/p" dry >actual &&
	cat >expect <<-\EOF &&
	PRODUCT                  HOURS   PRICE   AMOUNT
	Labor - Website           0.75  110.00    82.50
	Labor - Remote Business   1.50  125.00   187.50
	prepaid hours            -2.25          -270.00
	total                                      0.00
	covered by prepaid hours: 6.50 h left, 2.25 h used
	EOF
	test_cmp expect actual
'

test_expect_success 'labor beyond the prepaid hours: no guess stated, the invoice checked as Syncro holds it' '
	sandbox_reset &&
	syncro bill 32156 --minutes 480 --labor remote -m "Long job." --dry-run >dry &&
	sed -n "1,/^6.50/p" dry >actual &&
	cat >expect <<-\EOF &&
	PRODUCT                     HOURS   PRICE   AMOUNT
	Labor - Website              0.75  110.00    82.50
	Labor - Remote Business      8.00  125.00  1000.00
	total before prepaid hours                 1082.50
	6.50 h prepaid; the 2 labor lines (8.75 h) are more than that: Syncro decides what it covers
	EOF
	test_cmp expect actual &&
	test_grep_not "covered by prepaid hours" dry &&
	syncro bill 32156 --minutes 480 --labor remote -m "Long job." --yes >out 2>err &&
	head -n 1 err >actual &&
	echo "6.50 h prepaid; the 2 labor lines (8.75 h) are more than that: Syncro decides what it covers" >expect &&
	test_cmp expect actual &&
	grep "^prepaid hours paid 0.75 h of the labor$" err &&
	grep "^checked invoice 1049: its lines come to 1000.00 as expected$" err &&
	test_grep_not "covered by" err &&
	sandbox_get customers/34288079 | jq -r .customer.prepay_hours >actual &&
	echo 5.75 >expect &&
	test_cmp expect actual
'

test_expect_success 'one labor line beyond the prepaid hours, covered in part: stopped before the status' '
	sandbox_reset &&
	sandbox_api POST tickets/108428870/delete_timer_entry "{\"timer_entry_id\":8812074}" >/dev/null &&
	sandbox_fail "{\"method\":\"GET\",\"path\":\"/api/v1/invoices/*\",\"status\":200,\"body\":\"{\\\"invoice\\\":{\\\"id\\\":1649827699,\\\"number\\\":\\\"1049\\\",\\\"total\\\":\\\"187.50\\\",\\\"line_items\\\":[{\\\"id\\\":1,\\\"product_id\\\":1190473,\\\"item\\\":\\\"Labor - Remote Business\\\",\\\"quantity\\\":\\\"8.0\\\",\\\"price\\\":\\\"23.44\\\"}]}}\"}" &&
	sandbox_clear_requests &&
	test_expect_code 1 syncro bill 32156 --minutes 480 --labor remote -m "Long job." --yes >out 2>err &&
	head -n 1 err >actual &&
	echo "6.50 h prepaid; the 8.00 h line is more than that: Syncro decides what it covers" >expect &&
	test_cmp expect actual &&
	sed -n "/^syncro:/,/^hint: the labor/p" err | sed "s|at http://[^;]*;|at URL;|" >actual &&
	cat >expect <<-\EOF &&
	syncro: invoice 1049 has no line of 8.00 h of product 1190473 '"'"'Labor - Remote Business'"'"' at 125.00; Syncro holds:
	  8.0 h x 23.44 of product 1190473 '"'"'Labor - Remote Business'"'"'
	hint: the labor was more than the 6.50 h prepaid and Syncro decided what they cover; the status is unchanged; see it at URL; once it is right, '"'"'syncro bill 32156'"'"' checks it again
	EOF
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test_grep_not "^PUT" requests &&
	syncro bill --abandon 32156 2>/dev/null
'

test_expect_success 'an invoice whose amounts are not the ones expected stops before the status changes' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"GET\",\"path\":\"/api/v1/invoices/*\",\"status\":200,\"body\":\"{\\\"invoice\\\":{\\\"id\\\":1649827699,\\\"number\\\":\\\"1049\\\",\\\"total\\\":\\\"50.00\\\",\\\"line_items\\\":[{\\\"id\\\":1,\\\"product_id\\\":1190473,\\\"item\\\":\\\"Labor - Remote Business\\\",\\\"quantity\\\":\\\"0.5\\\",\\\"price\\\":\\\"100.00\\\"}]}}\"}" &&
	sandbox_clear_requests &&
	test_expect_code 1 syncro bill 32164 --minutes 30 --labor remote -m "x" --yes >out 2>err &&
	sed -n "/^syncro:/,/^hint: the status/p" err | sed "s|at http://[^;]*;|at URL;|" >actual &&
	cat >expect <<-\EOF &&
	syncro: invoice 1049 has no line of 0.50 h of product 1190473 '"'"'Labor - Remote Business'"'"' at 125.00; Syncro holds:
	  0.5 h x 100.00 of product 1190473 '"'"'Labor - Remote Business'"'"'
	hint: the status is unchanged; see it at URL; once it is right, '"'"'syncro bill 32164'"'"' checks it again
	EOF
	test_cmp expect actual &&
	sandbox_requests >requests &&
	grep "^GET /api/v1/invoices/1649827699$" requests &&
	test_grep_not "^PUT" requests &&
	sandbox_get tickets/108430330 | jq -r .ticket.status >actual &&
	echo New >expect &&
	test_cmp expect actual &&
	syncro bill --abandon 32164 2>/dev/null
'

test_expect_success 'a product priced 0.00 (internal labor) is fine, and said so' '
	sandbox_reset &&
	syncro bill 32164 --minutes 30 --labor internal -m "Internal." --yes >out 2>err &&
	head -n 1 err >actual &&
	echo "product '"'"'Labor - Internal'"'"' is priced 0.00: that line bills nothing" >expect &&
	test_cmp expect actual &&
	grep "^checked invoice 1049: its lines come to 0.00 as expected$" err &&
	grep "^Labor - Internal  0.5   0.00$" out &&
	sandbox_get tickets/108430330 | jq -r .ticket.status >actual &&
	echo Invoiced >expect &&
	test_cmp expect actual &&
	sandbox_reset
'

test_expect_success 'the price policy: rate x multiplier, taxable, subject_prefix' '
	cat >"$CONFIG" <<-\EOF &&
	labor:
	  products:
	    afterhours:
	      product: 26184
	      rate: 100
	      multiplier: 1.5
	      taxable: true
	      subject_prefix: "Emergency - "
	EOF
	sandbox_clear_requests &&
	syncro bill 32146 --minutes 60 --labor afterhours -m "Night call." --dry-run --force >dry &&
	grep "\"price_retail\": 150,$" dry &&
	grep "\"taxable\": true$" dry &&
	syncro bill 32146 --minutes 60 --labor afterhours -m "Night call." --yes --force >out 2>err &&
	sandbox_get tickets/108426245 | jq -r .ticket.subject >actual &&
	grep "^Emergency - " actual &&
	rm "$CONFIG"
'

test_expect_success 'timer method with a rate that is not the product'"'"'s price: refused, both prices as money' '
	cat >"$CONFIG" <<-\EOF &&
	billing:
	  method: timer
	labor:
	  products:
	    afterhours:
	      product: 26184
	      rate: 100.005
	EOF
	sandbox_clear_requests &&
	test_expect_code 2 syncro bill 32146 --minutes 60 --labor afterhours -m "Night call." --yes --force 2>err &&
	grep "^syncro: billing.method timer bills the product" err >actual &&
	price=$(sandbox_get products/26184 | jq -r ".product.price_retail") &&
	printf "syncro: billing.method timer bills the product'"'"'s price (%.2f), not the labor table'"'"'s 100.01; nothing was sent\n" "$price" >expect &&
	test_cmp expect actual &&
	{ sandbox_requests | grep -v "^GET " || :; } >writes &&
	test ! -s writes &&
	rm "$CONFIG"
'

test_expect_success 'a billing.status the account lacks is refused before any write' '
	printf "billing:\n  status: Billed\n" >"$CONFIG" &&
	sandbox_clear_requests &&
	test_expect_code 2 syncro bill 32164 --minutes 30 --labor remote -m "x" 2>err &&
	head -n 1 err >actual &&
	echo "syncro: the account has no status '"'"'Billed'"'"' for billing.status; nothing was sent" >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test_grep_not "^P" requests &&
	rm "$CONFIG"
'

test_expect_success 'more minutes than labor.max_minutes: refused without a terminal' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro bill 32164 --minutes 600 --labor remote -m "x" </dev/null 2>err &&
	head -n 1 err >actual &&
	echo "syncro: '"'"'--minutes 600'"'"' is 10.0 hours, more than labor.max_minutes (480)" >expect &&
	test_cmp expect actual &&
	test_expect_code 2 syncro comment 32164 -m "x" --time 100000 </dev/null 2>err &&
	grep "more than labor.max_minutes (480)" err &&
	sandbox_requests >requests &&
	test_grep_not "^P" requests
'

test_expect_success 'time edit takes the timer as the list prints it' '
	printf "billing:\n  method: timer\n" >"$CONFIG" &&
	syncro time add 32163 20 --notes "Call" >/dev/null &&
	rm "$CONFIG" &&
	syncro time 32163 | grep -o "^timer [0-9]*" | tail -n 1 >timer &&
	syncro time edit 32163 $(cat timer) --notes "Renamed" >out &&
	grep "^#32163: timer [0-9]* changed$" out &&
	syncro time edit 32163 "$(cat timer)" --minutes 25 >out &&
	grep "^#32163: timer [0-9]* changed$" out
'

test_expect_success 'time after a timer bill: each charged timer shows its line and the invoice, the line not listed again' '
	sandbox_reset &&
	printf "billing:\n  method: timer\n" >"$CONFIG" &&
	syncro bill 32156 --minutes 30 --labor remote -m "Timer job." --yes >out 2>err &&
	rm "$CONFIG" &&
	syncro time 32156 >list &&
	sed "s/  */ /g" list | cut -d" " -f1,2 >ids &&
	cat >expect <<-\EOF &&
	ID TECH
	timer 8812074
	timer 8812109
	EOF
	test_cmp expect ids &&
	grep "^timer 8812074 .*  45  website .*  line 29871755  yes$" list &&
	grep "^timer 8812109 .*  30  remote .*  line 29871754  yes$" list &&
	sandbox_reset
'

test_done
