#!/bin/sh
test_description='syncro: ticket first, then the estimate and its lines; list, show, approve, decline'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox
export SYNCRO_TEST_NOW=1796299200	# 2026-12-03 12:00 UTC

test_expect_success 'create --dry-run: the ticket, the estimate, its lines in words and requests; no write' '
	sandbox_clear_requests &&
	syncro estimate create --customer 34288070 --subject "New office wifi" \
		--line "4471201 3" --line "Cabling labour 2 95" \
		--private-note "order from ADI" --dry-run >actual &&
	cat >expect <<-EOF &&
	create ticket "Estimate - New office wifi" for customer 34288070
	  with the purchase notes as a private comment
	then estimate "New office wifi" of 2026-12-03 on that ticket, with 2 lines:
	  3 x Ubiquiti UniFi U6-Lite Access Point at 139.00 = 417.00
	  2 x Cabling labour at 95.00 = 190.00 (text)
	total 607.00
	(NEW_TICKET_ID and NEW_ESTIMATE_ID: the ids Syncro gives them)
	POST $SYNCRO_BASE_URL/tickets
	{
	  "customer_id": 34288070,
	  "subject": "Estimate - New office wifi",
	  "comments_attributes": [
	    {
	      "subject": "Purchase notes",
	      "body": "order from ADI",
	      "hidden": true,
	      "do_not_email": true
	    }
	  ]
	}
	POST $SYNCRO_BASE_URL/estimates
	{
	  "customer_id": 34288070,
	  "date": "2026-12-03",
	  "name": "New office wifi",
	  "ticket_id": "NEW_TICKET_ID"
	}
	POST $SYNCRO_BASE_URL/estimates/NEW_ESTIMATE_ID/line_items
	{
	  "product_id": 4471201,
	  "item": "Ubiquiti UniFi U6-Lite Access Point",
	  "name": "Wi-Fi 6 ceiling access point, PoE",
	  "quantity": 3,
	  "price": 139
	}
	POST $SYNCRO_BASE_URL/estimates/NEW_ESTIMATE_ID/line_items
	{
	  "item": "Cabling labour",
	  "name": "Cabling labour",
	  "quantity": 2,
	  "price": 95
	}
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/products/4471201
	GET /api/v1/products?name=Cabling+labour
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'create: the ticket, the estimate linked to it, its lines on the estimate endpoint, the total read back' '
	sandbox_clear_requests &&
	syncro estimate create --customer 34288070 --subject "New office wifi" \
		--line "4471201 3" --line "Cabling labour 2 95" --private-note "order from ADI" >actual &&
	echo "created estimate #2001 (id 2210001) for Jerry Burger on ticket #32165, total 607.00" >expect &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/products/4471201
	GET /api/v1/products?name=Cabling+labour
	POST /api/v1/tickets
	POST /api/v1/estimates
	POST /api/v1/estimates/2210001/line_items
	POST /api/v1/estimates/2210001/line_items
	GET /api/v1/estimates/2210001
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests &&
	sandbox_requests_json | jq -S -c ".requests[3].body" >actual &&
	echo "{\"customer_id\":34288070,\"date\":\"2026-12-03\",\"name\":\"New office wifi\",\"ticket_id\":108430331}" >expect &&
	test_cmp expect actual &&
	sandbox_get "tickets/108430331" | jq -c ".ticket | [.subject, .comments[0].hidden, .comments[0].body]" >actual &&
	echo "[\"Estimate - New office wifi\",true,\"order from ADI\"]" >expect &&
	test_cmp expect actual
'

test_expect_success 'the subject prefix comes from the config' '
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	printf "estimate:\n  subject_prefix: \"Quote: \"\n" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	syncro estimate create --customer 34288070 --subject "Printer" --dry-run >out &&
	head -n 1 out >actual &&
	echo "create ticket \"Quote: Printer\" for customer 34288070" >expect &&
	test_cmp expect actual &&
	rm "$XDG_CONFIG_HOME/syncro/config.yaml"
'

test_expect_success 'a text line without a price is refused before any write' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro estimate create --customer 34288070 --subject x --line "Mystery part 2" 2>err &&
	head -n 1 err >actual &&
	echo "syncro: --line '"'Mystery part 2'"': no product is called '"'Mystery part'"'; give a price for a line of text, or the product'"'"'s id" >expect &&
	test_cmp expect actual &&
	echo "GET /api/v1/products?name=Mystery+part" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'a line without a quantity is a usage error' '
	test_expect_code 2 syncro estimate create --customer 34288070 --subject x --line "4471201" 2>err &&
	head -n 1 err >actual &&
	echo "syncro: --line '"'4471201'"' needs a quantity: \"PRODUCT_OR_TEXT QTY [PRICE]\"" >expect &&
	test_cmp expect actual
'

