#!/bin/sh
test_description='syncro bill --resolved: month end over the Resolved tickets with labor'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

# status, then each invoice of the ticket: number, lines (product quantity).
invoiced () {
	sandbox_get "tickets/$1" | jq -r '.ticket.status' &&
	sandbox_get "invoices?ticket_id=$1" | jq -r ".invoices[] | .number" |
	while read -r id; do
		sandbox_get "invoices/$id" |
			jq -r '.invoice | "\(.number):" + ([.line_items[] | " \(.product_id) \(.quantity)"] | join(","))'
	done
}

cat >listing <<-\EOF
TICKET  CUSTOMER              MINUTES  AMOUNT
#32155  Mesa Verde Law Group       30   62.50
#32153  Desert Sun Dental          90  182.50
#32150  Mesa Verde Law Group       45   93.75
total                             165  338.75
EOF

test_expect_success 'without a terminal or --yes it lists them and asks for --yes' '
	test_expect_code 2 syncro bill --resolved </dev/null >out 2>err &&
	test_cmp listing out &&
	echo "syncro: missing --yes; pass it or run on a terminal" >expect &&
	test_cmp expect err &&
	sandbox_requests >requests &&
	test_grep_not "^P" requests
'

test_expect_success '--customer keeps one customer (by name or id)' '
	test_expect_code 2 syncro bill --resolved --customer "mesa verde law group" </dev/null >out 2>/dev/null &&
	cat >expect <<-\EOF &&
	TICKET  CUSTOMER              MINUTES  AMOUNT
	#32155  Mesa Verde Law Group       30   62.50
	#32150  Mesa Verde Law Group       45   93.75
	total                              75  156.25
	EOF
	test_cmp expect out &&
	test_expect_code 2 syncro bill --resolved --customer 34288075 </dev/null >out 2>/dev/null &&
	grep "^#32153  Desert Sun Dental" out &&
	test_expect_code 4 syncro bill --resolved --customer "Nobody Such" 2>err &&
	echo "syncro: no customer matches '"'"'Nobody Such'"'"'; try '"'"'syncro customers Nobody Such'"'"'" >expect &&
	test_cmp expect err
'

test_expect_success '--dry-run prints each ticket'"'"'s requests and sends none' '
	sandbox_clear_requests &&
	syncro bill --resolved --customer 34288075 --dry-run >out 2>err &&
	cat >expect <<-EOF &&
	TICKET  CUSTOMER           MINUTES  AMOUNT
	#32153  Desert Sun Dental       90  182.50
	total                           90  182.50
	# #32153
	PRODUCT                  HOURS   PRICE  AMOUNT
	Labor - Onsite Business   1.00  150.00  150.00
	Fee - Travel Time         0.50   65.00   32.50
	total                                   182.50
	prepaid hours: none
	POST $SYNCRO_BASE_URL/invoices
	{
	  "ticket_id": 108428001,
	  "customer_id": 34288075
	}
	GET $SYNCRO_BASE_URL/invoices/<invoice-id>
	PUT $SYNCRO_BASE_URL/tickets/108428001
	{
	  "status": "Invoiced"
	}
	EOF
	test_cmp expect out &&
	sandbox_requests >requests &&
	test_grep_not "^P" requests
'

test_expect_success 'bills each, goes on past a failure, ends with a table' '
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/invoices\",\"status\":500,\"body\":\"oops\"}" &&
	test_expect_code 1 syncro bill --resolved --yes >out 2>err &&
	cat listing >expect &&
	cat >>expect <<-\EOF &&
	TICKET  CUSTOMER              RESULT
	#32155  Mesa Verde Law Group  failed: the Syncro API answered '"'"'POST /invoices'"'"' with 500 and a body that is not JSON (application/json; charset=utf-8)
	#32153  Desert Sun Dental     billed: invoice 1049, 182.50
	#32150  Mesa Verde Law Group  billed: invoice 1050, 93.75
	EOF
	test_cmp expect out &&
	grep "^hint: .syncro bill 32155. resumes it" err &&
	invoiced 108428512 >actual &&
	echo Resolved >expect &&
	test_cmp expect actual &&
	invoiced 108428001 >actual &&
	printf "Invoiced\n1049: 26118 1.0, 26117 0.5\n" >expect &&
	test_cmp expect actual &&
	invoiced 108427233 >actual &&
	printf "Invoiced\n1050: 1190473 0.75\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'the failed one is resumed by the next --resolved, the others not billed twice' '
	test_path=$XDG_STATE_HOME/syncro/journal/bill-32155.json &&
	test -f "$test_path" &&
	syncro bill --resolved --yes >out 2>err &&
	cat >expect <<-\EOF &&
	TICKET  CUSTOMER              MINUTES  AMOUNT
	#32155  Mesa Verde Law Group       30   62.50
	total                              30   62.50
	TICKET  CUSTOMER              RESULT
	#32155  Mesa Verde Law Group  billed: invoice 1051, 62.50
	EOF
	test_cmp expect out &&
	grep "^resuming the bill of #32155" err &&
	invoiced 108428512 >actual &&
	printf "Invoiced\n1051: 1190473 0.5\n" >expect &&
	test_cmp expect actual &&
	test ! -e "$test_path" &&
	syncro bill --resolved --yes >out 2>err &&
	test ! -s out &&
	echo "no Resolved ticket has labor to invoice" >expect &&
	test_cmp expect err
'

test_expect_success '--resolved takes no ticket and no labor options' '
	test_expect_code 2 syncro bill --resolved 32164 2>err &&
	grep "give no ticket" err &&
	test_expect_code 2 syncro bill --resolved --minutes 30 2>err &&
	echo "syncro: '"'"'--resolved'"'"' and '"'"'--minutes'"'"' cannot go together" >expect &&
	head -n 1 err >actual &&
	test_cmp expect actual &&
	test_expect_code 2 syncro bill 32164 -m a -F b 2>err &&
	echo "syncro: '"'"'--message'"'"' and '"'"'--file'"'"' cannot go together" >expect &&
	head -n 1 err >actual &&
	test_cmp expect actual
'

test_done
