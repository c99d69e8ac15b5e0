#!/bin/sh
test_description='syncro create: customers by id or name, fields checked before sending, the cache'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

# body: the JSON body of the last request, keys sorted
body () {
	sandbox_requests_json | jq -S '.requests[-1].body'
}

test_expect_success 'create with a customer id: one POST, the number and the web URL' '
	sandbox_clear_requests &&
	syncro create --customer 34288070 --subject "Printer on fire" -m "It is smoking" >actual &&
	cat >expect <<-EOF &&
	created #32165 for Jerry Burger
	$SANDBOX_URL/tickets/108430331
	EOF
	test_cmp expect actual &&
	echo "POST /api/v1/tickets" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests &&
	body >actual &&
	jq -S . >expect <<-\EOF &&
	{"customer_id": 34288070, "subject": "Printer on fire",
	 "comments_attributes": [{"subject": "Initial Issue", "body": "It is smoking",
	                          "hidden": false, "do_not_email": true}]}
	EOF
	test_cmp expect actual &&
	sandbox_get "tickets?number=32165" | jq -r ".tickets[0].comments[0].body" >actual &&
	echo "It is smoking" >expect &&
	test_cmp expect actual
'

test_expect_success 'the new ticket is in the cache' '
	grep "^32165	108430331	New	34288070	Jerry Burger	Printer on fire	" \
		"$(cache_dir)/tickets.tsv"
'

test_expect_success 'create with a unique name: searched once, then created' '
	sandbox_clear_requests &&
	syncro create --customer "desert sun" --subject "Scanner jams" >actual &&
	cat >expect <<-EOF &&
	created #32166 for Desert Sun Dental
	$SANDBOX_URL/tickets/108430332
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/customers?query=desert+sun&include_disabled=true
	POST /api/v1/tickets
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests &&
	body >actual &&
	echo "{\"customer_id\":34288075,\"subject\":\"Scanner jams\"}" | jq -S . >expect &&
	test_cmp expect actual
'

test_expect_success 'an ambiguous name without a terminal lists the matches and creates nothing' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro create --customer ha --subject "Which one" >out 2>err &&
	test ! -s out &&
	cat >expect <<-\EOF &&
	syncro: customer '"'ha'"' is ambiguous; pass one with --customer:
	  34288073  Tom Haskins
	  34288075  Desert Sun Dental
	  34288080  Red Rock Accounting
	EOF
	test_cmp expect err &&
	echo "GET /api/v1/customers?query=ha&include_disabled=true" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests &&
	sandbox_get "tickets?number=32167" | jq ".tickets | length" >actual &&
	echo 0 >expect &&
	test_cmp expect actual
'

test_expect_success 'an ambiguous name on a terminal: the user picks one' '
	sandbox_clear_requests &&
	printf "3\n" | script -qec "syncro create --customer ha --subject Picked" /dev/null >out &&
	tr -d "\r" <out >actual &&
	cat >expect <<-EOF &&
	3
	   1) 34288073  Tom Haskins
	   2) 34288075  Desert Sun Dental
	   3) 34288080  Red Rock Accounting
	Customer [1-3, or type to narrow]: created #32167 for Red Rock Accounting
	$SANDBOX_URL/tickets/108430333
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/customers?query=ha&include_disabled=true
	POST /api/v1/tickets
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'a name nobody has is not found (exit 4)' '
	sandbox_clear_requests &&
	test_expect_code 4 syncro create --customer zzyzx --subject x 2>err &&
	echo "syncro: no customer matches '"'zzyzx'"'; try '"'syncro customers zzyzx'"'" >expect &&
	test_cmp expect err
'

test_expect_success 'a missing subject without a terminal: exit 2, nothing sent' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro create --customer 34288070 </dev/null 2>err &&
	echo "syncro: missing --subject; pass it or run on a terminal" >expect &&
	test_cmp expect err &&
	test_expect_code 2 syncro create </dev/null 2>err &&
	echo "syncro: missing --customer and --subject; pass them or run on a terminal" >expect &&
	test_cmp expect err &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success 'missing fields are asked for on a terminal' '
	sandbox_clear_requests &&
	printf "34288071\nJim locked out\n\n" |
		script -qec "syncro create" /dev/null >out &&
	tr -d "\r" <out | tail -n 2 >actual &&
	cat >expect <<-EOF &&
	Customer: Subject: Description []: created #32168 for LeeAnn Parkinson
	$SANDBOX_URL/tickets/108430334
	EOF
	test_cmp expect actual &&
	body >actual &&
	echo "{\"customer_id\":34288071,\"subject\":\"Jim locked out\"}" | jq -S . >expect &&
	test_cmp expect actual
'

test_expect_success '--no-input: no prompt even on a terminal' '
	script -qec "syncro create --no-input --customer 34288070; echo rc=\$?" /dev/null </dev/null >out &&
	tr -d "\r" <out >actual &&
	cat >expect <<-\EOF &&
	syncro: missing --subject; pass it (prompts are off with --no-input)
	rc=2
	EOF
	test_cmp expect actual
'

