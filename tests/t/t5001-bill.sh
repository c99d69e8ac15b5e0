#!/bin/sh
test_description='syncro: the steps, the summary, --dry-run, refusals, questions (line-item, the default)'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox
SYNCRO_TEST_NOW=1790000000
export SYNCRO_TEST_NOW
T=$SYNCRO_BASE_URL/tickets/108430330
NOTES='Fixed the ownCloud sync client.
Reinstalled it and relinked the folders.'

# What Syncro holds about ticket ID ($1) afterwards, one fact a line.
ticket_facts () {
	sandbox_get "tickets/$1" | jq -r '.ticket |
		"status \(.status)",
		(.comments[] | select(.id > 412331501) | "comment \(.subject): \(.body | split("\n")[0])"),
		(.ticket_timers[] | select(.id > 8812108) | "timer product \(.product_id) \(.active_duration)s recorded \(.recorded)"),
		(.line_items[] | select(.id > 29871753) | "line product \(.product_id) quantity \(.quantity) converted \(.converted)")' &&
	sandbox_get "invoices?ticket_id=$1" | jq -r '.invoices[] | .number' |
	while read -r id; do
		sandbox_get "invoices/$id" | jq -r '.invoice |
			"invoice \(.number) total \(.total)",
			(.line_items[] | "  \(.item) product \(.product_id) quantity \(.quantity) price \(.price)")'
	done
}

test_expect_success '--dry-run: the preview, then every request in order; only reads are sent' '
	syncro bill 32164 --minutes 60 --labor remote -m "$NOTES" --dry-run </dev/null >actual 2>err &&
	test ! -s err &&
	cat >expect <<-EOF &&
	PRODUCT                  HOURS   PRICE  AMOUNT
	Labor - Remote Business   1.00  125.00  125.00
	total                                   125.00
	prepaid hours: none
	POST $T/comment
	{
	  "subject": "Update",
	  "body": "Fixed the ownCloud sync client.\nReinstalled it and relinked the folders.",
	  "hidden": false,
	  "do_not_email": true
	}
	POST $T/add_line_item
	{
	  "product_id": 1190473,
	  "name": "Labor - Remote Business",
	  "description": "Fixed the ownCloud sync client.",
	  "quantity": 1,
	  "price_retail": 125,
	  "taxable": false
	}
	POST $SYNCRO_BASE_URL/invoices
	{
	  "ticket_id": 108430330,
	  "customer_id": 34288070
	}
	GET $SYNCRO_BASE_URL/invoices/<invoice-id>
	PUT $T
	{
	  "status": "Invoiced"
	}
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/products/1190473
	GET /api/v1/tickets/settings
	GET /api/v1/tickets?number=32164
	GET /api/v1/tickets/108430330
	GET /api/v1/invoices?ticket_id=108430330&customer_id=34288070
	EOF
	requests_at_once 3 >requests &&
	test_cmp expect requests &&
	test ! -e "$XDG_STATE_HOME/syncro/journal/bill-32164.json" &&
	ticket_facts 108430330 >facts &&
	echo "status New" >expect &&
	test_cmp expect facts
'

test_expect_success 'bill: comment, line item at the price read now, invoice checked by amounts, Invoiced' '
	sandbox_clear_requests &&
	syncro bill 32164 --minutes 60 --labor remote -m "$NOTES" >actual 2>err &&
	cat >expect <<-EOF &&
	invoice 1049 for #32164 (Jerry Burger)
	ITEM                     QTY   PRICE
	Labor - Remote Business  1.0  125.00
	total                         125.00
	$SANDBOX_URL/invoices/1649827699
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	posted comment 412331502 on #32164
	recorded 60 minutes of product 1190473 as line item 29871754
	made invoice 1049
	checked invoice 1049: its lines come to 125.00 as expected
	set #32164 to Invoiced
	EOF
	test_cmp expect err &&
	cat >expect <<-\EOF &&
	GET /api/v1/invoices?ticket_id=108430330&customer_id=34288070
	GET /api/v1/products/1190473
	GET /api/v1/tickets/108430330
	POST /api/v1/tickets/108430330/comment
	POST /api/v1/tickets/108430330/add_line_item
	POST /api/v1/invoices
	GET /api/v1/invoices/1649827699
	PUT /api/v1/tickets/108430330
	EOF
	requests_at_once 3 >requests &&
	test_cmp expect requests &&
	writes_on_read_connections &&
	cat >expect <<-\EOF &&
	status Invoiced
	comment Update: Fixed the ownCloud sync client.
	line product 1190473 quantity 1.0 converted true
	invoice 1049 total 125.0
	  Labor - Remote Business product 1190473 quantity 1.0 price 125.0
	EOF
	ticket_facts 108430330 >facts &&
	test_cmp expect facts &&
	test ! -e "$XDG_STATE_HOME/syncro/journal/bill-32164.json" &&
	ls "$XDG_STATE_HOME/syncro/drafts" >drafts &&
	test ! -s drafts
'

