#!/bin/sh
test_description='syncro update: checked before sending, one PUT, the change printed'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

TSV=$(cache_dir)/tickets.tsv

test_expect_success 'an uncached number: settings, resolve, one PUT; the change printed' '
	sandbox_clear_requests &&
	syncro update 32164 --status "in progress" >actual &&
	echo "#32164  New -> In Progress" >expect &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/tickets/settings
	GET /api/v1/tickets?number=32164
	PUT /api/v1/tickets/108430330
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests &&
	sandbox_requests_json | jq -c ".requests[-1].body" >actual &&
	echo "{\"status\":\"In Progress\"}" >expect &&
	test_cmp expect actual &&
	sandbox_get tickets/108430330 | jq -r .ticket.status >actual &&
	echo "In Progress" >expect &&
	test_cmp expect actual
'

test_expect_success 'the cache has the new status' '
	grep "^32164	108430330	In Progress	34288070	Jerry Burger	Own cloud thing again	" "$TSV"
'

test_expect_success 'a cached number: the PUT alone; one line per field' '
	sandbox_clear_requests &&
	syncro update "#32164" --status "waiting on customer" --priority "1 High" \
		--assign sam --due 2026-05-02 --subject "Own cloud sync again" \
		--problem-type Software >actual &&
	cat >expect <<-\EOF &&
	#32164  In Progress -> Waiting on Customer
	#32164  subject: Own cloud thing again -> Own cloud sync again
	#32164  priority: 1 High
	#32164  problem type: Software
	#32164  due: 2026-05-02
	#32164  tech: Sam Ortega
	EOF
	test_cmp expect actual &&
	echo "PUT /api/v1/tickets/108430330" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests &&
	sandbox_requests_json | jq -S ".requests[-1].body" >actual &&
	jq -S . >expect <<-\EOF &&
	{"status": "Waiting on Customer", "subject": "Own cloud sync again",
	 "priority": "1 High", "problem_type": "Software", "due_date": "2026-05-02",
	 "user_id": 74572}
	EOF
	test_cmp expect actual
'

test_expect_success 'uncached, every old value is known; unchanged ones say so' '
	rm -f "$TSV" &&
	sandbox_clear_requests &&
	syncro update 32164 --priority "2 Normal" --assign me --status "Waiting on Customer" >actual &&
	cat >expect <<-\EOF &&
	#32164  Waiting on Customer (unchanged)
	#32164  priority: 1 High -> 2 Normal
	#32164  tech: Sam Ortega -> Mike Ritter
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/me
	GET /api/v1/tickets?number=32164
	PUT /api/v1/tickets/108430330
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'a contact by name: looked up among the customer'"'"'s contacts' '
	sandbox_clear_requests &&
	syncro update 32161 --contact raj >actual &&
	echo "#32161  contact: Linda Chavez -> Dr. Raj Patel" >expect &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	GET /api/v1/tickets?number=32161
	GET /api/v1/contacts?customer_id=34288075
	PUT /api/v1/tickets/108429977
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests &&
	sandbox_requests_json | jq -c ".requests[-1].body" >actual &&
	echo "{\"contact_id\":1934402}" >expect &&
	test_cmp expect actual
'

test_expect_success 'an unknown status: the valid ones, a suggestion, nothing sent (exit 2)' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro update 32164 --status "in progres" --priority "3 Low" >out 2>err &&
	test ! -s out &&
	cat >expect <<-\EOF &&
	syncro: unknown status '"'in progres'"' for --status; did you mean '"'In Progress'"'?
	valid statuses: New, In Progress, Resolved, Invoiced, Waiting for Parts, Waiting on Customer, Scheduled, Customer Reply
	EOF
	test_cmp expect err &&
	sandbox_requests >requests &&
	test ! -s requests &&
	sandbox_get tickets/108430330 | jq -r ".ticket.priority" >actual &&
	echo "2 Normal" >expect &&
	test_cmp expect actual
'

test_expect_success 'with no cached settings, the unknown status costs only the settings' '
	rm -f "$(cache_dir)/ticket-settings.json" &&
	sandbox_clear_requests &&
	test_expect_code 2 syncro update 32164 --status Closed 2>err &&
	head -n 1 err >actual &&
	echo "syncro: unknown status '"'Closed'"' for --status; did you mean '"'Resolved'"'?" >expect &&
	test_cmp expect actual &&
	echo "GET /api/v1/tickets/settings" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'a number that does not exist: exit 4, no PUT' '
	sandbox_clear_requests &&
	test_expect_code 4 syncro update 99999 --status New >out 2>err &&
	test ! -s out &&
	echo "syncro: ticket #99999 not found" >expect &&
	test_cmp expect err &&
	echo "GET /api/v1/tickets?number=99999" >expect &&
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success 'a cached id that went away is resolved again' '
	sandbox_reset &&
	printf "32164\t999\tNew\t34288070\tJerry Burger\tOwn cloud thing again\t2026-04-21T00:31:00.000Z\n" >"$TSV" &&
	syncro update 32164 --priority "3 Low" >actual &&
	echo "#32164  priority: 3 Low" >expect &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	PUT /api/v1/tickets/999
	GET /api/v1/tickets?number=32164
	PUT /api/v1/tickets/108430330
	EOF
	sandbox_requests >requests &&
	test_cmp expect requests
'

test_expect_success '--json prints the updated ticket for jq' '
	syncro update 32163 --status scheduled --json >out &&
	jq -r "[.number, .status, .customer_business_then_name] | @tsv" out >actual &&
	printf "32163\tScheduled\tLeeAnn Parkinson\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'usage: a number and something to change are needed' '
	sandbox_clear_requests &&
	test_expect_code 2 syncro update 32164 2>err &&
	grep "nothing to change" err &&
	test_expect_code 2 syncro update --status New 2>err &&
	grep "takes one ticket number" err &&
	test_expect_code 2 syncro update abc --status New 2>err &&
	grep "'"'abc'"' is not a ticket number" err &&
	test_expect_code 2 syncro update 32164 --due someday 2>err &&
	echo "syncro: invalid date '"'someday'"' for --due; use YYYY-MM-DD, today, tomorrow, +3d, +2w or a weekday (friday)" >expect &&
	test_cmp expect err &&
	sandbox_requests >requests &&
	test ! -s requests &&
	syncro update --help >help &&
	for o in status priority assign due subject problem-type contact json no-input; do
		grep -e "--$o" help || return 1
	done
'

test_done
