#!/bin/sh
test_description='syncro: list, show, note, line add/rm, email, rm; previews, confirmation, read-backs'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

# body: the JSON body of the last request, keys sorted
body () {
	sandbox_requests_json | jq -S -c '.requests[-1].body'
}

test_expect_success 'list: every invoice, newest first; the list has no names, so each customer once' '
	sandbox_clear_requests &&
	syncro invoice list >actual &&
	cat >expect <<-\EOF &&
	#1048  2026-03-10  Pinnacle Peak Realty        62.50  paid
	#1047  2026-03-16  Mesa Verde Law Group       337.50  unpaid
	#1046  2026-03-24  Copper State Logistics     125.00  unpaid
	#1045  2026-03-27  Saguaro Veterinary Clinic  348.00  unpaid
	#1044  2026-04-02  Pinnacle Peak Realty        55.00  paid
	#1043  2026-04-08  Dolores Whitfield          187.50  paid
	#1042  2026-04-09  Copper State Logistics     420.00  unpaid
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/invoices?page=1
	GET /api/v1/customers/34288079
	GET /api/v1/customers/34288076
	GET /api/v1/customers/34288077
	GET /api/v1/customers/34288078
	GET /api/v1/customers/34288072
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'list --customer --unpaid --since: the filters are sent, the names from the cache' '
	sandbox_clear_requests &&
	syncro invoice list --customer 34288077 --unpaid --since 2026-03-01 >actual &&
	cat >expect <<-\EOF &&
	#1046  2026-03-24  Copper State Logistics  125.00  unpaid
	#1042  2026-04-09  Copper State Logistics  420.00  unpaid
	EOF
	test_cmp expect actual &&
	echo "GET /api/v1/invoices?customer_id=34288077&unpaid=true&since_updated_at=2026-03-01&page=1" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'list --json: the API objects' '
	syncro invoice list --unpaid --json | jq -r ".[].number" >actual &&
	printf "%s\n" 1047 1046 1045 1042 >expect &&
	test_cmp expect actual
'

test_expect_success 'list: a bad date is a usage error, nothing sent' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro invoice list --since yesterday 2>err &&
	head -n 1 err >actual &&
	echo "syncro: invalid date '"'yesterday'"' for --since; use YYYY-MM-DD" >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success 'show N: lines with their ids, totals, tax, paid state and its ticket' '
	sandbox_clear_requests &&
	syncro invoice show 1045 >actual &&
	cat >expect <<-\EOF &&
	invoice #1045  2026-03-27  Saguaro Veterinary Clinic  unpaid
	ticket   #32142  Move office switch and patch new desks

	LINE      ITEM                     QTY   PRICE  AMOUNT  DESCRIPTION
	71203331  Labor - Onsite Business    2  150.00  300.00  Moved switch, patched six desks
	71203332  Cat6 Patch Cable 7ft       6    8.00   48.00  Patch cables

	subtotal      348.00
	tax             0.00
	total         348.00
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/invoices/1045
	GET /api/v1/invoices/1649804743/ticket
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'show by id and by #number give the same invoice' '
	syncro invoice show 1649804743 --json | jq -r .number >actual &&
	syncro invoice show "#1045" --json | jq -r .number >>actual &&
	printf "1045\n1045\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'show: an unknown invoice is exit 4, a word exit 2' '
	test_expect_code 4 syncro invoice show 999 2>err &&
	echo "syncro: invoice '"'999'"' not found; '"'syncro invoice list'"' shows the invoices" >expect &&
	test_cmp expect err &&
	test_expect_code 2 syncro invoice show abc 2>err &&
	echo "syncro: '"'abc'"' is not an invoice number or id" >expect &&
	test_cmp expect err
'

test_expect_success 'note --dry-run: the change in words, then the request; nothing sent' '
	sandbox_clear_requests &&
	syncro invoice note 1045 -m "PO 7781" --dry-run >actual &&
	cat >expect <<-EOF &&
	set the note of invoice #1045 (Saguaro Veterinary Clinic, total 348.00, unpaid)
	  from: (none)
	  to:   PO 7781
	PUT $SYNCRO_BASE_URL/invoices/1649804743
	{
	  "note": "PO 7781"
	}
	EOF
	test_cmp expect actual &&
	echo "GET /api/v1/invoices/1045" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'note: one PUT with the note, checked in the answer' '
	sandbox_clear_requests &&
	syncro invoice note 1045 -m "PO 7781" >actual &&
	echo "noted invoice #1045" >expect &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/invoices/1045
	PUT /api/v1/invoices/1649804743
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests &&
	body >actual &&
	echo "{\"note\":\"PO 7781\"}" >expect &&
	test_cmp expect actual &&
	sandbox_get invoices/1045 | jq -r .invoice.note >actual &&
	echo "PO 7781" >expect &&
	test_cmp expect actual