test_expect_success 'the dry run listed exactly the requests the bill sent' '
	syncro bill 32163 --minutes 30 --labor onsite -m "Reset the mail password." --dry-run >dry &&
	sed -n "s|^\([A-Z][A-Z]*\) $SYNCRO_BASE_URL|\1 /api/v1|p" dry |
		sed "s|<invoice-id>|INVOICE|" >dry.requests &&
	sandbox_clear_requests &&
	syncro bill 32163 --minutes 30 --labor onsite -m "Reset the mail password." >/dev/null 2>&1 &&
	sandbox_requests | sed "/^GET/{/invoices\/[0-9]/!d}; s|invoices/[0-9]*$|invoices/INVOICE|" >sent &&
	test_cmp dry.requests sent
'

test_expect_success 'an Invoiced ticket with an invoice is refused, naming the invoice' '
	sandbox_clear_requests &&
	test_expect_code 1 syncro bill 32154 --minutes 30 --labor remote -m "More work." >out 2>err &&
	test ! -s out &&
	cat >expect <<-\EOF &&
	syncro: ticket #32154 already has invoice 1042
	hint: bill it again anyway with --force
	EOF
	test_cmp expect err &&
	cat >expect <<-\EOF &&
	GET /api/v1/products/1190473
	GET /api/v1/tickets?number=32154
	GET /api/v1/tickets/108428233
	GET /api/v1/invoices?ticket_id=108428233&customer_id=34288077
	GET /api/v1/invoices/1042
	EOF
	requests_at_once 2 >requests &&
	test_cmp expect requests
'

test_expect_success 'an invoice is found by its ticket_id, not by trusting the filter' '
	sandbox_curl -X POST -H "Authorization: Bearer $TEST_API_KEY" -H "Content-Type: application/json" \
		--data "{\"ticket_id\":108429580,\"customer_id\":34288078}" "$SYNCRO_BASE_URL/invoices" >made &&
	number=$(jq -r .invoice.number made) &&
	test_expect_code 1 syncro bill 32159 --minutes 30 --labor remote -m "Parts in." 2>err &&
	echo "syncro: ticket #32159 already has invoice $number (status Waiting for Parts)" >expect &&
	head -n 1 err >actual &&
	test_cmp expect actual &&
	sandbox_fail "{\"method\":\"GET\",\"path\":\"/api/v1/invoices\",\"status\":200,
		\"content_type\":\"application/json\",
		\"body\":\"{\\\"invoices\\\":[{\\\"id\\\":1649793879,\\\"number\\\":\\\"1042\\\"},{\\\"id\\\":1649798064,\\\"number\\\":\\\"1043\\\",\\\"ticket_id\\\":108427765}],\\\"meta\\\":{\\\"total_pages\\\":1,\\\"page\\\":1}}\"}" &&
	sandbox_clear_requests &&
	syncro bill 32149 --minutes 15 --labor remote -m "Quick fix." --dry-run >/dev/null &&
	cat >expect <<-\EOF &&
	GET /api/v1/products/1190473
	GET /api/v1/tickets?number=32149
	GET /api/v1/tickets/108427010
	GET /api/v1/invoices?ticket_id=108427010&customer_id=34288080
	GET /api/v1/invoices/1649793879
	EOF
	requests_at_once 2 >requests &&
	test_cmp expect requests
'

test_expect_success '--force bills a ticket that has an invoice, with a warning' '
	syncro bill 32159 --force --minutes 30 --labor remote -m "Parts in." >out 2>err &&
	head -n 1 err >actual &&
	echo "syncro: warning: ticket #32159 already has invoice $(jq -r .invoice.number made) (status Waiting for Parts); billing it again (--force)" >expect &&
	test_cmp expect actual &&
	grep "^invoice 1052 for #32159" out
'

test_expect_success 'nothing logged, no --minutes, no terminal: a usage error, nothing sent' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro bill 32136 -m "Work." </dev/null 2>err &&
	echo "syncro: ticket #32136 has no labor logged; give the minutes to bill with --minutes N" >expect &&
	test_cmp expect err &&
	sandbox_requests >requests &&
	{ ! grep -v "^GET" requests; }
'

test_expect_success '--yes never invents minutes: nothing logged is the same usage error' '
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	printf "labor:\n  default: onsite\n  default_minutes: 45\n" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	sandbox_clear_requests &&
	test_expect_code 2 syncro bill 32136 -m "Onsite visit." --yes 2>err &&
	rm "$XDG_CONFIG_HOME/syncro/config.yaml" &&
	echo "syncro: ticket #32136 has no labor logged; give the minutes to bill with --minutes N" >expect &&
	test_cmp expect err &&
	sandbox_requests >requests &&
	{ ! grep -v "^GET" requests; }
'

test_expect_success 'an unknown labor alias is a usage error with the closest one' '
	test_expect_code 2 syncro bill 32124 --minutes 30 --labor remot -m "x" 2>err &&
	cat >expect <<-\EOF &&
	syncro: unknown labor '"'"'remot'"'"'; did you mean '"'"'remote'"'"'?
	hint: give a product id or one of: remote, project, website, onsite, internal, travel, emergency
	EOF
	test_cmp expect err
