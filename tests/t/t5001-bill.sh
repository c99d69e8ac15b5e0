#!/bin/sh
test_description='syncro bill: the steps, the summary, --dry-run, refusals, questions'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox --quirk kind
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
	sandbox_get "invoices?ticket_id=$1" | jq -r '.invoices[] | select(.ticket_id == '"$1"') | .id' |
	while read -r id; do
		sandbox_get "invoices/$id" | jq -r '.invoice |
			"invoice \(.number) total \(.total)",
			(.line_items[] | "  \(.item) product \(.product_id) quantity \(.quantity) price \(.price)")'
	done
}

test_expect_success '--dry-run prints every request in order and sends only the reads' '
	syncro bill 32164 --minutes 60 --labor remote -m "$NOTES" --dry-run >actual 2>err &&
	test ! -s err &&
	cat >expect <<-EOF &&
	POST $T/comment
	{
	  "subject": "Update",
	  "body": "Fixed the ownCloud sync client.\nReinstalled it and relinked the folders.",
	  "hidden": false,
	  "do_not_email": true
	}
	POST $T/timer_entry
	{
	  "start_at": "2026-09-21T13:13:20Z",
	  "end_at": "2026-09-21T14:13:20Z",
	  "product_id": 1190473,
	  "notes": "Fixed the ownCloud sync client.",
	  "billable": true
	}
	GET $T
	POST $T/charge_timer_entry
	{
	  "timer_entry_id": "<timer-id>"
	}
	GET $T
	GET $T
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
	GET /api/v1/tickets?number=32164
	GET /api/v1/tickets/108430330
	GET /api/v1/invoices?ticket_id=108430330
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests &&
	test ! -e "$XDG_STATE_HOME/syncro/journal/bill-32164.json" &&
	ticket_facts 108430330 >facts &&
	echo "status New" >expect &&
	test_cmp expect facts
'

test_expect_success 'bill: comment, timer, charge, invoice, check, Invoiced, summary' '
	sandbox_clear_requests &&
	syncro bill 32164 --minutes 60 --labor remote -m "$NOTES" >actual 2>err &&
	cat >expect <<-EOF &&
	invoice 1049 for #32164 (Jerry Burger)
	ITEM                     QTY  PRICE
	Labor - Remote Business  1.0  125.0
	total                         125.0
	$SANDBOX_URL/invoices/1649827699
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	posted comment 412331502 on #32164
	recorded 60 minutes of product 1190473 as timer 8812109
	charged timer 8812109 onto line item 29871754
	made invoice 1049
	checked invoice 1049: it holds the ticket'"'"'s labor
	set #32164 to Invoiced
	EOF
	test_cmp expect err &&
	cat >expect <<-\EOF &&
	GET /api/v1/tickets/108430330
	GET /api/v1/invoices?ticket_id=108430330
	POST /api/v1/tickets/108430330/comment
	POST /api/v1/tickets/108430330/timer_entry
	GET /api/v1/tickets/108430330
	POST /api/v1/tickets/108430330/charge_timer_entry
	GET /api/v1/tickets/108430330
	GET /api/v1/tickets/108430330
	POST /api/v1/invoices
	GET /api/v1/invoices/1649827699
	PUT /api/v1/tickets/108430330
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests &&
	cat >expect <<-\EOF &&
	status Invoiced
	comment Update: Fixed the ownCloud sync client.
	timer product 1190473 3600s recorded true
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
	sandbox_requests | sed "1,2d; s|invoices/[0-9]*$|invoices/INVOICE|" >sent &&
	test_cmp dry.requests sent
'

test_expect_success 'an Invoiced ticket with an invoice is refused, naming the invoice' '
	sandbox_clear_requests &&
	test_expect_code 1 syncro bill 32154 --minutes 30 --labor remote -m "More work." >out 2>err &&
	test ! -s out &&
	cat >expect <<-\EOF &&
	syncro bill: ticket #32154 already has invoice 1042
	hint: bill it again anyway with --force
	EOF
	test_cmp expect err &&
	sandbox_requests >requests &&
	cat >expect <<-\EOF &&
	GET /api/v1/tickets?number=32154
	GET /api/v1/tickets/108428233
	GET /api/v1/invoices?ticket_id=108428233
	EOF
	test_cmp expect requests
'

test_expect_success 'an invoice is found by its ticket_id, not by trusting the filter' '
	sandbox_curl -X POST -H "Authorization: Bearer $TEST_API_KEY" -H "Content-Type: application/json" \
		--data "{\"ticket_id\":108429580,\"customer_id\":34288078}" "$SYNCRO_BASE_URL/invoices" >made &&
	number=$(jq -r .invoice.number made) &&
	test_expect_code 1 syncro bill 32159 --minutes 30 --labor remote -m "Parts in." 2>err &&
	echo "syncro bill: ticket #32159 already has invoice $number (status Waiting for Parts)" >expect &&
	head -n 1 err >actual &&
	test_cmp expect actual &&
	sandbox_fail "{\"method\":\"GET\",\"path\":\"/api/v1/invoices\",\"status\":200,
		\"content_type\":\"application/json\",
		\"body\":\"{\\\"invoices\\\":[{\\\"id\\\":1649793879,\\\"number\\\":\\\"1042\\\"},{\\\"id\\\":1649798064,\\\"number\\\":\\\"1043\\\",\\\"ticket_id\\\":108427765}],\\\"meta\\\":{\\\"total_pages\\\":1,\\\"page\\\":1}}\"}" &&
	sandbox_clear_requests &&
	syncro bill 32149 --minutes 15 --labor remote -m "Quick fix." --dry-run >/dev/null &&
	sandbox_requests >requests &&
	cat >expect <<-\EOF &&
	GET /api/v1/tickets?number=32149
	GET /api/v1/tickets/108427010
	GET /api/v1/invoices?ticket_id=108427010
	GET /api/v1/invoices/1649793879
	EOF
	test_cmp expect requests