test_expect_success 'show: the lines with item and price, the total' '
	syncro estimate show 2210001 >actual &&
	cat >expect <<-\EOF &&
	estimate #2001 (id 2210001)  2026-12-03  Fresh  Jerry Burger
	name     New office wifi
	  3 x Ubiquiti UniFi U6-Lite Access Point at 139.00 = 417.00
	  2 x Cabling labour at 95.00 = 190.00
	total    607.00
	EOF
	test_cmp expect actual
'

test_expect_success 'approve: one PUT with the status, checked' '
	sandbox_clear_requests &&
	syncro estimate approve 2210001 >actual &&
	echo "estimate #2001  Fresh -> Approved" >expect &&
	test_cmp expect actual &&
	printf "GET /api/v1/estimates/2210001\nPUT /api/v1/estimates/2210001\n" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests &&
	sandbox_requests_json | jq -c ".requests[1].body" >actual &&
	echo "{\"status\":\"Approved\"}" >expect &&
	test_cmp expect actual
'

test_expect_success 'decline --dry-run sends no PUT' '
	sandbox_clear_requests &&
	syncro estimate decline 2210001 --dry-run >actual &&
	cat >expect <<-EOF &&
	mark estimate #2001 (Jerry Burger) Declined, was Approved
	PUT $SYNCRO_BASE_URL/estimates/2210001
	{
	  "status": "Declined"
	}
	EOF
	test_cmp expect actual &&
	echo "GET /api/v1/estimates/2210001" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'list, and list --status sends the filter' '
	syncro estimate list >actual &&
	echo "2210001  #2001  2026-12-03  Approved  Jerry Burger  New office wifi" >expect &&
	test_cmp expect actual &&
	sandbox_clear_requests &&
	syncro estimate list --status declined 2>err &&
	echo "syncro: no estimates match" >expect &&
	test_cmp expect err &&
	echo "GET /api/v1/estimates?status=declined&page=1" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'an unknown estimate is exit 4' '
	test_expect_code 4 syncro estimate show 99 2>err &&
	echo "syncro: estimate 99 not found; '"'syncro estimate list'"' shows them" >expect &&
	test_cmp expect err
'

test_expect_success 'the ticket add_line_item path knows no estimate: 404' '
	sandbox_curl -o /dev/null -w "%{http_code}\n" -X POST -H "Authorization: Bearer $TEST_API_KEY" \
		-H "Content-Type: application/json" --data "{\"name\":\"x\",\"description\":\"x\"}" \
		"$SYNCRO_BASE_URL/tickets/2210001/add_line_item" >actual &&
	echo 404 >expect &&
	test_cmp expect actual
'

test_expect_success 'completion offers the estimates seen, with number, customer and status, without the network' '
	syncro estimate list >/dev/null &&
	sandbox_clear_requests &&
	syncro __complete estimate show 22 >actual &&
	printf "2210001\t#2001 · Jerry Burger · Approved\n:36\n" >expect &&
	test_cmp expect actual &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success 'list --json: one array of the estimates, [] when none match' '
	syncro estimate list --json=id,number,status >actual &&
	cat >expect <<-\EOF &&
	[
	  {
	    "id": 2210001,
	    "number": "2001",
	    "status": "Approved"
	  }
	]
	EOF
	test_cmp expect actual &&
	syncro estimate list --status declined --json >actual 2>err &&
	echo "[]" >expect &&
	test_cmp expect actual &&
	test ! -s err
'

test_expect_success 'a failed POST /estimates names the ticket it made and how to go on' '
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/estimates\",\"status\":500}" &&
	test_expect_code 7 syncro estimate create --customer 34288070 --subject "Server rack" \
		--line "Rack install 1 300" 2>err &&
	number=$(sed -n "s/^hint: ticket #\([0-9]*\) .*/\1/p" err) &&
	sandbox_get "tickets?number=$number" | jq -r ".tickets[0].subject" >actual &&
	echo "Estimate - Server rack" >expect &&
	test_cmp expect actual &&
	grep "^hint: ticket #$number (\"Estimate - Server rack\") was made for the estimate and is kept; running this again makes another\$" err &&
	grep "^hint: make the estimate on #$number in Syncro, or remove the ticket with '"'"'syncro delete $number'"'"' and run this again\$" err
'

test_expect_success 'a failed line names the estimate made, with how many of its lines' '
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/estimates/*/line_items\",\"status\":500}" &&
	test_expect_code 7 syncro estimate create --customer 34288070 --subject "Switch" \
		--line "Switch install 1 150" --line "Cabling 2 95" 2>err &&
	grep "^hint: estimate #[0-9]* (id [0-9]*) on ticket #[0-9]* was made with 0 of its 2 lines; running this again makes another\$" err &&
	grep "^hint: add the rest in Syncro, and check it with '"'"'syncro estimate show [0-9]*'"'"'\$" err
'

test_done
