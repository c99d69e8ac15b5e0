#!/bin/sh
test_description='syncro-sandbox: GET /tickets filters, pagination and wrapping'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

# tickets QUERY: "number status customer" lines of GET /tickets?QUERY
tickets () {
	sandbox_get "tickets?$1" >page.json &&
	jq -r ".tickets[] | \"\(.number) \(.status) \(.customer_business_then_name)\"" page.json
}

test_expect_success 'the demo anchors are there, newest first' '
	tickets "per_page=4" >actual &&
	cat >expect <<-\EOF &&
	32164 New Jerry Burger
	32163 New LeeAnn Parkinson
	32162 Scheduled Mesa Verde Law Group
	32161 In Progress Desert Sun Dental
	EOF
	test_cmp expect actual &&
	jq -c ".meta" page.json >meta &&
	echo "{\"total_pages\":12,\"page\":1}" >expect &&
	test_cmp expect meta
'

test_expect_success 'number finds one ticket, with its id different from its number' '
	sandbox_get "tickets?number=32164" | jq -c ".tickets | map([.id, .number, .subject])" >actual &&
	echo "[[108430330,32164,\"Own cloud thing again\"]]" >expect &&
	test_cmp expect actual &&
	tickets "number=99999" >actual &&
	test ! -s actual
'

test_expect_success 'status filters, and Not Closed leaves out Resolved only' '
	tickets "status=Waiting%20for%20Parts" >actual &&
	cat >expect <<-\EOF &&
	32159 Waiting for Parts Saguaro Veterinary Clinic
	32143 Waiting for Parts Desert Sun Dental
	32129 Waiting for Parts Saguaro Veterinary Clinic
	EOF
	test_cmp expect actual &&
	tickets "status=Not+Closed&per_page=100" >open &&
	tickets "per_page=100" >all &&
	grep -v " Resolved " all >expect &&
	test_cmp expect open &&
	grep " Invoiced " open
'

test_expect_success 'every status of /tickets/settings has tickets' '
	sandbox_get tickets/settings | jq -r ".ticket_status_list[]" >statuses &&
	test $(wc -l <statuses) = 8 &&
	while read -r s; do
		q=$(printf %s "$s" | sed "s/ /%20/g") &&
		tickets "status=$q" >some &&
		test -s some || return 1
	done <statuses
'

test_expect_success 'customer_id, user_id and mine' '
	tickets "customer_id=34288075&per_page=100" >actual &&
	test $(wc -l <actual) -ge 3 &&
	test_grep_not -v "Desert Sun Dental" actual &&
	sandbox_get "tickets?user_id=74572&per_page=100" | jq -r ".tickets[].user_id" | sort -u >actual &&
	echo 74572 >expect && test_cmp expect actual &&
	sandbox_get "tickets?mine=true&per_page=100" | jq -r ".tickets[].user.full_name" | sort -u >actual &&
	echo "Mike Ritter" >expect && test_cmp expect actual
'

test_expect_success 'query searches subject, customer and number' '
	tickets "query=own%20cloud" >actual &&
	cat >expect <<-\EOF &&
	32164 New Jerry Burger
	32128 Resolved Jerry Burger
	EOF
	test_cmp expect actual &&
	tickets "query=parkinson" | cut -d" " -f1 >actual &&
	printf "%s\n" 32163 32144 >expect &&
	test_cmp expect actual &&
	tickets "query=32161" | cut -d" " -f1 >actual &&
	echo 32161 >expect && test_cmp expect actual
'

test_expect_success 'since_updated_at keeps later updates only' '
	sandbox_get "tickets?per_page=100" | jq -r ".tickets[].updated_at" | sort >times &&
	mid=$(sed -n 20p times) &&
	sandbox_get "tickets?per_page=100&since_updated_at=$mid" | jq -r ".tickets[].updated_at" | sort >actual &&
	awk -v m="$mid" "\$0 > m" times >expect &&
	test_cmp expect actual
'