test_expect_success 'every field: settings, contacts, techs looked up, one POST' '
	rm -f "$(cache_dir)/ticket-settings.json" "$(cache_dir)/account-ticket-settings.json" &&
	sandbox_clear_requests &&
	syncro create --customer 34288075 --subject "Label printer" -m "Prints blank" \
		--problem-type Hardware --status "in progress" --priority "1 High" \
		--due 2026-05-01 --assign priya --contact raj --type onsite >actual &&
	cat >expect <<-EOF &&
	created #32169 for Desert Sun Dental
	$SANDBOX_URL/tickets/108430335
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/tickets/settings
	GET /api/v1/settings
	GET /api/v1/contacts?customer_id=34288075
	POST /api/v1/tickets
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests &&
	body >actual &&
	jq -S . >expect <<-\EOF &&
	{"customer_id": 34288075, "subject": "Label printer", "status": "In Progress",
	 "priority": "1 High", "problem_type": "Hardware", "due_date": "2026-05-01",
	 "ticket_type_id": 9819, "user_id": 74573, "contact_id": 1934402,
	 "comments_attributes": [{"subject": "Initial Issue", "body": "Prints blank",
	                          "hidden": false, "do_not_email": true}]}
	EOF
	test_cmp expect actual
'

test_expect_success 'the settings are cached: no second GET; --assign me asks /me' '
	sandbox_clear_requests &&
	syncro create --customer 34288075 --subject "Mine" --status New --assign me >/dev/null &&
	cat >expect <<-\EOF &&
	GET /api/v1/me
	POST /api/v1/tickets
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests &&
	body | jq -c "[.status, .user_id]" >actual &&
	echo "[\"New\",74571]" >expect &&
	test_cmp expect actual
'

test_expect_success 'an unknown status: the valid ones, a suggestion, nothing sent' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro create --customer 34288070 --subject x --status "waiting on custmer" 2>err &&
	cat >expect <<-\EOF &&
	syncro: unknown status '"'waiting on custmer'"' for --status; did you mean '"'Waiting on Customer'"'?
	valid statuses: New, In Progress, Resolved, Invoiced, Waiting for Parts, Waiting on Customer, Scheduled, Customer Reply
	EOF
	test_cmp expect err &&
	sandbox_requests >requests &&
	test ! -s requests
'

test_expect_success 'unknown tech, type, contact and a bad date are refused before the POST' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro create --customer 34288070 --subject x --assign bob 2>err &&
	echo "syncro: unknown tech '"'bob'"' for --assign" >expect &&
	echo "techs: Mike Ritter, Sam Ortega, Priya Nair (or '"'me'"', or a user id)" >>expect &&
	test_cmp expect err &&
	test_expect_code 2 syncro create --customer 34288070 --subject x --type lab 2>err &&
	echo "syncro: unknown ticket type '"'lab'"' for --type" >expect &&
	echo "ticket types: Remote Support, Onsite, Hardware, Project" >>expect &&
	test_cmp expect err &&
	test_expect_code 2 syncro create --customer 34288070 --subject x --due 05/01/2026 2>err &&
	echo "syncro: invalid date '"'05/01/2026'"' for --due; use YYYY-MM-DD, today, tomorrow, +3d, +2w or a weekday (friday)" >expect &&
	test_cmp expect err &&
	test_expect_code 4 syncro create --customer 34288070 --subject x --contact nobody 2>err &&
	echo "syncro: no contact '"'nobody'"' for customer 34288070 (--contact); the customer has no contacts" >expect &&
	test_cmp expect err &&
	echo "GET /api/v1/contacts?customer_id=34288070" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'an id the API does not know is its 422 (exit 5)' '
	test_expect_code 5 syncro create --customer 1 --subject x 2>err &&
	grep "Customer required field" err
'

test_expect_success '--json prints the new ticket for jq' '
	syncro create --customer 34288070 --subject "For scripts" -m "hi" --json >out &&
	jq -r "[.number, .customer_business_then_name, .subject, .comments[0].body] | @tsv" out >actual &&
	printf "32171\tJerry Burger\tFor scripts\thi\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'usage: operands are refused, --help names every option' '
	test_expect_code 2 syncro create "a subject" 2>err &&
	grep "takes no arguments" err &&
	syncro create --help >help &&
	for o in customer subject body problem-type status priority due assign contact type json no-input; do
		grep -e "--$o" help || return 1
	done
'

test_expect_success 'a 500 on the POST: the ticket may exist, how to look, the first comment kept' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets\",\"status\":500,\"body\":\"<html>oops</html>\",\"content_type\":\"text/html\"}" &&
	test_expect_code 7 env SYNCRO_TEST_NOW=1777000000 \
		syncro create --customer 34288070 --subject "Fan is loud" -m "Grinding noise" >out 2>err &&
	test ! -s out &&
	draft=$HOME/.local/state/syncro/drafts/new-20260424-030640.txt &&
	cat >expect <<-EOF &&
	syncro: the Syncro API answered '"'"'POST /tickets'"'"' with 500 and a body that is not JSON (text/html)
	hint: try again later; '"'"'syncro doctor'"'"' checks the connection
	hint: the ticket may have been created: look for it before you run this again: syncro search '"'"'Fan is loud'"'"'
	hint: the first comment is saved in '"'"'$draft'"'"'
	EOF
	test_cmp expect err &&
	echo "Grinding noise" >expect &&
	test_cmp expect "$draft" &&
	rm "$draft"
'

test_expect_success 'a dropped connection on the POST says the same' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets\",\"close\":true}" &&
	test_expect_code 7 syncro create --customer 34288070 --subject Fan -m "Noise" 2>err &&
	grep "^hint: the ticket may have been created: look for it before you run this again: syncro search Fan\$" err &&
	grep "^hint: the first comment is saved in" err &&
	rm "$HOME"/.local/state/syncro/drafts/new-*.txt
'

test_expect_success 'a 422 made nothing: no hint to look, no draft left' '
	test_expect_code 5 syncro create --customer 1 --subject x -m "Noise" 2>err &&
	test_grep_not "may have been created" err &&
	test -z "$(ls -A "$HOME/.local/state/syncro/drafts")"
'

test_done