'

test_expect_success 'with confirm: writes and no terminal, a write is a usage error, nothing sent' '
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	echo "confirm: writes" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	sandbox_clear_requests &&
	test_expect_code 2 syncro invoice note 1045 -m "other" 2>err &&
	head -n 1 err >actual &&
	echo "syncro: this would write to Syncro and there is no terminal to confirm it; pass --yes to send, or --dry-run to see what it would send" >expect &&
	test_cmp expect actual &&
	echo "GET /api/v1/invoices/1045" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success NOT_WINE 'with confirm: writes on a terminal: the summary, then the question; no sends nothing' '
	sandbox_clear_requests &&
	printf "n\n" | test_expect_code 1 script -qec "syncro invoice note 1045 -m other" /dev/null >out &&
	tr -d "\r" <out >actual &&
	grep "^set the note of invoice #1045" actual &&
	grep "^PUT $SYNCRO_BASE_URL/invoices/1649804743" actual &&
	grep "Send? \[y/N\]" actual &&
	grep "nothing sent" actual &&
	echo "GET /api/v1/invoices/1045" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success NOT_WINE 'with confirm: writes on a terminal: yes sends' '
	sandbox_clear_requests &&
	printf "y\n" | script -qec "syncro invoice note 1045 -m \"PO 7782\"" /dev/null >out &&
	grep "noted invoice #1045" out &&
	printf "GET /api/v1/invoices/1045\nPUT /api/v1/invoices/1649804743\n" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'with confirm: writes, --yes sends without asking' '
	sandbox_clear_requests &&
	syncro invoice note 1045 -m "PO 7781" --yes </dev/null >actual &&
	echo "noted invoice #1045" >expect &&
	test_cmp expect actual &&
	rm "$XDG_CONFIG_HOME/syncro/config.yaml"
'

test_expect_success 'line add: the product'"'"'s price when none is given, the subtotal read back' '
	sandbox_clear_requests &&
	syncro invoice line add 1045 --product 4471206 --quantity 2 >actual &&
	cat >expect <<-\EOF &&
	added 2 x Cat6 Patch Cable 7ft at 8.00 = 16.00 to invoice #1045
	total now 364.00
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/invoices/1045
	GET /api/v1/products/4471206
	POST /api/v1/invoices/1649804743/line_items
	GET /api/v1/invoices/1649804743
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests &&
	sandbox_requests_json | jq -S -c ".requests[2].body" >actual &&
	echo "{\"cost\":2.1,\"item\":\"Cat6 Patch Cable 7ft\",\"name\":\"Snagless, blue\",\"price\":8,\"product_id\":4471206,\"quantity\":2,\"taxable\":true}" >expect &&
	test_cmp expect actual
'

test_expect_success 'line add --price and a product by name; --dry-run sends no write' '
	sandbox_clear_requests &&
	syncro invoice line add 1045 --product "cat6 patch cable 7ft" --price 6.5 --dry-run >actual &&
	cat >expect <<-EOF &&
	add to invoice #1045 (Saguaro Veterinary Clinic, total 364.00, unpaid):
	  1 x Cat6 Patch Cable 7ft at 6.50 = 6.50
	POST $SYNCRO_BASE_URL/invoices/1649804743/line_items
	{
	  "product_id": 4471206,
	  "item": "Cat6 Patch Cable 7ft",
	  "name": "Snagless, blue",
	  "quantity": 1,
	  "price": 6.5,
	  "cost": 2.1,
	  "taxable": true
	}
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/invoices/1045
	GET /api/v1/products?name=cat6+patch+cable+7ft
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'line add: a bad quantity is a usage error before any request' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro invoice line add 1045 --product 4471206 --quantity -1 2>err &&
	head -n 1 err >actual &&
	echo "syncro: '"'-1'"' is not a positive number for --quantity" >expect &&
	test_cmp expect actual
'