'

test_expect_success '--force bills a ticket that has an invoice, with a warning' '
	syncro bill 32159 --force --minutes 30 --labor remote -m "Parts in." >out 2>err &&
	head -n 1 err >actual &&
	echo "warning: ticket #32159 already has invoice $(jq -r .invoice.number made) (status Waiting for Parts); billing it again (--force)" >expect &&
	test_cmp expect actual &&
	grep "^invoice 1052 for #32159" out
'

test_expect_success 'no minutes without a terminal: a usage error, nothing sent' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro bill 32136 -m "Work." </dev/null 2>err &&
	echo "syncro bill: missing --minutes; pass it or run on a terminal" >expect &&
	test_cmp expect err &&
	sandbox_requests >requests &&
	{ ! grep -v "^GET" requests; }
'

test_expect_success '--yes takes the config defaults' '
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	printf "labor:\n  default: onsite\n  default_minutes: 45\n" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	syncro bill 32136 -m "Onsite visit." --yes >out 2>err &&
	grep "^recorded 45 minutes of product 26118 as timer" err &&
	grep "^Labor - Onsite Business  0.75" out &&
	rm "$XDG_CONFIG_HOME/syncro/config.yaml"
'

test_expect_success 'an unknown labor alias is a usage error listing the aliases' '
	test_expect_code 2 syncro bill 32124 --minutes 30 --labor remot -m "x" 2>err &&
	cat >expect <<-\EOF &&
	syncro bill: unknown labor '"'"'remot'"'"'; did you mean '"'"'remote'"'"'?
	hint: give a product id or one of: remote, project, website, onsite, internal, travel, emergency
	EOF
	test_cmp expect err
'

test_expect_success 'uncharged timers are charged too with --yes, each line on the invoice' '
	syncro bill 32161 --minutes 15 --labor remote -m "Printer back online." --yes >out 2>err &&
	grep "^charged timer 8812040 onto line item" err &&
	sandbox_get tickets/108429977 | jq -r ".ticket.ticket_timers[] | \"\(.id) \(.recorded)\"" >timers &&
	test_grep_not false timers &&
	sed -n "/^ITEM/,/^total/p" out >lines &&
	cat >expect <<-\EOF &&
	ITEM                      QTY  PRICE
	Labor - Remote Business  0.25  125.0
	Labor - Remote Business   0.5  125.0
	total                          93.75
	EOF
	test_cmp expect lines
'

test_expect_success 'without a terminal or --yes, uncharged timers stop the bill before it starts' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro bill 32160 --minutes 15 --labor remote -m "x" </dev/null 2>err &&
	echo "syncro bill: missing --yes (to charge the uncharged timers); pass it or run on a terminal" >expect &&
	test_cmp expect err &&
	sandbox_requests >requests &&
	{ ! grep -v "^GET" requests; }
'

test_expect_success 'line-item method: add_line_item with the quantity in hours' '
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	printf "billing:\n  method: line-item\n" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	sandbox_clear_requests &&
	syncro bill 32146 --minutes 90 --labor project -m "Migrated the mailboxes." >out 2>err &&
	rm "$XDG_CONFIG_HOME/syncro/config.yaml" &&
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

test_expect_success 'comment method: the time rides on the comment, checked, then invoiced' '
	printf "billing:\n  method: comment\n" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	sandbox_clear_requests &&
	syncro bill 32123 --minutes 30 --labor remote -m "Cleaned up the disk." >out 2>err &&
	rm "$XDG_CONFIG_HOME/syncro/config.yaml" &&
	sandbox_requests_json | jq -c ".requests[] | select(.method != \"GET\") | [.method, .path, .body]" >writes &&
	cat >expect <<-\EOF &&
	["POST","/api/v1/tickets/108420744/comment",{"subject":"Update","body":"Cleaned up the disk.","hidden":false,"do_not_email":true,"product_id":1190473,"minutes_spent":30,"bill_time_now":true}]
	["POST","/api/v1/invoices",{"ticket_id":108420744,"customer_id":34288080}]
	["PUT","/api/v1/tickets/108420744",{"status":"Invoiced"}]
	EOF
	test_cmp expect writes &&
	grep "^Labor - Remote Business  0.5" out
'

test_expect_success '--abandon forgets an unfinished bill and says what Syncro keeps' '
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/invoices\",\"status\":500,\"body\":\"oops\"}" &&
	test_expect_code 7 syncro bill 32125 --minutes 30 --labor remote -m "Half done." 2>err &&
	test -f "$XDG_STATE_HOME/syncro/journal/bill-32125.json" &&
	syncro bill --abandon 32125 2>err &&
	echo "forgot the unfinished bill of #32125; Syncro keeps what it did: comment 412331509 posted, timer 8812115 recorded, timer 8812115 charged (line item 29871762)" >expect &&
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