test_expect_success 'created_before keeps strictly earlier tickets only' '
	sandbox_get "tickets?per_page=100&created_before=2026-03-04T20:33:00.000Z" | jq -r ".tickets[].number" >actual &&
	printf "%s\n" 32121 32120 >expect &&
	test_cmp expect actual &&
	sandbox_get "tickets?per_page=100&created_after=2026-03-07T00:00:00Z&created_before=2026-03-10T00:00:00Z" |
		jq -r ".tickets[].number" >actual &&
	printf "%s\n" 32126 32125 32124 >expect &&
	test_cmp expect actual
'

test_expect_success 'resolved_after keeps tickets resolved strictly later, none unresolved' '
	sandbox_get "tickets?per_page=100&resolved_after=2026-04-05T16:16:00.000Z" |
		jq -r ".tickets[] | \"\(.number) \(.status)\"" >actual &&
	cat >expect <<-\EOF &&
	32155 Resolved
	32154 Invoiced
	32153 Resolved
	32152 Invoiced
	EOF
	test_cmp expect actual
'

test_expect_success 'pages: 25 by default, per_page up to 100, past the end is empty' '
	sandbox_get tickets | jq -c "[(.tickets|length), .meta]" >actual &&
	echo "[25,{\"total_pages\":2,\"page\":1}]" >expect && test_cmp expect actual &&
	sandbox_get "tickets?page=2" | jq -c "[(.tickets|length), .meta]" >actual &&
	echo "[20,{\"total_pages\":2,\"page\":2}]" >expect && test_cmp expect actual &&
	sandbox_get "tickets?page=3" | jq -c "[(.tickets|length), .meta]" >actual &&
	echo "[0,{\"total_pages\":2,\"page\":3}]" >expect && test_cmp expect actual &&
	sandbox_get "tickets?per_page=500" | jq -c "[(.tickets|length), .meta]" >actual &&
	echo "[45,{\"total_pages\":1,\"page\":1}]" >expect && test_cmp expect actual &&
	sandbox_get "tickets?per_page=10&page=5" | jq -r ".tickets[].number" >actual &&
	printf "%s\n" 32124 32123 32122 32121 32120 >expect && test_cmp expect actual
'

test_expect_success 'a page or per_page too large for a number is clamped, not taken as 1' '
	sandbox_get "tickets?page=99999999999999999999" | jq -c "[(.tickets|length), .meta]" >actual &&
	echo "[0,{\"total_pages\":2,\"page\":2147483647}]" >expect && test_cmp expect actual &&
	sandbox_get "tickets?page=3000000000" | jq -c "[(.tickets|length), .meta]" >actual &&
	test_cmp expect actual &&
	sandbox_get "tickets?per_page=99999999999999999999" | jq -c "[(.tickets|length), .meta]" >actual &&
	echo "[45,{\"total_pages\":1,\"page\":1}]" >expect && test_cmp expect actual
'

test_expect_success 'list items are summaries: first comment only, no customer object' '
	sandbox_get "tickets?number=32161" >list.json &&
	jq -r ".tickets[0] | [(.comments|length), has(\"customer\"), .user.full_name, .ticket_type_name] | @tsv" list.json >actual &&
	printf "1\tfalse\tMike Ritter\tOnsite\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'GET /tickets/{id} is wrapped in "ticket" with the full record' '
	sandbox_get tickets/108430330 >t.json &&
	jq -r "keys[]" t.json >actual &&
	echo ticket >expect && test_cmp expect actual &&
	jq -r ".ticket | [.number, .customer.fullname, .customer.business_then_name, (.comments|length)] | @tsv" t.json >actual &&
	printf "32164\tJerry Burger\tJerry Burger\t1\n" >expect &&
	test_cmp expect actual
'

test_expect_success '--page-size changes the default page size' '
	(
		start_sandbox --page-size 50 &&
		sandbox_get tickets | jq -c "[(.tickets|length), .meta]" >actual &&
		stop_sandbox
	) &&
	echo "[45,{\"total_pages\":1,\"page\":1}]" >expect && test_cmp expect actual
'

test_done