test_expect_success 'line rm: names the line, deletes it, checks the subtotal dropped' '
	line=$(sandbox_get invoices/1045 | jq -r ".invoice.line_items[-1].id") &&
	sandbox_clear_requests &&
	syncro invoice line rm 1045 "$line" >actual &&
	cat >expect <<-EOF &&
	removed line $line, 2 x Cat6 Patch Cable 7ft at 8.00 = 16.00 from invoice #1045
	total now 348.00
	EOF
	test_cmp expect actual &&
	cat >expect <<-EOF &&
	GET /api/v1/invoices/1045
	DELETE /api/v1/invoices/1649804743/line_items/$line
	GET /api/v1/invoices/1649804743
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'line rm: a line the invoice does not have is exit 4, nothing deleted' '
	sandbox_clear_requests &&
	test_expect_code 4 syncro invoice line rm 1045 12345 2>err &&
	echo "syncro: invoice #1045 has no line 12345; '"'syncro invoice show 1045'"' shows its lines" >expect &&
	test_cmp expect err &&
	echo "GET /api/v1/invoices/1045" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'email: one POST to the email endpoint' '
	sandbox_clear_requests &&
	syncro invoice email 1042 >actual &&
	echo "emailed invoice #1042 to Copper State Logistics" >expect &&
	test_cmp expect actual &&
	printf "GET /api/v1/invoices/1042\nPOST /api/v1/invoices/1649793879/email\n" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'rm without a terminal and without --yes: usage error, nothing deleted' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro invoice rm 1045 </dev/null 2>err &&
	head -n 1 err >actual &&
	echo "syncro: this would write to Syncro and there is no terminal to confirm it; pass --yes to send, or --dry-run to see what it would send" >expect &&
	test_cmp expect actual &&
	sandbox_get invoices/1045 >/dev/null
'

test_expect_success 'rm --dry-run: the invoice, its customer, total and ticket' '
	syncro invoice rm 1045 --dry-run >actual &&
	cat >expect <<-EOF &&
	delete invoice #1045 (Saguaro Veterinary Clinic, total 348.00, unpaid)
	  made from ticket #32142, whose lines stay marked as invoiced
	DELETE $SYNCRO_BASE_URL/invoices/1649804743
	EOF
	test_cmp expect actual
'

test_expect_success NOT_WINE 'rm on a terminal asks, naming the invoice; no keeps it' '
	printf "n\n" | test_expect_code 1 script -qec "syncro invoice rm 1045" /dev/null >out &&
	tr -d "\r" <out >actual &&
	grep "^delete invoice #1045 (Saguaro Veterinary Clinic, total 348.00, unpaid)" actual &&
	grep "nothing sent" actual &&
	sandbox_get invoices/1045 >/dev/null
'

test_expect_success 'rm --yes: deleted, read back, and what the API cannot undo said' '
	sandbox_clear_requests &&
	syncro invoice rm 1045 --yes >actual &&
	cat >expect <<-\EOF &&
	deleted invoice #1045 (Saguaro Veterinary Clinic, total 348.00, unpaid)
	ticket #32142 keeps its lines marked as invoiced: the Syncro API cannot make them
	billable again, so a new invoice from it would be empty; add the work again
	('"'syncro time add 32142 ...'"' or '"'syncro bill 32142'"') or bill it in the web app
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/invoices/1045
	GET /api/v1/invoices/1649804743/ticket
	DELETE /api/v1/invoices/1649804743
	GET /api/v1/invoices/1649804743
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests &&
	test_expect_code 22 sandbox_get invoices/1045 2>/dev/null
'

test_expect_success 'rm of a paid invoice: the 200 is not believed, the read-back says it stayed' '
	sandbox_clear_requests &&
	test_expect_code 1 syncro invoice rm 1043 --yes >out 2>err &&
	test ! -s out &&
	echo "syncro: Syncro answered the delete, but invoice #1043 is still there (paid): nothing was deleted; a paid invoice must have its payment removed first, in the web app" >expect &&
	test_cmp expect err &&
	sandbox_requests >requests &&
	tail -n 2 requests >actual &&
	printf "DELETE /api/v1/invoices/1649798064\nGET /api/v1/invoices/1649798064\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'completion offers the invoices seen, without the network; a deleted one is gone' '
	sandbox_clear_requests &&
	syncro __complete invoice show 104 >actual &&
	cat >expect <<-\EOF &&
	1043	Dolores Whitfield · 187.50 · paid
	1042	Copper State Logistics · 420.00 · unpaid
	1046	Copper State Logistics · 125.00 · unpaid
	1044	Pinnacle Peak Realty · 55.00 · paid
	1047	Mesa Verde Law Group · 337.50 · unpaid
	1048	Pinnacle Peak Realty · 62.50 · paid
	:36
	EOF
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success 'options of other subcommands are refused' '
	test_expect_code 2 syncro invoice show 1042 --unpaid 2>err &&
	head -n 1 err >actual &&
	echo "syncro: '"'syncro invoice show'"' does not take --unpaid" >expect &&
	test_cmp expect actual
'

test_done