'

test_expect_success 'logged labor without --minutes: exactly that is billed, nothing added' '
	sandbox_clear_requests &&
	syncro bill 32161 -m "Printer back online." --yes >out 2>err &&
	grep "^charged timer 8812040 onto line item" err &&
	test_grep_not "^recorded" err &&
	sandbox_requests >requests &&
	test_grep_not "add_line_item\|/timer_entry$" requests &&
	sed -n "/^ITEM/,/^total/p" out >lines &&
	cat >expect <<-\EOF &&
	ITEM                     QTY   PRICE
	Labor - Remote Business  0.5  125.00
	total                          62.50
	EOF
	test_cmp expect lines
'

test_expect_success '--minutes 0 says "exactly what is logged"; more is added on top' '
	syncro comment 32157 -m "Swapped the toner." --time 45 >/dev/null &&
	syncro bill 32157 --minutes 0 -m "Done." --dry-run >dry &&
	sed -n "/^PRODUCT/,/^total/p" dry >actual &&
	cat >expect <<-\EOF &&
	PRODUCT                  HOURS   PRICE  AMOUNT
	Labor - Remote Business   0.75  125.00   93.75
	total                                    93.75
	EOF
	test_cmp expect actual &&
	test_grep_not add_line_item dry &&
	syncro bill 32157 --minutes 15 --labor remote -m "Done." --dry-run >dry &&
	grep -c "^Labor - Remote Business" dry >count &&
	echo 2 >expect &&
	test_cmp expect count
'

test_expect_success 'line-item method: add_line_item with the quantity in hours' '
	sandbox_clear_requests &&
	syncro bill 32146 --minutes 90 --labor project -m "Migrated the mailboxes." >out 2>err &&
	sandbox_requests | grep -v "^GET" >writes &&
	cat >expect <<-\EOF &&
	POST /api/v1/tickets/108426245/comment
	POST /api/v1/tickets/108426245/add_line_item
	POST /api/v1/invoices
	PUT /api/v1/tickets/108426245
	EOF
	test_cmp expect writes &&
	grep "^Labor - Project  1.5" out
'

test_expect_success 'comment method: ignored time is said, the comment never sent twice, the bill goes on' '
	printf "billing:\n  method: comment\n" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	sandbox_clear_requests &&
	test_expect_code 1 syncro bill 32123 --minutes 30 --labor remote -m "Cleaned up the disk." >out 2>err &&
	cat >expect <<-\EOF &&
	posted comment 412331508 on #32123
	syncro: no time was recorded: Syncro ignored the time on comment 412331508 (ticket #32123 holds no timer of that comment; it holds no timers and no line items)
	hint: billing.method line-item or timer records time the API keeps
	hint: done already: comment 412331508 posted
	hint: the comment is posted (it is not sent again); record the time with '"'"'syncro time add 32123 30 --labor 1190473 --charge'"'"', then '"'"'syncro bill 32123'"'"' goes on
	hint: '"'"'syncro bill 32123'"'"' resumes from the step that failed
	hint: '"'"'syncro bill --abandon 32123'"'"' forgets the journal (Syncro keeps what is done)
	EOF
	test_cmp expect err &&
	syncro time add 32123 30 --labor 1190473 --charge >/dev/null &&
	syncro bill 32123 >out 2>err &&
	rm "$XDG_CONFIG_HOME/syncro/config.yaml" &&
	grep "^Labor - Remote Business  0.5" out &&
	sandbox_requests_json | jq -c "[.requests[] | select(.method == \"POST\") | .path] | map(select(endswith(\"/comment\"))) | length" >actual &&
	echo 1 >expect &&
	test_cmp expect actual
'

test_expect_success '--abandon forgets an unfinished bill and says what Syncro keeps' '
	printf "billing:\n  method: timer\n" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/invoices\",\"status\":500,\"body\":\"oops\"}" &&
	test_expect_code 7 syncro bill 32125 --minutes 30 --labor remote -m "Half done." 2>err &&
	test -f "$XDG_STATE_HOME/syncro/journal/bill-32125.json" &&
	rm "$XDG_CONFIG_HOME/syncro/config.yaml" &&
	syncro bill --abandon 32125 2>err &&
	echo "forgot the unfinished bill of #32125; Syncro keeps what it did: comment 412331509 posted, timer 8812110 recorded, timer 8812110 charged (line item 29871761)" >expect &&
	test_cmp expect err &&
	test ! -e "$XDG_STATE_HOME/syncro/journal/bill-32125.json" &&
	syncro bill --abandon 32125 2>err &&
	echo "no unfinished bill of #32125 to forget" >expect &&
	test_cmp expect err
'

test_expect_success 'bad operands are usage errors' '
	test_expect_code 2 syncro bill 2>err &&
	grep "which ticket" err &&
	test_expect_code 2 syncro bill x1 2>err &&
	grep "'"'"'x1'"'"' is not a ticket number" err &&
	test_expect_code 2 syncro bill --customer x 32164 2>err &&
	grep "customer goes with --resolved" err
'

test_done
